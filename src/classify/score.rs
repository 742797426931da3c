//! Block features and the article region.
//!
//! Each block is measured once: words, stop-word density in the page's
//! language, sentence punctuation, repetition elsewhere on the page, dates
//! and the furniture verdict. The block model (`model.rs`) turns these into
//! a score: how much a block looks like article text (positive) or like
//! page furniture (negative). The article body is then found as a *region*:
//! the run of blocks with the largest total score, so short in-article
//! lines (subheads, one-line quotes, table rows) are carried by the prose
//! around them, and an island of prose in a sea of links is not.

use std::collections::HashMap;

use crate::block::Document;
use crate::classify::boilerplate;
use crate::classify::date::{self, Order};
use crate::rules::stopwords::LANGUAGES;

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
fn mark_template_suffixes(doc: &Document, page: &mut Page) {
    let mut endings: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if page.features[i].words < 5 {
            continue;
        }
        let words: Vec<String> = block.text.split_whitespace().map(str::to_lowercase).collect();
        if words.len() >= SUFFIX_WORDS {
            endings.entry(words[words.len() - SUFFIX_WORDS..].to_vec()).or_default().push(i);
        }
    }
    for at in endings.values().filter(|at| at.len() >= SUFFIX_MIN) {
        for &i in at {
            page.features[i].template_suffix = true;
        }
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

/// Measures every block of `doc`.
pub(crate) fn measure(doc: &Document) -> Page {
    let lowered: Vec<String> = doc.blocks.iter().map(|b| b.text.to_lowercase()).collect();
    let language = detect_language(&lowered);
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        seen.entry(block.text.as_str()).or_default().push(i);
    }
    let features = doc
        .blocks
        .iter()
        .zip(&lowered)
        .enumerate()
        .map(|(i, (block, lower))| {
            let words = count_words(&block.text);
            let unspaced = is_mostly_unspaced(&block.text);
            Features {
                words,
                stop_ratio: stop_ratio(lower, language),
                sentence_end: ends_sentence(&block.text),
                furniture: boilerplate::furniture(block, words),
                repeats: seen
                    .get(block.text.as_str())
                    .map_or(0, |at| at.iter().filter(|&&j| j.abs_diff(i) >= REPEAT_DISTANCE).count() as u32),
                unspaced,
                has_date: false,
                periodic: false,
                comment_meta: false,
                template_suffix: false,
            }
        })
        .collect();
    let order = if language == Some("en") { Order::MonthFirst } else { Order::DayFirst };
    let mut page = Page { features, language, order };
    for at in seen.values().filter(|at| at.len() >= PERIODIC_MIN) {
        if at.windows(2).all(|w| w[1] - w[0] <= PERIODIC_GAP) {
            for &i in at {
                page.features[i].periodic = true;
            }
        }
    }
    for (f, block) in page.features.iter_mut().zip(&doc.blocks) {
        f.has_date = f.words <= MAX_DATED_WORDS && date::find(&block.text, order, None).is_some();
    }
    mark_template_suffixes(doc, &mut page);
    mark_comment_headers(doc, &mut page);
    page
}

/// Words in `text`; scripts written without spaces count a word per two
/// characters, which is about their average word length.
pub(crate) fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut dense = 0;
    for token in text.split_whitespace() {
        let cjk = token.chars().filter(|c| is_unspaced_script(*c)).count();
        if cjk > 0 {
            dense += cjk;
        } else if token.chars().any(char::is_alphanumeric) {
            words += 1;
        }
    }
    words + dense.div_ceil(2)
}

fn is_mostly_unspaced(text: &str) -> bool {
    let (mut dense, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        dense += usize::from(is_unspaced_script(c));
    }
    letters > 0 && dense * 2 > letters
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0x0E00..=0x0E7F)
}

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“') || c.is_whitespace()
    });
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

fn is_stop(word: &str, list: &[&str]) -> bool {
    list.binary_search(&word).is_ok()
}

fn words_of(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty())
}

fn detect_language(lowered: &[String]) -> Option<&'static str> {
    let mut hits = vec![0usize; LANGUAGES.len()];
    let mut total = 0usize;
    for lower in lowered {
        if lower.split_whitespace().nth(5).is_none() {
            continue; // menus and labels say little about the language
        }
        for word in words_of(lower) {
            total += 1;
            for (i, (_, list)) in LANGUAGES.iter().enumerate() {
                hits[i] += usize::from(is_stop(word, list));
            }
        }
    }
    let (best, &count) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (total > 0 && count as f32 >= total as f32 * MIN_LANGUAGE_SHARE).then(|| LANGUAGES[best].0)
}

fn stop_ratio(lower: &str, language: Option<&str>) -> f32 {
    let lists: Vec<&[&str]> = match language {
        Some(code) => LANGUAGES.iter().filter(|(c, _)| *c == code).map(|(_, l)| *l).collect(),
        None => LANGUAGES.iter().map(|(_, l)| *l).collect(),
    };
    let (mut words, mut stops) = (0usize, 0usize);
    for word in words_of(lower) {
        words += 1;
        stops += usize::from(lists.iter().any(|l| is_stop(word, l)));
    }
    if words == 0 { 0.0 } else { stops as f32 / words as f32 }
}

/// The run of blocks with the largest total score (maximum-sum subarray),
/// as a half-open range; blocks marked `false` in `allowed` break runs.
pub(crate) fn best_region(scores: &[f32], allowed: &[bool]) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut start = 0usize;
    let mut sum = 0.0f32;
    for (i, (&score, &ok)) in scores.iter().zip(allowed).enumerate() {
        if !ok {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += score;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, s, e)| s..e)
}

/// How far past the region's edge a strong block may be for the region to
/// reach across to it.
const MAX_BRIDGE: usize = 12;

/// Grows a region across runs of short lines to the next strong block,
/// where nothing in between says "not the article". Summing scores
/// undercounts lists, tables and one-line paragraphs that sit between
/// paragraphs: each is weak alone, but none of them is furniture. A run
/// containing a stop (furniture, a feed, a line repeated elsewhere on the
/// page) is never crossed.
pub(crate) fn grow_region(
    mut region: std::ops::Range<usize>,
    strong: &[bool],
    stop: &[bool],
    floor: usize,
) -> std::ops::Range<usize> {
    let n = strong.len();
    'forward: loop {
        for j in region.end..(region.end + MAX_BRIDGE).min(n) {
            if stop[j] {
                break 'forward;
            }
            if strong[j] {
                region.end = j + 1;
                continue 'forward;
            }
        }
        break;
    }
    'backward: loop {
        for j in (floor.max(region.start.saturating_sub(MAX_BRIDGE))..region.start).rev() {
            if stop[j] {
                break 'backward;
            }
            if strong[j] {
                region.start = j;
                continue 'backward;
            }
        }
        break;
    }
    region
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("\"NATO is not part of the conflict.\"", true),
            ("Lithuania's Defense Ministry: Negotiations should begin now", false),
            ("Wie geht es?", true),
        ] {
            assert_eq!(ends_sentence(text), want, "{text:?}");
        }
    }

    #[test]
    fn region_is_the_maximum_sum_run() {
        let scores = [-1.0, 3.0, -0.5, 2.0, -4.0, 1.0];
        assert_eq!(best_region(&scores, &[true; 6]), Some(1..4));
        assert_eq!(best_region(&scores, &[true, true, true, false, true, true]), Some(1..2));
        assert_eq!(best_region(&[-1.0, -2.0], &[true, true]), None);
    }

    #[test]
    fn regions_grow_to_strong_blocks_without_crossing_stops() {
        let strong = [false, true, false, false, true, false, true, false];
        let stop = [false, false, false, false, false, true, false, false];
        assert_eq!(grow_region(1..2, &strong, &stop, 0), 1..5);
        assert_eq!(grow_region(6..7, &strong, &stop, 6), 6..7);
        assert_eq!(grow_region(6..7, &strong, &stop, 0), 6..7);
        assert_eq!(grow_region(4..5, &strong, &stop, 0), 1..5);
    }

    #[test]
    fn detects_language() {
        let en = vec!["the minister said that the talks would begin in the spring and end soon".to_string()];
        let de = vec![
            "der minister sagte, dass die gespräche im frühjahr beginnen und bald enden würden".to_string(),
        ];
        assert_eq!(detect_language(&en), Some("en"));
        assert_eq!(detect_language(&de), Some("de"));
        assert_eq!(detect_language(&["menu".to_string()]), None);
    }
}
