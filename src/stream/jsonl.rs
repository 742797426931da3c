//! JSON Lines records: one object a line, `{"id"?, "url"?, "html"? |
//! "text"?, "fetched_at"?}`.
//!
//! `html` is read as HTML and `text` as a plain-text dump (`html` wins when
//! both are there); `null` counts as absent, and other keys are ignored.
//! Blank lines are not records. A line longer than the size limit is read
//! to its end and dropped, never held whole, and becomes a
//! [`RecordError::TooLarge`] record (without an id: its JSON is not read).

use std::io::BufRead;

use serde_json::{Map, Value};

use super::{Item, Line, Page, Record, RecordError, RecordId, read_line_capped};
use crate::options::InputFormat;

/// Reads JSON Lines records from a buffered input.
pub(crate) struct Reader<R> {
    input: R,
    limit: u64,
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    pub(crate) fn new(input: R, limit: u64) -> Self {
        Reader { input, limit, line: Vec::new(), done: false }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match read_line_capped(&mut self.input, &mut self.line, self.limit) {
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong) => {
                    let error = RecordError::TooLarge { limit: self.limit };
                    return Some(Item::Record(Record::failed(None, None, error)));
                }
                Ok(Line::Whole) if self.line.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Line::Whole) => return Some(Item::Record(parse(&self.line))),
                Err(err) => {
                    self.done = true;
                    return Some(Item::Record(Record::failed(None, None, RecordError::from_io(err))));
                }
            }
        }
        None
    }
}

/// One line as a record; a line that is not a usable object is a record
/// with its error, keeping whatever id and url could be read.
fn parse(line: &[u8]) -> Record {
    // A file saved with a byte-order mark has it before its first line.
    let line = line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line);
    let object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Record::failed(None, None, RecordError::NotObject),
        Err(err) => return Record::failed(None, None, RecordError::Json(err)),
    };
    from_object(object)
}

fn from_object(mut object: Map<String, Value>) -> Record {
    let id = match object.remove("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(RecordId::Text(s))),
        Some(Value::Number(n)) => Ok(Some(RecordId::Number(n))),
        Some(_) => Err(RecordError::Field { field: "id", expected: "a string or a number" }),
    };
    let url = string_field(&mut object, "url");
    let (id, url) = match (id, url) {
        (Ok(id), Ok(url)) => (id, url),
        (Err(err), url) => return Record::failed(None, url.ok().flatten(), err),
        (Ok(id), Err(err)) => return Record::failed(id, None, err),
    };
    let page = match (string_field(&mut object, "html"), string_field(&mut object, "text")) {
        (Err(err), _) | (Ok(None), Err(err)) => Err(err),
        (Ok(Some(html)), _) => {
            Ok(Page { bytes: html.into_bytes(), format: InputFormat::Html, charset: None })
        }
        (Ok(None), Ok(Some(text))) => {
            Ok(Page { bytes: text.into_bytes(), format: InputFormat::Text, charset: None })
        }
        (Ok(None), Ok(None)) => Err(RecordError::NoPage),
    };
    let fetched_at = match string_field(&mut object, "fetched_at") {
        Ok(time) => time,
        Err(err) => return Record::failed(id, url, err),
    };
    Record { id, url, fetched_at, page }
}

/// A string field, absent or null as `None`, any other type an error.
fn string_field(object: &mut Map<String, Value>, field: &'static str) -> Result<Option<String>, RecordError> {
    match object.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(RecordError::Field { field, expected: "a string" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record in a few words: `id url format:start-of-page` or `id url error`.
    fn summary(record: &Record) -> String {
        let id = match &record.id {
            Some(RecordId::Text(s)) => s.clone(),
            Some(RecordId::Number(n)) => n.to_string(),
            None => "-".to_string(),
        };
        let url = record.url.clone().unwrap_or_else(|| "-".to_string());
        let what = match &record.page {
            Ok(page) => format!("{:?}:{}", page.format, String::from_utf8_lossy(&page.bytes)),
            Err(err) => err.to_string(),
        };
        format!("{id} {url} {what}")
    }

    #[test]
    fn lines() {
        for (name, line, want) in [
            ("html", r#"{"id":"a","url":"u","html":"<p>x</p>"}"#, "a u Html:<p>x</p>"),
            ("text", r#"{"id":3,"text":"x"}"#, "3 - Text:x"),
            ("html wins", r#"{"html":"h","text":"t"}"#, "- - Html:h"),
            ("null is absent", r#"{"id":null,"url":null,"html":null,"text":"t"}"#, "- - Text:t"),
            (
                "big number kept as written",
                r#"{"id":12345678901234567890,"text":"t"}"#,
                "12345678901234567890 - Text:t",
            ),
            ("float id", r#"{"id":1.5,"text":"t"}"#, "1.5 - Text:t"),
            ("neither", r#"{"id":"a","url":"u"}"#, "a u no `html` or `text` field"),
            ("bad id", r#"{"id":[1],"url":"u","html":"h"}"#, "- u `id` must be a string or a number"),
            ("bad url", r#"{"id":"a","url":5,"html":"h"}"#, "a - `url` must be a string"),
            ("bad html", r#"{"id":"a","html":{},"text":"t"}"#, "a - `html` must be a string"),
            (
                "bad fetched_at",
                r#"{"id":"a","text":"t","fetched_at":1}"#,
                "a - `fetched_at` must be a string",
            ),
            ("array", "[1,2]", "- - not a JSON object"),
            ("byte-order mark", "\u{feff}{\"text\":\"t\"}", "- - Text:t"),
            ("not json", "{html: 1}", "- - bad JSON"),
        ] {
            assert_eq!(summary(&parse(line.as_bytes())), want, "{name}");
        }
    }

    #[test]
    fn fetch_time_is_kept() {
        let record = parse(br#"{"text":"t","fetched_at":"2024-01-02T03:04:05Z"}"#);
        assert_eq!(record.fetched_at.as_deref(), Some("2024-01-02T03:04:05Z"));
    }

    #[test]
    fn a_long_line_is_dropped_and_the_next_is_read() {
        let input = format!("{{\"text\":\"{}\"}}\n\n{{\"id\":2,\"text\":\"x\"}}\r\n", "y".repeat(100));
        let records: Vec<String> = Reader::new(input.as_bytes(), 50)
            .map(|item| match item {
                Item::Record(r) => summary(&r),
                Item::Skipped(s) => format!("{s:?}"),
            })
            .collect();
        assert_eq!(records, ["- - record is larger than the limit of 50 bytes", "2 - Text:x"]);
    }
}
