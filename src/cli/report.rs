//! Everything the binary says on stderr: per-file errors in the form
//! `scrape-clean: PATH: reason`, and the exit status. Control characters
//! in names and messages are escaped, so no page or file name can send
//! escape sequences to the user's terminal.

use std::fmt::Write as _;
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

/// Escapes control characters (`\x1b` → `\x1b` spelled out, newline → `\n`).
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
