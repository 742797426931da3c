//! The `--explain=html` view: one self-contained HTML page that shows a
//! page's blocks in order, each coloured by its label with the reason, and
//! the article that came out of them beside it.
//!
//! Input: the [`BlockReport`]s of [`crate::explain`] and the [`Article`]
//! of [`crate::clean`] for the same page. Output: an HTML5 document as a
//! string. Everything it needs is inline (CSS in a `<style>` element); it
//! loads nothing, runs no script, and says so to the browser with a
//! Content-Security-Policy that forbids both. Every piece of page text is
//! escaped, so a block that reads `<script>` shows as those characters.
//!
//! It does not decide anything: labels, reasons and the article are shown
//! as the pipeline produced them. Each block element carries
//! `data-index` and `data-label` attributes, so tools (and the browser
//! test) can find every block and its label in the rendered page.

use std::fmt::Write as _;

use crate::model::Article;
use crate::output::BlockReport;

/// A label's colours in the page and whether its blocks reach the article.
struct Swatch {
    /// The label as [`BlockReport::label`] spells it.
    label: &'static str,
    /// Strong colour: the block's left border and the legend chip.
    strong: &'static str,
    /// Light colour: the block's background.
    light: &'static str,
    /// Whether blocks with this label end up in the article.
    kept: bool,
}

/// One swatch per label, in the order the legend shows them (the article's
/// parts first, then the sidebar's, then what is dropped). To add a label,
/// add a row; a label missing here is shown in neutral grey.
#[rustfmt::skip]
const SWATCHES: &[Swatch] = &[
    Swatch { label: "headline",        strong: "#1565c0", light: "#e3f0fc", kept: true },
    Swatch { label: "title",           strong: "#5c6bc0", light: "#ebedf8", kept: true },
    Swatch { label: "byline",          strong: "#8e24aa", light: "#f5e6f8", kept: true },
    Swatch { label: "dateline",        strong: "#c2185b", light: "#fbe6ee", kept: true },
    Swatch { label: "body",            strong: "#2e7d32", light: "#e7f4e8", kept: true },
    Swatch { label: "caption",         strong: "#e65100", light: "#fdeee2", kept: true },
    Swatch { label: "section-heading", strong: "#00838f", light: "#e0f4f6", kept: true },
    Swatch { label: "item-time",       strong: "#00897b", light: "#e2f4f2", kept: true },
    Swatch { label: "item-headline",   strong: "#00695c", light: "#dcefec", kept: true },
    Swatch { label: "item-summary",    strong: "#4db6ac", light: "#eef8f7", kept: true },
    Swatch { label: "furniture",       strong: "#9e9e9e", light: "#f3f3f3", kept: false },
    Swatch { label: "other",           strong: "#8d6e63", light: "#f4efed", kept: false },
];

/// The fixed part of the style sheet; the per-label rules follow it.
const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px 8px;border-bottom:1px solid #ddd;background:#fff}
h1{font-size:20px;margin:0 0 4px}
.source{margin:0 0 10px;color:#555}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.legend li{padding:2px 8px;border-radius:10px;border:2px solid;font-size:13px;background:#fff}
.legend .count{font-weight:600;margin-left:4px}
.legend .dropped{text-decoration:line-through}
.note{margin:8px 0 0;font-size:13px;color:#666}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;padding:16px 24px}
h2{font-size:16px;margin:0 0 10px;color:#333}
ol.blocks{list-style:none;margin:0;padding:0}
.block{margin:0 0 6px;padding:6px 10px;border-left:6px solid #bbb;background:#f1f1f1;border-radius:3px}
.block .meta{display:flex;gap:10px;font-size:12px;color:#444}
.block .index{font-variant-numeric:tabular-nums;color:#777;min-width:2.5em}
.block .label{font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.block .reason{font-style:italic}
.block .text{margin:2px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.block.dropped .text{color:#666}
.article{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;background:#fff;border:1px solid #ddd;border-radius:4px;padding:14px 18px}
.article .headline{font-size:22px;line-height:1.25;margin:0 0 8px}
.article dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px;font-size:13px}
.article dt{color:#666}
.article dd{margin:0}
.article h3{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#666;margin:14px 0 6px}
.article .body p{margin:0 0 10px}
.article ul{margin:0;padding-left:18px}
.article .credit,.article .time,.article .section{color:#666;font-size:13px}
.missing{color:#999;font-style:italic}
";

/// Renders the explain view of one page as a self-contained HTML page.
///
/// `reports` are the page's blocks from [`crate::explain`], `article` is
/// what [`crate::clean`] made of the same page. The blocks are listed in
/// order, coloured by label with a legend, each with its index and the
/// reason for its label; the article stands beside them.
///
/// ```
/// use scrape_clean::{Options, clean, explain, explain_html};
///
/// let page = b"Subscribe\n\nA <b>headline</b> that is long enough\n\n\
/// The first paragraph of the article is a sentence of some length, as articles have.\n";
/// let options = Options::default();
/// let html = explain_html(&explain(page, &options)?, &clean(page, &options)?);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains(r#"data-index="0" data-label="furniture""#));
/// assert!(html.contains("A &lt;b&gt;headline&lt;/b&gt;"));
/// # Ok::<(), scrape_clean::Error>(())
/// ```
pub fn explain_html(reports: &[BlockReport], article: &Article) -> String {
    let mut out = String::with_capacity(8192 + reports.iter().map(|r| r.text.len() * 2 + 200).sum::<usize>());
    head(&mut out, article);
    out.push_str("<body>\n<header>\n<h1>scrape-clean --explain</h1>\n");
    source_line(&mut out, reports, article);
    legend(&mut out, reports);
    out.push_str("</header>\n<main>\n");
    blocks(&mut out, reports);
    article_column(&mut out, article);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn head(out: &mut String, article: &Article) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let title = article.headline.as_deref().unwrap_or("(no headline)");
    let _ = writeln!(out, "<title>scrape-clean explain: {}</title>", escape(title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    for s in SWATCHES {
        let _ = writeln!(
            out,
            ".label-{0}{{border-left-color:{1};background:{2}}}\n.label-{0} .label{{color:{1}}}\n.legend .label-{0}{{border-color:{1}}}",
            s.label, s.strong, s.light
        );
    }
    out.push_str("</style>\n</head>\n");
}

fn source_line(out: &mut String, reports: &[BlockReport], article: &Article) {
    let kept = reports.iter().filter(|r| swatch(r.label).is_some_and(|s| s.kept)).count();
    let format = match article.source.format {
        crate::Format::Html => "HTML",
        crate::Format::Text => "text",
    };
    let path = article.source.path.as_deref().unwrap_or("standard input");
    let _ = writeln!(
        out,
        "<p class=\"source\">{} · read as {format} · {} blocks, {kept} in the article or its sidebar</p>",
        escape(path),
        reports.len()
    );
}

fn legend(out: &mut String, reports: &[BlockReport]) {
    out.push_str("<ul class=\"legend\" aria-label=\"Labels\">\n");
    for s in SWATCHES {
        let count = reports.iter().filter(|r| r.label == s.label).count();
        let dropped = if s.kept { "" } else { " dropped" };
        let _ = writeln!(
            out,
            "<li class=\"label-{0}{dropped}\" data-label=\"{0}\" title=\"{1}\">{0}<span class=\"count\">{count}</span></li>",
            s.label,
            if s.kept { "kept" } else { "dropped" },
        );
    }
    out.push_str(
        "</ul>\n<p class=\"note\">Each block is coloured by its label; struck-through labels are dropped, \
                  the others make the article or its sidebar.</p>\n",
    );
}

fn blocks(out: &mut String, reports: &[BlockReport]) {
    out.push_str("<section aria-labelledby=\"blocks-h\">\n<h2 id=\"blocks-h\">Blocks, in page order</h2>\n");
    out.push_str("<ol class=\"blocks\">\n");
    for r in reports {
        let label = escape(r.label);
        let dropped = if swatch(r.label).is_some_and(|s| s.kept) { "" } else { " dropped" };
        let _ = writeln!(
            out,
            "<li class=\"block label-{label}{dropped}\" id=\"block-{i}\" data-index=\"{i}\" data-label=\"{label}\">\
             <div class=\"meta\"><span class=\"index\">{i}</span><span class=\"label\">{label}</span>\
             <span class=\"reason\">{reason}</span></div><p class=\"text\">{text}</p></li>",
            i = r.index,
            reason = escape(r.reason),
            text = escape(&r.text),
        );
    }
    out.push_str("</ol>\n</section>\n");
}

fn article_column(out: &mut String, a: &Article) {
    out.push_str(
        "<section class=\"article\" aria-labelledby=\"article-h\">\n<h2 id=\"article-h\">Article</h2>\n",
    );
    match &a.headline {
        Some(h) => {
            let _ = writeln!(out, "<p class=\"headline\">{}</p>", escape(h));
        }
        None => out.push_str("<p class=\"headline missing\">(no headline)</p>\n"),
    }
    out.push_str("<dl>\n");
    let authors = a.authors.join(", ");
    field(out, "Authors", (!authors.is_empty()).then_some(authors.as_str()), None);
    field(out, "Published", a.published.as_deref(), a.published_text.as_deref());
    if a.updated.is_some() || a.updated_text.is_some() {
        field(out, "Updated", a.updated.as_deref(), a.updated_text.as_deref());
    }
    let optional = [
        ("Title", a.title.as_deref()),
        ("Site", a.site_name.as_deref()),
        ("Language", a.language.as_deref()),
        ("Description", a.description.as_deref()),
    ];
    for (name, value) in optional {
        if value.is_some() {
            field(out, name, value, None);
        }
    }
    if let Some(minutes) = a.reading_time_minutes {
        let _ = writeln!(out, "<dt>Reading time</dt><dd>{minutes} min</dd>");
    }
    out.push_str("</dl>\n");

    let _ = writeln!(out, "<h3>Body ({} paragraphs)</h3>\n<div class=\"body\">", a.body.len());
    if a.body.is_empty() {
        out.push_str("<p class=\"missing\">(no body)</p>\n");
    }
    for paragraph in &a.body {
        let _ = writeln!(out, "<p>{}</p>", escape(paragraph));
    }
    out.push_str("</div>\n");

    if !a.images.is_empty() {
        let _ = writeln!(out, "<h3>Captions ({})</h3>\n<ul class=\"captions\">", a.images.len());
        for image in &a.images {
            out.push_str("<li>");
            out.push_str(&escape(image.caption.as_deref().unwrap_or("")));
            if let Some(credit) = &image.credit {
                let _ = write!(out, " <span class=\"credit\">({})</span>", escape(credit));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    if !a.sidebar.is_empty() {
        let _ = writeln!(out, "<h3>Sidebar ({} items)</h3>\n<ul class=\"sidebar\">", a.sidebar.len());
        for item in &a.sidebar {
            out.push_str("<li>");
            if let Some(section) = &item.section {
                let _ = write!(out, "<span class=\"section\">{}</span> ", escape(section));
            }
            if let Some(time) = &item.time {
                let _ = write!(out, "<span class=\"time\">{}</span> ", escape(time));
            }
            if let Some(headline) = &item.headline {
                let _ = write!(out, "<strong>{}</strong>", escape(headline));
            }
            if let Some(summary) = &item.summary {
                let _ = write!(out, "<br>{}", escape(summary));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// One `<dt>`/`<dd>` pair; `as_written` follows the value when it differs.
fn field(out: &mut String, name: &str, value: Option<&str>, as_written: Option<&str>) {
    let _ = write!(out, "<dt>{name}</dt><dd>");
    match value {
        Some(v) => out.push_str(&escape(v)),
        None => out.push_str("<span class=\"missing\">none</span>"),
    }
    if let Some(text) = as_written.filter(|t| Some(*t) != value) {
        let _ = write!(out, " <span class=\"time\">(as written: {})</span>", escape(text));
    }
    out.push_str("</dd>\n");
}

fn swatch(label: &str) -> Option<&'static Swatch> {
    SWATCHES.iter().find(|s| s.label == label)
}

/// Escapes text for HTML element content and quoted attribute values.
/// Control characters other than tab and newline, which HTML does not
/// allow, become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(index: usize, label: &'static str, text: &str) -> BlockReport {
        BlockReport { index, label, reason: "a <reason>", text: text.to_string() }
    }

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        let cases = [
            ("plain", "plain"),
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            (r#"" onmouseover='x'"#, "&quot; onmouseover=&#39;x&#39;"),
            ("esc\u{1b}[31m nul\u{0}", "esc\u{fffd}[31m nul\u{fffd}"),
            ("two\nlines\tand tab", "two\nlines\tand tab"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }

    #[test]
    fn every_block_is_one_element_with_its_index_and_label() {
        let reports =
            [report(0, "furniture", "Menu"), report(1, "body", "Text <b>"), report(2, "new-label", "x")];
        let html = explain_html(&reports, &Article::default());
        assert_eq!(html.matches("<li class=\"block ").count(), 3);
        assert!(html.contains(r#"data-index="0" data-label="furniture""#));
        assert!(html.contains(r#"data-index="1" data-label="body""#));
        assert!(html.contains(r#"data-index="2" data-label="new-label""#), "an unknown label is still shown");
        assert!(html.contains("Text &lt;b&gt;"));
        assert!(html.contains("a &lt;reason&gt;"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn the_page_loads_nothing_and_runs_nothing() {
        let html = explain_html(&[report(0, "body", "see https://example.org/")], &Article::default());
        assert!(!html.contains("<script"));
        assert!(!html.contains("src="));
        assert!(!html.contains("<link"));
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn swatches_are_unique_and_safe_as_class_names() {
        for (i, s) in SWATCHES.iter().enumerate() {
            assert!(s.label.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", s.label);
            assert!(SWATCHES[..i].iter().all(|t| t.label != s.label), "{} twice", s.label);
        }
    }

    #[test]
    fn the_article_is_shown_beside_the_blocks() {
        let article = Article {
            headline: Some("River & sea".into()),
            authors: vec!["Ann Lee".into(), "Tom Park".into()],
            published: Some("2023-05-12".into()),
            published_text: Some("12 May 2023".into()),
            body: vec!["First.".into(), "Second.".into()],
            ..Article::default()
        };
        let html = explain_html(&[], &article);
        assert!(html.contains("<p class=\"headline\">River &amp; sea</p>"));
        assert!(html.contains("Ann Lee, Tom Park"));
        assert!(html.contains("2023-05-12 <span class=\"time\">(as written: 12 May 2023)</span>"));
        assert!(html.contains("<p>First.</p>\n<p>Second.</p>"));
        assert!(html.contains("<title>scrape-clean explain: River &amp; sea</title>"));
    }
}
