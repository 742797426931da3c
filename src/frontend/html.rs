//! HTML front end: raw HTML → blocks plus what the page states about itself.
//!
//! The page is parsed once (scraper/html5ever) and walked once, without
//! recursion (`traverse` yields open and close edges), so a page of 100,000
//! nested `<div>`s cannot overflow the stack. The walk:
//!
//! - skips subtrees that hold no article text (`script`, `style`, `svg`,
//!   forms' controls, `hidden` elements);
//! - cuts text into blocks at block-level elements, keeping on each block
//!   its element kind, the region it sits in (article, chrome, aside), its
//!   link density and the class/id evidence of its ancestors;
//! - reads the metadata on the way: `<title>`, `<html lang>`, `<meta>`
//!   (Open Graph, `article:*`, Dublin Core, `name=author|date…`), JSON-LD
//!   (`Article` types, `@graph`, author arrays) and `<time datetime>`.
//!
//! Metadata are merged in a fixed order, each source filling only what is
//! still missing: JSON-LD, then meta tags, then `itemprop`/`<time>` in the
//! document. The visible byline and dateline come last, in `assemble`.
//!
//! This stage does not judge content: which blocks are the article is the
//! classifier's decision.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::block::{Block, Document, Kind, PageMeta, Region, normalize_space};
use crate::model::Format;
use crate::rules::markup::{
    self, BLOCK_TAGS, BOILERPLATE_TOKENS, CHROME_TAGS, CONTENT_TOKENS, SIDEBAR_TOKENS, SKIPPED_TAGS,
};

/// Context of an open block-level element.
#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: Kind,
    region: Region,
    class_score: i8,
}

/// Metadata as found, one bucket per source, merged at the end.
#[derive(Debug, Default)]
struct Sources {
    json_ld: PageMeta,
    meta_tags: PageMeta,
    in_page: PageMeta,
    title: Option<String>,
    language: Option<String>,
}

/// Text gathered for the block being built.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    link_chars: usize,
}

/// Reads an HTML page into blocks and metadata.
pub(crate) fn read(html: &str) -> Document {
    let dom = Html::parse_document(html);
    let mut sources = Sources::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut stack: Vec<Frame> = vec![Frame { kind: Kind::Line, region: Region::Unknown, class_score: 0 }];
    let mut pending = Pending::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut links = 0usize;
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if let Some(element) = ElementRef::wrap(node) {
                        read_metadata(element, &mut sources);
                    }
                    if markup::has(SKIPPED_TAGS, name) || name == "title" || is_hidden(el) {
                        skip = Some(node.id());
                    } else if name == "br" {
                        pending.text.push(' ');
                    } else if name == "a" {
                        links += 1;
                    } else if markup::has(BLOCK_TAGS, name) {
                        flush(&mut pending, &stack, &mut blocks);
                        let parent = stack.last().copied().unwrap_or(stack[0]);
                        stack.push(frame_for(el, parent));
                    }
                }
                Node::Text(text) => {
                    pending.text.push_str(text);
                    if links > 0 {
                        pending.link_chars += text.trim().chars().count();
                    }
                }
                _ => {}
            },
            Edge::Open(_) => {}
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "a" {
                        links = links.saturating_sub(1);
                    } else if markup::has(BLOCK_TAGS, name) {
                        flush(&mut pending, &stack, &mut blocks);
                        if stack.len() > 1 {
                            stack.pop();
                        }
                    }
                }
            }
        }
    }
    flush(&mut pending, &stack, &mut blocks);
    Document { format: Format::Html, blocks, meta: merge(sources) }
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none`.
fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn frame_for(el: &scraper::node::Element, parent: Frame) -> Frame {
    let name = el.name();
    let kind = match name {
        "p" => Kind::Paragraph,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "li" | "dd" | "dt" => Kind::ListItem,
        "blockquote" => Kind::Quote,
        "figcaption" | "caption" => Kind::Caption,
        "td" | "th" => Kind::Cell,
        "pre" => Kind::Preformatted,
        _ => Kind::Line,
    };
    let role = el.attr("role").unwrap_or("");
    let itemprop = el.attr("itemprop").unwrap_or("");
    let mut region = parent.region;
    if matches!(name, "article" | "main") || role == "main" || itemprop.eq_ignore_ascii_case("articleBody") {
        if region != Region::Chrome {
            region = Region::Article;
        }
    } else if name == "aside" || role == "complementary" {
        region = Region::Aside;
    } else if markup::has(CHROME_TAGS, name)
        || matches!(role, "navigation" | "banner" | "contentinfo" | "search")
    {
        // An article's own <header> holds its headline and byline.
        if !(name == "header" && region == Region::Article) {
            region = Region::Chrome;
        }
    }
    let mut score = 0i8;
    let mut sidebar = false;
    for token in class_tokens(el) {
        if markup::has(BOILERPLATE_TOKENS, &token) {
            score = score.saturating_sub(1);
        } else if markup::has(CONTENT_TOKENS, &token) {
            score = score.saturating_add(1);
        }
        sidebar |= markup::has(SIDEBAR_TOKENS, &token);
    }
    if sidebar && region != Region::Chrome {
        region = Region::Aside;
    }
    Frame { kind, region, class_score: parent.class_score.saturating_add(score.clamp(-2, 2)) }
}

/// Class and id split into lower-case alphanumeric tokens.
fn class_tokens(el: &scraper::node::Element) -> Vec<String> {
    let mut tokens = Vec::new();
    for value in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for token in value.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !token.is_empty() && token.len() <= 30 {
                tokens.push(token.to_ascii_lowercase());
            }
        }
    }
    tokens
}

fn flush(pending: &mut Pending, stack: &[Frame], blocks: &mut Vec<Block>) {
    if pending.text.trim().is_empty() {
        pending.text.clear();
        pending.link_chars = 0;
        return;
    }
    let text = normalize_space(&pending.text);
    let frame =
        stack.last().copied().unwrap_or(Frame { kind: Kind::Line, region: Region::Unknown, class_score: 0 });
    let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let mut block = Block::new(text, frame.kind);
    block.gap_before = true;
    block.region = frame.region;
    block.class_score = frame.class_score;
    block.link_density = (pending.link_chars as f32 / chars as f32).min(1.0);
    blocks.push(block);
    pending.text.clear();
    pending.link_chars = 0;
}

/// Reads what one element states about the page.
fn read_metadata(element: ElementRef, sources: &mut Sources) {
    let el = element.value();
    match el.name() {
        "html" => {
            if sources.language.is_none() {
                sources.language = el
                    .attr("lang")
                    .or(el.attr("xml:lang"))
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty());
            }
        }
        "title" => {
            if sources.title.is_none() {
                sources.title =
                    Some(normalize_space(&element.text().collect::<String>())).filter(|t| !t.is_empty());
            }
        }
        "meta" => read_meta_tag(el, &mut sources.meta_tags),
        "script" => {
            if el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                let json: String = element.text().collect();
                read_json_ld(&json, &mut sources.json_ld);
            }
        }
        "time" => {
            if let Some(when) = el.attr("datetime") {
                let is_published =
                    el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || el.attr("pubdate").is_some();
                if is_published || sources.in_page.published.is_none() {
                    fill(&mut sources.in_page.published, when);
                }
            }
        }
        _ => read_itemprop(element, sources),
    }
}

fn read_itemprop(element: ElementRef, sources: &mut Sources) {
    let el = element.value();
    let Some(prop) = el.attr("itemprop") else { return };
    let value = || el.attr("content").or(el.attr("datetime")).map(str::to_string);
    match prop.to_ascii_lowercase().as_str() {
        "datepublished" => {
            if let Some(v) = value() {
                fill(&mut sources.in_page.published, &v);
            }
        }
        "datemodified" => {
            if let Some(v) = value() {
                fill(&mut sources.in_page.updated, &v);
            }
        }
        "author" | "creator" => {
            let name = value().unwrap_or_else(|| normalize_space(&element.text().collect::<String>()));
            push_author(&mut sources.in_page.authors, &name);
        }
        _ => {}
    }
}

fn read_meta_tag(el: &scraper::node::Element, meta: &mut PageMeta) {
    let Some(content) = el.attr("content") else { return };
    let key = el
        .attr("property")
        .or(el.attr("name"))
        .or(el.attr("itemprop"))
        .or(el.attr("http-equiv"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match key.as_str() {
        "og:title" | "twitter:title" | "dc.title" => fill(&mut meta.headline, content),
        "og:site_name" | "application-name" => fill(&mut meta.site_name, content),
        "description" | "og:description" | "twitter:description" | "dc.description" => {
            fill(&mut meta.description, content)
        }
        "article:published_time"
        | "og:article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "dcterms.date"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "citation_publication_date" => fill(&mut meta.published, content),
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "dcterms.modified"
        | "last-modified" => fill(&mut meta.updated, content),
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "parsely-author"
        | "sailthru.author" | "byl" | "citation_author" => push_author(&mut meta.authors, content),
        "og:locale" | "language" | "content-language" | "dc.language" => fill(&mut meta.language, content),
        _ => {}
    }
}

/// Sets `slot` to `value` (trimmed, whitespace collapsed) if still empty.
fn fill(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        let value = normalize_space(value);
        if !value.is_empty() {
            *slot = Some(value);
        }
    }
}

/// Adds an author name unless it is a URL, a handle, empty or a repeat.
fn push_author(authors: &mut Vec<String>, raw: &str) {
    let name = normalize_space(raw);
    let name =
        crate::classify::byline::after_cue(&name).filter(|r| !r.is_empty()).unwrap_or(&name).to_string();
    if name.is_empty()
        || name.contains("://")
        || name.starts_with('@')
        || name.starts_with("www.")
        || name.len() > 100
    {
        return;
    }
    if !authors.contains(&name) {
        authors.push(name);
    }
}

/// Schema.org types whose fields describe the article.
const ARTICLE_TYPES: &[&str] = &[
    "AnalysisNewsArticle",
    "Article",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "Report",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
];

/// Reads the article fields of a JSON-LD script (arrays and `@graph`
/// included), walking the JSON without recursion.
fn read_json_ld(json: &str, meta: &mut PageMeta) {
    let Ok(root) = serde_json::from_str::<Value>(json.trim().trim_end_matches(';')) else { return };
    let mut stack: Vec<&Value> = vec![&root];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if is_article_type(map.get("@type")) {
                    read_article_object(map, meta);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                if let Some(main) = map.get("mainEntity").or(map.get("mainEntityOfPage")) {
                    if main.is_object() {
                        stack.push(main);
                    }
                }
            }
            _ => {}
        }
    }
}

fn is_article_type(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| is_article_type(Some(k))),
        _ => false,
    }
}

fn read_article_object(map: &serde_json::Map<String, Value>, meta: &mut PageMeta) {
    let text = |key: &str| map.get(key).and_then(Value::as_str);
    if let Some(h) = text("headline").or(text("name")) {
        fill(&mut meta.headline, h);
    }
    if let Some(d) = text("datePublished").or(text("dateCreated")) {
        fill(&mut meta.published, d);
    }
    if let Some(d) = text("dateModified") {
        fill(&mut meta.updated, d);
    }
    if let Some(d) = text("description") {
        fill(&mut meta.description, d);
    }
    if let Some(l) = text("inLanguage") {
        fill(&mut meta.language, l);
    }
    if let Some(name) = map.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str) {
        fill(&mut meta.site_name, name);
    }
    if meta.authors.is_empty() {
        for author in map.get("author").or(map.get("creator")).map(as_list).unwrap_or_default() {
            let name = match author {
                Value::String(s) => Some(s.as_str()),
                Value::Object(o) => o.get("name").and_then(Value::as_str),
                _ => None,
            };
            if let Some(name) = name {
                push_author(&mut meta.authors, name);
            }
        }
    }
}

fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// Merges the sources in cascade order: JSON-LD, meta tags, in-page.
fn merge(sources: Sources) -> PageMeta {
    let Sources { json_ld, meta_tags, in_page, title, language } = sources;
    let mut meta = json_ld;
    for other in [meta_tags, in_page] {
        meta.headline = meta.headline.or(other.headline);
        meta.published = meta.published.or(other.published);
        meta.updated = meta.updated.or(other.updated);
        meta.description = meta.description.or(other.description);
        meta.site_name = meta.site_name.or(other.site_name);
        meta.language = meta.language.or(other.language);
        if meta.authors.is_empty() {
            meta.authors = other.authors;
        }
    }
    meta.title = title;
    meta.language = language.or(meta.language);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_regions() {
        let doc = read(
            "<html lang=en><head><title>T</title><script>var x = 1;</script></head><body>\
             <nav><a href=/>Home</a></nav>\
             <article><h1>Head</h1><p>First <b>bold</b> para.</p><p>Second<br>line.</p></article>\
             <aside><h3>Latest</h3><ul><li><a href=x>Item</a></li></ul></aside>\
             <footer>© 2022</footer></body></html>",
        );
        let got: Vec<(&str, Kind, Region)> =
            doc.blocks.iter().map(|b| (b.text.as_str(), b.kind, b.region)).collect();
        assert_eq!(
            got,
            [
                ("Home", Kind::Line, Region::Chrome),
                ("Head", Kind::Heading(1), Region::Article),
                ("First bold para.", Kind::Paragraph, Region::Article),
                ("Second line.", Kind::Paragraph, Region::Article),
                ("Latest", Kind::Heading(3), Region::Aside),
                ("Item", Kind::ListItem, Region::Aside),
                ("© 2022", Kind::Line, Region::Chrome),
            ]
        );
        assert_eq!(doc.blocks[5].link_density, 1.0);
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn hidden_and_skipped() {
        let doc = read(
            "<body><p hidden>a</p><p style='display: none'>b</p><svg><text>c</text></svg><p>d</p></body>",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["d"]);
    }

    #[test]
    fn json_ld_cascade() {
        let doc = read(
            r#"<head><meta property="og:title" content="OG title">
            <meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2021-01-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2022-10-03T17:15:00+03:00",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
               "publisher":{"@type":"Organization","name":"The Paper"}}]}</script></head><body><p>x</p></body>"#,
        );
        assert_eq!(doc.meta.headline.as_deref(), Some("LD headline"));
        assert_eq!(doc.meta.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(doc.meta.published.as_deref(), Some("2022-10-03T17:15:00+03:00"));
        assert_eq!(doc.meta.site_name.as_deref(), Some("The Paper"));
    }

    #[test]
    fn meta_tags_fill_the_gaps() {
        let doc = read(
            r#"<head><meta property="og:title" content="OG title"><meta name="author" content="By Meta Author">
            <meta name="author" content="https://example.org/me"></head><body><time datetime="2020-05-06">May 6</time></body>"#,
        );
        assert_eq!(doc.meta.headline.as_deref(), Some("OG title"));
        assert_eq!(doc.meta.authors, ["Meta Author"]);
        assert_eq!(doc.meta.published.as_deref(), Some("2020-05-06"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // html5ever's tree builder is quadratic in nesting depth, so unit
        // tests stay shallow; the 100,000-level page is an integration test.
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
        let doc = read(&html);
        assert!(doc.blocks.iter().any(|b| b.text == "deep"));
    }
}
