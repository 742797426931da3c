//! Stage 4: label every block of a page.
//!
//! Input: a [`Document`]. Output: a [`Classified`] page, one [`Verdict`]
//! (label and main reason) a block, plus the facts read from the labelled
//! blocks (authors, dates, reading time). [`classify`] is the list of
//! passes, in order; each lives in its own file, takes what it needs and
//! returns what it found:
//!
//! 1. [`score`] measures each block; [`furniture`] gives each block its
//!    first verdict;
//! 2. [`feeds`] finds sidebar feeds and lists, which fence the body;
//! 3. [`title`] reads the page's stated title and where it recurs;
//! 4. [`region`] finds the article body, scored by the block [`model`];
//! 5. around the top of the body, [`headline`], [`byline`], [`dateline`]
//!    and [`caption`] find the header and the captions;
//! 6. the rest of the body's runs is body; [`edges`] trims what the region
//!    took in that is not the article. Everything outside is dropped.
//!
//! This stage decides; it does not build the output (see `assemble`).

pub(crate) mod byline;
pub(crate) mod caption;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod edges;
pub(crate) mod feeds;
pub(crate) mod furniture;
pub(crate) mod headline;
pub(crate) mod label;
pub(crate) mod model;
pub(crate) mod region;
pub(crate) mod score;
pub(crate) mod title;

use jiff::civil::DateTime;

use crate::block::Document;
use crate::rules::phrases;
use feeds::Section;
pub(crate) use label::{Dated, Label, Verdict};
use score::Page;
use title::Titles;

/// A classified page.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    /// One verdict a block, parallel to the document's blocks.
    pub(crate) verdicts: Vec<Verdict>,
    /// Sidebar sections found.
    pub(crate) sections: Vec<Section>,
    /// The headline text when it is not a whole block: the title's
    /// headline part, when no block holds it alone.
    pub(crate) headline: Option<String>,
    /// The site's name from the title ("… - WSJ").
    pub(crate) site_name: Option<String>,
    /// A dump's title line, when it surely is one.
    pub(crate) title: Option<String>,
    /// Authors read from the byline.
    pub(crate) authors: Vec<String>,
    /// Publication time from the visible dateline.
    pub(crate) published: Option<Dated>,
    /// Last-updated time from the visible dateline.
    pub(crate) updated: Option<Dated>,
    /// Reading time in minutes.
    pub(crate) reading_time: Option<u32>,
    /// How numeric dates read on this page.
    pub(crate) order: date::Order,
}

/// What is known before the body is looked for: block features,
/// furniture and feed verdicts, the title and where it recurs.
pub(crate) struct Prepared {
    page: Page,
    verdicts: Vec<Verdict>,
    sections: Vec<Section>,
    titles: Titles,
}

pub(crate) fn prepare(doc: &Document) -> Prepared {
    let page = score::measure(doc);
    let mut verdicts = furniture::verdicts(page.features.iter().map(|f| f.furniture));
    let sections = feeds::find(doc, &page);
    feeds::mark(&sections, &mut verdicts);
    let titles = title::read(doc, &page, &mut verdicts);
    Prepared { page, verdicts, sections, titles }
}

/// Labels every block of `doc`: the passes, in order.
pub(crate) fn classify(doc: &Document, now: Option<DateTime>) -> Classified {
    let Prepared { page, mut verdicts, sections, titles } = prepare(doc);
    let mut body = region::find(doc, &page, &verdicts, &titles);
    let found = headline::find(doc, &page, &mut verdicts, &titles, &body);
    region::extend_to_headline(doc, &page, &verdicts, &mut body, found.block);
    let header = headline::header_window(found.block, &body.span, doc.blocks.len());
    let authors = byline::find(doc, &page, &mut verdicts, header.clone(), &body.span, found.block);
    let dates = dateline::find(doc, &page, &mut verdicts, header.clone(), found.block, &body.span, now);
    caption::find(doc, &page, &mut verdicts, header.start..body.span.end.max(header.end));
    let reading_time =
        header.clone().chain(body.span.clone()).find_map(|i| phrases::reading_time(&doc.blocks[i].text));
    region::mark(doc, &page, &mut verdicts, &body);
    edges::trim(doc, &mut verdicts, &authors, found.text.as_deref(), &page.lowered);
    let headline_text = found.text.clone().or_else(|| found.block.map(|i| doc.blocks[i].text.clone()));
    Classified {
        verdicts,
        sections,
        headline: found.text,
        site_name: titles.site_name(headline_text.as_deref()),
        title: titles.title_line(doc),
        authors,
        published: dates.published,
        updated: dates.updated,
        reading_time,
        order: page.order,
    }
}

/// The block model's view of a page, for training: each block's feature
/// vector, whether the body may include it, and its current score.
#[cfg(feature = "training")]
pub(crate) fn model_view(doc: &Document) -> Vec<(Vec<f32>, bool, f32)> {
    let Prepared { page, verdicts, titles, .. } = prepare(doc);
    let scores = model::scores(doc, &page, titles.anchor);
    model::vectors(doc, &page, titles.anchor)
        .into_iter()
        .zip(&verdicts)
        .zip(scores)
        .map(|((x, v), score)| (x.to_vec(), region::may_hold(v.label), score))
        .collect()
}

/// The headline model's view of a page, for training: each candidate's
/// text, what kind of candidate it is and its feature vector.
#[cfg(feature = "training")]
pub(crate) fn headline_view(doc: &Document) -> Vec<(String, &'static str, Vec<f32>)> {
    let Prepared { page, verdicts, titles, .. } = prepare(doc);
    let body = region::find(doc, &page, &verdicts, &titles);
    let candidates = headline::candidates(doc, &page, &verdicts, &titles, &body);
    let vectors = headline::vectors(doc, &page, &titles, &body, &candidates);
    candidates
        .iter()
        .zip(vectors)
        .map(|(c, x)| {
            let kind = match c {
                headline::Candidate::Block(_) => "block",
                headline::Candidate::Title(_) => "title",
                headline::Candidate::Stated(_) => "stated",
            };
            (c.text(doc).to_string(), kind, x.to_vec())
        })
        .collect()
}

/// Helpers for the passes' tests: a page in, what a pass made of it out.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::frontend::text;

    /// The body paragraphs of a page read by `front_end`.
    pub(crate) fn body_read_by(front_end: fn(&str) -> Document, page: &str) -> Vec<String> {
        let doc = front_end(page);
        let classified = classify(&doc, None);
        edges::body_blocks(&classified.verdicts).into_iter().map(|i| doc.blocks[i].text.clone()).collect()
    }

    /// The body paragraphs of a text dump.
    pub(crate) fn body_of(page: &str) -> Vec<String> {
        body_read_by(text::read, page)
    }

    /// The body paragraphs of an HTML page.
    pub(crate) fn html_body_of(page: &str) -> Vec<String> {
        body_read_by(crate::frontend::html::read, page)
    }

    /// The authors of a text dump.
    pub(crate) fn authors_of(page: &str) -> Vec<String> {
        let doc = text::read(page);
        classify(&doc, None).authors
    }

    /// The page's anchor and each block's region score.
    pub(crate) fn region_scores_of(doc: &Document) -> Vec<f32> {
        let Prepared { page, titles, .. } = prepare(doc);
        region::region_scores(doc, &page, titles.anchor)
    }

    /// Two paragraphs of an ordinary story.
    pub(crate) const STORY: &str = "The council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nThe mayor said the work would start in the spring and last for two years, with the road closed at night.\n";
}
