//! Faults in batch runs: unreadable and vanished pages, link loops, odd
//! file names, an unusable `--out`, and a run killed part-way. In every
//! case the rest of the batch completes and only whole JSON files exist.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::util::{command, json, seed};

/// Every `.json` file under `dir` (recursively), each checked to be whole.
fn outputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                json(&fs::read_to_string(&path).unwrap());
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_page_that_cannot_be_read_fails_alone() {
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    symlink(input.path().join("gone.txt"), input.path().join("b.txt")).unwrap();
    // Permissions stop everyone but root (CI may run as root, where the
    // dangling link above is the unreadable page).
    let locked = input.path().join("c.txt");
    fs::copy(seed(), &locked).unwrap();
    let as_root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0"));
    if !as_root {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    }
    let out = TempDir::new().unwrap();
    let run = command().arg("batch").arg(input.path()).arg("--out").arg(out.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&format!("scrape-clean: {}: ", input.path().join("b.txt").display())),
        "{stderr}"
    );
    if !as_root {
        assert!(stderr.contains(&format!("scrape-clean: {}: ", locked.display())), "{stderr}");
    }
    assert!(out.path().join("a.json").exists());
}

#[test]
fn a_link_loop_is_reported_and_the_rest_goes_on() {
    let input = TempDir::new().unwrap();
    fs::create_dir(input.path().join("sub")).unwrap();
    fs::copy(seed(), input.path().join("sub/a.txt")).unwrap();
    symlink(input.path(), input.path().join("sub/loop")).unwrap();
    let out = TempDir::new().unwrap();
    // Not followed by default: the link is not a page.
    command().arg("batch").arg(input.path()).arg("--out").arg(out.path()).assert().success();
    // Followed on request: the loop is an error, the page is still cleaned.
    let out2 = TempDir::new().unwrap();
    command()
        .args(["batch", "--follow"])
        .arg(input.path())
        .arg("--out")
        .arg(out2.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("loop"));
    assert_eq!(outputs(out2.path()), [out2.path().join("sub/a.json")]);
}

#[test]
fn linked_folders_are_followed_only_with_follow() {
    let elsewhere = TempDir::new().unwrap();
    fs::copy(seed(), elsewhere.path().join("far.txt")).unwrap();
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("near.txt")).unwrap();
    symlink(elsewhere.path(), input.path().join("linked")).unwrap();
    let out = TempDir::new().unwrap();
    command().arg("batch").arg(input.path()).arg("--out").arg(out.path()).assert().success();
    assert_eq!(outputs(out.path()), [out.path().join("near.json")]);
    let out2 = TempDir::new().unwrap();
    command().args(["batch", "--follow"]).arg(input.path()).arg("--out").arg(out2.path()).assert().success();
    // Outputs stay under --out, named by the path inside the input folder.
    assert_eq!(outputs(out2.path()), [out2.path().join("linked/far.json"), out2.path().join("near.json")]);
}

#[test]
fn names_that_are_not_utf8_or_hold_control_characters() {
    let input = TempDir::new().unwrap();
    let latin1_name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::copy(seed(), input.path().join(latin1_name)).unwrap();
    let evil = input.path().join("evil\x1b[31mred\x07.bin");
    fs::write(&evil, [0u8; 4096]).unwrap();
    let out = TempDir::new().unwrap();
    let run = command().arg("batch").arg(input.path()).arg("--out").arg(out.path()).assert().code(1);
    assert!(out.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.json")).exists());
    let stderr = &run.get_output().stderr;
    assert!(!stderr.contains(&0x1b) && !stderr.contains(&0x07), "raw control bytes reached the terminal");
    let stderr = String::from_utf8_lossy(stderr);
    assert!(stderr.contains("evil\\u{1b}[31mred\\u{7}.bin"), "{stderr}");
}

#[test]
fn pages_over_max_bytes_are_refused() {
    command()
        .args(["--max-bytes", "100"])
        .arg(seed())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("scrape-clean: ").and(predicate::str::contains("100")));
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("big.txt")).unwrap();
    fs::write(
        input.path().join("small.txt"),
        "A short page\n\nWith one line of text that is long enough to read.\n",
    )
    .unwrap();
    let out = TempDir::new().unwrap();
    command()
        .args(["batch", "--max-bytes", "1000"])
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1);
    assert_eq!(outputs(out.path()), [out.path().join("small.json")]);
}

#[test]
fn an_out_that_is_a_file_is_fatal_before_any_work() {
    let input = TempDir::new().unwrap();
    fs::copy(seed(), input.path().join("a.txt")).unwrap();
    let file = input.path().join("out-file");
    fs::write(&file, "x").unwrap();
    command().arg("batch").arg(input.path()).arg("--out").arg(&file).assert().code(2);
}

#[test]
fn a_killed_batch_leaves_whole_files_and_skip_existing_finishes_it() {
    let input = TempDir::new().unwrap();
    let page = fs::read(seed()).unwrap();
    let pages = 3000;
    for i in 0..pages {
        fs::write(input.path().join(format!("p{i:05}.txt")), &page).unwrap();
    }
    let out = TempDir::new().unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("scrape-clean"))
        .args(["batch", "-j", "1"])
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some outputs exist (or after a while on a slow machine).
    let started = Instant::now();
    while outputs_count(out.path()) < 20 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let done = outputs(out.path()); // each one parses: no half-written JSON
    assert!(done.len() < pages, "the batch finished before it could be killed");
    let stamps: Vec<_> = done.iter().map(|p| fs::metadata(p).unwrap().modified().unwrap()).collect();
    command()
        .args(["batch", "--skip-existing"])
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("({} already done)", done.len())));
    assert_eq!(outputs(out.path()).len(), pages);
    for (path, stamp) in done.iter().zip(stamps) {
        assert_eq!(fs::metadata(path).unwrap().modified().unwrap(), stamp, "{} was redone", path.display());
    }
}

fn outputs_count(dir: &Path) -> usize {
    fs::read_dir(dir).map_or(0, |entries| {
        entries.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "json")).count()
    })
}
