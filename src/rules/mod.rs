//! Every rule table of the extractor, in one place.
//!
//! The tables are plain data: `const` slices of phrases, cues, month names and
//! markup tokens, one file a family. This module compiles them once, on first
//! use, into matchers (`LazyLock`), and offers the few lookups the stages need.
//! Nothing here decides what a block *is*; the classifier does that by
//! combining these hits with the shape and position of the block.
//!
//! Adding an entry: put it in the right table, keep the table sorted (a unit
//! test checks order and duplicates), lower case for phrase tables. No site
//! names or domains: every entry must make sense on pages nobody here has seen.

pub(crate) mod authors;
pub(crate) mod dates;
pub(crate) mod markup;
pub(crate) mod phrases;
pub(crate) mod stopwords;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Builds a regex alternation `(?:a|b|c)` from a token list, escaping each
/// token. Longer tokens come first so that `sept` wins over `sep`.
///
/// An empty list would make a group that matches the empty string everywhere,
/// so it yields a group that never matches instead.
pub(crate) fn alternation(tokens: &[&str]) -> String {
    let mut sorted: Vec<&str> = tokens.iter().copied().filter(|t| !t.is_empty()).collect();
    if sorted.is_empty() {
        return "(?:[^\\s\\S])".to_string();
    }
    sorted.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    let body: Vec<String> = sorted.iter().map(|t| regex::escape(t)).collect();
    format!("(?:{})", body.join("|"))
}

/// Compiles a phrase list into a substring matcher.
///
/// Callers only ask whether any phrase occurs, so standard match semantics
/// (first match wins, no leftmost-longest bookkeeping) and a full DFA are the
/// fastest choice; the tables are small enough that the DFA stays compact.
#[allow(clippy::expect_used, reason = "tables are constants; rules::tests forces every matcher")]
pub(crate) fn phrase_matcher(phrases: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(phrases)
        .expect("phrase table compiles")
}

/// Compiles a regex built from the tables.
#[allow(clippy::expect_used, reason = "patterns are constants; rules::tests forces every regex")]
pub(crate) fn compile(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("valid rule regex")
}

/// Trims the decoration that surrounds UI labels ("› Read more »",
/// "Share:", "* Subscribe"), for whole-line phrase tests.
pub(crate) fn trim_label(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation() && c != '#' && c != '@' && c != '&'
            || matches!(
                c,
                '»' | '«'
                    | '›'
                    | '‹'
                    | '→'
                    | '←'
                    | '•'
                    | '·'
                    | '|'
                    | '▸'
                    | '▶'
                    | '►'
                    | '…'
                    | '–'
                    | '—'
            )
    })
}

/// Lower-cases `text` and trims its decoration (see [`trim_label`]).
#[cfg(test)]
pub(crate) fn label_key(text: &str) -> String {
    crate::block::lowercase(trim_label(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that a table is sorted, duplicate-free and has no blank entries.
    pub(crate) fn assert_table(name: &str, table: &[&str]) {
        for pair in table.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must come after {:?} (sorted, no duplicates)",
                pair[0],
                pair[1]
            );
        }
        for entry in table {
            assert!(!entry.trim().is_empty(), "{name}: blank entry");
            assert_eq!(entry.trim(), *entry, "{name}: {entry:?} has surrounding spaces");
        }
    }

    #[test]
    fn alternation_escapes_and_orders_longest_first() {
        let re = compile(&format!("^{}$", alternation(&["sep", "sept.", "a+b"])));
        assert!(re.is_match("sept."));
        assert!(re.is_match("a+b"));
        assert!(!re.is_match("aab"));
    }

    #[test]
    fn empty_alternation_never_matches() {
        let re = compile(&alternation(&[]));
        assert!(!re.is_match(""));
        assert!(!re.is_match("anything"));
    }

    #[test]
    fn label_key_strips_decoration() {
        assert_eq!(label_key("› Read more »"), "read more");
        assert_eq!(label_key("* indicates required"), "indicates required");
        assert_eq!(label_key("Share:"), "share");
        assert_eq!(label_key("#hashtag"), "#hashtag");
    }
}
