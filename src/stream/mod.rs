//! Records in, records out: cleaning streams of crawled pages.
//!
//! A stream is JSON Lines (one `{"id", "url", "html" | "text",
//! "fetched_at"}` object a line) or WARC 1.0/1.1 (plain, gzipped per record
//! as Common Crawl ships it, or gzipped whole). [`Records`] reads one
//! sequentially, without holding more than one record in memory, and
//! yields an [`Item`] per record: a [`Record`] to clean, or a record
//! skipped for its kind (WARC requests, metadata, non-HTML responses).
//! [`clean_record`] cleans one record into an [`Outcome`], which
//! [`Outcome::to_json_line`] writes as one JSON Lines record: the article
//! plus `id` and `url`, or `id`, `url` and `error`.
//!
//! Reading and cleaning are separate so that callers choose their own
//! parallelism: read on one thread, clean a window of records on many,
//! write in input order (the `scrape-clean stream` command does exactly
//! that). A record that cannot be read (bad JSON, a truncated WARC record,
//! one over the size limit) is still an item, with its error in
//! [`Record::page`], so it keeps its place in the output.
//!
//! This module does not fetch anything, follow redirects or read ARC or
//! WET files, and it never prints.
//!
//! ```
//! use scrape_clean::Options;
//! use scrape_clean::stream::{Item, Records, clean_record};
//!
//! let input = concat!(
//!     r#"{"id": 1, "url": "https://example.org/a", "text": "City opens a new library\n\nBy Jane Doe\n\n"#,
//!     r#"The city opened its new central library on Monday, after four years of work.\n\n"#,
//!     r#"Officials said it would hold more than a million books when it is full.\n"}"#,
//!     "\n",
//!     "{\"id\": \"b\", \"url\": null}\n",
//! );
//! let options = Options::default();
//! let mut lines = Vec::new();
//! for item in Records::new(input.as_bytes(), None, options.byte_limit())? {
//!     if let Item::Record(record) = item {
//!         lines.push(clean_record(record, &options).to_json_line());
//!     }
//! }
//! assert!(lines[0].starts_with(r#"{"id":1,"url":"https://example.org/a","headline":"City opens a new library""#));
//! assert_eq!(lines[1], r#"{"id":"b","url":null,"error":"no `html` or `text` field"}"#);
//! # Ok::<(), std::io::Error>(())
//! ```

mod http;
mod jsonl;
mod warc;

use std::io::{self, BufRead, BufReader, Read};

use jiff::civil::DateTime;
use serde::Serialize;

use crate::model::Article;
use crate::options::{InputFormat, Options};

/// How many bytes [`Records::new`] reads to tell the kind of a stream.
const SNIFF_BYTES: usize = 512;
/// Read buffer for streams: large enough that a WARC header or a short
/// JSON line is one read.
const BUFFER_BYTES: usize = 64 * 1024;

/// The two kinds of record stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputKind {
    /// JSON Lines: one object a line.
    Jsonl,
    /// WARC 1.0 or 1.1, plain or gzipped.
    Warc,
}

/// A record's id as the input gave it: JSON Lines allow a string or a
/// number; a WARC record's id is its `WARC-Record-ID`, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum RecordId {
    /// A string id.
    Text(String),
    /// A numeric id, kept exactly as written.
    Number(serde_json::Number),
}

/// The page a record holds, ready for [`crate::clean`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The page's bytes, in any encoding.
    pub bytes: Vec<u8>,
    /// [`InputFormat::Html`] or [`InputFormat::Text`].
    pub format: InputFormat,
    /// The charset it was served with (an HTTP `Content-Type`'s), if any.
    pub charset: Option<String>,
}

/// One record of a stream.
#[derive(Debug)]
#[non_exhaustive]
pub struct Record {
    /// The record's id, if it has one.
    pub id: Option<RecordId>,
    /// The page's address, if known.
    pub url: Option<String>,
    /// When the page was fetched, as written (ISO 8601): the reference
    /// time for relative dates.
    pub fetched_at: Option<String>,
    /// The page, or why the record could not be read.
    pub page: Result<Page, RecordError>,
}

impl Record {
    /// A record holding raw HTML.
    pub fn html(bytes: impl Into<Vec<u8>>) -> Self {
        Self::of(Page { bytes: bytes.into(), format: InputFormat::Html, charset: None })
    }

    /// A record holding a plain-text dump of a page.
    pub fn text(bytes: impl Into<Vec<u8>>) -> Self {
        Self::of(Page { bytes: bytes.into(), format: InputFormat::Text, charset: None })
    }

    /// Sets the record's id.
    pub fn with_id(mut self, id: RecordId) -> Self {
        self.id = Some(id);
        self
    }

    /// Sets the page's address.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the fetch time (ISO 8601, e.g. `2024-03-01T12:00:00Z`).
    pub fn with_fetched_at(mut self, time: impl Into<String>) -> Self {
        self.fetched_at = Some(time.into());
        self
    }

    /// Sets the charset the page was served with (see
    /// [`Options::declared_charset`]).
    pub fn with_charset(mut self, label: impl Into<String>) -> Self {
        if let Ok(page) = &mut self.page {
            page.charset = Some(label.into());
        }
        self
    }

    fn of(page: Page) -> Self {
        Record { id: None, url: None, fetched_at: None, page: Ok(page) }
    }

    fn failed(id: Option<RecordId>, url: Option<String>, error: RecordError) -> Self {
        Record { id, url, fetched_at: None, page: Err(error) }
    }
}

/// What a stream yields for each record.
#[derive(Debug)]
#[non_exhaustive]
pub enum Item {
    /// A record to clean (or that failed to read, with its error inside).
    Record(Record),
    /// A record left out for its kind; it gets no output line.
    Skipped(Skip),
}

/// Why a record was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Skip {
    /// A WARC record of a type other than `response` or `resource`
    /// (`request`, `metadata`, `warcinfo`, `revisit`, …).
    RecordType,
    /// A response whose payload is not HTML (an image, a PDF, a script).
    NotHtml,
    /// An HTTP response with a status other than 2xx (a redirect, an error
    /// page): not the page that was asked for.
    Status,
}

/// Why one record could not be cleaned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// A JSON Lines line that is not JSON.
    #[error("bad JSON")]
    Json(#[source] serde_json::Error),
    /// A JSON Lines line that is JSON but not an object.
    #[error("not a JSON object")]
    NotObject,
    /// A field of the wrong type (`"id": [1]`).
    #[error("`{field}` must be {expected}")]
    Field {
        /// The field's name.
        field: &'static str,
        /// What it should have been.
        expected: &'static str,
    },
    /// A JSON Lines record with neither `html` nor `text`.
    #[error("no `html` or `text` field")]
    NoPage,
    /// The record is larger than the limit; it was skipped unread.
    #[error("record is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The input ends inside the record.
    #[error("truncated record: the input ends inside it")]
    Truncated,
    /// A WARC record header that cannot be read (no `Content-Length`, or
    /// bytes that are not a header where one should start).
    #[error("malformed WARC record header")]
    WarcHeader,
    /// A WARC response whose HTTP header cannot be read.
    #[error("malformed HTTP response header")]
    HttpHeader,
    /// An HTTP body whose `Content-Encoding` is unknown or damaged.
    #[error("cannot decode the `{encoding}` content encoding")]
    ContentEncoding {
        /// The encoding as the header names it.
        encoding: String,
        /// The decoder's error, when there is one.
        #[source]
        source: Option<io::Error>,
    },
    /// Reading the stream failed.
    #[error("cannot read the input")]
    Read(#[source] io::Error),
    /// The page was read but could not be cleaned.
    #[error(transparent)]
    Clean(#[from] crate::Error),
}

impl RecordError {
    /// An I/O error met while reading a record: a stream that ends early
    /// (as a damaged gzip member does) is a truncated record.
    fn from_io(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::UnexpectedEof {
            RecordError::Truncated
        } else {
            RecordError::Read(err)
        }
    }
}

/// The error and its causes, one line: `bad JSON: expected value at line 1 column 1`.
fn error_text(error: &RecordError) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A cleaned record, or why it failed.
#[derive(Debug)]
#[non_exhaustive]
pub struct Outcome {
    /// The record's id, unchanged.
    pub id: Option<RecordId>,
    /// The record's address, unchanged.
    pub url: Option<String>,
    /// The article, or the error.
    pub result: Result<Article, RecordError>,
}

#[derive(Serialize)]
struct Cleaned<'a> {
    id: &'a Option<RecordId>,
    url: &'a Option<String>,
    #[serde(flatten)]
    article: &'a Article,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Option<RecordId>,
    url: &'a Option<String>,
    error: String,
}

impl Outcome {
    /// The outcome as one JSON Lines record, without the newline: `id`
    /// and `url` (null when absent), then the article's fields as
    /// [`crate::to_json`] writes them, or `error` with the reason.
    pub fn to_json_line(&self) -> String {
        let (id, url) = (&self.id, &self.url);
        let line = match &self.result {
            Ok(article) => serde_json::to_string(&Cleaned { id, url, article }),
            Err(error) => serde_json::to_string(&Failed { id, url, error: error_text(error) }),
        };
        // Serialising these types cannot fail (string keys only).
        line.unwrap_or_else(|_| r#"{"id":null,"url":null,"error":"cannot serialise the record"}"#.to_string())
    }
}

/// Cleans one record with `options`, taking from the record its format,
/// its served charset and its fetch time (which replaces
/// [`Options::now`] when it parses as ISO 8601).
pub fn clean_record(record: Record, options: &Options) -> Outcome {
    let Record { id, url, fetched_at, page } = record;
    let result = page.and_then(|page| {
        let mut options = options.clone().format(page.format);
        if let Some(charset) = page.charset {
            options = options.declared_charset(charset);
        }
        if let Some(now) = fetched_at.as_deref().and_then(parse_time) {
            options = options.now(now);
        }
        Ok(crate::clean(&page.bytes, &options)?)
    });
    Outcome { id, url, result }
}

/// An ISO 8601 time as the reference clock: a local time as written; an
/// instant in UTC (`…Z`, as WARC dates are) as UTC clock time; a bare date
/// as its midnight.
fn parse_time(text: &str) -> Option<DateTime> {
    let text = text.trim();
    if let Ok(instant) = text.parse::<jiff::Timestamp>() {
        // An offset other than Z: the page's clock read that time.
        if let Ok(local) = text.parse::<DateTime>() {
            return Some(local);
        }
        return Some(jiff::tz::Offset::UTC.to_datetime(instant));
    }
    text.parse::<DateTime>().ok().or_else(|| {
        text.parse::<jiff::civil::Date>().ok().map(|d| d.to_datetime(jiff::civil::Time::midnight()))
    })
}

/// A stream of records read from bytes: JSON Lines or WARC, told apart by
/// their first bytes unless a kind is given.
pub struct Records<'a> {
    kind: InputKind,
    reader: Reader<'a>,
}

enum Reader<'a> {
    Jsonl(jsonl::Reader<Box<dyn BufRead + 'a>>),
    Warc(warc::Reader<Box<dyn BufRead + 'a>>),
    /// A stream that could not be started: its one error, then nothing.
    Failed(Option<RecordError>),
}

impl std::fmt::Debug for Records<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records").field("kind", &self.kind).finish_non_exhaustive()
    }
}

impl<'a> Records<'a> {
    /// Starts reading `input`. A gzipped stream (whole, or one gzip member
    /// a record) is decompressed on the fly; then `kind`, or when it is
    /// `None` the first bytes (`WARC/` or not), decide how it is read.
    /// Records larger than `max_bytes` are skipped unread, each with a
    /// [`RecordError::TooLarge`]. Only the first bytes are read here; the
    /// error is that of reading them (a gzip stream that does not decode
    /// is instead one failed record).
    pub fn new(input: impl Read + 'a, kind: Option<InputKind>, max_bytes: u64) -> io::Result<Self> {
        let (head, input) = sniff(Box::new(input))?;
        let (head, input) = if head.starts_with(&[0x1f, 0x8b]) {
            match sniff(Box::new(flate2::read::MultiGzDecoder::new(input))) {
                Ok(sniffed) => sniffed,
                Err(err) => {
                    // A damaged gzip head: one failed record, in place of the stream.
                    let kind = kind.unwrap_or(InputKind::Warc);
                    return Ok(Records { kind, reader: Reader::Failed(Some(RecordError::from_io(err))) });
                }
            }
        } else {
            (head, input)
        };
        let input: Box<dyn BufRead + 'a> = Box::new(BufReader::with_capacity(BUFFER_BYTES, input));
        let kind = kind.unwrap_or_else(|| {
            let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
            if head[start..].starts_with(b"WARC/") { InputKind::Warc } else { InputKind::Jsonl }
        });
        let reader = match kind {
            InputKind::Jsonl => Reader::Jsonl(jsonl::Reader::new(input, max_bytes)),
            InputKind::Warc => Reader::Warc(warc::Reader::new(input, max_bytes)),
        };
        Ok(Records { kind, reader })
    }

    /// The kind of stream being read.
    pub fn kind(&self) -> InputKind {
        self.kind
    }
}

impl Iterator for Records<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        match &mut self.reader {
            Reader::Jsonl(reader) => reader.next(),
            Reader::Warc(reader) => reader.next(),
            Reader::Failed(error) => error.take().map(|e| Item::Record(Record::failed(None, None, e))),
        }
    }
}

/// Reads the first bytes of `input` and gives them back with a reader
/// that yields them again, then the rest.
fn sniff<'a>(mut input: Box<dyn Read + 'a>) -> io::Result<(Vec<u8>, Box<dyn Read + 'a>)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut input).take(SNIFF_BYTES as u64).read_to_end(&mut head)?;
    let again = io::Cursor::new(head.clone());
    Ok((head, Box::new(again.chain(input))))
}

/// How a capped line read ended.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// A whole line is in the buffer (without its `\n` or `\r\n`).
    Whole,
    /// The line was longer than the cap; its bytes were read and dropped.
    TooLong,
    /// The input ended before any byte.
    End,
}

/// Reads one line into `line`, keeping at most `cap` bytes of it: a longer
/// line is read to its end and dropped, never held whole.
fn read_line_capped(input: &mut impl BufRead, line: &mut Vec<u8>, cap: u64) -> io::Result<Line> {
    line.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            break;
        }
        any = true;
        let (part, used, ends) = match memchr::memchr(b'\n', buffer) {
            Some(at) => (&buffer[..at], at + 1, true),
            None => (buffer, buffer.len(), false),
        };
        if !too_long {
            if (line.len() + part.len()) as u64 > cap {
                too_long = true;
                line.clear();
            } else {
                line.extend_from_slice(part);
            }
        }
        input.consume(used);
        if ends {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Whole,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &[u8]) -> Vec<Item> {
        match Records::new(input, None, 1 << 20) {
            Ok(records) => records.collect(),
            Err(err) => vec![Item::Record(Record::failed(None, None, RecordError::Read(err)))],
        }
    }

    #[test]
    fn kinds_are_told_from_the_first_bytes() {
        for (name, input, want) in [
            ("json", &b"{\"html\": \"x\"}\n"[..], InputKind::Jsonl),
            ("warc", b"WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n", InputKind::Warc),
            ("warc after blank lines", b"\r\n\nWARC/1.1\r\n", InputKind::Warc),
            ("empty", b"", InputKind::Jsonl),
        ] {
            let kind = Records::new(input, None, 100).map(|r| r.kind()).ok();
            assert_eq!(kind, Some(want), "{name}");
        }
    }

    #[test]
    fn gzip_is_decompressed_before_sniffing() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nab\r\n\r\n").ok();
        let bytes = gz.finish().unwrap_or_default();
        let records = Records::new(&bytes[..], None, 100).ok();
        assert_eq!(records.as_ref().map(Records::kind), Some(InputKind::Warc));
        let items: Vec<Item> = records.into_iter().flatten().collect();
        assert!(matches!(items[..], [Item::Skipped(Skip::RecordType)]), "{items:?}");
    }

    #[test]
    fn a_damaged_gzip_head_is_one_failed_record() {
        // A whole gzip header, then a deflate block of the reserved type 3.
        let got = items(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff");
        assert!(matches!(got[..], [Item::Record(Record { page: Err(RecordError::Read(_)), .. })]), "{got:?}");
        let got = items(b"\x1f\x8b\x08");
        assert!(
            matches!(got[..], [Item::Record(Record { page: Err(RecordError::Truncated), .. })]),
            "{got:?}"
        );
    }

    #[test]
    fn capped_lines() {
        let mut input = &b"short\r\nthis line is too long\nlast"[..];
        let mut line = Vec::new();
        let mut seen = Vec::new();
        loop {
            match read_line_capped(&mut input, &mut line, 10) {
                Ok(Line::End) | Err(_) => break,
                Ok(kind) => seen.push((kind, String::from_utf8_lossy(&line).into_owned())),
            }
        }
        assert_eq!(
            seen,
            [
                (Line::Whole, "short".to_string()),
                (Line::TooLong, String::new()),
                (Line::Whole, "last".to_string())
            ]
        );
    }

    #[test]
    fn reference_times() {
        let at = |y, mo, d, h, mi| jiff::civil::date(y, mo, d).at(h, mi, 0, 0);
        for (text, want) in [
            ("2024-03-01T12:30:00Z", Some(at(2024, 3, 1, 12, 30))),
            ("2024-03-01T12:30:00+02:00", Some(at(2024, 3, 1, 12, 30))),
            ("2024-03-01T12:30", Some(at(2024, 3, 1, 12, 30))),
            ("2024-03-01", Some(at(2024, 3, 1, 0, 0))),
            ("yesterday", None),
        ] {
            assert_eq!(parse_time(text), want, "{text}");
        }
    }

    #[test]
    fn outcome_lines() {
        let failed = Outcome {
            id: Some(RecordId::Number(7.into())),
            url: None,
            result: Err(RecordError::TooLarge { limit: 5 }),
        };
        assert_eq!(
            failed.to_json_line(),
            r#"{"id":7,"url":null,"error":"record is larger than the limit of 5 bytes"}"#
        );
        let empty = clean_record(Record::text("  ").with_url("u"), &Options::default());
        assert_eq!(empty.to_json_line(), r#"{"id":null,"url":"u","error":"empty input"}"#);
    }

    #[test]
    fn a_record_carries_its_fetch_time_into_relative_dates() {
        let page = "Storm closes roads\n\n2 hours ago\n\n\
            Heavy snow closed several roads in the north of the county on Tuesday, police said.\n\n\
            Drivers were told to stay at home unless their journey was essential.\n";
        let with =
            clean_record(Record::text(page).with_fetched_at("2024-01-09T18:00:00Z"), &Options::default());
        let without = clean_record(Record::text(page), &Options::default());
        let published = |o: &Outcome| o.result.as_ref().ok().and_then(|a| a.published.clone());
        assert_eq!(published(&with).as_deref(), Some("2024-01-09T16:00:00"));
        assert_eq!(published(&without), None);
    }

    #[test]
    fn failed_reads_keep_their_place() {
        let got = items(b"{\"text\": \"a\"}\nnot json\n\n[1]\n{\"id\": {}}\n");
        let errors: Vec<String> = got
            .iter()
            .map(|item| match item {
                Item::Record(Record { page: Err(e), .. }) => error_text(e),
                Item::Record(_) => "ok".to_string(),
                Item::Skipped(s) => format!("{s:?}"),
            })
            .collect();
        assert_eq!(
            errors,
            [
                "ok",
                "bad JSON: expected ident at line 1 column 2",
                "not a JSON object",
                "`id` must be a string or a number"
            ]
        );
    }
}
