//! The `--explain` views as a user sees them: the table (plain in a pipe,
//! coloured on request or on a terminal, never with NO_COLOR under auto)
//! and the HTML page (`--explain=html`), checked for structure here and in
//! a real browser by `tests/browser/run.sh`.

use std::fs;
use std::process::Command;

use predicates::prelude::*;
use proptest::prelude::*;
use tempfile::TempDir;

use crate::util::{command, fixtures, seed};

/// `(index, label)` of every line of the `--explain` table.
fn table_rows(page: &std::path::Path) -> Vec<(usize, String)> {
    let out = command().arg("--explain").arg(page).assert().success().get_output().stdout.clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| {
            let mut words = line.split_whitespace();
            let index = words.next().unwrap().parse().unwrap();
            (index, words.next().unwrap().to_string())
        })
        .collect()
}

fn explain_html(args: &[&str], page: &std::path::Path) -> String {
    let out =
        command().arg("--explain=html").args(args).arg(page).assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Every `src=` and `href=` attribute value of the page's tags (escaped
/// page text holds no `<`, so only real tags are looked at).
fn link_targets(html: &str) -> Vec<String> {
    let tag = regex::Regex::new(r"<[A-Za-z][^>]*>").unwrap();
    let attribute =
        regex::Regex::new(r#"(?i)\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).unwrap();
    tag.find_iter(html)
        .flat_map(|t| {
            attribute
                .captures_iter(t.as_str())
                .map(|c| c.get(1).or(c.get(2)).or(c.get(3)).unwrap().as_str().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn link_targets_finds_attributes_not_text() {
    let html = "<img src=\"https://a/x.png\"><a class=x href='http://b/'>src=https://c/</a>&lt;img src=https://d/&gt;";
    assert_eq!(link_targets(html), ["https://a/x.png", "http://b/"]);
}

#[test]
fn explain_html_has_every_block_of_the_table_with_its_label() {
    let html_fixture = fixtures().join("html-no-metadata").join("input.html");
    for page in [seed(), html_fixture] {
        let rows = table_rows(&page);
        assert!(rows.len() > 3, "{}: {rows:?}", page.display());
        let html = explain_html(&[], &page);
        assert_eq!(html.matches("<li class=\"block ").count(), rows.len(), "{}", page.display());
        for (index, label) in &rows {
            let attributes = format!("data-index=\"{index}\" data-label=\"{label}\"");
            assert!(html.contains(&attributes), "{}: block {index} ({label}) is missing", page.display());
        }
    }
}

#[test]
fn explain_html_is_one_self_contained_page() {
    let html = explain_html(&[], &seed());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", &html[..200]);
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<link"));
    assert!(html.contains("default-src 'none'"), "a CSP that forbids loading anything");
    assert!(link_targets(&html).is_empty(), "{:?}", link_targets(&html));
    // The article column: headline, authors, a body paragraph, the sidebar.
    assert!(html.contains("<p class=\"headline\">Lithuania&#39;s Defense Ministry"));
    assert!(html.contains("The Kyiv Independent news desk"));
    assert!(html.contains("<h3>Body (6 paragraphs)</h3>"));
    assert!(html.contains("Russia hands over bodies of its own soldiers"));
}

#[test]
fn explain_html_escapes_what_the_page_says() {
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("hostile.txt");
    fs::write(
        &page,
        "Menu\n\n<script>alert(\"owned\")</script> Council <b>votes</b> on the budget\n\n\
         The council voted on Monday to approve the budget <img src=https://example.org/x.png onerror=alert(1)> \
         for the coming year, after a long debate that lasted well into the night.\n\n\
         Officials said \"the numbers add up\" & that <a href='http://example.org/'>taxes</a> would not rise.\n",
    )
    .unwrap();
    let html = explain_html(&["--format", "text"], &page);
    assert!(html.contains("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;"), "{html}");
    assert!(html.contains("&lt;img src=https://example.org/x.png"));
    assert!(html.contains("&amp; that &lt;a href=&#39;http://example.org/&#39;&gt;"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img") && !html.contains("<a "));
    assert!(link_targets(&html).is_empty(), "{:?}", link_targets(&html));
}

#[test]
fn explain_html_takes_one_page() {
    command()
        .arg("--explain=html")
        .arg(seed())
        .arg(seed())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--explain=html shows one page, and 2 were given"));
}

#[test]
fn explain_without_a_value_still_reads_the_next_argument_as_a_file() {
    command().arg("--explain").arg(seed()).assert().success().stdout(predicate::str::contains("headline"));
    // `--explain html` is the flag and a file named `html`, not the view.
    command()
        .args(["--explain", "html"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("scrape-clean: html: no such file"));
}

#[test]
fn table_colour_never_in_a_pipe_unless_asked() {
    let plain = command().arg("--explain").arg(seed()).assert().success().get_output().stdout.clone();
    assert!(!plain.contains(&0x1b), "no escapes into a pipe");
    let never = command().args(["--explain", "--color", "never"]).arg(seed()).assert().success();
    assert!(!never.get_output().stdout.contains(&0x1b));
    let always = command().args(["--explain", "--color", "always"]).arg(seed()).assert().success();
    let always = String::from_utf8(always.get_output().stdout.clone()).unwrap();
    assert!(always.contains("\x1b[1;34m   2 headline"), "headline in bold blue: {always}");
    assert!(always.contains("\x1b[2m   0 furniture"), "furniture dimmed");
    assert_eq!(always.matches("\x1b[0m\n").count(), always.lines().count(), "every line reset");
}

#[test]
fn explicit_color_always_wins_over_no_color() {
    let out = command()
        .env("NO_COLOR", "1")
        .args(["--explain", "--color", "always"])
        .arg(seed())
        .assert()
        .success();
    assert!(out.get_output().stdout.contains(&0x1b));
}

/// Runs `scrape-clean ARGS` on a terminal (util-linux `script`, part of
/// every Debian system) and returns what the terminal showed.
fn on_a_terminal(args: &str, no_color: Option<&str>) -> String {
    let binary = assert_cmd::cargo::cargo_bin("scrape-clean");
    let line = format!("{} {args} {}", binary.display(), seed().display());
    let mut script = Command::new("script");
    script.args(["-q", "-e", "-c", &line, "/dev/null"]).env_remove("NO_COLOR");
    if let Some(value) = no_color {
        script.env("NO_COLOR", value);
    }
    let out = script.output().expect("util-linux `script` runs the command on a terminal");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn table_colour_on_a_terminal_unless_no_color() {
    assert!(on_a_terminal("--explain", None).contains("\x1b[1;34m"), "auto colours a terminal");
    assert!(on_a_terminal("--explain", Some("")).contains("\x1b[1;34m"), "an empty NO_COLOR is unset");
    assert!(!on_a_terminal("--explain", Some("1")).contains('\x1b'), "NO_COLOR turns auto off");
    assert!(!on_a_terminal("--explain --color never", None).contains('\x1b'));
}

/// A line of a hostile page: markup, quotes, entities, controls, words.
fn hostile_line() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<script>alert(1)</script>".to_string()),
            Just("<img src=http://x/y onerror=z>".to_string()),
            Just("\" ' & &amp; &lt; > </li></ol>".to_string()),
            Just("\u{0}\u{1b}[31m\u{7f}\r\u{202e}".to_string()),
            "[A-Za-z]{1,12}",
            any::<String>(),
        ],
        1..12,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the page says, as text or HTML: one block element per
    /// block, and none of its markup gets through as markup.
    #[test]
    fn explain_html_keeps_any_page_text_as_text(
        lines in proptest::collection::vec(hostile_line(), 1..20),
        html in any::<bool>(),
    ) {
        let page = lines.join("\n\n");
        let format = if html { scrape_clean::InputFormat::Html } else { scrape_clean::InputFormat::Text };
        let options = scrape_clean::Options::new().format(format);
        if let (Ok(reports), Ok(article)) =
            (scrape_clean::explain(page.as_bytes(), &options), scrape_clean::clean(page.as_bytes(), &options))
        {
            let out = scrape_clean::explain_html(&reports, &article);
            prop_assert_eq!(out.matches("<li class=\"block ").count(), reports.len());
            prop_assert_eq!(out.matches("<li").count(), out.matches("</li>").count(), "a </li> got through");
            prop_assert!(!out.contains("<script") && !out.contains("<img"));
            prop_assert!(link_targets(&out).is_empty());
            prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
    }
}
