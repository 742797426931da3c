//! Dates and times: finding them in a block, validating them, and writing
//! them as ISO 8601.
//!
//! A found date keeps the text as written and the precision the page gives:
//! a date alone stays a date, a clock time is added when one follows the
//! date, and an offset only when the page names a zone ("BST", "+02:00",
//! "ET", which is resolved for that date). Times are never converted to
//! UTC. Relative times ("2 hours ago") become timestamps only against a
//! reference time the caller supplies; otherwise they keep only their text.
//!
//! This module does not decide which date is the article's; the classifier
//! does, from where the block sits.

use std::ops::Range;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use regex::Captures;

use crate::rules::dates::{self, DATES};

/// What a label in front of a date says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// No label.
    Plain,
    /// "Published", "Veröffentlicht", …
    Published,
    /// "Updated", "Aktualisiert", …
    Updated,
    /// A date that is not the article's: "Registriert", "Member since", …
    Other,
}

/// A date found in a block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte range of the date and its time in the block.
    pub(crate) range: Range<usize>,
    /// ISO 8601, or `None` for a relative time with no reference time.
    pub(crate) iso: Option<String>,
    /// The label in front of it.
    pub(crate) stamp: Stamp,
    /// True for "2 hours ago" style times.
    pub(crate) relative: bool,
}

impl Found {
    /// The date as written in `text` (the block it was found in).
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or("")
    }
}

/// How to read `3/10/2022`: month first (US English) or day first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// 10/3/2022 is October 3.
    MonthFirst,
    /// 3/10/2022 is October 3.
    DayFirst,
}

/// Longest block taken for a dateline ("Energie 12.12.2022, 08:30 Uhr |
/// 3 min Lesezeit"); longer blocks give their date but stay text.
pub(crate) const MAX_DATELINE_WORDS: usize = 14;

/// Earliest plausible publication year; older "dates" are usually numbers.
const MIN_YEAR: i16 = 1990;
/// Latest plausible year.
const MAX_YEAR: i16 = 2100;

/// Every date in `text`, in order of position, overlaps removed.
pub(crate) fn find_all(text: &str, order: Order, now: Option<DateTime>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Every date and time pattern needs a digit: most blocks have none,
    // and the patterns are the costliest part of reading a page.
    if !text.bytes().any(|b| b.is_ascii_digit()) || !DATES.any.is_match(text) {
        return found;
    }
    let r = &*DATES;
    for caps in r.month_day_year.captures_iter(text) {
        push(&mut found, text, &caps, named_date(&caps));
    }
    for caps in r.day_month_year.captures_iter(text) {
        push(&mut found, text, &caps, named_date(&caps));
    }
    for caps in r.year_name_day.captures_iter(text) {
        push(&mut found, text, &caps, named_date(&caps));
    }
    for caps in r.year_month_day.captures_iter(text) {
        push(&mut found, text, &caps, iso_like_date(&caps));
    }
    for caps in r.cjk.captures_iter(text) {
        push(&mut found, text, &caps, cjk_date(&caps));
    }
    for caps in r.numeric.captures_iter(text) {
        push(&mut found, text, &caps, numeric_date(&caps, order));
    }
    for caps in r.relative.captures_iter(text) {
        let end = caps.name("ago").or_else(|| caps.name("unit2")).map(|m| m.end());
        if let (Some(whole), Some(end)) = (caps.get(0), end) {
            let range = whole.start()..end;
            if !found.iter().any(|f| overlaps(&f.range, &range)) {
                found.push(Found {
                    range,
                    iso: now.and_then(|now| resolve_relative(&caps, now)),
                    stamp: stamp_before(text, whole.start()),
                    relative: true,
                });
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// The first date in `text`, if any.
pub(crate) fn find(text: &str, order: Order, now: Option<DateTime>) -> Option<Found> {
    find_all(text, order, now).into_iter().next()
}

/// A parsed calendar date plus, for ISO input, a time and offset already
/// found inside the same match.
struct DateParts {
    date: Date,
    inline: Option<(Time, Option<String>)>,
}

fn push(found: &mut Vec<Found>, text: &str, caps: &Captures, parts: Option<DateParts>) {
    let (Some(whole), Some(parts)) = (caps.get(0), parts) else { return };
    if found.iter().any(|f| overlaps(&f.range, &whole.range())) {
        return;
    }
    // A date a browser's copy runs into the next one ("19. Dezember
    // 202219. Dezember 2022", a post's published and modified times) ends
    // at its year.
    let glued_end = caps.name("glue").and(caps.name("y")).map(|y| y.end());
    let (mut start, mut end) = (whole.start(), glued_end.unwrap_or(whole.end()));
    let (time, offset) = match parts.inline {
        Some((time, offset)) => (Some(time), offset),
        None => match time_after(text, end, parts.date) {
            Some((time, offset, time_end)) => {
                end = time_end;
                (Some(time), offset)
            }
            None => match time_before(text, start, parts.date) {
                Some((time, offset, time_start)) => {
                    start = time_start;
                    (Some(time), offset)
                }
                None => (None, None),
            },
        },
    };
    found.push(Found {
        range: start..end,
        iso: Some(iso(parts.date, time, offset.as_deref())),
        stamp: stamp_before(text, whole.start()),
        relative: false,
    });
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn number<T: std::str::FromStr>(caps: &Captures, name: &str) -> Option<T> {
    caps.name(name)?.as_str().parse().ok()
}

fn valid_date(year: i16, month: i8, day: i8) -> Option<Date> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok()
}

fn named_date(caps: &Captures) -> Option<DateParts> {
    let month = dates::month_number(caps.name("mon")?.as_str())?;
    let date = valid_date(number(caps, "y")?, i8::try_from(month).ok()?, number(caps, "d")?)?;
    Some(DateParts { date, inline: None })
}

/// The regex crate has no back-references, so "2022-10/03" is matched and
/// refused here.
fn same_separators(caps: &Captures) -> bool {
    caps.name("sep").map(|s| s.as_str()) == caps.name("sep2").map(|s| s.as_str())
}

fn iso_like_date(caps: &Captures) -> Option<DateParts> {
    if !same_separators(caps) {
        return None;
    }
    let date = valid_date(number(caps, "y")?, number(caps, "m")?, number(caps, "d")?)?;
    let inline = match (number::<i8>(caps, "h"), number::<i8>(caps, "min")) {
        (Some(h), Some(m)) => {
            let time = Time::new(h, m, number(caps, "s").unwrap_or(0), 0).ok()?;
            let offset = caps.name("off").map(|o| normalize_offset(o.as_str()));
            Some((time, offset))
        }
        _ => None,
    };
    Some(DateParts { date, inline })
}

fn cjk_date(caps: &Captures) -> Option<DateParts> {
    let date = valid_date(number(caps, "y")?, number(caps, "m")?, number(caps, "d")?)?;
    Some(DateParts { date, inline: None })
}

fn numeric_date(caps: &Captures, order: Order) -> Option<DateParts> {
    if !same_separators(caps) {
        return None;
    }
    // "4. 2. 2022" is a date; "3/ 4/ 22" is not written.
    let spaced = caps.get(0).is_some_and(|m| m.as_str().contains(' '));
    if spaced && (caps.name("sep").map(|s| s.as_str()) != Some(".") || caps.name("y")?.as_str().len() != 4) {
        return None;
    }
    let a: i8 = number(caps, "a")?;
    let b: i8 = number(caps, "b")?;
    let year_text = caps.name("y")?.as_str();
    let mut year: i16 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        year += 2000;
    }
    // A number above 12 can only be the day ("11.15.2019" on an American
    // page); otherwise dots before a full year are day-first everywhere
    // ("11.04.2020"), and slashes, dashes and dots before a two-digit year
    // ("11.03.17" on an American page) follow the page's language.
    let day_first = match caps.name("sep").map(|s| s.as_str()) {
        _ if a > 12 => true,
        _ if b > 12 => false,
        Some(".") if year_text.len() == 4 => true,
        _ => order == Order::DayFirst,
    };
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    Some(DateParts { date: valid_date(year, month, day)?, inline: None })
}

/// A clock time ending right before `at` (where a date starts), with its
/// zone: "14:22 BST, 6 Jun 2024". Returns where the time starts.
fn time_before(text: &str, at: usize, date: Date) -> Option<(Time, Option<String>, usize)> {
    let before = text.get(..at)?;
    let caps = DATES.time_before.captures(before)?;
    let (time, offset) = clock(&caps, date)?;
    Some((time, offset, caps.name("h")?.start()))
}

/// A clock time starting at `at` (after a date), with its zone.
fn time_after(text: &str, at: usize, date: Date) -> Option<(Time, Option<String>, usize)> {
    let rest = text.get(at..)?;
    let caps = DATES.time.captures(rest)?;
    let (time, offset) = clock(&caps, date)?;
    let end = caps.get(0)?.end();
    // Do not swallow trailing spaces or separators into the quoted text.
    let matched = rest.get(..end)?.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    Some((time, offset, at + matched.len()))
}

/// The time and zone a [`DATES`] time match names on `date`.
fn clock(caps: &Captures, date: Date) -> Option<(Time, Option<String>)> {
    let mut hour: i8 = number(caps, "h")?;
    let minute: Option<i8> = number(caps, "min");
    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
    if minute.is_none() && ampm.is_none() {
        return None;
    }
    if let Some(ampm) = &ampm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = ampm.starts_with('p');
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let time = Time::new(hour, minute.unwrap_or(0), number(caps, "s").unwrap_or(0), 0).ok()?;
    let offset = if let Some(zone) = caps.name("zone") {
        zone_offset(zone.as_str(), date.to_datetime(time))
    } else {
        caps.name("off").map(|o| normalize_offset(o.as_str()))
    };
    Some((time, offset))
}

/// The UTC offset a zone abbreviation means on a given local date-time.
fn zone_offset(abbr: &str, at: DateTime) -> Option<String> {
    let meaning = dates::zone(abbr)?;
    if meaning.starts_with(['+', '-']) {
        return Some(meaning.to_string());
    }
    let tz = TimeZone::get(meaning).ok()?;
    let zoned = tz.to_ambiguous_zoned_datetime(at).compatible().ok()?;
    let seconds = zoned.offset().seconds();
    Some(format_offset(seconds))
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
}

/// "+0300", "+03:00", "UTC+3", "GMT-05", "Z" → "+03:00" style.
pub(crate) fn normalize_offset(raw: &str) -> String {
    let raw = raw.trim();
    if raw.eq_ignore_ascii_case("z") {
        return "+00:00".to_string();
    }
    let signed = raw.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c.is_whitespace());
    let sign = if signed.starts_with('-') { -1 } else { 1 };
    let digits: String = signed.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().unwrap_or(0), 0),
        3 => (digits[..1].parse::<i32>().unwrap_or(0), digits[1..].parse::<i32>().unwrap_or(0)),
        _ => (
            digits.get(..2).and_then(|d| d.parse::<i32>().ok()).unwrap_or(0),
            digits.get(2..4).and_then(|d| d.parse::<i32>().ok()).unwrap_or(0),
        ),
    };
    format_offset(sign * (h * 3600 + m * 60))
}

fn iso(date: Date, time: Option<Time>, offset: Option<&str>) -> String {
    let mut out = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    if let Some(t) = time {
        out.push_str(&format!("T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()));
        if let Some(offset) = offset {
            out.push_str(offset);
        }
    }
    out
}

fn resolve_relative(caps: &Captures, now: DateTime) -> Option<String> {
    let n: i64 = number(caps, "n").or_else(|| number(caps, "n2"))?;
    let unit = caps.name("unit").or_else(|| caps.name("unit2"))?.as_str();
    let seconds = dates::unit_seconds(unit)?.checked_mul(n)?;
    let then = now.checked_sub(jiff::SignedDuration::from_secs(seconds)).ok()?;
    Some(if seconds < 86_400 {
        iso(then.date(), Some(then.time()), None)
    } else {
        iso(then.date(), None, None)
    })
}

/// The label (published/updated) written just before byte `start`.
fn stamp_before(text: &str, start: usize) -> Stamp {
    let from = crate::decode::floor_char_boundary(text, start.saturating_sub(40));
    let Some(window) = text.get(from..start) else { return Stamp::Plain };
    // Labels anywhere in the window: each word start, the nearest the
    // date first ("Giriş: 08.01.2024 13:45, Güncelleme: 08.01.2024 15:10"
    // labels its second date "updated").
    let starts: Vec<usize> = window
        .char_indices()
        .filter(|(i, _)| *i == 0 || window[..*i].ends_with(char::is_whitespace))
        .map(|(i, _)| i)
        .collect();
    let Some(caps) = starts.into_iter().rev().find_map(|i| DATES.label.captures(&window[i..])) else {
        return Stamp::Plain;
    };
    match caps.name("label") {
        Some(label) if dates::is_updated_label(label.as_str()) => Stamp::Updated,
        Some(label) if dates::is_other_label(label.as_str()) => Stamp::Other,
        Some(_) => Stamp::Published,
        None => Stamp::Plain,
    }
}

/// The date in a page address's path (`https://x.org/2021/10/29/slug`,
/// `…/meldungen/29-10-2021`), with the piece of the address it was read
/// from. Only unambiguous forms: year first, or day first with a day
/// above 12. The host, query and fragment are not read.
pub(crate) fn from_address(address: &str) -> Option<(String, String)> {
    let after_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    let path = &after_scheme[after_scheme.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let caps = DATES.address.captures(path)?;
    let (year, month, day) = if caps.name("y").is_some() {
        (number(&caps, "y")?, number(&caps, "m")?, number(&caps, "d")?)
    } else {
        let day: i8 = number(&caps, "d2")?;
        if day <= 12 {
            return None;
        }
        (number(&caps, "y2")?, number(&caps, "m2")?, day)
    };
    let date = valid_date(year, month, day)?;
    let text = caps.get(0)?.as_str().trim_matches(|c: char| !c.is_ascii_digit()).to_string();
    Some((iso(date, None, None), text))
}

/// Parses a machine-readable date from metadata (`2022-10-03T17:15:00+03:00`,
/// `2022-10-03`, or any format [`find`] understands) into ISO 8601.
pub(crate) fn parse_meta(raw: &str) -> Option<String> {
    find(raw.trim(), Order::MonthFirst, None).and_then(|f| f.iso)
}

/// Longest text that can be a date or time alone, in characters.
const MAX_STAMP_CHARS: usize = 60;

/// True when `text` is nothing but a date or time (a feed item's stamp, a
/// dateline): the found expression covers nearly all of it.
pub(crate) fn is_stamp_only(text: &str, order: Order) -> bool {
    // The byte test rules a paragraph out before its characters are counted.
    if text.len() > 4 * MAX_STAMP_CHARS || text.chars().count() > MAX_STAMP_CHARS {
        return false;
    }
    let covered: usize = find_all(text, order, None).iter().map(|f| f.range.len()).sum();
    let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
    if covered > 0 && covered * 10 >= text.len() * 6 {
        return true;
    }
    // A bare clock time: "6:57 PM", "17:05", "09.30 Uhr".
    letters > 0 && letters <= 10 && clock_only(text)
}

/// True when `text` is a date line: a date or time alone, after a
/// published/updated label or not ("Aktualisiert: 11.04.2020, 10:27").
pub(crate) fn is_date_line(text: &str, order: Order) -> bool {
    let rest = DATES.label.find(text).map_or(text, |m| &text[m.end()..]);
    !rest.trim().is_empty() && is_stamp_only(rest, order) && find(rest, order, None).is_some()
}

/// Splits a time stamp off the start of a line: "10:45 Harbour bridge to
/// close" → ("10:45", "Harbour bridge to close"). `None` when the line
/// does not open with one or nothing follows it.
pub(crate) fn split_leading_stamp(text: &str, order: Order) -> Option<(&str, &str)> {
    let end = match find(text, order, None) {
        Some(found) if found.range.start == 0 => found.range.end,
        _ => {
            let caps = DATES.time.captures(text)?;
            if caps.name("min").is_none() && caps.name("ampm").is_none() {
                return None;
            }
            caps.get(0)?.end()
        }
    };
    let (stamp, rest) = (
        text.get(..end)?.trim(),
        text.get(end..)?.trim_start_matches([' ', '|', '-', '–', '—', '·', '•', ',']),
    );
    (!stamp.is_empty() && rest.split_whitespace().nth(1).is_some()).then_some((stamp, rest.trim()))
}

fn clock_only(text: &str) -> bool {
    let Some(caps) = DATES.time.captures(text) else { return false };
    let Some(whole) = caps.get(0) else { return false };
    (caps.name("min").is_some() || caps.name("ampm").is_some()) && text[whole.end()..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(text: &str) -> Option<String> {
        find(text, Order::MonthFirst, None).and_then(|f| f.iso)
    }

    #[test]
    fn date_lines() {
        for (text, want) in [
            ("Aktualisiert: 11.04.2020, 10:27", true),
            ("Published Monday, November 18, 2019 8:22AM EST", true),
            ("14.01.2022 um 09:25", true),
            ("Aktualisiert:", false),
            ("The vote on 11.04.2020 ended the long debate about the bridge.", false),
            ("6:57 PM", false),
        ] {
            assert_eq!(is_date_line(text, Order::DayFirst), want, "{text:?}");
        }
    }

    #[test]
    fn a_date_run_into_the_next_ends_at_its_year() {
        // A browser's copy of a post's published and modified times.
        for (text, written, iso) in [
            (
                "Veröffentlicht am 19. Dezember 202219. Dezember 2022 von Redaktion",
                "19. Dezember 2022",
                "2022-12-19",
            ),
            ("20 janvier 202020 janvier 2020évaluation", "20 janvier 2020", "2020-01-20"),
        ] {
            let found = find(text, Order::DayFirst, None);
            assert_eq!(found.as_ref().map(|f| &text[f.range.clone()]), Some(written), "{text:?}");
            assert_eq!(found.and_then(|f| f.iso).as_deref(), Some(iso), "{text:?}");
        }
        // Only another date's day and month may follow the year so: five
        // digits after a month are no year.
        assert_eq!(iso_of("3 March 20245 visitors"), None);
    }

    #[test]
    fn formats() {
        for (text, want) in [
            ("October 3, 2022 5:15 PM", Some("2022-10-03T17:15:00")),
            (
                "by The Kyiv Independent news desk October 3, 2022 5:15 PM 1 min read",
                Some("2022-10-03T17:15:00"),
            ),
            ("Nov. 19, 2019 8:03 am ET", Some("2019-11-19T08:03:00-05:00")),
            ("June 19, 2019 8:03 am ET", Some("2019-06-19T08:03:00-04:00")),
            ("3 October 2022", Some("2022-10-03")),
            ("Mon 3 Oct 2022 17.15 BST", Some("2022-10-03T17:15:00+01:00")),
            // The clock before the date.
            ("Published: 14:22 BST, 6 Jun 2024", Some("2024-06-06T14:22:00+01:00")),
            ("7:05 AM GMT, March 21, 2024", Some("2024-03-21T07:05:00+00:00")),
            ("Updated 09.30 | 12.02.2023", Some("2023-02-12T09:30:00")),
            // A bare number before a date is no clock.
            ("Issue 42 March 21, 2024", Some("2024-03-21")),
            ("6. Oktober 2022", Some("2022-10-06")),
            ("3. Oktober 2022 um 17:15 Uhr", Some("2022-10-03T17:15:00")),
            ("le 3 octobre 2022 à 17h15", Some("2022-10-03T17:15:00")),
            ("3 de octubre de 2022", Some("2022-10-03")),
            ("3 жовтня 2022, 17:15", Some("2022-10-03T17:15:00")),
            ("3 października 2022", Some("2022-10-03")),
            ("03.10.2022", Some("2022-10-03")),
            ("11.15.2019 10:09 AM", Some("2019-11-15T10:09:00")),
            ("Von Deutscher Tennis Bund 4. 2. 2022.", Some("2022-02-04")),
            ("Seite 3/ 4/ 22", None),
            ("10/3/2022", Some("2022-10-03")),
            ("25/3/2022", Some("2022-03-25")),
            ("2022-10-03", Some("2022-10-03")),
            ("2022-10-03T17:15:00+03:00", Some("2022-10-03T17:15:00+03:00")),
            ("2022-10-03T17:15:00Z", Some("2022-10-03T17:15:00+00:00")),
            ("Published 2022/10/03 09:30", Some("2022-10-03T09:30:00")),
            ("October 3, 2022 12:05 AM", Some("2022-10-03T00:05:00")),
            ("October 3, 2022 12:05 PM", Some("2022-10-03T12:05:00")),
            ("February 30, 2022", None),
            ("© 1850 The Times", None),
            ("2 hours ago", None),
            ("Call 555-12-2022 now", None),
            ("October 3, 2022 UTC+2", Some("2022-10-03")),
            ("October 3, 2022 17:15 UTC+2", Some("2022-10-03T17:15:00+02:00")),
            ("2022年10月3日 17:15", Some("2022-10-03T17:15:00")),
            ("2024. április 9. 07:45", Some("2024-04-09T07:45:00")),
            ("Frissítve: 2024. április 9.", Some("2024-04-09")),
            ("12 Μαρτίου 2024, 08:15", Some("2024-03-12T08:15:00")),
            ("25/03/2024 às 18:40", Some("2024-03-25T18:40:00")),
            // A Croatian date's year takes a dot, the time follows it.
            ("13.03.2024. 09:15", Some("2024-03-13T09:15:00")),
            ("Founded 3 May 2022. 10 people came.", Some("2022-05-03")),
        ] {
            assert_eq!(iso_of(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn keeps_text_as_written() {
        let text = "by The Kyiv Independent news desk October 3, 2022 5:15 PM 1 min read";
        let found = find(text, Order::MonthFirst, None);
        assert_eq!(found.map(|f| f.text(text).to_string()).as_deref(), Some("October 3, 2022 5:15 PM"));
        let line = "Giriş: 08.01.2024 13:45, Güncelleme: 08.01.2024 15:10";
        let stamps: Vec<Stamp> = find_all(line, Order::DayFirst, None).iter().map(|f| f.stamp).collect();
        assert_eq!(stamps, [Stamp::Published, Stamp::Updated], "the label nearest a date is its own");
        let text = "Published: 14:22 BST, 6 Jun 2024 | Updated: 16:05 BST, 6 Jun 2024";
        let texts: Vec<String> =
            find_all(text, Order::DayFirst, None).iter().map(|f| f.text(text).to_string()).collect();
        assert_eq!(texts, ["14:22 BST, 6 Jun 2024", "16:05 BST, 6 Jun 2024"]);
    }

    #[test]
    fn day_first_order() {
        assert_eq!(
            find("10/3/2022", Order::DayFirst, None).and_then(|f| f.iso).as_deref(),
            Some("2022-03-10")
        );
        // Dots before a full year are day-first everywhere; before a
        // two-digit year they follow the page ("11.03.17 in Gadgetry").
        let iso = |text: &str, order| find(text, order, None).and_then(|f| f.iso);
        assert_eq!(iso("11.04.2020", Order::MonthFirst).as_deref(), Some("2020-04-11"));
        assert_eq!(iso("11.03.17 in Gadgetry", Order::MonthFirst).as_deref(), Some("2017-11-03"));
        assert_eq!(iso("11.03.17", Order::DayFirst).as_deref(), Some("2017-03-11"));
    }

    #[test]
    fn dates_in_addresses() {
        for (address, want) in [
            ("https://example.org/2021/10/29/some-story/", Some(("2021-10-29", "2021/10/29"))),
            ("https://example.org/news/2019-12-10-slug.html", Some(("2019-12-10", "2019-12-10"))),
            ("https://example.org/meldungen/29-10-2021", Some(("2021-10-29", "29-10-2021"))),
            ("https://example.org/meldungen/05-10-2021", None),
            ("https://web.archive.org/web/20131110121040/http://x.de/story/", None),
            ("https://2021.example.org/?date=2021/10/29", None),
            ("https://example.org/2021/13/29/", None),
        ] {
            let got = from_address(address);
            assert_eq!(got.as_ref().map(|(iso, text)| (iso.as_str(), text.as_str())), want, "{address}");
        }
    }

    #[test]
    fn labels() {
        for (text, want) in [
            ("Published: October 3, 2022", Stamp::Published),
            ("Updated 4 October 2022", Stamp::Updated),
            ("Zuletzt aktualisiert am 3. Oktober 2022", Stamp::Updated),
            ("October 3, 2022", Stamp::Plain),
            ("Registriert: 18.09.2008, 05:56", Stamp::Other),
            ("Member since March 3, 2015", Stamp::Other),
        ] {
            assert_eq!(find(text, Order::MonthFirst, None).map(|f| f.stamp), Some(want), "{text:?}");
        }
    }

    #[test]
    fn relative_times_need_a_reference() {
        let now = jiff::civil::date(2022, 10, 3).at(18, 0, 0, 0);
        for (text, want) in [
            ("2 hours ago", Some("2022-10-03T16:00:00")),
            ("vor 3 Tagen", Some("2022-09-30")),
            ("il y a 5 minutes", Some("2022-10-03T17:55:00")),
        ] {
            let found = find(text, Order::MonthFirst, Some(now));
            assert_eq!(found.as_ref().and_then(|f| f.iso.as_deref()), want, "{text:?}");
            assert!(found.is_some_and(|f| f.relative));
        }
        assert_eq!(find("2 hours ago", Order::MonthFirst, None).map(|f| f.iso), Some(None));
    }

    #[test]
    fn stamp_only() {
        for (text, want) in [
            ("6:57 PM", true),
            ("7:09 AM", true),
            ("17:05", true),
            ("October 3, 2022", true),
            ("13. Dezember 2022", true),
            ("3 hours ago", true),
            ("Russia hands over bodies of its own soldiers in recent exchange, Kyiv says.", false),
            ("2022", false),
            ("In 2022 we did things", false),
        ] {
            assert_eq!(is_stamp_only(text, Order::MonthFirst), want, "{text:?}");
        }
    }

    #[test]
    fn leading_stamps() {
        for (text, want) in [
            (
                "10:45 Harbour bridge to close for repairs",
                Some(("10:45", "Harbour bridge to close for repairs")),
            ),
            ("6:57 PM Russia hands over bodies", Some(("6:57 PM", "Russia hands over bodies"))),
            (
                "March 3, 2024 - Council approves park plans",
                Some(("March 3, 2024", "Council approves park plans")),
            ),
            ("Harbour bridge to close at 10:45", None),
            ("10:45", None),
            ("2022 was a good year", None),
        ] {
            assert_eq!(split_leading_stamp(text, Order::MonthFirst), want, "{text:?}");
        }
    }

    #[test]
    fn offsets() {
        for (raw, want) in
            [("+0300", "+03:00"), ("UTC+2", "+02:00"), ("GMT-05:30", "-05:30"), ("Z", "+00:00")]
        {
            assert_eq!(normalize_offset(raw), want, "{raw}");
        }
    }

    #[test]
    fn meta_dates() {
        assert_eq!(parse_meta("2022-10-03T17:15:00+03:00").as_deref(), Some("2022-10-03T17:15:00+03:00"));
        assert_eq!(parse_meta("  2022-10-03 ").as_deref(), Some("2022-10-03"));
        assert_eq!(parse_meta("not a date"), None);
    }
}
