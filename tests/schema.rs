//! The JSON contract as a consumer sees it. These structs exist only here,
//! so any change to the output schema must be made in two places on
//! purpose: `src/model.rs` and this file.

use serde::Deserialize;

use crate::util::{command, fixtures};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist to be checked by deserialisation")]
struct Article {
    headline: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    published_text: Option<String>,
    updated: Option<String>,
    updated_text: Option<String>,
    body: Vec<String>,
    body_kinds: Vec<BodyKind>,
    images: Vec<Image>,
    sidebar: Vec<SidebarItem>,
    reading_time_minutes: Option<u32>,
    language: Option<String>,
    site_name: Option<String>,
    description: Option<String>,
    source: Source,
}

/// Every kind a body paragraph can have; any other string fails.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum BodyKind {
    Paragraph,
    Subhead,
    ListItem,
    OrderedItem,
    Quote,
    TableRow,
    Preformatted,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist to be checked by deserialisation")]
struct Image {
    caption: Option<String>,
    credit: Option<String>,
    position: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "fields exist to be checked by deserialisation")]
struct SidebarItem {
    section: Option<String>,
    time: Option<String>,
    headline: Option<String>,
    summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    format: String,
    path: Option<String>,
}

/// Every key is present, even when empty: a consumer never has to guess.
const KEYS: &[&str] = &[
    "headline",
    "title",
    "authors",
    "published",
    "published_text",
    "updated",
    "updated_text",
    "body",
    "body_kinds",
    "images",
    "sidebar",
    "reading_time_minutes",
    "language",
    "site_name",
    "description",
    "source",
];

#[test]
fn cli_output_follows_the_schema() {
    for case in crate::util::cases() {
        let input = crate::util::input_of(&case);
        let output = command().arg(&input).output().unwrap();
        assert!(output.status.success(), "{}: {}", case.display(), String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8(output.stdout).unwrap();
        let article: Article =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", case.display()));
        assert!(matches!(article.source.format.as_str(), "text" | "html"), "{}", case.display());
        assert_eq!(
            article.body_kinds.len(),
            article.body.len(),
            "{}: a kind for every paragraph",
            case.display()
        );
        assert_eq!(article.source.path.as_deref(), Some(input.to_str().unwrap()));
        // Top-level keys of the pretty output, in the order written.
        let keys: Vec<&str> = text
            .lines()
            .filter_map(|line| line.strip_prefix("  \"")?.split_once("\":").map(|(key, _)| key))
            .collect();
        assert_eq!(keys, KEYS, "{}: keys and their order", case.display());
    }
}

#[test]
fn dates_are_iso_8601() {
    let re = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$").unwrap();
    for case in crate::util::cases() {
        let bytes = std::fs::read(crate::util::input_of(&case)).unwrap();
        let article = scrape_clean::clean(&bytes, &scrape_clean::Options::default()).unwrap();
        for iso in [&article.published, &article.updated].into_iter().flatten() {
            assert!(re.is_match(iso), "{}: {iso:?} is not ISO 8601", case.display());
        }
    }
    assert!(fixtures().is_dir());
}
