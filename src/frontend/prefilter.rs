//! A byte-level pass over raw HTML, before it is parsed, that cuts out what
//! never becomes text: the bodies of `<script>` (all but JSON-LD) and
//! `<style>`, whole `<svg>` drawings, comments, and the attributes the walk
//! never reads (`href`, `src`, `srcset`, `data-*`, event handlers…; the
//! kept ones are `rules::markup::KEPT_ATTRIBUTES`).
//!
//! It also opens up a `<noscript>` that holds paragraphs: the parser reads
//! `<noscript>` as raw text (as a browser with scripts on does), but pages
//! that render the article from a script template put their only readable
//! copy there. Such a `<noscript>` becomes a `<div>`; one with a tracking
//! pixel or a "please enable JavaScript" line stays as it is and is skipped.
//! And it caps the nesting of container tags at [`MAX_NESTING`], as
//! browsers do, so that a page of 100,000 nested `<div>`s does not cost the
//! tree builder quadratic time.
//!
//! Scripts, styles and markup are often most of a page's bytes, and the
//! HTML parser would tokenise every one of them only for the walk to skip
//! them. Tags are read as HTML's tokenizer reads them (quoted values may
//! hold `>`; end tags, bogus comments, `<!-->`), text-only elements
//! (`<title>`, `<textarea>`…) are skipped whole, and a cut that would join
//! its neighbours into a new tag or entity leaves an empty comment. A
//! property test checks that the parsed page the walk sees is the same with
//! and without this pass. An unterminated tag, element or comment keeps the
//! rest of the page as it is, and the parser deals with it as browsers do.
//!
//! One repair changes what the parser sees, on purpose ([`prepare`]): a
//! text-only element that is never closed
//! (`<title>Harbour news</head><body>…`, common in older crawls) would make
//! the whole rest of the page its text, and the page would read as empty. It is closed before the
//! first tag after it, as lenient parsers (libxml2's, lxml's) read it.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memchr;

use crate::rules::markup::KEPT_ATTRIBUTES;

/// The closing tag of `<noscript>`, as searched for.
const NOSCRIPT_CLOSE: &[u8] = b"</noscript";
/// Shortest `<noscript>` (in bytes, tags included) opened up as content.
const MIN_NOSCRIPT_TEXT: usize = 200;

/// Raw-text elements whose contents are cut (the tags stay).
const RAW_TEXT: &[&[u8]] = &[b"script", b"style"];

/// Elements whose contents the parser reads as text, not markup: the scan
/// jumps to their closing tag so that a `<` inside is never taken for a
/// tag. (An unopened `<noscript>` is one of them for a parser with
/// scripting on.)
const TEXT_ONLY: &[&[u8]] = &[b"iframe", b"noembed", b"noframes", b"noscript", b"textarea", b"title", b"xmp"];

/// HTML tags that end an `<svg>` early when they appear inside it (the
/// parser's "foreign content" breakout): such a drawing is left to the
/// parser, since what follows the tag is page content.
const SVG_BREAKOUT: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"font",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strike",
    b"strong",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

/// Deepest nesting of [`NESTING_TAGS`] passed to the parser. The HTML
/// tree builder scans the stack of open elements for every new block, so
/// a page of 100,000 nested `<div>`s costs it time quadratic in the depth;
/// browsers cap the depth too (Blink at 512). Deeper tags are dropped with
/// as many of their end tags, which flattens the excess into its parent:
/// no text is lost.
const MAX_NESTING: usize = 512;

/// Container elements that the parser never closes on its own: their
/// start and end tags pair up, so a count of them is their depth.
const NESTING_TAGS: &[&[u8]] = &[
    b"article",
    b"aside",
    b"blockquote",
    b"center",
    b"dl",
    b"div",
    b"figure",
    b"footer",
    b"form",
    b"header",
    b"main",
    b"nav",
    b"ol",
    b"section",
    b"span",
    b"table",
    b"ul",
];

/// Longest attribute name worth looking up in [`KEPT_ATTRIBUTES`].
const MAX_KEPT_NAME: usize = 16;

/// The output being built: `html` with some byte ranges cut or replaced.
/// Stays borrowed until the first change.
struct Edits<'a> {
    html: &'a str,
    out: Option<String>,
    /// Bytes of `html` already handled.
    copied: usize,
}

impl<'a> Edits<'a> {
    /// Replaces `range` (which starts at or after everything handled so
    /// far) with `with`.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        if range.start < self.copied {
            return;
        }
        let html = self.html;
        let buffer = self.out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
        buffer.push_str(&html[self.copied..range.start]);
        buffer.push_str(with);
        self.copied = range.end;
    }

    /// The byte the output has just before `at` (not yet handled), once
    /// everything up to `at` is copied.
    fn byte_before(&self, at: usize) -> Option<u8> {
        if at > self.copied {
            return self.html.as_bytes().get(at - 1).copied();
        }
        match &self.out {
            Some(buffer) => buffer.as_bytes().last().copied(),
            None => self.html.as_bytes()[..at].last().copied(),
        }
    }

    /// Cuts `start..end`, leaving an empty comment in its place when the
    /// bytes on either side could otherwise join into something new
    /// (`<` + `a`, `&amp` + `;`).
    fn cut(&mut self, start: usize, end: usize) {
        let safe_before = self.byte_before(start).is_none_or(|b| b == b'>' || is_space(b));
        let safe_after = self.html.as_bytes().get(end).is_none_or(|&b| is_space(b));
        self.replace(start..end, if safe_before || safe_after { "" } else { "<!---->" });
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(mut buffer) => {
                buffer.push_str(&self.html[self.copied..]);
                Cow::Owned(buffer)
            }
            None => Cow::Borrowed(self.html),
        }
    }
}

/// Cuts inert content out of `html` and closes a text-only element that
/// swallows the rest of the page; borrows when there is nothing to do.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    scan(html, true)
}

/// Cuts inert content out of `html`, leaving the parse as it is; borrows
/// when there is none.
#[cfg(test)]
pub(crate) fn strip_inert(html: &str) -> Cow<'_, str> {
    scan(html, false)
}

/// The pass; `repair` closes unclosed text-only elements.
fn scan(html: &str, repair: bool) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut edits = Edits { html, out: None, copied: 0 };
    let mut at = 0usize;
    // Where the `</noscript` of an opened-up `<noscript>` is.
    let mut noscript_close: Option<usize> = None;
    let mut drops: Vec<Range<usize>> = Vec::new();
    // Open NESTING_TAGS, and the start tags dropped past MAX_NESTING whose
    // end tags are still to drop.
    let (mut depth, mut excess) = (0usize, 0usize);
    while let Some(offset) = memchr(b'<', bytes.get(at..).unwrap_or_default()) {
        let open = at + offset;
        let rest = &bytes[open..];
        if noscript_close == Some(open) {
            noscript_close = None;
            edits.replace(open..open + NOSCRIPT_CLOSE.len(), "</div");
            at = open + NOSCRIPT_CLOSE.len();
            continue;
        }
        if noscript_close.is_none() && opens_tag(rest, b"noscript") {
            let close = find_ascii_ci(bytes, open, NOSCRIPT_CLOSE);
            let holds_text = close.is_some_and(|close| {
                close - open >= MIN_NOSCRIPT_TEXT
                    && [&b"<p>"[..], b"<p "].iter().any(|p| find_ascii_ci(&bytes[..close], open, p).is_some())
            });
            if holds_text {
                noscript_close = close;
                let name_end = open + NOSCRIPT_CLOSE.len() - 1;
                edits.replace(open..name_end, "<div");
                at = name_end;
                continue;
            }
        }
        if rest.starts_with(b"<!--") {
            // The whole comment goes; an unclosed one is left to the parser.
            let Some(end) = comment_end(bytes, open) else { break };
            edits.cut(open, end);
            at = end;
            continue;
        }
        match rest.get(1) {
            Some(b) if b.is_ascii_alphabetic() => {}
            // An end tag: read past its (ignored) attributes, whose quoted
            // values may hold `>`.
            Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                drops.clear();
                let Some(end) = scan_start_tag(bytes, open + 1, &mut drops) else { break };
                if nests(tag_name(bytes, open + 1)) {
                    if excess > 0 {
                        excess -= 1;
                        edits.replace(open..end, "");
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                }
                at = end;
                continue;
            }
            // `</>` is dropped by the parser; `<!…>`, `<?…>` and `</…>`
            // not starting with a letter are bogus comments up to the
            // next `>`.
            Some(b'!' | b'?' | b'/') => {
                let Some(end) = tag_end(bytes, open + 2) else { break };
                at = end;
                continue;
            }
            _ => {
                at = open + 1;
                continue;
            }
        }
        drops.clear();
        // A tag the page never closes is left to the parser as it is.
        let Some(end) = scan_start_tag(bytes, open, &mut drops) else { break };
        let name = tag_name(bytes, open);
        if nests(name) {
            if depth >= MAX_NESTING {
                excess += 1;
                edits.replace(open..end, "");
                at = end;
                continue;
            }
            depth += 1;
        }
        if name.eq_ignore_ascii_case(b"svg") {
            let Some(close) = find_ascii_ci(bytes, end, b"</svg") else { break };
            if !breaks_out(&bytes[end..close]) {
                let Some(after) = tag_end(bytes, close) else { break };
                // An empty drawing, not nothing: an `<svg>` before any
                // content opens the page's body, and the tree keeps that.
                edits.replace(open..after, "<svg></svg>");
                at = after;
                continue;
            }
        }
        for drop in &drops {
            // A space, not nothing: `<a href="x"class=y>` stays two
            // attributes apart, `<a/href=x/>` does not become `<a/>`.
            edits.replace(drop.clone(), " ");
        }
        at = end;
        if let Some(raw) = RAW_TEXT.iter().find(|raw| name.eq_ignore_ascii_case(raw)) {
            let keep = raw == b"script"
                && (html[open..end].to_ascii_lowercase().contains("ld+json") || opens_json_ld(&bytes[end..]));
            let Some(close) = find_ascii_ci(bytes, end, &closing(raw)) else { break };
            if !keep {
                edits.replace(end..close, "");
            }
            at = close;
        } else if let Some(text) = TEXT_ONLY.iter().find(|text| name.eq_ignore_ascii_case(text)) {
            match find_ascii_ci(bytes, end, &closing(text)) {
                Some(close) => at = close,
                None if repair => {
                    // Never closed: closed before the next tag, which the
                    // page meant as markup.
                    let Some(next) = next_tag(bytes, end) else { break };
                    let name = String::from_utf8_lossy(text);
                    edits.replace(next..next, &format!("</{name}>"));
                    at = next;
                }
                None => break,
            }
        } else if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
    }
    edits.finish()
}

/// Whether `name` is one of the [`NESTING_TAGS`].
fn nests(name: &[u8]) -> bool {
    name.len() <= 10 && NESTING_TAGS.iter().any(|tag| name.eq_ignore_ascii_case(tag))
}

/// Whether an `<svg>`'s content holds a tag that ends the drawing early
/// (`</p>` and `</br>` do too).
fn breaks_out(content: &[u8]) -> bool {
    let mut at = 0;
    while let Some(i) = memchr(b'<', &content[at..]) {
        let open = at + i;
        let start = open + 1 + usize::from(content.get(open + 1) == Some(&b'/'));
        let len =
            content[start..].iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(content.len() - start);
        let name = &content[start..start + len];
        let closing = start > open + 1;
        if SVG_BREAKOUT.iter().any(|tag| name.eq_ignore_ascii_case(tag))
            && (!closing || name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br"))
        {
            return true;
        }
        at = open + 1;
    }
    false
}

/// The index just past the comment opening at `open` (`<!--`), read as
/// HTML's tokenizer reads it: `<!-->` and `<!--->` are empty comments, and
/// `-->` or `--!>` ends one.
fn comment_end(bytes: &[u8], open: usize) -> Option<usize> {
    let body = open + 4;
    match bytes.get(body..) {
        Some([b'>', ..]) => return Some(body + 1),
        Some([b'-', b'>', ..]) => return Some(body + 2),
        _ => {}
    }
    let mut at = body;
    loop {
        let dashes = find(bytes, at, b"--")?;
        match bytes.get(dashes + 2..) {
            Some([b'>', ..]) => return Some(dashes + 3),
            Some([b'!', b'>', ..]) => return Some(dashes + 4),
            _ => at = dashes + 1,
        }
    }
}

/// Whether a script's content is JSON-LD whatever its `type` says: some
/// pages leave the type out. Looks for a JSON object or array that names
/// `@context` early on.
pub(crate) fn opens_json_ld(content: &[u8]) -> bool {
    let start = content.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(content.len());
    let head = &content[start..content.len().min(start + JSON_LD_SNIFF)];
    head.first().is_some_and(|b| matches!(b, b'{' | b'['))
        && memchr::memmem::find(head, b"\"@context\"").is_some()
}

/// How far into a script [`opens_json_ld`] looks for `"@context"`.
const JSON_LD_SNIFF: usize = 200;

/// HTML's white space inside tags.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The name of the start tag at `open`.
fn tag_name(bytes: &[u8], open: usize) -> &[u8] {
    let rest = &bytes[open + 1..];
    let len = rest.iter().position(|&b| is_space(b) || b == b'/' || b == b'>').unwrap_or(rest.len());
    &rest[..len]
}

/// Reads the start tag at `open` the way HTML's tokenizer does (quoted
/// values may hold `>`), pushing to `drops` the byte range of every
/// attribute the walk never reads, with the white space before it: `href`,
/// `src`, `srcset`, `data-*`, event handlers… are often half the bytes
/// left after scripts and styles go. Returns the index just past the tag's
/// `>`, or `None` when the page ends inside the tag.
fn scan_start_tag(bytes: &[u8], open: usize, drops: &mut Vec<Range<usize>>) -> Option<usize> {
    let n = bytes.len();
    let name = tag_name(bytes, open);
    // A `<link>`'s address is read (`rel=canonical`); no other `href` is.
    let keeps_href = name.eq_ignore_ascii_case(b"link");
    let mut i = open + 1 + name.len();
    loop {
        let gap = i;
        while i < n && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if *bytes.get(i)? == b'>' {
            return Some(i + 1);
        }
        let name_start = i;
        // A first `=` belongs to the name.
        i += 1;
        while i < n && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = &bytes[name_start..i];
        let mut j = i;
        while j < n && is_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < n && is_space(bytes[j]) {
                j += 1;
            }
            match *bytes.get(j)? {
                quote @ (b'"' | b'\'') => i = j + 1 + memchr(quote, &bytes[j + 1..])? + 1,
                // `name=>`: no value; the `>` ends the tag.
                b'>' => i = j,
                _ => {
                    while j < n && !is_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                    i = j;
                }
            }
        }
        if !(kept(name) || keeps_href && name.eq_ignore_ascii_case(b"href")) {
            drops.push(gap..i);
        }
    }
}

/// For each name length, the lower-case first bytes of the kept names of
/// that length: most attributes (`href`, `src`, `alt`, …) are ruled out by
/// one bit test before any comparison.
static KEPT_SHAPES: LazyLock<[u128; MAX_KEPT_NAME + 1]> = LazyLock::new(|| {
    let mut shapes = [0u128; MAX_KEPT_NAME + 1];
    for name in KEPT_ATTRIBUTES {
        shapes[name.len()] |= 1u128 << (name.as_bytes()[0] & 0x7f);
    }
    shapes
});

/// Whether the walk reads an attribute of this name.
fn kept(name: &[u8]) -> bool {
    let Some(&first) = name.first() else { return false };
    if name.len() > MAX_KEPT_NAME
        || KEPT_SHAPES[name.len()] & (1u128 << (first.to_ascii_lowercase() & 0x7f)) == 0
    {
        return false;
    }
    let mut lower = [0u8; MAX_KEPT_NAME];
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    KEPT_ATTRIBUTES.iter().any(|k| k.as_bytes() == lower)
}

/// `</name` for an element.
fn closing(name: &[u8]) -> Vec<u8> {
    let mut tag = b"</".to_vec();
    tag.extend_from_slice(name);
    tag
}

/// Where the first thing that reads as a tag starts at or after `from`: a
/// `<` followed by a letter, `/` or `!`.
fn next_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr(b'<', bytes.get(at..)?) {
        let open = at + i;
        if bytes.get(open + 1).is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!')) {
            return Some(open);
        }
        at = open + 1;
    }
    None
}

/// True when `rest` starts with `<name` followed by a space, `/` or `>`.
fn opens_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 1
        && rest[1..=name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len() + 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The index just past the first `>` at or after `from`.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    memchr(b'>', &bytes[from..]).map(|i| from + i + 1)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// Finds a closing-tag needle (`</script`, lower case) case-insensitively.
fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr(b'<', bytes.get(at..)?) {
        let start = at + i;
        if bytes.get(start..start + needle.len()).is_some_and(|s| s.eq_ignore_ascii_case(needle)) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_scripts_styles_svg_and_comments() {
        for (input, want) in [
            ("<p>a</p><script>var x = '<p>';</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
            ("<STYLE type=text/css>p { color: red }</STYLE>x", "<STYLE type=text/css></STYLE>x"),
            ("a<!-- <p>hidden</p> -->b", "a<!---->b"),
            ("<p>a</p><!-- <p>hidden</p> --><p>b", "<p>a</p><p>b"),
            ("a<svg viewBox='0 0 1 1'><path d='M0'/></svg>b", "a<svg></svg>b"),
            (
                r#"<script type="application/ld+json">{"a":1}</script>"#,
                r#"<script type="application/ld+json">{"a":1}</script>"#,
            ),
            ("<p>no inert content</p>", "<p>no inert content</p>"),
            (
                r#"<script>{"@context":"https://schema.org"}</script>"#,
                r#"<script>{"@context":"https://schema.org"}</script>"#,
            ),
            (r#"<script>{"config":1}</script>"#, "<script></script>"),
            ("<script>never closed", "<script>never closed"),
            ("a <!-- never closed", "a <!-- never closed"),
            ("<scripts>not a script</scripts>", "<scripts>not a script</scripts>"),
            ("<p>é<script>ü</script>ß</p>", "<p>é<script></script>ß</p>"),
            ("<noscript><img src=pixel.gif></noscript>", "<noscript><img src=pixel.gif></noscript>"),
        ] {
            assert_eq!(strip_inert(input), want, "{input:?}");
        }
    }

    #[test]
    fn opens_up_a_noscript_that_holds_paragraphs() {
        let story = "<p>The only readable copy of the article, long enough to be one.</p>".repeat(4);
        let input = format!(
            "<script type=text/template>{story}</script><NOSCRIPT class=x>{story}</noscript><p>after</p>"
        );
        let want = format!("<script type=text/template></script><div class=x>{story}</div><p>after</p>");
        assert_eq!(strip_inert(&input), want);
        let short = "<noscript><p>Please enable JavaScript.</p></noscript>";
        assert_eq!(strip_inert(short), short);
    }

    #[test]
    fn drops_attributes_the_walk_never_reads() {
        for (input, want) in [
            (r#"<a href="/x" class=c>t</a>"#, "<a  class=c>t</a>"),
            (r#"<img src='a.jpg' data-src="b > c" alt=x>"#, "<img   >"),
            (r#"<p DATA-X=1 ID="k" hidden>t</p>"#, r#"<p  ID="k" hidden>t</p>"#),
            ("<div onclick = \"go()\" role=main>t</div>", "<div  role=main>t</div>"),
            (r#"<meta property="og:title" content="T">"#, r#"<meta property="og:title" content="T">"#),
            ("<br/><a/href=x/>t</a>", "<br/><a >t</a>"),
            (r#"<a href="x"class=y>"#, "<a class=y>"),
            ("<input disabled>", "<input >"),
            // Cuts that would join their neighbours into a tag or an
            // entity leave an empty comment between them.
            ("a<!-- c -->b", "a<!---->b"),
            ("<<!-- c -->a &amp<!-- c -->;", "<<!---->a &amp<!---->;"),
            ("<<!-- c --><!-- d -->a", "<<!---->a"),
            ("<p>a</p> <!-- c --><p>", "<p>a</p> <p>"),
            // A `<` inside a title or textarea is text, not a tag.
            ("<title>a <b href=x> c</title><b href=y>", "<title>a <b href=x> c</title><b >"),
            // The page ends inside a tag: left to the parser.
            (r#"<p class=a><a href="never closed"#, r#"<p class=a><a href="never closed"#),
        ] {
            assert_eq!(strip_inert(input), want, "{input:?}");
        }
    }

    #[test]
    fn nesting_past_the_cap_is_flattened() {
        let deep = format!("{}x{}", "<div>".repeat(MAX_NESTING + 3), "</div>".repeat(MAX_NESTING + 3));
        let want = format!("{}x{}", "<div>".repeat(MAX_NESTING), "</div>".repeat(MAX_NESTING));
        assert_eq!(strip_inert(&deep), want);
        let shallow = "<div><span>a</span><div>b</div></div>".repeat(1000);
        assert_eq!(strip_inert(&shallow), shallow);
    }

    #[test]
    fn borrows_when_nothing_is_cut() {
        assert!(matches!(strip_inert("<p>plain</p>"), Cow::Borrowed(_)));
    }

    /// Element names, the attributes the walk reads, and text, in document
    /// order, outside `<script>`/`<style>`/`<svg>`: what the walk can see.
    fn visible(html: &str) -> Vec<String> {
        use ego_tree::iter::Edge;
        let dom = scraper::Html::parse_document(html);
        let mut out = Vec::new();
        let mut skip = 0usize;
        for edge in dom.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    scraper::Node::Element(el) => {
                        if matches!(el.name(), "script" | "style" | "svg") {
                            skip += 1;
                        }
                        if skip > 0 {
                            continue;
                        }
                        let mut attrs: Vec<String> = el
                            .attrs()
                            .filter(|(name, _)| kept(name.as_bytes()))
                            .map(|(name, value)| format!("{name}={value}"))
                            .collect();
                        attrs.sort();
                        out.push(format!("\u{0}{} {}", el.name(), attrs.join(" ")));
                    }
                    scraper::Node::Text(text) if skip == 0 => out.push(text.to_string()),
                    _ => {}
                },
                Edge::Close(node) => {
                    if let scraper::Node::Element(el) = node.value() {
                        if matches!(el.name(), "script" | "style" | "svg") {
                            skip -= 1;
                        }
                    }
                }
            }
        }
        // Adjacent text nodes may split differently around a cut comment.
        out.dedup_by(|b, a| {
            let texts = !a.starts_with('\u{0}') && !b.starts_with('\u{0}');
            if texts {
                a.push_str(b);
            }
            texts
        });
        out
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            "[a-z <>&]{0,12}",
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<!-- c <p> -->".to_string()),
            Just("<script>if (a < b) {}</script>".to_string()),
            Just(r#"<script type="application/ld+json">{"a":1}</script>"#.to_string()),
            Just("<title>x <b href=1> y</title>".to_string()),
            Just("<textarea><a href=1></textarea>".to_string()),
            Just("<svg><p>drawn</p></svg>".to_string()),
            Just("<table><tr><td>c</td></tr></table>".to_string()),
            Just("<input type=hidden value=v>".to_string()),
            Just("<SVG><circle r=1/></SVG>".to_string()),
            Just("<svg><g><div>out</div></g></svg>".to_string()),
            Just("<noscript><b>n</b></noscript>".to_string()),
            Just("<xmp><a href=1></xmp>".to_string()),
            Just("<STYLE>p{}</STYLE>".to_string()),
            "(&amp|&#6|;|<|</|p>|/|=|\"|'|<!|<?|-->|--!>|<!-->|<!--->|</p class='>'>)",
            "<(a|div|span|li|ul) (href|class|id|data-x|style|alt|hidden)(=\\'[a-z >]{0,4}\\'|=\"[a-z >]{0,4}\"|=[a-z]{0,4})?( (role|src)=[a-z]{1,3})?/?>",
            "</(a|div|span|li|ul)>",
        ]
    }

    #[test]
    fn an_unclosed_text_element_is_closed_before_the_next_tag() {
        for (input, want) in [
            (
                "<title>Harbour news\n</head><body><p>x</p>",
                "<title>Harbour news\n</title></head><body><p>x</p>",
            ),
            ("<TEXTAREA>note <p>x</p>", "<TEXTAREA>note </textarea><p>x</p>"),
            ("<xmp>a < b <!-- c --><p>x</p>", "<xmp>a < b </xmp><p>x</p>"),
            ("<noscript>on <div>x</div>", "<noscript>on </noscript><div>x</div>"),
            // Closed ones, and one with no tag after it, stay as they are.
            ("<title>a <b> c</title><p>x</p>", "<title>a <b> c</title><p>x</p>"),
            ("<title>only text", "<title>only text"),
        ] {
            assert_eq!(prepare(input), want, "{input:?}");
        }
        assert_eq!(strip_inert("<title>a <p>x</p>"), "<title>a <p>x</p>", "the plain pass never repairs");
    }

    proptest::proptest! {
        /// Whatever the markup, the parser sees the same elements, read
        /// attributes and text with the prefilter as without it.
        #[test]
        fn the_walk_sees_the_same_page(pieces in proptest::collection::vec(piece(), 0..24)) {
            let html = pieces.concat();
            proptest::prop_assert_eq!(visible(&strip_inert(&html)), visible(&html), "{:?}", html);
        }
    }
}
