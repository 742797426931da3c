//! Stage 2: the front ends. Each turns decoded text into a [`Document`],
//! the one intermediate form the rest of the pipeline reads.
//!
//! - [`text`]: plain-text dumps (one block a line, or hard-wrapped);
//! - [`html`]: raw HTML, with markup hints; [`metadata`] reads what the
//!   page states about itself (JSON-LD, meta tags) in a fixed cascade.

pub(crate) mod columns;
pub(crate) mod html;
pub(crate) mod metadata;
pub(crate) mod prefilter;
pub(crate) mod text;

use crate::block::{Block, Document};
use crate::decode::Decoded;
use crate::model::Format;

/// Most blocks a page is classified in. Real pages have a few thousand;
/// a page of a million one-character lines would otherwise cost a few
/// hundred bytes of features per character. Past this, consecutive blocks
/// are merged in equal runs, so memory stays a small multiple of the
/// page's size.
pub(crate) const MAX_BLOCKS: usize = 50_000;

/// Reads a decoded page with the front end its format calls for.
pub(crate) fn read(decoded: &Decoded) -> Document {
    let mut doc = match decoded.format {
        Format::Text => text::read(&decoded.text),
        Format::Html => html::read(&decoded.text),
    };
    cap_blocks(&mut doc.blocks, MAX_BLOCKS);
    doc
}

/// Merges runs of consecutive blocks (text joined with a space; the first
/// block's kind and hints kept) until at most `max` remain.
fn cap_blocks(blocks: &mut Vec<Block>, max: usize) {
    if blocks.len() <= max || max == 0 {
        return;
    }
    let run = blocks.len().div_ceil(max);
    let mut merged: Vec<Block> = Vec::with_capacity(max);
    for (i, block) in std::mem::take(blocks).into_iter().enumerate() {
        match merged.last_mut() {
            Some(last) if i % run != 0 => {
                last.text.push(' ');
                last.text.push_str(&block.text);
            }
            _ => merged.push(block),
        }
    }
    *blocks = merged;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::Kind;

    #[test]
    fn blocks_past_the_cap_are_merged_in_runs() {
        let mut blocks: Vec<Block> = (0..10).map(|i| Block::new(i.to_string(), Kind::Line)).collect();
        cap_blocks(&mut blocks, 4);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["0 1 2", "3 4 5", "6 7 8", "9"]);
        let mut few: Vec<Block> = (0..3).map(|i| Block::new(i.to_string(), Kind::Line)).collect();
        cap_blocks(&mut few, 4);
        assert_eq!(few.len(), 3);
    }
}
