//! The output types. These structs *are* the JSON schema: the binary
//! serialises them as they are, field for field, in this order.
//!
//! Absent values are `null` (options) or `[]` (lists), never left out, so a
//! consumer can rely on every key being present.

use serde::{Deserialize, Serialize};

/// One cleaned page: the article and what surrounds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The article's headline, without the site name.
    pub headline: Option<String>,
    /// The page's stated title as written: HTML `<title>`, else
    /// `og:title`; in a text dump, a first line that reads as a `<title>`
    /// (split by a site-name separator, or repeated on the page). `None`
    /// when the page states none.
    pub title: Option<String>,
    /// Authors in byline order: one person or desk each, without "By" and
    /// without job titles.
    pub authors: Vec<String>,
    /// Publication time, ISO 8601: `2022-10-03`, `2022-10-03T17:15:00`, or
    /// `2022-10-03T17:15:00+01:00` when the page states a zone. Never
    /// converted to UTC.
    pub published: Option<String>,
    /// The publication time as written on the page.
    pub published_text: Option<String>,
    /// Last-updated time, same format as `published`.
    pub updated: Option<String>,
    /// The last-updated time as written on the page.
    pub updated_text: Option<String>,
    /// The article text, one paragraph a string, in page order, with
    /// whitespace collapsed. Subheads, list items and quotes are paragraphs
    /// too; captions are not (see `images`).
    pub body: Vec<String>,
    /// What each paragraph of `body` is, parallel to it (the same length,
    /// in the same order): a plain paragraph, a subhead, an item of a
    /// bulleted or numbered list, a quotation, a data-table row, or
    /// preformatted text. Read from the markup in HTML; in a text dump,
    /// bulleted and numbered lines are list items and a short line without
    /// final punctuation between paragraphs is a subhead. Missing in JSON
    /// written before this field existed, which reads as all paragraphs.
    #[serde(default)]
    pub body_kinds: Vec<BodyKind>,
    /// Captioned pictures of the article.
    pub images: Vec<Image>,
    /// News items from feeds and side lists ("News Feed", "Most read").
    pub sidebar: Vec<SidebarItem>,
    /// Reading time in minutes, when the page states one ("3 min read").
    pub reading_time_minutes: Option<u32>,
    /// Language of the page as it declares it (`<html lang>`, meta), e.g. `en`.
    pub language: Option<String>,
    /// The site's name, when the page states it.
    pub site_name: Option<String>,
    /// The page's own summary (meta description), when it has one.
    pub description: Option<String>,
    /// Where the page came from.
    pub source: Source,
}

/// What a paragraph of [`Article::body`] is. In JSON, a `snake_case`
/// string: `"paragraph"`, `"subhead"`, `"list_item"`, `"ordered_item"`,
/// `"quote"`, `"table_row"`, `"preformatted"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BodyKind {
    /// A plain paragraph (also anything the page does not mark as more).
    #[default]
    Paragraph,
    /// A subhead inside the article (`<h2>`, or a short unpunctuated line
    /// between paragraphs of a dump).
    Subhead,
    /// An item of a bulleted list (`<ul>`, or a dump's `•`/`-` line).
    ListItem,
    /// An item of a numbered list (`<ol>`, or a run of dump lines numbered
    /// `1.`, `2.`, …, which keep their number in the text).
    OrderedItem,
    /// A block quotation.
    Quote,
    /// A row of a data table, its cells parted by a tab.
    TableRow,
    /// Preformatted text (`<pre>`), whitespace collapsed like the rest.
    Preformatted,
}

/// A picture's caption and credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Image {
    /// The caption text, without the credit.
    pub caption: Option<String>,
    /// The photographer or agency ("Photo: Jane Doe/AFP" → "Jane Doe/AFP").
    pub credit: Option<String>,
    /// Where the picture stands: how many of the body's paragraphs come
    /// before it (0: above the article's text; `body.len()`: after it).
    #[serde(default)]
    pub position: usize,
}

/// One item of a news feed or side list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SidebarItem {
    /// The heading of the list the item is in ("News Feed", "Most read").
    pub section: Option<String>,
    /// The item's time as written ("6:57 PM", "2 hours ago").
    pub time: Option<String>,
    /// The item's headline.
    pub headline: Option<String>,
    /// The text under the headline.
    pub summary: Option<String>,
}

/// The input a page was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// Which front end read the page.
    pub format: Format,
    /// The file's path as given, or `null` for standard input and in-memory
    /// input.
    pub path: Option<String>,
}

/// The kind of input a page was read as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// A plain-text dump.
    #[default]
    Text,
    /// HTML markup.
    Html,
}
