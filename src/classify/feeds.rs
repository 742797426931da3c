//! Sidebar feeds and lists: "News Feed", "Latest", "Most read", "Related".
//!
//! A section opens at a feed heading and holds items, each an optional time
//! stamp, a headline and an optional one-block summary:
//!
//! ```text
//! News Feed
//! 6:57 PM                               ← time
//! Russia hands over bodies …            ← headline
//! "This could have been done …"         ← summary
//! ```
//!
//! A feed whose first item has a time stamp is *timed*: each item is then
//! stamp, headline and at most one summary block; a stamp may also open
//! the headline line ("10h05 Causses : …"). An untimed list is a run
//! of headlines (three words or more; shorter lines are menu entries), each
//! optionally followed by one long summary block. A section ends at the
//! next heading, at furniture, or at the first block that breaks this
//! grammar: article prose does not come as headline/summary pairs.
//!
//! As a pass, input: the measured page; output: the [`Section`]s found
//! ([`find`]), their blocks labelled ([`mark`]). Sections fence the body:
//! the region never runs across them.

use crate::block::Document;
use crate::classify::date;
use crate::classify::label::{Label, Verdict};
use crate::classify::score::{Features, Page};
use crate::switches::{Rule, on};

/// Longest block (words) that can be an item headline.
const MAX_HEADLINE_WORDS: usize = 30;
/// Shortest untimed item headline: one- and two-word lines are menu
/// entries ("Culture", "Sport"), not stories.
const MIN_HEADLINE_WORDS: usize = 3;
/// From this many words, a block ending like a sentence is prose, not an
/// untimed list entry.
const SENTENCE_WORDS: usize = 12;
/// Longest block (words) that can be an item summary.
const MAX_SUMMARY_WORDS: usize = 120;
/// Most items read from one section; longer lists are walls of links that
/// nobody wants as data.
const MAX_ITEMS: usize = 40;

/// One item of a section, as block indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ItemBlocks {
    /// The time stamp block.
    pub(crate) time: Option<usize>,
    /// The headline block.
    pub(crate) headline: Option<usize>,
    /// The summary block.
    pub(crate) summary: Option<usize>,
}

/// A feed or list: its heading and items, as block indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// The heading block.
    pub(crate) heading: usize,
    /// The items in order.
    pub(crate) items: Vec<ItemBlocks>,
    /// One past the last block of the section.
    pub(crate) end: usize,
}

/// True when block `i` is a feed heading.
pub(crate) fn is_heading(page: &Page, i: usize) -> bool {
    page.features[i].feed_heading
}

/// Every sidebar section of the page.
pub(crate) fn find(doc: &Document, page: &Page) -> Vec<Section> {
    if !on(Rule::Feeds) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.blocks.len() {
        if is_heading(page, i) {
            let section = read_section(doc, page, i);
            i = section.end.max(i + 1);
            out.push(section);
        } else {
            i += 1;
        }
    }
    out
}

/// Labels the sections' headings and items.
pub(crate) fn mark(sections: &[Section], verdicts: &mut [Verdict]) {
    for section in sections {
        verdicts[section.heading] = Verdict { label: Label::SectionHeading, reason: "feed or list heading" };
        for item in &section.items {
            for (index, label) in [
                (item.time, Label::ItemTime),
                (item.headline, Label::ItemHeadline),
                (item.summary, Label::ItemSummary),
            ] {
                if let Some(i) = index {
                    verdicts[i] = Verdict { label, reason: "item of a feed or list" };
                }
            }
        }
    }
}

fn read_section(doc: &Document, page: &Page, heading: usize) -> Section {
    let mut items: Vec<ItemBlocks> = Vec::new();
    // A feed whose first item opens with a time stamp is "timed": every
    // item is then stamp, headline, optional summary.
    let mut timed = false;
    // Lists are uniform: once an item is seen without a summary, a long
    // block no longer continues the list (it is the article resuming).
    let mut summaries: Option<bool> = None;
    // A feed whose first item's headline opens with its time ("10h05
    // Causses : …"): each item is then that line and an optional summary.
    let mut inline_times = false;
    let mut i = heading + 1;
    while i < doc.blocks.len() && items.len() <= MAX_ITEMS {
        let f = &page.features[i];
        if f.furniture.is_some() || is_heading(page, i) {
            break;
        }
        // "1", "2", "3" of a numbered "Most read" list: ranks, not items.
        if is_rank(&doc.blocks[i].text) {
            i += 1;
            continue;
        }
        let stamp = date::is_stamp_only(&doc.blocks[i].text, page.order);
        // "10h05 Causses : la route …": the stamp opens the headline line.
        let stamped_headline = date::split_leading_stamp(&doc.blocks[i].text, page.order).is_some()
            && f.words <= MAX_HEADLINE_WORDS;
        if items.is_empty() && stamped_headline {
            inline_times = true;
        }
        let step = match items.last_mut() {
            _ if stamp => Step::Stamp,
            _ if inline_times && stamped_headline => Step::NewItem,
            // Uniform too: after items without one, a line under the last
            // item is the page going on ("Hakkımızda" in the footer).
            Some(item) if inline_times && item.summary.is_none() && summaries != Some(false) => Step::Summary,
            _ if inline_times => Step::End,
            Some(item) if item.headline.is_none() => Step::Headline,
            Some(item) if timed && item.summary.is_none() => Step::Summary,
            _ if timed => Step::End,
            _ if (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&f.words) && !reads_as_sentence(f) => {
                Step::NewItem
            }
            // A sentence under a headline is its standfirst ("Orders have
            // tripled in five years. The owners are not sure why."), when
            // no sentence follows it: two are the article going on below a
            // "Read also" link.
            Some(item)
                if (f.words > MAX_HEADLINE_WORDS
                    || reads_as_sentence(f) && !page.features.get(i + 1).is_some_and(reads_as_sentence))
                    && item.headline.is_some()
                    && item.summary.is_none()
                    && summaries != Some(false) =>
            {
                Step::Summary
            }
            _ => Step::End,
        };
        match step {
            Step::Stamp => match items.last_mut() {
                // "Headline" then "2 hours ago": the stamp belongs to it.
                Some(item)
                    if !timed && item.time.is_none() && item.headline.is_some() && item.summary.is_none() =>
                {
                    item.time = Some(i);
                }
                _ => {
                    timed |= items.is_empty();
                    items.push(ItemBlocks { time: Some(i), ..ItemBlocks::default() });
                }
            },
            Step::Headline if f.words <= MAX_HEADLINE_WORDS => {
                if let Some(item) = items.last_mut() {
                    item.headline = Some(i);
                }
            }
            Step::NewItem => {
                if items.last().is_some_and(|item| item.summary.is_none()) {
                    summaries.get_or_insert(false);
                }
                items.push(ItemBlocks { headline: Some(i), ..ItemBlocks::default() });
            }
            Step::Summary if f.words <= MAX_SUMMARY_WORDS => {
                summaries = Some(true);
                if let Some(item) = items.last_mut() {
                    item.summary = Some(i);
                }
            }
            Step::Headline | Step::Summary | Step::End => break,
        }
        i += 1;
    }
    // A stamp left without a headline is not an item.
    if items.last().is_some_and(|item| item.headline.is_none()) {
        if let Some(item) = items.pop() {
            i = item.time.unwrap_or(i);
        }
    }
    // Every item of an untimed list summarised but the last: that line is
    // the heading of what comes next ("The Weekend Read" over a newsletter
    // box).
    if let [earlier @ .., last] = items.as_slice() {
        let summarised = earlier.len() >= 2 && earlier.iter().all(|item| item.summary.is_some());
        if summarised && !timed && !inline_times && last.summary.is_none() && last.time.is_none() {
            if let Some(item) = items.pop() {
                i = item.headline.unwrap_or(i);
            }
        }
    }
    Section { heading, items, end: i }
}

/// A bare list rank: "1", "2.", "10".
fn is_rank(text: &str) -> bool {
    let digits = text.trim_end_matches('.');
    (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A full sentence of some length: article prose, not a list entry.
fn reads_as_sentence(f: &Features) -> bool {
    f.sentence_end && f.words >= SENTENCE_WORDS
}

/// What the next block of a section is.
enum Step {
    Stamp,
    Headline,
    Summary,
    NewItem,
    End,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_whose_times_open_the_headlines() {
        let page = "Le fil info\n10h05 Causses : la route du col fermée ce week-end pour travaux\nUne déviation sera mise en place par le village de samedi à dimanche.\n09h40 Rugby : le Stade millavois s'impose face à Figeac\nLes Aveyronnais ont signé leur quatrième victoire d'affilée.\n08h58 Lozère : un nouveau médecin s'installe\n";
        let doc = crate::frontend::text::read(page);
        let measured = crate::classify::score::measure(&doc);
        let sections = find(&doc, &measured);
        assert_eq!(sections.len(), 1);
        let items = &sections[0].items;
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0].summary, Some(2));
        assert_eq!(items[2].summary, None);
    }
    use crate::frontend::text;

    fn read(page: &str) -> (Document, Vec<Section>) {
        let doc = text::read(page);
        let measured = crate::classify::score::measure(&doc);
        let sections = find(&doc, &measured);
        (doc, sections)
    }

    fn texts(doc: &Document, item: &ItemBlocks) -> [Option<String>; 3] {
        [item.time, item.headline, item.summary].map(|i| i.map(|i| doc.blocks[i].text.clone()))
    }

    #[test]
    fn timed_feed() {
        let (doc, sections) = read(
            "Article text ends here.\nNews Feed\n\n6:57 PM\n\nA headline here.\n\n\"A long quote that serves as the summary of the item, with more than thirty words in it so that it reads as a paragraph of prose rather than a headline of a news item,\" he said.\n7:09 AM\n\nSecond headline.\nMORE NEWS\nEditors' Picks\nSubscribe\n",
        );
        assert_eq!(sections.len(), 3, "{sections:?}");
        let feed = &sections[0];
        assert_eq!(doc.blocks[feed.heading].text, "News Feed");
        assert_eq!(feed.items.len(), 2);
        let first = texts(&doc, &feed.items[0]);
        assert_eq!(first[0].as_deref(), Some("6:57 PM"));
        assert_eq!(first[1].as_deref(), Some("A headline here."));
        assert!(first[2].as_deref().is_some_and(|s| s.starts_with("\"A long quote")));
        assert_eq!(texts(&doc, &feed.items[1])[1].as_deref(), Some("Second headline."));
        assert!(sections[1].items.is_empty() && sections[2].items.is_empty());
    }

    #[test]
    fn untimed_list_stops_at_prose() {
        let (doc, sections) = read(
            "Most read\nFirst story title\nSecond story title\nThis is a long paragraph of article text that goes on and on for many words, far more than any headline would, so the list has ended before it and it is not an item.\nAnother long paragraph of article text that goes on and on for many words, far more than any headline would ever need, and so it is not an item of the list either.\n",
        );
        let list = &sections[0];
        assert_eq!(list.items.len(), 2);
        // Two headline-only items: the list has no summaries, so the first
        // long block is the article resuming, not a summary.
        assert_eq!(list.items[1].summary, None);
        assert_eq!(list.end, 3);
        assert_eq!(doc.blocks[list.end].text.split_whitespace().next(), Some("This"));
    }

    #[test]
    fn menu_entries_are_not_items() {
        let (_, sections) = read("Latest\nCulture\nSport\nRecherche\n");
        assert!(sections[0].items.is_empty());
    }

    #[test]
    fn timed_items_take_short_summaries() {
        let (doc, sections) = read(
            "Meistgelesen\n12:41\nNeue Buslinie\nAb Dezember fährt die Linie alle zehn Minuten.\n09:15\nTheater startet\nMit Schiller.\nA line after the feed\n",
        );
        let items = &sections[0].items;
        assert_eq!(items.len(), 2);
        assert_eq!(
            texts(&doc, &items[1]).map(Option::unwrap_or_default),
            ["09:15", "Theater startet", "Mit Schiller."]
        );
        assert_eq!(doc.blocks[sections[0].end].text, "A line after the feed");
    }

    #[test]
    fn inline_related_box_ends_at_the_article() {
        let (doc, sections) = read(
            "Related\nThe Doobie Brothers: Lighting Up With the Stars\nMichael McDonald Talks New Album and Retirement\nDressed in black pants, an untucked black shirt and glasses, the white-haired singer took the stage to a roar from the crowd that had waited all night for him to appear.\nTickets for the tour go on sale to the general public starting Friday at ten.\n",
        );
        assert_eq!(sections[0].items.len(), 2);
        assert!(doc.blocks[sections[0].end].text.starts_with("Dressed"));
    }

    #[test]
    fn ranked_lists_skip_their_numbers() {
        let (doc, sections) =
            read("Most popular\n1\nWhy the river is turning green\n2\nThe best new bakeries in town\n");
        let heads: Vec<String> = sections[0]
            .items
            .iter()
            .map(|item| doc.blocks[item.headline.unwrap_or(0)].text.clone())
            .collect();
        assert_eq!(heads, ["Why the river is turning green", "The best new bakeries in town"]);
    }

    #[test]
    fn no_heading_no_section() {
        let (_, sections) = read("Just an article.\nWith lines.\n");
        assert!(sections.is_empty());
    }

    #[test]
    fn an_untimed_list_with_standfirsts() {
        let (doc, sections) = read(
            "More from The Review\nThe woman who maps the ocean floor from her kitchen table\nOrdinary sailors are sending depth readings to a volunteer project that fills gaps in the charts.\nInside the last factory that still makes typewriter ribbons\nOrders have tripled in five years. The owners are not entirely sure why.\nWhat a year of silence taught a village choir\nAfter a fire closed their church, the singers met in barns, boathouses and, once, a chip shop.\nThe Weekend Read\nSubscribe\n",
        );
        let items = &sections[0].items;
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(texts(&doc, &items[1])[2].as_deref().is_some_and(|s| s.starts_with("Orders have tripled")));
        // One link, then the article going on: no summary.
        let (_, sections) = read(
            "Read also\nIslanders demand a fixed link to the mainland\nAbout 180 people live on the island all year round, and the shop has had extra deliveries.\nA dairy farmer on the island is worried about the milk collection, she said on Monday.\n",
        );
        assert_eq!(sections[0].items.len(), 1);
        assert_eq!(sections[0].items[0].summary, None);
    }
}
