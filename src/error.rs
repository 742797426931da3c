//! The library's error type.
//!
//! Every failure of [`crate::clean`] is one of these variants, so a batch can
//! count them by kind ("12 empty, 3 binary"). The library never prints; the
//! binary decides how errors reach the user.

use std::path::PathBuf;

/// Why a page could not be cleaned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has no bytes, or only whitespace.
    #[error("empty input")]
    Empty,
    /// The input is not text in any encoding (images, archives, executables).
    #[error("binary data, not a text or HTML page")]
    Binary,
    /// The input is larger than the configured limit (see
    /// [`crate::Options::max_bytes`]); it was not read whole.
    #[error("input is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit that was exceeded, in bytes.
        limit: u64,
    },
    /// The page was read but holds no text at all once markup is removed.
    #[error("no text found on the page")]
    NoText,
    /// Reading the input failed.
    #[error("cannot read the file")]
    Read {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
