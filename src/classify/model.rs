//! The block model: how likely a block is to be article text, learned.
//!
//! Each block becomes a vector of [`FEATURES`] (its own shape, its
//! neighbours', its place relative to the headline, and in HTML what the
//! markup says); a logistic regression turns the vector into log-odds of
//! "this block is part of the article". The weights are data, in
//! `src/rules/block_model.txt`, one set per input format, written by
//! `tools/train_block_model.py` from the dev corpora (which it also
//! cross-validates by page). The region finder then adds the clipped
//! log-odds up, so a block's score is its evidence for and against.
//!
//! Rules stay in charge of what rules do well (furniture phrases, feed
//! grammar, the header); the model only weighs the evidence for the body.

use std::sync::LazyLock;

use crate::block::{Document, Kind, Region};
use crate::classify::score::Page;
use crate::model::Format;

/// The features, in vector order. The weights file names them, so adding
/// one means retraining (a unit test checks that every feature has a
/// weight in every format).
pub(crate) const FEATURES: &[&str] = &[
    "words_log",
    "short",
    "medium",
    "long",
    "stop_ratio",
    "sentence_end",
    "prose",
    "furniture",
    "repeated",
    "capital_ratio",
    "digit_ratio",
    "link_text",
    "ends_colon",
    "numbered",
    "list_item",
    "comma_density",
    "separators",
    "has_date",
    "unspaced",
    "position",
    "after_anchor",
    "anchor_distance",
    "before_anchor",
    "prev_prose",
    "next_prose",
    "context_words",
    "prev_colon",
    "short_run",
    "prose_nearby",
    "prose_distance",
    "gap_before",
    "gap_after",
    "periodic",
    "template_suffix",
    "comment_meta",
    "region_article",
    "region_aside",
    "link_density",
    "class_score",
    "paragraph",
    "heading",
    "caption",
    "main_container",
];

/// Number of features.
pub(crate) const N: usize = FEATURES.len();

/// Largest score one block can add to or take from a region: no single
/// block, however sure the model is, outweighs a few solid paragraphs.
const MAX_BLOCK_SCORE: f32 = 4.0;

/// A trained scorer for one input format: a bias, one linear weight a
/// feature (in the feature list's order), and a sum of regression trees
/// (gradient boosting); a file may give either or both.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    bias: f32,
    weights: Vec<f32>,
    trees: Vec<Tree>,
}

/// One regression tree: nodes in an array, the root first.
#[derive(Debug, Clone)]
struct Tree {
    nodes: Vec<Node>,
}

/// A node of a [`Tree`].
#[derive(Debug, Clone, Copy)]
enum Node {
    /// Go left when feature `feature` is at most `threshold`, else right.
    Split { feature: usize, threshold: f32, left: usize, right: usize },
    /// The tree's output.
    Leaf(f32),
}

impl Tree {
    fn value(&self, x: &[f32]) -> f32 {
        let mut at = 0;
        // A tree is walked at most once per node: a malformed file (a
        // child pointing back up) cannot loop.
        for _ in 0..self.nodes.len() {
            match self.nodes.get(at) {
                Some(Node::Split { feature, threshold, left, right }) => {
                    at = if x.get(*feature).copied().unwrap_or(0.0) <= *threshold { *left } else { *right };
                }
                Some(Node::Leaf(value)) => return *value,
                None => return 0.0,
            }
        }
        0.0
    }

    /// Parses `0:feature:threshold:1:2 1=0.25 2=-0.5`: a split node is
    /// `index:feature:threshold:left:right`, a leaf `index=value`.
    fn parse<'a>(tokens: impl Iterator<Item = &'a str>, names: &[&str]) -> Option<Tree> {
        let mut nodes: Vec<(usize, Node)> = Vec::new();
        for token in tokens {
            if let Some((index, value)) = token.split_once('=') {
                nodes.push((index.parse().ok()?, Node::Leaf(value.parse().ok()?)));
                continue;
            }
            let mut parts = token.split(':');
            let index = parts.next()?.parse().ok()?;
            let name = parts.next()?;
            let feature = names.iter().position(|f| *f == name)?;
            let threshold = parts.next()?.parse().ok()?;
            let left = parts.next()?.parse().ok()?;
            let right = parts.next()?.parse().ok()?;
            nodes.push((index, Node::Split { feature, threshold, left, right }));
        }
        nodes.sort_by_key(|(index, _)| *index);
        let dense = nodes.iter().enumerate().all(|(k, (index, _))| k == *index);
        (dense && !nodes.is_empty())
            .then(|| Tree { nodes: nodes.into_iter().map(|(_, node)| node).collect() })
    }
}

impl Weights {
    /// The log-odds (or ranking score) of a feature vector.
    pub(crate) fn logit(&self, x: &[f32]) -> f32 {
        let linear = self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f32>();
        self.bias + linear + self.trees.iter().map(|t| t.value(x)).sum::<f32>()
    }
}

/// Trained weights, one set per format, and optionally one for text dumps
/// that do not open with their title (a browser's copy of a page).
#[derive(Debug, Clone)]
pub(crate) struct Model {
    text: Weights,
    html: Weights,
    untitled: Option<Weights>,
}

impl Model {
    /// The weights for pages of `format`.
    pub(crate) fn for_format(&self, format: Format) -> &Weights {
        match format {
            Format::Text => &self.text,
            Format::Html => &self.html,
        }
    }

    /// The weights for pages of `format` that state a title (`titled`) or
    /// not: a text dump without one has its own set when the file gives
    /// one (`untitled` lines), else the text set.
    pub(crate) fn for_page(&self, format: Format, titled: bool) -> &Weights {
        match (format, &self.untitled) {
            (Format::Text, Some(untitled)) if !titled => untitled,
            _ => self.for_format(format),
        }
    }
}

/// The weights file, compiled in.
const WEIGHTS_FILE: &str = include_str!("../rules/block_model.txt");

/// The model, parsed on first use.
pub(crate) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let file = crate::switches::model_file("block_model.txt");
    parse(file.as_deref().unwrap_or(WEIGHTS_FILE), FEATURES)
});

/// Parses `format feature weight` and `format tree …` lines for the
/// features `names`; `#` starts a comment. A missing weight is 0 (the feature is ignored), which
/// the unit tests of each model forbid.
pub(crate) fn parse(text: &str, names: &[&str]) -> Model {
    let empty = || Weights { bias: 0.0, weights: vec![0.0; names.len()], trees: Vec::new() };
    let mut model = Model { text: empty(), html: empty(), untitled: None };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut parts = line.split_whitespace();
        let (Some(format), Some(name)) = (parts.next(), parts.next()) else { continue };
        let set = match format {
            "text" => &mut model.text,
            "html" => &mut model.html,
            "untitled" => model.untitled.get_or_insert_with(empty),
            _ => continue,
        };
        if name == "tree" {
            set.trees.extend(Tree::parse(parts, names));
            continue;
        }
        let Some(Ok(value)) = parts.next().map(str::parse::<f32>) else { continue };
        if name == "bias" {
            set.bias = value;
        } else if let Some(i) = names.iter().position(|f| *f == name) {
            set.weights[i] = value;
        }
    }
    model
}

/// Checks a weights file for `names`: every feature has a weight in each
/// of `formats` and no unknown feature is named. For the models' unit
/// tests.
#[cfg(test)]
pub(crate) fn check_weights_file(file: &str, names: &[&str], formats: &[&str]) {
    for &format in formats {
        for feature in names.iter().copied().chain(["bias"]) {
            let found = file.lines().any(|l| {
                let mut parts = l.split_whitespace();
                parts.next() == Some(format)
                    && parts.next() == Some(feature)
                    && parts.next().is_some_and(|v| v.parse::<f32>().is_ok())
            });
            assert!(found, "no {format} weight for {feature}");
        }
    }
    for line in file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut parts = line.split_whitespace();
        let name = parts.nth(1).unwrap_or("");
        if name == "tree" {
            assert!(Tree::parse(parts, names).is_some(), "malformed or unknown feature in tree: {line}");
            continue;
        }
        assert!(name == "bias" || names.contains(&name), "unknown feature {name:?}");
    }
}

/// Where the headline probably is before the header is read: the block
/// most like the title, if one is like it at all.
pub(crate) type Anchor = Option<usize>;

/// The feature vector of every block.
pub(crate) fn vectors(doc: &Document, page: &Page, anchor: Anchor) -> Vec<[f32; N]> {
    let n = doc.blocks.len();
    let known = page.language.is_some();
    let prose: Vec<f32> = page.features.iter().map(|f| f32::from(u8::from(is_prose(f, known)))).collect();
    let short_runs = short_runs(page);
    let distance = prose_distances(&prose);
    let mean = |range: std::ops::Range<usize>, values: &dyn Fn(usize) -> f32| {
        let len = range.len();
        if len == 0 { 0.0 } else { range.map(values).sum::<f32>() / len as f32 }
    };
    (0..n)
        .map(|i| {
            let block = &doc.blocks[i];
            let f = &page.features[i];
            let words = f.words as f32;
            let after = anchor.is_some_and(|a| i > a);
            let before = anchor.is_some_and(|a| i < a);
            let from_anchor = anchor.filter(|&a| i > a).map_or(0.0, |a| ((i - a) as f32).ln_1p());
            let nearby = i.saturating_sub(5)..(i + 6).min(n);
            let prev = i.saturating_sub(2)..i;
            let next = (i + 1).min(n)..(i + 3).min(n);
            let around = i.saturating_sub(2)..(i + 3).min(n);
            let flag = |b: bool| f32::from(u8::from(b));
            [
                words.ln_1p(),
                flag(f.words < 4),
                flag((4..10).contains(&f.words)),
                flag(f.words >= 20),
                f.stop_ratio,
                flag(f.sentence_end),
                prose[i],
                flag(f.furniture.is_some()),
                flag(f.repeats > 0 && !f.periodic),
                f.capital_ratio,
                f.digit_ratio,
                flag(f.link_text),
                flag(f.ends_colon),
                flag(f.numbered),
                flag(block.kind == Kind::ListItem),
                f.comma_density,
                flag(f.separators),
                flag(f.has_date),
                flag(f.unspaced),
                if n > 1 { i as f32 / (n - 1) as f32 } else { 0.0 },
                flag(after),
                from_anchor,
                flag(before),
                mean(prev.clone(), &|j| prose[j]),
                mean(next, &|j| prose[j]),
                mean(around, &|j| page.features[j].words as f32).ln_1p(),
                flag(prev.last().is_some_and(|j| doc.blocks[j].text.trim_end().ends_with(':'))),
                (short_runs[i] as f32).ln_1p(),
                nearby.map(|j| prose[j]).sum::<f32>(),
                (distance[i] as f32).min(20.0).ln_1p(),
                flag(block.gap_before),
                flag(doc.blocks.get(i + 1).is_some_and(|b| b.gap_before)),
                flag(f.periodic),
                flag(f.template_suffix),
                flag(f.comment_meta),
                flag(block.region == Region::Article),
                flag(block.region == Region::Aside),
                block.link_density,
                f32::from(block.class_score.clamp(-3, 3)),
                flag(block.kind == Kind::Paragraph),
                flag(matches!(block.kind, Kind::Heading(_))),
                flag(block.kind == Kind::Caption),
                flag(block.in_main),
            ]
        })
        .collect()
}

/// True when block `i` is a sentence of some length in the page's language.
pub(crate) fn reads_as_prose(page: &Page, i: usize) -> bool {
    is_prose(&page.features[i], page.language.is_some())
}

/// Fewest words of a block that reads as running text without ending like
/// a sentence (a paragraph closing on a link: "Infos unter
/// http://…").
const MIN_RUNNING_TEXT_WORDS: usize = 25;

/// Whether block `i` is running text, ended or not: prose, or a long block
/// whose stop words read as sentences. The last resort for a page whose
/// only paragraph the model doubts.
pub(crate) fn reads_as_running_text(page: &Page, i: usize) -> bool {
    let f = &page.features[i];
    reads_as_prose(page, i)
        || f.words >= MIN_RUNNING_TEXT_WORDS && (f.unspaced || f.stop_ratio >= PROSE_STOP_RATIO)
}

/// Blocks shorter than this count towards a run of short lines: menus and
/// link lists come as long runs of them, article subheads alone.
const SHORT_LINE_WORDS: usize = 6;

/// For each block, the length of the run of consecutive short blocks it
/// belongs to (0 for a longer block).
fn short_runs(page: &Page) -> Vec<usize> {
    let short: Vec<bool> = page.features.iter().map(|f| f.words < SHORT_LINE_WORDS).collect();
    let mut runs = vec![0; short.len()];
    let mut i = 0;
    while i < short.len() {
        if !short[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < short.len() && short[i] {
            i += 1;
        }
        runs[start..i].fill(i - start);
    }
    runs
}

/// For each block, how many blocks away the nearest prose block is (0 for
/// prose itself; the page length when there is none).
fn prose_distances(prose: &[f32]) -> Vec<usize> {
    let n = prose.len();
    let mut out = vec![n; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if prose[i] > 0.0 {
            last = Some(i);
        }
        if let Some(p) = last {
            out[i] = i - p;
        }
    }
    last = None;
    for i in (0..n).rev() {
        if prose[i] > 0.0 {
            last = Some(i);
        }
        if let Some(p) = last {
            out[i] = out[i].min(p - i);
        }
    }
    out
}

/// A sentence of some length in the page's language: the plainest sign of
/// article text, also used for the context features. Where the language is
/// unknown (no stop list matched) or has no spaces, length and punctuation
/// have to do.
fn is_prose(f: &crate::classify::score::Features, language_known: bool) -> bool {
    f.words >= 10 && f.sentence_end && (f.unspaced || !language_known || f.stop_ratio >= PROSE_STOP_RATIO)
}

/// Stop-word share from which a sentence reads as running text. Article
/// sentences sit at 0.25–0.5 in the languages served; menus, name lists and
/// headlines mostly under 0.15; inflected languages use fewer function
/// words, hence the margin.
const PROSE_STOP_RATIO: f32 = 0.1;

/// The score each block adds to a region: the model's log-odds, clipped.
pub(crate) fn scores(doc: &Document, page: &Page, anchor: Anchor) -> Vec<f32> {
    let weights = MODEL.for_format(doc.format);
    vectors(doc, page, anchor)
        .iter()
        .map(|x| weights.logit(x).clamp(-MAX_BLOCK_SCORE, MAX_BLOCK_SCORE))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trees_are_read_and_walked() {
        let names = ["a", "b"];
        let model = parse("html bias 0.5\nhtml a 1\nhtml b 0\nhtml tree 0:b:2.5:1:2 1=-1 2=3\n", &names);
        let html = model.for_format(Format::Html);
        assert_eq!(html.logit(&[1.0, 2.0]), 0.5 + 1.0 - 1.0);
        assert_eq!(html.logit(&[0.0, 3.0]), 0.5 + 3.0);
        // A malformed tree is left out, a looping one cannot hang.
        let model = parse("text tree 0:a:1:0:0\ntext tree 0:zz:1:1:2 1=1 2=2\n", &names);
        assert_eq!(model.for_format(Format::Text).logit(&[0.0, 0.0]), 0.0);
    }

    #[test]
    fn untitled_dumps_have_their_own_set_when_the_file_gives_one() {
        let names = ["a"];
        let model = parse("text a 1\nhtml a 2\nuntitled a 3\n", &names);
        assert_eq!(model.for_page(Format::Text, true).logit(&[1.0]), 1.0);
        assert_eq!(model.for_page(Format::Text, false).logit(&[1.0]), 3.0);
        assert_eq!(model.for_page(Format::Html, false).logit(&[1.0]), 2.0);
        let model = parse("text a 1\nhtml a 2\n", &names);
        assert_eq!(model.for_page(Format::Text, false).logit(&[1.0]), 1.0, "no untitled set: the text set");
    }

    #[test]
    fn every_feature_has_a_weight_in_every_format() {
        check_weights_file(WEIGHTS_FILE, FEATURES, &["text", "html"]);
    }

    #[test]
    fn running_text_need_not_end_like_a_sentence() {
        let page = "Menu\n\nThe annual meeting of the volunteer fire brigades takes place on 11 and 12 February online, and the project will take part with workshops on the daily work of many institutions. More at http://www.example.org/week\n\nHome Contact Imprint Privacy Newsletter Archive Events Projects Members Board Statutes History Partners Sponsors Press Photos Videos Downloads Jobs Shop Tickets Calendar Search Login Register Help Sitemap\n";
        let doc = crate::frontend::text::read(page);
        let measured = crate::classify::score::measure(&doc);
        assert!(!reads_as_prose(&measured, 1), "no sentence end");
        assert!(reads_as_running_text(&measured, 1));
        assert!(!reads_as_running_text(&measured, 2), "a long menu has no stop words");
    }

    #[test]
    fn prose_outscores_furniture() {
        let page = "Menu\nHome\nSubscribe\n\nThe council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nShare\n";
        let doc = crate::frontend::text::read(page);
        let measured = crate::classify::score::measure(&doc);
        let s = scores(&doc, &measured, None);
        assert!(
            s[3] > s[2] + 1.0 && s[3] > s[4] + 1.0 && s[3] > s[0] + 1.0,
            "prose outscores furniture: {s:?}"
        );
        assert!(s[2] < 0.0 && s[4] < 0.0, "furniture scores negative: {s:?}");
    }
}
