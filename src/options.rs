//! Options for a cleaning run: one value, built once, shared by every page.
//!
//! Fields are private so new options never break callers; set them with the
//! chainable setters, starting from [`Options::default`].

use jiff::civil::DateTime;

/// Which front end reads the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputFormat {
    /// Sniff the content (not the file name): markup means HTML.
    #[default]
    Auto,
    /// A plain-text dump of the page, one block a line.
    Text,
    /// Raw HTML as served.
    Html,
}

/// Default input size limit: 64 MiB. Real pages are under 5 MiB; anything
/// far larger is a mistake (a video, a database dump) not worth reading.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How pages are cleaned.
#[derive(Debug, Clone)]
pub struct Options {
    format: InputFormat,
    now: Option<DateTime>,
    max_bytes: u64,
    declared_charset: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { format: InputFormat::Auto, now: None, max_bytes: DEFAULT_MAX_BYTES, declared_charset: None }
    }
}

impl Options {
    /// Options with every default: format sniffed, no reference time,
    /// a 64 MiB input limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads pages as `format` instead of sniffing.
    pub fn format(mut self, format: InputFormat) -> Self {
        self.format = format;
        self
    }

    /// The reference time for relative dates ("2 hours ago"), as the page's
    /// local clock time. Without it relative dates are kept only as text.
    pub fn now(mut self, now: DateTime) -> Self {
        self.now = Some(now);
        self
    }

    /// Refuses inputs larger than `limit` bytes (default 64 MiB) with
    /// [`crate::Error::TooLarge`].
    pub fn max_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// The charset the page was served with, as a WHATWG label (`"iso-8859-1"`,
    /// `"windows-1251"`): the `charset` of an HTTP `Content-Type` header.
    /// It counts as the page's declared charset and takes precedence over
    /// a `<meta charset>`, as in browsers; a byte-order mark and valid UTF-8
    /// still win, and an unknown label is ignored.
    pub fn declared_charset(mut self, label: impl Into<String>) -> Self {
        self.declared_charset = Some(label.into());
        self
    }

    /// The input format setting.
    pub fn input_format(&self) -> InputFormat {
        self.format
    }

    /// The reference time for relative dates, if one was given.
    pub fn reference_time(&self) -> Option<DateTime> {
        self.now
    }

    /// The input size limit in bytes.
    pub fn byte_limit(&self) -> u64 {
        self.max_bytes
    }

    /// The charset label set by [`Options::declared_charset`], if any.
    pub fn charset_label(&self) -> Option<&str> {
        self.declared_charset.as_deref()
    }
}
