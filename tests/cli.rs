//! The command-line tool, driven as a user would: files, stdin, several
//! files, batch folders with bad files in them, exit codes and messages.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::util::{command, fixtures, json, seed};

fn expected_seed() -> serde_json::Value {
    json(&fs::read_to_string(fixtures().join("seed-kyiv-independent").join("expected.json")).unwrap())
}

/// The article without its `source`, which depends on how it was read.
fn without_source(mut value: serde_json::Value) -> serde_json::Value {
    value.as_object_mut().unwrap().remove("source");
    value
}

#[test]
fn one_file_prints_the_article_as_pretty_json() {
    let out = command().arg(seed()).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("{\n  \"headline\""), "pretty JSON: {text}");
    let value = json(&text);
    assert_eq!(value["source"]["path"], seed().to_str().unwrap());
    assert_eq!(value["source"]["format"], "text");
    assert_eq!(without_source(value), without_source(expected_seed()));
}

#[test]
fn stdin_gives_the_same_article() {
    let bytes = fs::read(seed()).unwrap();
    for args in [&[][..], &["-"][..]] {
        let out =
            command().args(args).write_stdin(bytes.clone()).assert().success().get_output().stdout.clone();
        let value = json(&String::from_utf8(out).unwrap());
        assert_eq!(value["source"]["path"], serde_json::Value::Null);
        assert_eq!(without_source(value), without_source(expected_seed()));
    }
}

#[test]
fn several_files_print_json_lines_in_argument_order() {
    let html = fixtures().join("html-no-metadata").join("input.html");
    let out = command().arg(&html).arg(seed()).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(json(lines[0])["source"]["format"], "html");
    assert_eq!(json(lines[1])["headline"], expected_seed()["headline"]);
}

#[test]
fn compact_prints_one_line() {
    let out = command().arg("--compact").arg(seed()).assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}

#[test]
fn format_is_sniffed_from_content_not_name() {
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("page.txt");
    fs::copy(fixtures().join("html-no-metadata").join("input.html"), &page).unwrap();
    let out = command().arg(&page).assert().success().get_output().stdout.clone();
    assert_eq!(json(&String::from_utf8(out).unwrap())["source"]["format"], "html");
    let out = command().args(["--format", "text"]).arg(&page).assert().success().get_output().stdout.clone();
    assert_eq!(json(&String::from_utf8(out).unwrap())["source"]["format"], "text");
}

#[test]
fn a_bad_file_is_reported_and_the_rest_goes_on() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let missing = dir.path().join("missing.txt");
    command()
        .arg(&empty)
        .arg(seed())
        .arg(&missing)
        .assert()
        .code(1)
        .stdout(predicate::function(|out: &str| out.lines().count() == 1))
        .stderr(predicate::str::contains(format!("scrape-clean: {}: empty input", empty.display())))
        .stderr(predicate::str::contains(format!("scrape-clean: {}: no such file", missing.display())));
}

#[test]
fn help_and_version() {
    command().arg("--help").assert().success().stdout(predicate::str::contains("Examples:"));
    command().arg("batch").arg("--help").assert().success().stdout(predicate::str::contains("--jsonl"));
    command().arg("--version").assert().success().stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn bad_arguments_exit_2() {
    command().arg("--format").arg("pdf").assert().code(2);
    command().args(["--now", "yesterday"]).write_stdin("x").assert().code(2);
    command().args(["batch", "nowhere-at-all"]).arg("--out").arg("x").assert().code(2);
}

/// A folder with nested pages, a binary file and a latin-1 file.
fn batch_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("news/2022")).unwrap();
    fs::create_dir_all(root.join("blog")).unwrap();
    fs::copy(seed(), root.join("news/2022/kyiv.txt")).unwrap();
    fs::copy(fixtures().join("html-german/input.html"), root.join("news/hitze.html")).unwrap();
    fs::copy(fixtures().join("text-wrapped-crlf/input.txt"), root.join("blog/sourdough")).unwrap();
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
        .iter()
        .copied()
        .chain((0..2000u32).map(|i| (i * 7 % 256) as u8))
        .collect();
    fs::write(root.join("blog/picture.png"), png).unwrap();
    let latin1: Vec<u8> = "Der Bürgermeister grüßt\n\nVon Jörg Müller\n3. März 2023\n\nDie Straße wird im Frühjahr für den Verkehr gesperrt, sagte der Bürgermeister am Montag in der Sitzung des Stadtrats.\n\nDie Arbeiten sollen bis zum Herbst dauern, danach wird die Straße wieder für alle geöffnet.\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    fs::write(root.join("news/latin1.txt"), latin1).unwrap();
    dir
}

#[test]
fn batch_mirrors_the_tree_and_reports_bad_files() {
    let input = batch_folder();
    let out = TempDir::new().unwrap();
    let out_dir = out.path().join("clean");
    let picture = input.path().join("blog/picture.png");
    command()
        .args(["batch", "-j", "2"])
        .arg(input.path())
        .arg("--out")
        .arg(&out_dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("scrape-clean: {}: binary data", picture.display())))
        .stderr(predicate::str::contains("4 pages cleaned, 1 failed in"));
    for (path, headline) in [
        (
            "news/2022/kyiv.json",
            "Lithuania's Defense Ministry: Negotiations on Ukraine joining NATO should begin now",
        ),
        ("news/hitze.json", "Hitzewelle: Städte öffnen kühle Räume"),
        ("blog/sourdough.json", "How to keep a sourdough starter alive on a weekly schedule"),
        ("news/latin1.json", "Der Bürgermeister grüßt"),
    ] {
        let text = fs::read_to_string(out_dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(json(&text)["headline"], headline, "{path}");
    }
    let latin1 = json(&fs::read_to_string(out_dir.join("news/latin1.json")).unwrap());
    assert_eq!(latin1["authors"][0], "Jörg Müller");
    assert!(!out_dir.join("blog/picture.json").exists(), "no output for a failed page");
    assert_eq!(leftovers(&out_dir), Vec::<String>::new(), "no temporary files left behind");
}

/// Files under `dir` that are not `.json` outputs.
fn leftovers(dir: &Path) -> Vec<String> {
    walk(dir).into_iter().filter(|p| !p.ends_with(".json")).collect()
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path.to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn batch_succeeds_when_every_page_is_clean() {
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    let out = TempDir::new().unwrap();
    command()
        .arg("batch")
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("1 pages cleaned, 0 failed"));
    assert!(out.path().join("a.json").exists());
}

#[test]
fn batch_jsonl_is_in_path_order_whatever_the_threads() {
    let input = batch_folder();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4"] {
        let out = command().args(["batch", "--jsonl", "-j", threads]).arg(input.path()).assert().code(1);
        outputs.push(out.get_output().stdout.clone());
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "identical output whatever the thread count");
    let text = String::from_utf8(outputs.remove(0)).unwrap();
    let paths: Vec<String> =
        text.lines().map(|l| json(l)["source"]["path"].as_str().unwrap().to_string()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths.len(), 4);
    assert_eq!(paths, sorted);
}

#[test]
fn batch_refuses_an_out_inside_the_input() {
    // Skipping its own output is not enough: a second run with another
    // --out inside the input would clean the first run's JSON as pages.
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    let out_dir = input.path().join("out");
    command()
        .arg("batch")
        .arg(input.path())
        .arg("--out")
        .arg(&out_dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out is inside the input folder"));
    assert!(!out_dir.exists(), "refused before anything was written");
}

#[test]
fn batch_out_that_cannot_be_written_is_fatal() {
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    let elsewhere = TempDir::new().unwrap();
    let blocker = elsewhere.path().join("a-file");
    fs::write(&blocker, "x").unwrap();
    command()
        .arg("batch")
        .arg(input.path())
        .arg("--out")
        .arg(blocker.join("sub"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create output folder"));
}

#[test]
fn explain_labels_every_block() {
    let out = command().arg("--explain").arg(seed()).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.lines().any(|l| l.contains("headline") && l.contains("Lithuania's Defense Ministry")));
    assert!(text.lines().any(|l| l.contains("furniture") && l.contains("Skip to content")));
    assert!(text.lines().any(|l| l.contains("item-time") && l.contains("6:57 PM")));
}

/// A fixture's golden Markdown or text (`output.md`, `output.txt`).
fn golden_output(case: &str, file: &str) -> String {
    fs::read_to_string(fixtures().join(case).join(file)).unwrap()
}

fn stdout_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn output_markdown_and_text_print_the_article_so() {
    let markdown = stdout_of(command().args(["--output", "markdown"]).arg(seed()).assert().success());
    assert!(markdown.starts_with("# Lithuania's Defense Ministry"), "{markdown}");
    assert_eq!(markdown, golden_output("seed-kyiv-independent", "output.md"));
    let text = stdout_of(command().args(["--output", "text"]).arg(seed()).assert().success());
    assert_eq!(text, golden_output("seed-kyiv-independent", "output.txt"));
    // Standard input, and --compact (JSON only) changes nothing.
    let bytes = fs::read(seed()).unwrap();
    let piped =
        stdout_of(command().args(["--output", "text", "--compact"]).write_stdin(bytes).assert().success());
    assert_eq!(piped, text);
}

#[test]
fn several_pages_in_markdown_or_text_are_parted() {
    let table = fixtures().join("html-press-release-table").join("input.html");
    let markdown =
        stdout_of(command().args(["--output", "markdown"]).arg(seed()).arg(&table).assert().success());
    assert_eq!(
        markdown,
        format!(
            "{}\n---\n\n{}",
            golden_output("seed-kyiv-independent", "output.md"),
            golden_output("html-press-release-table", "output.md")
        )
    );
    let text = stdout_of(command().args(["--output", "text"]).arg(seed()).arg(&table).assert().success());
    let pages: Vec<&str> = text.split("\u{c}\n").collect();
    assert_eq!(
        pages,
        [
            golden_output("seed-kyiv-independent", "output.txt"),
            golden_output("html-press-release-table", "output.txt")
        ]
    );
}

#[test]
fn explain_and_output_do_not_go_together() {
    command()
        .args(["--explain", "--output", "markdown"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--explain"));
    command().args(["--output", "html"]).arg(seed()).assert().code(2);
}

#[test]
fn batch_writes_md_or_txt_files() {
    let input = batch_folder();
    for (output, extension) in [("markdown", "md"), ("text", "txt")] {
        let out = TempDir::new().unwrap();
        command()
            .args(["batch", "--output", output])
            .arg(input.path())
            .arg("--out")
            .arg(out.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains("4 pages cleaned, 1 failed in"));
        let mut files: Vec<String> = walk(out.path())
            .into_iter()
            .map(|p| Path::new(&p).strip_prefix(out.path()).unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(
            files,
            ["blog/sourdough", "news/2022/kyiv", "news/hitze", "news/latin1"]
                .map(|f| format!("{f}.{extension}")),
            "{output}"
        );
        let file = if extension == "md" { "output.md" } else { "output.txt" };
        assert_eq!(
            fs::read_to_string(out.path().join(format!("news/2022/kyiv.{extension}"))).unwrap(),
            golden_output("seed-kyiv-independent", file)
        );
    }
}

#[test]
fn batch_jsonl_carries_markdown_or_text_in_a_field() {
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    fs::copy(fixtures().join("html-press-release-table/input.html"), input.path().join("b.html")).unwrap();
    let plain = stdout_of(command().args(["batch", "--jsonl"]).arg(input.path()).assert().success());
    for (output, field, file) in [("markdown", "markdown", "output.md"), ("text", "text", "output.txt")] {
        let lines = stdout_of(
            command().args(["batch", "--jsonl", "--output", output]).arg(input.path()).assert().success(),
        );
        let (lines, plain): (Vec<&str>, Vec<&str>) = (lines.lines().collect(), plain.lines().collect());
        assert_eq!(lines.len(), 2);
        for (line, plain) in lines.iter().zip(&plain) {
            let mut value = json(line);
            // The article's own fields are unchanged, and the new one comes last.
            let added = value.as_object_mut().unwrap().remove(field);
            assert!(added.is_some(), "{output}: no {field} field in {line}");
            assert_eq!(value, json(plain));
            assert!(line.starts_with(&plain[..plain.len() - 1]), "{output}: fields keep their order");
        }
        assert_eq!(json(lines[0])[field], golden_output("seed-kyiv-independent", file));
        assert_eq!(json(lines[1])[field], golden_output("html-press-release-table", file));
    }
}
