//! The dateline: when the article was published (and last updated).
//!
//! Input: the labelled page, the headline's block and the header window.
//! Output: the [`Dates`] read, with the dateline's block labelled. Where a
//! date is looked for, in order: a bare date just above the headline (a
//! kicker line), the header, a bare date a little farther above the
//! headline past a share bar, just after the body, then the whole page
//! outward from the headline. Reading dates out of a line is `date.rs`'s
//! business; this pass decides which line dates the article.

use std::ops::Range;

use jiff::civil::DateTime;

use crate::block::Document;
use crate::classify::date::{Found, MAX_DATELINE_WORDS, Stamp};
use crate::classify::label::{Dated, Label, Verdict};
use crate::classify::score::Page;
use crate::classify::{byline, date};

/// How many blocks above the headline a bare date (a kicker line such as
/// "03.02.2022" over the title) may sit and still date the article, not
/// counting page furniture between them (a row of share buttons).
const MAX_KICKER_DISTANCE: usize = 2;
/// How many blocks above the headline a kicker date is looked for, page
/// furniture included.
const KICKER_REACH: usize = 6;

/// The article's times as the visible page gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Dates {
    /// Publication time.
    pub(crate) published: Option<Dated>,
    /// Last-updated time.
    pub(crate) updated: Option<Dated>,
}

/// Finds the publication (and update) time: a bare date just above the
/// headline (a kicker line) first, then in the header, then just after
/// the body, then anywhere outside feeds. The whole header is read, so an "Updated" line
/// under the dateline is found too.
pub(crate) fn find(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    header: Range<usize>,
    headline: Option<usize>,
    region: &Range<usize>,
    now: Option<DateTime>,
) -> Dates {
    let mut out = Dates::default();
    let len = doc.blocks.len();
    let after = region.end..(region.end + 8).min(len);
    let above = headline.map_or(0..0, |h| h.saturating_sub(MAX_KICKER_DISTANCE)..h);
    // Failing the header, a kicker date farther up, past a share bar.
    let farther_above = headline.map_or_else(Vec::new, |h| kicker_lines(verdicts, h));
    // Last, the whole page, nearest the headline (or the body) first: a
    // masthead's "today" date at the top is the farthest.
    let nearest = outward(headline.unwrap_or(region.start), len);
    let passes: [(Box<dyn Iterator<Item = usize>>, bool, bool); 5] = [
        (Box::new(above), false, true),
        (Box::new(header), true, false),
        (Box::new(farther_above.into_iter()), false, true),
        (Box::new(after), false, false),
        (Box::new(nearest), false, false),
    ];
    for (range, whole, stamps_only) in passes {
        for i in range {
            let label = verdicts[i].label;
            if !matches!(label, Label::Other | Label::Byline | Label::Body | Label::Headline) {
                continue;
            }
            let text = &doc.blocks[i].text;
            // Above the headline only a date alone, or a date and a name
            // ("21. Jan 2022 // Dominik Ricker"), is the article's.
            if stamps_only
                && !date::is_stamp_only(text, page.order)
                && byline::name_beside_date(text, page.order).is_none()
            {
                continue;
            }
            if label == Label::Body && page.features[i].words > 20 {
                continue; // a date inside a paragraph is news, not a dateline
            }
            if is_post_attribution(text) {
                continue;
            }
            let before = (out.published.is_some(), out.updated.is_some());
            for found in date::find_all(text, page.order, now) {
                record_date(&mut out, &found, text);
            }
            let gained = before != (out.published.is_some(), out.updated.is_some());
            // A paragraph that opens with a date stays a paragraph.
            let dateline_sized = page.features[i].words <= MAX_DATELINE_WORDS;
            if gained && dateline_sized && matches!(label, Label::Other | Label::Body) {
                verdicts[i] = Verdict { label: Label::Dateline, reason: "date in the article header" };
            }
            if out.published.is_some() && !(whole && out.updated.is_none()) {
                return out;
            }
        }
        if out.published.is_some() {
            return out;
        }
    }
    out
}

/// The blocks above headline `h` where a kicker date may sit once page
/// furniture between them is skipped (a share bar, a print button), in
/// page order: the [`MAX_KICKER_DISTANCE`] nearest that are not furniture
/// and not already next to the headline.
fn kicker_lines(verdicts: &[Verdict], h: usize) -> Vec<usize> {
    if !crate::switches::on(crate::switches::Rule::KickerPastFurniture) {
        return Vec::new();
    }
    let mut out: Vec<usize> = (h.saturating_sub(KICKER_REACH)..h)
        .rev()
        .filter(|&i| verdicts[i].label != Label::Furniture)
        .take(MAX_KICKER_DISTANCE)
        .filter(|&i| i + MAX_KICKER_DISTANCE < h)
        .collect();
    out.reverse();
    out
}

/// An embedded post's attribution line: "— Digital Foundry
/// (@digitalfoundry) November 18, 2019". Its date is the post's.
fn is_post_attribution(text: &str) -> bool {
    text.starts_with(['—', '–', '-']) && text.contains("(@")
}

/// The indices `0..len` by distance from `pivot`, the one above first on
/// a tie: pivot, pivot − 1, pivot + 1, pivot − 2, …
fn outward(pivot: usize, len: usize) -> impl Iterator<Item = usize> {
    let reach = pivot.max(len.saturating_sub(pivot));
    (0..=reach)
        .flat_map(move |d| pivot.checked_sub(d).into_iter().chain((d > 0).then(|| pivot + d)))
        .filter(move |&i| i < len)
}

fn record_date(out: &mut Dates, found: &Found, text: &str) {
    let dated = Dated { iso: found.iso.clone(), text: found.text(text).to_string() };
    match found.stamp {
        Stamp::Updated if out.updated.is_none() => out.updated = Some(dated),
        Stamp::Updated => {}
        Stamp::Published | Stamp::Plain if out.published.is_none() => out.published = Some(dated),
        Stamp::Published | Stamp::Plain | Stamp::Other => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::classify::testing::STORY;
    use crate::frontend::text;

    #[test]
    fn outward_visits_the_nearest_first() {
        for (pivot, len) in [(0, 0), (0, 5), (3, 7), (6, 7), (9, 4), (2, 3)] {
            let mut sorted: Vec<usize> = (0..len).collect();
            sorted.sort_by_key(|&i| (i.abs_diff(pivot), i));
            assert_eq!(outward(pivot, len).collect::<Vec<_>>(), sorted, "pivot {pivot}, len {len}");
        }
    }

    /// The publication date read from a text dump.
    fn published_of(page: &str) -> Option<String> {
        classify(&text::read(page), None).published.and_then(|d| d.iso)
    }

    #[test]
    fn a_masthead_date_loses_to_one_near_the_headline() {
        let page = format!(
            "Thursday, 16 February 2012\nHome\nPolitics\nNews\nSport\nWeather\n14 February 2012\nPrint\nPolitics\nBridge budget approved after long debate\n\n{STORY}"
        );
        assert_eq!(published_of(&page).as_deref(), Some("2012-02-14"));
    }

    #[test]
    fn a_kicker_date_past_a_share_bar_dates_the_article_when_the_header_has_none() {
        let page = format!(
            "Home\nPolitics\n14 February 2012\nShare\nPrint\nE-mail\nBridge budget approved after long debate\n\n{STORY}\n3 March 2012\nShare\nNext story on the same page\n"
        );
        assert_eq!(published_of(&page).as_deref(), Some("2012-02-14"));
    }

    #[test]
    fn the_header_date_beats_a_masthead_date_past_the_menu() {
        let page = format!(
            "Search\nLogin\n11 May 2022\nLogin\nBreaking\nBridge budget approved after long debate\nPublished 10 May 2022\n\n{STORY}"
        );
        assert_eq!(published_of(&page).as_deref(), Some("2022-05-10"));
    }

    #[test]
    fn an_embedded_posts_date_is_not_the_articles() {
        assert!(is_post_attribution("— Digital Foundry (@digitalfoundry) November 18, 2019"));
        assert!(!is_post_attribution("Published November 18, 2019"));
        let page = format!(
            "Bridge budget approved after long debate\n\n{STORY}\n— Jane Roe (@janeroe) November 18, 2019\n\nThe work is planned in three stages, and the first contracts will be signed before the end of the year.\n"
        );
        let doc = text::read(&page);
        let classified = classify(&doc, None);
        assert!(classified.published.is_none());
    }
}
