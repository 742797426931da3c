//! The pipeline: each stage in order, nothing else.
//!
//! decode → front end → classify → assemble. Output (stage 6) is left to
//! the caller, who may want JSON, JSON Lines or the article value itself.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::classify::{self, Label};
use crate::error::{Error, Result};
use crate::model::Article;
use crate::options::Options;
use crate::output::BlockReport;
use crate::{assemble, decode, frontend};

/// Cleans one page: raw bytes (a text dump or HTML, any encoding) in, the
/// article out.
///
/// ```
/// let page = b"Skip to content\n\nCity opens a new library\n\nBy Jane Doe\nMarch 3, 2024\n\n\
/// The city opened its new central library on Monday, after four years of building work.\n\n\
/// Officials said the building would hold more than a million books when it is full.\n";
/// let article = scrape_clean::clean(page, &scrape_clean::Options::default())?;
/// assert_eq!(article.headline.as_deref(), Some("City opens a new library"));
/// assert_eq!(article.authors, ["Jane Doe"]);
/// assert_eq!(article.published.as_deref(), Some("2024-03-03"));
/// assert_eq!(article.body.len(), 2);
/// # Ok::<(), scrape_clean::Error>(())
/// ```
pub fn clean(input: &[u8], options: &Options) -> Result<Article> {
    if input.len() as u64 > options.byte_limit() {
        return Err(Error::TooLarge { limit: options.byte_limit() });
    }
    let decoded = decode::decode_declared(input, options.input_format(), options.charset_label())?;
    let doc = frontend::read(&decoded);
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    let classified = classify::classify(&doc, options.reference_time());
    Ok(assemble::assemble(&doc, &classified))
}

/// Cleans the page in a file, refusing files over the size limit without
/// reading them whole. The article's `source.path` is set to `path`.
pub fn clean_file(path: &Path, options: &Options) -> Result<Article> {
    let bytes = read_limited(path, options.byte_limit())?;
    let mut article = clean(&bytes, options)?;
    article.source.path = Some(path.to_string_lossy().into_owned());
    Ok(article)
}

/// Reads at most `limit` bytes of a file; more is [`Error::TooLarge`].
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { limit });
    }
    Ok(bytes)
}

/// Shows how a page was read: every block with the label it got and why.
///
/// ```
/// let reports = scrape_clean::explain(b"Subscribe\n\nA headline\n", &scrape_clean::Options::default())?;
/// assert_eq!(reports[0].label, "furniture");
/// # Ok::<(), scrape_clean::Error>(())
/// ```
pub fn explain(input: &[u8], options: &Options) -> Result<Vec<BlockReport>> {
    if input.len() as u64 > options.byte_limit() {
        return Err(Error::TooLarge { limit: options.byte_limit() });
    }
    let decoded = decode::decode_declared(input, options.input_format(), options.charset_label())?;
    let doc = frontend::read(&decoded);
    let classified = classify::classify(&doc, options.reference_time());
    Ok(doc
        .blocks
        .into_iter()
        .zip(classified.verdicts)
        .enumerate()
        .map(|(index, (block, verdict))| BlockReport {
            index,
            label: label_name(verdict.label),
            reason: verdict.reason,
            text: block.text,
        })
        .collect())
}

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Furniture => "furniture",
        Label::Title => "title",
        Label::Headline => "headline",
        Label::Byline => "byline",
        Label::Dateline => "dateline",
        Label::Body => "body",
        Label::Caption => "caption",
        Label::SectionHeading => "section-heading",
        Label::ItemTime => "item-time",
        Label::ItemHeadline => "item-headline",
        Label::ItemSummary => "item-summary",
        Label::Other => "other",
    }
}
