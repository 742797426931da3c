//! Bylines: spotting them and reading the author names out of them.
//!
//! As a pass ([`find`]), input: the labelled page and the header window the
//! headline pass set; output: the authors, with the byline's blocks
//! labelled. A cued byline is looked for in the header, a little into the
//! body and around the body's end; failing that, a bare name where bylines
//! sit.
//!
//! A byline is found in three shapes:
//! - a cue and the names: "By Jane Doe", "Posted 11 April 2018 by Walter von
//!   Aachen", "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | …";
//! - a cue alone, or ending a line ("By", "Kommentar von"), with the names
//!   on the following lines ("David Brand", "and", "Ramsey Khalifeh");
//! - a bare name where bylines sit: right under the headline, or beside the
//!   date ("Tanja Karrasch 3.11.2023").
//!
//! Names end where the date, the reading time, a separator (`|`, `•`) or a
//! word like "on"/"am"/"in" begins. Job titles are dropped ("Jane Doe, Staff
//! Writer", "Harald Bauer Autor"). Commas split names only when a joiner
//! word is present ("A, B and C"); otherwise what follows the first comma is
//! an affiliation ("Rob Picheta, CNN"). Desks ("The Kyiv Independent news
//! desk") are names like any other.

use std::ops::Range;

use crate::block::Document;
use crate::classify::date::{self, MAX_DATELINE_WORDS, Order};
use crate::classify::label::{Label, Verdict};
use crate::classify::score::Page;
use crate::rules;
use crate::rules::authors::{
    ABOUT_OPENERS, AUTHOR_BOX_HEADINGS, AUTHORS, BYLINE_LABELS, NAME_JOINERS, NAME_PARTICLES, NAME_STOPPERS,
    WEAK_CUES, is_placeholder,
};
use crate::rules::dates::{self, PUBLISHED_LABELS, UPDATED_LABELS};
use crate::rules::phrases::{self, PHRASES};
use crate::rules::trim_label;
use crate::switches::{Rule, on};

/// The most words a single author name may have ("The Kyiv Independent
/// news desk" has five; longer runs are sentences).
const MAX_NAME_WORDS: usize = 7;
/// The most words a block may have for a cue inside it to count: bylines
/// are short, and "by" inside a sentence is not one.
const MAX_INLINE_BYLINE_WORDS: usize = 20;
/// The most words before an inline cue introduced by a byline label
/// ("Posted by", "Erstellt von", "Text von").
const MAX_WORDS_BEFORE_CUE: usize = 3;
/// Bare names (no cue) have two to four words: one word is too often a
/// section label, five a phrase.
const BARE_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;
/// Longest bare name, in characters.
const MAX_BARE_NAME_CHARS: usize = 40;

/// The text after a byline cue that opens `text`. `Some("")` for a lone
/// cue ("By"), whose names are on the next line.
pub(crate) fn after_cue(text: &str) -> Option<&str> {
    if let Some(m) = AUTHORS.cue.find(text) {
        return Some(text[m.end()..].trim());
    }
    // "ByAlex Bozarjian": inline elements run together without a space.
    text.strip_prefix("By").filter(|rest| {
        let mut chars = rest.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    })
}

/// The text after a byline cue anywhere in a short block: at the start,
/// or inside when the block reads as a byline (it holds a date, or the cue
/// follows a separator or a few label words: "Posted by", "| By"). A cue
/// that ends the block gives `Some("")`: the names are on the next lines.
pub(crate) fn cue_rest(text: &str, order: Order) -> Option<&str> {
    if let Some(rest) = after_cue(text) {
        return Some(rest);
    }
    let words = text.split_whitespace().count();
    if words > MAX_INLINE_BYLINE_WORDS {
        return None;
    }
    if words <= MAX_WORDS_BEFORE_CUE + 1 && AUTHORS.trailing_cue.is_match(text) {
        return Some("");
    }
    let has_date = date::find(text, order, None).is_some();
    // Matches may share the white space between them ("Post author By
    // Jane Doe": "author" is a cue too), so each search starts where the
    // last cue word ended.
    let mut from = 0;
    while let Some(caps) = AUTHORS.inline_cue.captures_at(text, from) {
        let (Some(whole), Some(cue)) = (caps.get(0), caps.get(1)) else { break };
        from = cue.end();
        let before = text[..cue.start()].trim();
        let after_separator = whole.as_str().starts_with(|c: char| !c.is_whitespace());
        let after_label = before.split_whitespace().count() <= MAX_WORDS_BEFORE_CUE
            && before
                .split_whitespace()
                .any(|w| BYLINE_LABELS.contains(&w.to_lowercase().trim_end_matches(':')));
        if has_date || after_separator || after_label {
            let rest = text[whole.end()..].trim();
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    None
}

/// Author names in the text after a cue (or a whole byline block).
/// `cued` relaxes the name test: after "Autor:" a handle like "gnaddrig"
/// or an agency like "det/dpa" is a name.
pub(crate) fn authors(text: &str, cued: bool, order: Order) -> Vec<String> {
    let text = unglue_role(text);
    let mut rest = after_cue(&text).unwrap_or(&text);
    if let Some(found) = date::find(rest, order, None) {
        rest = &rest[..found.range.start];
    }
    if let Some(m) = PHRASES.reading_time.find(rest) {
        rest = &rest[..m.start()];
    }
    if let Some(cut) = rest.find(['|', '•', '·', '\u{2014}', '\u{2013}', '\n', '(', '»', '[']) {
        rest = &rest[..cut];
    }
    // A spaced hyphen parts fields too ("Jane Doe - Category: Health");
    // an unspaced one belongs to a name ("Jean-Paul").
    if let Some(cut) = rest.find(" - ") {
        rest = &rest[..cut];
    }
    rest = cut_at_digits(rest);
    rest = cut_at_stopper(rest);
    rest = trim_trailing_labels(rest);
    let rest = AUTHORS.role.replace(rest, "");
    let has_joiner_word =
        rest.split_whitespace().any(|w| NAME_JOINERS.contains(&w.to_lowercase().as_str()) || w == "&");
    // Without "and", a comma parts a name from its affiliation.
    let rest = if has_joiner_word { &rest[..] } else { rest.split([',', ';']).next().unwrap_or("") };
    let valid = |name: &str| !is_placeholder(name) && if cued { is_cued_name(name) } else { is_name(name) };
    let parts: Vec<String> = AUTHORS
        .joiner
        .split(rest)
        .map(|name| {
            // "Harald Bauer Autor" loses its role; "Jörg Staff" and
            // "Staff Writer" are not one name word and a role.
            let name = name.trim();
            let cut = AUTHORS.trailing_role.replace(name, "");
            if cut.split_whitespace().count() >= 2 { cut.into_owned() } else { name.to_string() }
        })
        .map(|name| {
            name.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '.' | '→' | '›' | '»' | '>')
            })
            .to_string()
        })
        .collect();
    // "Staff and news service reports" is one credit, not two names.
    let whole = rest.trim().trim_end_matches(['.', ',']);
    if parts.iter().any(|p| !p.is_empty() && !valid(p)) && is_name(whole) {
        return vec![whole.to_string()];
    }
    parts.into_iter().filter(|name| valid(name)).collect()
}

/// Puts back the space a browser's copy drops between a name and the job
/// title in the next element ("By Evan HalperStaff Writer"): where a
/// lower-case letter runs straight into a capital that opens a role.
fn unglue_role(text: &str) -> std::borrow::Cow<'_, str> {
    let mut previous_lower = false;
    for (at, c) in text.char_indices() {
        if previous_lower
            && c.is_uppercase()
            && AUTHORS.leading_role.is_match(&text[at..])
            && on(Rule::GluedRole)
        {
            return format!("{} {}", &text[..at], unglue_role(&text[at..])).into();
        }
        previous_lower = c.is_lowercase();
    }
    text.into()
}

/// Cuts a byline at its first word with a digit, and a month name just
/// before it: a date without a year ("Erin Cunningham March 18 at 3:57
/// PM") that the date patterns do not take. Names hold no digits.
fn cut_at_digits(text: &str) -> &str {
    let mut offset = 0;
    let mut previous: Option<(usize, &str)> = None;
    for word in text.split_inclusive(char::is_whitespace) {
        if offset > 0 && word.chars().any(|c| c.is_ascii_digit()) {
            let cut = match previous {
                Some((at, month)) if dates::month_number(month.trim().trim_end_matches('.')).is_some() => at,
                _ => offset,
            };
            return &text[..cut];
        }
        previous = Some((offset, word));
        offset += word.len();
    }
    text
}

/// Cuts a name at a word that cannot belong to it ("Fatima in Gefühle").
fn cut_at_stopper(text: &str) -> &str {
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        if offset > 0 && NAME_STOPPERS.contains(&word.trim().to_lowercase().as_str()) {
            return &text[..offset];
        }
        offset += word.len();
    }
    text
}

/// Drops "Published", "Updated on" and similar words left at the end of
/// the names once the date after them is cut away.
fn trim_trailing_labels(text: &str) -> &str {
    let mut text = text;
    loop {
        text = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '-' | '–'));
        let (head, last) = text.rsplit_once(char::is_whitespace).unwrap_or(("", text));
        let key = last.to_lowercase();
        let is_label = PUBLISHED_LABELS.contains(&key.as_str())
            || UPDATED_LABELS.contains(&key.as_str())
            || NAME_STOPPERS.contains(&key.as_str());
        if last.is_empty() || !is_label {
            return text;
        }
        text = head;
    }
}

/// A plausible name: a few words, starting with a capital (or a letter of
/// a script without case), no digits, not a sentence ("Jr." and initials
/// may end in a dot).
pub(crate) fn is_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let Some(first) = name.chars().next() else { return false };
    let last_word = name.split_whitespace().last().unwrap_or("");
    let sentence_end = name.ends_with(['!', '?']) || name.ends_with('.') && last_word.chars().count() > 3;
    (1..=MAX_NAME_WORDS).contains(&words)
        && (first.is_uppercase() || first.is_alphabetic() && !first.is_lowercase())
        && !name.chars().any(|c| c.is_ascii_digit())
        && !sentence_end
        && !name.contains("http")
        && !name.contains('@')
        && !name.contains(':')
}

/// A name after an explicit cue: also a single handle ("gnaddrig",
/// "delta201") or an agency code ("det/dpa").
fn is_cued_name(name: &str) -> bool {
    if is_name(name) {
        return true;
    }
    let single = !name.contains(char::is_whitespace);
    single
        && (2..=30).contains(&name.chars().count())
        && name.chars().any(char::is_alphabetic)
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
        && !name.contains("http")
}

/// A line that is nothing but a person's name: two to four capitalised
/// words (particles like "von" allowed), no digits, no punctuation but
/// initials' dots and hyphens.
pub(crate) fn is_bare_name(text: &str) -> bool {
    // Most blocks are paragraphs: ruled out before any word is collected.
    if text.len() > 4 * MAX_BARE_NAME_CHARS {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !BARE_NAME_WORDS.contains(&words.len()) || text.chars().count() > MAX_BARE_NAME_CHARS {
        return false;
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.iter().all(|w| capitalised(w) || NAME_PARTICLES.contains(w))
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && text.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’'))
        // Nor a run of UI labels ("Facebook Twitter Mail").
        && !words.iter().any(|w| phrases::is_label(&crate::block::lowercase(trim_label(w))))
        // All-capital short words are labels ("NEWS", "UK"), not names.
        && !words.iter().any(|w| w.chars().count() > 1 && w.chars().all(char::is_uppercase) && w.chars().count() <= 3)
        // Nor a kicker before a date's label ("Crime Published On").
        && !words.iter().any(|w| is_date_label_word(&w.to_lowercase()))
}

/// Two bare names joined by a joiner word: "Szabó Eszter és Kertész
/// Dániel", "Jane Doe and John Roe".
fn two_bare_names(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| NAME_JOINERS.contains(w))?;
    let (left, right) = (words[..at].join(" "), words.get(at + 1..)?.join(" "));
    (is_bare_name(&left) && is_bare_name(&right)).then(|| vec![left, right])
}

/// Whether `word` is a one-word published/updated label ("published",
/// "aktualisiert", "posted").
fn is_date_label_word(word: &str) -> bool {
    PUBLISHED_LABELS.iter().chain(UPDATED_LABELS).any(|l| *l == word)
}

/// Words that join a name to the date after it ("Frank Hahn am 18.
/// September 2019", "Jane Doe on March 3, 2021").
const DATE_JOINERS: &[&str] = &["am", "dnia", "du", "el", "il", "le", "on", "op", "vom"];

/// Most words of a job title standing on its own line ("Games Editor",
/// "Senior Staff Writer").
const MAX_ROLE_LINE_WORDS: usize = 4;

/// Whether `text` is a job title on its own: a few words ending in a role
/// ("Games Editor", "Staff Writer", "Korrespondent").
pub(crate) fn is_role_line(text: &str) -> bool {
    let lower = crate::block::lowercase(text.trim());
    let words = lower.split_whitespace().count();
    (1..=MAX_ROLE_LINE_WORDS).contains(&words)
        && crate::rules::authors::ROLES
            .iter()
            .any(|role| lower == *role || lower.strip_suffix(role).is_some_and(|head| head.ends_with(' ')))
}

/// The name in a "Name, Job title" line ("Priyanka Osei, Transport
/// Correspondent"), when the part before the comma is a bare name and the
/// part after it a job title.
pub(crate) fn name_with_role(text: &str) -> Option<&str> {
    let (name, role) = text.split_once(',')?;
    let name = name.trim();
    (is_bare_name(name) && is_role_line(role.trim())).then_some(name)
}

/// The bare name after a weak cue written in lower case ("de Ioana
/// Mureșan"); see `rules::authors::WEAK_CUES`.
pub(crate) fn after_weak_cue(text: &str) -> Option<&str> {
    WEAK_CUES.iter().find_map(|cue| {
        let rest = text.strip_prefix(cue)?.strip_prefix(' ')?.trim();
        is_bare_name(rest).then_some(rest)
    })
}

/// The name in an author box's heading ("About Jane Doe", "Über Moritz
/// Bachmann"), if the block is one; an empty name for a heading that names
/// no one ("About the author").
pub(crate) fn about_heading(text: &str) -> Option<&str> {
    if text.split_whitespace().count() > MAX_ABOUT_HEADING_WORDS {
        return None;
    }
    // "About the author" names no one: the box is known by its heading.
    let bare = text.trim().trim_end_matches(':').trim();
    if AUTHOR_BOX_HEADINGS.contains(&bare.to_lowercase().as_str()) {
        return Some("");
    }
    ABOUT_OPENERS.iter().find_map(|opener| {
        // The opener's length in characters, found in the text as written.
        let len = opener.chars().count();
        let at = text.char_indices().nth(len).map(|(i, _)| i)?;
        let (head, rest) = text.split_at(at);
        if head.to_lowercase() != *opener || !rest.starts_with(' ') {
            return None;
        }
        let name = rest.trim().trim_end_matches(':');
        is_bare_name(name).then_some(name)
    })
}

/// Longest author-box heading ("About" and a name).
const MAX_ABOUT_HEADING_WORDS: usize = 6;

/// The name beside a date in a short header line ("Tanja Karrasch
/// 3.11.2023", "28. Jan. 2022 Paula Balov", "Gesine Engels-Krone,
/// 02.01.2023, 11:08 Uhr").
pub(crate) fn name_beside_date(text: &str, order: Order) -> Option<String> {
    if text.split_whitespace().count() > 12 {
        return None;
    }
    let found = date::find_all(text, order, None);
    let (first, last) =
        (found.iter().map(|f| f.range.start).min()?, found.iter().map(|f| f.range.end).max()?);
    let before = text[..first].trim().trim_end_matches([',', '|', '-', '–', '—', '·', '•']).trim();
    // "Frank Hahn am 18. September 2019": the word that joins name and date.
    let before = before
        .rsplit_once(' ')
        .filter(|(_, last)| DATE_JOINERS.contains(&last.to_lowercase().as_str()))
        .map_or(before, |(name, _)| name.trim_end());
    // After the last date ("28. Juni 2019 14. Januar 2020 | Name"), less a
    // trailing counter of comments ("1. Februar 2022 Luis Holuch 6").
    let after = text[last..]
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim();
    // "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar": the
    // comment link after the name.
    let lower_after = crate::block::lowercase(after);
    let after = phrases::COMMENT_FORM_LABELS
        .iter()
        .find_map(|label| {
            // Byte offsets carry over only when lower-casing kept the length.
            let head = lower_after.strip_suffix(label).filter(|head| head.ends_with(' '))?;
            (lower_after.len() == after.len()).then(|| after.get(..head.len())).flatten().map(str::trim)
        })
        .unwrap_or(after);
    [before, after].into_iter().find(|part| is_bare_name(part)).map(str::to_string)
}

/// Finds the byline around the header, labels it, and returns the authors
/// read from it. When no visible byline names anyone but the markup does,
/// the header line that opens with the stated name is labelled instead.
pub(crate) fn find(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    header: Range<usize>,
    region: &Range<usize>,
    headline: Option<usize>,
) -> Vec<String> {
    let authors = cued_or_bare(doc, page, verdicts, header.clone(), region, headline);
    mark_stated_byline(doc, page, verdicts, header);
    authors
}

/// How many blocks above the headline a byline may sit ("6. Oktober 2022 /
/// By Celia Parbey / 0 Comments" above the headline).
const BYLINE_ABOVE_HEADLINE: usize = 4;
/// How far into the body a cued byline is still looked for.
const BYLINE_BODY_REACH: usize = 10;
/// How many blocks on each side of the end of the body a cued byline is
/// looked for.
const BYLINE_TAIL_REACH: usize = 5;
/// Outside the header, a cued byline is a short line ("Von Irmela Schwab",
/// "VON MORITZ GATHMANN am 21. April 2020").
const MAX_STRICT_BYLINE_WORDS: usize = 12;
/// How many blocks after a lone cue ("By") the names may run: name,
/// "and", name, "and", name.
const MAX_BYLINE_LINES: usize = 6;

/// Finds the byline around the header and reads the authors from it. A
/// cued byline wins; failing that, a bare name right under the headline or
/// beside the date.
fn cued_or_bare(
    doc: &Document,
    page: &Page,
    verdicts: &mut [Verdict],
    header: Range<usize>,
    region: &Range<usize>,
    headline: Option<usize>,
) -> Vec<String> {
    let len = doc.blocks.len();
    let start = header.start.saturating_sub(if headline.is_some() { BYLINE_ABOVE_HEADLINE } else { 0 });
    let usable = |verdicts: &[Verdict], i: usize| matches!(verdicts[i].label, Label::Other | Label::Body);
    // A cued byline is looked for in the header, then a little further
    // into the body, then around the end of the article ("Text: Jane Doe"
    // under the last paragraph). Outside the header only short lines count:
    // "Von Politikern und Medien wird …" is a sentence, not a byline.
    let deeper = header.end..(region.start + BYLINE_BODY_REACH).min(region.end).max(header.end);
    let tail = region.end.saturating_sub(BYLINE_TAIL_REACH).max(deeper.end)
        ..(region.end + BYLINE_TAIL_REACH).min(len);
    let places = (start..header.end)
        .map(|i| (i, false))
        .chain(deeper.map(|i| (i, true)))
        .chain(tail.map(|i| (i, true)));
    for (i, strict) in places {
        if !usable(verdicts, i) || strict && page.features[i].words > MAX_STRICT_BYLINE_WORDS {
            continue;
        }
        let Some(rest) = cue_rest(&doc.blocks[i].text, page.order) else { continue };
        let (authors, last) = if rest.is_empty() {
            names_on_following_lines(doc, page, verdicts, i)
        } else {
            (authors(rest, true, page.order), i)
        };
        if !authors.is_empty() {
            for verdict in &mut verdicts[i..=last] {
                *verdict = Verdict { label: Label::Byline, reason: "byline cue and names" };
            }
            return authors;
        }
    }
    // No cue: a bare name where bylines sit.
    let after_headline = headline.map(|h| h + 1..(h + 3).min(header.end.max(h + 1)));
    for i in after_headline.into_iter().flatten().chain(header.clone()) {
        if i >= doc.blocks.len() || !usable(verdicts, i) {
            continue;
        }
        let text = &doc.blocks[i].text;
        // A bare name needs a date close by: German capitalises every
        // noun, so "Wissenschaft Atmosphäre Klima" looks like a name too.
        let near_headline = headline.is_some_and(|h| i > h && i <= h + 2);
        // The date may sit on the line above the headline, two up.
        let near_date = (i.saturating_sub(3)..(i + 4).min(doc.blocks.len()))
            .any(|j| j != i && date::find(&doc.blocks[j].text, page.order, None).is_some());
        // "Ben Silverman" over "Games Editor": a name and its job title.
        let role_after = doc.blocks.get(i + 1).is_some_and(|b| is_role_line(&b.text));
        let byline_place = (near_headline || role_after) && near_date;
        if byline_place && let Some(names) = two_bare_names(text) {
            verdicts[i] = Verdict { label: Label::Byline, reason: "names where the byline sits" };
            return names;
        }
        let name = if byline_place && is_bare_name(text) {
            Some(text.clone())
        } else if near_date && let Some(name) = name_with_role(text).or_else(|| after_weak_cue(text)) {
            // "Priyanka Osei, Transport Correspondent" or "de Ioana
            // Mureșan" over the dateline.
            Some(name.to_string())
        } else {
            name_beside_date(text, page.order)
        };
        if let Some(name) = name {
            verdicts[i] = Verdict { label: Label::Byline, reason: "a name where the byline sits" };
            if role_after && usable(verdicts, i + 1) {
                verdicts[i + 1] = Verdict { label: Label::Byline, reason: "the author's job title" };
            }
            return vec![name];
        }
    }
    Vec::new()
}

/// Names on the lines after a lone cue: "David Brand", "and", "Ramsey
/// Khalifeh". Returns the names and the last block used.
fn names_on_following_lines(
    doc: &Document,
    page: &Page,
    verdicts: &[Verdict],
    cue: usize,
) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut last = cue;
    // After a name, another name line follows only behind a joiner ("and"
    // on its own line, or a line ending in a comma): "Autor / Jane Doe /
    // Jane Doe ist Redakteurin …" is one author and her bio.
    let mut open = true;
    let end = (cue + 1 + MAX_BYLINE_LINES).min(doc.blocks.len());
    for (j, verdict) in verdicts.iter().enumerate().take(end).skip(cue + 1) {
        if verdict.label != Label::Other && verdict.label != Label::Body {
            break;
        }
        let text = doc.blocks[j].text.as_str();
        let lower = text.to_lowercase();
        let joiner = rules::authors::NAME_JOINERS.contains(&lower.as_str()) || text == ",";
        if joiner && !names.is_empty() {
            open = true;
            continue;
        }
        if !open || page.features[j].words > MAX_STRICT_BYLINE_WORDS || page.features[j].has_date {
            break;
        }
        let found = authors(text, true, page.order);
        if found.is_empty() || found.iter().any(|name| names.contains(name)) {
            break;
        }
        names.extend(found);
        last = j;
        open = text.trim_end().ends_with(',')
            || rules::authors::NAME_JOINERS.iter().any(|w| lower.trim_end().ends_with(&format!(" {w}")));
    }
    (names, last)
}

/// Longest header line that is taken for the byline because it opens with
/// a stated author's name ("Maren Holt Transport": name and kicker).
const MAX_STATED_BYLINE_WORDS: usize = 8;

/// When the visible byline was not recognised but the markup names the
/// author, the short header line that opens with that name is the byline,
/// not body text.
fn mark_stated_byline(doc: &Document, page: &Page, verdicts: &mut [Verdict], header: Range<usize>) {
    if verdicts.iter().any(|v| v.label == Label::Byline) {
        return;
    }
    let names: Vec<&String> = doc.meta.authors.iter().chain(&doc.meta.marked_authors).collect();
    for i in header {
        let f = &page.features[i];
        // "The Associated Press Published Monday, November 18, 2019
        // 8:22AM EST": the name and a dateline.
        let short = f.words <= MAX_STATED_BYLINE_WORDS || f.has_date && f.words <= MAX_DATELINE_WORDS;
        if !matches!(verdicts[i].label, Label::Other | Label::Body) || !short {
            continue;
        }
        let text = after_cue(&doc.blocks[i].text).unwrap_or(&doc.blocks[i].text);
        if names.iter().any(|name| name.split_whitespace().count() >= 2 && text.starts_with(name.as_str())) {
            verdicts[i] = Verdict { label: Label::Byline, reason: "opens with the stated author's name" };
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::classify::testing::{STORY, authors_of};

    fn names(line: &str) -> Vec<String> {
        let Some(rest) = cue_rest(line, Order::MonthFirst) else { return Vec::new() };
        authors(rest, true, Order::MonthFirst)
    }

    #[test]
    fn two_names_joined() {
        assert_eq!(
            two_bare_names("Szabó Eszter és Kertész Dániel"),
            Some(vec!["Szabó Eszter".to_string(), "Kertész Dániel".to_string()])
        );
        assert_eq!(two_bare_names("Jane Doe & John Roe").map(|n| n.len()), Some(2));
        assert_eq!(two_bare_names("Jane Doe"), None);
        assert_eq!(two_bare_names("Rain and wind in the north"), None);
    }

    #[test]
    fn bylines() {
        for (line, want) in [
            (
                "by The Kyiv Independent news desk October 3, 2022 5:15 PM 1 min read",
                vec!["The Kyiv Independent news desk"],
            ),
            ("By Jane Doe and John Smith", vec!["Jane Doe", "John Smith"]),
            ("By Jane Doe, John Smith and Ann Lee", vec!["Jane Doe", "John Smith", "Ann Lee"]),
            ("By Jane Doe, Staff Writer", vec!["Jane Doe"]),
            ("By Staff Writer", vec!["Staff Writer"]),
            ("Von Jörg Staff", vec!["Jörg Staff"]),
            ("Post author By Helge Fahrnberger", vec!["Helge Fahrnberger"]),
            ("By Erin Cunningham March 18 at 3:57 PM Follow @erin", vec!["Erin Cunningham"]),
            ("Von Anna Berg 12 Kommentare", vec!["Anna Berg"]),
            ("By Rob Picheta, CNN", vec!["Rob Picheta"]),
            ("Posted by Alex Durán, AMP Project Marketing, Google", vec!["Alex Durán"]),
            ("Von Max Mustermann und Erika Musterfrau", vec!["Max Mustermann", "Erika Musterfrau"]),
            ("Par Jean Dupont | Publié le 3 octobre 2022", vec!["Jean Dupont"]),
            ("By Jane Doe Published October 3, 2022", vec!["Jane Doe"]),
            ("By Jane Doe • 3 min read", vec!["Jane Doe"]),
            ("Автор: Олена Петренко", vec!["Олена Петренко"]),
            ("Posted 11. April 2018 by Walter von Aachen", vec!["Walter von Aachen"]),
            ("6. Dezember 2022 von Fatima in Gefühle, Popkultur", vec!["Fatima"]),
            ("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie", vec!["gnaddrig"]),
            ("yas! | By Cara Stiles | April 13, 2020", vec!["Cara Stiles"]),
            ("VON MORITZ GATHMANN am 21. April 2020", vec!["MORITZ GATHMANN"]),
            ("Von: det/dpa", vec!["det/dpa"]),
            ("Posted by: Clara Borba", vec!["Clara Borba"]),
            ("ByAlex Bozarjian", vec!["Alex Bozarjian"]),
            ("About the Author - Florina Ionescu", vec!["Florina Ionescu"]),
            ("Byron Smith", vec![]),
            ("By Michael Veeser-Dombrowski →", vec!["Michael Veeser-Dombrowski"]),
            ("05.10.2018 - Publicado por: Clara Borba - Categoria: Saúde", vec!["Clara Borba"]),
            ("By Jean-Paul Martin - 3 Comments", vec!["Jean-Paul Martin"]),
            ("Harald Bauer Autor", vec![]),
            // A browser's copy runs the role into the name.
            ("By Evan HalperStaff Writer", vec!["Evan Halper"]),
            ("Von Anna SchmidtRedakteurin", vec!["Anna Schmidt"]),
            ("By Ryan McDonald", vec!["Ryan McDonald"]),
            ("Text von Christian Seiler Illustration von Markus Roost", vec!["Christian Seiler"]),
            ("By Staff and news service reports", vec!["Staff and news service reports"]),
            ("By clicking subscribe you agree to our terms and conditions of service today", vec![]),
            (
                "The bill was passed by the senate on Tuesday after a long and bitter debate about taxes.",
                vec![],
            ),
        ] {
            assert_eq!(names(line), want, "{line:?}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(after_cue("By"), Some(""));
        assert_eq!(after_cue("By Jane Doe"), Some("Jane Doe"));
        assert_eq!(after_cue("Jane Doe"), None);
        assert_eq!(cue_rest("Kommentar von", Order::DayFirst), Some(""));
        assert_eq!(
            cue_rest("Erstellt von Fabian am Dienstag 6. Mai 2014", Order::DayFirst),
            Some("Fabian am Dienstag 6. Mai 2014")
        );
        assert_eq!(
            cue_rest("Die Auswirkungen von Nachtarbeit auf die Aufmerksamkeit", Order::DayFirst),
            None
        );
        assert_eq!(cue_rest("Christoph von Eichhorn", Order::DayFirst), None);
    }

    #[test]
    fn bare_names() {
        for (line, want) in [
            ("Stefan Wasmer", true),
            ("Walter von Aachen", true),
            ("Ophélie Ostermann", true),
            ("E. Barreneche", true),
            ("UK news", false),
            ("Lokales", false),
            ("Questions over the barriers", false),
            ("Share This Story Now Please", false),
            ("Kategorie: News", false),
            ("NEWS UK", false),
        ] {
            assert_eq!(is_bare_name(line), want, "{line:?}");
        }
    }

    #[test]
    fn author_box_headings() {
        assert_eq!(about_heading("Über Moritz Bachmann"), Some("Moritz Bachmann"));
        assert_eq!(about_heading("About Jane Doe:"), Some("Jane Doe"));
        assert_eq!(about_heading("About Us"), None);
        assert_eq!(about_heading("Über den Autor:"), Some(""));
        assert_eq!(about_heading("About the project and its goals"), None);
    }

    #[test]
    fn role_lines() {
        for (line, want) in [
            ("Games Editor", true),
            ("Senior Staff Writer", true),
            ("Korrespondent", true),
            ("Yahoo Finance", false),
            ("Editors pick the best stories of the week", false),
        ] {
            assert_eq!(is_role_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn names_beside_dates() {
        for (line, want) in [
            ("Tanja Karrasch 3.11.2023", Some("Tanja Karrasch")),
            ("28. Jan. 2022 Paula Balov", Some("Paula Balov")),
            ("Gesine Engels-Krone, 02.01.2023, 11:08 Uhr", Some("Gesine Engels-Krone")),
            ("Kategorie: News 24.01.2022", None),
            ("28. Juni 2019 14. Januar 2020 | Klaus Quibeldey-Cirkel", Some("Klaus Quibeldey-Cirkel")),
            ("1. Februar 2022 Luis Holuch 6", Some("Luis Holuch")),
            ("October 3, 2022", None),
            ("Crime Published On May 10, 2022 01:52 PM", None),
            ("Frank Hahn am 18. September 2019", Some("Frank Hahn")),
            ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", Some("Ulrike Stockhausen")),
        ] {
            assert_eq!(name_beside_date(line, Order::DayFirst).as_deref(), want, "{line:?}");
        }
    }

    #[test]
    fn names_under_a_lone_cue_stop_at_the_bio() {
        let page = format!(
            "Bridge budget approved after long debate\nAutor\nSara Weber\nSara Weber ist Redakteurin im Team Politik.\nStand: 05. Februar 2020\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Sara Weber"]);
    }

    #[test]
    fn names_under_a_lone_cue_run_on_behind_joiners() {
        let page =
            format!("Bridge budget approved after long debate\nBy\nJane Doe\nand\nJohn Smith\n\n{STORY}");
        assert_eq!(authors_of(&page), ["Jane Doe", "John Smith"]);
    }

    #[test]
    fn the_stated_author_and_a_dateline_on_one_line_are_the_byline() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let line = "The Associated Press Published Monday, November 18, 2019 8:22AM EST";
        let page = format!(
            "<html><head><meta name=author content=\"The Associated Press\"></head><body><article>\
             <h1>Bridge budget approved</h1><div>{line}</div><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p></article></body></html>"
        );
        let doc = crate::frontend::html::read(&page);
        let classified = classify(&doc, None);
        let at = doc.blocks.iter().position(|b| b.text == line);
        assert_eq!(at.map(|i| classified.verdicts[i].label), Some(Label::Byline));
    }

    #[test]
    fn a_name_over_its_job_title_is_the_byline() {
        // Three lines under the headline: a name's job title, not its
        // place, makes it the byline.
        let page = format!(
            "Menu\nHome\n\nBridge budget approved after long debate\nShare\nSave\nBen Silverman\nGames Editor\nDaily Gazette October 13, 2016\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Ben Silverman"]);
    }

    #[test]
    fn names_with_their_job_title() {
        assert_eq!(name_with_role("Priyanka Osei, Transport Correspondent"), Some("Priyanka Osei"));
        assert_eq!(name_with_role("Jane Doe, Senior Political Editor"), Some("Jane Doe"));
        assert_eq!(name_with_role("London, Paris and Berlin"), None);
        assert_eq!(name_with_role("Jane Doe, who lives in Leeds"), None);
        assert_eq!(after_weak_cue("de Ioana Mureșan"), Some("Ioana Mureșan"));
        assert_eq!(after_weak_cue("De Ioana Mureșan"), None, "only in lower case");
        assert_eq!(after_weak_cue("de mayo de 2022"), None);
        let page = format!(
            "Menu\n\nBridge budget approved after long debate\nPriyanka Osei, Transport Correspondent\nPublished March 19 2024 8:02 am GMT\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Priyanka Osei"]);
        for (byline, want) in [
            ("By Kwame Ashby Local Democracy Reporter", "Kwame Ashby"),
            ("By Jane Doe, Chief Political Correspondent", "Jane Doe"),
            ("By Harald Bauer Autor", "Harald Bauer"),
        ] {
            assert_eq!(authors(byline, true, Order::MonthFirst), [want], "{byline:?}");
        }
    }

    #[test]
    fn a_bare_name_under_the_headline_may_take_the_date_above_it() {
        let page = format!(
            "Menu\nHome\n\n21. Jan 2022 // Sägewerk\nPerfect cuts on the table saw with a simple jig\nDominik Ricker\n\n{STORY}"
        );
        assert_eq!(authors_of(&page), ["Dominik Ricker"]);
    }
}
