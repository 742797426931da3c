//! Stage 6: the article as JSON, and the `--explain` report.
//!
//! Pretty JSON (two-space indent) for one page, compact JSON for JSON
//! Lines. The field order is the order of [`crate::Article`]'s fields.

use serde::Serialize;

use crate::model::Article;

/// How an article is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Style {
    /// Indented, one field a line.
    #[default]
    Pretty,
    /// One line, no spaces (one JSON Lines record).
    Compact,
}

/// Serialises an article. Serialising these types cannot fail (string
/// keys, no maps of non-string keys); an empty object is the fallback.
pub fn to_json(article: &Article, style: Style) -> String {
    let result = match style {
        Style::Pretty => serde_json::to_string_pretty(article),
        Style::Compact => serde_json::to_string(article),
    };
    result.unwrap_or_else(|_| "{}".to_string())
}

/// One block of a page as the classifier saw it (see [`crate::explain`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct BlockReport {
    /// Position of the block on the page, from 0.
    pub index: usize,
    /// The label it got: `body`, `headline`, `byline`, `dateline`,
    /// `caption`, `title`, `furniture`, `section-heading`, `item-time`,
    /// `item-headline`, `item-summary` or `other` (dropped).
    pub label: &'static str,
    /// The main reason for the label.
    pub reason: &'static str,
    /// The block's text.
    pub text: String,
}

/// Renders an explanation as aligned text, one block a line.
pub fn explain_text(reports: &[BlockReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let text: String = r.text.chars().take(100).collect();
        let more = if r.text.chars().count() > 100 { "…" } else { "" };
        out.push_str(&format!("{:>4} {:<15} {:<42} {}{}\n", r.index, r.label, r.reason, text, more));
    }
    out
}
