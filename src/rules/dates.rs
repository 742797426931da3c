//! Date tables: month names, time-zone abbreviations, "published" and
//! "updated" labels, relative-time words, and the patterns built from them.
//!
//! The patterns only *find* candidate dates; `classify::date` validates them
//! (real calendar days, plausible years) and turns them into timestamps.

use std::sync::LazyLock;

use regex::Regex;

use super::{alternation, compile};

/// Month names by language, January first. Each cell lists the spellings
/// of one month separated by `|`: full names (nominative and genitive where
/// the language declines them), then abbreviations. Lower case.
#[rustfmt::skip]
pub(crate) const MONTHS: &[(&str, [&str; 12])] = &[
    ("de", ["januar|jänner|jan", "februar|feber|feb", "märz|maerz|mär|mrz", "april|apr", "mai",
            "juni|jun", "juli|jul", "august|aug", "september|sept|sep", "oktober|okt",
            "november|nov", "dezember|dez"]),
    ("en", ["january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun",
            "july|jul", "august|aug", "september|sept|sep", "october|oct", "november|nov",
            "december|dec"]),
    ("es", ["enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun",
            "julio|jul", "agosto|ago", "septiembre|setiembre|sept|sep", "octubre|oct",
            "noviembre|nov", "diciembre|dic"]),
    ("fr", ["janvier|janv", "février|fevrier|févr|fév", "mars", "avril|avr", "mai", "juin",
            "juillet|juil", "août|aout", "septembre|sept", "octobre|oct", "novembre|nov",
            "décembre|decembre|déc"]),
    ("it", ["gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag",
            "giugno|giu", "luglio|lug", "agosto|ago", "settembre|set", "ottobre|ott",
            "novembre|nov", "dicembre|dic"]),
    ("nl", ["januari|jan", "februari|feb", "maart|mrt", "april|apr", "mei", "juni|jun",
            "juli|jul", "augustus|aug", "september|sept|sep", "oktober|okt", "november|nov",
            "december|dec"]),
    ("pl", ["stycznia|styczeń|sty", "lutego|luty|lut", "marca|marzec", "kwietnia|kwiecień|kwi",
            "maja|maj", "czerwca|czerwiec|cze", "lipca|lipiec|lip", "sierpnia|sierpień|sie",
            "września|wrzesień|wrz", "października|październik|paź", "listopada|listopad|lis",
            "grudnia|grudzień|gru"]),
    ("pt", ["janeiro|jan", "fevereiro|fev", "março|marco|mar", "abril|abr", "maio|mai",
            "junho|jun", "julho|jul", "agosto|ago", "setembro|set", "outubro|out",
            "novembro|nov", "dezembro|dez"]),
    ("ru", ["января|январь|янв", "февраля|февраль|фев", "марта|март|мар", "апреля|апрель|апр",
            "мая|май", "июня|июнь|июн", "июля|июль|июл", "августа|август|авг",
            "сентября|сентябрь|сент|сен", "октября|октябрь|окт", "ноября|ноябрь|ноя",
            "декабря|декабрь|дек"]),
    ("cs", ["ledna|leden", "února|únor", "března|březen", "dubna|duben", "května|květen",
            "června|červen", "července|červenec", "srpna|srpen", "září", "října|říjen",
            "listopadu|listopad", "prosince|prosinec"]),
    ("da", ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december"]),
    ("ro", ["ianuarie|ian", "februarie|feb", "martie|mar", "aprilie|apr", "mai", "iunie|iun",
            "iulie|iul", "august|aug", "septembrie|sept|sep", "octombrie|oct", "noiembrie|noi|nov",
            "decembrie|dec"]),
    ("sv", ["januari|jan", "februari|feb", "mars|mar", "april|apr", "maj", "juni|jun", "juli|jul",
            "augusti|aug", "september|sept|sep", "oktober|okt", "november|nov", "december|dec"]),
    ("hu", ["január|jan", "február|febr", "március|márc", "április|ápr", "május|máj",
            "június|jún", "július|júl", "augusztus|aug", "szeptember|szept", "október|okt",
            "november|nov", "december|dec"]),
    ("el", ["ιανουαρίου|ιανουάριος|ιαν", "φεβρουαρίου|φεβρουάριος|φεβ", "μαρτίου|μάρτιος|μαρ",
            "απριλίου|απρίλιος|απρ", "μαΐου|μαίου|μάιος|μαΐ", "ιουνίου|ιούνιος|ιουν",
            "ιουλίου|ιούλιος|ιουλ", "αυγούστου|αύγουστος|αυγ", "σεπτεμβρίου|σεπτέμβριος|σεπ",
            "οκτωβρίου|οκτώβριος|οκτ", "νοεμβρίου|νοέμβριος|νοε", "δεκεμβρίου|δεκέμβριος|δεκ"]),
    ("tr", ["ocak|oca", "şubat|şub", "mart|mar", "nisan|nis", "mayıs|may", "haziran|haz",
            "temmuz|tem", "ağustos|ağu", "eylül|eyl", "ekim|eki", "kasım|kas", "aralık|ara"]),
    ("uk", ["січня|січень|січ", "лютого|лютий|лют", "березня|березень|бер", "квітня|квітень|квіт",
            "травня|травень|трав", "червня|червень|черв", "липня|липень|лип", "серпня|серпень|серп",
            "вересня|вересень|вер", "жовтня|жовтень|жовт", "листопада|листопад|лист",
            "грудня|грудень|груд"]),
];

/// Time-zone abbreviations and what they mean: a fixed offset, or an IANA
/// zone whose offset depends on the date ("ET" is -05:00 in winter and
/// -04:00 in summer). Sorted by abbreviation.
#[rustfmt::skip]
pub(crate) const ZONES: &[(&str, &str)] = &[
    ("AEDT", "+11:00"), ("AEST", "+10:00"), ("BST", "+01:00"), ("CDT", "-05:00"),
    ("CEST", "+02:00"), ("CET", "+01:00"), ("CST", "-06:00"), ("CT", "America/Chicago"),
    ("EDT", "-04:00"), ("EEST", "+03:00"), ("EET", "+02:00"), ("EST", "-05:00"),
    ("ET", "America/New_York"), ("GMT", "+00:00"), ("HKT", "+08:00"), ("IST", "+05:30"),
    ("JST", "+09:00"), ("KST", "+09:00"), ("MDT", "-06:00"), ("MESZ", "+02:00"),
    ("MEZ", "+01:00"), ("MSK", "+03:00"), ("MST", "-07:00"), ("MT", "America/Denver"),
    ("PDT", "-07:00"), ("PST", "-08:00"), ("PT", "America/Los_Angeles"), ("SGT", "+08:00"),
    ("UTC", "+00:00"), ("WEST", "+01:00"), ("WET", "+00:00"), ("Z", "+00:00"),
];

/// Labels before a publication date ("Published 3 May 2022").
#[rustfmt::skip]
pub(crate) const PUBLISHED_LABELS: &[&str] = &[
    "data publikacji", "date", "datum", "erschienen", "erschienen am", "first published",
    "gepubliceerd", "gepubliceerd op", "giriş", "julkaistu", "közzétéve", "megjelent",
    "objavljeno", "opublikowano", "postado em", "posted", "posted on", "pridané", "pubblicato",
    "pubblicato il", "publicado", "publicado el", "publicado em", "publicat", "publicat pe",
    "publication", "publicerad", "publicerat", "publikované", "publikováno", "publisert",
    "published", "published on", "publié", "publié le", "publié à", "udgivet", "uverejnené",
    "veröffentlicht", "veröffentlicht am", "vydáno", "yayınlandı", "yayınlanma", "zveřejněno",
    "δημοσίευση", "δημοσιεύθηκε", "опубликовано", "опубліковано",
];

/// Labels before a modification date ("Updated 17:15 BST").
#[rustfmt::skip]
pub(crate) const UPDATED_LABELS: &[&str] = &[
    "actualisé", "actualizado", "actualizado el", "actualizat", "actualizat la", "aggiornato",
    "aggiornato il", "aktualisiert", "aktualisiert am", "aktualizacja", "aktualizované",
    "aktualizováno", "atualizado", "atualizado em", "atualização", "ažurirano", "bijgewerkt",
    "frissítve", "gewijzigd", "geändert", "geändert am", "güncelleme", "güncellendi",
    "laatst bijgewerkt", "last modified", "last updated", "letzte änderung", "mis à jour",
    "mis à jour le", "mis à jour à", "modified", "opdateret", "oppdatert", "ostatnia modyfikacja",
    "päivitetty", "son güncelleme", "ultimo aggiornamento", "updated", "updated on", "uppdaterad",
    "uppdaterat", "zadnja izmjena", "zaktualizowano", "zmodyfikowano", "zuletzt aktualisiert",
    "zuletzt geändert", "ενημέρωση", "ενημερώθηκε", "обновлено", "оновлено",
];

/// Labels before a date that is not the article's: a forum member's
/// registration, a person's birth ("Registriert: 18.09.2008").
#[rustfmt::skip]
pub(crate) const OTHER_DATE_LABELS: &[&str] = &[
    "born", "dabei seit", "geboren", "inscrit", "inscrit le", "inscrito", "iscritto", "joined",
    "member since", "mitglied seit", "registered", "registrado", "registriert", "registriert seit",
];

/// Relative-time units and their length in seconds, in the languages
/// served. Sorted by word.
#[rustfmt::skip]
pub(crate) const RELATIVE_UNITS: &[(&str, i64)] = &[
    ("dagen", 86_400), ("day", 86_400), ("days", 86_400), ("dia", 86_400), ("dias", 86_400),
    ("dni", 86_400), ("días", 86_400), ("giorni", 86_400), ("godzin", 3_600), ("godziny", 3_600),
    ("h", 3_600), ("heure", 3_600), ("heures", 3_600), ("hora", 3_600), ("horas", 3_600),
    ("hour", 3_600), ("hours", 3_600), ("hr", 3_600), ("hrs", 3_600), ("jour", 86_400),
    ("jours", 86_400), ("min", 60), ("mins", 60), ("minut", 60), ("minute", 60), ("minuten", 60),
    ("minutes", 60), ("minuti", 60), ("minuto", 60), ("minutos", 60), ("minuty", 60),
    ("ore", 3_600), ("stunde", 3_600), ("stunden", 3_600), ("tag", 86_400), ("tagen", 86_400),
    ("uur", 3_600), ("week", 604_800), ("weeks", 604_800), ("годин", 3_600), ("години", 3_600),
    ("дней", 86_400), ("дня", 86_400), ("днів", 86_400), ("минут", 60), ("хвилин", 60),
    ("часа", 3_600), ("часов", 3_600),
];

/// Compiled date patterns.
pub(crate) struct DateRules {
    /// "October 3, 2022", "Oct. 3 2022": groups `mon`, `d`, `y`.
    pub(crate) month_day_year: Regex,
    /// "3 October 2022", "3. Oktober 2022", "3 de octubre de 2022".
    pub(crate) day_month_year: Regex,
    /// "2024. április 9." (Hungarian: year, month name, day): groups `y`,
    /// `mon`, `d`.
    pub(crate) year_name_day: Regex,
    /// "2022-10-03", "2022/10/03", "2022.10.03", with an ISO time after `T`;
    /// groups `sep` and `sep2` must be equal (checked by the caller).
    pub(crate) year_month_day: Regex,
    /// "2022年10月3日" (Chinese and Japanese): groups `y`, `m`, `d`.
    pub(crate) cjk: Regex,
    /// "03.10.2022", "3/10/2022", "10-03-22", "4. 2. 2022": groups `a`,
    /// `b`, `y`; `sep` and `sep2` must be equal, and spaced only as dots
    /// before a four-digit year (checked by the caller).
    pub(crate) numeric: Regex,
    /// A clock time right after a date: "5:15 PM", "17.15 BST", "08:03 am ET".
    pub(crate) time: Regex,
    /// A clock time right before a date, hours and minutes both given:
    /// "14:22 BST, 6 Jun 2024", "7:05 AM GMT, March 21, 2024". Matched
    /// against the text before the date, so it is anchored at the end.
    pub(crate) time_before: Regex,
    /// "2 hours ago", "vor 3 Tagen", "il y a 5 minutes": groups `n`, `unit`
    /// (or `n2`, `unit2`); the expression ends at `ago` or `unit2`, the
    /// match one character later.
    ///
    /// Word boundaries in the date patterns are ASCII (`(?-u:\b)`): they
    /// only ever sit next to digits or ASCII letters, and Unicode boundaries
    /// would keep the regex engine off its fast DFA on every non-English
    /// page.
    pub(crate) relative: Regex,
    /// A published or updated label at the start of a block.
    pub(crate) label: Regex,
    /// A date in a page address's path, in the unambiguous forms blogs
    /// and news sites use: `/2021/10/29/`, `/2021-10-29-slug`,
    /// `/29-10-2021` (groups `y`, `m`, `d`, or `d2`, `m2`, `y2`; the
    /// caller takes day-first only when the day cannot be a month).
    pub(crate) address: Regex,
    /// All date patterns at once, for a quick "is there any date here?"
    /// before the patterns are run one by one for their groups.
    pub(crate) any: regex::RegexSet,
}

fn month_alternation() -> String {
    let names: Vec<&str> =
        MONTHS.iter().flat_map(|(_, months)| months.iter().flat_map(|cell| cell.split('|'))).collect();
    alternation(&names)
}

/// The date patterns, compiled on first use.
pub(crate) static DATES: LazyLock<DateRules> = LazyLock::new(|| {
    let mon = month_alternation();
    let zones: Vec<&str> = ZONES.iter().map(|(abbr, _)| *abbr).collect();
    let zone = alternation(&zones);
    let units: Vec<&str> = RELATIVE_UNITS.iter().map(|(w, _)| *w).collect();
    let unit = alternation(&units);
    let mut labels: Vec<&str> = PUBLISHED_LABELS.to_vec();
    labels.extend_from_slice(UPDATED_LABELS);
    labels.extend_from_slice(OTHER_DATE_LABELS);
    let rules = DateRules {
        month_day_year: compile(&format!(
            r"(?i)(?-u:\b)(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?-u:\b)"
        )),
        day_month_year: compile(&format!(
            r"(?i)(?-u:\b)(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+)?(?P<mon>{mon})\.?,?\s*(?:de\s+|del\s+)?(?P<y>\d{{4}})(?:(?-u:\b)|(?P<glue>[0-3]?\d\.?\s*(?:{mon})))"
        )),
        year_name_day: compile(&format!(
            r"(?i)(?-u:\b)(?P<y>(?:19|20)\d{{2}})\.\s*(?P<mon>{mon})\s+(?P<d>\d{{1,2}})\.?(?:(?-u:\b)|\s|$)"
        )),
        year_month_day: compile(
            r"(?-u:\b)(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P<sep2>[-/.])(?P<d>\d{1,2})(?:[T ](?P<h>\d{2}):(?P<min>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?",
        ),
        cjk: compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
        numeric: compile(
            r"(?-u:\b)(?P<a>\d{1,2})(?P<sep>[./-]) ?(?P<b>\d{1,2})(?P<sep2>[./-]) ?(?P<y>\d{4}|\d{2})(?-u:\b)",
        ),
        time: compile(&format!(
            r"(?i)^(?:\.\s)?[\s,|•·–—-]*(?:at|um|à|às|a las|alle|om|o|в|о|kl\.|klo|-)?\s*(?P<h>\d{{1,2}})(?:[:.h](?P<min>\d{{2}}))?(?::(?P<s>\d{{2}}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h))?\s*(?:(?P<off>(?:utc|gmt)?\s?[+-]\d{{1,2}}(?::?\d{{2}})?)|\(?(?P<zone>{zone})\)?)?(?:(?-u:\b)|$)"
        )),
        time_before: compile(&format!(
            r"(?i)(?:^|[\s(|•·–—-])(?P<h>\d{{1,2}})[:.](?P<min>\d{{2}})\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:(?P<off>(?:utc|gmt)\s?[+-]\d{{1,2}}(?::?\d{{2}})?)|\(?(?P<zone>{zone})\)?)?\s*[,|•·–—-]?\s*$"
        )),
        relative: compile(&format!(
            r"(?i)(?:(?-u:\b)(?P<n>\d{{1,3}})\s*(?P<unit>{unit})\.?\s+(?P<ago>ago|fa|geleden|temu|тому|назад)|(?-u:\b)(?:vor|il y a|hace|há)\s+(?P<n2>\d{{1,3}})\s*(?P<unit2>{unit}))(?:[^\pL\pN]|$)"
        )),
        label: compile(&format!(r"(?i)^\s*(?P<label>{})\b\s*:?\s*", alternation(&labels))),
        address: compile(
            r"/(?:(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)|(?P<d2>[0-3]\d)-(?P<m2>[01]\d)-(?P<y2>(?:19|20)\d{2}))(?:[/._-]|$)",
        ),
        any: regex::RegexSet::empty(),
    };
    let patterns = [
        &rules.month_day_year,
        &rules.day_month_year,
        &rules.year_name_day,
        &rules.year_month_day,
        &rules.cjk,
        &rules.numeric,
        &rules.relative,
    ];
    DateRules { any: compile_set(patterns.iter().map(|r| r.as_str())), ..rules }
});

#[allow(clippy::expect_used, reason = "patterns are constants; rules::tests forces every regex")]
fn compile_set<'a>(patterns: impl IntoIterator<Item = &'a str>) -> regex::RegexSet {
    regex::RegexSet::new(patterns).expect("valid rule regex set")
}

/// Month number (1–12) for a month name or abbreviation, in any language.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let key = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find_map(|(_, months)| {
        months
            .iter()
            .position(|cell| cell.split('|').any(|spelling| spelling == key))
            .and_then(|i| u8::try_from(i + 1).ok())
    })
}

/// The meaning of a zone abbreviation: a fixed offset or an IANA name.
pub(crate) fn zone(abbr: &str) -> Option<&'static str> {
    let upper = abbr.to_uppercase();
    ZONES.binary_search_by(|(a, _)| (*a).cmp(upper.as_str())).ok().map(|i| ZONES[i].1)
}

/// Seconds in one relative-time unit ("hours" → 3600).
pub(crate) fn unit_seconds(word: &str) -> Option<i64> {
    let key = word.to_lowercase();
    RELATIVE_UNITS.binary_search_by(|(w, _)| (*w).cmp(key.as_str())).ok().map(|i| RELATIVE_UNITS[i].1)
}

/// True when `label` marks a date that is not the article's.
pub(crate) fn is_other_label(label: &str) -> bool {
    OTHER_DATE_LABELS.contains(&label.to_lowercase().as_str())
}

/// True when `label` is one of the "updated" labels.
pub(crate) fn is_updated_label(label: &str) -> bool {
    UPDATED_LABELS.contains(&label.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_table;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_table("PUBLISHED_LABELS", PUBLISHED_LABELS);
        assert_table("UPDATED_LABELS", UPDATED_LABELS);
        assert_table("OTHER_DATE_LABELS", OTHER_DATE_LABELS);
        for pair in ZONES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "ZONES: {:?} before {:?}", pair[0], pair[1]);
        }
        for pair in RELATIVE_UNITS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "RELATIVE_UNITS: {:?} before {:?}", pair[0], pair[1]);
        }
        for (lang, months) in MONTHS {
            for cell in months {
                assert_eq!(cell.to_lowercase(), *cell, "{lang}: {cell} must be lower case");
            }
        }
        LazyLock::force(&DATES);
    }

    #[test]
    fn month_numbers() {
        for (name, want) in [
            ("October", Some(10)),
            ("Oct.", Some(10)),
            ("Sept", Some(9)),
            ("Oktober", Some(10)),
            ("mars", Some(3)),
            ("жовтня", Some(10)),
            ("października", Some(10)),
            ("Brumaire", None),
        ] {
            assert_eq!(month_number(name), want, "{name}");
        }
    }

    #[test]
    fn zones() {
        assert_eq!(zone("bst"), Some("+01:00"));
        assert_eq!(zone("ET"), Some("America/New_York"));
        assert_eq!(zone("XYZ"), None);
    }
}
