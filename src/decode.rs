//! Stage 1: bytes → UTF-8 text, and the choice of front end.
//!
//! Order of evidence for the encoding: a byte-order mark; valid UTF-8; the
//! charset the page was served with (an HTTP header's, passed in by the
//! caller), else the one it declares (`<meta charset>`, `http-equiv`, `<?xml
//! encoding?>`); then Mozilla's detector (chardetng). Bytes that are not
//! valid in the chosen encoding become U+FFFD; input is never rejected for
//! its encoding. Input that is not text at all (NUL bytes, control codes)
//! is refused as [`Error::Binary`].
//!
//! This stage does not touch markup or whitespace beyond the BOM.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
use regex::bytes::Regex as BytesRegex;

use crate::error::{Error, Result};
use crate::model::Format;
use crate::options::InputFormat;

/// A decoded page and the front end that should read it.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The page as UTF-8, borrowed from the input when it already was.
    pub(crate) text: Cow<'a, str>,
    /// Text or HTML, as asked or as sniffed.
    pub(crate) format: Format,
}

/// How much of the input the binary and charset sniffers look at.
const SNIFF_BYTES: usize = 64 * 1024;
/// How many characters the control-character test reads: enough to tell
/// an image or archive (controls everywhere) from text, and a quarter of
/// [`SNIFF_BYTES`], since this test runs on every page.
const CONTROL_SNIFF_CHARS: usize = 16 * 1024;
/// Where a declared charset must appear (the HTML spec says 1024 bytes;
/// real pages put long `<head>`s first, so look further).
const DECLARATION_BYTES: usize = 8 * 1024;
/// Share of control characters above which input is binary. Text has none
/// beyond tab, line feed, carriage return and form feed; 2% tolerates a
/// damaged page while rejecting images and archives (~12% for random bytes).
const MAX_CONTROL_SHARE: f64 = 0.02;
/// Share of NUL bytes above which input is binary unless it is UTF-16.
const MAX_NUL_SHARE: f64 = 0.001;

static DECLARED_CHARSET: LazyLock<BytesRegex> = LazyLock::new(|| {
    #[allow(clippy::expect_used, reason = "constant pattern, exercised by tests")]
    BytesRegex::new(r#"(?i)(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_:.-]{2,40})"#).expect("valid regex")
});

static MARKUP_TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::compile(
        r"(?i)<(?:!doctype\s+html|html|head|body|meta|title|div|span|p|a|script|style|link|table|img|ul|li|h[1-6]|section|article|br)[\s>/]",
    )
});

/// Decodes `bytes` and decides which front end reads them.
#[cfg(any(test, feature = "training"))]
pub(crate) fn decode(bytes: &[u8], format: InputFormat) -> Result<Decoded<'_>> {
    decode_declared(bytes, format, None)
}

/// [`decode`], with the charset the page was served with (an HTTP
/// header's label), which outranks the page's own declaration.
pub(crate) fn decode_declared<'a>(
    bytes: &'a [u8],
    format: InputFormat,
    served: Option<&str>,
) -> Result<Decoded<'a>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    let text = to_utf8(bytes, served)?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(&text) {
        return Err(Error::Binary);
    }
    let format = match format {
        InputFormat::Text => Format::Text,
        InputFormat::Html => Format::Html,
        InputFormat::Auto => sniff(&text),
    };
    Ok(Decoded { text, format })
}

fn to_utf8<'a>(bytes: &'a [u8], served: Option<&str>) -> Result<Cow<'a, str>> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom..]));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Ok(decode_with(encoding, bytes));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let nuls = memchr::memchr_iter(0, head).count();
    if nuls as f64 > head.len() as f64 * MAX_NUL_SHARE {
        return Err(Error::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    if mostly_utf8(bytes) {
        return Ok(String::from_utf8_lossy(bytes));
    }
    let encoding = served
        .and_then(served_encoding)
        .or_else(|| declared_encoding(bytes))
        .unwrap_or_else(|| detect(bytes));
    Ok(decode_with(encoding, bytes))
}

/// True when a page that is not valid UTF-8 still has at least as many
/// valid multi-byte characters as broken sequences: a UTF-8 page damaged in
/// places, not a page in a legacy encoding (where valid multi-byte
/// sequences almost never occur by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    valid >= broken
}

fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> Cow<'a, str> {
    encoding.decode_without_bom_handling(bytes).0
}

/// UTF-16 without a BOM shows as NULs in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    // ASCII-heavy UTF-16: one byte of each pair is NUL most of the time,
    // the other almost never.
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd_nul) && rarely(even_nul) {
        Some(UTF_16LE)
    } else if mostly(even_nul) && rarely(odd_nul) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset a page declares in its first bytes, if encoding_rs knows it.
/// A declared UTF-16 is ignored: bytes that reach here are not UTF-16.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_BYTES)];
    let label = DECLARED_CHARSET.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    (encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding)
}

/// The encoding of a served charset label, if encoding_rs knows it; a
/// served UTF-16 is ignored for the same reason as a declared one.
fn served_encoding(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())?;
    (encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding)
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // UTF-8 is allowed: a mostly-UTF-8 page with a few broken bytes stays
    // UTF-8 rather than turning into mojibake.
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// True when decoded text is full of control codes: not a page.
fn looks_binary(text: &str) -> bool {
    let (mut total, mut control) = (0usize, 0usize);
    for c in text.chars().take(CONTROL_SNIFF_CHARS) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    control > 8 && control as f64 > total as f64 * MAX_CONTROL_SHARE
}

/// HTML when the text opens with markup or is dense with common tags.
fn sniff(text: &str) -> Format {
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_lowercase();
    if ["<!doctype html", "<html", "<?xml", "<head", "<body", "<!--", "<meta"]
        .iter()
        .any(|p| head.starts_with(p))
    {
        return Format::Html;
    }
    let window = &text[..floor_char_boundary(text, SNIFF_BYTES)];
    if MARKUP_TAG.find_iter(window).take(8).count() >= 8 { Format::Html } else { Format::Text }
}

/// The largest index ≤ `at` that is a char boundary of `text`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut i = at;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        match decode(bytes, InputFormat::Auto) {
            Ok(d) => d.text.into_owned(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn encodings() {
        for (name, bytes, want) in [
            ("utf-8", "Grüße".as_bytes().to_vec(), "Grüße"),
            ("utf-8 bom", b"\xef\xbb\xbfHi".to_vec(), "Hi"),
            ("utf-16le bom", b"\xff\xfeH\0i\0".to_vec(), "Hi"),
            ("utf-16be bom", b"\xfe\xff\0H\0i".to_vec(), "Hi"),
            ("utf-16le no bom", b"H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0".to_vec(), "Hello world"),
            (
                "latin-1 declared",
                b"<meta charset=\"iso-8859-1\"><p>Gr\xfc\xdfe</p>".to_vec(),
                "<meta charset=\"iso-8859-1\"><p>Grüße</p>",
            ),
            (
                "latin-1 detected",
                b"Die Stra\xdfe ist gr\xfcn und sch\xf6n, sagte der M\xfcller.".to_vec(),
                "Die Straße ist grün und schön, sagte der Müller.",
            ),
            ("empty", b"".to_vec(), "error: empty input"),
            ("blank", b" \n\t ".to_vec(), "error: empty input"),
            ("nul", vec![0u8; 100], "error: binary data, not a text or HTML page"),
        ] {
            assert_eq!(text_of(&bytes), want, "{name}");
        }
    }

    #[test]
    fn served_charset_outranks_the_declared_one() {
        let page = b"<meta charset=\"utf-8\"><p>Gr\xfc\xdfe aus M\xfcnchen</p>";
        let served = |label| match decode_declared(page, InputFormat::Auto, label) {
            Ok(d) => d.text.into_owned(),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(served(Some("iso-8859-1")), "<meta charset=\"utf-8\"><p>Grüße aus München</p>");
        assert_eq!(served(Some("\"windows-1252\"")), "<meta charset=\"utf-8\"><p>Grüße aus München</p>");
        assert!(served(None).contains('\u{fffd}'), "the page's own (wrong) declaration");
        assert!(served(Some("no-such-charset")).contains('\u{fffd}'), "an unknown label is ignored");
        // Valid UTF-8 stays UTF-8 whatever the header says.
        let utf8 = "<p>Grüße</p>".as_bytes();
        assert_eq!(
            decode_declared(utf8, InputFormat::Auto, Some("iso-8859-1"))
                .map(|d| d.text.into_owned())
                .ok()
                .as_deref(),
            Some("<p>Grüße</p>")
        );
    }

    #[test]
    fn windows_1251_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("Привет, как дела? Сегодня хорошая погода в Киеве.");
        assert_eq!(text_of(&bytes), "Привет, как дела? Сегодня хорошая погода в Киеве.");
    }

    #[test]
    fn random_binary_is_refused() {
        let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(matches!(decode(&bytes, InputFormat::Auto), Err(Error::Binary)));
    }

    #[test]
    fn invalid_utf8_inside_utf8_is_replaced() {
        let bytes = b"Caf\xc3\xa9 and \xff broken but still a page of text".to_vec();
        let text = text_of(&bytes);
        assert!(text.starts_with("Café and "), "{text}");
    }

    #[test]
    fn sniffs_format() {
        for (input, want) in [
            ("<!DOCTYPE html><html><p>x</p></html>", Format::Html),
            ("  <html lang=en>", Format::Html),
            ("Headline\n\nBody text with a <b> in it.", Format::Text),
            (
                "Title\n<div><p>a</p><p>b</p><span>c</span><a href=x>d</a><div><br><ul><li>e</li></ul></div></div>",
                Format::Html,
            ),
        ] {
            assert_eq!(sniff(input), want, "{input:?}");
        }
    }
}
