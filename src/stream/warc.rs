//! WARC 1.0 and 1.1 records (ISO 28500), read one at a time from an
//! uncompressed stream (gzip is undone before this reader, see
//! [`super::Records::new`]).
//!
//! A record is a version line, header fields, a blank line, then
//! `Content-Length` bytes of block. `response` records hold an HTTP
//! response ([`super::http`] reads it); `resource` records hold the page
//! itself, typed by the record's own `Content-Type`. Every other type
//! (`request`, `metadata`, `warcinfo`, `revisit`, `conversion`, …) is
//! skipped without being held in memory, and so is a block over the size
//! limit. `WARC-Target-URI` becomes the url, `WARC-Record-ID` the id and
//! `WARC-Date` the fetch time.
//!
//! The reader does not check digests or segment continuations, and it does
//! not read ARC files. After a record whose header cannot be read it looks
//! for the next line that opens a record and goes on from there; a block
//! cut short by the end of the input ends the stream.

use std::io::{self, BufRead, Read};

use super::http::{self, Payload};
use super::{Item, Line, Record, RecordError, RecordId, Skip, read_line_capped};

/// Longest header line we read (real ones are under 2 KiB).
const MAX_HEADER_LINE: u64 = 64 * 1024;
/// Most header fields in one record (real ones have about 10).
const MAX_HEADER_FIELDS: usize = 256;

/// Reads WARC records from a buffered, uncompressed input.
pub(crate) struct Reader<R> {
    input: R,
    limit: u64,
    line: Vec<u8>,
    done: bool,
    /// A header read past junk, kept for the next call once the junk has
    /// been reported.
    pending: Option<(Header, bool)>,
    /// Set after a record without a usable length: its block is skipped
    /// line by line up to the next record, and is not reported again.
    resync: bool,
}

/// A record's header fields, names lower-cased.
struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What was found where a record should start.
enum Start {
    /// A header; whether junk had to be skipped to reach it; whether a
    /// field line in it was not a field.
    Header(Header, bool, bool),
    /// Junk up to the end of the input.
    Junk,
    /// The end of the input.
    End,
}

impl<R: BufRead> Reader<R> {
    pub(crate) fn new(input: R, limit: u64) -> Self {
        Reader { input, limit, line: Vec::new(), done: false, pending: None, resync: false }
    }

    /// Reads up to and including the blank line after a record's header.
    fn header(&mut self) -> io::Result<Start> {
        let mut junk = false;
        loop {
            match read_line_capped(&mut self.input, &mut self.line, MAX_HEADER_LINE)? {
                Line::End => return Ok(if junk { Start::Junk } else { Start::End }),
                Line::Whole if self.line.starts_with(b"WARC/") => break,
                Line::Whole if self.line.iter().all(u8::is_ascii_whitespace) => {}
                Line::Whole | Line::TooLong => junk = true,
            }
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut bad_field = false;
        loop {
            match read_line_capped(&mut self.input, &mut self.line, MAX_HEADER_LINE)? {
                Line::End => return Err(io::ErrorKind::UnexpectedEof.into()),
                Line::TooLong => bad_field = true,
                Line::Whole if self.line.is_empty() => break,
                Line::Whole => {
                    let text = String::from_utf8_lossy(&self.line);
                    if text.starts_with([' ', '\t']) {
                        // A continuation line (allowed by the grammar, rare).
                        if let Some((_, value)) = fields.last_mut() {
                            value.push(' ');
                            value.push_str(text.trim());
                        }
                    } else if let Some((name, value)) = text.split_once(':') {
                        if fields.len() < MAX_HEADER_FIELDS {
                            fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
                        }
                    } else {
                        bad_field = true;
                    }
                }
            }
        }
        Ok(Start::Header(Header { fields }, junk, bad_field))
    }

    /// Reads the next record, or `None` at the end of the input.
    fn record(&mut self) -> Option<Item> {
        let start = match self.pending.take() {
            Some((header, bad_field)) => Ok(Start::Header(header, false, bad_field)),
            None => self.header(),
        };
        let start = match start {
            // The block of a record already reported is not junk.
            Ok(Start::Header(header, _, bad_field)) if self.resync => {
                Ok(Start::Header(header, false, bad_field))
            }
            Ok(Start::Junk) if self.resync => Ok(Start::End),
            other => other,
        };
        self.resync = false;
        let (header, bad_field) = match start {
            Ok(Start::Header(header, true, bad_field)) => {
                // Report the junk in its place; the record comes next.
                self.pending = Some((header, bad_field));
                return Some(Item::Record(Record::failed(None, None, RecordError::WarcHeader)));
            }
            Ok(Start::Header(header, false, bad_field)) => (header, bad_field),
            Ok(Start::End) => return None,
            Ok(Start::Junk) => return Some(self.fail(None, None, RecordError::WarcHeader)),
            Err(err) => return Some(self.fail(None, None, RecordError::from_io(err))),
        };
        let id = header.get("warc-record-id").map(|id| RecordId::Text(id.to_string()));
        let url = header
            .get("warc-target-uri")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
        let Some(length) = header.get("content-length").and_then(|n| n.parse::<u64>().ok()) else {
            // Without a length the block cannot be found: look for the next record.
            self.resync = true;
            return Some(Item::Record(Record::failed(id, url, RecordError::WarcHeader)));
        };
        let kind = header.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response" || kind == "resource";
        if !wanted || length > self.limit {
            if let Err(err) = self.skip(length) {
                return Some(self.fail(id, url, err));
            }
            if !wanted {
                return Some(Item::Skipped(Skip::RecordType));
            }
            return Some(Item::Record(Record::failed(id, url, RecordError::TooLarge { limit: self.limit })));
        }
        let mut block = Vec::new();
        match (&mut self.input).take(length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => return Some(self.fail(id, url, RecordError::Truncated)),
            Err(err) => return Some(self.fail(id, url, RecordError::from_io(err))),
        }
        if bad_field {
            return Some(Item::Record(Record::failed(id, url, RecordError::WarcHeader)));
        }
        let payload = if kind == "response" {
            http::response(&block, self.limit)
        } else {
            Ok(http::resource(block, header.get("content-type")))
        };
        let page = match payload {
            Ok(Payload::Page(page)) => Ok(page),
            Ok(Payload::Skip(skip)) => return Some(Item::Skipped(skip)),
            Err(err) => Err(err),
        };
        let fetched_at = header.get("warc-date").map(str::to_string);
        Some(Item::Record(Record { id, url, fetched_at, page }))
    }

    /// Reads past `length` bytes without keeping them.
    fn skip(&mut self, length: u64) -> Result<(), RecordError> {
        match io::copy(&mut (&mut self.input).take(length), &mut io::sink()) {
            Ok(n) if n == length => Ok(()),
            Ok(_) => Err(RecordError::Truncated),
            Err(err) => Err(RecordError::from_io(err)),
        }
    }

    /// A failure after which the stream cannot go on.
    fn fail(&mut self, id: Option<RecordId>, url: Option<String>, error: RecordError) -> Item {
        self.done = true;
        Item::Record(Record::failed(id, url, error))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        let item = self.record();
        if item.is_none() {
            self.done = true;
        }
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, headers: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\n\
             WARC-Target-URI: https://example.org/{kind}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n{headers}\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// Each item in a few words.
    fn read(input: &[u8], limit: u64) -> Vec<String> {
        Reader::new(input, limit)
            .map(|item| match item {
                Item::Skipped(skip) => format!("skip {skip:?}"),
                Item::Record(r) => {
                    let id = match &r.id {
                        Some(RecordId::Text(s)) => s.clone(),
                        _ => "-".to_string(),
                    };
                    match &r.page {
                        Ok(page) => format!("{id} {}", String::from_utf8_lossy(&page.bytes)),
                        Err(err) => format!("{id} error: {err}"),
                    }
                }
            })
            .collect()
    }

    const PAGE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>hi</p></html>";

    #[test]
    fn records_by_type() {
        let mut input = record("warcinfo", "", b"software: test\r\n");
        input.extend(record("request", "", b"GET / HTTP/1.1\r\n\r\n"));
        input.extend(record("response", "Content-Type: application/http; msgtype=response\r\n", PAGE));
        input.extend(record("metadata", "", b"fetchTimeMs: 5\r\n"));
        input.extend(record("resource", "Content-Type: text/html\r\n", b"<p>resource</p>"));
        input.extend(record("resource", "Content-Type: image/png\r\n", b"\x89PNG"));
        assert_eq!(
            read(&input, 1000),
            [
                "skip RecordType",
                "skip RecordType",
                "<urn:uuid:response> <html><p>hi</p></html>",
                "skip RecordType",
                "<urn:uuid:resource> <p>resource</p>",
                "skip NotHtml"
            ]
        );
    }

    #[test]
    fn url_date_and_id() {
        let input = record("response", "", PAGE);
        let items: Vec<Item> = Reader::new(&input[..], 1000).collect();
        let Some(Item::Record(r)) = items.first() else { unreachable!("one record: {items:?}") };
        assert_eq!(r.url.as_deref(), Some("https://example.org/response"));
        assert_eq!(r.fetched_at.as_deref(), Some("2024-03-01T12:00:00Z"));
    }

    #[test]
    fn a_large_record_is_skipped_and_the_next_read() {
        let mut input = record("response", "", &[b'x'; 5000]);
        input.extend(record("resource", "Content-Type: text/html\r\n", b"<p>small</p>"));
        assert_eq!(
            read(&input, 1000),
            [
                "<urn:uuid:response> error: record is larger than the limit of 1000 bytes",
                "<urn:uuid:resource> <p>small</p>"
            ]
        );
    }

    #[test]
    fn a_truncated_last_record_ends_the_stream() {
        let mut input = record("resource", "Content-Type: text/html\r\n", b"<p>one</p>");
        let second = record("response", "", PAGE);
        input.extend_from_slice(&second[..second.len() - 20]);
        assert_eq!(
            read(&input, 1000),
            [
                "<urn:uuid:resource> <p>one</p>",
                "<urn:uuid:response> error: truncated record: the input ends inside it"
            ]
        );
        let header_only = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Len";
        assert_eq!(read(header_only, 1000), ["- error: truncated record: the input ends inside it"]);
    }

    #[test]
    fn junk_between_records_is_reported_once() {
        let mut input = b"garbage\r\nmore\r\n".to_vec();
        input.extend(record("resource", "Content-Type: text/html\r\n", b"<p>one</p>"));
        input.extend(
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>its block</p>\r\n\r\n",
        );
        input.extend(record("resource", "Content-Type: text/html\r\n", b"<p>two</p>"));
        input
            .extend(b"WARC/1.0\r\nWARC-Type: resource\r\nnot a field\r\nContent-Length: 2\r\n\r\nab\r\n\r\n");
        input.extend(b"trailing junk\r\n");
        assert_eq!(
            read(&input, 1000),
            [
                "- error: malformed WARC record header",
                "<urn:uuid:resource> <p>one</p>",
                "- error: malformed WARC record header",
                "<urn:uuid:resource> <p>two</p>",
                "- error: malformed WARC record header",
                "- error: malformed WARC record header",
            ]
        );
    }
}
