//! Stage 5: labelled blocks → the [`Article`].
//!
//! Collects the body paragraphs in page order (dropping a paragraph that
//! repeats the one before it or the headline), splits captions from their
//! credits, groups sidebar items under their section, and fills each field
//! from the page's stated metadata first and the visible text second.
//!
//! No judgement happens here: every decision about what a block is was
//! made by `classify`.

use crate::block::Document;
use crate::classify::date::Order;
use crate::classify::{Classified, Dated, Label, caption, date, title};
use crate::model::{Article, Image, SidebarItem, Source};

/// Builds the article from a classified document.
pub(crate) fn assemble(doc: &Document, classified: &Classified) -> Article {
    let text_of = |i: usize| doc.blocks[i].text.clone();
    // A headline the page states (JSON-LD, Open Graph, Dublin Core) comes
    // first, as for every field; the visible one fills in.
    let stated = doc.meta.headline.as_deref().map(|h| title::without_site_name(h, doc));
    let visible = classified
        .headline
        .clone()
        .or_else(|| classified.verdicts.iter().position(|v| v.label == Label::Headline).map(text_of));
    let headline = visible.or(stated);
    let (mut published, mut published_text) =
        timestamp(doc.meta.published.as_deref(), classified.published.as_ref());
    // Last in the cascade: a date in the page's own address.
    if published.is_none() {
        if let Some((iso, text)) = doc.meta.address.as_deref().and_then(date::from_address) {
            (published, published_text) = (Some(iso), Some(text));
        }
    }
    let (updated, updated_text) = timestamp(doc.meta.updated.as_deref(), classified.updated.as_ref());
    Article {
        body: body(doc, classified, headline.as_deref()),
        headline,
        title: doc
            .meta
            .title
            .clone()
            .or_else(|| doc.meta.og_title.clone())
            .or_else(|| classified.title.clone()),
        authors: authors(doc, classified),
        published,
        published_text,
        updated,
        updated_text,
        images: images(doc, classified),
        sidebar: sidebar(doc, classified, classified.order),
        reading_time_minutes: classified.reading_time,
        language: doc.meta.language.clone(),
        site_name: doc.meta.site_name.clone().or_else(|| classified.site_name.clone()),
        description: doc.meta.description.clone(),
        source: Source { format: doc.format, path: None },
    }
}

/// Blocks from the headline down that make the article's header.
const HEADER_BLOCKS: usize = 8;

/// Stated authors first, then the visible byline, then names in an
/// element marked as the byline, then a stated author that is only the
/// site's name.
fn authors(doc: &Document, classified: &Classified) -> Vec<String> {
    // When the byline's names are all stated, stated names that neither a
    // byline line nor the article's header names are other articles' (the
    // author cards of a list of posts).
    let visible = &classified.authors;
    let headline = classified.verdicts.iter().position(|v| v.label == Label::Headline);
    let header = headline.map_or(0..0, |h| h.saturating_sub(2)..(h + HEADER_BLOCKS).min(doc.blocks.len()));
    let in_a_byline = |name: &String| {
        doc.blocks.iter().zip(&classified.verdicts).enumerate().any(|(i, (block, verdict))| {
            (verdict.label == Label::Byline || header.contains(&i)) && block.text.contains(name.as_str())
        })
    };
    if !visible.is_empty()
        && doc.meta.authors.len() > visible.len()
        && visible.iter().all(|name| doc.meta.authors.contains(name))
    {
        return doc
            .meta
            .authors
            .iter()
            .filter(|name| visible.contains(name) || in_a_byline(name))
            .cloned()
            .collect();
    }
    [&doc.meta.authors, &classified.authors, &doc.meta.marked_authors, &doc.meta.site_authors]
        .into_iter()
        .find(|list| !list.is_empty())
        .cloned()
        .unwrap_or_default()
}

fn body(doc: &Document, classified: &Classified, headline: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (block, verdict) in doc.blocks.iter().zip(&classified.verdicts) {
        if verdict.label != Label::Body {
            continue;
        }
        if out.last().is_some_and(|last| *last == block.text) || headline == Some(block.text.as_str()) {
            continue;
        }
        out.push(block.text.clone());
    }
    out
}

/// A timestamp from metadata when it parses, else from the visible page.
/// The text "as written" is the visible one when it names the same day.
fn timestamp(stated: Option<&str>, visible: Option<&Dated>) -> (Option<String>, Option<String>) {
    if let Some(raw) = stated {
        if let Some(iso) = date::parse_meta(raw) {
            let same_day =
                visible.and_then(|v| v.iso.as_deref()).is_some_and(|v| v.get(..10) == iso.get(..10));
            // Metadata in UTC a day off the page's own dateline is the same
            // moment seen from Greenwich ("2023-11-09T05:30Z" for "November
            // 8, 2023 at 11:30 p.m."): the page's local date is the one
            // written, and no date is shifted to another day.
            if let Some(v) =
                visible.filter(|v| v.iso.as_deref().is_some_and(|local| same_moment_elsewhere(local, &iso)))
            {
                return (v.iso.clone(), Some(v.text.clone()));
            }
            let text = match visible {
                Some(v) if same_day => v.text.clone(),
                _ => raw.to_string(),
            };
            return (Some(iso), Some(text));
        }
    }
    match visible {
        Some(d) => (d.iso.clone(), Some(d.text.clone())),
        None => (None, None),
    }
}

/// Whether `local` (a visible date and time without offset) is the UTC
/// timestamp `utc` on a clock in some time zone, on another calendar day:
/// the two differ by at most [`MAX_ZONE_MINUTES`], in whole quarter hours
/// (seconds aside).
fn same_moment_elsewhere(local: &str, utc: &str) -> bool {
    if !(utc.ends_with("+00:00") || utc.ends_with('Z'))
        || local.len() <= 10
        || local.get(..10) == utc.get(..10)
    {
        return false;
    }
    let minutes = |s: &str| {
        let t: jiff::civil::DateTime = s.get(..16)?.parse().ok()?;
        let days = i64::from(t.date().since(jiff::civil::date(2000, 1, 1)).ok()?.get_days());
        Some(days * 1440 + i64::from(t.hour()) * 60 + i64::from(t.minute()))
    };
    match (minutes(local), minutes(utc)) {
        (Some(a), Some(b)) => (a - b).abs() <= MAX_ZONE_MINUTES && (a - b) % 15 == 0,
        _ => false,
    }
}

/// The widest offset of a time zone from UTC, in minutes (UTC+14).
const MAX_ZONE_MINUTES: i64 = 14 * 60;

fn images(doc: &Document, classified: &Classified) -> Vec<Image> {
    let mut out: Vec<Image> = Vec::new();
    let mut previous_caption = false;
    for (block, verdict) in doc.blocks.iter().zip(&classified.verdicts) {
        let is_caption = verdict.label == Label::Caption;
        let follows_caption = std::mem::replace(&mut previous_caption, is_caption);
        if !is_caption {
            continue;
        }
        // A credit on its own line ("Foto: Jana Nová") under the caption
        // is that picture's credit.
        if follows_caption && caption::is_credit_line(&block.text) {
            if let Some(last) = out.last_mut().filter(|img| img.credit.is_none()) {
                last.credit = caption::split_credit(&block.text).1;
                if last.credit.is_some() {
                    continue;
                }
            }
        }
        let (caption, credit) = caption::split_credit(&block.text);
        if !out.iter().any(|img| img.caption.as_deref() == Some(caption.as_str())) {
            out.push(Image { caption: Some(caption), credit });
        }
    }
    out
}

/// Sidebar items grouped under their section. An item without a stamp
/// block whose headline opens with a time ("10:45 Bridge to close") has
/// the time split off.
fn sidebar(doc: &Document, classified: &Classified, order: Order) -> Vec<SidebarItem> {
    let text = |i: Option<usize>| i.map(|i| doc.blocks[i].text.clone());
    let mut out = Vec::new();
    for section in &classified.sections {
        for item in &section.items {
            let mut time = text(item.time);
            let mut headline = text(item.headline);
            if time.is_none() {
                if let Some((stamp, rest)) =
                    headline.as_deref().and_then(|h| date::split_leading_stamp(h, order))
                {
                    (time, headline) = (Some(stamp.to_string()), Some(rest.to_string()));
                }
            }
            out.push(SidebarItem {
                section: Some(doc.blocks[section.heading].text.clone()),
                time,
                headline,
                summary: text(item.summary),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_cards_of_other_posts_are_not_the_articles_authors() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let card = |title: &str, who: &str| {
            format!(
                "<li><a href=\"/{title}\">{title} and what it means for you</a><p class=author><a rel=author href=\"/authors/{who}\">{who}</a></p></li>"
            )
        };
        let page = |byline: &str| {
            format!(
                "<html><body><article><h1>Bridge budget approved after a long debate</h1><p class=byline>{byline}</p>\
                 {}</article>\
                 <aside><h2>Recent posts</h2><ul>{}{}{}</ul></aside></body></html>",
                (1..=8).map(|n| format!("<p>{para} Part {n} of the story.</p>")).collect::<String>(),
                card("Roads", "Ben Popper"),
                card("Taxes", "Max Pekarsky"),
                card("Parks", "Emma Bostian")
            )
        };
        let authors_of = |html: &str| {
            crate::clean(html.as_bytes(), &crate::Options::default()).unwrap_or_default().authors
        };
        let byline = "by <a rel=author href=\"/authors/jake\">Jake Goulding</a> on January 20, 2020";
        assert_eq!(authors_of(&page(byline)), ["Jake Goulding"]);
        // A second author the header names stays.
        let two = "by <a rel=author href=\"/authors/jake\">Jake Goulding</a>, <a rel=author href=\"/authors/ben\">Ben Popper</a>";
        assert_eq!(authors_of(&page(two)), ["Jake Goulding", "Ben Popper"]);
    }

    fn dated(iso: &str, text: &str) -> Dated {
        Dated { iso: Some(iso.to_string()), text: text.to_string() }
    }

    #[test]
    fn stated_time_first_unless_it_is_the_same_moment_in_utc() {
        let visible = dated("2023-11-08T23:30:00", "November 8, 2023 at 11:30 p.m.");
        let got = timestamp(Some("2023-11-09T05:30:59Z"), Some(&visible));
        assert_eq!(got, (Some("2023-11-08T23:30:00".into()), Some("November 8, 2023 at 11:30 p.m.".into())));
        // A stated time with its own offset stays, whatever the page shows.
        let got = timestamp(Some("2023-11-09T05:30:59+01:00"), Some(&visible));
        assert_eq!(got.0.as_deref(), Some("2023-11-09T05:30:59+01:00"));
        // A visible day without a time, or a gap no time zone explains.
        let day = dated("2022-05-04", "4 May 2022");
        assert_eq!(
            timestamp(Some("2022-05-03T20:51:06Z"), Some(&day)).0.as_deref(),
            Some("2022-05-03T20:51:06+00:00")
        );
        let far = dated("2015-03-11T15:46:00", "March 11, 2015 3:46 PM");
        assert_eq!(
            timestamp(Some("2015-03-12T13:11:07Z"), Some(&far)).0.as_deref(),
            Some("2015-03-12T13:11:07+00:00")
        );
    }
}
