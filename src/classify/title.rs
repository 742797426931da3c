//! The page's title: what the page states it is called, the site name in
//! it, and where on the page it recurs.
//!
//! Pages repeat their headline in `<title>` (the first line of many dumps)
//! with the site's name around it: "Headline - WSJ", "Site | Headline".
//! This pass reads the title (HTML `<title>`; in a dump, a title-shaped
//! first line), the headline the page states (JSON-LD, `og:title`), every
//! block's similarity to it, and the *anchor*: the block most like the
//! title, where the article probably starts. Input: the measured page and
//! its furniture verdicts; output: [`Titles`] (and the dump's title line
//! labelled). It does not choose the headline; the headline pass does.

use crate::block::Document;
use crate::classify::label::{Label, Verdict};
use crate::classify::model::Anchor;
use crate::classify::score::Page;
use crate::model::Format;
use rustc_hash::FxHashSet as HashSet;

/// Separators between a headline and a site name in a title.
/// En and em dashes are left out: German and typographic English use them
/// inside headlines ("Einen Twitterfeed einbinden – so geht's!"); a dash
/// before a site name is handled by `cut_at_dash`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " :: ", " · ", " » ", " / ", " ~ "];

/// Least similarity for a block to count as the title's headline.
pub(crate) const MIN_TITLE_MATCH: f32 = 0.6;

/// The parts of a title split at site-name separators, in title order.
pub(crate) fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title.trim()];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).map(str::trim).collect();
    }
    parts.retain(|p| !p.is_empty());
    // "… on the Web — Mozilla": a dash before a site-like tail at the end.
    if let Some(last) = parts.pop() {
        match cut_at_dash(last) {
            Some(head) => {
                let tail = last[head.len()..].trim_start_matches([' ', '–', '—']).trim();
                parts.extend([head, tail]);
            }
            None => parts.push(last),
        }
    }
    parts
}

/// The part of a title that holds the headline: the part with the most
/// words ("Headline - Site", "Site | Headline", "Section - Headline | Site"),
/// the first on a tie.
pub(crate) fn from_title(title: &str) -> Option<&str> {
    let parts = title_parts(title);
    let words = |s: &&str| s.split_whitespace().count();
    let most = parts.iter().map(words).max()?;
    parts.into_iter().find(|p| words(p) == most)
}

/// The headline a reader would cut from a title when no block of the page
/// repeats it: the title without its last part ("Headline | Site"), or
/// without its first part when the rest would be too short ("Site |
/// Headline"); after a colon only when the start is a short label
/// ("Review: Headline"). Titles of four words or fewer stay whole, since
/// cutting them leaves a fragment. This is the rule of Mozilla's
/// Readability, which readers of these pages are used to.
pub(crate) fn cut_title(title: &str) -> &str {
    const SEPARATORS: &[char] = &['|', '-', '\\', '/', '>', '»'];
    const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];
    let title = title.trim();
    let words = |s: &str| s.split_whitespace().count();
    // " X " with X a separator: (start of the space before, end of the
    // space after, X), all on char boundaries.
    let mut separators: Vec<(usize, usize, char)> = Vec::new();
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    for window in chars.windows(3) {
        if let [(start, ' '), (_, sep), (space, ' ')] = window {
            if SEPARATORS.contains(sep) {
                separators.push((*start, space + 1, *sep));
            }
        }
    }
    let hierarchical = separators.iter().any(|(_, _, sep)| HIERARCHICAL.contains(sep));
    let cut = if let (Some(first), Some(last)) = (separators.first(), separators.last()) {
        let head = title[..last.0].trim();
        if words(head) < 3 { title[first.1..].trim() } else { head }
    } else if let Some(head) = cut_at_dash(title) {
        head
    } else if let Some(colon) = title.find(": ") {
        let after_last = title[title.rfind(':').unwrap_or(colon) + 1..].trim();
        if words(after_last) < 3 {
            title[colon + 1..].trim()
        } else if words(&title[..colon]) > 5 {
            title
        } else {
            after_last
        }
    } else {
        title
    };
    let stripped_words = words(&title.replace(SEPARATORS, " "));
    if words(cut) <= 4 && (!hierarchical || words(cut) + 1 != stripped_words) { title } else { cut }
}

/// "Lorem ipsum dolor sit amet – My website": an en or em dash before a
/// short, site-like tail (three words at most, no sentence punctuation).
/// German and typographic English use the same dash inside headlines
/// ("Einen Twitterfeed einbinden – so geht's!"), so a longer or
/// sentence-like tail stays.
fn cut_at_dash(title: &str) -> Option<&str> {
    let at = title.rmatch_indices(" – ").chain(title.rmatch_indices(" — ")).map(|(i, _)| i).max()?;
    let tail = title[at..].trim_start_matches([' ', '–', '—']).trim();
    let site_like = (1..=MAX_SITE_WORDS - 1).contains(&tail.split_whitespace().count())
        && !tail.ends_with(['.', '!', '?', '…']);
    site_like.then(|| title[..at].trim())
}

/// The site's name in a title: a short part at either end that is not the
/// headline ("… - Gothamist", "Disfunctions.de » …").
pub(crate) fn site_from_title(title: &str) -> Option<&str> {
    let parts = title_parts(title);
    let headline = from_title(title)?;
    let short = |p: &&&str| **p != headline && p.split_whitespace().count() <= MAX_SITE_WORDS;
    parts.last().filter(short).or(parts.first().filter(short)).copied()
}

/// A stated headline without the site name glued to it ("What is Rust? -
/// Stack Overflow Blog"): an end part equal to the stated site name or to
/// the site part of `<title>` is dropped.
pub(crate) fn without_site_name(stated: &str, doc: &Document) -> String {
    let site_of_title = doc.meta.title.as_deref().and_then(site_from_title);
    let is_site = |part: &str| {
        [doc.meta.site_name.as_deref(), site_of_title]
            .into_iter()
            .flatten()
            .any(|site| site.eq_ignore_ascii_case(part))
    };
    let parts = title_parts(stated);
    match (parts.first(), parts.last()) {
        (Some(_), Some(last)) if parts.len() >= 2 && is_site(last) => stated[..stated.len() - last.len()]
            .trim_end()
            .trim_end_matches(['|', '-', '–', '—', '·', '»', ':', '/', '~'])
            .trim_end()
            .to_string(),
        (Some(first), Some(_)) if parts.len() >= 2 && is_site(first) => stated[first.len()..]
            .trim_start()
            .trim_start_matches(['|', '-', '–', '—', '·', '»', ':', '/', '~'])
            .trim_start()
            .to_string(),
        _ => stated.to_string(),
    }
}

/// Longest site name taken from a title ("The New York Times" has four).
const MAX_SITE_WORDS: usize = 4;

fn tokens(text: &str) -> Vec<String> {
    let mut words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Fewest words of a title's first part for blocks to be compared with it
/// alone ("Rioja, Spain - Iberian Wines in Berlin - Vinos y Tapas"): a
/// shorter first part is usually the site's name, which the logo repeats.
const MIN_FIRST_PART_WORDS: usize = 3;

/// A title prepared for comparing many blocks with it: the word sets of
/// the whole title and of its headline part. The site-name part is left
/// out on purpose: the logo line matches it exactly.
#[derive(Debug, Clone)]
pub(crate) struct TitleMatch {
    pieces: Vec<HashSet<String>>,
}

impl TitleMatch {
    /// Prepares `title`.
    pub(crate) fn new(title: &str) -> Self {
        let longest = from_title(title);
        let first = title_parts(title)
            .into_iter()
            .next()
            .filter(|p| p.split_whitespace().count() >= MIN_FIRST_PART_WORDS && Some(*p) != longest);
        let pieces = [Some(title.trim()), longest, first]
            .into_iter()
            .flatten()
            .map(|piece| tokens(piece).into_iter().collect::<HashSet<String>>())
            .filter(|set| !set.is_empty())
            .collect();
        TitleMatch { pieces }
    }

    /// Similarity of a block to the title, 0–1: the best Dice overlap of
    /// word sets between the block and the whole title or its headline part.
    #[cfg(test)]
    pub(crate) fn similarity(&self, block: &str) -> f32 {
        self.similarity_lower(&crate::block::lowercase(block), block.split_whitespace().count())
    }

    /// [`TitleMatch::similarity`] of a block already lower-cased, with its
    /// word count: blocks far longer or shorter than every piece of the
    /// title cannot reach [`MIN_TITLE_MATCH`] and score 0 without being
    /// read (a Dice overlap of 0.6 needs sizes within about 2.3 times).
    pub(crate) fn similarity_lower(&self, lower: &str, words: usize) -> f32 {
        let fits = self.pieces.iter().any(|t| words <= 3 * t.len() + 2 && 3 * words + 2 >= t.len());
        if !fits {
            return 0.0;
        }
        let mut b: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        b.sort_unstable();
        b.dedup();
        if b.is_empty() {
            return 0.0;
        }
        self.pieces
            .iter()
            .map(|t| {
                let common = b.iter().filter(|w| t.contains(**w)).count() as f32;
                2.0 * common / (b.len() + t.len()) as f32
            })
            .fold(0.0, f32::max)
    }
}

/// Similarity of one block to a title (see [`TitleMatch::similarity`]).
#[cfg(test)]
fn title_similarity(block: &str, title: &str) -> f32 {
    TitleMatch::new(title).similarity(block)
}

/// Longest block (words) compared with the title as a headline candidate.
const MAX_HEADLINE_WORDS: usize = 40;

/// What the page says it is called, read before the body is looked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Titles {
    /// The page title (`<title>`, or a dump's title-shaped first line).
    pub(crate) title: Option<PageTitle>,
    /// The stated headline (or strong title) and each block's similarity
    /// to it.
    pub(crate) stated: Option<Stated>,
    /// The block most like the stated headline.
    pub(crate) anchor: Anchor,
}

impl Titles {
    /// A text dump's first line when it surely is the page's `<title>`
    /// (split by a site-name separator, or repeated on the page).
    pub(crate) fn title_line(&self, doc: &Document) -> Option<String> {
        self.title.as_ref().filter(|t| t.strong && doc.format == Format::Text).map(|t| t.text.clone())
    }

    /// The site's name from a strong title ("… - WSJ"), when the title
    /// holds the headline: the rest of "Westmere Gazette | Local news"
    /// beside an `<h1>` it does not name is a site and a section, and
    /// which is which the title does not say.
    pub(crate) fn site_name(&self, headline: Option<&str>) -> Option<String> {
        let title = self.title.as_ref().filter(|t| t.strong)?;
        let headline = crate::block::lowercase(headline?);
        let words = headline.split_whitespace().count();
        if TitleMatch::new(&title.text).similarity_lower(&headline, words) < MIN_TITLE_MATCH {
            return None;
        }
        site_from_title(&title.text).map(str::to_string)
    }
}

/// Reads the page's title, its stated headline and the anchor; labels a
/// dump's first line [`Label::Title`] when it is surely a page title.
pub(crate) fn read(doc: &Document, page: &Page, verdicts: &mut [Verdict]) -> Titles {
    let title = title_block(doc, page, verdicts);
    let stated = stated_headline(doc, page, title.as_ref());
    let anchor = title_anchor(verdicts, stated.as_ref());
    Titles { title, stated, anchor }
}

/// The headline the page states (JSON-LD, meta) or its strong title line,
/// with every block's similarity to it (0 for blocks over 40 words).
#[derive(Debug, Clone)]
pub(crate) struct Stated {
    /// The stated headline.
    pub(crate) text: String,
    /// Each block's similarity to it.
    pub(crate) similarity: Vec<f32>,
}

fn stated_headline(doc: &Document, page: &Page, title: Option<&PageTitle>) -> Option<Stated> {
    let text = doc.meta.headline.clone().or(title.filter(|t| t.strong).map(|t| t.text.clone()))?;
    let matcher = TitleMatch::new(&text);
    let similarity = (0..doc.blocks.len())
        .map(|i| {
            let words = page.features[i].words;
            if words <= MAX_HEADLINE_WORDS { matcher.similarity_lower(&page.lowered[i], words) } else { 0.0 }
        })
        .collect();
    Some(Stated { text, similarity })
}

/// The block most like the page title (or stated headline), before the
/// body is known: where the article probably starts.
fn title_anchor(verdicts: &[Verdict], stated: Option<&Stated>) -> Anchor {
    let stated = stated?;
    (0..verdicts.len())
        .filter(|&i| verdicts[i].label == Label::Other)
        .map(|i| (i, stated.similarity[i]))
        .filter(|(_, s)| *s >= MIN_TITLE_MATCH)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0).reverse()))
        .map(|(i, _)| i)
}

/// A page title and how sure we are that it is one.
#[derive(Debug, Clone)]
pub(crate) struct PageTitle {
    /// The title as written.
    pub(crate) text: String,
    /// `<title>`, or a first line that is split by a site-name separator or
    /// repeated on the page. A lone title-shaped first line is weak: as
    /// often a logo as a title, it is the headline only when nothing else is.
    pub(crate) strong: bool,
}

/// Whether a line ends like a statement: a full stop, not the question or
/// exclamation mark a headline may end with ("How does the brain …?").
fn ends_statement(text: &str) -> bool {
    let end = text.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    end.ends_with(['.', '。']) && !end.ends_with("...")
}

/// The page title: `<title>` in HTML; in a dump, a title-shaped first line.
fn title_block(doc: &Document, page: &Page, verdicts: &mut [Verdict]) -> Option<PageTitle> {
    if let Some(title) = &doc.meta.title {
        return Some(PageTitle { text: title.clone(), strong: true });
    }
    let first = doc.blocks.first()?;
    let f = &page.features[0];
    if doc.format != Format::Text
        || verdicts[0].label != Label::Other
        || !(2..=30).contains(&f.words)
        || ends_statement(&first.text)
    {
        return None;
    }
    let split = title_parts(&first.text).len() > 1;
    // Furniture is left out: a logo line comes back in the copyright line.
    let repeated = || {
        let matcher = TitleMatch::new(&first.text);
        (1..doc.blocks.len()).any(|i| {
            verdicts[i].label == Label::Other
                && page.features[i].words <= 2 * f.words + 5
                && matcher.similarity_lower(&page.lowered[i], page.features[i].words) >= MIN_TITLE_MATCH
        })
    };
    let strong = split || repeated();
    if strong {
        verdicts[0] = Verdict { label: Label::Title, reason: "first line of the dump, a page title" };
    }
    Some(PageTitle { text: first.text.clone(), strong })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        for (title, headline, site) in [
            (
                "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay - WSJ",
                "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
                Some("WSJ"),
            ),
            (
                "The Guardian | Floods hit the north of England again",
                "Floods hit the north of England again",
                Some("The Guardian"),
            ),
            (
                "Corona-Pandemie - „Es kommt auch darauf an, wie die Menschen sterben“ | Cicero Online",
                "„Es kommt auch darauf an, wie die Menschen sterben“",
                Some("Cicero Online"),
            ),
            (
                "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden",
                "Podcasts in Plex einbinden",
                Some("Disfunctions.de"),
            ),
            ("Plain headline", "Plain headline", None),
            (
                "Firefox — Customize and make it your own — Mozilla",
                "Firefox — Customize and make it your own",
                Some("Mozilla"),
            ),
            (
                "Einen Twitterfeed in das Blog einbinden – so geht’s!",
                "Einen Twitterfeed in das Blog einbinden – so geht’s!",
                None,
            ),
        ] {
            assert_eq!(from_title(title), Some(headline), "{title}");
            assert_eq!(site_from_title(title), site, "{title}");
        }
    }

    #[test]
    fn cut_titles() {
        for (title, want) in [
            (
                "Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault",
                "Get your Frontend JavaScript Code Covered | Code",
            ),
            ("How to Build a Terrarium | eHow", "How to Build a Terrarium"),
            ("Daring Fireball: Colophon", "Daring Fireball: Colophon"),
            ("Short one | Site", "Short one | Site"),
            ("Was wir über uns nicht hören wollen | interscenar.io", "Was wir über uns nicht hören wollen"),
            ("Site | A much longer headline here", "A much longer headline here"),
            ("Review: The new phone is fast but dull", "The new phone is fast but dull"),
            ("Plain title without separators", "Plain title without separators"),
            (
                "Internet-Law » Verstößt der Ausschluss von Pseudonymen gegen Recht?",
                "Verstößt der Ausschluss von Pseudonymen gegen Recht?",
            ),
            ("Ab » Cd", "Cd"),
            ("Lorem ipsum dolor sit amet – My website", "Lorem ipsum dolor sit amet"),
            (
                "Einen Twitterfeed in das Blog einbinden – so geht’s!",
                "Einen Twitterfeed in das Blog einbinden – so geht’s!",
            ),
            (
                "„Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt",
                "„Abgebrochene Forschung“ – Eine neue Studie von Heinz Duchhardt",
            ),
        ] {
            assert_eq!(cut_title(title), want, "{title}");
        }
    }

    #[test]
    fn site_name_only_beside_its_headline() {
        let titles = |text: &str| Titles {
            title: Some(PageTitle { text: text.to_string(), strong: true }),
            ..Titles::default()
        };
        let wsj = titles("Google Stadia and Apple Arcade: So Many Ways to Play - WSJ");
        assert_eq!(
            wsj.site_name(Some("Google Stadia and Apple Arcade: So Many Ways to Play")).as_deref(),
            Some("WSJ")
        );
        // "Westmere Gazette | Local news" beside an unrelated <h1>: which
        // part is the site the title does not say.
        let gazette = titles("Westmere Gazette | Local news");
        assert_eq!(gazette.site_name(Some("A quiet harbour town votes on its ferry")), None);
        assert_eq!(gazette.site_name(None), None);
    }

    #[test]
    fn similarity() {
        let title = "Sheila Atim: \"The Woman King zeigt weibliche Stärke in all ihren Facetten\" | RosaMag";
        assert!(
            title_similarity(
                "Sheila Atim: „The Woman King zeigt weibliche Stärke in all ihren Facetten“",
                title
            ) > 0.95
        );
        assert!(title_similarity("Neueste Beiträge", title) < 0.2);
        assert_eq!(title_similarity("", title), 0.0);
        // Section and site names are not the headline.
        assert!(title_similarity("INDY", "Classificação NASCAR | Autoracing | F1 | Indy | MotoGP") < 0.5);
        assert!(
            title_similarity("Gothamist", "Rezoning plan plagues Bronx councilmember's bid - Gothamist")
                < 0.5
        );
        // A headline that is not the title's longest part: the first part,
        // when it is long enough not to be the site's name.
        let title = "D.O.Ca. Rioja, Spanien - Iberische Weine in Berlin - Vinos Y Tapas und Vinho Iberico";
        assert!(title_similarity("D.O.Ca. Rioja, Spanien", title) > 0.95);
        assert!(
            title_similarity("Der Spiegel", "Der Spiegel | Rezoning plan plagues the Bronx council") < 0.6
        );
    }
}
