//! Golden tests: each `fixtures/<case>/` holds an input page, the article
//! we expect from it (`expected.json`), a line on what it exercises
//! (`about.md`) and, when it needs them, options (`options.json`, e.g.
//! `{"now": "2023-02-16T18:00:00"}` for relative dates). Every case is checked and every mismatching field of
//! every case is reported, so one failure does not hide another.
//!
//! To accept new output after a deliberate change, run
//! `SCRAPE_CLEAN_BLESS=1 cargo test golden` and review the diff of the
//! `expected.json` files before committing it.

use scrape_clean::{Options, clean};
use serde_json::Value;

use crate::util::{cases, input_of};

#[test]
fn fixtures_match_expected_json() {
    let bless = std::env::var_os("SCRAPE_CLEAN_BLESS").is_some();
    let mut failures: Vec<String> = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 9, "expected at least 9 fixture cases, found {}", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            case.join("about.md").exists(),
            "{name}: about.md missing (one line on what the case exercises)"
        );
        let bytes = std::fs::read(input_of(&case)).unwrap();
        let article = match clean(&bytes, &options_of(&case)) {
            Ok(article) => article,
            Err(err) => {
                failures.push(format!("{name}: clean failed: {err}"));
                continue;
            }
        };
        let actual = serde_json::to_value(&article).unwrap();
        let expected_path = case.join("expected.json");
        if bless {
            let pretty = scrape_clean::to_json(&article, scrape_clean::Style::Pretty) + "\n";
            std::fs::write(&expected_path, pretty).unwrap();
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{name}: expected.json missing"));
            continue;
        };
        let expected: Value = serde_json::from_str(&text).unwrap();
        failures.extend(diff(&name, &expected, &actual));
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The hand-written truth of the browser-copy and simple-HTML cases:
/// `want.json` holds what a careful reader pulls out of the page (headline,
/// authors, dates, body, sidebar; `title` for HTML), written before the
/// tool was run on it. Unlike `expected.json` it is never blessed, so a
/// change that blesses a wrong answer into `expected.json` still fails
/// here. Every field it names must come out exactly.
#[test]
fn hand_written_truth_holds() {
    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0;
    for case in cases() {
        let Ok(text) = std::fs::read_to_string(case.join("want.json")) else { continue };
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let want: Value = serde_json::from_str(&text).unwrap();
        let bytes = std::fs::read(input_of(&case)).unwrap();
        let article = clean(&bytes, &options_of(&case)).unwrap();
        let got = serde_json::to_value(&article).unwrap();
        for (key, value) in want.as_object().unwrap() {
            checked += 1;
            if got.get(key) != Some(value) {
                failures.push(format!(
                    "{name}: {key}:\n    want {value}\n    got  {}",
                    got.get(key).map_or("(absent)".to_string(), Value::to_string)
                ));
            }
        }
    }
    assert!(checked >= 12 * 8, "too few hand-checked fields: {checked}");
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

/// The options a case asks for in its optional `options.json`
/// (`{"now": "2023-02-16T18:00:00"}`), else the defaults.
pub fn options_of(case: &std::path::Path) -> Options {
    let Ok(text) = std::fs::read_to_string(case.join("options.json")) else { return Options::default() };
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut options = Options::default();
    if let Some(now) = value.get("now").and_then(Value::as_str) {
        options = options.now(now.parse().unwrap());
    }
    options
}

/// Field-by-field differences, named `case: field`.
fn diff(case: &str, expected: &Value, actual: &Value) -> Vec<String> {
    let (Value::Object(want), Value::Object(got)) = (expected, actual) else {
        return vec![format!("{case}: not an object")];
    };
    let mut out = Vec::new();
    for key in want.keys().chain(got.keys().filter(|k| !want.contains_key(*k))) {
        let (w, g) = (want.get(key), got.get(key));
        if w != g {
            out.push(format!(
                "{case}: {key}:\n    expected {}\n    got      {}",
                w.map_or("(absent)".to_string(), Value::to_string),
                g.map_or("(absent)".to_string(), Value::to_string)
            ));
        }
    }
    out
}
