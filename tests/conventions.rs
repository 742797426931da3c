//! CLI conventions, as ripgrep and fd keep them: a man page and shell
//! completions from `--generate`, and errors for bad arguments that say
//! what was wrong and how to fix it, as `scrape-clean: PATH: reason`.
//! (That the man page lists every option of every command is a unit test
//! in `src/cli/generate.rs`, which walks the clap definition.)

use std::fs;
use std::process::Command;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::util::{command, seed};

fn generated(kind: &str) -> String {
    let out = command().args(["--generate", kind]).assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn generate_prints_each_kind() {
    #[rustfmt::skip]
    let rows = [
        ("man",                 ".TH scrape-clean 1",            "scrape-clean batch"),
        ("complete-bash",       "_scrape__clean() {",             "--explain"),
        ("complete-zsh",        "#compdef scrape-clean",         "--skip-existing"),
        ("complete-fish",       "# Print an optspec",            "complete -c scrape-clean"),
        ("complete-powershell", "using namespace System.Management.Automation", "'scrape-clean;batch'"),
    ];
    for (kind, opening, inside) in rows {
        let text = generated(kind);
        let head: String =
            text.lines().filter(|l| !l.trim().is_empty()).take(4).collect::<Vec<_>>().join("\n");
        assert!(head.contains(opening), "{kind} opens with {opening:?}: {head}");
        assert!(text.replace("\\-", "-").contains(inside), "{kind} has {inside:?}");
        assert!(text.len() > 1000, "{kind}: {} bytes", text.len());
    }
}

#[test]
fn the_man_page_renders_with_man() {
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("scrape-clean.1");
    fs::write(&page, generated("man")).unwrap();
    let Ok(out) =
        Command::new("man").arg("-l").arg(&page).env("MANWIDTH", "100").env("MANPAGER", "cat").output()
    else {
        return; // no man(1) on this machine; the text itself is checked above
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "SCRAPE-CLEAN BATCH", "SCRAPE-CLEAN STREAM"]
    {
        assert!(text.lines().any(|l| l.trim() == heading), "no {heading} in\n{text}");
    }
}

#[test]
fn bash_loads_the_completion_script() {
    let dir = TempDir::new().unwrap();
    let script = dir.path().join("scrape-clean.bash");
    fs::write(&script, generated("complete-bash")).unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p scrape-clean", script.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("-F _scrape__clean scrape-clean"));
}

#[test]
fn generate_takes_no_pages() {
    command()
        .args(["--generate", "man"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the argument '--generate <KIND>' cannot be used with '[FILE]...'"));
    command().args(["--generate", "complete-tcsh"]).assert().code(2).stderr(predicate::str::contains(
        "[possible values: man, complete-bash, complete-zsh, complete-fish, complete-powershell]",
    ));
}

#[test]
fn mistyped_options_and_values_get_a_suggestion() {
    command()
        .args(["--explian"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tip: a similar argument exists: '--explain'"));
    command()
        .args(["--format", "htm"])
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tip: a similar value exists: 'html'"));
    command()
        .args(["batch", "--skip-exisitng", "dir", "--jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tip: a similar argument exists: '--skip-existing'"));
}

#[test]
fn a_missing_file_says_so_and_suggests_a_near_name() {
    let dir = TempDir::new().unwrap();
    fs::copy(seed(), dir.path().join("page.txt")).unwrap();
    let typo = dir.path().join("pgae.txt");
    command().arg(&typo).assert().code(1).stderr(format!(
        "scrape-clean: {}: no such file (did you mean {}?)\n",
        typo.display(),
        dir.path().join("page.txt").display()
    ));
    let far = dir.path().join("something-else.html");
    command().arg(&far).assert().code(1).stderr(format!("scrape-clean: {}: no such file\n", far.display()));
}

#[test]
fn a_mistyped_subcommand_is_named() {
    let dir = TempDir::new().unwrap();
    command()
        .current_dir(dir.path())
        .args(["bacth"])
        .assert()
        .code(1)
        .stderr("scrape-clean: bacth: no such file (did you mean the subcommand `scrape-clean batch …`?)\n");
}

#[test]
fn a_folder_given_as_a_page_suggests_batch() {
    let dir = TempDir::new().unwrap();
    command().arg(dir.path()).assert().code(1).stderr(format!(
        "scrape-clean: {0}: is a folder, not a page; to clean every page in it, run: scrape-clean batch {0} --out OUT\n",
        dir.path().display()
    ));
    // The other pages are still cleaned.
    command().arg(dir.path()).arg(seed()).assert().code(1).stdout(predicate::str::contains("\"headline\""));
}

#[test]
fn batch_of_a_page_or_of_nothing_says_what_to_run() {
    command().args(["batch"]).arg(seed()).arg("--jsonl").assert().code(2).stderr(format!(
        "scrape-clean: {0}: is a file, not a folder; to clean one page, run: scrape-clean {0}\n",
        seed().display()
    ));
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("pages")).unwrap();
    command()
        .current_dir(dir.path())
        .args(["batch", "pgaes", "--out", "clean"])
        .assert()
        .code(2)
        .stderr("scrape-clean: pgaes: no such folder (did you mean pages?)\n");
    assert!(!dir.path().join("clean").exists(), "nothing created for a failed run");
}

#[test]
fn batch_out_inside_the_input_is_refused_with_the_fix() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("pages")).unwrap();
    fs::copy(seed(), dir.path().join("pages").join("a.txt")).unwrap();
    #[rustfmt::skip]
    let rows = [
        ("pages/clean",       "is inside the input folder pages, and this run's JSON would be read as pages by the next run"),
        ("pages/new/../deep", "is inside the input folder pages, and this run's JSON would be read as pages by the next run"),
        ("pages",             "is the input folder pages, and its JSON would sit among the pages"),
        ("./pages/",          "is the input folder pages, and its JSON would sit among the pages"),
    ];
    for (out, reason) in rows {
        command().current_dir(dir.path()).args(["batch", "pages", "--out", out]).assert().code(2).stderr(format!(
            "scrape-clean: {out}: --out {reason}; put the output beside the input instead, e.g. --out pages-clean\n"
        ));
    }
    assert_eq!(fs::read_dir(dir.path().join("pages")).unwrap().count(), 1, "nothing written into the input");
    // Beside the input is fine, and so is an input inside the output.
    command().current_dir(dir.path()).args(["batch", "pages", "--out", "pages-clean"]).assert().success();
    command().current_dir(dir.path()).args(["batch", "pages", "--out", "."]).assert().success();
    assert!(dir.path().join("pages-clean").join("a.json").exists());
    assert!(dir.path().join("a.json").exists());
}

#[test]
fn help_documents_the_new_flags() {
    let help = command().arg("--help").assert().success().get_output().stdout.clone();
    let help = String::from_utf8(help).unwrap();
    for flag in ["--explain[=<VIEW>]", "--color <WHEN>", "--generate <KIND>", "NO_COLOR"] {
        assert!(help.contains(flag), "{flag} in --help");
    }
    let batch = command().args(["batch", "--help"]).assert().success().get_output().stdout.clone();
    // The help is wrapped to the terminal: compare with the lines joined.
    let batch = String::from_utf8(batch).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(batch.contains("Not inside DIR"), "{batch}");
}
