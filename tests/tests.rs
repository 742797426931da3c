//! The integration tests, one binary (faster to build and link than one a
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a failing test panics")]
//! file). Each module is one concern:

/// The command-line tool: inputs, outputs, batch runs and exit codes.
mod cli;
/// CLI conventions: `--generate` (man page, completions) and argument
/// errors that say what is wrong and how to fix it.
mod conventions;
/// The `--explain` views: the table's colour and the HTML page.
mod explain;
/// Faults in batch runs: unreadable pages, link loops, odd names, kills.
mod faults;
/// Golden tests: every case under `fixtures/` against its expected JSON.
mod golden;
/// Hostile pages: huge, deep, binary, mis-encoded; each finishes.
mod hostile;
/// Properties that must hold for any input: no panic, valid JSON, no
/// invented words.
mod never_panic;
/// Markdown and text output: goldens, and Markdown read back by a
/// CommonMark parser.
mod output;
/// The JSON contract, as a consumer sees it.
mod schema;
/// `scrape-clean stream`: JSON Lines and WARC records in, JSON Lines out.
mod stream;
/// Shared helpers.
mod util;
