//! `scrape-clean stream`: JSON Lines and WARC in, JSON Lines out. Inputs
//! are built here from the fixtures (no binary test files): WARC records
//! plain, gzipped per record and gzipped whole, HTTP bodies chunked and
//! gzipped, damaged and oversized records.

use std::fs;
use std::io::Write;

use predicates::prelude::*;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::util::{command, fixtures, json, seed};

fn html_fixture(case: &str) -> Vec<u8> {
    fs::read(fixtures().join(case).join("input.html")).unwrap()
}

/// The article as plain `scrape-clean --compact` prints it for standard
/// input: the stream's record must be `{"id", "url", …this…}`.
fn direct(bytes: &[u8], format: &str) -> String {
    let out = command()
        .args(["--compact", "--format", format])
        .write_stdin(bytes.to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().trim_end().to_string()
}

/// `direct`'s line with `id` and `url` in front, as stream writes it.
fn with_id(id: &Value, url: &Value, direct: &str) -> String {
    format!("{{\"id\":{id},\"url\":{url},{}", &direct[1..])
}

fn stream(args: &[&str], stdin: Vec<u8>) -> (i32, String, String) {
    let out = command().arg("stream").args(args).write_stdin(stdin).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn chunked(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in bytes.chunks(1000) {
        out.extend(format!("{:x}\r\n", chunk.len()).bytes());
        out.extend_from_slice(chunk);
        out.extend(b"\r\n");
    }
    out.extend(b"0\r\n\r\n");
    out
}

/// An HTTP response block.
fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    block
}

/// One WARC record.
fn warc(kind: &str, name: &str, block: &[u8]) -> Vec<u8> {
    let content_type = match kind {
        "response" => "application/http; msgtype=response",
        "request" => "application/http; msgtype=request",
        _ => "application/warc-fields",
    };
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{name}>\r\n\
         WARC-Date: 2023-07-18T10:00:00Z\r\nWARC-Target-URI: https://example.org/{name}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend(b"\r\n\r\n");
    out
}

fn id_url(name: &str) -> (Value, Value) {
    (json!(format!("<urn:uuid:{name}>")), json!(format!("https://example.org/{name}")))
}

/// A crawl as Common Crawl writes one: warcinfo, then request, response
/// and metadata for each page, and a response that is an image.
fn crawl(page: &[u8]) -> Vec<Vec<u8>> {
    vec![
        warc("warcinfo", "info", b"software: scrape-clean tests\r\n"),
        warc("request", "req", b"GET /page HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        warc("response", "page", &http("Content-Type: text/html; charset=utf-8\r\n", page)),
        warc("metadata", "meta", b"fetchTimeMs: 120\r\n"),
        warc("response", "logo", &http("Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n\0\0\0")),
    ]
}

#[test]
fn json_lines_html_and_text() {
    let html = html_fixture("html-marked-byline");
    let text = fs::read(seed()).unwrap();
    let input = format!(
        "{}\n{}\n",
        json!({"id": "a-1", "url": "https://example.org/a", "html": String::from_utf8(html.clone()).unwrap()}),
        json!({"id": 42, "text": String::from_utf8(text.clone()).unwrap(), "extra": true}),
    );
    let (code, out, err) = stream(&["-j", "2"], input.into_bytes());
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            with_id(&json!("a-1"), &json!("https://example.org/a"), &direct(&html, "html")),
            with_id(&json!(42), &Value::Null, &direct(&text, "text")),
        ]
    );
    assert!(err.contains("2 records cleaned, 0 skipped, 0 failed in "), "{err}");
}

#[test]
fn fetch_times_are_the_reference_time() {
    // fixtures/text-relative-now says "2 hours ago"; its options.json
    // gives --now 2023-02-16T18:00:00.
    let page = fs::read_to_string(fixtures().join("text-relative-now").join("input.txt")).unwrap();
    let input = [
        json!({"id": "utc", "text": page, "fetched_at": "2023-02-16T18:00:00Z"}),
        json!({"id": "local", "text": page, "fetched_at": "2023-02-16T18:00:00+01:00"}),
        json!({"id": "none", "text": page}),
    ]
    .map(|v| v.to_string() + "\n")
    .concat();
    let (code, out, _) = stream(&["--now", "2023-02-17T09:00"], input.into_bytes());
    assert_eq!(code, 0);
    let published: Vec<Value> = out.lines().map(|l| json(l)["published"].clone()).collect();
    assert_eq!(
        published,
        [json!("2023-02-16T16:00:00"), json!("2023-02-16T16:00:00"), json!("2023-02-17T07:00:00")]
    );
}

#[test]
fn json_lines_failures_keep_their_place() {
    let input = [
        r#"{"id": 1, "url": "https://example.org/1"}"#.to_string(),
        "{not json".to_string(),
        json!({"id": 3, "html": "<p>The council met on Monday to discuss the new budget for the city.</p>"})
            .to_string(),
        format!(r#"{{"id": 4, "text": "{}"}}"#, "word ".repeat(400)),
        r#"{"id": 5, "text": "   "}"#.to_string(),
    ]
    .join("\n");
    let (code, out, err) = stream(&["--max-bytes", "1000"], input.into_bytes());
    assert_eq!(code, 1);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(
        lines[0],
        json!({"id": 1, "url": "https://example.org/1", "error": "no `html` or `text` field"})
    );
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("bad JSON: "), "{}", lines[1]);
    assert_eq!(lines[2]["id"], 3);
    assert!(lines[2]["error"].is_null() && lines[2]["source"]["format"] == "html", "{}", lines[2]);
    assert_eq!(
        lines[3],
        json!({"id": null, "url": null, "error": "record is larger than the limit of 1000 bytes"})
    );
    assert_eq!(lines[4], json!({"id": 5, "url": null, "error": "empty input"}));
    assert!(err.contains("1 records cleaned, 0 skipped, 4 failed"), "{err}");
}

#[test]
fn a_huge_json_line_is_skipped_and_the_stream_goes_on() {
    let huge = json!({"id": "huge", "text": "x".repeat(3_000_000)}).to_string();
    let small =
        json!({"id": "small", "text": "A short note on the weather, written for the test."}).to_string();
    let input = format!("{huge}\n{small}\n").into_bytes();
    let (code, out, _) = stream(&["--max-bytes", "1000000"], input);
    assert_eq!(code, 1);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines[0]["error"], "record is larger than the limit of 1000000 bytes");
    assert_eq!(lines[1]["id"], "small");
}

#[test]
fn warc_responses_are_cleaned_and_the_rest_skipped() {
    let page = html_fixture("html-json-ld-authors");
    let plain: Vec<u8> = crawl(&page).concat();
    let (id, url) = id_url("page");
    let want = format!("{}\n", with_id(&id, &url, &direct(&page, "html")));
    let per_record: Vec<u8> = crawl(&page).iter().flat_map(|r| gzip(r)).collect();
    let whole = gzip(&plain);
    for (name, input) in [("plain", plain.clone()), ("gzip per record", per_record), ("gzip whole", whole)] {
        let (code, out, err) = stream(&[], input);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(out, want, "{name}");
        assert!(err.contains("1 records cleaned, 4 skipped, 0 failed"), "{name}: {err}");
    }
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("crawl.warc");
    fs::write(&file, &plain).unwrap();
    command().arg("stream").arg(&file).assert().success().stdout(want);
}

#[test]
fn warc_http_bodies_are_decoded() {
    let page = html_fixture("html-press-release-table");
    let (id, url) = id_url("page");
    let want = format!("{}\n", with_id(&id, &url, &direct(&page, "html")));
    for (name, headers, body) in [
        ("chunked", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked(&page)),
        ("gzip", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip(&page)),
        (
            "chunked gzip",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            chunked(&gzip(&page)),
        ),
        ("untyped", "", page.clone()),
    ] {
        let (code, out, err) = stream(&[], warc("response", "page", &http(headers, &body)));
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(out, want, "{name}");
    }
}

#[test]
fn an_http_charset_is_the_declared_charset() {
    // The page is ISO-8859-1 but claims UTF-8 in its <meta>; the server's
    // header tells the truth, and wins.
    let latin1 = html_fixture("html-german");
    let lying = String::from_utf8_lossy(&latin1).contains("iso-8859-1");
    assert!(lying, "the fixture declares its charset");
    let page: Vec<u8> = {
        let text = latin1.clone();
        let at = text.windows(10).position(|w| w == b"iso-8859-1").unwrap();
        [&text[..at], b"utf-8".as_slice(), &text[at + 10..]].concat()
    };
    let (id, url) = id_url("page");
    let record = warc("response", "page", &http("Content-Type: text/html; charset=ISO-8859-1\r\n", &page));
    let (code, out, _) = stream(&[], record);
    assert_eq!(code, 0);
    assert_eq!(out.trim_end(), with_id(&id, &url, &direct(&latin1, "html")));
    assert!(out.contains("Hitzewelle: Städte öffnen kühle Räume"), "{out}");
    let without = warc("response", "page", &http("Content-Type: text/html\r\n", &page));
    let (_, out, _) = stream(&[], without);
    assert!(!out.contains("Städte"), "without the header the <meta> is believed: {out}");
}

#[test]
fn a_truncated_last_warc_record_is_an_error_line() {
    let page = html_fixture("html-no-metadata");
    let mut input = warc("response", "first", &http("Content-Type: text/html\r\n", &page));
    let second = warc("response", "second", &http("Content-Type: text/html\r\n", &page));
    input.extend_from_slice(&second[..second.len() / 2]);
    for (name, bytes) in
        [("plain", input.clone()), ("gzip", gzip(&input)[..gzip(&input).len() - 30].to_vec())]
    {
        let (code, out, err) = stream(&[], bytes);
        assert_eq!(code, 1, "{name}");
        let lines: Vec<Value> = out.lines().map(json).collect();
        assert_eq!(lines.len(), 2, "{name}: {out}");
        assert_eq!(lines[0]["id"], "<urn:uuid:first>", "{name}");
        assert!(lines[0]["error"].is_null(), "{name}");
        assert_eq!(lines[1]["error"], "truncated record: the input ends inside it", "{name}");
        assert!(err.contains("1 records cleaned, 0 skipped, 1 failed"), "{name}: {err}");
    }
}

#[test]
fn a_binary_payload_and_a_large_warc_record_fail_alone() {
    let page = html_fixture("html-no-metadata");
    let binary: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let input = [
        warc("response", "binary", &http("Content-Type: text/html\r\n", &binary)),
        warc("response", "large", &http("Content-Type: text/html\r\n", &vec![b'a'; 200_000])),
        warc("response", "page", &http("Content-Type: text/html\r\n", &page)),
    ]
    .concat();
    let (code, out, _) = stream(&["--max-bytes", "100000", "--input", "warc"], input);
    assert_eq!(code, 1);
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines[0]["error"], "binary data, not a text or HTML page");
    assert_eq!(lines[1]["error"], "record is larger than the limit of 100000 bytes");
    assert_eq!(lines[1]["url"], "https://example.org/large");
    assert_eq!(lines[2]["id"], "<urn:uuid:page>");
}

/// Many records of every fixture, numbered.
fn many_records(n: usize) -> Vec<u8> {
    let pages: Vec<(String, String)> = crate::util::cases()
        .iter()
        .map(|case| {
            let input = crate::util::input_of(case);
            let kind = if input.extension().is_some_and(|e| e == "html") { "html" } else { "text" };
            (kind.to_string(), String::from_utf8_lossy(&fs::read(input).unwrap()).into_owned())
        })
        .collect();
    let mut out = String::new();
    for i in 0..n {
        let (kind, page) = &pages[i % pages.len()];
        let mut record = json!({"id": i, "url": format!("https://example.org/{i}")});
        record[kind.as_str()] = json!(page);
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn order_and_bytes_are_the_same_for_any_thread_count() {
    let input = many_records(300);
    let (code, one, _) = stream(&["-j", "1"], input.clone());
    assert_eq!(code, 0);
    let (_, four, _) = stream(&["-j", "4"], input);
    assert_eq!(one, four, "byte-identical output");
    let ids: Vec<u64> = one.lines().map(|l| json(l)["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..300).collect::<Vec<u64>>());
}

#[test]
fn files_are_read_in_order() {
    let dir = TempDir::new().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.warc.gz"));
    fs::write(&a, many_records(3)).unwrap();
    fs::write(&b, gzip(&crawl(&html_fixture("html-no-metadata")).concat())).unwrap();
    let missing = dir.path().join("missing.jsonl");
    let out = command().arg("stream").arg(&a).arg(&missing).arg(&b).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| json(l)["id"].clone()).collect();
    assert_eq!(ids, [json!(0), json!(1), json!(2), json!("<urn:uuid:page>")]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("scrape-clean: {}: cannot read the file", missing.display())), "{err}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("many.jsonl");
    fs::write(&input, many_records(3000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("scrape-clean");
    let script = r#""$0" stream -j 2 "$1" | head -1 >/dev/null; exit "${PIPESTATUS[0]}""#;
    std::process::Command::new("bash")
        .args(["-c", script])
        .arg(&bin)
        .arg(&input)
        .output()
        .map(|out| {
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "nothing on stderr");
        })
        .unwrap();
}

#[test]
fn stream_help_and_bad_arguments() {
    command().args(["stream", "--help"]).assert().success().stdout(predicate::str::contains("--input"));
    command().args(["stream", "--input", "arc"]).assert().code(2);
    command().args(["stream", "--now", "soon"]).write_stdin("").assert().code(2);
    // An empty input is an empty stream.
    command().arg("stream").write_stdin("").assert().success().stdout("");
}

/// Pieces of WARC and HTTP syntax, so that random streams reach deep into
/// the readers instead of failing at the first byte.
fn warc_piece() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    prop_oneof![
        Just(b"WARC/1.0\r\n".to_vec()),
        Just(b"WARC-Type: response\r\n".to_vec()),
        Just(b"WARC-Type: resource\r\nContent-Type: text/html\r\n".to_vec()),
        (0u32..400).prop_map(|n| format!("Content-Length: {n}\r\n").into_bytes()),
        Just(b"\r\n".to_vec()),
        Just(b"HTTP/1.1 200 OK\r\n".to_vec()),
        Just(b"Transfer-Encoding: chunked\r\n".to_vec()),
        Just(b"Content-Encoding: gzip\r\n".to_vec()),
        Just(b"Content-Encoding: br\r\n".to_vec()),
        Just(b"Content-Encoding: deflate\r\n".to_vec()),
        Just(b"Content-Type: text/html; charset=windows-1251\r\n".to_vec()),
        Just(b"1a\r\n".to_vec()),
        Just(b"\x1f\x8b\x08\x00".to_vec()),
        Just(b"<html><p>Some words of a page.</p>".to_vec()),
        Just(br#"{"id": 1, "html": "<p>x</p>"}"#.to_vec()),
        proptest::collection::vec(any::<u8>(), 0..40),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any bytes, read as either kind (gzipped or not), give items and
    /// outcome lines that are JSON, and never a panic.
    #[test]
    fn any_stream_reads_and_cleans_without_panic(
        pieces in proptest::collection::vec(warc_piece(), 0..30),
        gzipped: bool,
        as_warc: bool,
    ) {
        use scrape_clean::stream::{InputKind, Item, Records, clean_record};
        let plain: Vec<u8> = pieces.concat();
        let bytes = if gzipped { gzip(&plain) } else { plain };
        let kind = if as_warc { Some(InputKind::Warc) } else { None };
        let options = scrape_clean::Options::new().max_bytes(300);
        let records = Records::new(&bytes[..], kind, options.byte_limit()).unwrap();
        for item in records {
            if let Item::Record(record) = item {
                let line = clean_record(record, &options).to_json_line();
                let value: Value = serde_json::from_str(&line).unwrap();
                proptest::prop_assert!(value.get("id").is_some() && value.get("url").is_some(), "{line}");
            }
        }
    }
}

#[test]
fn output_markdown_or_text_adds_a_field_to_each_cleaned_record() {
    let seed_text = fs::read_to_string(seed()).unwrap();
    let input = format!(
        "{}\n{}\n",
        json!({"id": 1, "url": "https://example.org/a", "text": seed_text}),
        json!({"id": 2, "url": null})
    );
    let (code, plain, _) = stream(&[], input.clone().into_bytes());
    assert_eq!(code, 1, "the second record has no page");
    let plain: Vec<&str> = plain.lines().collect();
    for (output, field, file) in [("markdown", "markdown", "output.md"), ("text", "text", "output.txt")] {
        let (code, out, _) = stream(&["--output", output], input.clone().into_bytes());
        assert_eq!(code, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        let golden = fs::read_to_string(fixtures().join("seed-kyiv-independent").join(file)).unwrap();
        let mut record = json(lines[0]);
        assert_eq!(record[field], golden.as_str(), "{output}");
        assert!(lines[0].starts_with(&plain[0][..plain[0].len() - 1]), "the record's fields come first");
        record.as_object_mut().unwrap().remove(field);
        assert_eq!(record, json(plain[0]));
        // A record that failed keeps its error line as it was.
        assert_eq!(lines[1], plain[1]);
        assert!(json(lines[1]).get(field).is_none());
    }
}
