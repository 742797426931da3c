//! Block features and the article region.
//!
//! Each block is measured once: words, stop-word density in the page's
//! language, sentence punctuation, repetition elsewhere on the page, and
//! the furniture verdict. From these a prose score says how much a block
//! looks like article text (positive) or like page furniture (negative).
//! The article body is then found as a *region*: the run of blocks with the
//! largest total score, so short in-article lines (subheads, one-line
//! quotes) are carried by the prose around them, and an island of prose in
//! a sea of links is not.

use std::collections::HashMap;

use crate::block::{Block, Document, Kind, Region};
use crate::classify::boilerplate;
use crate::classify::date::Order;
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
    /// How many other blocks on the page have the same text.
    pub(crate) repeats: u32,
    /// Written mostly in a script without spaces (Chinese, Japanese, Thai):
    /// stop words say nothing there, punctuation and length do.
    pub(crate) unspaced: bool,
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

/// Least share of stop words over the page's longer blocks for the page
/// to count as written in that language (prose runs 0.3–0.5; a page of
/// names and numbers stays under 0.05).
const MIN_LANGUAGE_SHARE: f32 = 0.08;

/// Measures every block of `doc`.
pub(crate) fn measure(doc: &Document) -> Page {
    let lowered: Vec<String> = doc.blocks.iter().map(|b| b.text.to_lowercase()).collect();
    let language = detect_language(&lowered);
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for block in &doc.blocks {
        *seen.entry(block.text.as_str()).or_default() += 1;
    }
    let features = doc
        .blocks
        .iter()
        .zip(&lowered)
        .map(|(block, lower)| {
            let words = count_words(&block.text);
            let unspaced = is_mostly_unspaced(&block.text);
            Features {
                words,
                stop_ratio: stop_ratio(lower, language),
                sentence_end: ends_sentence(&block.text),
                furniture: boilerplate::furniture(block, words),
                repeats: seen.get(block.text.as_str()).map_or(0, |n| n - 1),
                unspaced,
            }
        })
        .collect();
    let order = if language == Some("en") { Order::MonthFirst } else { Order::DayFirst };
    Page { features, language, order }
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

/// Score of a furniture block: a one-word label ("Advertisement",
/// "Share") costs about as much as a short line, so an article carries on
/// across it; a long banner or a run of labels costs far more.
fn furniture_score(words: usize) -> f32 {
    -(1.0 + words as f32 * 0.2).min(5.0)
}
/// Stop-word share from which a block reads as running text. Article
/// sentences sit at 0.25–0.5 in the languages served; menus, name lists
/// and headlines mostly under 0.15.
const PROSE_STOP_RATIO: f32 = 0.15;

/// How much a block looks like article prose: positive for sentences,
/// negative for furniture, repeated lines and short labels.
pub(crate) fn prose_score(block: &Block, f: &Features, language_known: bool) -> f32 {
    if f.furniture.is_some() {
        return furniture_score(f.words);
    }
    let words = f.words as f32;
    if f.repeats > 0 && f.words < 40 {
        return -2.0;
    }
    // Long sentences read as text even where the stop list is thin
    // (inflected languages use fewer function words than English).
    let reads_as_text = !language_known
        || f.unspaced
        || f.stop_ratio >= PROSE_STOP_RATIO
        || f.sentence_end && f.words >= 15 && f.stop_ratio >= PROSE_STOP_RATIO / 3.0;
    let mut score = if f.words >= 10 && reads_as_text && f.sentence_end {
        (words / 10.0).min(6.0) + 0.5
    } else if f.words >= 20 && reads_as_text {
        (words / 20.0).min(3.0)
    } else if f.words >= 5 && f.sentence_end && reads_as_text {
        0.2
    } else if f.words < 4 {
        -1.0
    } else {
        -0.5
    };
    score += markup_score(block);
    score
}

/// What the markup adds: article containers and paragraphs speak for a
/// block, links, rails and furniture class names against it.
fn markup_score(block: &Block) -> f32 {
    let mut score = 0.0;
    match block.region {
        Region::Article => score += 1.0,
        Region::Aside => score -= 3.0,
        Region::Chrome | Region::Unknown => {}
    }
    if block.kind == Kind::Paragraph {
        score += 0.5;
    }
    score -= block.link_density * 4.0;
    score += f32::from(block.class_score.clamp(-3, 3)) * 0.7;
    score
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
