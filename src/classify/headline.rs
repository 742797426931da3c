//! The headline: which block is the article's headline, or what text
//! stands in for it when no block is.
//!
//! Input: the labelled page, its [`Titles`] and the [`Body`]. Output: the
//! [`Headline`] (its block, labelled, and the headline text when it is only
//! part of a block or no block at all).
//!
//! The choice is learned. The candidates are the short blocks above and at
//! the top of the body, the page's top-level headings, the block most like
//! the title, and two texts that stand in for a block: the page title as a
//! reader would cut it ("Headline | Site" → "Headline") and the headline
//! the markup states (JSON-LD, `og:title`). Each candidate becomes a vector
//! of [`FEATURES`] (its shape, its cues, its markup, its place relative to
//! the body and to the byline and date under it, its likeness to the stated
//! title), and a linear model ranks them (weights in
//! `src/rules/headline_model.txt`, one set per input format and one for
//! text dumps that do not open with their title, trained by
//! `tools/train_headline_model.py` and cross-validated by corpus there).
//! The best candidate is the headline.
//!
//! It also sets the window in which the byline and dateline passes look
//! ([`header_window`]).

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::block::{Document, Kind, Region, normalize_space};
use crate::classify::label::{Label, Verdict, is_free};
use crate::classify::model::{self, Model};
use crate::classify::region::Body;
use crate::classify::score::Page;
use crate::classify::title::{self, TitleMatch, Titles, cut_title, from_title};
use crate::classify::{byline, caption, date};
use crate::rules::phrases;

/// How many blocks above the body the header (headline, byline, date) may
/// start. Dumps put share bars, breadcrumbs and teasers between them.
const HEADER_REACH: usize = 15;
/// How many blocks into the body a byline or date may still sit.
const HEADER_OVERLAP: usize = 3;

/// How many blocks above the body's start a headline candidate may sit: a
/// browser copy puts share bars, a picture and its caption, a standfirst
/// and a row of buttons between headline and body.
const CANDIDATE_REACH: usize = 30;
/// How many blocks into the body a candidate may sit (the region often
/// takes in the headline and the byline).
const CANDIDATE_OVERLAP: usize = 3;
/// Longest candidate block, in words.
const MAX_CANDIDATE_WORDS: usize = 40;
/// How many blocks under a candidate a byline or date makes it a headline
/// "on top of the byline".
const BYLINE_BELOW: usize = 3;
/// How many blocks under a candidate a byline, date or job title counts as
/// "the header below" (past [`BYLINE_BELOW`]).
const HEADER_BELOW: usize = 8;
/// Lines shorter than this count towards a run of short lines (a menu).
const SHORT_LINE_WORDS: usize = 6;
/// How many blocks of the body give the words a headline is compared with.
const BODY_WORDS_BLOCKS: usize = 40;
/// How many blocks on each side of a candidate are counted for prose.
const PROSE_CONTEXT: usize = 8;
/// How many blocks on each side of a candidate are looked at for the
/// headline next to it: a kicker or section label over it, a standfirst
/// or lead under it.
const NEIGHBOUR_REACH: usize = 2;
/// Fewest words of a line over a standfirst that reads as its headline,
/// not as a kicker or a section label.
const STANDFIRST_HEADLINE_WORDS: usize = 6;
/// Fewest words of a standfirst or lead paragraph under a headline.
const LEAD_WORDS: usize = 15;
/// How many blocks under a candidate give the words a headline shares
/// with its standfirst and lead.
const NEXT_WORDS_BLOCKS: usize = 3;
/// Shortest candidate looked for inside other lines.
const MIN_CONTAINED_CHARS: usize = 12;
/// How many blocks on each side of a candidate are searched for lines
/// holding it (a page of a million lines stays linear).
const CONTAINED_REACH: usize = 1000;

/// The content words of a lower-cased text: words of three letters or more
/// that are no language's stop word; in scripts without spaces, pairs of
/// characters.
fn content_words(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        if chars.iter().any(|&c| phrases::is_unspaced_script(c)) {
            out.extend(chars.windows(2).map(|pair| pair.iter().collect::<String>()));
        } else if chars.len() >= 3 && crate::rules::stopwords::languages_of(word) == 0 {
            out.push(word.to_string());
        }
    }
    out
}

/// Declares the candidate features: the index enum [`F`] and the names in
/// vector order ([`FEATURES`]), from one table. The weights file names
/// them; a unit test checks that every one has a weight in both formats.
macro_rules! features {
    ($($variant:ident => $name:literal,)*) => {
        /// A feature's index in the vector.
        #[derive(Debug, Clone, Copy)]
        enum F {
            $($variant,)*
        }

        /// The features' names, in vector order.
        pub(crate) const FEATURES: &[&str] = &[$($name),*];
    };
}

features! {
    WordsLog => "words_log",
    HeadlineWords => "headline_words",
    Long => "long",
    EndsPeriod => "ends_period",
    EndsQuestion => "ends_question",
    EndsColon => "ends_colon",
    CapitalRatio => "capital_ratio",
    AllCaps => "all_caps",
    DigitRatio => "digit_ratio",
    StopRatio => "stop_ratio",
    SentenceEnd => "sentence_end",
    Furniture => "furniture",
    BylineCue => "byline_cue",
    HasDate => "has_date",
    Caption => "caption",
    Credit => "credit",
    Role => "role",
    BareName => "bare_name",
    ReadingTime => "reading_time",
    LinkText => "link_text",
    FeedHeading => "feed_heading",
    Repeated => "repeated",
    Numbered => "numbered",
    H1 => "h1",
    H2 => "h2",
    H3To6 => "h3_6",
    Paragraph => "paragraph",
    ListItem => "list_item",
    LinkDensity => "link_density",
    Chrome => "chrome",
    Aside => "aside",
    Article => "article",
    InMain => "in_main",
    ClassScore => "class_score",
    FirstH1 => "first_h1",
    OnlyH1 => "only_h1",
    AboveBody => "above_body",
    DistanceAbove => "distance_above",
    InsideBody => "inside_body",
    Position => "position",
    FirstBlock => "first_block",
    BodyScore => "body_score",
    Prose => "prose",
    BylineBelow => "byline_below",
    DateBelow => "date_below",
    DateAbove => "date_above",
    ShortRun => "short_run",
    GapBefore => "gap_before",
    GapAfter => "gap_after",
    Shaped => "shaped",
    NearestShaped => "nearest_shaped",
    TitleSimilarity => "title_similarity",
    TitleExact => "title_exact",
    TitlePrefix => "title_prefix",
    TitleContains => "title_contains",
    StatedSimilarity => "stated_similarity",
    PseudoTitle => "pseudo_title",
    PseudoStated => "pseudo_stated",
    PseudoSuffix => "pseudo_suffix",
    PseudoWordsLog => "pseudo_words_log",
    BodyOverlap => "body_overlap",
    ContainedElsewhere => "contained_elsewhere",
    ProseBefore => "prose_before",
    ProseAfter => "prose_after",
    WeakTitleSimilarity => "weak_title_similarity",
    DateShare => "date_share",
    HeaderBelow => "header_below",
    LongerShapedBelow => "longer_shaped_below",
    ShorterShapedAbove => "shorter_shaped_above",
    HeadlineAbove => "headline_above",
    LeadBelow => "lead_below",
    NextOverlap => "next_overlap",
}

/// Number of features.
pub(crate) const N: usize = FEATURES.len();

/// The weights file, compiled in.
const WEIGHTS_FILE: &str = include_str!("../rules/headline_model.txt");

/// The model, parsed on first use.
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let file = crate::switches::model_file("headline_model.txt");
    model::parse(file.as_deref().unwrap_or(WEIGHTS_FILE), FEATURES)
});

/// The headline found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Headline {
    /// The block labelled as the headline.
    pub(crate) block: Option<usize>,
    /// The headline text when it is not that whole block: the title's
    /// headline part, when no block holds it alone.
    pub(crate) text: Option<String>,
}

/// A headline candidate: a block, or a text standing in for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Candidate {
    /// A block of the page.
    Block(usize),
    /// The page title, cut as a reader would cut it.
    Title(String),
    /// The headline the markup states, without the site's name.
    Stated(String),
}

impl Candidate {
    /// The candidate's text.
    pub(crate) fn text<'a>(&'a self, doc: &'a Document) -> &'a str {
        match self {
            Candidate::Block(i) => &doc.blocks[*i].text,
            Candidate::Title(text) | Candidate::Stated(text) => text,
        }
    }
}

/// Finds the headline and labels its block.
pub(crate) fn find(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    titles: &Titles,
    body: &Body,
) -> Headline {
    let candidates = candidates(doc, page, verdicts, titles, body);
    // A dump that does not open with its title (a browser's copy) has
    // weights of its own: none of the title's features speak there.
    let titled = candidates.iter().any(|c| matches!(c, Candidate::Title(_)));
    let weights = MODEL.for_page(doc.format, titled);
    let vectors = vectors(doc, page, titles, body, &candidates);
    let best = (0..candidates.len())
        .map(|k| (k, weights.logit(&vectors[k])))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((k, _)) = best else { return Headline::default() };
    match &candidates[k] {
        Candidate::Block(i) => {
            let i = *i;
            verdicts[i] = Verdict { label: Label::Headline, reason: "ranked first by the headline model" };
            // A kicker or teaser run into the headline line: keep the part
            // the title names, when the block holds it word for word.
            let text = &doc.blocks[i].text;
            let piece = titles
                .stated
                .as_ref()
                .and_then(|s| from_title(&s.text))
                .filter(|p| p.split_whitespace().count() >= 3 && text.len() > p.len() && text.contains(*p))
                .map(str::to_string);
            Headline { block: Some(i), text: piece }
        }
        Candidate::Title(text) | Candidate::Stated(text) => {
            Headline { block: None, text: Some(text.clone()) }
        }
    }
}

/// The candidates of a page, blocks in page order, then the stand-in texts.
pub(crate) fn candidates(
    doc: &Document,
    page: &Page,
    verdicts: &[Verdict],
    titles: &Titles,
    body: &Body,
) -> Vec<Candidate> {
    let n = doc.blocks.len();
    let start = body.span.start.min(n);
    // A sentence of prose that ends in a full stop is a paragraph, never a
    // headline: a page of one paragraph has no headline.
    // A heading in page chrome may still be the headline: some layouts put
    // the article's <h1> in the page's <header>.
    let chrome_heading = |i: usize| {
        let block = &doc.blocks[i];
        verdicts[i].label == Label::Furniture
            && block.region == Region::Chrome
            && matches!(block.kind, Kind::Heading(1 | 2))
    };
    let eligible = |i: usize| {
        (is_free(verdicts, i) || verdicts[i].label == Label::Body || chrome_heading(i))
            && (1..=MAX_CANDIDATE_WORDS).contains(&page.features[i].words)
            && !(model::reads_as_prose(page, i) && ends_statement(&doc.blocks[i].text))
    };
    // Above the main run and above the first run (a lead paragraph cut
    // off by a byline box joins the body as a run of its own).
    let first = body.segments.first().map_or(start, |r| r.start.min(start));
    let window = |at: usize| at.saturating_sub(CANDIDATE_REACH)..(at + CANDIDATE_OVERLAP).min(n);
    let mut blocks: Vec<usize> = window(first).chain(window(start)).filter(|&i| eligible(i)).collect();
    // Top-level headings anywhere before the body's end, and the block most
    // like the title, wherever they are.
    let end = body.span.end.max(start).min(n);
    blocks.extend((0..end).filter(|&i| doc.blocks[i].kind == Kind::Heading(1) && eligible(i)));
    blocks.extend(titles.anchor.filter(|&a| eligible(a)));
    blocks.sort_unstable();
    blocks.dedup();
    let mut out: Vec<Candidate> = blocks.into_iter().map(Candidate::Block).collect();
    let cut = titles.title.as_ref().filter(|t| t.strong || doc.format == crate::model::Format::Html);
    if let Some(title) = cut {
        let text = cut_title(&title.text).to_string();
        if !text.is_empty() {
            out.push(Candidate::Title(text));
        }
    }
    if let Some(stated) = doc.meta.headline.as_deref() {
        let text = title::without_site_name(stated, doc);
        let known = out.iter().any(|c| matches!(c, Candidate::Title(t) if *t == text));
        if !text.is_empty() && !known {
            out.push(Candidate::Stated(text));
        }
    }
    out
}

/// What the page as a whole says about its candidates, computed once.
struct Context {
    /// Every block's block-model score.
    scores: Vec<f32>,
    /// The index of the first `<h1>` eligible as a candidate, and how many
    /// there are.
    first_h1: Option<usize>,
    h1_count: usize,
    /// The nearest headline-shaped block above the body.
    nearest_shaped: Option<usize>,
    /// The title (when it surely is one), and the stated headline,
    /// prepared for comparing.
    title: Option<(TitleMatch, String, String)>,
    /// A dump's first line when it may only be a title.
    weak_title: Option<TitleMatch>,
    /// The content words of the body's first blocks.
    body_words: FxHashSet<String>,
    stated: Option<TitleMatch>,
}

/// The feature vector of every candidate.
pub(crate) fn vectors(
    doc: &Document,
    page: &Page,
    titles: &Titles,
    body: &Body,
    candidates: &[Candidate],
) -> Vec<[f32; N]> {
    let n = doc.blocks.len();
    let start = body.span.start.min(n);
    let h1s: Vec<usize> = candidates
        .iter()
        .filter_map(|c| match c {
            Candidate::Block(i) if doc.blocks[*i].kind == Kind::Heading(1) => Some(*i),
            _ => None,
        })
        .collect();
    let context = Context {
        scores: body.scores.clone(),
        first_h1: h1s.first().copied(),
        h1_count: h1s.len(),
        nearest_shaped: candidates
            .iter()
            .rev()
            .filter_map(|c| match c {
                Candidate::Block(i) if *i < start && shaped(doc, page, *i) => Some(*i),
                _ => None,
            })
            .next(),
        title: titles.title.as_ref().filter(|t| t.strong).map(|t| {
            let key = |s: &str| normalize_space(s).to_lowercase();
            (TitleMatch::new(&t.text), key(cut_title(&t.text)), key(&t.text))
        }),
        weak_title: titles.title.as_ref().filter(|t| !t.strong).map(|t| TitleMatch::new(&t.text)),
        body_words: body
            .span
            .clone()
            .take(BODY_WORDS_BLOCKS)
            .flat_map(|i| content_words(&page.lowered[i]))
            .collect(),
        stated: doc.meta.headline.as_deref().map(TitleMatch::new),
    };
    candidates.iter().map(|c| vector(doc, page, &context, start, c)).collect()
}

/// A headline-shaped block: three to thirty words, not a sentence, and no
/// byline, date, reading time, caption or credit.
fn shaped(doc: &Document, page: &Page, i: usize) -> bool {
    let f = &page.features[i];
    let text = &doc.blocks[i].text;
    (3..=30).contains(&f.words)
        && !f.sentence_end
        && !f.has_date
        && f.furniture.is_none()
        && byline::after_cue(text).is_none()
        && phrases::reading_time(text).is_none()
        && !caption::has_cue(&page.lowered[i])
        && !caption::is_credit_line(text)
}

/// Whether a line ends like a statement: a full stop, not the question or
/// exclamation mark a headline may end with, nor an ellipsis.
fn ends_statement(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    end.ends_with(['.', '。']) && !end.ends_with("...")
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

/// Whether block `j` opens with a byline cue or holds a date.
fn byline_or_date(doc: &Document, page: &Page, j: usize) -> (bool, bool) {
    let text = &doc.blocks[j].text;
    let cued = page.features[j].words <= 20
        && (byline::cue_rest(text, page.order).is_some()
            || byline::name_beside_date(text, page.order).is_some());
    (cued, page.features[j].has_date)
}

fn vector(doc: &Document, page: &Page, context: &Context, start: usize, candidate: &Candidate) -> [f32; N] {
    let mut x = [0.0f32; N];
    let mut set = |feature: F, value: f32| x[feature as usize] = value;
    let text = candidate.text(doc);
    let lower = crate::block::lowercase(text);
    let words = text.split_whitespace().count();
    set(F::WordsLog, (words as f32).ln_1p());
    set(F::HeadlineWords, flag((3..=20).contains(&words)));
    set(F::Long, flag(words > 25));
    let end = text.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    set(F::EndsPeriod, flag(ends_statement(text)));
    set(F::EndsQuestion, flag(end.ends_with(['?', '!', '？', '！'])));
    set(F::EndsColon, flag(end.ends_with(':')));
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    set(F::AllCaps, flag(letters.len() >= 4 && letters.iter().all(|c| !c.is_lowercase())));
    if let Some((title, cut, whole)) = &context.title {
        set(F::TitleSimilarity, title.similarity_lower(&lower, words));
        let key = normalize_space(&lower);
        set(F::TitleExact, flag(key == *cut || key == *whole));
        set(
            F::TitlePrefix,
            flag(
                words >= 2
                    && key.len() * 5 >= cut.len() * 2
                    && whole.starts_with(&key)
                    && whole.len() > key.len(),
            ),
        );
        set(F::TitleContains, flag(cut.len() >= 10 && key.len() > cut.len() && key.contains(cut.as_str())));
    }
    if let Some(stated) = &context.stated {
        set(F::StatedSimilarity, stated.similarity_lower(&lower, words));
    }
    if let Some(weak) = &context.weak_title {
        set(F::WeakTitleSimilarity, weak.similarity_lower(&lower, words));
    }
    let own = content_words(&lower);
    if !own.is_empty() {
        let shared = own.iter().filter(|w| context.body_words.contains(*w)).count();
        set(F::BodyOverlap, shared as f32 / own.len() as f32);
    }
    let i = match candidate {
        Candidate::Block(i) => *i,
        Candidate::Title(_) | Candidate::Stated(_) => {
            set(if matches!(candidate, Candidate::Title(_)) { F::PseudoTitle } else { F::PseudoStated }, 1.0);
            let suffix = context.title.as_ref().is_some_and(|(_, cut, whole)| cut != whole);
            set(F::PseudoSuffix, flag(suffix));
            set(F::PseudoWordsLog, (words as f32).ln_1p());
            return x;
        }
    };
    let f = &page.features[i];
    let block = &doc.blocks[i];
    let n = doc.blocks.len();
    set(F::CapitalRatio, f.capital_ratio);
    set(F::DigitRatio, f.digit_ratio);
    set(F::StopRatio, f.stop_ratio);
    set(F::SentenceEnd, flag(f.sentence_end));
    set(F::Furniture, flag(f.furniture.is_some()));
    set(F::BylineCue, flag(byline::after_cue(text).is_some()));
    set(F::HasDate, flag(f.has_date));
    if f.has_date {
        // A dateline is mostly its date; a headline that names a year is not.
        let covered: usize = date::find_all(text, page.order, None).iter().map(|d| d.range.len()).sum();
        set(F::DateShare, (covered as f32 / text.len().max(1) as f32).min(1.0));
    }
    set(F::Caption, flag(caption::has_cue(&page.lowered[i]) || block.kind == Kind::Caption));
    set(F::Credit, flag(caption::is_credit_line(text) || caption::is_slash_credit(text)));
    set(F::Role, flag(byline::is_role_line(text)));
    set(F::BareName, flag(byline::is_bare_name(text)));
    set(F::ReadingTime, flag(phrases::reading_time(text).is_some()));
    set(F::LinkText, flag(f.link_text));
    set(F::FeedHeading, flag(f.feed_heading));
    set(F::Repeated, flag(f.repeats > 0));
    set(F::Numbered, flag(f.numbered));
    set(F::H1, flag(block.kind == Kind::Heading(1)));
    set(F::H2, flag(block.kind == Kind::Heading(2)));
    set(F::H3To6, flag(matches!(block.kind, Kind::Heading(3..=6))));
    set(F::Paragraph, flag(block.kind == Kind::Paragraph));
    set(F::ListItem, flag(block.kind == Kind::ListItem));
    set(F::LinkDensity, block.link_density);
    set(F::Chrome, flag(block.region == Region::Chrome));
    set(F::Aside, flag(block.region == Region::Aside));
    set(F::Article, flag(block.region == Region::Article));
    set(F::InMain, flag(block.in_main));
    set(F::ClassScore, f32::from(block.class_score.clamp(-3, 3)));
    set(F::FirstH1, flag(context.first_h1 == Some(i)));
    set(F::OnlyH1, flag(context.first_h1 == Some(i) && context.h1_count == 1));
    set(F::AboveBody, flag(i < start));
    set(F::DistanceAbove, if i < start { ((start - i) as f32).ln_1p() } else { 0.0 });
    set(F::InsideBody, flag(i >= start));
    set(F::Position, if n > 1 { i as f32 / (n - 1) as f32 } else { 0.0 });
    set(F::FirstBlock, flag(i == 0));
    set(F::BodyScore, context.scores.get(i).copied().unwrap_or(0.0) / 4.0);
    set(F::Prose, flag(model::reads_as_prose(page, i)));
    let below = (i + 1..(i + 1 + BYLINE_BELOW).min(n)).map(|j| byline_or_date(doc, page, j));
    let (cued, dated) = below.fold((false, false), |(a, b), (c, d)| (a || c, b || d));
    set(F::BylineBelow, flag(cued));
    set(F::DateBelow, flag(dated));
    set(F::DateAbove, flag((i.saturating_sub(2)..i).any(|j| page.features[j].has_date)));
    // Farther down: a standfirst of a few lines, a kicker or a picture may
    // stand between a headline and its byline.
    let header = (i + 1 + BYLINE_BELOW..(i + 1 + HEADER_BELOW).min(n)).any(|j| {
        let (cued, dated) = byline_or_date(doc, page, j);
        cued || dated || byline::is_role_line(&doc.blocks[j].text)
    });
    set(F::HeaderBelow, flag(header));
    let short = |j: usize| page.features[j].words < SHORT_LINE_WORDS;
    let run_before = (0..i).rev().take_while(|&j| short(j)).count();
    let run_after = (i + 1..n).take_while(|&j| short(j)).count();
    set(F::ShortRun, ((run_before + run_after) as f32).ln_1p());
    set(F::GapBefore, flag(block.gap_before));
    set(F::GapAfter, flag(doc.blocks.get(i + 1).is_some_and(|b| b.gap_before)));
    set(F::Shaped, flag(shaped(doc, page, i)));
    let prose = |j: usize| model::reads_as_prose(page, j);
    set(F::ProseBefore, (i.saturating_sub(PROSE_CONTEXT)..i).filter(|&j| prose(j)).count() as f32);
    set(F::ProseAfter, (i + 1..(i + 1 + PROSE_CONTEXT).min(n)).filter(|&j| prose(j)).count() as f32);
    // The headline recurs inside other lines: a breadcrumb ("Home » News
    // » <headline>"), a share text, a related list.
    let lower_key = &page.lowered[i];
    let around = i.saturating_sub(CONTAINED_REACH)..(i + CONTAINED_REACH).min(n);
    let elsewhere = lower_key.len() >= MIN_CONTAINED_CHARS
        && around.into_iter().any(|j| {
            j != i && page.lowered[j].len() > lower_key.len() && page.lowered[j].contains(lower_key.as_str())
        });
    set(F::ContainedElsewhere, flag(elsewhere));
    set(F::NearestShaped, flag(context.nearest_shaped == Some(i)));
    // Next to the headline: a shorter kicker or section label above it, a
    // longer headline below a label, a standfirst or lead under it that
    // repeats its words.
    let below = i + 1..(i + 1 + NEIGHBOUR_REACH).min(n);
    let words_here = f.words;
    set(
        F::LongerShapedBelow,
        flag(below.clone().any(|j| shaped(doc, page, j) && page.features[j].words > words_here)),
    );
    // The headline-shaped lines above that are shorter than this one.
    let shorter_above: Vec<usize> = (i.saturating_sub(NEIGHBOUR_REACH)..i)
        .filter(|&j| page.features[j].words < words_here && shaped(doc, page, j))
        .map(|j| page.features[j].words)
        .collect();
    set(F::ShorterShapedAbove, flag(!shorter_above.is_empty()));
    // A headline-length line right above (not a one-word kicker): this one
    // is its standfirst.
    set(F::HeadlineAbove, flag(shorter_above.iter().any(|&words| words >= STANDFIRST_HEADLINE_WORDS)));
    set(F::LeadBelow, flag(below.into_iter().any(|j| page.features[j].words >= LEAD_WORDS && prose(j))));
    if !own.is_empty() {
        let next: FxHashSet<String> = (i + 1..(i + 1 + NEXT_WORDS_BLOCKS).min(n))
            .flat_map(|j| content_words(&page.lowered[j]))
            .collect();
        let shared = own.iter().filter(|w| next.contains(*w)).count();
        set(F::NextOverlap, shared as f32 / own.len() as f32);
    }
    x
}

/// Where the header is looked for: from the headline (or a reach above
/// the body) to a few blocks into the body.
pub(crate) fn header_window(headline: Option<usize>, region: &Range<usize>, len: usize) -> Range<usize> {
    let start = headline.unwrap_or_else(|| region.start.saturating_sub(HEADER_REACH));
    let end = (region.start + HEADER_OVERLAP).min(region.end.max(region.start)).max(start);
    start..end.min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_has_a_weight_in_every_format() {
        model::check_weights_file(WEIGHTS_FILE, FEATURES, &["text", "untitled", "html"]);
    }

    /// The candidates of a text dump and their vectors.
    fn candidate_vectors(dump: &str) -> Vec<(String, [f32; N])> {
        let doc = crate::frontend::text::read(dump);
        let crate::classify::Prepared { page, verdicts, titles, .. } = crate::classify::prepare(&doc);
        let body = crate::classify::region::find(&doc, &page, &verdicts, &titles);
        let candidates = candidates(&doc, &page, &verdicts, &titles, &body);
        let vectors = vectors(&doc, &page, &titles, &body, &candidates);
        candidates.iter().map(|c| c.text(&doc).to_string()).zip(vectors).collect()
    }

    #[test]
    fn neighbours_tell_a_kicker_a_headline_and_a_standfirst_apart() {
        let dump = format!(
            "Menu\nSearch\nPolitics\nBridge budget approved after a long night of debate\nThe council voted for the bridge and its budget after three years of arguments about its costs and its route through the old town\nBy Jane Roe\n14 February 2012\n\n{}",
            crate::classify::testing::STORY
        );
        let rows = candidate_vectors(&dump);
        let get = |start: &str, feature: F| {
            rows.iter().find(|(t, _)| t.starts_with(start)).map(|(_, x)| x[feature as usize])
        };
        assert_eq!(get("Politics", F::LongerShapedBelow), Some(1.0), "a kicker over a longer headline");
        assert_eq!(get("Bridge", F::HeadlineAbove), Some(0.0));
        assert_eq!(get("The council voted", F::HeadlineAbove), Some(1.0), "a standfirst under its headline");
        let overlap = get("Bridge", F::NextOverlap).unwrap_or(0.0);
        assert!(overlap > 0.0, "the headline's words recur under it: {overlap}");
        assert_eq!(get("Bridge", F::LeadBelow), Some(0.0), "a standfirst without its full stop is no lead");
        let lead = format!(
            "Menu\nBridge budget approved after a long night of debate\n\n{}",
            crate::classify::testing::STORY
        );
        let rows = candidate_vectors(&lead);
        let bridge =
            rows.iter().find(|(t, _)| t.starts_with("Bridge")).map(|(_, x)| x[F::LeadBelow as usize]);
        assert_eq!(bridge, Some(1.0), "a lead paragraph right under the headline");
    }

    #[test]
    fn a_browser_copy_keeps_its_headline_over_a_long_standfirst() {
        let dump = format!(
            "Skip to content\nNews\nSport\nWeather\nLocal\nBridge budget approved after a long night of debate\nThe council voted for the bridge and its budget after three years of arguments about its costs and its route through the old town\nBy Jane Roe\n14 February 2012\nShare\n\n{}",
            crate::classify::testing::STORY
        );
        let doc = crate::frontend::text::read(&dump);
        let classified = crate::classify::classify(&doc, None);
        let headline = classified.verdicts.iter().position(|v| v.label == Label::Headline);
        assert_eq!(
            headline.map(|i| doc.blocks[i].text.as_str()),
            Some("Bridge budget approved after a long night of debate")
        );
    }

    #[test]
    fn features_are_unique() {
        let mut names = FEATURES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), N);
    }
}
