//! The body region: where on the page the article is.
//!
//! Input: the measured page, its furniture and feed verdicts, and the
//! page's title anchor. Output: the [`Body`], the runs of blocks that hold
//! the article, in page order. Each block is scored by the block model
//! (`model.rs`); the body is the run of blocks with the largest total
//! score, so short in-article lines (subheads, one-line quotes, table
//! rows) are carried by the prose around them, and an island of prose in
//! a sea of links is not. The run is grown across harmless short lines,
//! then joined by nearby runs strong enough on their own (an article cut
//! by an ad block). Feeds fence it, page chrome never adds to it, and
//! nothing past the heading of a readers' comment thread is in it.
//!
//! This pass does not find the header (headline, byline, date) or trim the
//! body's edges; later passes do.

use std::ops::Range;

use crate::block::{Document, Kind, Region};
use crate::classify::label::{Label, Verdict};
use crate::classify::model::{self, Anchor};
use crate::classify::score::Page;
use crate::classify::title::Titles;
use crate::classify::{date, furniture};
use crate::rules::{phrases, trim_label};
use crate::switches::{Rule, on};

/// How far from the body another strong run may be and still belong to the
/// article (an ad block or a job list can run to forty lines).
const SIDE_REACH: usize = 60;
/// Least total score of a run away from the main body for it to count:
/// one or two solid paragraphs (calibrated on the dev corpora: 2, 3, 5
/// and 8 tried; 5 and 8 best, the gain flat beyond).
const SIDE_MIN: f32 = 5.0;

/// Least total score of a run between the headline and the body.
const SIDE_MIN_AFTER_HEADLINE: f32 = 1.0;

/// Block-model score from which a block is strong enough for the region to
/// reach across short lines to it (log-odds; 1.0 is about 73%).
const STRONG_BLOCK: f32 = 1.0;

/// Title similarity from which the block matching the title is the
/// headline itself, not a teaser that shares its words.
const HEADLINE_FENCE_MATCH: f32 = 0.9;
/// Fewest words of a headline that fences the body.
const MIN_FENCE_WORDS: usize = 5;

/// Fewest words a best run without prose needs to stay the body's core.
const MIN_PROSELESS_CORE_WORDS: usize = 15;

/// Where the article is: its runs of blocks, in page order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body {
    /// The runs, in page order.
    pub(crate) segments: Vec<Range<usize>>,
    /// From the main run's start to the end of the last run: where the
    /// header is read, since the article starts at the main run even when
    /// a lead paragraph or a later run joins it.
    pub(crate) span: Range<usize>,
    /// Every block's score, as the region saw it.
    pub(crate) scores: Vec<f32>,
}

/// Finds the body region of a page.
pub(crate) fn find(doc: &Document, page: &Page, verdicts: &[Verdict], titles: &Titles) -> Body {
    let anchor = titles.anchor;
    // A block that is the stated headline word for word fences the body
    // even from inside: what runs into it from above is another list. A
    // short one may be the site's name standing in for a headline.
    let fence = anchor.filter(|&a| {
        page.features[a].words >= MIN_FENCE_WORDS
            && titles.stated.as_ref().is_some_and(|s| s.similarity[a] >= HEADLINE_FENCE_MATCH)
    });
    let scores = region_scores(doc, page, anchor);
    let (segments, core) = body_segments(doc, page, verdicts, &scores, anchor, fence);
    let span = match segments.last() {
        Some(last) => core.start..last.end.max(core.end),
        None => 0..0,
    };
    Body { segments, span, scores }
}

/// Labels the free blocks of the body's runs as body. A date line in the
/// body ("Aktualisiert: 11.04.2020, 10:27" under the byline) is the
/// article's furniture, whether or not it gave the date.
pub(crate) fn mark(doc: &Document, page: &Page, verdicts: &mut [Verdict], body: &Body) {
    for i in body.segments.iter().cloned().flatten() {
        if verdicts[i].label == Label::Other {
            verdicts[i] = if on(Rule::BodyDateLines) && date::is_date_line(&doc.blocks[i].text, page.order) {
                Verdict { label: Label::Dateline, reason: "a date line in the body" }
            } else {
                Verdict { label: Label::Body, reason: "inside the article region" }
            };
        }
    }
}

/// Blocks the body region may take in: feeds and the title line fence it.
pub(crate) fn may_hold(label: Label) -> bool {
    matches!(label, Label::Other | Label::Furniture)
}

/// The article body: the best-scoring run of blocks outside feeds, each
/// block scored by the block model, grown across harmless short lines;
/// then further runs nearby that are strong enough on their own (the rest
/// of an article cut by an ad block or a "Read also" box). Segments are
/// returned in page order, with the main run.
fn body_segments(
    doc: &Document,
    page: &Page,
    verdicts: &[Verdict],
    scores: &[f32],
    anchor: Anchor,
    fence: Option<usize>,
) -> (Vec<Range<usize>>, Range<usize>) {
    let n = doc.blocks.len();
    let mut allowed: Vec<bool> = verdicts.iter().map(|v| may_hold(v.label)).collect();
    // Readers' comments follow the article: nothing past the heading of
    // the thread is the body.
    let thread = if on(Rule::CommentThread) { comment_thread(page, anchor) } else { n };
    allowed[thread..].iter_mut().for_each(|a| *a = false);
    if on(Rule::ProfileBoxes) {
        for i in profile_boxes(doc, page) {
            allowed[i] = false;
        }
    }
    // A page of one short article and furniture can leave every score
    // negative: its best prose block is still the article.
    let lone_prose = || {
        if !on(Rule::LoneProse) {
            return None;
        }
        (0..n)
            .filter(|&i| {
                allowed[i] && page.features[i].furniture.is_none() && model::reads_as_running_text(page, i)
            })
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .map(|i| i..i + 1)
    };
    let (strong, stop) = growth(doc, page, &allowed, scores);
    // The body does not reach back over the headline.
    let floor_for = |core: &Range<usize>| anchor.filter(|&a| a < core.start).map_or(0, |a| a + 1);
    let grow_from = |r: Range<usize>| {
        let floor = floor_for(&r);
        grow_region(r, &strong, &stop, floor)
    };
    let words = |r: &Range<usize>| r.clone().map(|i| page.features[i].words).sum::<usize>();
    // A best run of a few words and no prose ("Categorias" on a page whose
    // article is one paragraph) is weak evidence: the best prose block
    // takes over when it grows into at least twice the text.
    let best = best_region(scores, &allowed);
    let weak = |r: &Range<usize>| {
        on(Rule::WeakCore)
            && words(r) < MIN_PROSELESS_CORE_WORDS
            && !r.clone().any(|i| model::reads_as_prose(page, i))
    };
    let core = match best {
        Some(best) if weak(&best) => {
            let grown = grow_from(best);
            match lone_prose().map(&grow_from) {
                Some(prose) if words(&prose) >= 2 * words(&grown) => prose,
                _ => grown,
            }
        }
        Some(best) => grow_from(best),
        None => match lone_prose() {
            Some(prose) => grow_from(prose),
            None => return (Vec::new(), 0..0),
        },
    };
    // A core that runs through the headline starts after it, when prose
    // follows: teasers or a ticker were grown onto the article.
    let core = match fence.filter(|_| on(Rule::HeadlineFence)) {
        Some(a) if core.start < a && (a + 1..core.end).any(|i| model::reads_as_prose(page, i)) => {
            a + 1..core.end
        }
        _ => core,
    };
    let floor = floor_for(&core);
    let grow = |r: Range<usize>| grow_region(r, &strong, &stop, floor);
    let total = |r: &Range<usize>| scores[r.clone()].iter().sum::<f32>();
    // Inside the page's main container (HTML), as the body is, one
    // paragraph after an in-article box (a "Related" list, an ad) is
    // enough: it is the article's end.
    let in_main = |r: &Range<usize>| r.clone().all(|i| doc.blocks[i].in_main);
    let core_in_main = in_main(&core);
    let needed = |r: &Range<usize>| {
        if on(Rule::MainContainerSideRuns) && core_in_main && in_main(r) {
            SIDE_MIN_AFTER_HEADLINE
        } else {
            SIDE_MIN
        }
    };
    let mut segments = vec![core.clone()];
    // A recipe's ingredient list above its method: short quantity lines
    // the region cannot grow across, under a heading that says what they are.
    let reach = floor.max(core.start.saturating_sub(MAX_INGREDIENT_LINES))..core.start;
    let ingredients = reach
        .rev()
        .take_while(|&i| allowed[i] && !page.features[i].feed_heading)
        .find(|&i| on(Rule::Ingredients) && phrases::is_ingredient_heading(&page.lowered[i]));
    if let Some(heading) = ingredients {
        segments.insert(0, heading..core.start);
    }
    while on(Rule::SideRunsAfter) {
        let end = segments.last().map_or(0, |r| r.end);
        // Right past a "Read also" box set into the article, the article
        // goes on, however weak its next paragraph scores next to a later
        // run.
        if on(Rule::PastInArticleBox) {
            let after = (end..n).find(|&i| !is_box_part(verdicts[i].label)).unwrap_or(n);
            if after < n && allowed[after] && in_article_box(verdicts, end..after) {
                let run = grow(after..after + 1);
                if total(&run) > 0.0 && model::reads_as_prose(page, after) {
                    segments.push(run);
                    continue;
                }
            }
        }
        let window = end..(end + SIDE_REACH).min(n);
        let Some(found) = best_region(&scores[window.clone()], &allowed[window.clone()]) else {
            break;
        };
        let found = found.start + end..found.end + end;
        // Past a "Read also" box of a link or two set into the article, one
        // paragraph is enough: the article goes on below it.
        let past_box = on(Rule::PastInArticleBox) && in_article_box(verdicts, end..found.start);
        let needed_here = if past_box { SIDE_MIN_AFTER_HEADLINE } else { needed(&found) };
        if total(&found) < needed_here {
            break;
        }
        let found = grow(found);
        // The best run may lie past a weaker one that still qualifies (a
        // table between two embedded posts): the gap is searched too.
        let mut gap = end..found.start.max(end);
        while let Some(inner) = best_region(&scores[gap.clone()], &allowed[gap.clone()]) {
            let inner = inner.start + gap.start..inner.end + gap.start;
            if total(&inner) < needed(&inner) {
                break;
            }
            let inner = grow(inner);
            gap.start = inner.end.clamp(gap.start + 1, gap.end);
            segments.push(inner);
        }
        segments.push(found);
    }
    while on(Rule::SideRunsBefore) {
        let start = segments.first().map_or(0, |r| r.start);
        let window = floor.max(start.saturating_sub(SIDE_REACH))..start;
        let Some(found) = best_region(&scores[window.clone()], &allowed[window.clone()]) else {
            break;
        };
        let found = found.start + window.start..found.end + window.start;
        // Between the headline and the body, a single paragraph is enough:
        // it is the article's lead, cut off by a byline box or an ad.
        let after_headline = floor > 0 && window.start == floor;
        let needed = if after_headline { SIDE_MIN_AFTER_HEADLINE } else { SIDE_MIN };
        if total(&found) < needed {
            break;
        }
        segments.insert(0, grow(found));
    }
    (segments, core)
}

/// Most links in a "Read also" box set into an article.
const MAX_BOX_LINKS: usize = 3;

/// True when `gap` is one small feed section and nothing else but
/// furniture: a "Läs också" heading and one to three links, set into the
/// article between two of its paragraphs.
fn in_article_box(verdicts: &[Verdict], gap: Range<usize>) -> bool {
    let labels = || verdicts[gap.clone()].iter().map(|v| v.label);
    let headings = labels().filter(|&l| l == Label::SectionHeading).count();
    let links = labels().filter(|&l| l == Label::ItemHeadline).count();
    let first = labels().find(|&l| l != Label::Furniture);
    first == Some(Label::SectionHeading)
        && headings == 1
        && (1..=MAX_BOX_LINKS).contains(&links)
        && labels().all(is_box_part)
}

/// Labels a "Read also" box set into an article is made of.
fn is_box_part(label: Label) -> bool {
    matches!(label, Label::Furniture | Label::SectionHeading | Label::ItemHeadline | Label::ItemTime)
}

/// A table row inside the page's main container is the article's table
/// (HTML): rows of figures read as nothing alone, and a header row repeats
/// over each table of a series. A cell of links only is a layout table's
/// menu (an old page's "Home | Archive | Write to us" above its `<h1>`).
fn main_row(doc: &Document, i: usize) -> bool {
    main_cell(doc, i) && doc.blocks[i].link_density < MENU_LINK_DENSITY
}

/// A table cell inside the page's main container: a repeat there (a header
/// row over each table, "Show all »" under each list) marks no teaser wall.
fn main_cell(doc: &Document, i: usize) -> bool {
    on(Rule::MainTableRows) && doc.blocks[i].kind == Kind::Cell && doc.blocks[i].in_main
}

/// Share of a block's text inside links from which a table cell is a menu.
const MENU_LINK_DENSITY: f32 = 0.8;

/// Which blocks a region grows to (`strong`) and which it never crosses
/// (`stop`). Prose the model doubts (a lone paragraph on a tiny page)
/// still continues the article when nothing stands in between; so does a
/// main table's row.
fn growth(doc: &Document, page: &Page, allowed: &[bool], scores: &[f32]) -> (Vec<bool>, Vec<bool>) {
    let n = doc.blocks.len();
    let strong = (0..n)
        .map(|i| {
            scores[i] >= STRONG_BLOCK
                || scores[i] > -STRONG_BLOCK && model::reads_as_prose(page, i)
                || main_row(doc, i)
        })
        .collect();
    let stop = (0..n)
        .map(|i| {
            let f = &page.features[i];
            !allowed[i]
                || f.furniture.is_some()
                || f.comment_meta && on(Rule::CommentMetaStops)
                // Rows of a table share header rows: a repeat there marks no
                // teaser wall.
                || !main_cell(doc, i) && f.repeats > 0 && !f.periodic && on(Rule::RepeatStops)
        })
        .collect();
    (strong, stop)
}

/// The article's lead between the headline and the body, once the
/// headline is known: a page without a title to anchor the region on (a
/// browser copy) may have its first paragraphs cut off from the body by
/// an in-article box or a byline block. As above the body when the title
/// anchors it, a single paragraph there is enough. Adds runs before the
/// body's first one.
pub(crate) fn extend_to_headline(
    doc: &Document,
    page: &Page,
    verdicts: &[Verdict],
    body: &mut Body,
    headline: Option<usize>,
) {
    let (Some(headline), Some(first)) = (headline, body.segments.first().map(|r| r.start)) else { return };
    if !on(Rule::LeadAfterHeadline) || headline >= first {
        return;
    }
    let allowed: Vec<bool> = verdicts.iter().map(|v| may_hold(v.label)).collect();
    let (strong, stop) = growth(doc, page, &allowed, &body.scores);
    let floor = headline + 1;
    loop {
        let start = body.segments.first().map_or(0, |r| r.start);
        let window = floor..start.max(floor);
        let Some(found) = best_region(&body.scores[window.clone()], &allowed[window.clone()]) else { break };
        let found = found.start + window.start..found.end + window.start;
        if body.scores[found.clone()].iter().sum::<f32>() < SIDE_MIN_AFTER_HEADLINE {
            break;
        }
        body.segments.insert(0, grow_region(found, &strong, &stop, floor));
    }
}

/// What each block adds to a run: the block model's score, except that
/// page chrome (a `<footer>`'s newsletter form, a `<nav>`) never adds. The
/// body may run across it, but a consent text that reads like prose is not
/// where the article is. Furniture known only by its phrases keeps its
/// score: in-article ad labels and "Get it on Amazon" lines of a deals list
/// belong to the run.
pub(crate) fn region_scores(doc: &Document, page: &Page, anchor: Anchor) -> Vec<f32> {
    model::scores(doc, page, anchor)
        .into_iter()
        .zip(&doc.blocks)
        .map(|(score, block)| {
            if block.region == Region::Chrome && on(Rule::ChromeAddsNothing) { score.min(0.0) } else { score }
        })
        .collect()
}

/// Most lines between an ingredient heading and the method below it.
const MAX_INGREDIENT_LINES: usize = 60;

/// Prose blocks that must come before a comment thread's heading (after
/// the headline, when known) for it to end the article: a "12 comments"
/// link under the headline does not.
const MIN_PROSE_BEFORE_THREAD: usize = 2;

/// How far below a bare "Comments" line the first comment header may be:
/// Typepad puts "Posted by: …" under each comment, and the first comment
/// may run to several paragraphs under a feed note (4, 8 and 12 tried on
/// every corpus and form: 12 best, dragnet +0.001 to +0.003).
const BARE_HEADING_REACH: usize = 12;

/// Index of the heading of the readers' comment thread ("3 Comments"), or
/// the page's length when there is none. A heading with the same count
/// again below it is a link to the thread, not its head, when it would cut
/// off a longer run of prose before the other than any it keeps (a
/// "Yorumlar (9)" counter under the byline, above the whole article).
fn comment_thread(page: &Page, anchor: Anchor) -> usize {
    let n = page.features.len();
    let start = anchor.map_or(0, |a| a + 1);
    let runs = prose_runs(page);
    // A bare "Comments" line counts when comment headers ("Posted by:
    // Megan | November 13, 2012 at 12:19 PM") follow it closely.
    let bare = |i: usize| {
        on(Rule::BareCommentHeading)
            && phrases::COMMENT_NOUNS.binary_search(&trim_label(&page.lowered[i])).is_ok()
            && (i + 1..(i + 1 + BARE_HEADING_REACH).min(n)).any(|j| page.features[j].comment_meta)
    };
    let is_heading = |i: usize| page.features[i].furniture == Some(furniture::COMMENT_HEADING) || bare(i);
    // Every heading from the start, with its count, found once.
    let headings: Vec<(usize, String)> =
        (start..n).filter(|&i| is_heading(i)).map(|i| (i, digits(&page.lowered[i]))).collect();
    let mut prose = 0;
    let mut longest_kept = 0;
    let mut next = 0; // index in `headings` of the first one at or after `i`
    for i in start..n {
        if headings.get(next).is_some_and(|&(at, _)| at == i) {
            let count = &headings[next].1;
            next += 1;
            // Only a count can come again: "Comments" over the thread and
            // "Leave a reply" under it are no twins.
            let cuts_longer = || {
                let again = headings[next..].iter().find(|(_, c)| c == count).map(|&(at, _)| at);
                !count.is_empty()
                    && again.is_some_and(|j| runs[i..j].iter().any(|&words| words > longest_kept))
            };
            if prose >= MIN_PROSE_BEFORE_THREAD && !(on(Rule::ThreadKeepsLongest) && cuts_longer()) {
                return i;
            }
        }
        prose += usize::from(model::reads_as_prose(page, i));
        longest_kept = longest_kept.max(runs[i]);
    }
    n
}

/// Most blocks of a box about the author under its heading: a name, a
/// place, a paragraph or two and a "View my complete profile" link.
const MAX_PROFILE_BLOCKS: usize = 5;

/// The blocks of boxes about the page's author ("About Me" and what
/// follows it, up to the next heading): a blog's profile reads as prose
/// and can outscore a short post, but it is never the post.
fn profile_boxes(doc: &Document, page: &Page) -> Vec<usize> {
    let n = page.features.len();
    let mut out = Vec::new();
    for i in 0..n {
        if phrases::PROFILE_HEADINGS.binary_search(&trim_label(&page.lowered[i])).is_err() {
            continue;
        }
        out.push(i);
        let heading =
            |j: usize| matches!(doc.blocks[j].kind, Kind::Heading(_)) || page.features[j].feed_heading;
        out.extend((i + 1..(i + 1 + MAX_PROFILE_BLOCKS).min(n)).take_while(|&j| !heading(j)));
    }
    out
}

/// The digits of a line, in order: the count a comment heading gives.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// For each block, the words of the run of consecutive prose blocks it
/// ends (0 for a block that is not prose): a run's total is at its last
/// block, and every block before it in the run holds a partial sum.
fn prose_runs(page: &Page) -> Vec<usize> {
    let mut runs = Vec::with_capacity(page.features.len());
    let mut sum = 0;
    for (i, f) in page.features.iter().enumerate() {
        sum = if model::reads_as_prose(page, i) { sum + f.words } else { 0 };
        runs.push(sum);
    }
    runs
}

/// The run of blocks with the largest total score (maximum-sum subarray),
/// as a half-open range; blocks marked `false` in `allowed` break runs.
pub(crate) fn best_region(scores: &[f32], allowed: &[bool]) -> Option<Range<usize>> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut start = 0usize;
    let mut sum = 0.0f32;
    for (i, (&score, &ok)) in scores.iter().zip(allowed).enumerate() {
        if !ok {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += score;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, s, e)| s..e)
}

/// How far past the region's edge a strong block may be for the region to
/// reach across to it.
const MAX_BRIDGE: usize = 12;

/// Grows a region across runs of short lines to the next strong block,
/// where nothing in between says "not the article". Summing scores
/// undercounts lists, tables and one-line paragraphs that sit between
/// paragraphs: each is weak alone, but none of them is furniture. A run
/// containing a stop (furniture, a feed, a line repeated elsewhere on the
/// page) is never crossed.
pub(crate) fn grow_region(
    mut region: Range<usize>,
    strong: &[bool],
    stop: &[bool],
    floor: usize,
) -> Range<usize> {
    let n = strong.len();
    if !on(Rule::Grow) {
        return region;
    }
    'forward: loop {
        for j in region.end..(region.end + MAX_BRIDGE).min(n) {
            if stop[j] {
                break 'forward;
            }
            if strong[j] {
                region.end = j + 1;
                continue 'forward;
            }
        }
        break;
    }
    'backward: loop {
        for j in (floor.max(region.start.saturating_sub(MAX_BRIDGE))..region.start).rev() {
            if stop[j] {
                break 'backward;
            }
            if strong[j] {
                region.start = j;
                continue 'backward;
            }
        }
        break;
    }
    region
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::testing::{STORY, body_of, region_scores_of};

    #[test]
    fn region_is_the_maximum_sum_run() {
        let scores = [-1.0, 3.0, -0.5, 2.0, -4.0, 1.0];
        assert_eq!(best_region(&scores, &[true; 6]), Some(1..4));
        assert_eq!(best_region(&scores, &[true, true, true, false, true, true]), Some(1..2));
        assert_eq!(best_region(&[-1.0, -2.0], &[true, true]), None);
    }

    #[test]
    fn regions_grow_to_strong_blocks_without_crossing_stops() {
        let strong = [false, true, false, false, true, false, true, false];
        let stop = [false, false, false, false, false, true, false, false];
        assert_eq!(grow_region(1..2, &strong, &stop, 0), 1..5);
        assert_eq!(grow_region(6..7, &strong, &stop, 6), 6..7);
        assert_eq!(grow_region(6..7, &strong, &stop, 0), 6..7);
        assert_eq!(grow_region(4..5, &strong, &stop, 0), 1..5);
    }

    #[test]
    fn a_lone_paragraph_is_still_the_body() {
        let page = "Menu\nHome\nSubscribe\n\nThe council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nShare\n";
        assert_eq!(
            body_of(page),
            [
                "The council approved the budget on Monday after a long debate about the costs of the new bridge."
            ]
        );
    }

    #[test]
    fn a_profile_box_is_not_the_post() {
        // A blog's profile, longer prose than the short post beside it.
        let page = "About Me\nName: Harbour Watcher\nLocation: Westmere\n\
            I have written about ferries, harbours and the people who run them for nineteen years, first for the Gazette, now here, \
            and I still cannot tell a good timetable from a bad one, which is why I keep at it.\n\
            View my complete profile\n\nMonday, March 4, 2024\nThe ferry vote\n\
            The council voted on the ferry today, and the harbour town will keep its boat.\n";
        assert_eq!(
            body_of(page),
            ["The council voted on the ferry today, and the harbour town will keep its boat."]
        );
    }

    #[test]
    fn the_body_goes_on_past_a_read_also_box() {
        let page = "Menu\nHome\n\nFerry vote splits the harbour town\n\n\
            The council voted on Monday to keep the ferry running through the winter, after a debate that lasted four hours.\n\n\
            The harbour master said the boat would need a new engine within two years, and the cost would fall on the town.\n\n\
            Residents who use the ferry every day filled the public gallery and applauded when the result was read out.\n\n\
            Read also\nBridge plan shelved after the survey\n\n\
            The mayor said the town would look for a partner to share the cost of the new engine, and that talks with the county had begun.\n\n\
            She expects an answer before the summer, when the timetable for the next winter has to be published.\n\n\
            Tags\nferry\nharbour\n\nMost read\n1\nA story people read a lot this week\n2\nAnother story people read\n\n\
            About us\nContact\nPrivacy\n";
        let body = body_of(page);
        assert_eq!(
            body.last().map(String::as_str),
            Some(
                "She expects an answer before the summer, when the timetable for the next winter has to be published."
            )
        );
        assert!(!body.iter().any(|p| p.contains("Bridge plan")), "{body:#?}");
    }

    #[test]
    fn feeds_fence_the_body() {
        let page = "Headline of the story here\n\nThe council approved the budget on Monday after a long debate about the costs of the new bridge.\n\nThe mayor said the work would start in the spring and last for two years, with the road closed at night.\n\nNews Feed\n6:57 PM\nA feed headline that is here.\nThe feed summary is a long sentence that reads like prose but belongs to the feed, not to the article.\n";
        let body = body_of(page);
        assert_eq!(body.len(), 2, "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("feed")));
    }

    #[test]
    fn the_headline_fences_a_ticker_above_it() {
        let teaser = |n: usize| {
            format!(
                "Council votes on harbour plan number {n} after a long debate. The council met on Monday and voted on a plan that has divided the town for many years, officials said.\n\n"
            )
        };
        let ticker: String = (1..=6).map(teaser).collect();
        let page = format!(
            "Deportees return home from the airport after a long flight | Daily Post\n\nBreaking\n\n{ticker}Deportees return home from the airport after a long flight\n\nThe first of the deportees walked out of the terminal on Wednesday morning, tired and carrying very little with them.\n\nMost said they had spent years of savings on the journey, and some said they would try again next year.\n"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 2, "{body:#?}");
        assert!(body[0].starts_with("The first of the deportees"));
    }

    #[test]
    fn the_article_ends_at_the_comment_thread() {
        let comment = |who: &str| {
            format!(
                "{who}\n12. März 2023\nI read this with great interest, and I think the council should have asked the people who live near the bridge first, because they will pay for it in noise and dust for two years.\n\nThe last time the city built something of this size, the costs doubled and the work took twice as long as the plan said, so I would like to see the numbers before I believe them.\n\n"
            )
        };
        let thread: String = ["Anna", "Bernd", "Carla", "Dieter"].iter().map(|w| comment(w)).collect();
        let page = format!(
            "Bridge budget approved after long debate\n\n{STORY}\nThe work is planned in three stages, and the first contracts will be signed before the end of the year, the city said.\n\nShare\nTweet\nPrint\nNewsletter\n\n3 Comments\n\n{thread}"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 3, "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("great interest")));
    }

    #[test]
    fn a_comment_counter_under_the_byline_does_not_end_the_article() {
        let comment = |who: &str| {
            format!(
                "{who}\n12 March 2023\nI read this with great interest and I think the council should have asked first.\n\n"
            )
        };
        let thread: String = ["Anna", "Bernd", "Carla"].iter().map(|w| comment(w)).collect();
        let page = format!(
            "We value your privacy\nWe use cookies to personalise content and ads, and to analyse our traffic, as set out in our policy.\n\
             Bridge budget approved after long debate\n\nThe budget passed after a debate that lasted into the night, officials said.\n\
             By Jane Doe\n214 comments\n\n{STORY}\nThe work is planned in three stages, and the first contracts will be signed before the end of the year, the city said.\n\n\
             214 comments\n\n{thread}"
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p.starts_with("The council approved")), "{body:#?}");
        assert!(body.iter().any(|p| p.starts_with("The work is planned")), "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("great interest")), "{body:#?}");
    }

    #[test]
    fn a_bare_comments_line_over_comment_headers_ends_the_article() {
        let comment = |who: &str| {
            format!(
                "I love the black one, it is so unusual and I would wear it every single day of the week!\nPosted by: {who} | November 13, 2012 at 12:19 PM\n\n"
            )
        };
        let thread: String =
            ["Megan", "Cassandra", "Mandy", "Kate", "Molly", "Jen"].iter().map(|w| comment(w)).collect();
        // The form under the thread has no count: it is no twin of
        // "Comments" (a long comment would otherwise keep the thread). The
        // first comment header comes under a feed note and a comment of
        // several paragraphs (Typepad puts it after the comment).
        let long = "I love the black one, it is so unusual, and I would wear it every day of the week, to work and to dinner, and my sister says she wants the blue one for her birthday in May, and then we will both wear them to the market on Saturday when the whole town is there to see.";
        let page = format!(
            "A giveaway with a watch maker\n\n{STORY}\nPosted on November 13, 2012 | Permalink\n\nComments\n\nYou can follow this conversation by subscribing to the comment feed for this post.\n\nHi Ann,\n\n{long}\n\nI think it is fine.\n\n--Steve\nPosted by: Ann | November 13, 2012 at 12:19 PM\n\n{thread}Post a comment\nName\n"
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p.starts_with("The council approved")), "{body:#?}");
        assert!(body.iter().all(|p| !p.contains("black one")), "{body:#?}");
    }

    #[test]
    fn chrome_never_adds_to_a_run() {
        let story = "The council approved the budget on Monday after a long debate about the costs of the \
                     new bridge, which will carry the main road over the river.";
        let consent = "I agree that the association may send me its news by e-mail every week, and I know \
                       that I can withdraw this consent at any time.";
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><p>{story}</p><p>{story} Work starts soon.</p>\
             <p>{story} The mayor was pleased.</p></article><footer><form><p>{consent}</p><p>{consent} Thank you.</p></form></footer></body></html>"
        );
        let doc = crate::frontend::html::read(&page);
        let at = doc.blocks.len() - 2;
        assert_eq!(doc.blocks[at].region, Region::Chrome);
        let page = crate::classify::score::measure(&doc);
        let score = model::scores(&doc, &page, None)[at];
        assert!(score > 0.0, "the model alone likes the consent text: {score}");
        assert!(region_scores_of(&doc)[at] <= 0.0);
    }

    #[test]
    fn a_recipes_ingredients_are_part_of_it() {
        let ingredients: String = [
            "350 g Zucker",
            "500 ml Milch",
            "4 EL Milch",
            "450 g weiche Butter",
            "350 g Mehl",
            "Salz",
            "5 Eier (Gr. M)",
            "1 Pck. Backpulver",
            "2 EL Backkakao",
            "200 g Schlagsahne",
            "200 g Zartbitterkuvertüre",
            "20 g Mini-Marshmallows",
            "Frischhaltefolie",
            "Küchengasbrenner",
        ]
        .map(|line| format!("{line}\n"))
        .concat();
        let step = |n: usize| {
            format!(
                "{n}.\nFür die Creme Puddingpulver, Zucker und Milch in einem Topf verrühren, dann unter Rühren aufkochen und abkühlen lassen, bis sie fest ist.\n"
            )
        };
        let method: String = (1..=4).map(step).collect();
        let page = format!(
            "Schneewittchen-Kuchen mit Mini-Marshmallows\n\nZutaten\n{ingredients}Zubereitung\n{method}"
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p == "350 g Zucker"), "{body:#?}");
        assert!(body.iter().any(|p| p == "Küchengasbrenner"), "{body:#?}");
        assert!(body.iter().any(|p| p == "1."), "the first step's number stays with the others: {body:#?}");
    }

    #[test]
    fn a_weaker_run_before_the_best_side_run_is_kept() {
        let topics = [
            ("bridge", "read the plans"),
            ("road", "count the traffic"),
            ("budget", "compare the offers"),
            ("tax", "ask the bank"),
            ("plan", "visit the site"),
            ("harbour", "hear the fishermen"),
            ("school", "meet the teachers"),
            ("pool", "test the water"),
            ("museum", "see the rooms"),
            ("zoo", "feed the animals"),
            ("library", "sort the books"),
            ("station", "check the trains"),
            ("park", "plant the trees"),
            ("market", "open the stalls"),
            ("bus line", "print the timetable"),
            ("tower", "climb the stairs"),
            ("bakery", "taste the bread"),
            ("clinic", "hire the nurses"),
            ("bridge tolls", "survey the drivers"),
            ("night bus", "ask the night workers"),
        ];
        let paras = |range: Range<usize>| {
            topics[range]
                .iter()
                .map(|(topic, end)| {
                    format!(
                        "The council said that the {topic} would be discussed again next month, after residents asked for more time to {end}.\n\n"
                    )
                })
                .collect::<String>()
        };
        // A share bar stops the region from growing; the place names make
        // each stretch too costly for one run to span it. The best run
        // after the article (six paragraphs) lies past a weaker one (four).
        let bar = "Share\nBern\nBasel\nZürich\nGenf\nLuzern\nLugano\nChur\n\n";
        let page = format!(
            "Council delays the vote on the harbour plan\n\n{}{bar}{}{bar}{}",
            paras(0..10),
            paras(10..14),
            paras(14..20)
        );
        let body = body_of(&page);
        assert!(body.iter().any(|p| p.contains("the library")), "{body:#?}");
        assert!(body.iter().any(|p| p.contains("the night bus")), "{body:#?}");
    }
}
