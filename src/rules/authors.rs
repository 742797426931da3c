//! Author tables: byline cues, the words that join several names, and the
//! roles and site furniture stripped from a name.
//!
//! Cues are matched case-insensitively at the start of a block ("By Jane
//! Doe", "Von Max Muster", "Texte : Jean Dupont"). Entries are lower case.

use std::sync::LazyLock;

use regex::Regex;

use super::{alternation, compile};

/// Words that open a byline, followed by the name(s).
#[rustfmt::skip]
pub(crate) const BYLINE_CUES: &[&str] = &[
    "a cura di", "about the author", "af", "auteur", "auteur :", "author", "authors:", "autor",
    "autore", "autorin", "av", "by", "di", "door", "escrito por", "geschrieben von",
    "interview by", "napisał", "napisała", "o autorze", "opracowanie:", "over de auteur", "par",
    "por", "posted by", "reporting by", "scritto da", "skrivet av", "sobre el autor", "story by",
    "sull'autore", "tekst:", "text:", "texte :", "texte:", "texto:", "von", "words by",
    "written by", "yazan", "à propos de l'auteur", "über den autor", "über die autorin", "автор",
    "авторка", "об авторе", "про автора", "текст:",
];

/// Byline cues that are ordinary words too ("de" is "by" in Romanian and
/// "of" in four other languages): they open a byline only written in lower
/// case, before a bare name, with a date close by ("de Ioana Mureșan").
#[rustfmt::skip]
pub(crate) const WEAK_CUES: &[&str] = &["de"];

/// Words that head an author box with the writer's name: "About Jane
/// Doe", "Über Moritz Bachmann", "À propos de Jean Dupont".
#[rustfmt::skip]
pub(crate) const ABOUT_OPENERS: &[&str] = &[
    "about", "acerca de", "informazioni su", "o", "over", "sobre", "à propos de", "über", "об",
    "про",
];

/// Headings of an author box that name no one: the box's bio follows.
#[rustfmt::skip]
pub(crate) const AUTHOR_BOX_HEADINGS: &[&str] = &[
    "about the author", "about the authors", "o autorze", "over de auteur", "sobre el autor",
    "sobre o autor", "sull'autore", "à propos de l'auteur", "über den autor", "über die autorin",
    "об авторе", "про автора",
];

/// Words and marks that separate two names in one byline.
#[rustfmt::skip]
pub(crate) const NAME_JOINERS: &[&str] = &[
    "&", "and", "e", "en", "et", "i", "og", "und", "y", "és", "και", "и", "та", "і",
];

/// Words that introduce a byline before its cue: "Posted by", "Erstellt
/// von", "Text von", "Kommentar von", "Post author By" (a theme's
/// screen-reader label). A cue in the middle of a block only
/// counts after one of these, after a separator, or in a block with a date.
#[rustfmt::skip]
pub(crate) const BYLINE_LABELS: &[&str] = &[
    "article", "artikel", "author", "beitrag", "commentaire", "erstellt", "escrito", "gepostet",
    "geschrieben", "interview", "kolumne", "kommentar", "posted", "publicado", "publié",
    "reporting", "scritto", "story", "text", "texte", "verfasst", "veröffentlicht", "written",
];

/// Verbs that follow a first name at the start of an author bio ("Jake is
/// the co-founder of …", "Moritz leitet das Ressort …").
#[rustfmt::skip]
pub(crate) const BIO_VERBS: &[&str] = &[
    "arbeitet", "es", "est", "has", "hat", "is", "ist", "lebt", "leitet", "lives", "schreibt",
    "war", "was", "works", "writes", "è",
];

/// What follows an organisation's name when a closing paragraph profiles
/// it ("Ascom is a global solutions provider…", "Die Firma X ist ein…"):
/// the press release's boilerplate, not the story.
#[rustfmt::skip]
pub(crate) const PROFILE_COPULAS: &[&str] = &[
    "es el", "es la", "es un", "es una", "est la", "est le", "est un", "est une", "is a", "is an",
    "is de", "is een", "is the", "ist das", "ist der", "ist die", "ist ein", "ist eine", "jest",
    "è il", "è la", "è un", "è una",
];

/// Lower-case words that belong inside a name ("Walter von Aachen",
/// "Ursula von der Leyen", "Luis de la Fuente").
#[rustfmt::skip]
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "ten",
    "ter", "van", "von", "y", "zu",
];

/// Words after which a name has ended: "von Fatima in Gefühle",
/// "by Jane Doe on March 3", "VON MORITZ GATHMANN am 21. April".
#[rustfmt::skip]
pub(crate) const NAME_STOPPERS: &[&str] = &[
    "am", "at", "bild", "el", "for", "foto", "fotos", "für", "grafik", "il", "illustration", "in",
    "last", "le", "on", "op", "photo", "photos", "pour", "um", "w", "в", "о",
];

/// Job titles and labels that trail a name ("Jane Doe, Staff Writer") or
/// stand in for one; they are cut from author names. A desk ("news desk")
/// is not a role: it is kept as the author.
#[rustfmt::skip]
pub(crate) const ROLES: &[&str] = &[
    "associate editor", "author", "autor", "autorin", "chefredakteur", "chefredakteurin",
    "columnist", "contributing writer", "contributor", "correspondant", "correspondent",
    "correspondente", "corresponsal", "corrispondente", "cronista", "deputy editor", "dopisnica",
    "dopisnik", "editor", "editor-in-chief", "editora", "editore", "freelance writer",
    "giornalista", "jornalista", "journalist", "journaliste", "kirjeenvaihtaja", "korrespondent",
    "managing editor", "muhabir", "muhabiri", "news editor", "novinar", "novinarka", "periodista",
    "photographer", "redacteur", "redakteur", "redakteurin", "redaktor", "redaktorka", "redaktör",
    "redaktør", "reporter", "reportera", "reporterin", "reporterka", "reportér", "reportérka",
    "repórter", "senior correspondent", "senior editor", "senior reporter", "senior writer",
    "skribent", "special correspondent", "staff", "staff reporter", "staff writer", "toimittaja",
    "tudósító", "verslaggever", "writer", "újságíró", "ανταποκρίτρια", "ανταποκριτής",
    "δημοσιογράφος", "συντάκτης", "συντάκτρια", "журналист", "журналіст", "кореспондент",
    "корреспондент", "редактор",
];

/// Words that qualify a job title before it: a desk, a beat or a rank
/// ("Transport Correspondent", "Local Democracy Reporter", "Senior
/// Political Editor"). Up to three of them may stand before a role.
#[rustfmt::skip]
pub(crate) const ROLE_QUALIFIERS: &[&str] = &[
    "arts", "asia", "assistant", "associate", "business", "chief", "china", "climate", "crime",
    "culture", "data", "defence", "defense", "democracy", "deputy", "digital", "diplomatic",
    "economics", "economy", "education", "energy", "entertainment", "environment", "europe",
    "fashion", "features", "finance", "food", "foreign", "health", "home", "investigations",
    "legal", "local", "markets", "media", "music", "national", "news", "political", "politics",
    "property", "regional", "royal", "science", "security", "senior", "social", "special", "sport",
    "sports", "staff", "tech", "technology", "transport", "travel", "us", "weather", "world",
];

/// Values that sites put in author fields in place of a person: CMS
/// account names, "anonymous" in several languages. Compared whole,
/// lower case.
#[rustfmt::skip]
pub(crate) const PLACEHOLDER_NAMES: &[&str] = &[
    "admin", "administrator", "anonym", "anonyme", "anonymous", "anonymus", "anónimo", "gast",
    "guest", "n/a", "none", "null", "our", "publisher", "root", "undefined", "unknown", "user",
    "webmaster",
];

/// Openings of an author field that holds a rights notice, not a name.
pub(crate) const NOTICE_OPENERS: &[&str] = &["(c)", "copyright", "©"];

/// Whether an author value stands in for no one: a placeholder account or
/// a rights notice.
pub(crate) fn is_placeholder(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    PLACEHOLDER_NAMES.binary_search(&lower.as_str()).is_ok()
        || NOTICE_OPENERS.iter().any(|opener| lower.starts_with(opener))
}

/// Compiled author patterns.
pub(crate) struct AuthorRules {
    /// A byline cue at the start of a block; the rest of the block follows.
    pub(crate) cue: Regex,
    /// A byline cue anywhere in a block, after a space or separator.
    pub(crate) inline_cue: Regex,
    /// A byline cue that ends a block ("Kommentar von"): the names follow
    /// on the next lines.
    pub(crate) trailing_cue: Regex,
    /// A job title at the end of a name, without a comma ("Harald Bauer
    /// Autor").
    pub(crate) trailing_role: Regex,
    /// The separators between names: a comma, semicolon or joiner word.
    pub(crate) joiner: Regex,
    /// A role after a comma or dash, to the end of the name.
    pub(crate) role: Regex,
    /// A job title at the start of a text ("Staff Writer …"): where a
    /// browser's copy runs it into the name before it ("Evan HalperStaff
    /// Writer").
    pub(crate) leading_role: Regex,
}

/// The author patterns, compiled on first use.
pub(crate) static AUTHORS: LazyLock<AuthorRules> = LazyLock::new(|| {
    let words: Vec<&str> = NAME_JOINERS.iter().copied().filter(|j| *j != "&").collect();
    AuthorRules {
        // Any cue may carry a colon: "Posted by: Jane Doe".
        cue: compile(&format!(r"(?i)^{}:?(?:\s+|$)", alternation(BYLINE_CUES))),
        inline_cue: compile(&format!(r"(?i)(?:^|[\s|•·—–»,(])({}:?)\s+", alternation(BYLINE_CUES))),
        trailing_cue: compile(&format!(r"(?i)(?:^|\s){}:?$", alternation(BYLINE_CUES))),
        trailing_role: compile(&format!(
            r"(?i)\s+(?:{}\s+){{0,3}}{}$",
            alternation(ROLE_QUALIFIERS),
            alternation(ROLES)
        )),
        joiner: compile(&format!(r"(?i)\s*(?:[,;&]|\s{}\s)\s*", alternation(&words))),
        role: compile(&format!(
            r"(?i)\s*(?:,|\s[-–—|]\s)\s*(?:the\s+)?(?:{}\s+){{0,3}}{}\b.*$",
            alternation(ROLE_QUALIFIERS),
            alternation(ROLES)
        )),
        leading_role: compile(&format!(
            r"(?i)^(?:{}\s+){{0,3}}{}\b",
            alternation(ROLE_QUALIFIERS),
            alternation(ROLES)
        )),
    }
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::assert_table;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert_table("BYLINE_CUES", BYLINE_CUES);
        assert_table("NAME_JOINERS", NAME_JOINERS);
        assert_table("ROLES", ROLES);
        assert_table("ROLE_QUALIFIERS", ROLE_QUALIFIERS);
        assert_table("WEAK_CUES", WEAK_CUES);
        assert_table("NAME_PARTICLES", NAME_PARTICLES);
        assert_table("NAME_STOPPERS", NAME_STOPPERS);
        assert_table("BYLINE_LABELS", BYLINE_LABELS);
        assert_table("BIO_VERBS", BIO_VERBS);
        assert_table("PROFILE_COPULAS", PROFILE_COPULAS);
        assert_table("ABOUT_OPENERS", ABOUT_OPENERS);
        assert_table("AUTHOR_BOX_HEADINGS", AUTHOR_BOX_HEADINGS);
        assert_table("PLACEHOLDER_NAMES", PLACEHOLDER_NAMES);
        LazyLock::force(&AUTHORS);
    }

    #[test]
    fn placeholders() {
        for (name, want) in [
            ("admin", true),
            ("Anónimo", true),
            ("Copyright Haufe-Lexware GmbH & Co. KG", true),
            ("© Example Media", true),
            ("Jane Doe", false),
            ("Administrator Jones", false),
        ] {
            assert_eq!(is_placeholder(name), want, "{name:?}");
        }
    }

    #[test]
    fn cues() {
        for (line, want) in [
            ("By Jane Doe", true),
            ("by The Kyiv Independent news desk", true),
            ("Von Max Mustermann", true),
            ("Texte : Jean Dupont", true),
            ("By", true),
            ("Bystander effect explained", false),
            ("Automne", false),
        ] {
            assert_eq!(AUTHORS.cue.is_match(line), want, "{line:?}");
        }
    }

    #[test]
    fn roles() {
        for (name, want) in [
            ("Jane Doe, Staff Writer", "Jane Doe"),
            ("Jane Doe - Senior Correspondent", "Jane Doe"),
            ("The Kyiv Independent news desk", "The Kyiv Independent news desk"),
            ("Max Editorson", "Max Editorson"),
        ] {
            assert_eq!(AUTHORS.role.replace(name, ""), want, "{name:?}");
        }
    }
}
