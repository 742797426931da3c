//! The shared intermediate form: a page as a list of blocks.
//!
//! Both front ends produce a [`Document`]; classify and assemble only ever
//! see this, never raw text lines or DOM nodes. A block is the smallest
//! unit the classifier labels: a paragraph, a heading, a list item, a line
//! of a menu. Everything a front end knows about a block beyond its text is
//! carried here as typed hints.

use crate::model::Format;

/// What kind of element a block came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A line of a text dump, or a run of inline text in HTML.
    Line,
    /// An HTML paragraph.
    Paragraph,
    /// A heading; 1–6 from `<h1>`–`<h6>`.
    Heading(u8),
    /// A list item (`<li>`, or a bulleted line of a dump).
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure caption (`<figcaption>`).
    Caption,
    /// A table cell.
    Cell,
    /// Preformatted text.
    Preformatted,
}

/// The part of the page a block sits in, as far as the markup tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Region {
    /// Nothing known (always the case in text mode).
    Unknown,
    /// Inside `<article>`, `<main>` or an article-body container.
    Article,
    /// Inside page chrome: `<nav>`, `<header>`, `<footer>`, `<menu>`.
    Chrome,
    /// Inside `<aside>` or a side rail.
    Aside,
}

/// One unit of page text with what the front end knows about it.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The text, whitespace collapsed, never empty.
    pub(crate) text: String,
    /// The element it came from.
    pub(crate) kind: Kind,
    /// A blank line (text) or a structural break (HTML) comes before it.
    pub(crate) gap_before: bool,
    /// Where on the page it sits.
    pub(crate) region: Region,
    /// Share of the text inside links, 0–1 (0 in text mode).
    pub(crate) link_density: f32,
    /// Class/id evidence: positive for content tokens, negative for
    /// furniture tokens on the block or its ancestors.
    pub(crate) class_score: i8,
    /// Index of the HTML element the block came from (0 in text mode), for
    /// the front end's own bookkeeping.
    pub(crate) container: usize,
    /// Inside the element whose paragraphs score highest (HTML only).
    pub(crate) in_main: bool,
    /// A list item of a numbered list (`<ol>`; HTML only). Read by
    /// assemble for the body's kinds, never by classify.
    pub(crate) numbered: bool,
}

impl Block {
    /// A plain block of `kind` with no markup hints.
    pub(crate) fn new(text: String, kind: Kind) -> Self {
        Block {
            text,
            kind,
            gap_before: false,
            region: Region::Unknown,
            link_density: 0.0,
            class_score: 0,
            container: 0,
            in_main: false,
            numbered: false,
        }
    }
}

/// What the page states about itself outside the visible text: `<title>`,
/// meta tags, JSON-LD. Empty in text mode.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    /// The `<title>` text.
    pub(crate) title: Option<String>,
    /// A headline stated by structured data or `og:title`.
    pub(crate) headline: Option<String>,
    /// The `og:title` as stated.
    pub(crate) og_title: Option<String>,
    /// Authors stated by structured data or meta tags.
    pub(crate) authors: Vec<String>,
    /// Names in an element marked as the byline by its class or id
    /// (`class="author-name"`): used when neither the stated metadata nor
    /// a visible byline name anyone.
    pub(crate) marked_authors: Vec<String>,
    /// Stated authors that are the site's own name: used only when the page
    /// shows no byline (a personal blog's author is its site name; a
    /// newspaper naming itself as author is hiding the real byline).
    pub(crate) site_authors: Vec<String>,
    /// Publication time as stated (usually ISO 8601).
    pub(crate) published: Option<String>,
    /// Modification time as stated.
    pub(crate) updated: Option<String>,
    /// The page's summary.
    pub(crate) description: Option<String>,
    /// The site's name.
    pub(crate) site_name: Option<String>,
    /// The declared language.
    pub(crate) language: Option<String>,
    /// The page's own address (`<link rel=canonical>`, else `og:url`):
    /// its path may hold the publication date.
    pub(crate) address: Option<String>,
}

/// A page after its front end: blocks in reading order plus metadata.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Which front end made it.
    pub(crate) format: Format,
    /// The blocks, in page order.
    pub(crate) blocks: Vec<Block>,
    /// What the markup states about the page.
    pub(crate) meta: PageMeta,
}

/// Lower-cases text, with a fast path for ASCII. The Turkish dotted
/// capital "İ" becomes a plain "i" (Unicode's default mapping adds a
/// combining dot, and "İlginizi çekebilir" would then match no phrase).
pub(crate) fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else if text.contains('İ') {
        text.chars().flat_map(|c| if c == 'İ' { 'i'.to_lowercase() } else { c.to_lowercase() }).collect()
    } else {
        text.to_lowercase()
    }
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_turkish_capital_i() {
        assert_eq!(lowercase("İlginizi Çekebilir"), "ilginizi çekebilir");
        assert_eq!(lowercase("ÉTÉ"), "été");
    }

    #[test]
    fn normalizes_space() {
        for (input, want) in
            [("  a  b\t\nc ", "a b c"), ("", ""), ("\u{a0}x\u{2003}y", "x y"), ("one", "one")]
        {
            assert_eq!(normalize_space(input), want, "{input:?}");
        }
    }
}
