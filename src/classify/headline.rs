//! Headlines: the page title without the site name, and how well a block
//! matches it.
//!
//! Pages repeat their headline in `<title>` (the first line of many dumps)
//! with the site's name around it: "Headline - WSJ", "Site | Headline".
//! The headline block is the one that matches the title best; when no block
//! does, the longest part of the title stands in.

use std::collections::HashSet;

/// Separators between a headline and a site name in a title.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " ~ "];

/// Least similarity for a block to count as the title's headline.
pub(crate) const MIN_TITLE_MATCH: f32 = 0.6;

/// The parts of a title split at site-name separators, longest first.
pub(crate) fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title.trim()];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).map(str::trim).collect();
    }
    parts.retain(|p| !p.is_empty());
    parts.sort_by_key(|p| std::cmp::Reverse(p.split_whitespace().count()));
    parts
}

/// The title's headline: the longest part when a site name is split off.
pub(crate) fn from_title(title: &str) -> Option<&str> {
    title_parts(title).into_iter().next()
}

fn tokens(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Similarity of a block to a title, 0–1: the best Dice overlap of word
/// sets between the block and the whole title or any part of it.
pub(crate) fn title_similarity(block: &str, title: &str) -> f32 {
    let b = tokens(block);
    if b.is_empty() {
        return 0.0;
    }
    let mut best = 0.0f32;
    let whole = std::iter::once(title);
    for part in whole.chain(title_parts(title)) {
        let t = tokens(part);
        if t.is_empty() {
            continue;
        }
        let common = b.intersection(&t).count() as f32;
        best = best.max(2.0 * common / (b.len() + t.len()) as f32);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        for (title, want) in [
            (
                "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay - WSJ",
                "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
            ),
            ("The Guardian | Floods hit the north of England again", "Floods hit the north of England again"),
            ("Plain headline", "Plain headline"),
        ] {
            assert_eq!(from_title(title), Some(want), "{title}");
        }
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
    }
}
