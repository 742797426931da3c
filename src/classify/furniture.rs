//! Page furniture: the blocks no reader counts as content, recognised from
//! the block alone (its phrases and shape) or from the markup around it.
//!
//! This is a per-block verdict, the first pass: input, a block and its
//! measured features ([`furniture`], called while measuring); output, one
//! verdict a block ([`verdicts`]), furniture or not yet known. Furniture
//! that only shows in context (a teaser wall, a run of link titles) is the
//! region finder's business.

use crate::block::{Block, Region};
use crate::classify::label::{Label, Verdict};
use crate::rules::phrases::{self, PHRASES};
use crate::rules::trim_label;

/// Longest block (in words) that a furniture phrase can condemn. Cookie
/// banners and newsletter boxes run to about 60 words; an article paragraph
/// that mentions "newsletter" is usually longer, and often shorter ones are
/// saved by the region around them.
const MAX_FURNITURE_WORDS: usize = 60;
/// Longest block that a call to click ("Click here to get the app")
/// condemns: promotions are a sentence or two (the longest on the dev
/// pages is 17 words); a paragraph pointing to the full report is the
/// article's.
const MAX_CLICK_PROMO_WORDS: usize = 25;
/// Longest "Read also: <title>" line.
const MAX_RELATED_LINK_WORDS: usize = 30;

/// A line this short holding a © anywhere is a copyright line
/// ("版权所有 © 2022 城市日报", "Alle Rechte © 2023 Verlag").
const MAX_COPYRIGHT_MARK_WORDS: usize = 12;

/// Longest "Tags: a, b, c" line treated as furniture.
const MAX_LABELLED_LIST_WORDS: usize = 40;

/// Longest block read as a comment thread's heading ("5 thoughts on
/// “<title>”").
const MAX_COMMENT_HEADING_WORDS: usize = 20;

/// The furniture reason of a comment thread's heading: the article ends
/// before it.
pub(crate) const COMMENT_HEADING: &str = "heads the comment thread";

/// Fewest words spelt with Latin and Cyrillic letters together for a block
/// to be disguised text ("Аdvеrtіѕе wіth thе most visited news site"):
/// spam that dodges filters; no language writes words that way.
const MIN_MIXED_SCRIPT_WORDS: usize = 3;

/// Whether `text` holds [`MIN_MIXED_SCRIPT_WORDS`] words that mix Latin and
/// Cyrillic letters.
fn mixes_scripts(text: &str) -> bool {
    let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
    if !text.chars().any(cyrillic) || !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().any(cyrillic) && w.chars().any(|c| c.is_ascii_alphabetic()))
        .take(MIN_MIXED_SCRIPT_WORDS)
        .count()
        == MIN_MIXED_SCRIPT_WORDS
}

/// A teaser's link label with its reading time: "weiterlesen 5 Minuten",
/// "Read more · 4 min read".
fn is_label_with_reading_time(lower: &str) -> bool {
    if !lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let rest = match PHRASES.reading_time.find(lower) {
        Some(found) => format!("{} {}", &lower[..found.start()], &lower[found.end()..]),
        // A bare duration at the end: "weiterlesen 5 minuten".
        None => {
            let mut tail = lower.rsplitn(3, ' ');
            let (Some(unit), Some(n), Some(label)) = (tail.next(), tail.next(), tail.next()) else {
                return false;
            };
            if !n.bytes().all(|b| b.is_ascii_digit()) || !phrases::READING_TIME_UNITS.contains(&unit) {
                return false;
            }
            label.to_string()
        }
    };
    let rest = trim_label(rest.trim());
    !rest.is_empty() && phrases::is_label(rest)
}

/// The first verdict of every block, from each block's furniture reason
/// (as measured): furniture, with its reason, or not yet known
/// ([`Label::Other`]).
pub(crate) fn verdicts(reasons: impl Iterator<Item = Option<&'static str>>) -> Vec<Verdict> {
    reasons
        .map(|reason| match reason {
            Some(reason) => Verdict { label: Label::Furniture, reason },
            None => Verdict { label: Label::Other, reason: "outside the article region" },
        })
        .collect()
}

/// Why a block is furniture, or `None` when nothing in it says so.
/// `lower` is the block's text lower-cased (see [`crate::block::lowercase`]).
pub(crate) fn furniture(block: &Block, words: usize, lower: &str) -> Option<&'static str> {
    let text = block.text.as_str();
    if block.region == Region::Chrome {
        return Some("inside page chrome (nav, header, footer, comments)");
    }
    // Before the placeholder test: "[ 167 comments ]" is a thread's heading.
    if words <= MAX_COMMENT_HEADING_WORDS && phrases::is_comment_heading(lower) {
        return Some(COMMENT_HEADING);
    }
    if text.starts_with(['[', '(']) && PHRASES.placeholder.is_match(text) {
        return Some("image or form placeholder");
    }
    if !text.chars().any(char::is_alphanumeric) {
        return Some("no words");
    }
    if lower.contains("(@") && phrases::EMBED_CREDIT_OPENERS.iter().any(|o| lower.starts_with(o)) {
        return Some("credit line of an embedded social post");
    }
    if is_desk_initials(text) {
        return Some("the editors' initials under a wire story");
    }
    if mixes_scripts(text) {
        return Some("words spelt in mixed scripts (disguised advertising)");
    }
    if words <= 6 && (phrases::is_label(trim_label(lower)) || is_label_with_reading_time(lower)) {
        return Some("UI label");
    }
    if words <= MAX_FURNITURE_WORDS {
        if phrases::has_boilerplate(lower)
            || words <= MAX_CLICK_PROMO_WORDS && phrases::has_click_phrase(lower)
        {
            return Some("furniture phrase");
        }
        let short_with_mark =
            words <= MAX_COPYRIGHT_MARK_WORDS && (lower.contains('©') || has_copyright_year(lower));
        if words <= 25
            && (lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c) "))
            || short_with_mark
        {
            return Some("copyright line");
        }
        if words <= MAX_RELATED_LINK_WORDS && phrases::is_related_link(lower) {
            return Some("link to another story");
        }
        if words <= MAX_LABELLED_LIST_WORDS && phrases::starts_with_list_label(lower) {
            return Some("tag or category list");
        }
    }
    None
}

/// The sign-off of the desks that handled a wire story: lower-case
/// initials joined by slashes ("cro/mlv/ap", "gsm/jlp"), none of them a
/// word ("and/or"). No sentence has that shape.
fn is_desk_initials(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            (2..=4).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_lowercase())
                && crate::rules::stopwords::languages_of(p) == 0
        })
}

/// "copyright 2004", "copyright 1998-2012": the word and a year after it,
/// anywhere in the line ("Harbour news is written by volunteers.
/// Copyright 2004.").
fn has_copyright_year(lower: &str) -> bool {
    lower.match_indices("copyright").any(|(at, word)| {
        let rest = lower[at + word.len()..].trim_start_matches([' ', ':', '(', 'c', ')']);
        let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
        year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::Kind;

    fn verdict(text: &str) -> Option<&'static str> {
        let block = Block::new(text.to_string(), Kind::Line);
        furniture(&block, text.split_whitespace().count(), &crate::block::lowercase(text))
    }

    #[test]
    fn furniture_lines() {
        for (line, furniture) in [
            ("Skip to content", true),
            ("cro/mlv/ap", true),
            ("A post shared by Lorena Vidal (@lorenavidal)", true),
            ("In a post shared by the ministry on Monday, officials said the bridge would reopen.", false),
            ("View this post on Instagram", true),
            ("and/or", false),
            ("Edit post", true),
            ("This audio is created with AI assistance", true),
            ("Enter your email to subscribe", true),
            ("Please, enter correct email address", true),
            ("* indicates required", true),
            ("Subscribe", true),
            ("Successfuly subscribed", true),
            ("Thank you for signing up for this newsletter. We’ve sent you a confirmation email.", true),
            ("© 2022 Example Media. All rights reserved.", true),
            ("Harbour news is written by volunteers. Copyright 2004.", true),
            ("The copyright lapsed and the songs were free to sing again.", false),
            ("[image]", true),
            ("—", true),
            (
                "Diese Website benutzt Cookies. Wenn du die Website weiter nutzt, gehen wir von deinem Einverständnis aus.",
                false,
            ),
            ("Ukraine can count on Lithuania's support, said the minister.", false),
            ("News Feed", false),
            ("Tags: Kernfusion, Energie, Forschung", true),
            ("Abgelegt unter: Fotografie", true),
            ("Tagged:", true),
            ("Tagging animals is how researchers follow them, she said.", false),
            ("Do you rely on our reporting? Click here to support it.", true),
            ("CLICK HERE TO GET THE HARBOUR NEWS APP", true),
            (
                "The council published the full report on its website on Monday, and residents who want to read the \
                 consultants' figures for each of the three bridge designs can click here to download it as a PDF.",
                false,
            ),
        ] {
            assert_eq!(verdict(line).is_some(), furniture, "{line:?}: {:?}", verdict(line));
        }
    }

    #[test]
    fn a_bracketed_comment_count_heads_the_thread() {
        let block = Block::new("[ 167 comments ]".to_string(), crate::block::Kind::Line);
        assert_eq!(furniture(&block, 2, "[ 167 comments ]"), Some(COMMENT_HEADING));
    }

    #[test]
    fn labels_with_a_reading_time() {
        assert!(is_label_with_reading_time("weiterlesen 5 minuten"));
        assert!(is_label_with_reading_time("weiterlesen · 4 min read"));
        assert!(!is_label_with_reading_time("5 min read"));
        assert!(!is_label_with_reading_time("the budget 5 min read"));
    }

    #[test]
    fn mixed_scripts() {
        assert!(mixes_scripts("Аdvеrtіѕе wіth thе most visited news site in Веlіzе"));
        assert!(!mixes_scripts("Київ заявив про атаку; Kyiv said on Monday that the iPhone-ом deal is off"));
        assert!(!mixes_scripts("The council approved the budget."));
    }
}
