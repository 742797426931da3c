//! Stage 5: labelled blocks → the [`Article`].
//!
//! Collects the body paragraphs in page order (dropping a paragraph that
//! repeats the one before it or the headline) with what each is (a
//! paragraph, subhead, list item, quote, table row), splits captions from their
//! credits, groups sidebar items under their section, and fills each field
//! from the page's stated metadata first and the visible text second.
//!
//! No judgement happens here about which blocks are the article: every
//! decision about what a block is part of was made by `classify`. Only the
//! body's kinds are read here: from the markup in HTML, and in a text
//! dump, which marks nothing but bullets, from each kept line's shape
//! (`body_kinds`): a run of lines numbered 1., 2., … is a numbered list,
//! and a short line without final punctuation between two paragraphs is a
//! subhead.

use crate::block::{Block, Document, Kind};
use crate::classify::date::Order;
use crate::classify::{Classified, Dated, Label, caption, date, title};
use crate::model::{Article, BodyKind, Format, Image, SidebarItem, Source};

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
    let kept_at = body(doc, classified, headline.as_deref());
    let kept: Vec<&Block> = kept_at.iter().map(|&i| &doc.blocks[i]).collect();
    Article {
        body: kept.iter().map(|block| block.text.clone()).collect(),
        body_kinds: body_kinds(&kept, doc.format),
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
        images: images(doc, classified, &kept_at),
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

/// The indices of the body's blocks in page order, without a block that
/// repeats the one before it or the headline.
fn body(doc: &Document, classified: &Classified, headline: Option<&str>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, (block, verdict)) in doc.blocks.iter().zip(&classified.verdicts).enumerate() {
        if verdict.label != Label::Body {
            continue;
        }
        let repeats = out.last().is_some_and(|&last| doc.blocks[last].text == block.text);
        if repeats || headline == Some(block.text.as_str()) {
            continue;
        }
        out.push(i);
    }
    out
}

/// What each body block is, one kind a block. HTML says it in its markup;
/// a text dump marks only bullets, so there a run of numbered lines and a
/// lone short heading-like line are read from their shape, conservatively:
/// a wrong "paragraph" costs a reader nothing, a wrong subhead or list
/// breaks the text up.
fn body_kinds(body: &[&Block], format: Format) -> Vec<BodyKind> {
    let mut kinds: Vec<BodyKind> = body.iter().map(|block| marked_kind(block)).collect();
    if format != Format::Text {
        return kinds;
    }
    let line = |i: usize| body.get(i).is_some_and(|b| b.kind == Kind::Line);
    // Runs of lines numbered n, n+1, …: two at least.
    let number = |i: usize| if line(i) { body.get(i).and_then(|b| list_number(&b.text)) } else { None };
    let mut i = 0;
    while i < body.len() {
        let Some(first) = number(i) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while number(end) == Some(first + (end - i) as u32) {
            end += 1;
        }
        if end - i >= 2 {
            kinds[i..end].iter_mut().for_each(|k| *k = BodyKind::OrderedItem);
        }
        i = end;
    }
    // A lone bulleted line is a dash that opens a line of speech ("– Vi
    // förstår …", as Nordic and Slavic papers quote) more often than a
    // list of one.
    let bulleted = |j: usize| body.get(j).is_some_and(|b| b.kind == Kind::ListItem);
    for (i, kind) in kinds.iter_mut().enumerate() {
        if bulleted(i) && !bulleted(i + 1) && !(i > 0 && bulleted(i - 1)) {
            *kind = BodyKind::Paragraph;
        }
    }
    let prose = |i: usize, kinds: &[BodyKind]| {
        line(i) && kinds.get(i) == Some(&BodyKind::Paragraph) && reads_as_prose(&body[i].text)
    };
    let listed = |i: usize, kinds: &[BodyKind]| {
        matches!(kinds.get(i), Some(BodyKind::ListItem | BodyKind::OrderedItem))
    };
    for i in 1..body.len().saturating_sub(1) {
        // Between two paragraphs, before a list, or between two lists of
        // different kinds ("Ingredients" … "Method" in a recipe); never
        // between two items of one list, where it is an item that lost
        // its bullet.
        let fits = (prose(i - 1, &kinds) || listed(i - 1, &kinds))
            && (prose(i + 1, &kinds) || listed(i + 1, &kinds))
            && !(listed(i - 1, &kinds) && kinds[i - 1] == kinds[i + 1]);
        let next_to_a_list = listed(i - 1, &kinds) || listed(i + 1, &kinds);
        if line(i)
            && kinds[i] == BodyKind::Paragraph
            && fits
            && reads_as_subhead(&body[i].text, next_to_a_list)
        {
            kinds[i] = BodyKind::Subhead;
        }
    }
    kinds
}

/// The kind the front end read from the markup (or a dump's bullet).
fn marked_kind(block: &Block) -> BodyKind {
    match block.kind {
        Kind::Heading(_) => BodyKind::Subhead,
        Kind::ListItem if block.numbered => BodyKind::OrderedItem,
        Kind::ListItem => BodyKind::ListItem,
        Kind::Quote => BodyKind::Quote,
        // A layout table's long cells stay blocks of their own; a data
        // table's row is its cells joined by tabs.
        Kind::Cell if block.text.contains('\t') => BodyKind::TableRow,
        Kind::Preformatted => BodyKind::Preformatted,
        Kind::Line | Kind::Paragraph | Kind::Caption | Kind::Cell => BodyKind::Paragraph,
    }
}

/// The number of a line that opens like a numbered list item ("3. Stir",
/// "12) Serve"): one to three digits, `.` or `)`, a space, then text.
fn list_number(text: &str) -> Option<u32> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=MAX_LIST_NUMBER_DIGITS).contains(&digits) {
        return None;
    }
    let rest = text.get(digits..)?;
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    let rest = rest.strip_prefix(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    text.get(..digits)?.parse().ok()
}

/// Digits of a dump's list number: "1." to "999." ("2023." opens a year).
const MAX_LIST_NUMBER_DIGITS: usize = 3;

/// Longest line read as a subhead, in characters. Subheads in the dev
/// corpora's articles run two to eight words; 70 characters keeps short
/// sentences that lost their full stop ("Officials said the road would
/// reopen on Monday", 47) among the candidates, and the other tests (no
/// final punctuation, prose on both sides) decide.
const MAX_SUBHEAD_CHARS: usize = 70;
/// Most words in a subhead.
const MAX_SUBHEAD_WORDS: usize = 10;
/// Shortest line that reads as prose without final punctuation.
const MIN_PROSE_CHARS: usize = 100;

/// Punctuation that ends a sentence, a clause or a quotation: a line that
/// ends with one is text, not a heading.
const FINAL_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '…', '"', '\'', '”', '’', '»', '«', ')', ']', '。', '，', '；', '：', '！',
    '？', '、', '」', '』', '）', '-', '–', '—',
];

/// A short line of two words or more that starts with a capital letter
/// (or a letter of a script without case) and ends without punctuation;
/// not a numbered line that stands alone, and nothing a page's furniture
/// is made of (`|`, ` / `, `@`, an address, a clock time). A single word
/// is a subhead only next to a list ("Ingredients"): between paragraphs it
/// is as often a commenter's name. Calibrated on the body lines of the
/// dragnet and cleaneval-dev text dumps: in a sample of 75 of the lines
/// these rules call subheads, about four in five were; the rest were
/// lines of page furniture the body kept ("Remove this ad", a commenter's
/// name), which a reader skips as easily under `##`.
fn reads_as_subhead(text: &str, next_to_a_list: bool) -> bool {
    let Some(first) = text.chars().next() else { return false };
    let Some(last) = text.chars().next_back() else { return false };
    let words = text.split_whitespace().count();
    text.chars().count() <= MAX_SUBHEAD_CHARS
        && words <= MAX_SUBHEAD_WORDS
        && (words >= 2 || next_to_a_list)
        && first.is_alphabetic()
        && !first.is_lowercase()
        && !FINAL_PUNCTUATION.contains(&last)
        && !text.contains(['\t', '|', '@'])
        && !text.contains(" / ")
        && !text.contains("://")
        && !has_clock_time(text)
        && list_number(text).is_none()
}

/// Whether the text holds a clock time ("07:58", "4:29:42").
fn has_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(4)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit())
}

/// A line that reads as a paragraph of text: it ends a sentence, or it is
/// long.
fn reads_as_prose(text: &str) -> bool {
    text.chars().count() >= MIN_PROSE_CHARS
        || text
            .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
            .ends_with(['.', '!', '?', '…', '。', '！', '？'])
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

/// The captioned pictures, in page order, each with its place among the
/// body's blocks (`body`: their indices in the page, in order).
fn images(doc: &Document, classified: &Classified, body: &[usize]) -> Vec<Image> {
    let mut out: Vec<Image> = Vec::new();
    let mut previous_caption = false;
    for (at, (block, verdict)) in doc.blocks.iter().zip(&classified.verdicts).enumerate() {
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
            let position = body.partition_point(|&i| i < at);
            out.push(Image { caption: Some(caption), credit, position });
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

    /// Kinds of a text dump's body lines; `• ` opens a bulleted line.
    fn kinds_of(lines: &[&str]) -> Vec<BodyKind> {
        let blocks: Vec<Block> = lines
            .iter()
            .map(|line| match line.strip_prefix("• ") {
                Some(item) => Block::new(item.to_string(), Kind::ListItem),
                None => Block::new(line.to_string(), Kind::Line),
            })
            .collect();
        body_kinds(&blocks.iter().collect::<Vec<_>>(), Format::Text)
    }

    #[test]
    fn a_dumps_kinds_come_from_line_shape() {
        use BodyKind::*;
        const P: &str = "The council approved the budget on Monday after a long debate about the bridge.";
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], &[BodyKind])] = &[
            ("subhead between paragraphs", &[P, "Questions over the barriers", P], &[Paragraph, Subhead, Paragraph]),
            ("a question is a paragraph",  &[P, "What happens next?", P],          &[Paragraph, Paragraph, Paragraph]),
            ("a sentence is a paragraph",  &[P, "Work starts in May.", P],         &[Paragraph, Paragraph, Paragraph]),
            ("lower-case start",           &[P, "and then the vote", P],           &[Paragraph, Paragraph, Paragraph]),
            ("first line is no subhead",   &["Questions over the barriers", P, P], &[Paragraph, Paragraph, Paragraph]),
            ("last line is no subhead",    &[P, P, "Related stories"],             &[Paragraph, Paragraph, Paragraph]),
            ("next to a short line",       &[P, "Questions over it", "Short one", P], &[Paragraph, Paragraph, Paragraph, Paragraph]),
            ("one word is a name",         &[P, "Bailey", P],                      &[Paragraph, Paragraph, Paragraph]),
            ("a count is no subhead",      &[P, "4 of 6 photos", P],               &[Paragraph, Paragraph, Paragraph]),
            ("a breadcrumb",               &[P, "Home / Positioning", P],          &[Paragraph, Paragraph, Paragraph]),
            ("a furniture line",           &[P, "Advertise | AdChoices", P],       &[Paragraph, Paragraph, Paragraph]),
            ("a comment's stamp",          &[P, "Posted by Ann at 07:58 PM", P],   &[Paragraph, Paragraph, Paragraph]),
            ("an address",                 &[P, "More from http", P],              &[Paragraph, Subhead, Paragraph]),
            ("an address in full",         &[P, "Source at https://x.org", P],     &[Paragraph, Paragraph, Paragraph]),
            ("too long for a subhead",     &[P, "One two three four five six seven eight nine ten eleven", P], &[Paragraph, Paragraph, Paragraph]),
            ("numbered run",               &[P, "1. Fry the onion.", "2. Stir.", P], &[Paragraph, OrderedItem, OrderedItem, Paragraph]),
            ("a lone number",              &[P, "1. Not a list", P],               &[Paragraph, Paragraph, Paragraph]),
            ("numbers that skip",          &["1. One thing.", "3. Another."],      &[Paragraph, Paragraph]),
            ("a year opens a line",        &["2022. A year.", "2023. Another."],   &[Paragraph, Paragraph]),
            ("bulleted run",               &[P, "• one", "• two"],                 &[Paragraph, ListItem, ListItem]),
            ("a lone dash is speech",      &[P, "• Vi förstår det.", P],           &[Paragraph, Paragraph, Paragraph]),
            ("subhead before a list",      &[P, "Ingredients", "• lentils", "• onion"], &[Paragraph, Subhead, ListItem, ListItem]),
            ("between two kinds of list",  &["• lentils", "• onion", "Method", "1. Fry.", "2. Stir."], &[ListItem, ListItem, Subhead, OrderedItem, OrderedItem]),
            ("inside one list",            &["• lentils", "• onion", "Carrots", "• stock", "• salt"], &[ListItem, ListItem, Paragraph, ListItem, ListItem]),
        ];
        for (name, lines, want) in cases {
            assert_eq!(kinds_of(lines), *want, "{name}");
        }
    }

    #[test]
    fn html_kinds_come_from_the_markup() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let html = format!(
            "<html><body><article><h1>Bridge budget approved</h1><p>{para}</p><h2>What next</h2><p>{para} Again.</p>\
             <ol><li>First step of the plan</li><li>Second step of the plan</li></ol>\
             <ul><li>One point of the plan</li><li>Another point of the plan</li></ul>\
             <blockquote>{para} Quoted.</blockquote><p>{para} Last.</p></article></body></html>"
        );
        let article = crate::clean(html.as_bytes(), &crate::Options::default()).unwrap_or_default();
        use BodyKind::*;
        assert_eq!(article.body.len(), article.body_kinds.len());
        assert_eq!(
            article.body_kinds,
            [Paragraph, Subhead, Paragraph, OrderedItem, OrderedItem, ListItem, ListItem, Quote, Paragraph],
            "{:?}",
            article.body
        );
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
