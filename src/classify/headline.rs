//! The headline: which block is the article's headline, or what text
//! stands in for it when no block is.
//!
//! Input: the labelled page, its [`Titles`] and the body's span. Output:
//! the [`Headline`] (its block, labelled, and the headline text when it is
//! only part of a block or no block at all). Sources, in order: the block
//! most like the stated title; a top-level heading; a headline-shaped line
//! on top of the byline; the title's headline part; the nearest
//! headline-shaped line above the body. It also sets the window in which
//! the byline and dateline passes look ([`header_window`]).

use std::ops::Range;

use crate::block::{Document, Kind, Region, normalize_space};
use crate::classify::label::{Label, Verdict, is_free};
use crate::classify::score::Page;
use crate::classify::title::{MIN_TITLE_MATCH, PageTitle, Stated, TitleMatch, Titles, cut_title, from_title};
use crate::classify::{byline, caption};
use crate::rules::phrases;

/// Word overlap with the title under which an `<h1>` shares nothing with
/// it (a logo, a section name, placeholder text).
const UNLIKE_TITLE: f32 = 0.2;

/// How many blocks above the body the header (headline, byline, date) may
/// start. Dumps put share bars, breadcrumbs and teasers between them.
const HEADER_REACH: usize = 15;
/// How many blocks into the body a byline or date may still sit.
const HEADER_OVERLAP: usize = 3;

/// The headline found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Headline {
    /// The block labelled as the headline.
    pub(crate) block: Option<usize>,
    /// The headline text when it is not that whole block: the title's
    /// headline part, when no block holds it alone.
    pub(crate) text: Option<String>,
}

/// Finds the headline and labels its block.
pub(crate) fn find(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    titles: &Titles,
    region: &Range<usize>,
) -> Headline {
    let mut text = None;
    let block = choose(doc, page, verdicts, &mut text, titles.title.as_ref(), titles.stated.as_ref(), region);
    Headline { block, text }
}

/// Where the header is looked for: from the headline (or a reach above
/// the body) to a few blocks into the body.
pub(crate) fn header_window(headline: Option<usize>, region: &Range<usize>, len: usize) -> Range<usize> {
    let start = headline.unwrap_or_else(|| region.start.saturating_sub(HEADER_REACH));
    let end = (region.start + HEADER_OVERLAP).min(region.end.max(region.start)).max(start);
    start..end.min(len)
}

/// Finds the headline block and labels it; returns its index. Sources, in
/// order: the block most like the title (or the stated headline); a
/// top-level heading; the title's headline part; the nearest
/// headline-shaped line above the body.
fn choose(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    piece: &mut Option<String>,
    title: Option<&PageTitle>,
    stated: Option<&Stated>,
    region: &Range<usize>,
) -> Option<usize> {
    let search_end = (region.start + HEADER_OVERLAP).min(doc.blocks.len());
    let candidates = || {
        (0..search_end).filter(|&i| {
            (is_free(verdicts, i) || verdicts[i].label == Label::Body)
                && !caption::is_slash_credit(&doc.blocks[i].text)
        })
    };
    let similarity = stated.map(|s| s.similarity.as_slice()).unwrap_or_default();
    let stated = stated.map(|s| s.text.clone());
    if let Some(stated) = &stated {
        if let Some(i) = headline_in_title(doc, stated, candidates()) {
            verdicts[i] = Verdict { label: Label::Headline, reason: "the headline part of the page title" };
            return Some(i);
        }
        let best = candidates()
            .map(|i| (i, similarity.get(i).copied().unwrap_or(0.0)))
            .filter(|(_, s)| *s >= MIN_TITLE_MATCH)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0).reverse()));
        if let Some((i, _)) = best {
            verdicts[i] = Verdict { label: Label::Headline, reason: "matches the page title" };
            // A kicker or teaser run into the headline line: keep the part
            // the title names, when the block holds it word for word.
            let part = from_title(stated).filter(|p| p.split_whitespace().count() >= 3);
            if let Some(part) =
                part.filter(|p| doc.blocks[i].text.len() > p.len() && doc.blocks[i].text.contains(*p))
            {
                *piece = Some(part.to_string());
            }
            return Some(i);
        }
    }
    let h1 = candidates()
        .find(|&i| doc.blocks[i].kind == Kind::Heading(1) && doc.blocks[i].region != Region::Aside);
    if let Some(i) = h1 {
        verdicts[i] = Verdict { label: Label::Headline, reason: "top-level heading" };
        // An <h1> unlike a title of ordinary length is a logo or a section
        // name more often than the headline: the title says it better.
        if let Some(stated) = stated.as_deref() {
            let cut = cut_title(stated);
            let unlike = TitleMatch::new(stated).similarity_lower(&page.lowered[i], page.features[i].words)
                < UNLIKE_TITLE;
            if unlike || (15..=150).contains(&cut.len()) {
                *piece = Some(cut.to_string());
            }
        }
        return Some(i);
    }
    let reach = region.start.saturating_sub(HEADER_REACH);
    let header = reach..region.start.min(doc.blocks.len());
    let shaped = |i: usize| {
        let f = &page.features[i];
        is_free(verdicts, i)
            && (3..=30).contains(&f.words)
            && !f.sentence_end
            && byline::after_cue(&doc.blocks[i].text).is_none()
            && !f.has_date
            && phrases::reading_time(&doc.blocks[i].text).is_none()
            && !caption::has_cue(&page.lowered[i])
            && !caption::is_credit_line(&doc.blocks[i].text)
    };
    if let Some(stated) = &stated {
        // A title that names no block may be the site's name alone: a
        // headline-shaped line right on top of a byline or a date is then
        // the better headline.
        let crowned = header.clone().rev().find(|&i| {
            shaped(i)
                && doc.blocks.get(i + 1).is_some_and(|next| {
                    byline::after_cue(&next.text).is_some() || page.features[i + 1].has_date
                })
        });
        if let Some(i) = crowned {
            verdicts[i] = Verdict { label: Label::Headline, reason: "heading on top of the byline" };
            return Some(i);
        }
        *piece = Some(cut_title(stated).to_string());
        return None;
    }
    if let Some(i) = header.rev().find(|&i| shaped(i)) {
        verdicts[i] = Verdict { label: Label::Headline, reason: "heading just above the body" };
        return Some(i);
    }
    // A lone first line, as a last resort (weak titles are only made from
    // block 0).
    title.filter(|t| !t.strong)?;
    verdicts[0] = Verdict { label: Label::Headline, reason: "first line of the dump" };
    Some(0)
}

/// A block that is the title's headline part exactly: the title cut as a
/// reader would cut it, or the start of the title before a site suffix
/// ("New Zealand" in "New Zealand - Wikipedia").
fn headline_in_title(
    doc: &Document,
    title: &str,
    candidates: impl Iterator<Item = usize> + Clone,
) -> Option<usize> {
    let key = |s: &str| normalize_space(s).to_lowercase();
    let cut = key(cut_title(title));
    let whole = key(title);
    candidates.clone().find(|&i| key(&doc.blocks[i].text) == cut).or_else(|| {
        candidates.filter(|&i| doc.blocks[i].text.split_whitespace().nth(1).is_some()).find(|&i| {
            let block = key(&doc.blocks[i].text);
            block.len() * 5 >= cut.len() * 2 && whole.starts_with(&block) && whole.len() > block.len()
        })
    })
}
