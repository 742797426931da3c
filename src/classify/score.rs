//! Block features: what each block is like, measured once.
//!
//! Each block is measured once: words, stop-word density in the page's
//! language, sentence punctuation, repetition elsewhere on the page, dates
//! and the furniture verdict. The block model (`model.rs`) turns these into
//! a score: how much a block looks like article text (positive) or like
//! page furniture (negative). The article body is then found as a *region*:
//! the run of blocks with the largest total score, so short in-article
//! lines (subheads, one-line quotes, table rows) are carried by the prose
//! around them, and an island of prose in a sea of links is not.

use rustc_hash::FxHashMap as HashMap;

use crate::block::Document;
use crate::classify::date::{self, Order};
use crate::classify::furniture;
use crate::rules::stopwords::{self, LANGUAGES};
use crate::rules::{phrases, trim_label};

/// What the classifier knows about one block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    /// Words (whitespace-separated tokens with a letter or digit; CJK text
    /// counts one word per two characters).
    pub(crate) words: usize,
    /// Share of words that are stop words of the page language.
    pub(crate) stop_ratio: f32,
    /// Ends like a sentence (., !, ?, a closing quote after one, …).
    pub(crate) sentence_end: bool,
    /// Why the block is furniture, if it is.
    pub(crate) furniture: Option<&'static str>,
    /// How many other blocks on the page, not next to it, have the same
    /// text (menus shown twice; a table's header row printed twice next to
    /// itself is not a repeat).
    pub(crate) repeats: u32,
    /// Written mostly in a script without spaces (Chinese, Japanese, Thai):
    /// stop words say nothing there, punctuation and length do.
    pub(crate) unspaced: bool,
    /// Holds a date (absolute or relative).
    pub(crate) has_date: bool,
    /// One of a chain of equal lines recurring every few blocks ("Image
    /// credit: …" under each slide, "Advertisement" between paragraphs):
    /// part of the article's own template, not the page's menus.
    pub(crate) periodic: bool,
    /// A comment's header ("Leo July 23, 2015 at 3:20 pm"): a name and a
    /// date, on a page that has at least three of them.
    pub(crate) comment_meta: bool,
    /// Share of tokens starting with a capital letter.
    pub(crate) capital_ratio: f32,
    /// Share of non-space characters that are digits.
    pub(crate) digit_ratio: f32,
    /// Holds a URL or an e-mail address.
    pub(crate) link_text: bool,
    /// Ends with a colon (introduces what follows).
    pub(crate) ends_colon: bool,
    /// Opens with a list number ("1.", "2)", "3:").
    pub(crate) numbered: bool,
    /// Commas per word, at most 1.
    pub(crate) comma_density: f32,
    /// Holds a separator glyph (`|`, `»`, `·`, `•`).
    pub(crate) separators: bool,
    /// A feed or list heading ("News Feed", "Most read").
    pub(crate) feed_heading: bool,
    /// Ends with the same words as two or more other blocks of some length
    /// ("… diese Seite aufrufen", "… Read more"): a teaser in a wall of them.
    pub(crate) template_suffix: bool,
}

/// The measured page: one [`Features`] a block, plus page-level facts.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Per-block features, parallel to the document's blocks.
    pub(crate) features: Vec<Features>,
    /// ISO 639-1 code of the language whose stop words hit most, if any
    /// did often enough to tell.
    pub(crate) language: Option<&'static str>,
    /// How numeric dates read on this page.
    pub(crate) order: Order,
    /// Each block's text, lower-cased.
    pub(crate) lowered: Vec<String>,
}

/// How far apart two equal blocks must be to count as a repeat.
const REPEAT_DISTANCE: usize = 3;

/// A line recurring at least this often, each time within `PERIODIC_GAP`
/// blocks of the last, is part of the article's template.
const PERIODIC_MIN: usize = 3;
/// See [`PERIODIC_MIN`].
const PERIODIC_GAP: usize = 12;
/// Words compared at the end of blocks to find teaser templates.
const SUFFIX_WORDS: usize = 3;
/// Blocks sharing an ending to make a template.
const SUFFIX_MIN: usize = 3;

/// Marks blocks that end with the same words as other blocks of at least
/// five words: the "… Read more" of a teaser wall. Article paragraphs
/// almost never share their last three words.
fn mark_template_suffixes(page: &mut Page) {
    let mut endings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, lower) in page.lowered.iter().enumerate() {
        if page.features[i].words < 5 {
            continue;
        }
        // The last SUFFIX_WORDS words, as a slice of the lower-cased text.
        let trimmed = lower.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(SUFFIX_WORDS - 1)
            .map(|(at, _)| at);
        if let Some(start) = start {
            endings.entry(&trimmed[start..]).or_default().push(i);
        }
    }
    let marked: Vec<usize> = endings.into_values().filter(|at| at.len() >= SUFFIX_MIN).flatten().collect();
    for i in marked {
        page.features[i].template_suffix = true;
    }
}

/// Comment headers on a page before they count as a comment section.
const MIN_COMMENT_HEADERS: usize = 3;

/// Marks comment headers: short blocks holding a date and a name of one to
/// four words ("Rebel Raime July 25, 2015 at 7:01 pm", "MikeNils
/// 18.10.2019, 15:07 Uhr"), when the page has several.
fn mark_comment_headers(doc: &Document, page: &mut Page) {
    let headers: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| page.features[i].has_date && page.features[i].words <= 10)
        .filter(|&i| {
            let text = &doc.blocks[i].text;
            let Some(found) = date::find(text, page.order, None) else { return false };
            let rest: Vec<&str> = text[..found.range.start]
                .split_whitespace()
                .chain(text[found.range.end..].split_whitespace())
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .filter(|w| !COMMENT_WORDS.contains(&w.to_lowercase().trim_end_matches(':')))
                .collect();
            (1..=4).contains(&rest.len()) && rest[0].chars().next().is_some_and(char::is_alphanumeric)
        })
        .collect();
    if headers.len() >= MIN_COMMENT_HEADERS {
        for i in headers {
            page.features[i].comment_meta = true;
        }
    }
}

/// Words that go with a commenter's name and the date.
const COMMENT_WORDS: &[&str] = &[
    "am",
    "antworten",
    "at",
    "dit",
    "dice",
    "meint",
    "reply",
    "répondre",
    "responder",
    "said",
    "sagt",
    "says",
    "schreibt",
    "um",
    "uhr",
    "wrote",
];

/// Dates are looked for in blocks up to this long: datelines, stamps and
/// bylines are short, and a date inside a paragraph says nothing about it.
const MAX_DATED_WORDS: usize = 30;

/// Least share of stop words over the page's longer blocks for the page
/// to count as written in that language (prose runs 0.3–0.5; a page of
/// names and numbers stays under 0.05).
const MIN_LANGUAGE_SHARE: f32 = 0.08;

/// Longest block (words) that can be a feed heading.
const MAX_FEED_HEADING_WORDS: usize = 6;

/// Stop-word hits of one block, per language, from one pass over it.
struct StopHits {
    /// Hits per language (index as in `LANGUAGES`).
    per_language: [u16; 32],
    /// Words that are a stop word in any language.
    any: u16,
    /// Words looked at.
    words: u16,
}

fn stop_hits(lower: &str) -> StopHits {
    let mut hits = StopHits { per_language: [0; 32], any: 0, words: 0 };
    for word in words_of(lower) {
        hits.words = hits.words.saturating_add(1);
        let mut mask = stopwords::languages_of(word);
        if mask != 0 {
            hits.any = hits.any.saturating_add(1);
        }
        while mask != 0 {
            let bit = mask.trailing_zeros() as usize;
            hits.per_language[bit] = hits.per_language[bit].saturating_add(1);
            mask &= mask - 1;
        }
    }
    hits
}

/// The page language: the stop list that hits most over the blocks of six
/// words or more (menus and labels say little about the language).
fn detect_language(hits: &[StopHits]) -> Option<usize> {
    let mut total = 0usize;
    let mut per_language = [0usize; 32];
    for h in hits.iter().filter(|h| h.words >= 6) {
        total += usize::from(h.words);
        for (sum, n) in per_language.iter_mut().zip(h.per_language) {
            *sum += usize::from(n);
        }
    }
    let (best, &count) = per_language.iter().enumerate().take(LANGUAGES.len()).max_by_key(|(_, n)| **n)?;
    (total > 0 && count as f32 >= total as f32 * MIN_LANGUAGE_SHARE).then_some(best)
}

/// Measures every block of `doc`.
pub(crate) fn measure(doc: &Document) -> Page {
    let lowered: Vec<String> = doc.blocks.iter().map(|b| crate::block::lowercase(&b.text)).collect();
    let hits: Vec<StopHits> = lowered.iter().map(|l| stop_hits(l)).collect();
    let language = detect_language(&hits);
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, block) in doc.blocks.iter().enumerate() {
        seen.entry(block.text.as_str()).or_default().push(i);
    }
    let features = doc
        .blocks
        .iter()
        .zip(&lowered)
        .zip(&hits)
        .enumerate()
        .map(|(i, ((block, lower), hits))| {
            let shape = shape_of(&block.text);
            let stops = language.map_or(hits.any, |bit| hits.per_language[bit]);
            Features {
                words: shape.words,
                stop_ratio: if hits.words == 0 { 0.0 } else { f32::from(stops) / f32::from(hits.words) },
                sentence_end: ends_sentence(&block.text),
                furniture: furniture::furniture(block, shape.words, lower),
                repeats: seen.get(block.text.as_str()).map_or(0, |at| distant_repeats(at, i)),
                unspaced: shape.unspaced,
                has_date: false,
                periodic: false,
                comment_meta: false,
                capital_ratio: shape.capital_ratio,
                digit_ratio: shape.digit_ratio,
                link_text: shape.link_text,
                ends_colon: block.text.trim_end().ends_with(':'),
                numbered: shape.numbered,
                comma_density: shape.comma_density,
                separators: shape.separators,
                feed_heading: (1..=MAX_FEED_HEADING_WORDS).contains(&shape.words)
                    && phrases::sidebar_heading(trim_label(lower)),
                template_suffix: false,
            }
        })
        .collect();
    let language = language.map(|bit| LANGUAGES[bit].0);
    let order = if language == Some("en") { Order::MonthFirst } else { Order::DayFirst };
    let mut page = Page { features, language, order, lowered };
    for at in seen.values().filter(|at| at.len() >= PERIODIC_MIN) {
        if at.windows(2).all(|w| w[1] - w[0] <= PERIODIC_GAP) {
            for &i in at {
                page.features[i].periodic = true;
            }
        }
    }
    for (f, block) in page.features.iter_mut().zip(&doc.blocks) {
        f.has_date = f.words <= MAX_DATED_WORDS
            && f.furniture.is_none()
            && date::find(&block.text, order, None).is_some();
    }
    mark_template_suffixes(&mut page);
    mark_comment_headers(doc, &mut page);
    page
}

/// How many of the sorted block indices `at` (where one text occurs) lie
/// at least [`REPEAT_DISTANCE`] blocks from `i`. Two binary searches, not
/// a scan: a page of a million identical lines must stay linear.
fn distant_repeats(at: &[usize], i: usize) -> u32 {
    let near_start = at.partition_point(|&j| j + REPEAT_DISTANCE <= i);
    let near_end = at.partition_point(|&j| j < i + REPEAT_DISTANCE);
    (at.len() - (near_end - near_start)) as u32
}

/// Surface measurements of a block's text, in one pass over its tokens.
struct Shape {
    words: usize,
    unspaced: bool,
    capital_ratio: f32,
    digit_ratio: f32,
    link_text: bool,
    numbered: bool,
    comma_density: f32,
    separators: bool,
}

/// Words count whitespace-separated tokens with a letter or digit; scripts
/// written without spaces count a word per two characters, about their
/// average word length.
fn shape_of(text: &str) -> Shape {
    let (mut tokens, mut plain_words, mut dense, mut capital) = (0usize, 0usize, 0usize, 0usize);
    let (mut chars, mut digits, mut letters, mut commas) = (0usize, 0usize, 0usize, 0usize);
    let (mut link_text, mut separators) = (false, false);
    for token in text.split_whitespace() {
        tokens += 1;
        capital += usize::from(token.chars().next().is_some_and(char::is_uppercase));
        let (mut token_dense, mut alnum) = (0usize, false);
        let (mut at, mut dot) = (false, false);
        for c in token.chars() {
            chars += 1;
            if c.is_ascii_digit() {
                digits += 1;
                alnum = true;
            } else if c.is_ascii_alphabetic() {
                letters += 1;
                alnum = true;
            } else if c.is_alphabetic() {
                letters += 1;
                alnum = true;
                token_dense += usize::from(is_unspaced_script(c));
            } else if c.is_alphanumeric() {
                alnum = true;
            }
            match c {
                ',' => commas += 1,
                '|' | '»' | '·' | '•' => separators = true,
                '@' => at = true,
                '.' => dot = true,
                _ => {}
            }
        }
        link_text |= at && dot
            || token.starts_with("http://")
            || token.starts_with("https://")
            || token.starts_with("www.");
        dense += token_dense;
        plain_words += usize::from(token_dense == 0 && alnum);
    }
    let words = plain_words + dense.div_ceil(2);
    let first = text.split_whitespace().next().unwrap_or("");
    Shape {
        words,
        unspaced: letters > 0 && dense * 2 > letters,
        capital_ratio: if tokens == 0 { 0.0 } else { capital as f32 / tokens as f32 },
        digit_ratio: digits as f32 / chars.max(1) as f32,
        link_text,
        numbered: first.len() <= 4
            && first.starts_with(|c: char| c.is_ascii_digit())
            && first.ends_with(['.', ')', ':']),
        comma_density: (commas as f32 / words.max(1) as f32).min(1.0),
        separators,
    }
}

/// Words in `text` (see [`shape_of`]).
#[cfg(test)]
fn count_words(text: &str) -> usize {
    shape_of(text).words
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

/// Ends like a sentence: sentence punctuation at the end, or before a short
/// attribution ("… Bahnumschlags. (cm)", "… never ends.\" - Ben Wilson -").
/// Sentences inside a block that make it running text however it ends.
const MIN_INNER_SENTENCES: usize = 3;

/// Counts sentence ends inside `text` (a full stop, question or exclamation
/// mark, then a space and a capital letter), up to [`MIN_INNER_SENTENCES`].
fn inner_sentences(text: &str) -> usize {
    let mut count = 0;
    let mut rest = text;
    while let Some(at) = rest.find(['.', '!', '?']) {
        let after = &rest[at + 1..];
        let mut chars = after.chars();
        if chars.next() == Some(' ') && chars.next().is_some_and(char::is_uppercase) {
            count += 1;
            if count >= MIN_INNER_SENTENCES {
                break;
            }
        }
        rest = after;
    }
    count
}

fn ends_sentence(text: &str) -> bool {
    const TERMINATORS: [char; 8] = ['.', '!', '?', '…', '。', '！', '？', ';'];
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“') || c.is_whitespace()
    });
    if trimmed.ends_with(TERMINATORS) || trimmed.ends_with(':') {
        return true;
    }
    // Running text whose last sentence lost its full stop ("… Só quem se
    // ama pode encontrar Um Amor de Verdade"): three sentences before it.
    if inner_sentences(text) >= MIN_INNER_SENTENCES {
        return true;
    }
    let Some(last) = text.rfind(TERMINATORS) else { return false };
    let tail = &text[last..];
    let tail =
        tail.trim_start_matches(|c: char| TERMINATORS.contains(&c) || matches!(c, '"' | '”' | '’' | '»'));
    // Only a bracketed or dash-framed tail: "Question? - Site" is a title.
    let tail = tail.trim();
    let framed = tail.starts_with('(') && tail.ends_with(')')
        || tail.starts_with(['-', '–', '—']) && tail.ends_with(['-', '–', '—']);
    framed
        && tail.chars().count() <= MAX_ATTRIBUTION_CHARS
        && tail.split_whitespace().count() <= MAX_ATTRIBUTION_WORDS
}

/// A sentence may be followed by an attribution of at most this many
/// characters and words ("(dpa)", "- Ben Wilson -").
const MAX_ATTRIBUTION_CHARS: usize = 30;
/// See [`MAX_ATTRIBUTION_CHARS`].
const MAX_ATTRIBUTION_WORDS: usize = 4;

fn words_of(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distant_repeats_match_a_scan() {
        let at: Vec<usize> = vec![0, 1, 2, 5, 9, 30, 31, 70];
        for i in [0, 1, 5, 9, 20, 31, 69, 70, 100] {
            let scan = at.iter().filter(|&&j| j.abs_diff(i) >= REPEAT_DISTANCE).count() as u32;
            assert_eq!(distant_repeats(&at, i), scan, "i = {i}");
        }
    }

    #[test]
    fn word_counts() {
        for (text, want) in [("Hello, world!", 2), ("— | —", 0), ("新华社北京电", 3), ("a b c", 3)]
        {
            assert_eq!(count_words(text), want, "{text:?}");
        }
    }

    #[test]
    fn sentence_ends() {
        for (text, want) in [
            ("He said so.", true),
            (
                "Gostar é sentir. Vivemos uma vida assim. Queremos mais. Só quem se ama pode encontrar Um Amor de Verdade",
                true,
            ),
            ("Home. About. Contact", false),
            ("\"NATO is not part of the conflict.\"", true),
            ("Lithuania's Defense Ministry: Negotiations should begin now", false),
            ("Wie geht es?", true),
            ("Der Hafen rechnet mit einer Steigerung. (cm)", true),
            ("Our search never ends.\" - Ben Wilson -", true),
            ("Version 2.0 of the software has many new features and options for users", false),
            ("U.S. Senate passes the bill", false),
            ("Wie hoch sind die Zinsen? - Kredite", false),
        ] {
            assert_eq!(ends_sentence(text), want, "{text:?}");
        }
    }

    #[test]
    fn detects_language() {
        let lang = |text: &str| detect_language(&[stop_hits(text)]).map(|bit| LANGUAGES[bit].0);
        assert_eq!(
            lang("the minister said that the talks would begin in the spring and end soon"),
            Some("en")
        );
        assert_eq!(
            lang("der minister sagte, dass die gespräche im frühjahr beginnen und bald enden würden"),
            Some("de")
        );
        assert_eq!(lang("menu"), None);
    }
}
