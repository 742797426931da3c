//! scrape-clean turns raw scraped web pages — plain-text dumps of a whole
//! page, or raw HTML — into one clean article: headline, authors,
//! publication time, body paragraphs, captions and the page's sidebar news
//! items, ready to serialise as JSON or to render as Markdown or plain
//! text ([`to_markdown`], [`to_text`]). Each body paragraph keeps its kind
//! ([`BodyKind`]: paragraph, subhead, list item, quote, table row).
//!
//! ```
//! use scrape_clean::{clean, Options};
//!
//! let page = "Menu\nHome\n\nRiver levels fall after a week of floods\n\nBy Ann Lee and Tom Park\n\
//! Published 12 May 2023 09:30 BST\n\n\
//! River levels across the region fell on Friday for the first time in a week, officials said.\n\n\
//! Hundreds of homes remain without power, and schools will stay closed until Monday.\n\n\
//! Most read\nTrain fares to rise in June\nCouncil approves new park\n";
//! let article = clean(page.as_bytes(), &Options::default())?;
//! assert_eq!(article.headline.as_deref(), Some("River levels fall after a week of floods"));
//! assert_eq!(article.authors, ["Ann Lee", "Tom Park"]);
//! assert_eq!(article.published.as_deref(), Some("2023-05-12T09:30:00+01:00"));
//! assert_eq!(article.body.len(), 2);
//! assert_eq!(article.sidebar.len(), 2);
//! println!("{}", scrape_clean::to_json(&article, scrape_clean::Style::Pretty));
//! # Ok::<(), scrape_clean::Error>(())
//! ```
//!
//! The pipeline, one module a stage: `decode` (bytes → UTF-8, text or
//! HTML) → `frontend` (text lines or the DOM → blocks) → `classify` (a label
//! for every block) → `assemble` (labelled blocks → [`Article`]) →
//! [`output`](to_json) (JSON, Markdown, text). [`explain`] shows the
//! classifier's view of a page, as a table ([`explain_text`]) or a page
//! for a browser ([`explain_html`]). Rule tables (phrases, date formats, author cues,
//! markup tokens) live as data in one module, `rules`.
//!
//! For streams of crawled records (JSON Lines of `{url, html}`, WARC files
//! as Common Crawl ships them) see [`stream`]: a record reader and a
//! per-record cleaner, for running inside your own workers.

#![deny(missing_docs)]

mod error;
mod model;
mod options;

mod assemble;
mod block;
mod classify;
mod decode;
mod explain_html;
mod frontend;
mod output;
mod pipeline;
mod rules;
pub mod stream;
mod switches;
#[cfg(feature = "training")]
pub mod training;

pub use error::{Error, Result};
pub use explain_html::explain_html;
pub use model::{Article, BodyKind, Format, Image, SidebarItem, Source};
pub use options::{DEFAULT_MAX_BYTES, InputFormat, Options};
pub use output::{BlockReport, Style, explain_text, to_json, to_markdown, to_text};
pub use pipeline::{clean, clean_file, explain};
