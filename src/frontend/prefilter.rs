//! A byte-level pass over raw HTML, before it is parsed, that cuts out what
//! never becomes text: the bodies of `<script>` (all but JSON-LD) and
//! `<style>`, whole `<svg>` drawings, and comments.
//!
//! It also opens up a `<noscript>` that holds paragraphs: the parser reads
//! `<noscript>` as raw text (as a browser with scripts on does), but pages
//! that render the article from a script template put their only readable
//! copy there. Such a `<noscript>` becomes a `<div>`; one with a tracking
//! pixel or a "please enable JavaScript" line stays as it is and is skipped.
//!
//! These are often half of a page's bytes, and the HTML parser would
//! tokenise every one of them only for the walk to skip them. The cut keeps
//! the opening and closing tags (so the tree's shape is unchanged) and
//! removes what lies between. It is deliberately simple: a scan for `<`,
//! no attribute parsing beyond the `type` of a script. An unterminated
//! element or comment keeps the rest of the page as it is, and the parser
//! deals with it as browsers do.

use std::borrow::Cow;

use memchr::memchr;

/// The closing tag of `<noscript>`, as searched for.
const NOSCRIPT_CLOSE: &[u8] = b"</noscript";
/// Shortest `<noscript>` (in bytes, tags included) opened up as content.
const MIN_NOSCRIPT_TEXT: usize = 200;

/// Raw-text elements whose contents are cut (the tags stay).
const RAW_TEXT: &[&[u8]] = &[b"script", b"style"];

/// Cuts inert content out of `html`; borrows when there is none.
pub(crate) fn strip_inert(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already handled
    let mut at = 0usize;
    // Where the `</noscript` of an opened-up `<noscript>` is.
    let mut noscript_close: Option<usize> = None;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let open = at + offset;
        let rest = &bytes[open..];
        let swap = if noscript_close == Some(open) {
            noscript_close = None;
            Some(("</div", NOSCRIPT_CLOSE.len()))
        } else if noscript_close.is_none() && opens_tag(rest, b"noscript") {
            let close = find_ascii_ci(bytes, open, NOSCRIPT_CLOSE);
            let holds_text = close.is_some_and(|close| {
                close - open >= MIN_NOSCRIPT_TEXT
                    && [&b"<p>"[..], b"<p "].iter().any(|p| find_ascii_ci(&bytes[..close], open, p).is_some())
            });
            if holds_text {
                noscript_close = close;
                Some(("<div", NOSCRIPT_CLOSE.len() - 1))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((with, len)) = swap {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            buffer.push_str(&html[copied..open]);
            buffer.push_str(with);
            copied = open + len;
            at = copied;
            continue;
        }
        let cut = if rest.starts_with(b"<!--") {
            // The whole comment goes.
            find(bytes, open + 4, b"-->").map(|end| (open, end + 3))
        } else if let Some(name) = RAW_TEXT.iter().find(|name| opens_tag(rest, name)) {
            tag_end(bytes, open).and_then(|content| {
                let tag = &html[open..content];
                let keep = name == b"script" && tag.to_ascii_lowercase().contains("ld+json");
                let close = find_ascii_ci(bytes, content, &closing(name))?;
                (!keep).then_some((content, close))
            })
        } else if opens_tag(rest, b"svg") {
            find_ascii_ci(bytes, open, b"</svg")
                .and_then(|close| tag_end(bytes, close).map(|end| (open, end)))
        } else {
            None
        };
        match cut {
            Some((start, end)) if start >= copied => {
                let buffer = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
                buffer.push_str(&html[copied..start]);
                copied = end;
                at = end;
            }
            _ => at = open + 1,
        }
        if at >= bytes.len() {
            break;
        }
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(&html[copied..]);
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(html),
    }
}

/// `</name` for a raw-text element.
fn closing(name: &[u8]) -> Vec<u8> {
    let mut tag = b"</".to_vec();
    tag.extend_from_slice(name);
    tag
}

/// True when `rest` starts with `<name` followed by a space, `/` or `>`.
fn opens_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 1
        && rest[1..=name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len() + 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The index just past the `>` that ends the tag opening at `open`.
fn tag_end(bytes: &[u8], open: usize) -> Option<usize> {
    memchr(b'>', &bytes[open..]).map(|i| open + i + 1)
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
            ("a<!-- <p>hidden</p> -->b", "ab"),
            ("a<svg viewBox='0 0 1 1'><path d='M0'/></svg>b", "ab"),
            (
                r#"<script type="application/ld+json">{"a":1}</script>"#,
                r#"<script type="application/ld+json">{"a":1}</script>"#,
            ),
            ("<p>no inert content</p>", "<p>no inert content</p>"),
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
    fn borrows_when_nothing_is_cut() {
        assert!(matches!(strip_inert("<p>plain</p>"), Cow::Borrowed(_)));
    }
}
