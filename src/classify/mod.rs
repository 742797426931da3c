//! Stage 4: label every block of a page.
//!
//! Input: a [`Document`]. Output: a [`Classified`] page, one [`Verdict`]
//! (label and main reason) a block, plus the facts read from the labelled
//! blocks (authors, dates, reading time). The steps, in order:
//!
//! 1. measure each block ([`score`]) and mark furniture ([`boilerplate`]);
//! 2. find sidebar feeds and lists ([`sidebar`]) and fence them off;
//! 3. find the article body as the best-scoring region of the rest;
//! 4. around the top of that region, find the headline ([`headline`]),
//!    byline ([`byline`]), dateline ([`date`]) and captions ([`caption`]);
//! 5. everything else in the region is body; everything outside is dropped.
//!
//! This stage decides; it does not build the output (see `assemble`).

pub(crate) mod boilerplate;
pub(crate) mod byline;
pub(crate) mod caption;
pub(crate) mod date;
pub(crate) mod headline;
pub(crate) mod model;
pub(crate) mod score;
pub(crate) mod sidebar;

use std::ops::Range;

use jiff::civil::DateTime;

use crate::block::{Document, Kind, Region, normalize_space};
use crate::model::Format;
use crate::rules::{self, phrases};
use date::{Found, Stamp};
use score::Page;
use sidebar::Section;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// Menus, buttons, banners, forms, footers.
    Furniture,
    /// The page title line of a dump (`<title>`).
    Title,
    /// The article's headline.
    Headline,
    /// The line naming the authors.
    Byline,
    /// The line giving the publication time.
    Dateline,
    /// A paragraph of the article.
    Body,
    /// A picture caption.
    Caption,
    /// The heading of a sidebar feed or list.
    SectionHeading,
    /// A sidebar item's time stamp.
    ItemTime,
    /// A sidebar item's headline.
    ItemHeadline,
    /// A sidebar item's summary.
    ItemSummary,
    /// Anything else outside the article: dropped.
    Other,
}

/// A block's label and the main reason for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The label.
    pub(crate) label: Label,
    /// Why, in a few words (shown by `--explain`).
    pub(crate) reason: &'static str,
}

/// A date as found on the page: ISO form and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dated {
    /// ISO 8601, when it could be resolved.
    pub(crate) iso: Option<String>,
    /// As written.
    pub(crate) text: String,
}

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

/// Longest block relabelled as a dateline ("Energie 12.12.2022, 08:30
/// Uhr | 3 min Lesezeit"); longer blocks give their date but stay text.
const MAX_DATELINE_WORDS: usize = 14;

/// How many blocks above the headline a bare date (a kicker line such as
/// "03.02.2022" over the title) may sit and still date the article.
const MAX_KICKER_DISTANCE: usize = 2;

/// How far from the body another strong run may be and still belong to the
/// article (an ad block or a job list can run to forty lines).
const SIDE_REACH: usize = 60;
/// Least total score of a run away from the main body for it to count:
/// one or two solid paragraphs (calibrated on the dev corpora: 2, 3, 5
/// and 8 tried; 5 and 8 best, the gain flat beyond).
const SIDE_MIN: f32 = 5.0;

/// Least total score of a run between the headline and the body.
const SIDE_MIN_AFTER_HEADLINE: f32 = 1.0;

/// Block-model score from which a block is strong enough for the region to
/// reach across short lines to it (log-odds; 1.0 is about 73%).
const STRONG_BLOCK: f32 = 1.0;

/// Word overlap with the title under which an `<h1>` shares nothing with
/// it (a logo, a section name, placeholder text).
const UNLIKE_TITLE: f32 = 0.2;

/// Longest block (words) compared with the title as a headline candidate.
const MAX_HEADLINE_WORDS: usize = 40;

/// Title similarity from which the block matching the title is the
/// headline itself, not a teaser that shares its words.
const HEADLINE_FENCE_MATCH: f32 = 0.9;
/// Fewest words of a headline that fences the body.
const MIN_FENCE_WORDS: usize = 5;

/// Fewest words a best run without prose needs to stay the body's core.
const MIN_PROSELESS_CORE_WORDS: usize = 15;

/// How many blocks above the body the header (headline, byline, date) may
/// start. Dumps put share bars, breadcrumbs and teasers between them.
const HEADER_REACH: usize = 15;
/// How many blocks into the body a byline or date may still sit.
const HEADER_OVERLAP: usize = 3;

/// What is known before the body is looked for: block features,
/// furniture and feed verdicts, the title and where it recurs.
struct Prepared {
    page: Page,
    verdicts: Vec<Verdict>,
    sections: Vec<Section>,
    title: Option<PageTitle>,
    stated: Option<Stated>,
    anchor: model::Anchor,
}

fn prepare(doc: &Document) -> Prepared {
    let page = score::measure(doc);
    let mut verdicts: Vec<Verdict> = page
        .features
        .iter()
        .map(|f| match f.furniture {
            Some(reason) => Verdict { label: Label::Furniture, reason },
            None => Verdict { label: Label::Other, reason: "outside the article region" },
        })
        .collect();
    let sections = sidebar::sections(doc, &page);
    mark_sections(&sections, &mut verdicts);
    let title = title_block(doc, &page, &mut verdicts);
    let stated = stated_headline(doc, &page, title.as_ref());
    let anchor = title_anchor(&verdicts, stated.as_ref());
    Prepared { page, verdicts, sections, title, stated, anchor }
}

/// Labels every block of `doc`.
pub(crate) fn classify(doc: &Document, now: Option<DateTime>) -> Classified {
    let Prepared { page, verdicts, sections, title, stated, anchor } = prepare(doc);
    // A block that is the stated headline word for word fences the body
    // even from inside: what runs into it from above is another list. A
    // short one may be the site's name standing in for a headline.
    let fence = anchor.filter(|&a| {
        page.features[a].words >= MIN_FENCE_WORDS
            && stated.as_ref().is_some_and(|s| s.similarity[a] >= HEADLINE_FENCE_MATCH)
    });
    let (segments, core) = body_segments(doc, &page, &verdicts, anchor, fence);
    // The header is read around the main run of the body, which is where
    // the article starts even when a lead paragraph or a later run joins.
    let region = match segments.last() {
        Some(last) => core.start..last.end.max(core.end),
        None => 0..0,
    };
    let mut out = Classified {
        verdicts,
        sections,
        headline: None,
        site_name: title
            .as_ref()
            .filter(|t| t.strong)
            .and_then(|t| headline::site_from_title(&t.text))
            .map(str::to_string),
        authors: Vec::new(),
        published: None,
        updated: None,
        reading_time: None,
        order: page.order,
    };
    let headline = find_headline(doc, &page, &mut out, title, stated.as_ref(), &region);
    let header = header_window(headline, &region, doc.blocks.len());
    find_byline(doc, &page, &mut out, header.clone(), &region, headline);
    mark_stated_byline(doc, &page, &mut out, header.clone());
    find_dates(doc, &page, &mut out, header.clone(), headline, &region, now);
    find_captions(doc, &page, &mut out, header.start..region.end.max(header.end));
    out.reading_time =
        header.clone().chain(region.clone()).find_map(|i| phrases::reading_time(&doc.blocks[i].text));
    for i in segments.into_iter().flatten() {
        if out.verdicts[i].label == Label::Other {
            // A date line in the body ("Aktualisiert: 11.04.2020, 10:27"
            // under the byline) is the article's furniture, whether or
            // not it gave the date.
            out.verdicts[i] = if date::is_date_line(&doc.blocks[i].text, page.order) {
                Verdict { label: Label::Dateline, reason: "a date line in the body" }
            } else {
                Verdict { label: Label::Body, reason: "inside the article region" }
            };
        }
    }
    drop_author_bio(doc, &mut out);
    drop_organisation_profile(doc, &mut out);
    drop_people_lists(doc, &mut out);
    drop_leading_counters(doc, &mut out);
    out
}

/// Body paragraphs that come before an organisation's profile.
const MIN_STORY_BEFORE_PROFILE: usize = 4;

/// Most words of the name a profile paragraph opens with.
const MAX_PROFILE_NAME_WORDS: usize = 4;

/// The organisation a paragraph profiles: the capitalised words it opens
/// with, when a profile copula follows them ("Ascom is a …").
fn profiled_name(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.splitn(MAX_PROFILE_NAME_WORDS + 3, ' ').collect();
    for n in 1..=MAX_PROFILE_NAME_WORDS.min(words.len().saturating_sub(1)) {
        // A pronoun or article opens ordinary sentences ("It is a …").
        let word = words[n - 1];
        if !word.starts_with(char::is_uppercase) || rules::stopwords::languages_of(&word.to_lowercase()) != 0
        {
            return None;
        }
        let one = words[n].to_lowercase();
        let two = words.get(n + 1).map(|w| format!("{one} {}", w.to_lowercase()));
        let copula = |c: &str| rules::authors::PROFILE_COPULAS.contains(&c);
        if copula(&one) || two.as_deref().is_some_and(copula) {
            let len = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
            return text.get(..len);
        }
    }
    None
}

/// Whether `name` stands in `text` as whole words.
fn names_in(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Drops a press release's closing profile of an organisation the
/// headline names ("Ascom is a global solutions provider …", and the
/// paragraphs after it that open with the same name): boilerplate that
/// ends every release of that organisation.
fn drop_organisation_profile(doc: &Document, out: &mut Classified) {
    let block = (0..doc.blocks.len()).find(|&i| out.verdicts[i].label == Label::Headline);
    let Some(headline) = block.map(|i| doc.blocks[i].text.as_str()).or(out.headline.as_deref()) else {
        return;
    };
    let body = body_blocks(out);
    // A short piece may be about the organisation itself ("HISTALP ist eine
    // Klimadatensammlung …"): a profile closes a story told before it.
    let tail = &body[body.len().saturating_sub(BIO_REACH).max(MIN_STORY_BEFORE_PROFILE.min(body.len()))..];
    let Some((k, name)) = tail.iter().enumerate().find_map(|(k, &i)| {
        profiled_name(&doc.blocks[i].text).filter(|name| names_in(headline, name)).map(|name| (k, name))
    }) else {
        return;
    };
    let name = name.to_string();
    for (j, &i) in tail[k..].iter().enumerate() {
        if j == 0 || doc.blocks[i].text.starts_with(&name) {
            out.verdicts[i] = Verdict { label: Label::Other, reason: "the organisation's profile" };
        }
    }
}

/// Fewest bare names in a row that make a list of people.
const MIN_PEOPLE_LIST: usize = 5;

/// Drops lists of people from the body: five or more blocks in a row that
/// are each a bare name ("David Mikkelson", "Doreen Marchionni", …), with
/// one-word group labels ("Editorial", "Operations") between them. A staff
/// or team box reads as nothing but names; an article names people in
/// sentences.
fn drop_people_lists(doc: &Document, out: &mut Classified) {
    let n = doc.blocks.len();
    let is_body = |out: &Classified, i: usize| out.verdicts[i].label == Label::Body;
    let mut i = 0;
    while i < n {
        if !is_body(out, i) || !byline::is_bare_name(&doc.blocks[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut names = 0;
        let mut end = i;
        while end < n && is_body(out, end) {
            let text = &doc.blocks[end].text;
            if byline::is_bare_name(text) {
                names += 1;
            } else if text.split_whitespace().count() != 1 {
                break;
            }
            end += 1;
        }
        // The first group's label ("Editorial") sits just above.
        let one_word = |j: usize| is_body(out, j) && doc.blocks[j].text.split_whitespace().count() == 1;
        let from = if start > 0 && one_word(start - 1) { start - 1 } else { start };
        if names >= MIN_PEOPLE_LIST {
            for j in from..end {
                out.verdicts[j] = Verdict { label: Label::Other, reason: "a list of people" };
            }
        }
        i = end.max(start + 1);
    }
}

/// Longest lone number taken for a counter.
const MAX_COUNTER_CHARS: usize = 7;

/// A lone number before the body's first words ("0", "1,204") is a share
/// or comment counter, not a paragraph.
fn drop_leading_counters(doc: &Document, out: &mut Classified) {
    let is_counter = |text: &str| {
        text.chars().count() <= MAX_COUNTER_CHARS
            // "1." is the first step of a list, not a counter.
            && !text.ends_with('.')
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | 'K' | 'k'))
    };
    for i in 0..doc.blocks.len() {
        if out.verdicts[i].label != Label::Body {
            continue;
        }
        if !is_counter(&doc.blocks[i].text) {
            break;
        }
        out.verdicts[i] = Verdict { label: Label::Furniture, reason: "a counter above the body" };
    }
}

/// The indices of the blocks labelled body, in page order.
fn body_blocks(out: &Classified) -> Vec<usize> {
    (0..out.verdicts.len()).filter(|&i| out.verdicts[i].label == Label::Body).collect()
}

/// How many paragraphs at the end of the body are checked for an author
/// bio.
const BIO_REACH: usize = 3;
/// Longest paragraph taken for a bio.
const MAX_BIO_WORDS: usize = 80;

/// Drops the author's bio from the end of the body: a short paragraph that
/// opens with the author's name ("Moritz Gathmann leitet das Ressort …",
/// "Jake is the co-founder of …"). It reads like prose, but it is about the
/// writer, not the story.
fn drop_author_bio(doc: &Document, out: &mut Classified) {
    let body = body_blocks(out);
    // An author box headed "About Jane Doe" / "Über Moritz Bachmann":
    // the heading and the bio under it.
    let box_tail = body.len().saturating_sub(BIO_REACH + 1);
    for (k, &i) in body.iter().enumerate().skip(box_tail) {
        let Some(name) = byline::about_heading(&doc.blocks[i].text) else { continue };
        out.verdicts[i] = Verdict { label: Label::Other, reason: "the author's bio" };
        let surname = name.split_whitespace().last().unwrap_or(name);
        if let Some(&next) = body.get(k + 1) {
            let text = doc.blocks[next].text.as_str();
            // Under a heading that names no one, the paragraph is the bio.
            if text.split_whitespace().count() <= MAX_BIO_WORDS && text.contains(surname) {
                out.verdicts[next] = Verdict { label: Label::Other, reason: "the author's bio" };
            }
        }
        break;
    }
    if out.authors.is_empty() {
        return;
    }
    let tail = body.len().saturating_sub(BIO_REACH);
    for &i in &body[tail..] {
        let text = doc.blocks[i].text.as_str();
        if out.verdicts[i].label != Label::Body || text.split_whitespace().count() > MAX_BIO_WORDS {
            continue;
        }
        let opens_with_author = out.authors.iter().any(|name| {
            let first = name.split_whitespace().next().unwrap_or("");
            let after_first = text.strip_prefix(first).and_then(|rest| rest.split_whitespace().next());
            text.starts_with(name.as_str())
                || first.chars().count() > 2
                    && after_first.is_some_and(|verb| rules::authors::BIO_VERBS.contains(&verb))
        });
        if opens_with_author {
            out.verdicts[i] = Verdict { label: Label::Other, reason: "the author's bio" };
        }
    }
}

/// The block model's view of a page, for training: each block's feature
/// vector, whether the body may include it, and its current score.
#[cfg(feature = "training")]
pub(crate) fn model_view(doc: &Document) -> Vec<(Vec<f32>, bool, f32)> {
    let Prepared { page, verdicts, anchor, .. } = prepare(doc);
    let scores = model::scores(doc, &page, anchor);
    model::vectors(doc, &page, anchor)
        .into_iter()
        .zip(&verdicts)
        .zip(scores)
        .map(|((x, v), score)| (x.to_vec(), region_may_hold(v.label), score))
        .collect()
}

/// The headline the page states (JSON-LD, meta) or its strong title line,
/// with every block's similarity to it (0 for blocks over 40 words).
struct Stated {
    text: String,
    similarity: Vec<f32>,
}

fn stated_headline(doc: &Document, page: &Page, title: Option<&PageTitle>) -> Option<Stated> {
    let text = doc.meta.headline.clone().or(title.filter(|t| t.strong).map(|t| t.text.clone()))?;
    let matcher = headline::TitleMatch::new(&text);
    let similarity = (0..doc.blocks.len())
        .map(|i| {
            let words = page.features[i].words;
            if words <= MAX_HEADLINE_WORDS { matcher.similarity_lower(&page.lowered[i], words) } else { 0.0 }
        })
        .collect();
    Some(Stated { text, similarity })
}

/// The block most like the page title (or stated headline), before the
/// body is known: where the article probably starts.
fn title_anchor(verdicts: &[Verdict], stated: Option<&Stated>) -> model::Anchor {
    let stated = stated?;
    (0..verdicts.len())
        .filter(|&i| verdicts[i].label == Label::Other)
        .map(|i| (i, stated.similarity[i]))
        .filter(|(_, s)| *s >= headline::MIN_TITLE_MATCH)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0).reverse()))
        .map(|(i, _)| i)
}

/// Blocks the body region may take in: feeds and the title line fence it.
fn region_may_hold(label: Label) -> bool {
    matches!(label, Label::Other | Label::Furniture)
}

fn mark_sections(sections: &[Section], verdicts: &mut [Verdict]) {
    for section in sections {
        verdicts[section.heading] = Verdict { label: Label::SectionHeading, reason: "feed or list heading" };
        for item in &section.items {
            for (index, label) in [
                (item.time, Label::ItemTime),
                (item.headline, Label::ItemHeadline),
                (item.summary, Label::ItemSummary),
            ] {
                if let Some(i) = index {
                    verdicts[i] = Verdict { label, reason: "item of a feed or list" };
                }
            }
        }
    }
}

/// A page title and how sure we are that it is one.
#[derive(Debug, Clone)]
struct PageTitle {
    text: String,
    /// `<title>`, or a first line that is split by a site-name separator or
    /// repeated on the page. A lone title-shaped first line is weak: as
    /// often a logo as a title, it is the headline only when nothing else is.
    strong: bool,
}

/// Whether a line ends like a statement: a full stop, not the question or
/// exclamation mark a headline may end with ("How does the brain …?").
fn ends_statement(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    end.ends_with(['.', '。']) && !end.ends_with("...")
}

/// The page title: `<title>` in HTML; in a dump, a title-shaped first line.
fn title_block(doc: &Document, page: &Page, verdicts: &mut [Verdict]) -> Option<PageTitle> {
    if let Some(title) = &doc.meta.title {
        return Some(PageTitle { text: title.clone(), strong: true });
    }
    let first = doc.blocks.first()?;
    let f = &page.features[0];
    if doc.format != Format::Text
        || verdicts[0].label != Label::Other
        || !(2..=30).contains(&f.words)
        || ends_statement(&first.text)
    {
        return None;
    }
    let split = headline::title_parts(&first.text).len() > 1;
    // Furniture is left out: a logo line comes back in the copyright line.
    let repeated = || {
        let matcher = headline::TitleMatch::new(&first.text);
        (1..doc.blocks.len()).any(|i| {
            verdicts[i].label == Label::Other
                && page.features[i].words <= 2 * f.words + 5
                && matcher.similarity_lower(&page.lowered[i], page.features[i].words)
                    >= headline::MIN_TITLE_MATCH
        })
    };
    let strong = split || repeated();
    if strong {
        verdicts[0] = Verdict { label: Label::Title, reason: "first line of the dump, a page title" };
    }
    Some(PageTitle { text: first.text.clone(), strong })
}

/// The article body: the best-scoring run of blocks outside feeds, each
/// block scored by the block model, grown across harmless short lines;
/// then further runs nearby that are strong enough on their own (the rest
/// of an article cut by an ad block or a "Read also" box). Segments are
/// returned in page order, with the main run.
fn body_segments(
    doc: &Document,
    page: &Page,
    verdicts: &[Verdict],
    anchor: model::Anchor,
    fence: Option<usize>,
) -> (Vec<Range<usize>>, Range<usize>) {
    let n = doc.blocks.len();
    let scores = region_scores(doc, page, anchor);
    let mut allowed: Vec<bool> = verdicts.iter().map(|v| region_may_hold(v.label)).collect();
    // Readers' comments follow the article: nothing past the heading of
    // the thread is the body.
    let thread = comment_thread(page, anchor);
    allowed[thread..].iter_mut().for_each(|a| *a = false);
    // A page of one short article and furniture can leave every score
    // negative: its best prose block is still the article.
    let lone_prose = || {
        (0..n)
            .filter(|&i| {
                allowed[i] && page.features[i].furniture.is_none() && model::reads_as_running_text(page, i)
            })
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .map(|i| i..i + 1)
    };
    // A table row inside the page's main container is the article's table
    // (HTML): rows of figures read as nothing alone, and a header row
    // repeats over each table of a series.
    let main_row = |i: usize| doc.blocks[i].kind == Kind::Cell && doc.blocks[i].in_main;
    // Prose the model doubts (a lone paragraph on a tiny page) still
    // continues the article when nothing stands in between; so does a
    // main table's row.
    let strong: Vec<bool> = (0..n)
        .map(|i| {
            scores[i] >= STRONG_BLOCK
                || scores[i] > -STRONG_BLOCK && model::reads_as_prose(page, i)
                || main_row(i)
        })
        .collect();
    let stop: Vec<bool> = (0..n)
        .map(|i| {
            let f = &page.features[i];
            !allowed[i]
                || f.furniture.is_some()
                || f.comment_meta
                // Rows of a table share endings and header rows: neither
                // marks a teaser wall there.
                || !main_row(i) && (f.repeats > 0 && !f.periodic || f.template_suffix)
        })
        .collect();
    // The body does not reach back over the headline.
    let floor_for = |core: &Range<usize>| anchor.filter(|&a| a < core.start).map_or(0, |a| a + 1);
    let grow_from = |r: Range<usize>| {
        let floor = floor_for(&r);
        score::grow_region(r, &strong, &stop, floor)
    };
    let words = |r: &Range<usize>| r.clone().map(|i| page.features[i].words).sum::<usize>();
    // A best run of a few words and no prose ("Categorias" on a page whose
    // article is one paragraph) is weak evidence: the best prose block
    // takes over when it grows into at least twice the text.
    let best = score::best_region(&scores, &allowed);
    let weak = |r: &Range<usize>| {
        words(r) < MIN_PROSELESS_CORE_WORDS && !r.clone().any(|i| model::reads_as_prose(page, i))
    };
    let core = match best {
        Some(best) if weak(&best) => {
            let grown = grow_from(best);
            match lone_prose().map(&grow_from) {
                Some(prose) if words(&prose) >= 2 * words(&grown) => prose,
                _ => grown,
            }
        }
        Some(best) => grow_from(best),
        None => match lone_prose() {
            Some(prose) => grow_from(prose),
            None => return (Vec::new(), 0..0),
        },
    };
    // A core that runs through the headline starts after it, when prose
    // follows: teasers or a ticker were grown onto the article.
    let core = match fence {
        Some(a) if core.start < a && (a + 1..core.end).any(|i| model::reads_as_prose(page, i)) => {
            a + 1..core.end
        }
        _ => core,
    };
    let floor = floor_for(&core);
    let grow = |r: Range<usize>| score::grow_region(r, &strong, &stop, floor);
    let total = |r: &Range<usize>| scores[r.clone()].iter().sum::<f32>();
    // Inside the page's main container (HTML), as the body is, one
    // paragraph after an in-article box (a "Related" list, an ad) is
    // enough: it is the article's end.
    let in_main = |r: &Range<usize>| r.clone().all(|i| doc.blocks[i].in_main);
    let core_in_main = in_main(&core);
    let needed =
        |r: &Range<usize>| if core_in_main && in_main(r) { SIDE_MIN_AFTER_HEADLINE } else { SIDE_MIN };
    let mut segments = vec![core.clone()];
    // A recipe's ingredient list above its method: short quantity lines
    // the region cannot grow across, under a heading that says what they are.
    let ingredients = (floor.max(core.start.saturating_sub(MAX_INGREDIENT_LINES))..core.start)
        .rev()
        .take_while(|&i| allowed[i] && !page.features[i].feed_heading)
        .find(|&i| phrases::is_ingredient_heading(&page.lowered[i]));
    if let Some(heading) = ingredients {
        segments.insert(0, heading..core.start);
    }
    loop {
        let end = segments.last().map_or(0, |r| r.end);
        let window = end..(end + SIDE_REACH).min(n);
        let Some(found) = score::best_region(&scores[window.clone()], &allowed[window.clone()]) else {
            break;
        };
        let found = found.start + end..found.end + end;
        if total(&found) < needed(&found) {
            break;
        }
        let found = grow(found);
        // The best run may lie past a weaker one that still qualifies (a
        // table between two embedded posts): the gap is searched too.
        let mut gap = end..found.start.max(end);
        while let Some(inner) = score::best_region(&scores[gap.clone()], &allowed[gap.clone()]) {
            let inner = inner.start + gap.start..inner.end + gap.start;
            if total(&inner) < needed(&inner) {
                break;
            }
            let inner = grow(inner);
            gap.start = inner.end.clamp(gap.start + 1, gap.end);
            segments.push(inner);
        }
        segments.push(found);
    }
    loop {
        let start = segments.first().map_or(0, |r| r.start);
        let window = floor.max(start.saturating_sub(SIDE_REACH))..start;
        let Some(found) = score::best_region(&scores[window.clone()], &allowed[window.clone()]) else {
            break;
        };
        let found = found.start + window.start..found.end + window.start;
        // Between the headline and the body, a single paragraph is enough:
        // it is the article's lead, cut off by a byline box or an ad.
        let after_headline = floor > 0 && window.start == floor;
        let needed = if after_headline { SIDE_MIN_AFTER_HEADLINE } else { SIDE_MIN };
        if total(&found) < needed {
            break;
        }
        segments.insert(0, grow(found));
    }
    (segments, core)
}

/// What each block adds to a run: the block model's score, except that
/// page chrome (a `<footer>`'s newsletter form, a `<nav>`) never adds. The
/// body may run across it, but a consent text that reads like prose is not
/// where the article is. Furniture known only by its phrases keeps its
/// score: in-article ad labels and "Get it on Amazon" lines of a deals list
/// belong to the run.
fn region_scores(doc: &Document, page: &Page, anchor: model::Anchor) -> Vec<f32> {
    model::scores(doc, page, anchor)
        .into_iter()
        .zip(&doc.blocks)
        .map(|(score, block)| if block.region == Region::Chrome { score.min(0.0) } else { score })
        .collect()
}

/// Most lines between an ingredient heading and the method below it.
const MAX_INGREDIENT_LINES: usize = 60;

/// Prose blocks that must come before a comment thread's heading (after
/// the headline, when known) for it to end the article: a "12 comments"
/// link under the headline does not.
const MIN_PROSE_BEFORE_THREAD: usize = 2;

/// Index of the heading of the readers' comment thread ("3 Comments"), or
/// the page's length when there is none.
fn comment_thread(page: &Page, anchor: model::Anchor) -> usize {
    let n = page.features.len();
    let start = anchor.map_or(0, |a| a + 1);
    let mut prose = 0;
    for i in start..n {
        if page.features[i].furniture == Some(boilerplate::COMMENT_HEADING)
            && prose >= MIN_PROSE_BEFORE_THREAD
        {
            return i;
        }
        prose += usize::from(model::reads_as_prose(page, i));
    }
    n
}

/// Where the header is looked for: from the headline (or a reach above
/// the body) to a few blocks into the body.
fn header_window(headline: Option<usize>, region: &Range<usize>, len: usize) -> Range<usize> {
    let start = headline.unwrap_or_else(|| region.start.saturating_sub(HEADER_REACH));
    let end = (region.start + HEADER_OVERLAP).min(region.end.max(region.start)).max(start);
    start..end.min(len)
}

fn is_free(out: &Classified, i: usize) -> bool {
    out.verdicts[i].label == Label::Other
}

/// Finds the headline block and labels it; returns its index. Sources, in
/// order: the block most like the title (or the stated headline); a
/// top-level heading; the title's headline part; the nearest
/// headline-shaped line above the body.
fn find_headline(
    doc: &Document,
    page: &Page,
    out: &mut Classified,
    title: Option<PageTitle>,
    stated: Option<&Stated>,
    region: &Range<usize>,
) -> Option<usize> {
    let search_end = (region.start + HEADER_OVERLAP).min(doc.blocks.len());
    let candidates = || {
        (0..search_end).filter(|&i| {
            (is_free(out, i) || out.verdicts[i].label == Label::Body)
                && !caption::is_slash_credit(&doc.blocks[i].text)
        })
    };
    let similarity = stated.map(|s| s.similarity.as_slice()).unwrap_or_default();
    let stated = stated.map(|s| s.text.clone());
    if let Some(stated) = &stated {
        if let Some(i) = headline_in_title(doc, stated, candidates()) {
            out.verdicts[i] =
                Verdict { label: Label::Headline, reason: "the headline part of the page title" };
            return Some(i);
        }
        let best = candidates()
            .map(|i| (i, similarity.get(i).copied().unwrap_or(0.0)))
            .filter(|(_, s)| *s >= headline::MIN_TITLE_MATCH)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0).reverse()));
        if let Some((i, _)) = best {
            out.verdicts[i] = Verdict { label: Label::Headline, reason: "matches the page title" };
            // A kicker or teaser run into the headline line: keep the part
            // the title names, when the block holds it word for word.
            let piece = headline::from_title(stated).filter(|p| p.split_whitespace().count() >= 3);
            if let Some(piece) =
                piece.filter(|p| doc.blocks[i].text.len() > p.len() && doc.blocks[i].text.contains(*p))
            {
                out.headline = Some(piece.to_string());
            }
            return Some(i);
        }
    }
    let h1 = candidates()
        .find(|&i| doc.blocks[i].kind == Kind::Heading(1) && doc.blocks[i].region != Region::Aside);
    if let Some(i) = h1 {
        out.verdicts[i] = Verdict { label: Label::Headline, reason: "top-level heading" };
        // An <h1> unlike a title of ordinary length is a logo or a section
        // name more often than the headline: the title says it better.
        if let Some(stated) = stated.as_deref() {
            let cut = headline::cut_title(stated);
            let unlike = headline::TitleMatch::new(stated)
                .similarity_lower(&page.lowered[i], page.features[i].words)
                < UNLIKE_TITLE;
            if unlike || (15..=150).contains(&cut.len()) {
                out.headline = Some(cut.to_string());
            }
        }
        return Some(i);
    }
    let reach = region.start.saturating_sub(HEADER_REACH);
    let header = reach..region.start.min(doc.blocks.len());
    let shaped = |i: usize| {
        let f = &page.features[i];
        is_free(out, i)
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
            out.verdicts[i] = Verdict { label: Label::Headline, reason: "heading on top of the byline" };
            return Some(i);
        }
        out.headline = Some(headline::cut_title(stated).to_string());
        return None;
    }
    if let Some(i) = header.rev().find(|&i| shaped(i)) {
        out.verdicts[i] = Verdict { label: Label::Headline, reason: "heading just above the body" };
        return Some(i);
    }
    // A lone first line, as a last resort (weak titles are only made from
    // block 0).
    title.filter(|t| !t.strong)?;
    out.verdicts[0] = Verdict { label: Label::Headline, reason: "first line of the dump" };
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
    let cut = key(headline::cut_title(title));
    let whole = key(title);
    candidates.clone().find(|&i| key(&doc.blocks[i].text) == cut).or_else(|| {
        candidates.filter(|&i| doc.blocks[i].text.split_whitespace().nth(1).is_some()).find(|&i| {
            let block = key(&doc.blocks[i].text);
            block.len() * 5 >= cut.len() * 2 && whole.starts_with(&block) && whole.len() > block.len()
        })
    })
}

/// Longest header line that is taken for the byline because it opens with
/// a stated author's name ("Maren Holt Transport": name and kicker).
const MAX_STATED_BYLINE_WORDS: usize = 8;

/// When the visible byline was not recognised but the markup names the
/// author, the short header line that opens with that name is the byline,
/// not body text.
fn mark_stated_byline(doc: &Document, page: &Page, out: &mut Classified, header: Range<usize>) {
    if out.verdicts.iter().any(|v| v.label == Label::Byline) {
        return;
    }
    let names: Vec<&String> = doc.meta.authors.iter().chain(&doc.meta.marked_authors).collect();
    for i in header {
        let f = &page.features[i];
        // "The Associated Press Published Monday, November 18, 2019
        // 8:22AM EST": the name and a dateline.
        let short = f.words <= MAX_STATED_BYLINE_WORDS || f.has_date && f.words <= MAX_DATELINE_WORDS;
        if !matches!(out.verdicts[i].label, Label::Other | Label::Body) || !short {
            continue;
        }
        let text = byline::after_cue(&doc.blocks[i].text).unwrap_or(&doc.blocks[i].text);
        if names.iter().any(|name| name.split_whitespace().count() >= 2 && text.starts_with(name.as_str())) {
            out.verdicts[i] = Verdict { label: Label::Byline, reason: "opens with the stated author's name" };
            return;
        }
    }
}

/// How many blocks above the headline a byline may sit ("6. Oktober 2022 /
/// By Celia Parbey / 0 Comments" above the headline).
const BYLINE_ABOVE_HEADLINE: usize = 4;
/// How far into the body a cued byline is still looked for.
const BYLINE_BODY_REACH: usize = 10;
/// How many blocks on each side of the end of the body a cued byline is
/// looked for.
const BYLINE_TAIL_REACH: usize = 5;
/// Outside the header, a cued byline is a short line ("Von Irmela Schwab",
/// "VON MORITZ GATHMANN am 21. April 2020").
const MAX_STRICT_BYLINE_WORDS: usize = 12;
/// How many blocks after a lone cue ("By") the names may run: name,
/// "and", name, "and", name.
const MAX_BYLINE_LINES: usize = 6;

/// Finds the byline around the header and reads the authors from it. A
/// cued byline wins; failing that, a bare name right under the headline or
/// beside the date.
fn find_byline(
    doc: &Document,
    page: &Page,
    out: &mut Classified,
    header: Range<usize>,
    region: &Range<usize>,
    headline: Option<usize>,
) {
    let len = doc.blocks.len();
    let start = header.start.saturating_sub(if headline.is_some() { BYLINE_ABOVE_HEADLINE } else { 0 });
    let usable = |out: &Classified, i: usize| matches!(out.verdicts[i].label, Label::Other | Label::Body);
    // A cued byline is looked for in the header, then a little further
    // into the body, then around the end of the article ("Text: Jane Doe"
    // under the last paragraph). Outside the header only short lines count:
    // "Von Politikern und Medien wird …" is a sentence, not a byline.
    let deeper = header.end..(region.start + BYLINE_BODY_REACH).min(region.end).max(header.end);
    let tail = region.end.saturating_sub(BYLINE_TAIL_REACH).max(deeper.end)
        ..(region.end + BYLINE_TAIL_REACH).min(len);
    let places = (start..header.end)
        .map(|i| (i, false))
        .chain(deeper.map(|i| (i, true)))
        .chain(tail.map(|i| (i, true)));
    for (i, strict) in places {
        if !usable(out, i) || strict && page.features[i].words > MAX_STRICT_BYLINE_WORDS {
            continue;
        }
        let Some(rest) = byline::cue_rest(&doc.blocks[i].text, page.order) else { continue };
        let (authors, last) = if rest.is_empty() {
            names_on_following_lines(doc, page, out, i)
        } else {
            (byline::authors(rest, true, page.order), i)
        };
        if !authors.is_empty() {
            for j in i..=last {
                out.verdicts[j] = Verdict { label: Label::Byline, reason: "byline cue and names" };
            }
            out.authors = authors;
            return;
        }
    }
    // No cue: a bare name where bylines sit.
    let after_headline = headline.map(|h| h + 1..(h + 3).min(header.end.max(h + 1)));
    for i in after_headline.into_iter().flatten().chain(header.clone()) {
        if i >= doc.blocks.len() || !usable(out, i) {
            continue;
        }
        let text = &doc.blocks[i].text;
        // A bare name needs a date close by: German capitalises every
        // noun, so "Wissenschaft Atmosphäre Klima" looks like a name too.
        let near_headline = headline.is_some_and(|h| i > h && i <= h + 2);
        // The date may sit on the line above the headline, two up.
        let near_date = (i.saturating_sub(3)..(i + 4).min(doc.blocks.len()))
            .any(|j| j != i && date::find(&doc.blocks[j].text, page.order, None).is_some());
        // "Ben Silverman" over "Games Editor": a name and its job title.
        let role_after = doc.blocks.get(i + 1).is_some_and(|b| byline::is_role_line(&b.text));
        let name = if (near_headline || role_after) && near_date && byline::is_bare_name(text) {
            Some(text.clone())
        } else {
            byline::name_beside_date(text, page.order)
        };
        if let Some(name) = name {
            out.verdicts[i] = Verdict { label: Label::Byline, reason: "a name where the byline sits" };
            if role_after && usable(out, i + 1) {
                out.verdicts[i + 1] = Verdict { label: Label::Byline, reason: "the author's job title" };
            }
            out.authors = vec![name];
            return;
        }
    }
}

/// Names on the lines after a lone cue: "David Brand", "and", "Ramsey
/// Khalifeh". Returns the names and the last block used.
fn names_on_following_lines(
    doc: &Document,
    page: &Page,
    out: &Classified,
    cue: usize,
) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut last = cue;
    // After a name, another name line follows only behind a joiner ("and"
    // on its own line, or a line ending in a comma): "Autor / Jane Doe /
    // Jane Doe ist Redakteurin …" is one author and her bio.
    let mut open = true;
    for j in cue + 1..(cue + 1 + MAX_BYLINE_LINES).min(doc.blocks.len()) {
        if out.verdicts[j].label != Label::Other && out.verdicts[j].label != Label::Body {
            break;
        }
        let text = doc.blocks[j].text.as_str();
        let lower = text.to_lowercase();
        let joiner = rules::authors::NAME_JOINERS.contains(&lower.as_str()) || text == ",";
        if joiner && !names.is_empty() {
            open = true;
            continue;
        }
        if !open || page.features[j].words > MAX_STRICT_BYLINE_WORDS || page.features[j].has_date {
            break;
        }
        let found = byline::authors(text, true, page.order);
        if found.is_empty() || found.iter().any(|name| names.contains(name)) {
            break;
        }
        names.extend(found);
        last = j;
        open = text.trim_end().ends_with(',')
            || rules::authors::NAME_JOINERS.iter().any(|w| lower.trim_end().ends_with(&format!(" {w}")));
    }
    (names, last)
}

/// Finds the publication (and update) time: a bare date just above the
/// headline (a kicker line) first, then in the header, then just after
/// the body, then anywhere outside feeds. The whole header is read, so an "Updated" line
/// under the dateline is found too.
fn find_dates(
    doc: &Document,
    page: &Page,
    out: &mut Classified,
    header: Range<usize>,
    headline: Option<usize>,
    region: &Range<usize>,
    now: Option<DateTime>,
) {
    let len = doc.blocks.len();
    let after = region.end..(region.end + 8).min(len);
    let above = headline.map_or(0..0, |h| h.saturating_sub(MAX_KICKER_DISTANCE)..h);
    // Last, the whole page, nearest the headline (or the body) first: a
    // masthead's "today" date at the top is the farthest.
    let nearest = outward(headline.unwrap_or(region.start), len);
    let passes: [(Box<dyn Iterator<Item = usize>>, bool, bool); 4] = [
        (Box::new(above), false, true),
        (Box::new(header), true, false),
        (Box::new(after), false, false),
        (Box::new(nearest), false, false),
    ];
    for (range, whole, stamps_only) in passes {
        for i in range {
            let label = out.verdicts[i].label;
            if !matches!(label, Label::Other | Label::Byline | Label::Body | Label::Headline) {
                continue;
            }
            let text = &doc.blocks[i].text;
            // Above the headline only a date alone, or a date and a name
            // ("21. Jan 2022 // Dominik Ricker"), is the article's.
            if stamps_only
                && !date::is_stamp_only(text, page.order)
                && byline::name_beside_date(text, page.order).is_none()
            {
                continue;
            }
            if label == Label::Body && page.features[i].words > 20 {
                continue; // a date inside a paragraph is news, not a dateline
            }
            if is_post_attribution(text) {
                continue;
            }
            let before = (out.published.is_some(), out.updated.is_some());
            for found in date::find_all(text, page.order, now) {
                record_date(out, &found, text);
            }
            let gained = before != (out.published.is_some(), out.updated.is_some());
            // A paragraph that opens with a date stays a paragraph.
            let dateline_sized = page.features[i].words <= MAX_DATELINE_WORDS;
            if gained && dateline_sized && matches!(label, Label::Other | Label::Body) {
                out.verdicts[i] = Verdict { label: Label::Dateline, reason: "date in the article header" };
            }
            if out.published.is_some() && !(whole && out.updated.is_none()) {
                return;
            }
        }
        if out.published.is_some() {
            return;
        }
    }
}

/// An embedded post's attribution line: "— Digital Foundry
/// (@digitalfoundry) November 18, 2019". Its date is the post's.
fn is_post_attribution(text: &str) -> bool {
    text.starts_with(['—', '–', '-']) && text.contains("(@")
}

/// The indices `0..len` by distance from `pivot`, the one above first on
/// a tie: pivot, pivot − 1, pivot + 1, pivot − 2, …
fn outward(pivot: usize, len: usize) -> impl Iterator<Item = usize> {
    let reach = pivot.max(len.saturating_sub(pivot));
    (0..=reach)
        .flat_map(move |d| pivot.checked_sub(d).into_iter().chain((d > 0).then(|| pivot + d)))
        .filter(move |&i| i < len)
}

fn record_date(out: &mut Classified, found: &Found, text: &str) {
    let dated = Dated { iso: found.iso.clone(), text: found.text(text).to_string() };
    match found.stamp {
        Stamp::Updated if out.updated.is_none() => out.updated = Some(dated),
        Stamp::Updated => {}
        Stamp::Published | Stamp::Plain if out.published.is_none() => out.published = Some(dated),
        Stamp::Published | Stamp::Plain | Stamp::Other => {}
    }
}

/// Longest line taken for a gallery slide's caption.
const MAX_SLIDE_CAPTION_WORDS: usize = 60;

/// Labels picture captions in the header and body. A gallery's counter
/// ("Image 2 of 5") is furniture, and the line under it is that slide's
/// caption.
fn find_captions(doc: &Document, page: &Page, out: &mut Classified, range: Range<usize>) {
    for i in range.clone() {
        if !matches!(out.verdicts[i].label, Label::Other | Label::Body)
            || !phrases::PHRASES.gallery_counter.is_match(&doc.blocks[i].text)
        {
            continue;
        }
        out.verdicts[i] = Verdict { label: Label::Furniture, reason: "gallery counter" };
        let next = i + 1;
        if next < doc.blocks.len()
            && matches!(out.verdicts[next].label, Label::Other | Label::Body)
            && !phrases::PHRASES.gallery_counter.is_match(&doc.blocks[next].text)
            && page.features[next].words <= MAX_SLIDE_CAPTION_WORDS
        {
            out.verdicts[next] = Verdict { label: Label::Caption, reason: "under a gallery counter" };
        }
    }
    for i in range {
        let label = out.verdicts[i].label;
        if !matches!(label, Label::Other | Label::Body) {
            continue;
        }
        let block = &doc.blocks[i];
        let words = page.features[i].words;
        let is_caption = block.kind == Kind::Caption
            || words >= 4 && caption::has_cue(&page.lowered[i])
            || words <= 8 && caption::is_credit_line(&block.text);
        if is_caption {
            out.verdicts[i] = Verdict { label: Label::Caption, reason: "caption cue" };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::text;

    /// The body paragraphs of a page read by `front_end`.
    fn body_read_by(front_end: fn(&str) -> Document, page: &str) -> Vec<String> {
        let doc = front_end(page);
        let classified = classify(&doc, None);
        body_blocks(&classified).into_iter().map(|i| doc.blocks[i].text.clone()).collect()
    }

    fn body_of(page: &str) -> Vec<String> {
        body_read_by(text::read, page)
    }

    fn html_body_of(page: &str) -> Vec<String> {
        body_read_by(crate::frontend::html::read, page)
    }

    #[test]
    fn a_lone_paragraph_is_still_the_body() {
        let page = "Menu\nHome\nSubscribe\n\nThe council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nShare\n";
        assert_eq!(
            body_of(page),
            [
                "The council approved the budget on Monday after a long debate about the costs of the new bridge."
            ]
        );
    }

    #[test]
    fn feeds_fence_the_body() {
        let page = "Headline of the story here\n\nThe council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nThe mayor said the work would start in the spring and last for two years, with the road closed at night.\n\nNews Feed\n6:57 PM\nA feed headline that is here.\nThe feed summary is a long sentence that reads like prose but belongs to the feed, not to the article.\n";
        let body = body_of(page);
        assert_eq!(body.len(), 2, "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("feed")));
    }

    fn authors_of(page: &str) -> Vec<String> {
        let doc = text::read(page);
        classify(&doc, None).authors
    }

    const STORY: &str = "The council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nThe mayor said the work would start in the spring and last for two years, with the road closed at night.\n";

    #[test]
    fn names_under_a_lone_cue_stop_at_the_bio() {
        let page = format!(
            "Bridge budget approved after long debate\nAutor\nSara Weber\nSara Weber ist Redakteurin im Team Politik.\nStand: 05. Februar 2020\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Sara Weber"]);
    }

    #[test]
    fn names_under_a_lone_cue_run_on_behind_joiners() {
        let page =
            format!("Bridge budget approved after long debate\nBy\nJane Doe\nand\nJohn Smith\n\n{STORY}");
        assert_eq!(authors_of(&page), ["Jane Doe", "John Smith"]);
    }

    #[test]
    fn the_headline_fences_a_ticker_above_it() {
        let teaser = |n: usize| {
            format!(
                "Council votes on harbour plan number {n} after a long debate. The council met on Monday and voted on a plan that has divided the town for many years, officials said.\n\n"
            )
        };
        let ticker: String = (1..=6).map(teaser).collect();
        let page = format!(
            "Deportees return home from the airport after a long flight | Daily Post\n\nBreaking\n\n{ticker}Deportees return home from the airport after a long flight\n\nThe first of the deportees walked out of the terminal on Wednesday morning, tired and carrying very little with them.\n\nMost said they had spent years of savings on the journey, and some said they would try again next year.\n"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 2, "{body:#?}");
        assert!(body[0].starts_with("The first of the deportees"));
    }

    #[test]
    fn the_article_ends_at_the_comment_thread() {
        let comment = |who: &str| {
            format!(
                "{who}\n12. März 2023\nI read this with great interest, and I think the council should have asked the people who live near the bridge first, because they will pay for it in noise and dust for two years.\n\nThe last time the city built something of this size, the costs doubled and the work took twice as long as the plan said, so I would like to see the numbers before I believe them.\n\n"
            )
        };
        let thread: String = ["Anna", "Bernd", "Carla", "Dieter"].iter().map(|w| comment(w)).collect();
        let page = format!(
            "Bridge budget approved after long debate\n\n{STORY}\nThe work is planned in three stages, and the first contracts will be signed before the end of the year, the city said.\n\nShare\nTweet\nPrint\nNewsletter\n\n3 Comments\n\n{thread}"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 3, "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("great interest")));
    }

    #[test]
    fn chrome_never_adds_to_a_run() {
        let story = "The council approved the budget on Monday after a long debate about the costs of the \
                     new bridge, which will carry the main road over the river.";
        let consent = "I agree that the association may send me its news by e-mail every week, and I know \
                       that I can withdraw this consent at any time.";
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><p>{story}</p><p>{story} Work starts soon.</p>\
             <p>{story} The mayor was pleased.</p></article><footer><form><p>{consent}</p><p>{consent} Thank you.</p></form></footer></body></html>"
        );
        let doc = crate::frontend::html::read(&page);
        let Prepared { page, anchor, .. } = prepare(&doc);
        let at = doc.blocks.len() - 2;
        assert_eq!(doc.blocks[at].region, Region::Chrome);
        let score = model::scores(&doc, &page, anchor)[at];
        assert!(score > 0.0, "the model alone likes the consent text: {score}");
        assert!(region_scores(&doc, &page, anchor)[at] <= 0.0);
    }

    #[test]
    fn outward_visits_the_nearest_first() {
        for (pivot, len) in [(0, 0), (0, 5), (3, 7), (6, 7), (9, 4), (2, 3)] {
            let mut sorted: Vec<usize> = (0..len).collect();
            sorted.sort_by_key(|&i| (i.abs_diff(pivot), i));
            assert_eq!(outward(pivot, len).collect::<Vec<_>>(), sorted, "pivot {pivot}, len {len}");
        }
    }

    #[test]
    fn a_masthead_date_loses_to_one_near_the_headline() {
        let page = format!(
            "Thursday, 16 February 2012\nHome\nPolitics\nNews\nSport\nWeather\n14 February 2012\nPrint\nPolitics\nBridge budget approved after long debate\n\n{STORY}"
        );
        let doc = text::read(&page);
        let published = classify(&doc, None).published.and_then(|d| d.iso);
        assert_eq!(published.as_deref(), Some("2012-02-14"));
    }

    #[test]
    fn a_counter_above_the_body_is_not_a_paragraph() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><div>0</div><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p></article></body></html>"
        );
        let body = html_body_of(&page);
        assert_eq!(body.len(), 3, "{body:#?}");
        assert!(body.iter().all(|p| p != "0"));
    }

    #[test]
    fn the_stated_author_and_a_dateline_on_one_line_are_the_byline() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let line = "The Associated Press Published Monday, November 18, 2019 8:22AM EST";
        let page = format!(
            "<html><head><meta name=author content=\"The Associated Press\"></head><body><article>\
             <h1>Bridge budget approved</h1><div>{line}</div><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p></article></body></html>"
        );
        let doc = crate::frontend::html::read(&page);
        let classified = classify(&doc, None);
        let at = doc.blocks.iter().position(|b| b.text == line);
        assert_eq!(at.map(|i| classified.verdicts[i].label), Some(Label::Byline));
    }

    #[test]
    fn profiled_names() {
        for (text, want) in [
            ("Ascom is a global solutions provider focused on healthcare.", Some("Ascom")),
            ("GE Healthcare is the leading provider of imaging.", Some("GE Healthcare")),
            ("Stadtwerke Bern ist ein Unternehmen der Stadt.", Some("Stadtwerke Bern")),
            ("The council is a body of nine members.", None),
            ("It is a good day for the town.", None),
            ("the council is a body of nine members.", None),
            ("Ascom has subsidiaries in 15 countries.", None),
        ] {
            assert_eq!(profiled_name(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_press_release_ends_before_the_organisations_profile() {
        let para = |n: usize| {
            format!(
                "Paragraph {n} of the release says that the two companies will work together on the new product in Europe.\n\n"
            )
        };
        let story: String = (1..=5).map(para).collect();
        let page = format!(
            "Ascom and Dräger introduce an alarm system\n\n{story}Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions, with a vision of closing information gaps.\n\nAscom is headquartered in Baar, Switzerland, and employs around 1,300 people in 15 countries.\n"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 5, "{body:#?}");
        assert!(body.iter().all(|p| p.starts_with("Paragraph")));
    }

    #[test]
    fn a_short_piece_about_the_organisation_keeps_its_paragraphs() {
        let page = "HISTALP annual report 2021\n\nThe annual report shows that the last year was again one of the warmest since records began in the Alps.\n\nHISTALP is a climate data collection for the greater Alpine region, made of several hundred long time series of many climate elements.\n";
        assert_eq!(body_of(page).len(), 2);
    }

    #[test]
    fn a_staff_list_is_not_the_body() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let staff = ["David Mikkelson", "Doreen Marchionni", "David Emery", "Bond Huberman", "Jordan Liles"]
            .map(|name| format!("<li>{name}</li>"))
            .concat();
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p><h3>Editorial</h3><ul>{staff}</ul><h3>Operations</h3>\
             <ul><li>Vinny Green</li></ul></article></body></html>"
        );
        let kept = html_body_of(&page);
        assert_eq!(kept.len(), 3, "{kept:#?}");
    }

    #[test]
    fn a_name_over_its_job_title_is_the_byline() {
        let page =
            format!("Menu\nHome\n\nBen Silverman\nGames Editor\nDaily Gazette October 13, 2016\n\n{STORY}");
        assert_eq!(authors_of(&page), ["Ben Silverman"]);
    }

    #[test]
    fn a_recipes_ingredients_are_part_of_it() {
        let ingredients: String = [
            "350 g Zucker",
            "500 ml Milch",
            "4 EL Milch",
            "450 g weiche Butter",
            "350 g Mehl",
            "Salz",
            "5 Eier (Gr. M)",
            "1 Pck. Backpulver",
            "2 EL Backkakao",
            "200 g Schlagsahne",
            "200 g Zartbitterkuvertüre",
            "20 g Mini-Marshmallows",
            "Frischhaltefolie",
            "Küchengasbrenner",
        ]
        .map(|line| format!("{line}\n"))
        .concat();
        let step = |n: usize| {
            format!(
                "{n}.\nFür die Creme Puddingpulver, Zucker und Milch in einem Topf verrühren, dann unter Rühren aufkochen und abkühlen lassen, bis sie fest ist.\n"
            )
        };
        let method: String = (1..=4).map(step).collect();
        let page = format!(
            "Schneewittchen-Kuchen mit Mini-Marshmallows\n\nZutaten\n{ingredients}Zubereitung\n{method}"
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p == "350 g Zucker"), "{body:#?}");
        assert!(body.iter().any(|p| p == "Küchengasbrenner"), "{body:#?}");
        assert!(body.iter().any(|p| p == "1."), "the first step's number stays with the others: {body:#?}");
    }

    #[test]
    fn a_bare_name_under_the_headline_may_take_the_date_above_it() {
        let page = format!(
            "Menu\nHome\n\n21. Jan 2022 // Sägewerk\nPerfect cuts on the table saw with a simple jig\nDominik Ricker\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Dominik Ricker"]);
    }

    #[test]
    fn an_embedded_posts_date_is_not_the_articles() {
        assert!(is_post_attribution("— Digital Foundry (@digitalfoundry) November 18, 2019"));
        assert!(!is_post_attribution("Published November 18, 2019"));
        let page = format!(
            "Bridge budget approved after long debate\n\n{STORY}\n— Jane Roe (@janeroe) November 18, 2019\n\nThe work is planned in three stages, and the first contracts will be signed before the end of the year.\n"
        );
        let doc = text::read(&page);
        let classified = classify(&doc, None);
        assert!(classified.published.is_none());
    }

    #[test]
    fn a_weaker_run_before_the_best_side_run_is_kept() {
        let topics = [
            ("bridge", "read the plans"),
            ("road", "count the traffic"),
            ("budget", "compare the offers"),
            ("tax", "ask the bank"),
            ("plan", "visit the site"),
            ("harbour", "hear the fishermen"),
            ("school", "meet the teachers"),
            ("pool", "test the water"),
            ("museum", "see the rooms"),
            ("zoo", "feed the animals"),
            ("library", "sort the books"),
            ("station", "check the trains"),
            ("park", "plant the trees"),
            ("market", "open the stalls"),
            ("bus line", "print the timetable"),
            ("tower", "climb the stairs"),
            ("bakery", "taste the bread"),
            ("clinic", "hire the nurses"),
            ("bridge tolls", "survey the drivers"),
            ("night bus", "ask the night workers"),
        ];
        let paras = |range: Range<usize>| {
            topics[range]
                .iter()
                .map(|(topic, end)| {
                    format!(
                        "The council said that the {topic} would be discussed again next month, after residents asked for more time to {end}.\n\n"
                    )
                })
                .collect::<String>()
        };
        // A share bar stops the region from growing; the place names make
        // each stretch too costly for one run to span it. The best run
        // after the article (six paragraphs) lies past a weaker one (four).
        let bar = "Share\nBern\nBasel\nZürich\nGenf\nLuzern\nLugano\nChur\n\n";
        let page = format!(
            "Council delays the vote on the harbour plan\n\n{}{bar}{}{bar}{}",
            paras(0..10),
            paras(10..14),
            paras(14..20)
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p.contains("the library")), "{body:#?}");
        assert!(body.iter().any(|p| p.contains("the night bus")), "{body:#?}");
    }
}
