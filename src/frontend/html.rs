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

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use html5ever::{LocalName, local_name};
use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Node};

use crate::block::{Block, Document, Kind, Region, normalize_space};
use crate::frontend::metadata::Collector;
use crate::frontend::prefilter;
use crate::model::Format;
use crate::rules::markup::{self, BLOCK_TAGS, CHROME_TAGS, SKIPPED_TAGS};
use crate::switches::{Rule, on};

/// Context of an open block-level element.
#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: Kind,
    region: Region,
    class_score: i8,
    /// Index of the element in the container list.
    container: usize,
    /// Container index of the table row (`<tr>`) it sits in; 0 outside tables.
    row: usize,
    /// Inside an `<ol>` (nearer than any `<ul>` or `<menu>`).
    numbered: bool,
    /// Inside an element whose class or id names a comment thread.
    thread: bool,
}

impl Frame {
    /// The page itself, outside every element.
    const ROOT: Frame = Frame {
        kind: Kind::Line,
        region: Region::Unknown,
        class_score: 0,
        container: 0,
        row: 0,
        numbered: false,
        thread: false,
    };
}

/// A block-level element as a candidate for holding the article: the
/// paragraphs under it add to its score, the way Readability scores them.
#[derive(Debug, Clone, Copy, Default)]
struct Container {
    parent: Option<usize>,
    score: f32,
    /// Characters of the blocks in it and its children and grandchildren.
    chars: usize,
    link_chars: usize,
    /// Characters of the blocks made by this element itself.
    own_chars: usize,
    /// This element opens a chrome region (`<nav>`, `<header>`, …).
    opens_chrome: bool,
    /// This element is a readers' comment thread or inside one.
    thread: bool,
}

/// A chrome element holding more than this share of the page's text is
/// not chrome: some pages wrap the whole page in a `<header>` or `<nav>`.
const MAX_CHROME_SHARE: f32 = 0.5;

/// Shortest paragraph that shows a page has text of its own outside its
/// comment thread.
const MIN_OWN_PARAGRAPH_CHARS: usize = 150;

/// Shortest block that counts as a paragraph for container scores.
const MIN_SCORED_CHARS: usize = 25;

/// Text gathered for the block being built.
#[derive(Debug, Default)]
struct Pending {
    text: String,
    link_chars: usize,
    /// A tag that parts fields (see [`is_word_part`]) opened or closed
    /// since the last text.
    seam: bool,
    /// Where the text stood after the last `<br>`: a second `<br>` with
    /// nothing but white space since then ends a paragraph, the way pages
    /// without `<p>` tags separate them.
    after_br: Option<usize>,
}

/// Reads an HTML page into blocks and metadata.
pub(crate) fn read(html: &str) -> Document {
    let html = prefilter::prepare(html);
    let dom = Html::parse_document(&html);
    let mut metadata = Collector::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut stack: Vec<Frame> = vec![Frame::ROOT];
    let mut containers: Vec<Container> = vec![Container::default()];
    // The table row of each block (0 outside tables), beside `blocks`.
    let mut rows: Vec<usize> = Vec::new();
    let mut pending = Pending::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut links = 0usize;
    let mut scratch = String::new();
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(el) => {
                    let local = &el.name.local;
                    pending.seam |= !is_word_part(local);
                    let attrs = Attrs::of(el);
                    if let Some(element) = ElementRef::wrap(node) {
                        metadata.read(element, attrs.itemprop, attrs.hidden);
                        let region = stack.last().map_or(Region::Unknown, |f| f.region);
                        if metadata.wants_marked_author()
                            && !attrs.hidden
                            && !matches!(region, Region::Chrome | Region::Aside)
                            && marks_byline(&attrs, &mut scratch)
                        {
                            metadata.read_marked_author(element);
                        }
                    }
                    let role = TAG_ROLES.get(local).copied().unwrap_or(TagRole::Inline);
                    if role == TagRole::Skipped || *local == local_name!("title") || attrs.hidden {
                        skip = Some(node.id());
                    } else if *local == local_name!("br") {
                        let blank = pending.after_br.is_some_and(|at| pending.text[at..].trim().is_empty());
                        if blank {
                            flush(&mut pending, &stack, &mut blocks, &mut rows, &mut containers);
                        } else {
                            pending.text.push(' ');
                            pending.after_br = Some(pending.text.len());
                        }
                    } else if *local == local_name!("a") {
                        links += 1;
                    } else if role != TagRole::Inline {
                        flush(&mut pending, &stack, &mut blocks, &mut rows, &mut containers);
                        let parent = stack.last().copied().unwrap_or(Frame::ROOT);
                        let frame = frame_for(el.name(), role, &attrs, parent, &mut scratch);
                        containers.push(Container {
                            parent: Some(parent.container),
                            opens_chrome: frame.region == Region::Chrome && parent.region != Region::Chrome,
                            thread: frame.thread,
                            ..Container::default()
                        });
                        let container = containers.len() - 1;
                        let row = if *local == local_name!("tr") { container } else { frame.row };
                        stack.push(Frame { container, row, ..frame });
                    }
                }
                Node::Text(text) => {
                    // Two fields in sibling elements with no space between
                    // ("<span>Jane Doe</span><span>3.11.2023</span>"): a
                    // letter meeting a digit across a tag is a seam.
                    if pending.seam && glued(&pending.text, text) {
                        pending.text.push(' ');
                    }
                    pending.seam = false;
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
                    let local = &el.name.local;
                    pending.seam |= !is_word_part(local);
                    if *local == local_name!("a") {
                        links = links.saturating_sub(1);
                    } else if matches!(TAG_ROLES.get(local), Some(TagRole::Block | TagRole::Chrome)) {
                        flush(&mut pending, &stack, &mut blocks, &mut rows, &mut containers);
                        if stack.len() > 1 {
                            stack.pop();
                        }
                    }
                }
            }
        }
    }
    flush(&mut pending, &stack, &mut blocks, &mut rows, &mut containers);
    mark_main_container(&mut blocks, &containers);
    release_page_wide_chrome(&mut blocks, &containers);
    let blocks = join_table_rows(blocks, &rows);
    Document { format: Format::Html, blocks, meta: metadata.finish() }
}

/// Phrase-level tags whose text belongs to the word around it ("CO₂",
/// "1st", "2<i>n</i>²", "<b>3</b>rd"): their tags are no seam. Other
/// tags (`span`, `a`, `time`, …) part fields laid out side by side.
fn is_word_part(local: &LocalName) -> bool {
    matches!(
        *local,
        local_name!("sub")
            | local_name!("sup")
            | local_name!("i")
            | local_name!("b")
            | local_name!("em")
            | local_name!("strong")
            | local_name!("var")
            | local_name!("u")
            | local_name!("small")
            | local_name!("mark")
            | local_name!("abbr")
            | local_name!("code")
    )
}

/// Whether text `next` glues onto `before` at a tag seam: a letter
/// meeting a digit, either way round, or a lower-case letter meeting a
/// capital.
fn glued(before: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), next.chars().next()) else { return false };
    // Cased letters only: scripts without spaces (CJK) run digits into
    // words by design.
    let letter = |c: char| c.is_lowercase() || c.is_uppercase();
    (letter(last) && first.is_ascii_digit())
        || (last.is_ascii_digit() && letter(first))
        // "Author</span><a>Andreas Kalt": a lower-case letter meeting a
        // capital across a tag is a new field.
        || (last.is_lowercase() && first.is_uppercase())
}

/// What the walk does with an element, by tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagRole {
    /// Its whole subtree is skipped (`script`, `svg`, …).
    Skipped,
    /// It starts and ends a block.
    Block,
    /// A block that frames the page (`nav`, `header`, …).
    Chrome,
    /// Inline: its text joins the block around it.
    Inline,
}

/// Tag name → role, from the markup tables, built once. Keyed by the
/// parser's interned names, so a lookup hashes and compares integers.
static TAG_ROLES: LazyLock<FxHashMap<LocalName, TagRole>> = LazyLock::new(|| {
    let mut roles = FxHashMap::default();
    roles.extend(BLOCK_TAGS.iter().map(|t| (LocalName::from(*t), TagRole::Block)));
    roles.extend(CHROME_TAGS.iter().map(|t| (LocalName::from(*t), TagRole::Chrome)));
    roles.extend(SKIPPED_TAGS.iter().map(|t| (LocalName::from(*t), TagRole::Skipped)));
    roles
});

/// The attributes the walk reads, gathered in one pass over an element's
/// attribute list.
#[derive(Debug, Default)]
struct Attrs<'a> {
    /// `hidden`, `aria-hidden="true"` or an inline `display:none` /
    /// `visibility:hidden`.
    hidden: bool,
    role: &'a str,
    itemprop: Option<&'a str>,
    class: Option<&'a str>,
    id: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut attrs = Attrs::default();
        for (name, value) in el.attrs() {
            match name {
                "hidden" => attrs.hidden = true,
                "aria-hidden" => attrs.hidden |= value.eq_ignore_ascii_case("true"),
                "style" => attrs.hidden |= hides(value),
                "role" => attrs.role = value,
                "itemprop" => attrs.itemprop = Some(value),
                "class" => attrs.class = Some(value),
                "id" => attrs.id = Some(value),
                _ => {}
            }
        }
        attrs
    }
}

/// Whether an element's class or id marks it as the byline ("author",
/// "byline") and not as a comment's author ("comment-author").
fn marks_byline(attrs: &Attrs, scratch: &mut String) -> bool {
    // Most elements carry neither word: one substring test rules them out
    // before any token is read. (The tokens are markup::AUTHOR_TOKENS.)
    let may_mark = |v: &str| ["uthor", "UTHOR", "yline", "YLINE"].iter().any(|w| v.contains(w));
    if ![attrs.class, attrs.id].into_iter().flatten().any(may_mark) {
        return false;
    }
    let mut author = false;
    let mut comment = false;
    for_each_evidence(attrs, scratch, |e| {
        author |= e.author;
        comment |= e.comment;
    });
    author && !comment
}

/// Calls `each` with what every class and id token of an element says
/// (tokens split at non-alphanumerics, lower-cased; tokens in no table are
/// skipped).
fn for_each_evidence(attrs: &Attrs, scratch: &mut String, mut each: impl FnMut(markup::TokenEvidence)) {
    for value in [attrs.class, attrs.id].into_iter().flatten() {
        for token in
            value.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty() && t.len() <= 30)
        {
            scratch.clear();
            scratch.push_str(token);
            scratch.make_ascii_lowercase();
            if let Some(evidence) = markup::token_evidence(scratch) {
                each(evidence);
            }
        }
    }
}

/// An inline style that hides the element.
fn hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let squeezed: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

fn frame_for(name: &str, role: TagRole, attrs: &Attrs, parent: Frame, scratch: &mut String) -> Frame {
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
        // A <div> or <span>-level block inside a cell is still cell text.
        _ if parent.kind == Kind::Cell => Kind::Cell,
        _ => Kind::Line,
    };
    let aria = attrs.role;
    let mut region = parent.region;
    if matches!(name, "article" | "main")
        || aria == "main"
        || attrs.itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        if region != Region::Chrome {
            region = Region::Article;
        }
    } else if name == "aside" || aria == "complementary" {
        region = Region::Aside;
    } else if role == TagRole::Chrome || matches!(aria, "navigation" | "banner" | "contentinfo" | "search") {
        // An article's own <header> holds its headline and byline.
        if !(name == "header" && region == Region::Article) {
            region = Region::Chrome;
        }
    }
    let mut score = 0i8;
    let mut sidebar = false;
    let mut comments = false;
    for_each_evidence(attrs, scratch, |evidence| {
        if evidence.boilerplate {
            score = score.saturating_sub(1);
        } else if evidence.content {
            score = score.saturating_add(1);
        }
        sidebar |= evidence.sidebar;
        comments |= evidence.comment;
    });
    // A comment thread is chrome; the page's own containers (which may
    // carry "comments-open" and the like) are not judged by it.
    let thread = parent.thread || comments && !matches!(name, "html" | "body" | "article" | "main");
    if thread {
        region = Region::Chrome;
    }
    if sidebar && region != Region::Chrome {
        region = Region::Aside;
    }
    Frame {
        kind,
        region,
        class_score: parent.class_score.saturating_add(score.clamp(-2, 2)),
        container: parent.container,
        row: parent.row,
        numbered: match name {
            "ol" => true,
            "ul" | "menu" => false,
            _ => parent.numbered,
        },
        thread,
    }
}

fn flush(
    pending: &mut Pending,
    stack: &[Frame],
    blocks: &mut Vec<Block>,
    rows: &mut Vec<usize>,
    containers: &mut [Container],
) {
    pending.after_br = None;
    if pending.text.trim().is_empty() {
        pending.text.clear();
        pending.link_chars = 0;
        return;
    }
    let text = normalize_space(&pending.text);
    let frame = stack.last().copied().unwrap_or(Frame::ROOT);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    score_containers(containers, frame, &text, chars, pending.link_chars);
    let mut block = Block::new(text, frame.kind);
    block.gap_before = true;
    block.region = frame.region;
    block.class_score = frame.class_score;
    block.link_density = (pending.link_chars as f32 / chars as f32).min(1.0);
    block.container = frame.container;
    block.numbered = frame.numbered && frame.kind == Kind::ListItem;
    blocks.push(block);
    rows.push(frame.row);
    pending.text.clear();
    pending.link_chars = 0;
}

/// Adds a block's text to its element and the two above it, and, when it
/// reads as a paragraph, its score to its parent (whole) and grandparent
/// (half): 1, plus its commas, plus one per hundred characters up to three.
fn score_containers(containers: &mut [Container], frame: Frame, text: &str, chars: usize, link_chars: usize) {
    let own = frame.container;
    if let Some(c) = containers.get_mut(own) {
        c.own_chars += chars;
    }
    let parent = containers.get(own).and_then(|c| c.parent);
    let grandparent = parent.and_then(|p| containers.get(p)).and_then(|c| c.parent);
    for at in [Some(own), parent, grandparent].into_iter().flatten() {
        if let Some(c) = containers.get_mut(at) {
            c.chars += chars;
            c.link_chars += link_chars;
        }
    }
    let paragraph_like = !matches!(frame.kind, Kind::Heading(_) | Kind::Caption) && chars >= MIN_SCORED_CHARS;
    if !paragraph_like {
        return;
    }
    let score = 1.0 + text.matches([',', '，']).count() as f32 + (chars as f32 / 100.0).min(3.0);
    for (at, share) in [(parent, 1.0), (grandparent, 0.5)] {
        if let Some(c) = at.and_then(|at| containers.get_mut(at)) {
            c.score += score * share;
        }
    }
}

/// Longest cell text that still reads as a data cell: a row of longer
/// cells is a layout table (menu beside article), and its cells stay
/// blocks of their own.
const MAX_DATA_CELL_CHARS: usize = 150;

/// Joins the cells of each data-table row into one block, cells parted by
/// a tab, so that a row reads as a row ("3\tKevin Harvick\t5033") and
/// equal cells in a row ("0", "0") are not taken for repeats. `rows[i]`
/// is the row of `blocks[i]`.
fn join_table_rows(blocks: Vec<Block>, rows: &[usize]) -> Vec<Block> {
    let in_row = |i: usize| {
        let block: &Block = &blocks[i];
        let row = rows.get(i).copied().unwrap_or(0);
        (block.kind == Kind::Cell && row != 0).then_some(row)
    };
    // Runs of cells of one row; a run joins when every cell is short.
    let mut joined = vec![false; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        let Some(row) = in_row(start) else {
            start += 1;
            continue;
        };
        let mut end = start + 1;
        while end < blocks.len() && in_row(end) == Some(row) {
            end += 1;
        }
        if end - start > 1 && blocks[start..end].iter().all(|b| b.text.chars().count() <= MAX_DATA_CELL_CHARS)
        {
            joined[start + 1..end].iter_mut().for_each(|j| *j = true);
        }
        start = end;
    }
    // Each kept block with the characters behind its link density.
    let mut out: Vec<(Block, f32)> = Vec::with_capacity(blocks.len());
    for (block, joins) in blocks.into_iter().zip(joined) {
        let chars = block.text.chars().count() as f32;
        match out.last_mut() {
            Some((row, weight)) if joins => {
                row.link_density =
                    (row.link_density * *weight + block.link_density * chars) / (*weight + chars);
                *weight += chars;
                row.text.push('\t');
                row.text.push_str(&block.text);
                row.in_main |= block.in_main;
            }
            _ => out.push((block, chars)),
        }
    }
    out.into_iter().map(|(block, _)| block).collect()
}

/// Gives back to the page the blocks of a chrome element that holds most of
/// its text: a `<header>` or `<nav>` wrapped around everything is not page
/// chrome.
fn release_page_wide_chrome(blocks: &mut [Block], containers: &[Container]) {
    let mut subtree: Vec<usize> = containers.iter().map(|c| c.own_chars).collect();
    for i in (1..containers.len()).rev() {
        if let Some(p) = containers[i].parent {
            subtree[p] += subtree[i];
        }
    }
    let total = subtree.first().copied().unwrap_or(0).max(1) as f32;
    // Parents come before children: one forward pass finds each element's
    // outermost chrome ancestor.
    let mut chrome_root: Vec<Option<usize>> = vec![None; containers.len()];
    for i in 0..containers.len() {
        let inherited = containers[i].parent.and_then(|p| chrome_root[p]);
        chrome_root[i] = inherited.or(containers[i].opens_chrome.then_some(i));
    }
    let in_thread = |b: &Block| containers.get(b.container).is_some_and(|c| c.thread);
    // A thread is the readers' however much of the page it fills, as long
    // as the page has a paragraph of its own outside it.
    let prose_outside = containers.iter().any(|c| c.thread)
        && blocks.iter().any(|b| {
            !in_thread(b)
                && b.region != Region::Chrome
                && b.text.chars().nth(MIN_OWN_PARAGRAPH_CHARS - 1).is_some()
        });
    for block in blocks.iter_mut().filter(|b| b.region == Region::Chrome) {
        if prose_outside && in_thread(block) && on(Rule::ThreadStaysChrome) {
            continue;
        }
        let root = chrome_root.get(block.container).copied().flatten();
        if root.is_some_and(|r| subtree[r] as f32 > total * MAX_CHROME_SHARE) {
            block.region = Region::Unknown;
        }
    }
}

/// Marks the blocks inside the best container: the element whose
/// paragraphs score highest, discounted by its share of link text.
fn mark_main_container(blocks: &mut [Block], containers: &[Container]) {
    let adjusted = |c: &Container| {
        let link_density = if c.chars == 0 { 0.0 } else { c.link_chars as f32 / c.chars as f32 };
        c.score * (1.0 - link_density.min(1.0))
    };
    let Some(best) = (1..containers.len())
        .filter(|&i| containers[i].score > 0.0)
        .max_by(|&a, &b| adjusted(&containers[a]).total_cmp(&adjusted(&containers[b])))
    else {
        return;
    };
    // Parents come before children in the list (document order), so one
    // forward pass marks every descendant of the best container.
    let mut inside = vec![false; containers.len()];
    for i in 0..containers.len() {
        inside[i] = i == best || containers[i].parent.is_some_and(|p| inside[p]);
    }
    for block in blocks {
        block.in_main = inside.get(block.container).copied().unwrap_or(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_threads_are_chrome() {
        let doc = read(
            "<html><body class=\"single comments-open\"><main><p>The story, told at some length.</p>\
             <div id=comments><div class=comment><div class=comment_content><div class=content>\
             A reader's view.</div></div></div></div></main></body></html>",
        );
        let regions: Vec<(&str, Region)> = doc.blocks.iter().map(|b| (b.text.as_str(), b.region)).collect();
        assert_eq!(
            regions,
            [("The story, told at some length.", Region::Article), ("A reader's view.", Region::Chrome)]
        );
    }

    #[test]
    fn a_thread_longer_than_the_story_is_still_chrome() {
        let story = "The story, told at some length, with enough words to be a paragraph of its own: \
                     a council, a ferry, a vote and the harbour town that waits for it all week.";
        let reply =
            "<li class=\"comment full\"><p>A reader's long view, given at length and then again.</p></li>";
        let page = format!(
            "<html><body><div class=story><p>{story}</p></div><section id=comments><ul>{}</ul></section></body></html>",
            reply.repeat(20)
        );
        let doc = read(&page);
        assert_eq!(doc.blocks[0].region, Region::Unknown);
        assert!(doc.blocks[1..].iter().all(|b| b.region == Region::Chrome));
        // A page that is all thread is given back: nothing else is its text.
        let doc = read(&format!("<html><body><div class=comments>{}</div></body></html>", reply.repeat(3)));
        assert!(doc.blocks.iter().all(|b| b.region == Region::Unknown));
    }

    #[test]
    fn double_line_breaks_end_paragraphs() {
        let doc = read(
            "<html><body><div class=content>First paragraph,<br>still the first.<br> <br>Second \
             <em>one</em>.<br><br>Third.</div></body></html>",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First paragraph, still the first.", "Second one.", "Third."]);
    }

    #[test]
    fn fields_side_by_side_do_not_glue() {
        let doc = read(
            "<html><body><p><span>Jane Doe</span><span>3.11.2023</span></p>\
             <p>CO<sub>2</sub> and 2<i>n</i><sup>2</sup>, the 3<b>rd</b> of 玉峰村<span>6</span></p>\
             <p><span>Author</span><a>Andreas Kalt</a>, Mc<b>D</b>onald</p></body></html>",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Jane Doe 3.11.2023", "CO2 and 2n2, the 3rd of 玉峰村6", "Author Andreas Kalt, McDonald"]
        );
    }

    #[test]
    fn names_in_elements_marked_as_the_byline() {
        let doc = read(
            r#"<html><body><nav><span class="author">Menu Person</span></nav>
            <div class="comment-author">Commenter Name</div>
            <div class="byline__author">Text</div>
            <div class="author-name">NATALIYA VASILYEVA</div><div class="author">Jane Doe</div></body></html>"#,
        );
        assert_eq!(doc.meta.marked_authors, ["NATALIYA VASILYEVA"]);
    }

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
    fn page_wide_wrappers_are_not_chrome() {
        let para = "A paragraph of article text that goes on for a while, long enough to count.";
        let html = format!(
            "<body><form id=aspnet><nav><a href=/>Home</a></nav><header><div><p>{para}</p><p>{para}</p><p>{para}</p></div></header></form></body>"
        );
        let doc = read(&html);
        let regions: Vec<Region> = doc.blocks.iter().map(|b| b.region).collect();
        assert_eq!(regions, [Region::Chrome, Region::Unknown, Region::Unknown, Region::Unknown]);
        assert!(doc.blocks[1..].iter().all(|b| b.in_main), "the paragraphs' div is the main container");
    }

    #[test]
    fn data_table_rows_are_one_block_each() {
        let doc = read(
            "<body><table><tr><th>Pos</th><th>Driver</th><th>Wins</th></tr>\
             <tr><td>1</td><td><div>Kyle Busch</div></td><td>0</td></tr>\
             <tr><td>2</td><td>Martin Truex</td><td>0</td></tr></table></body>",
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Pos\tDriver\tWins", "1\tKyle Busch\t0", "2\tMartin Truex\t0"]);
        assert!(doc.blocks.iter().all(|b| b.kind == Kind::Cell));
    }

    #[test]
    fn layout_table_cells_stay_apart() {
        let story = "A paragraph of the story, long enough that no data table would hold it in a cell: \
                     it runs on past one hundred and fifty characters, as article text does.";
        let doc = read(&format!("<body><table><tr><td>Home</td><td>{story}</td></tr></table></body>"));
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Home", story]);
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
