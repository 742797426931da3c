//! Markdown and text output. Golden files: `fixtures/<case>/output.md` and
//! `output.txt` for the cases in [`GOLDEN`], blessed with the JSON goldens
//! (`SCRAPE_CLEAN_BLESS=1 cargo test golden`, then review the diff). And
//! every fixture's Markdown read back by a real CommonMark parser
//! (pulldown-cmark, with the pipe tables it is written with): the rendered
//! HTML must hold the article's text, and as many paragraphs, headings,
//! list items and table rows as the article's `body_kinds` say it has.

use pulldown_cmark::{Options as Markdown, Parser, html};
use scrape_clean::{Article, BodyKind, clean, to_markdown, to_text};

use crate::golden::options_of;
use crate::util::{cases, fixtures, input_of};

/// Cases with Markdown and text goldens, chosen for what their bodies
/// hold: the seed (paragraphs, a caption), a data table under a subhead,
/// a recipe (subheads, a bulleted and a numbered list from a text dump),
/// numbered findings, subheads and bullets from HTML, subheads of a
/// browser copy, German HTML and a Chinese dump.
const GOLDEN: &[&str] = &[
    "seed-kyiv-independent",
    "html-press-release-table",
    "text-recipe",
    "text-select-all-lists",
    "html-json-ld-authors",
    "browser-longread-en",
    "html-german",
    "text-chinese",
];

fn article_of(case: &str) -> Article {
    let dir = fixtures().join(case);
    let bytes = std::fs::read(input_of(&dir)).unwrap();
    clean(&bytes, &options_of(&dir)).unwrap_or_else(|e| panic!("{case}: {e}"))
}

#[test]
fn golden_markdown_and_text() {
    let bless = std::env::var_os("SCRAPE_CLEAN_BLESS").is_some();
    let mut failures = Vec::new();
    for case in GOLDEN {
        let article = article_of(case);
        for (file, rendered) in [("output.md", to_markdown(&article)), ("output.txt", to_text(&article))] {
            let path = fixtures().join(case).join(file);
            if bless {
                std::fs::write(&path, &rendered).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(expected) if expected == rendered => {}
                Ok(expected) => failures.push(format!(
                    "{case}/{file} differs; first different line:\n    expected {:?}\n    got      {:?}",
                    first_difference(&expected, &rendered).0,
                    first_difference(&expected, &rendered).1
                )),
                Err(_) => failures.push(format!("{case}/{file} missing")),
            }
        }
    }
    assert!(GOLDEN.len() >= 5 && GOLDEN.contains(&"seed-kyiv-independent"));
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The first line where two texts part.
fn first_difference<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let mut lines = a.lines().zip(b.lines());
    lines.find(|(x, y)| x != y).unwrap_or((a.lines().last().unwrap_or(""), b.lines().last().unwrap_or("")))
}

/// What the article should show once its Markdown is rendered.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    paragraphs: usize,
    headings: usize,
    list_items: usize,
    table_rows: usize,
    code_blocks: usize,
}

/// Counted from the article itself, never from its Markdown: the
/// headline, a byline paragraph, each body paragraph by its kind, a
/// paragraph for each image.
fn expected_shape(article: &Article) -> Shape {
    let count = |kind: BodyKind| article.body_kinds.iter().filter(|k| **k == kind).count();
    let byline = !article.authors.is_empty() || article.published_text.is_some();
    Shape {
        paragraphs: count(BodyKind::Paragraph)
            + count(BodyKind::Quote)
            + usize::from(byline)
            + article.images.len(),
        headings: usize::from(article.headline.is_some()) + count(BodyKind::Subhead),
        list_items: count(BodyKind::ListItem) + count(BodyKind::OrderedItem),
        table_rows: count(BodyKind::TableRow),
        code_blocks: count(BodyKind::Preformatted),
    }
}

fn rendered_shape(html: &str) -> Shape {
    let tags = |names: &[&str]| names.iter().map(|name| html.matches(&format!("<{name}>")).count()).sum();
    Shape {
        paragraphs: tags(&["p"]),
        headings: tags(&["h1", "h2", "h3", "h4", "h5", "h6"]),
        list_items: tags(&["li"]),
        table_rows: tags(&["tr"]),
        code_blocks: tags(&["pre"]),
    }
}

/// The text of rendered HTML: tags dropped, the entities push_html writes
/// decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every piece of the article's text, in reading order.
fn pieces(article: &Article) -> Vec<String> {
    let mut out: Vec<String> = article.headline.iter().cloned().collect();
    out.extend(article.authors.iter().cloned());
    out.extend(article.published_text.iter().cloned());
    let grouped = |k: &BodyKind| {
        matches!(k, BodyKind::ListItem | BodyKind::OrderedItem | BodyKind::Quote | BodyKind::TableRow)
    };
    let mut images = article.images.iter().peekable();
    let image_pieces = |out: &mut Vec<String>, image: &scrape_clean::Image| {
        out.extend(image.caption.iter().cloned());
        out.extend(image.credit.iter().cloned());
    };
    let mut previous: Option<BodyKind> = None;
    for (i, (text, kind)) in article.body.iter().zip(&article.body_kinds).enumerate() {
        if text.is_empty() {
            continue; // not written
        }
        // A picture stands before the paragraph it came before, or after
        // the list or table it fell inside.
        let starts_group = !grouped(kind) || previous != Some(*kind);
        previous = Some(*kind);
        if starts_group {
            while let Some(image) = images.next_if(|image| image.position <= i) {
                image_pieces(&mut out, image);
            }
        }
        match kind {
            BodyKind::TableRow => out.extend(text.split('\t').map(|cell| cell.trim().to_string())),
            // A dump's numbered item is written under its number.
            BodyKind::OrderedItem => {
                let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
                let rest = rest.strip_prefix(['.', ')']).map_or(text.as_str(), str::trim_start);
                out.push(rest.to_string());
            }
            _ => out.push(text.clone()),
        }
    }
    for image in images {
        image_pieces(&mut out, image);
    }
    out.retain(|piece| !piece.is_empty());
    out
}

#[test]
fn markdown_reads_back_as_the_article() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let article = article_of(&name);
        let markdown = to_markdown(&article);
        let mut html_out = String::new();
        html::push_html(&mut html_out, Parser::new_ext(&markdown, Markdown::ENABLE_TABLES));
        let (want, got) = (expected_shape(&article), rendered_shape(&html_out));
        if want != got {
            failures.push(format!("{name}: the article has {want:?}, the rendered Markdown {got:?}"));
        }
        // The same text, in order, and nothing but separators between.
        let text = text_of(&html_out);
        let mut at = 0;
        let mut between = String::new();
        for piece in pieces(&article) {
            match text[at..].find(&piece) {
                Some(found) => {
                    between.push_str(&text[at..at + found]);
                    at += found + piece.len();
                }
                None => failures.push(format!("{name}: {piece:?} is not in the rendered text (in order)")),
            }
        }
        between.push_str(&text[at..]);
        let extra: String = between.chars().filter(|c| !c.is_whitespace() && !"·,()".contains(*c)).collect();
        if !extra.is_empty() {
            failures.push(format!("{name}: rendered text the article does not hold: {extra:?}"));
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
