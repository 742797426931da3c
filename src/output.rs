//! Stage 6: the article as JSON, Markdown or plain text, and the
//! `--explain` report.
//!
//! Pretty JSON (two-space indent) for one page, compact JSON for JSON
//! Lines. The field order is the order of [`crate::Article`]'s fields.
//!
//! Markdown ([`to_markdown`]) is CommonMark, with one GitHub extension,
//! the pipe table, for data-table rows. Every character of the article's
//! text is escaped where CommonMark would read it as markup, so the
//! rendered page shows the text exactly. The article's images stand where
//! they stood among the paragraphs ([`crate::Image::position`]), after a
//! list or a table they fell inside. Plain text ([`to_text`]) is the
//! headline and the body's paragraphs only.
//!
//! Nothing here reads the page again or judges anything: these are views
//! of the [`Article`] value, so an article read back from JSON renders the
//! same.

use serde::Serialize;

use crate::model::{Article, BodyKind};

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

/// Renders an article as Markdown (CommonMark, plus pipe tables for data
/// tables), ending with a newline; an article with no text at all gives
/// an empty string.
///
/// In order: the headline as `# …`; a byline line, the authors parted by
/// commas and the publication time as written, after a `·`; the body, each
/// paragraph as its kind in [`Article::body_kinds`] says (a subhead as
/// `## …`, list items as `- …` or `1. …`, quotations as `> …`, a run of
/// table rows as a table whose first row is its header, preformatted text
/// as a fenced code block, anything else as a paragraph); then each image's
/// caption and its credit, in italics. A numbered item whose text starts
/// with its number (`"2. Stir"`, from a text dump) is written under that
/// number. Text that CommonMark would read as markup (`*`, `_`, `[`, `<`, a
/// leading `1.` or `#`, …) is escaped with backslashes.
///
/// ```
/// let page = b"Menu\n\nCity opens a new library\n\nBy Jane Doe\nMarch 3, 2024\n\n\
/// The city opened its new central library on Monday, after four years of building work.\n\n\
/// What is inside\n\n\
/// Officials said the building would hold more than a million books when it is full.\n";
/// let article = scrape_clean::clean(page, &scrape_clean::Options::default())?;
/// let markdown = scrape_clean::to_markdown(&article);
/// assert!(markdown.starts_with("# City opens a new library\n\nJane Doe · March 3, 2024\n\n"));
/// assert!(markdown.contains("\n\n## What is inside\n\n"));
/// # Ok::<(), scrape_clean::Error>(())
/// ```
pub fn to_markdown(article: &Article) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(headline) = article.headline.as_deref().map(one_line).filter(|h| !h.is_empty()) {
        blocks.push(format!("# {}", escape_heading(&headline)));
    }
    if let Some(byline) = byline(article) {
        blocks.push(escape(&byline));
    }
    // (place in `body`, kind, text) of each paragraph that has text.
    let body: Vec<(usize, BodyKind, String)> = article
        .body
        .iter()
        .enumerate()
        .map(|(i, text)| (i, article.body_kinds.get(i).copied().unwrap_or_default(), one_line(text)))
        .filter(|(_, _, text)| !text.is_empty())
        .collect();
    // Pictures by place, in page order; each goes out before the first
    // group of paragraphs that starts at or after its place.
    let mut images = article.images.iter().peekable();
    let mut i = 0;
    while i < body.len() {
        let (place, kind, _) = body[i];
        while let Some(image) = images.next_if(|image| image.position <= place) {
            blocks.extend(image_line(image));
        }
        let mut end = i + 1;
        if matches!(kind, BodyKind::ListItem | BodyKind::OrderedItem | BodyKind::Quote | BodyKind::TableRow) {
            while end < body.len() && body[end].1 == kind {
                end += 1;
            }
        }
        let texts: Vec<&str> = body[i..end].iter().map(|(_, _, text)| text.as_str()).collect();
        blocks.push(markdown_block(kind, &texts));
        i = end;
    }
    blocks.extend(images.filter_map(image_line));
    join_blocks(&blocks)
}

/// A picture as Markdown: its caption in italics, its credit after it in
/// italics and brackets; nothing for a picture with neither.
fn image_line(image: &crate::model::Image) -> Option<String> {
    let caption = image.caption.as_deref().map(one_line).filter(|c| !c.is_empty());
    let credit = image.credit.as_deref().map(one_line).filter(|c| !c.is_empty());
    match (caption, credit) {
        (Some(caption), Some(credit)) => {
            Some(format!("*{}* (*{}*)", escape(&caption), escape_inline(&credit)))
        }
        (Some(caption), None) => Some(format!("*{}*", escape(&caption))),
        (None, Some(credit)) => Some(format!("(*{}*)", escape_inline(&credit))),
        (None, None) => None,
    }
}

/// Renders an article as plain text: the headline, a blank line, then the
/// body's paragraphs parted by blank lines, and nothing else (no byline,
/// no captions, no markup; a table row keeps its tabs). Ends with a
/// newline; an article with no text gives an empty string.
///
/// ```
/// let page = b"City opens a new library\n\nBy Jane Doe\nMarch 3, 2024\n\n\
/// The city opened its new central library on Monday, after four years of building work.\n\n\
/// Officials said the building would hold more than a million books when it is full.\n";
/// let article = scrape_clean::clean(page, &scrape_clean::Options::default())?;
/// assert_eq!(
///     scrape_clean::to_text(&article),
///     "City opens a new library\n\n\
///      The city opened its new central library on Monday, after four years of building work.\n\n\
///      Officials said the building would hold more than a million books when it is full.\n"
/// );
/// # Ok::<(), scrape_clean::Error>(())
/// ```
pub fn to_text(article: &Article) -> String {
    let blocks: Vec<String> = article
        .headline
        .iter()
        .chain(&article.body)
        .map(|text| one_line(text))
        .filter(|text| !text.is_empty())
        .collect();
    join_blocks(&blocks)
}

/// Blocks parted by blank lines, with a final newline; nothing for none.
fn join_blocks(blocks: &[String]) -> String {
    if blocks.is_empty() {
        return String::new();
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The text on one line: line breaks (which clean never leaves, but an
/// article read from elsewhere may hold) become spaces, the ends trimmed.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ").trim().to_string()
}

/// "Ann Lee, Tom Park · 12 May 2023 09:30 BST", or what there is of it.
fn byline(article: &Article) -> Option<String> {
    let authors: Vec<String> =
        article.authors.iter().map(|a| one_line(a)).filter(|a| !a.is_empty()).collect();
    let when = article.published_text.as_deref().map(one_line).filter(|w| !w.is_empty());
    match (authors.is_empty(), when) {
        (true, None) => None,
        (true, Some(when)) => Some(when),
        (false, None) => Some(authors.join(", ")),
        (false, Some(when)) => Some(format!("{} · {when}", authors.join(", "))),
    }
}

/// One run of body paragraphs of the same kind as Markdown.
fn markdown_block(kind: BodyKind, texts: &[&str]) -> String {
    match kind {
        BodyKind::Subhead => {
            texts.iter().map(|t| format!("## {}", escape_heading(t))).collect::<Vec<_>>().join("\n\n")
        }
        BodyKind::ListItem => texts.iter().map(|t| format!("- {}", escape(t))).collect::<Vec<_>>().join("\n"),
        BodyKind::OrderedItem => ordered_list(texts),
        BodyKind::Quote => texts.iter().map(|t| format!("> {}", escape(t))).collect::<Vec<_>>().join("\n>\n"),
        BodyKind::TableRow => table(texts),
        BodyKind::Preformatted => texts.iter().map(|t| code_block(t)).collect::<Vec<_>>().join("\n\n"),
        _ => texts.iter().map(|t| escape(t)).collect::<Vec<_>>().join("\n\n"),
    }
}

/// A numbered list. An item whose text opens with its number ("2. Stir")
/// is written under that number, the first item's number starting the
/// list; items without one count on from there.
fn ordered_list(texts: &[&str]) -> String {
    let mut lines = Vec::with_capacity(texts.len());
    let mut next: u64 = 1;
    for text in texts {
        let (number, rest) = match leading_number(text) {
            Some((number, rest)) if lines.is_empty() || number == next => (number, rest),
            _ => (next, *text),
        };
        lines.push(format!("{number}. {}", escape(rest)));
        next = number.saturating_add(1);
    }
    lines.join("\n")
}

/// "12. Serve" → (12, "Serve"): a list number CommonMark accepts (at most
/// nine digits), `.` or `)`, and a space.
fn leading_number(text: &str) -> Option<(u64, &str)> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=9).contains(&digits) {
        return None;
    }
    let rest = text.get(digits..)?;
    let rest = rest.strip_prefix(['.', ')'])?.strip_prefix(' ')?.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((text.get(..digits)?.parse().ok()?, rest))
}

/// A pipe table: the first row is the header, every row padded to the
/// widest.
fn table(rows: &[&str]) -> String {
    let cells: Vec<Vec<String>> =
        rows.iter().map(|row| row.split('\t').map(|cell| escape_cell(cell.trim())).collect()).collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let line = |row: &[String]| {
        let mut out = String::from("|");
        for at in 0..width {
            let cell = row.get(at).map_or("", String::as_str);
            out.push(' ');
            out.push_str(cell);
            out.push_str(if cell.is_empty() { "|" } else { " |" });
        }
        out
    };
    let mut lines: Vec<String> = Vec::with_capacity(cells.len() + 1);
    for (i, row) in cells.iter().enumerate() {
        lines.push(line(row));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines.join("\n")
}

/// A fenced code block, its fence longer than any run of backticks inside.
fn code_block(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}\n{text}\n{fence}")
}

/// A heading's text: escaped like a paragraph's, and a closing run of `#`
/// (which CommonMark strips from a heading) kept as text.
fn escape_heading(text: &str) -> String {
    let kept = text.trim_end_matches('#');
    if kept.len() < text.len() && (kept.is_empty() || kept.ends_with([' ', '\t'])) {
        return format!("{}\\{}", escape(kept), &text[kept.len()..]);
    }
    escape(text)
}

/// A table cell's text: escaped inline text, with `|` escaped too.
fn escape_cell(text: &str) -> String {
    escape_inline(text).replace('|', "\\|")
}

/// Text that opens a block (a paragraph, list item, quotation or
/// heading): escaped inline, and a start that CommonMark would read as a
/// block of its own (`#`, `>`, `-`, `+`, `1.`, `1)`, `=`) escaped too.
fn escape(text: &str) -> String {
    let inline = escape_inline(text);
    let Some(first) = inline.chars().next() else { return inline };
    let escaped_start = match first {
        '#' | '>' | '+' | '=' => true,
        // A list marker or a thematic break ("---", "- - -").
        '-' => {
            inline.chars().nth(1).is_none_or(|c| c == ' ' || c == '\t')
                || inline.chars().all(|c| matches!(c, '-' | ' ' | '\t'))
        }
        _ => false,
    };
    if escaped_start {
        return format!("\\{inline}");
    }
    // "1. Not a list", "2023) …": digits then `.` or `)` then a space or the end.
    let digits = inline.len() - inline.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let rest = &inline[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')']) {
            if after.is_empty() || after.starts_with([' ', '\t']) {
                return format!("{}\\{}", &inline[..digits], rest);
            }
        }
    }
    inline
}

/// Escapes every character that CommonMark (or GitHub's strikethrough)
/// would read as inline markup anywhere in a line: backslashes, code
/// spans, emphasis, links and images, raw HTML and autolinks, and a `&`
/// that opens an entity. An `_` between two letters or digits is left
/// alone ("snake_case"), since it can neither open nor close emphasis.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
            '_' => {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + 1);
                !(before.is_some_and(|c| c.is_alphanumeric()) && after.is_some_and(|c| c.is_alphanumeric()))
            }
            '&' => opens_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the text after a `&` reads as an entity or character
/// reference (`amp;`, `#38;`, `#x26;`).
fn opens_entity(after: &[char]) -> bool {
    let name = after.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    name > 0 && after.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    use super::*;

    /// Markdown parsed by a real CommonMark parser and shown as a flat
    /// string: block tags as `<p>`, `<h1>`, `<li>`…, text as it reads
    /// (never HTML-escaped), inline markup other than emphasis as `{…}`
    /// so that it cannot pass for text.
    fn parsed(markdown: &str) -> String {
        let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
        let mut out = String::new();
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(tag) => out.push_str(match tag {
                    Tag::Paragraph => "<p>",
                    Tag::Heading { level, .. } => match level {
                        pulldown_cmark::HeadingLevel::H1 => "<h1>",
                        pulldown_cmark::HeadingLevel::H2 => "<h2>",
                        _ => "<h?>",
                    },
                    Tag::BlockQuote(_) => "<blockquote>",
                    Tag::List(None) => "<ul>",
                    Tag::List(Some(_)) => "<ol>",
                    Tag::Item => "<li>",
                    Tag::Emphasis => "<em>",
                    Tag::CodeBlock(_) => "<pre>",
                    Tag::Table(_) => "<table>",
                    Tag::TableRow | Tag::TableHead => "<tr>",
                    Tag::TableCell => "<td>",
                    _ => "{markup}",
                }),
                Event::End(tag) => out.push_str(match tag {
                    TagEnd::Paragraph => "</p>",
                    TagEnd::Heading(_) => "</h>",
                    TagEnd::BlockQuote(_) => "</blockquote>",
                    TagEnd::List(_) => "</list>",
                    TagEnd::Item => "</li>",
                    TagEnd::Emphasis => "</em>",
                    TagEnd::CodeBlock => "</pre>",
                    TagEnd::Table => "</table>",
                    TagEnd::TableRow | TagEnd::TableHead => "</tr>",
                    TagEnd::TableCell => "</td>",
                    _ => "{/markup}",
                }),
                Event::Text(text) => out.push_str(&text),
                other => out.push_str(&format!("{{{other:?}}}")),
            }
        }
        out
    }

    #[test]
    fn escapes_what_commonmark_would_read_as_markup() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str)] = &[
            // name, paragraph text, its Markdown
            ("numbered start",     "1. Not a list",           "1\\. Not a list"),
            ("paren number",       "2023) was a year",        "2023\\) was a year"),
            ("decimal stays",      "1.5 million people",      "1.5 million people"),
            ("heading start",      "# not a heading",         "\\# not a heading"),
            ("bullet start",       "- not an item",           "\\- not an item"),
            ("plus start",         "+ not an item",           "\\+ not an item"),
            ("minus number",       "-5% on the day",          "-5% on the day"),
            ("thematic break",     "---",                     "\\---"),
            ("quote start",        "> not a quote",           "\\> not a quote"),
            ("setext underline",   "===",                     "\\==="),
            ("stars",              "*stars* and **bold**",    "\\*stars\\* and \\*\\*bold\\*\\*"),
            ("underscores",        "_under_ a __b__",         "\\_under\\_ a \\_\\_b\\_\\_"),
            ("snake case",         "snake_case_name",         "snake_case_name"),
            ("html",               "<b>bold</b>",             "\\<b>bold\\</b>"),
            ("autolink",           "<https://example.org>",   "\\<https://example.org>"),
            ("link",               "[a](https://x.org)",      "\\[a\\](https://x.org)"),
            ("image",              "![alt](x.png)",           "!\\[alt\\](x.png)"),
            ("code span",          "`code`",                  "\\`code\\`"),
            ("backslash",          "C:\\path\\ and \\*",      "C:\\\\path\\\\ and \\\\\\*"),
            ("trailing backslash", "a line\\",                "a line\\\\"),
            ("entity",             "&amp; &#38; &#x26;",      "\\&amp; \\&#38; \\&#x26;"),
            ("plain ampersand",    "AT&T and R & D",          "AT&T and R & D"),
            ("strikethrough",      "~~gone~~",                "\\~\\~gone\\~\\~"),
            ("hash inside",        "Vote C# or #1",           "Vote C# or #1"),
        ];
        for (name, text, want) in cases {
            assert_eq!(escape(text), *want, "{name}");
            assert_eq!(parsed(&escape(text)), format!("<p>{text}</p>"), "{name}: as CommonMark reads it");
        }
    }

    #[test]
    fn headings_keep_a_closing_run_of_hashes() {
        for text in ["Issue #", "We are number ##", "###", "C#", "# first"] {
            let markdown = format!("## {}", escape_heading(text));
            assert_eq!(parsed(&markdown), format!("<h2>{text}</h>"), "{text:?} as {markdown:?}");
        }
    }

    #[test]
    fn numbered_items_keep_their_numbers() {
        assert_eq!(ordered_list(&["3. Stir", "4. Serve"]), "3. Stir\n4. Serve");
        assert_eq!(ordered_list(&["Stir", "Serve"]), "1. Stir\n2. Serve");
        // A number that does not follow on is the item's text.
        assert_eq!(ordered_list(&["1. Stir", "7. Serve"]), "1. Stir\n2. 7\\. Serve");
        assert_eq!(leading_number("2. x"), Some((2, "x")));
        assert_eq!(leading_number("2.x"), None);
        assert_eq!(leading_number("1234567890. x"), None);
    }

    #[test]
    fn table_rows_make_one_table_with_a_header() {
        let markdown = table(&["Train\tDeparts", "1\t22:10\textra | cell", "2"]);
        assert_eq!(
            markdown,
            "| Train | Departs | |\n| --- | --- | --- |\n| 1 | 22:10 | extra \\| cell |\n| 2 | | |"
        );
        assert_eq!(
            parsed(&markdown),
            "<table><tr><td>Train</td><td>Departs</td><td></td></tr>\
             <tr><td>1</td><td>22:10</td><td>extra | cell</td></tr>\
             <tr><td>2</td><td></td><td></td></tr></table>"
        );
    }

    fn article(body: &[(&str, BodyKind)]) -> Article {
        Article {
            headline: Some("A *headline* #".to_string()),
            authors: vec!["Ann Lee".to_string(), "Tom Park".to_string()],
            published_text: Some("12 May 2023".to_string()),
            body: body.iter().map(|(text, _)| text.to_string()).collect(),
            body_kinds: body.iter().map(|(_, kind)| *kind).collect(),
            // One picture above the text, one that fell inside a list
            // (after its first item), one past the end.
            images: vec![
                crate::model::Image {
                    caption: Some("The river, at dawn".to_string()),
                    credit: Some("Jane Doe/AFP".to_string()),
                    position: 0,
                },
                crate::model::Image { caption: Some("The quay".to_string()), credit: None, position: 3 },
                crate::model::Image { caption: None, credit: Some("Tom Park".to_string()), position: 99 },
            ],
            ..Article::default()
        }
    }

    #[test]
    fn markdown_keeps_the_structure() {
        use BodyKind::*;
        let article = article(&[
            ("First paragraph.", Paragraph),
            ("What next", Subhead),
            ("one", ListItem),
            ("two", ListItem),
            ("1. Fry", OrderedItem),
            ("2. Stir", OrderedItem),
            ("Said once.", Quote),
            ("Said twice.", Quote),
            ("a\tb", TableRow),
            ("1\t2", TableRow),
            ("let x = `y`;", Preformatted),
            ("", Paragraph),
            ("Last, with no kind given.", Paragraph),
        ]);
        let mut article = article;
        article.body_kinds.pop();
        let markdown = to_markdown(&article);
        assert_eq!(
            markdown,
            "# A \\*headline\\* \\#\n\n\
             Ann Lee, Tom Park · 12 May 2023\n\n\
             *The river, at dawn* (*Jane Doe/AFP*)\n\n\
             First paragraph.\n\n\
             ## What next\n\n\
             - one\n- two\n\n\
             *The quay*\n\n\
             1. Fry\n2. Stir\n\n\
             > Said once.\n>\n> Said twice.\n\n\
             | a | b |\n| --- | --- |\n| 1 | 2 |\n\n\
             ```\nlet x = `y`;\n```\n\n\
             Last, with no kind given.\n\n\
             (*Tom Park*)\n"
        );
        assert_eq!(
            parsed(&markdown),
            "<h1>A *headline* #</h><p>Ann Lee, Tom Park · 12 May 2023</p>\
             <p><em>The river, at dawn</em> (<em>Jane Doe/AFP</em>)</p><p>First paragraph.</p>\
             <h2>What next</h><ul><li>one</li><li>two</li></list><p><em>The quay</em></p><ol><li>Fry</li><li>Stir</li></list>\
             <blockquote><p>Said once.</p><p>Said twice.</p></blockquote>\
             <table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>\
             <pre>let x = `y`;\n</pre><p>Last, with no kind given.</p>\
             <p>(<em>Tom Park</em>)</p>"
        );
    }

    #[test]
    fn text_is_the_headline_and_the_paragraphs() {
        let article = article(&[
            ("One.", BodyKind::Paragraph),
            ("a\tb", BodyKind::TableRow),
            ("Two", BodyKind::Subhead),
        ]);
        assert_eq!(to_text(&article), "A *headline* #\n\nOne.\n\na\tb\n\nTwo\n");
        assert_eq!(to_text(&Article::default()), "");
        assert_eq!(to_markdown(&Article::default()), "");
    }

    /// Text heavy in the characters CommonMark gives a meaning.
    fn markup_text() -> impl Strategy<Value = String> {
        const CHARS: &[char] = &[
            '-', '#', '*', '_', '`', '~', '<', '>', '[', ']', '(', ')', '!', '\\', '&', ';', ':', '.', '|',
            '=', '+', ' ', '1', 'a', 'z', 'é', '0', '"', '\t',
        ];
        proptest::collection::vec(proptest::sample::select(CHARS), 1..24)
            .prop_map(|chars| one_line(&chars.into_iter().collect::<String>()))
            .prop_filter("not empty", |s| !s.is_empty())
    }

    proptest! {
        #[test]
        fn any_text_reads_back_as_itself(text in markup_text()) {
            prop_assert_eq!(parsed(&escape(&text)), format!("<p>{text}</p>"));
            prop_assert_eq!(parsed(&format!("## {}", escape_heading(&text))), format!("<h2>{text}</h>"));
            prop_assert_eq!(parsed(&format!("- {}", escape(&text))), format!("<ul><li>{text}</li></list>"));
            prop_assert_eq!(parsed(&format!("> {}", escape(&text))), format!("<blockquote><p>{text}</p></blockquote>"));
            prop_assert_eq!(parsed(&format!("*{}* (*{}*)", escape(&text), escape_inline(&text))),
                format!("<p><em>{text}</em> (<em>{text}</em>)</p>"));
            // A tab parts cells, so a cell holds none.
            let cell = text.replace('\t', " ");
            prop_assert_eq!(parsed(&table(&[&cell, &cell])),
                format!("<table><tr><td>{cell}</td></tr><tr><td>{cell}</td></tr></table>"));
        }
    }
}
