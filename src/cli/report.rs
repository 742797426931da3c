//! Everything the binary says on stderr: per-file errors in the form
//! `scrape-clean: PATH: reason`, and the exit status. Control characters
//! in names and messages are escaped, so no page or file name can send
//! escape sequences to the user's terminal.

use std::cell::Cell;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

/// The process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Every page was cleaned.
    Success = 0,
    /// At least one page could not be cleaned; the others were.
    PartialFailure = 1,
    /// Nothing could be done: bad arguments, unusable output folder.
    Fatal = 2,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code as u8)
    }
}

thread_local! {
    /// Set while a page is being cleaned under [`guarded`]: its panics are
    /// reported as that page's error, not by the default hook.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Installs a panic hook that stays quiet for panics inside [`guarded`]
/// (they become per-file errors) and keeps the default report elsewhere.
pub fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !GUARDED.with(Cell::get) {
            default(info);
        }
    }));
}

/// Runs one page's work so that a panic (a bug: the library must not
/// panic) fails that page alone instead of the whole run.
pub fn guarded<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    GUARDED.with(|g| g.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(false));
    result.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(anyhow::anyhow!("internal error, please report it: {message}"))
    })
}

/// Prints `scrape-clean: PATH: reason` for one failed input.
pub fn file_error(path: &str, error: &anyhow::Error) {
    eprintln!("scrape-clean: {}: {}", sanitize(path), sanitize(&format!("{error:#}")));
}

/// Prints `scrape-clean: reason` for an error not tied to one input.
pub fn fatal(error: &anyhow::Error) {
    eprintln!("scrape-clean: {}", sanitize(&format!("{error:#}")));
}

/// How a path is shown: lossy UTF-8, `-` for standard input.
pub fn display_path(path: Option<&Path>) -> String {
    path.map_or_else(|| "<stdin>".to_string(), |p| p.to_string_lossy().into_owned())
}

/// Escapes control characters (ESC → `\u{1b}` spelled out, newline → `\n`).
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(sanitize("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\\nc");
        assert_eq!(sanitize("plain päth"), "plain päth");
        assert_eq!(sanitize("rtl\u{202e}x"), "rtl\\u{202e}x");
    }
}
