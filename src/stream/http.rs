//! The HTTP response inside a WARC `response` record: status line, header
//! fields, then the payload as it came over the wire.
//!
//! Only 2xx responses are pages; others are skipped as [`Skip::Status`].
//! The payload is HTML when the `Content-Type` says so, or when there is no
//! usable type (none, `application/octet-stream`, `text/plain`) and it
//! opens like HTML; any other type is skipped as [`Skip::NotHtml`]. A
//! chunked body is de-chunked and a `gzip`, `deflate` or `br`
//! `Content-Encoding` undone, each only when the body really is encoded:
//! crawlers (Common Crawl among them) often store the decoded payload and
//! keep the header. The decoded payload is held to the size limit. The
//! `charset` of the `Content-Type` goes with the page.
//!
//! This is a reader of stored responses, not an HTTP client: no
//! keep-alive, no trailers, no `Content-Length` checks.

use std::io::{self, Read};

use super::{Page, RecordError, Skip};
use crate::options::InputFormat;

/// How far into a payload the HTML sniffer looks.
const SNIFF_BYTES: usize = 1024;
/// Longest HTTP header we read (real ones are a few KiB).
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// What a response or resource block holds.
#[derive(Debug)]
pub(crate) enum Payload {
    /// An HTML page to clean.
    Page(Page),
    /// Something to leave out.
    Skip(Skip),
}

/// Reads an HTTP response block.
pub(crate) fn response(block: &[u8], limit: u64) -> Result<Payload, RecordError> {
    let (head, body) = split_head(block).ok_or(RecordError::HttpHeader)?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines.next().and_then(status_code).ok_or(RecordError::HttpHeader)?;
    let (mut content_type, mut transfer, mut encoding) = (None, String::new(), String::new());
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => transfer = value.to_ascii_lowercase(),
            "content-encoding" => encoding = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    if !(200..300).contains(&status) {
        return Ok(Payload::Skip(Skip::Status));
    }
    let kind = content_type.as_deref().map_or(Kind::Unknown, kind_of);
    if kind == Kind::Other {
        return Ok(Payload::Skip(Skip::NotHtml));
    }
    let mut body = body.to_vec();
    if transfer.contains("chunked") {
        if let Some(joined) = dechunk(&body, limit)? {
            body = joined;
        }
    }
    for coding in encoding.split(',').rev().map(str::trim) {
        body = decode(body, coding, limit)?;
    }
    if kind == Kind::Unknown && !looks_like_html(&body) {
        return Ok(Payload::Skip(Skip::NotHtml));
    }
    let charset = content_type.as_deref().and_then(charset_of);
    Ok(Payload::Page(Page { bytes: body, format: InputFormat::Html, charset }))
}

/// Reads a `resource` block, typed by the WARC record's `Content-Type`.
pub(crate) fn resource(block: Vec<u8>, content_type: Option<&str>) -> Payload {
    let kind = content_type.map_or(Kind::Unknown, kind_of);
    if kind == Kind::Other || (kind == Kind::Unknown && !looks_like_html(&block)) {
        return Payload::Skip(Skip::NotHtml);
    }
    let charset = content_type.and_then(charset_of);
    Payload::Page(Page { bytes: block, format: InputFormat::Html, charset })
}

/// The header and the body, split at the first blank line.
fn split_head(block: &[u8]) -> Option<(&[u8], &[u8])> {
    let window = &block[..block.len().min(MAX_HEADER_BYTES)];
    let crlf = memchr::memmem::find(window, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = memchr::memmem::find(window, b"\n\n").map(|at| (at, at + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&block[..end], &block[body..]))
}

/// `HTTP/1.1 200 OK` → 200.
fn status_code(line: &str) -> Option<u16> {
    let mut parts = line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    parts.next()?.parse().ok()
}

/// What a media type says about a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    /// No type, or one that says nothing: sniff.
    Unknown,
    Other,
}

fn kind_of(content_type: &str) -> Kind {
    let media = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match media.as_str() {
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "" | "application/octet-stream" | "text/plain" | "unknown/unknown" | "application/unknown" => {
            Kind::Unknown
        }
        _ => Kind::Other,
    }
}

/// `text/html; charset="ISO-8859-1"` → `ISO-8859-1`.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty()).then(|| value.to_string())
    })
}

/// True when a payload opens with markup that only HTML has.
fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(SNIFF_BYTES)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"].iter().any(|tag| head.starts_with(tag))
        || head.contains("<html")
}

/// Joins a chunked body; `None` when it is not chunked after all.
fn dechunk(body: &[u8], limit: u64) -> Result<Option<Vec<u8>>, RecordError> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let Some(eol) = memchr::memchr(b'\n', rest) else { return Ok(None) };
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else { return Ok(None) };
        rest = &rest[eol + 1..];
        if size == 0 {
            return Ok(Some(out));
        }
        if size > rest.len() {
            // The last chunk cut short: keep what is there.
            out.extend_from_slice(rest);
            return Ok(Some(out));
        }
        if (out.len() + size) as u64 > limit {
            return Err(RecordError::TooLarge { limit });
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
}

/// Undoes one content coding; more than `limit` bytes decoded is
/// [`RecordError::TooLarge`].
fn decode(body: Vec<u8>, coding: &str, limit: u64) -> Result<Vec<u8>, RecordError> {
    let decoded = decode_uncapped(body, coding, limit)?;
    if decoded.len() as u64 > limit {
        return Err(RecordError::TooLarge { limit });
    }
    Ok(decoded)
}

fn decode_uncapped(body: Vec<u8>, coding: &str, limit: u64) -> Result<Vec<u8>, RecordError> {
    let failed = |source| RecordError::ContentEncoding { encoding: coding.to_string(), source };
    match coding {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if !body.starts_with(&[0x1f, 0x8b]) {
                return Ok(body);
            }
            read_capped(flate2::read::MultiGzDecoder::new(&body[..]), limit).map_err(|e| failed(Some(e)))
        }
        "deflate" => {
            // Servers send zlib-wrapped or raw deflate under this name.
            if body.first().is_some_and(|b| b & 0x0f == 8) {
                if let Ok(out) = read_capped(flate2::read::ZlibDecoder::new(&body[..]), limit) {
                    return Ok(out);
                }
            }
            match read_capped(flate2::read::DeflateDecoder::new(&body[..]), limit) {
                Ok(out) => Ok(out),
                Err(_) if looks_like_html(&body) => Ok(body),
                Err(err) => Err(failed(Some(err))),
            }
        }
        "br" => match read_capped(brotli_decompressor::Decompressor::new(&body[..], 4096), limit) {
            Ok(out) => Ok(out),
            Err(_) if looks_like_html(&body) => Ok(body),
            Err(err) => Err(failed(Some(err))),
        },
        _ => Err(failed(None)),
    }
}

/// Reads a decoder to its end, or to one byte past `limit` (a gzip bomb
/// stops there).
fn read_capped(decoder: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    decoder.take(limit.saturating_add(1)).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const HTML: &str = "<!doctype html><html><body><p>Grüße</p></body></html>";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(bytes).ok();
        gz.finish().unwrap_or_default()
    }

    fn chunked(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in bytes.chunks(7) {
            out.extend(format!("{:x};ext=1\r\n", chunk.len()).bytes());
            out.extend_from_slice(chunk);
            out.extend(b"\r\n");
        }
        out.extend(b"0\r\nTrailer: x\r\n\r\n");
        out
    }

    /// WBITS=16 (one 0 bit), then one uncompressed meta-block of `data`
    /// (ISLAST=0, MNIBBLES=4, MLEN-1, ISUNCOMPRESSED=1, byte-aligned
    /// data), then an empty last meta-block (ISLAST=1, ISLASTEMPTY=1).
    fn uncompressed_brotli(data: &[u8]) -> Vec<u8> {
        let mut bits: Vec<bool> = Vec::new();
        let push = |value: u32, n: u32, bits: &mut Vec<bool>| {
            for i in 0..n {
                bits.push((value >> i) & 1 == 1);
            }
        };
        push(0, 1, &mut bits); // WBITS = 16
        push(0, 1, &mut bits); // ISLAST = 0
        push(0, 2, &mut bits); // MNIBBLES = 4
        push(data.len() as u32 - 1, 16, &mut bits); // MLEN - 1
        push(1, 1, &mut bits); // ISUNCOMPRESSED
        let mut out = Vec::new();
        for byte in bits.chunks(8) {
            out.push(byte.iter().enumerate().fold(0u8, |acc, (i, &b)| acc | (u8::from(b) << i)));
        }
        out.extend_from_slice(data);
        out.push(0b11); // ISLAST = 1, ISLASTEMPTY = 1
        out
    }

    fn response_of(headers: &str, body: &[u8]) -> Result<Payload, RecordError> {
        let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        block.extend_from_slice(body);
        response(&block, 1 << 20)
    }

    /// The payload in a few words.
    fn summary(payload: Result<Payload, RecordError>) -> String {
        match payload {
            Ok(Payload::Page(page)) => {
                format!("{} {:?}", String::from_utf8_lossy(&page.bytes), page.charset)
            }
            Ok(Payload::Skip(skip)) => format!("skip {skip:?}"),
            Err(err) => format!("error: {err}"),
        }
    }

    #[test]
    fn bodies() {
        let page = format!("{HTML} None");
        for (name, headers, body, want) in [
            ("plain", "Content-Type: text/html\r\n", HTML.as_bytes().to_vec(), page.clone()),
            (
                "gzip",
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                gzip(HTML.as_bytes()),
                page.clone(),
            ),
            ("gzip already undone", "Content-Encoding: gzip\r\n", HTML.as_bytes().to_vec(), page.clone()),
            (
                "chunked gzip",
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n",
                chunked(&gzip(HTML.as_bytes())),
                page.clone(),
            ),
            ("chunked", "Transfer-Encoding: chunked\r\n", chunked(HTML.as_bytes()), page.clone()),
            (
                "chunked already undone",
                "Transfer-Encoding: chunked\r\n",
                HTML.as_bytes().to_vec(),
                page.clone(),
            ),
            (
                "brotli",
                "Content-Type: text/html\r\nContent-Encoding: br\r\n",
                uncompressed_brotli(HTML.as_bytes()),
                page.clone(),
            ),
            ("deflate (zlib)", "Content-Encoding: deflate\r\n", zlib(HTML.as_bytes()), page.clone()),
            ("deflate (raw)", "Content-Encoding: deflate\r\n", raw_deflate(HTML.as_bytes()), page.clone()),
            (
                "charset",
                "Content-Type: text/html; Charset=\"ISO-8859-1\"\r\n",
                b"<p>x".to_vec(),
                "<p>x Some(\"ISO-8859-1\")".to_string(),
            ),
            ("image", "Content-Type: image/jpeg\r\n", b"\xff\xd8\xff".to_vec(), "skip NotHtml".to_string()),
            ("untyped, not html", "", b"{\"json\": 1}".to_vec(), "skip NotHtml".to_string()),
            ("untyped html", "", HTML.as_bytes().to_vec(), page.clone()),
            (
                "unknown coding",
                "Content-Type: text/html\r\nContent-Encoding: zstd\r\n",
                b"\x28\xb5\x2f\xfd".to_vec(),
                "error: cannot decode the `zstd` content encoding".to_string(),
            ),
            (
                "broken gzip",
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                b"\x1f\x8b\x08\x00garbage".to_vec(),
                "error: cannot decode the `gzip` content encoding".to_string(),
            ),
        ] {
            assert_eq!(summary(response_of(headers, &body)), want, "{name}");
        }
    }

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(bytes).ok();
        z.finish().unwrap_or_default()
    }

    fn raw_deflate(bytes: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(bytes).ok();
        z.finish().unwrap_or_default()
    }

    #[test]
    fn statuses_and_headers() {
        for (name, block, want) in [
            ("redirect", &b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n<html>moved"[..], "skip Status"),
            (
                "no status line",
                b"Content-Type: text/html\r\n\r\n<html>",
                "error: malformed HTTP response header",
            ),
            (
                "no blank line",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html",
                "error: malformed HTTP response header",
            ),
            ("bare LF", b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>x", "<p>x None"),
        ] {
            assert_eq!(summary(response(block, 1000)), want, "{name}");
        }
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_limit() {
        let bomb = gzip(&vec![b'a'; 100_000]);
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(bomb);
        assert!(matches!(response(&block, 10_000), Err(RecordError::TooLarge { limit: 10_000 })));
    }
}
