//! Training support (the `training` cargo feature; not part of the normal
//! API): the block model's feature vectors for a page, for
//! `tools/train_block_model.py`.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::{classify, decode, frontend};

/// One block with what the block model sees.
#[derive(Debug, Clone, Serialize)]
pub struct BlockRow {
    /// The block's text.
    pub text: String,
    /// The feature vector, in the order of `feature_names()`.
    pub features: Vec<f32>,
    /// False for blocks the body region may not cross (feed sections).
    pub allowed: bool,
    /// The score the current model gives the block.
    pub score: f32,
}

/// The names of the features, in vector order.
pub fn feature_names() -> &'static [&'static str] {
    classify::model::FEATURES
}

/// One headline candidate with what the headline model sees.
#[derive(Debug, Clone, Serialize)]
pub struct HeadlineRow {
    /// The candidate's text.
    pub text: String,
    /// `block`, `title` (the cut page title) or `stated` (the markup's headline).
    pub kind: &'static str,
    /// The feature vector, in the order of `headline_feature_names()`.
    pub features: Vec<f32>,
}

/// The names of the headline model's features, in vector order.
pub fn headline_feature_names() -> &'static [&'static str] {
    classify::headline::FEATURES
}

/// The headline candidates of one page.
pub fn headline_rows(input: &[u8], options: &Options) -> Result<Vec<HeadlineRow>> {
    let decoded = decode::decode(input, options.input_format())?;
    let doc = frontend::read(&decoded);
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    Ok(classify::headline_view(&doc)
        .into_iter()
        .map(|(text, kind, features)| HeadlineRow { text, kind, features })
        .collect())
}

/// The names of the hand rules that `SCRAPE_CLEAN_DISABLE` can switch
/// off, in report order (see `tools/ablate_rules.py`).
pub fn rule_names() -> Vec<&'static str> {
    crate::switches::Rule::ALL.iter().map(|r| r.name()).collect()
}

/// The block rows of one page.
pub fn block_rows(input: &[u8], options: &Options) -> Result<Vec<BlockRow>> {
    let decoded = decode::decode(input, options.input_format())?;
    let doc = frontend::read(&decoded);
    if doc.blocks.is_empty() {
        return Err(Error::NoText);
    }
    let view = classify::model_view(&doc);
    Ok(doc
        .blocks
        .into_iter()
        .zip(view)
        .map(|(block, (features, allowed, score))| BlockRow { text: block.text, features, allowed, score })
        .collect())
}
