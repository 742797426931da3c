//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The seed page's input (`fixtures/seed-kyiv-independent`).
pub fn seed() -> PathBuf {
    fixtures().join("seed-kyiv-independent").join("input.txt")
}

/// The input file of a fixture case (`input.txt` or `input.html`).
pub fn input_of(case: &Path) -> PathBuf {
    ["input.txt", "input.html"]
        .iter()
        .map(|name| case.join(name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no input.txt or input.html", case.display()))
}

/// Every fixture case folder, sorted.
pub fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures folder")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// The command under test.
pub fn command() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("scrape-clean").expect("binary built")
}

/// Parses JSON, with the text in the panic message when it is not JSON.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
