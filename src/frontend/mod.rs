//! Stage 2: the front ends. Each turns decoded text into a [`Document`],
//! the one intermediate form the rest of the pipeline reads.
//!
//! - [`text`]: plain-text dumps (one block a line, or hard-wrapped);
//! - [`html`]: raw HTML, with markup hints; [`metadata`] reads what the
//!   page states about itself (JSON-LD, meta tags) in a fixed cascade.

pub(crate) mod html;
pub(crate) mod metadata;
pub(crate) mod prefilter;
pub(crate) mod text;

use crate::block::Document;
use crate::decode::Decoded;
use crate::model::Format;

/// Reads a decoded page with the front end its format calls for.
pub(crate) fn read(decoded: &Decoded) -> Document {
    match decoded.format {
        Format::Text => text::read(&decoded.text),
        Format::Html => html::read(&decoded.text),
    }
}
