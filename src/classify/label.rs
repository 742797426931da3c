//! The labels the passes give blocks, and the dated facts they read.
//!
//! One [`Verdict`] a block, parallel to the document's blocks, is the
//! state the passes share: each pass reads the labels given before it and
//! labels the blocks it finds.

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// Menus, buttons, banners, forms, footers.
    Furniture,
    /// The page title line of a dump (`<title>`).
    Title,
    /// The article's headline.
    Headline,
    /// The line naming the authors.
    Byline,
    /// The line giving the publication time.
    Dateline,
    /// A paragraph of the article.
    Body,
    /// A picture caption.
    Caption,
    /// The heading of a sidebar feed or list.
    SectionHeading,
    /// A sidebar item's time stamp.
    ItemTime,
    /// A sidebar item's headline.
    ItemHeadline,
    /// A sidebar item's summary.
    ItemSummary,
    /// Anything else outside the article: dropped.
    Other,
}

/// A block's label and the main reason for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The label.
    pub(crate) label: Label,
    /// Why, in a few words (shown by `--explain`).
    pub(crate) reason: &'static str,
}

/// A date as found on the page: ISO form and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dated {
    /// ISO 8601, when it could be resolved.
    pub(crate) iso: Option<String>,
    /// As written.
    pub(crate) text: String,
}

/// Whether block `i` has no label yet.
pub(crate) fn is_free(verdicts: &[Verdict], i: usize) -> bool {
    verdicts[i].label == Label::Other
}
