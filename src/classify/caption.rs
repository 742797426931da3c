//! Captions: lines that describe a picture, and the credit inside them.
//!
//! As a pass ([`find`]), input: the labelled page and the span of the
//! header and body; output: caption blocks (and gallery counters) labelled.
//!
//! A caption is recognised by its cues: who stands where in the frame
//! ("(L)", "from left"), "pictured", or a credit label ("Photo:",
//! "Getty Images"). The credit is the text after the last credit label.

use std::ops::Range;

use crate::block::{Document, Kind};
use crate::classify::label::{Label, Verdict};
use crate::classify::score::Page;
use crate::rules::phrases::{CAPTION_OPENERS, CREDIT_LABELS, PHRASES};
use crate::switches::{Rule, on};

/// True when a lower-cased block reads as a picture caption: a caption cue
/// anywhere, or a picture viewer's button text before it.
pub(crate) fn has_cue(lower: &str) -> bool {
    PHRASES.caption.is_match(lower)
        || CAPTION_OPENERS.iter().any(|o| lower.strip_prefix(o).is_some_and(|rest| rest.starts_with(' ')))
}

/// True when `text` is a bare photo credit: "Foto: dpa", "Bild: Stefan
/// Müller", "Photo: Getty Images".
pub(crate) fn is_credit_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    CREDIT_LABELS.iter().any(|label| lower.starts_with(label))
}

/// True for an unlabelled "Photographer/Agency" credit: "Olena
/// Shmahalo/Quanta Magazine", "Jane Doe/AFP via Getty Images". Both sides
/// are short runs of capitalised words and the slash is unspaced. Too loose
/// to make a caption of a line ("View PDF/Print Mode" has the same shape),
/// it only keeps such a line from being taken for a headline.
pub(crate) fn is_slash_credit(text: &str) -> bool {
    let text = text.trim();
    let Some((left, right)) = text.split_once('/') else {
        return false;
    };
    let name = |side: &str, tight_end: bool| {
        let words: Vec<&str> = side.split_whitespace().collect();
        let tight = if tight_end { !side.ends_with(' ') } else { !side.starts_with(' ') };
        tight
            && (1..=5).contains(&words.len())
            && words.iter().any(|w| w.chars().count() > 1)
            && words.iter().all(|w| is_credit_word(w))
    };
    !right.contains('/')
        && name(left, true)
        && name(right, false)
        && (left.contains(' ') || right.contains(' '))
}

/// A word of a photographer's or an agency's name in a credit: capitalised,
/// or one of the small words such names hold ("AFP via Getty Images").
fn is_credit_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || matches!(word, "via" | "for" | "and" | "of" | "de" | "von")
}

/// True when a block ends in a sentence and a parenthesised credit of
/// names joined by slashes: "… on Monday. (Jane Doe/AFP/Getty Images)",
/// "… por el equipo. (AMN/Instituto Andino)". Prose cites sources in
/// parentheses too, but not as a run of capitalised names after the full
/// stop.
pub(crate) fn has_trailing_slash_credit(text: &str) -> bool {
    let text = text.trim_end();
    let Some(inner) = text.strip_suffix(')') else { return false };
    let Some(open) = inner.rfind('(') else { return false };
    let (before, credit) = (inner[..open].trim_end(), &inner[open + 1..]);
    let parts: Vec<&str> = credit.split('/').collect();
    let name = |side: &str| {
        let words: Vec<&str> = side.split_whitespace().collect();
        side == side.trim() && (1..=5).contains(&words.len()) && words.iter().all(|w| is_credit_word(w))
    };
    before.ends_with(['.', '!', '?', '"', '”', '»']) && parts.len() >= 2 && parts.iter().all(|p| name(p))
}

/// Splits a caption into its text and credit: "A tank. Photo: Jane Doe/AFP"
/// → ("A tank.", "Jane Doe/AFP").
pub(crate) fn split_credit(text: &str) -> (String, Option<String>) {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; only trust
    // positions when it did not.
    let best = if lower.len() == text.len() {
        CREDIT_LABELS
            .iter()
            .filter_map(|label| lower.rfind(label).map(|at| (at, at + label.len())))
            .max_by_key(|(at, _)| *at)
    } else {
        None
    };
    let Some((start, end)) = best else {
        return (text.to_string(), None);
    };
    let credit = text[end..].trim().trim_end_matches([')', ']']).trim();
    let caption = text[..start].trim().trim_end_matches(['(', '[', '|', '-', '–', '—']).trim();
    if credit.is_empty() || credit.split_whitespace().count() > 8 {
        return (text.to_string(), None);
    }
    let caption = if caption.is_empty() { text } else { caption };
    (caption.to_string(), Some(credit.to_string()))
}

/// Shortest and longest line taken for a caption because a labelled
/// credit ("Foto: …", not a "©" line, which as often closes a teaser)
/// follows it.
const MIN_CREDITED_CAPTION_WORDS: usize = 3;
const MAX_CREDITED_CAPTION_WORDS: usize = 40;

/// A credit line alone ("Foto: Ondřej Sýkora, Jihočeský Posel").
fn is_bare_credit(doc: &Document, page: &Page, i: usize) -> bool {
    page.features[i].words <= 8 && is_credit_line(&doc.blocks[i].text)
}

/// Longest line taken for a gallery slide's caption.
const MAX_SLIDE_CAPTION_WORDS: usize = 60;

/// Labels picture captions in the header and body. A gallery's counter
/// ("Image 2 of 5") is furniture, and the line under it is that slide's
/// caption.
pub(crate) fn find(doc: &Document, page: &Page, verdicts: &mut [Verdict], range: Range<usize>) {
    for i in range.clone() {
        if !on(Rule::GalleryCounters)
            || !matches!(verdicts[i].label, Label::Other | Label::Body)
            || !PHRASES.gallery_counter.is_match(&doc.blocks[i].text)
        {
            continue;
        }
        verdicts[i] = Verdict { label: Label::Furniture, reason: "gallery counter" };
        let next = i + 1;
        if next < doc.blocks.len()
            && matches!(verdicts[next].label, Label::Other | Label::Body)
            && !PHRASES.gallery_counter.is_match(&doc.blocks[next].text)
            && page.features[next].words <= MAX_SLIDE_CAPTION_WORDS
        {
            verdicts[next] = Verdict { label: Label::Caption, reason: "under a gallery counter" };
        }
    }
    for i in range.clone() {
        let label = verdicts[i].label;
        if !on(Rule::Captions) || !matches!(label, Label::Other | Label::Body) {
            continue;
        }
        let block = &doc.blocks[i];
        let words = page.features[i].words;
        let is_caption = block.kind == Kind::Caption
            || words >= 4 && (has_cue(&page.lowered[i]) || has_trailing_slash_credit(&block.text))
            || is_bare_credit(doc, page, i);
        if is_caption {
            verdicts[i] = Verdict { label: Label::Caption, reason: "caption cue" };
        } else if (MIN_CREDITED_CAPTION_WORDS..=MAX_CREDITED_CAPTION_WORDS).contains(&words)
            && i + 1 < range.end
            && is_bare_credit(doc, page, i + 1)
            && !doc.blocks[i + 1].text.trim_start().starts_with('©')
        {
            verdicts[i] = Verdict { label: Label::Caption, reason: "above a credit line" };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_slash_credits() {
        for (line, want) in [
            ("Commuters wait on a platform on Thursday. (Northgate Wire Photo/Ilse Brandt)", true),
            ("Hong Kongers attend a charity parade. (ED Jones/AFP/Getty Images)", true),
            ("Un ejemplar fotografiado en el bosque. (AMN/Instituto Andino de Biodiversidad)", true),
            ("The council met on Monday (see the agenda/minutes).", false),
            ("Prices rose again. (Source: Office for National Statistics)", false),
            ("It was the third vote on the plan (Yes/No)", false),
        ] {
            assert_eq!(has_trailing_slash_credit(line), want, "{line:?}");
        }
    }

    #[test]
    fn cues() {
        for (line, want) in [
            ("Defense Minister Oleksii Reznikov (L) hugs his Lithuanian counterpart.", true),
            ("The mayor, pictured in 2019, resigned.", true),
            ("Foto: dpa", true),
            ("The minister said the talks would resume.", false),
            ("Abbildung: Vergleich auf dem Aletschgletscher", true),
            ("Vergrößern Eine kleine runde Aussparung für die Kamera.", true),
            ("Die Firma will ihr Team vergrößern und neue Leute suchen.", false),
            ("Zoomed-in views show the crater.", false),
        ] {
            assert_eq!(has_cue(&line.to_lowercase()), want, "{line:?}");
        }
    }

    #[test]
    fn credit_lines() {
        for (line, want) in [
            ("Foto: dpa", true),
            ("Bild: Stefan Müller", true),
            ("Photo by Jane Doe", true),
            ("Photosynthesis explained", false),
        ] {
            assert_eq!(is_credit_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn slash_credits() {
        for (line, want) in [
            ("Olena Shmahalo/Quanta Magazine", true),
            ("Jane Doe/AFP via Getty Images", true),
            ("AC/DC", false),
            ("Either/or thinking in politics", false),
            ("Yes / No", false),
        ] {
            assert_eq!(is_slash_credit(line), want, "{line:?}");
        }
    }

    #[test]
    fn credits() {
        for (line, caption, credit) in [
            ("A tank in Kyiv. Photo: Jane Doe/AFP", "A tank in Kyiv.", Some("Jane Doe/AFP")),
            (
                "A tank in Kyiv. (Photo by Jane Doe/Getty Images)",
                "A tank in Kyiv.",
                Some("Jane Doe/Getty Images"),
            ),
            (
                "Shelia Atim in The Woman King. ©Ilze Kitshoff 2021 CTMG, Inc. All Rights",
                "Shelia Atim in The Woman King.",
                Some("Ilze Kitshoff 2021 CTMG, Inc. All Rights"),
            ),
            ("Reznikov (L) hugs Anusauskas.", "Reznikov (L) hugs Anusauskas.", None),
        ] {
            let (got_caption, got_credit) = split_credit(line);
            assert_eq!(got_caption, caption, "{line:?}");
            assert_eq!(got_credit.as_deref(), credit, "{line:?}");
        }
    }

    #[test]
    fn a_line_above_a_labelled_credit_is_its_caption() {
        use crate::classify::testing::STORY;
        let page = format!(
            "Ferry cancelled for two weeks after crack found\n\n{STORY}\nThe ferry at the quay in Holmsund, where it now lies for repair.\nFoto: Elin Lundqvist / Norrlandsposten\n\n{STORY}"
        );
        let article = crate::clean(page.as_bytes(), &crate::Options::default()).unwrap_or_default();
        assert!(article.body.iter().all(|p| !p.contains("Holmsund")), "{:#?}", article.body);
        assert_eq!(article.images.len(), 1, "{:#?}", article.images);
        assert_eq!(
            article.images[0].caption.as_deref(),
            Some("The ferry at the quay in Holmsund, where it now lies for repair.")
        );
        assert_eq!(article.images[0].credit.as_deref(), Some("Elin Lundqvist / Norrlandsposten"));
        // A "©" line closes teasers as often as pictures: no caption above it.
        let page =
            format!("A headline for the story here\n\n{STORY}\nMehr Info\n© Björn Wisnewski\n\n{STORY}");
        let article = crate::clean(page.as_bytes(), &crate::Options::default()).unwrap_or_default();
        assert!(article.images.iter().all(|img| img.caption.as_deref() != Some("Mehr Info")));
    }
}
