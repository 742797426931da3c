//! The body's edges: what the region took in that is not the article.
//!
//! Input: the labelled page (body blocks known), the authors and the
//! headline. Output: body blocks relabelled where they are the author's
//! bio, a press release's profile of the organisation its headline names,
//! a list of people (a staff box), or a counter above the first paragraph.
//! These read like prose or sit inside the article's run, so the region
//! cannot tell them apart; their place at the body's edge and their shape
//! can.

use crate::block::Document;
use crate::classify::byline;
use crate::classify::label::{Label, Verdict};
use crate::rules;
use crate::switches::{Rule, on};

/// Trims the body's edges (see the module doc). `lowered` is every block
/// lower-cased, as the page was measured.
pub(crate) fn trim(
    doc: &Document,
    verdicts: &mut [Verdict],
    authors: &[String],
    headline_text: Option<&str>,
    lowered: &[String],
) {
    if on(Rule::AuthorBio) {
        drop_author_bio(doc, verdicts, authors);
    }
    if on(Rule::OrganisationProfile) {
        drop_organisation_profile(doc, verdicts, headline_text);
    }
    if on(Rule::PeopleLists) {
        drop_people_lists(doc, verdicts);
    }
    if on(Rule::LeadingCounters) {
        drop_leading_counters(doc, verdicts);
    }
    if on(Rule::PullQuotes) {
        drop_pull_quotes(doc, verdicts, lowered);
    }
}

/// Longest body block taken for a pull quote.
const MAX_PULL_QUOTE_WORDS: usize = 40;
/// Fewest words of a pull quote: shorter lines repeat by chance.
const MIN_PULL_QUOTE_WORDS: usize = 6;

/// Letters and digits only, one space between words, of a lower-cased
/// block: what a pull quote shares with its paragraph once quotes and
/// dashes differ.
fn bare_words(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Drops pull quotes: a short body block, a sentence, whose words stand
/// word for word inside a longer body paragraph above it. An article does
/// not say the same sentence twice; the page's layout repeats it large
/// between later paragraphs. `lowered` is every block lower-cased.
fn drop_pull_quotes(doc: &Document, verdicts: &mut [Verdict], lowered: &[String]) {
    let body = body_blocks(verdicts);
    let words = |i: usize| doc.blocks[i].text.split_whitespace().count();
    let bare: Vec<(usize, String)> = body.iter().map(|&i| (i, bare_words(&lowered[i]))).collect();
    for &(i, ref quote) in &bare {
        if !(MIN_PULL_QUOTE_WORDS..=MAX_PULL_QUOTE_WORDS).contains(&words(i)) {
            continue;
        }
        // A sentence, below its paragraph: a forum reply that quotes an
        // earlier post comes after it, a table of contents has no full stops.
        let sentence = doc.blocks[i].text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '»']);
        if !sentence {
            continue;
        }
        let repeated =
            bare.iter().any(|(j, text)| *j < i && text.len() > quote.len() && names_in(text, quote));
        if repeated {
            verdicts[i] = Verdict { label: Label::Furniture, reason: "pull quote repeating the body" };
        }
    }
}

/// Body paragraphs that come before an organisation's profile.
const MIN_STORY_BEFORE_PROFILE: usize = 4;

/// Most words of the name a profile paragraph opens with.
const MAX_PROFILE_NAME_WORDS: usize = 4;

/// The organisation a paragraph profiles: the capitalised words it opens
/// with, when a profile copula follows them ("Ascom is a …").
fn profiled_name(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.splitn(MAX_PROFILE_NAME_WORDS + 3, ' ').collect();
    for n in 1..=MAX_PROFILE_NAME_WORDS.min(words.len().saturating_sub(1)) {
        // A pronoun or article opens ordinary sentences ("It is a …").
        let word = words[n - 1];
        if !word.starts_with(char::is_uppercase) || rules::stopwords::languages_of(&word.to_lowercase()) != 0
        {
            return None;
        }
        let one = words[n].to_lowercase();
        let two = words.get(n + 1).map(|w| format!("{one} {}", w.to_lowercase()));
        let copula = |c: &str| rules::authors::PROFILE_COPULAS.contains(&c);
        if copula(&one) || two.as_deref().is_some_and(copula) {
            let len = words[..n].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
            return text.get(..len);
        }
    }
    None
}

/// Whether `name` stands in `text` as whole words.
fn names_in(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Drops a press release's closing profile of an organisation the
/// headline names ("Ascom is a global solutions provider …", and the
/// paragraphs after it that open with the same name): boilerplate that
/// ends every release of that organisation.
fn drop_organisation_profile(doc: &Document, verdicts: &mut [Verdict], headline_text: Option<&str>) {
    let block = (0..doc.blocks.len()).find(|&i| verdicts[i].label == Label::Headline);
    let Some(headline) = block.map(|i| doc.blocks[i].text.as_str()).or(headline_text) else {
        return;
    };
    let body = body_blocks(verdicts);
    // A short piece may be about the organisation itself ("HISTALP ist eine
    // Klimadatensammlung …"): a profile closes a story told before it.
    let tail = &body[body.len().saturating_sub(BIO_REACH).max(MIN_STORY_BEFORE_PROFILE.min(body.len()))..];
    let Some((k, name)) = tail.iter().enumerate().find_map(|(k, &i)| {
        profiled_name(&doc.blocks[i].text).filter(|name| names_in(headline, name)).map(|name| (k, name))
    }) else {
        return;
    };
    let name = name.to_string();
    for (j, &i) in tail[k..].iter().enumerate() {
        if j == 0 || doc.blocks[i].text.starts_with(&name) {
            verdicts[i] = Verdict { label: Label::Other, reason: "the organisation's profile" };
        }
    }
}

/// Fewest bare names in a row that make a list of people.
const MIN_PEOPLE_LIST: usize = 5;

/// Drops lists of people from the body: five or more blocks in a row that
/// are each a bare name ("David Mikkelson", "Doreen Marchionni", …), with
/// one-word group labels ("Editorial", "Operations") between them. A staff
/// or team box reads as nothing but names; an article names people in
/// sentences.
fn drop_people_lists(doc: &Document, verdicts: &mut [Verdict]) {
    let n = doc.blocks.len();
    let is_body = |verdicts: &[Verdict], i: usize| verdicts[i].label == Label::Body;
    let mut i = 0;
    while i < n {
        if !is_body(verdicts, i) || !byline::is_bare_name(&doc.blocks[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut names = 0;
        let mut end = i;
        while end < n && is_body(verdicts, end) {
            let text = &doc.blocks[end].text;
            if byline::is_bare_name(text) {
                names += 1;
            } else if text.split_whitespace().count() != 1 {
                break;
            }
            end += 1;
        }
        // The first group's label ("Editorial") sits just above.
        let one_word = |j: usize| is_body(verdicts, j) && doc.blocks[j].text.split_whitespace().count() == 1;
        let from = if start > 0 && one_word(start - 1) { start - 1 } else { start };
        if names >= MIN_PEOPLE_LIST {
            for verdict in &mut verdicts[from..end] {
                *verdict = Verdict { label: Label::Other, reason: "a list of people" };
            }
        }
        i = end.max(start + 1);
    }
}

/// Longest lone number taken for a counter.
const MAX_COUNTER_CHARS: usize = 7;

/// A lone number before the body's first words ("0", "1,204") is a share
/// or comment counter, not a paragraph.
fn drop_leading_counters(doc: &Document, verdicts: &mut [Verdict]) {
    let is_counter = |text: &str| {
        text.chars().count() <= MAX_COUNTER_CHARS
            // "1." is the first step of a list, not a counter.
            && !text.ends_with('.')
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | 'K' | 'k'))
    };
    for (block, verdict) in doc.blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.label != Label::Body {
            continue;
        }
        if !is_counter(&block.text) {
            break;
        }
        *verdict = Verdict { label: Label::Furniture, reason: "a counter above the body" };
    }
}

/// The indices of the blocks labelled body, in page order.
pub(crate) fn body_blocks(verdicts: &[Verdict]) -> Vec<usize> {
    (0..verdicts.len()).filter(|&i| verdicts[i].label == Label::Body).collect()
}

/// How many paragraphs at the end of the body are checked for an author
/// bio.
const BIO_REACH: usize = 3;
/// Longest paragraph taken for a bio.
const MAX_BIO_WORDS: usize = 80;

/// Drops the author's bio from the end of the body: a short paragraph that
/// opens with the author's name ("Moritz Gathmann leitet das Ressort …",
/// "Jake is the co-founder of …"). It reads like prose, but it is about the
/// writer, not the story.
fn drop_author_bio(doc: &Document, verdicts: &mut [Verdict], authors: &[String]) {
    let body = body_blocks(verdicts);
    // An author box headed "About Jane Doe" / "Über Moritz Bachmann":
    // the heading and the bio under it.
    let box_tail = body.len().saturating_sub(BIO_REACH + 1);
    for (k, &i) in body.iter().enumerate().skip(box_tail) {
        let Some(name) = byline::about_heading(&doc.blocks[i].text) else { continue };
        verdicts[i] = Verdict { label: Label::Other, reason: "the author's bio" };
        let surname = name.split_whitespace().last().unwrap_or(name);
        if let Some(&next) = body.get(k + 1) {
            let text = doc.blocks[next].text.as_str();
            // Under a heading that names no one, the paragraph is the bio.
            if text.split_whitespace().count() <= MAX_BIO_WORDS && text.contains(surname) {
                verdicts[next] = Verdict { label: Label::Other, reason: "the author's bio" };
            }
        }
        break;
    }
    if authors.is_empty() {
        return;
    }
    let tail = body.len().saturating_sub(BIO_REACH);
    for &i in &body[tail..] {
        let text = doc.blocks[i].text.as_str();
        if verdicts[i].label != Label::Body || text.split_whitespace().count() > MAX_BIO_WORDS {
            continue;
        }
        let opens_with_author = authors.iter().any(|name| {
            let first = name.split_whitespace().next().unwrap_or("");
            let after_first = text.strip_prefix(first).and_then(|rest| rest.split_whitespace().next());
            text.starts_with(name.as_str())
                || first.chars().count() > 2
                    && after_first.is_some_and(|verb| rules::authors::BIO_VERBS.contains(&verb))
        });
        if opens_with_author {
            verdicts[i] = Verdict { label: Label::Other, reason: "the author's bio" };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::testing::{STORY, body_of, html_body_of};

    #[test]
    fn a_counter_above_the_body_is_not_a_paragraph() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><div>0</div><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p></article></body></html>"
        );
        let body = html_body_of(&page);
        assert_eq!(body.len(), 3, "{body:#?}");
        assert!(body.iter().all(|p| p != "0"));
    }

    #[test]
    fn a_pull_quote_below_its_paragraph_is_dropped_but_a_quoted_post_is_not() {
        let said = "\"I look. That's most of it. You look at the sea and you look at the light, and you make sure they're both where they should be,\" he says.";
        let quote = "You look at the sea and you look at the light, and you make sure they're both where they should be.";
        let page = format!("Keepers of the light\n\n{said}\n\n{STORY}\n{quote}\n\n{STORY}");
        let body = body_of(&page);
        assert!(body.iter().all(|p| p != quote), "{body:#?}");
        assert!(body.iter().any(|p| p == said), "{body:#?}");
        // A forum reply quoting the post above: the post stays.
        let post = "Speak English, you unmitigated cheese eater, and tell us who wins the race.";
        let page = format!(
            "Tour de France tips thread\n\n{STORY}\n{post}\n\nOriginally posted by Murray: {post} I would rather not say who wins, as it is far too early.\n"
        );
        assert!(body_of(&page).iter().any(|p| p == post));
    }

    #[test]
    fn profiled_names() {
        for (text, want) in [
            ("Ascom is a global solutions provider focused on healthcare.", Some("Ascom")),
            ("GE Healthcare is the leading provider of imaging.", Some("GE Healthcare")),
            ("Stadtwerke Bern ist ein Unternehmen der Stadt.", Some("Stadtwerke Bern")),
            ("The council is a body of nine members.", None),
            ("It is a good day for the town.", None),
            ("the council is a body of nine members.", None),
            ("Ascom has subsidiaries in 15 countries.", None),
        ] {
            assert_eq!(profiled_name(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_press_release_ends_before_the_organisations_profile() {
        let para = |n: usize| {
            format!(
                "Paragraph {n} of the release says that the two companies will work together on the new product in Europe.\n\n"
            )
        };
        let story: String = (1..=5).map(para).collect();
        let page = format!(
            "Ascom and Dräger introduce an alarm system\n\n{story}Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions, with a vision of closing information gaps.\n\nAscom is headquartered in Baar, Switzerland, and employs around 1,300 people in 15 countries.\n"
        );
        let body = body_of(&page);
        assert_eq!(body.len(), 5, "{body:#?}");
        assert!(body.iter().all(|p| p.starts_with("Paragraph")));
    }

    #[test]
    fn a_short_piece_about_the_organisation_keeps_its_paragraphs() {
        let page = "HISTALP annual report 2021\n\nThe annual report shows that the last year was again one of the warmest since records began in the Alps.\n\nHISTALP is a climate data collection for the greater Alpine region, made of several hundred long time series of many climate elements.\n";
        assert_eq!(body_of(page).len(), 2);
    }

    #[test]
    fn a_staff_list_is_not_the_body() {
        let para = "The council approved the budget on Monday after a long debate about the costs of the new bridge.";
        let staff = ["David Mikkelson", "Doreen Marchionni", "David Emery", "Bond Huberman", "Jordan Liles"]
            .map(|name| format!("<li>{name}</li>"))
            .concat();
        let page = format!(
            "<html><body><article><h1>Bridge budget approved</h1><p>{para}</p><p>{para} Work starts soon.</p>\
             <p>{para} The mayor was pleased.</p><h3>Editorial</h3><ul>{staff}</ul><h3>Operations</h3>\
             <ul><li>Vinny Green</li></ul></article></body></html>"
        );
        let kept = html_body_of(&page);
        assert_eq!(kept.len(), 3, "{kept:#?}");
    }
}
