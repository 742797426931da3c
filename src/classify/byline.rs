//! Bylines: spotting them and reading the author names out of them.
//!
//! A byline opens with a cue ("By", "Von", "Par", "Written by") or stands
//! alone as the cue with the names on the next line. Names end where the
//! date, the reading time or a separator (`|`, `•`) begins; job titles after
//! a comma are dropped; "A and B", "A, B and C" give several names. Desks
//! ("The Kyiv Independent news desk") are names like any other.

use crate::classify::date::{self, Order};
use crate::rules::authors::AUTHORS;
use crate::rules::dates::{PUBLISHED_LABELS, UPDATED_LABELS};
use crate::rules::phrases::PHRASES;

/// The most words a single author name may have ("The Kyiv Independent
/// news desk" has five; longer runs are sentences).
const MAX_NAME_WORDS: usize = 7;

/// The text after a byline cue, when `text` opens with one. `Some("")`
/// for a lone cue ("By"), whose names are on the next line.
pub(crate) fn after_cue(text: &str) -> Option<&str> {
    let m = AUTHORS.cue.find(text)?;
    Some(text[m.end()..].trim())
}

/// Author names in a byline (with or without its cue).
pub(crate) fn authors(text: &str, order: Order) -> Vec<String> {
    let mut rest = after_cue(text).unwrap_or(text);
    if let Some(found) = date::find(rest, order, None) {
        rest = &rest[..found.range.start];
    }
    if let Some(m) = PHRASES.reading_time.find(rest) {
        rest = &rest[..m.start()];
    }
    if let Some(cut) = rest.find(['|', '•', '·', '\u{2014}', '\n', '(']) {
        rest = &rest[..cut];
    }
    rest = trim_trailing_labels(rest);
    let rest = AUTHORS.role.replace(rest, "");
    AUTHORS
        .joiner
        .split(&rest)
        .map(|name| {
            name.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'))
        })
        .filter(|name| is_name(name))
        .map(str::to_string)
        .collect()
}

/// Drops "Published", "Updated on" and similar words left at the end of
/// the names once the date after them is cut away.
fn trim_trailing_labels(text: &str) -> &str {
    let mut text = text;
    loop {
        text = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '-' | '–'));
        let (head, last) = text.rsplit_once(char::is_whitespace).unwrap_or(("", text));
        let key = last.to_lowercase();
        let is_label = PUBLISHED_LABELS.contains(&key.as_str())
            || UPDATED_LABELS.contains(&key.as_str())
            || matches!(key.as_str(), "on" | "am" | "le" | "el" | "il" | "at");
        if last.is_empty() || !is_label {
            return text;
        }
        text = head;
    }
}

/// A plausible name: a few words, starting with a capital (or a letter of
/// a script without case), no digits, not a sentence ("Jr." and initials
/// may end in a dot).
pub(crate) fn is_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let Some(first) = name.chars().next() else { return false };
    let last_word = name.split_whitespace().last().unwrap_or("");
    let sentence_end = name.ends_with(['!', '?']) || name.ends_with('.') && last_word.chars().count() > 3;
    (1..=MAX_NAME_WORDS).contains(&words)
        && (first.is_uppercase() || first.is_alphabetic() && !first.is_lowercase())
        && !name.chars().any(|c| c.is_ascii_digit())
        && !sentence_end
        && !name.contains("http")
        && !name.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for (line, want) in [
            (
                "by The Kyiv Independent news desk October 3, 2022 5:15 PM 1 min read",
                vec!["The Kyiv Independent news desk"],
            ),
            ("By Jane Doe and John Smith", vec!["Jane Doe", "John Smith"]),
            ("By Jane Doe, John Smith and Ann Lee", vec!["Jane Doe", "John Smith", "Ann Lee"]),
            ("By Jane Doe, Staff Writer", vec!["Jane Doe"]),
            ("Von Max Mustermann und Erika Musterfrau", vec!["Max Mustermann", "Erika Musterfrau"]),
            ("Par Jean Dupont | Publié le 3 octobre 2022", vec!["Jean Dupont"]),
            ("By Jane Doe Published October 3, 2022", vec!["Jane Doe"]),
            ("By Jane Doe • 3 min read", vec!["Jane Doe"]),
            ("Sarah E. Needleman", vec!["Sarah E. Needleman"]),
            ("Автор: Олена Петренко", vec!["Олена Петренко"]),
            ("By clicking subscribe you agree to our terms and conditions of service today", vec![]),
        ] {
            assert_eq!(authors(line, Order::MonthFirst), want, "{line:?}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(after_cue("By"), Some(""));
        assert_eq!(after_cue("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(after_cue("Jane Doe"), None);
    }
}
