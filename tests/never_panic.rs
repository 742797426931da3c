//! Properties that hold for any input: `clean` returns an article or a
//! typed error and never panics; the article round-trips through JSON;
//! text mode invents no words; the same page always gives the same JSON.

use proptest::prelude::*;
use scrape_clean::{Article, InputFormat, Options, clean};

/// Whitespace collapsed, for substring checks.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines that look like pieces of real pages, to give the classifier
/// something to chew on beyond random noise.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Skip to content".to_string()),
        Just("By Jane Doe and John Roe".to_string()),
        Just("October 3, 2022 5:15 PM".to_string()),
        Just("News Feed".to_string()),
        Just("6:57 PM".to_string()),
        Just("* indicates required".to_string()),
        Just("The minister said the talks would begin in the spring, after the elections.".to_string()),
        Just("".to_string()),
        Just("Site » Section » A headline – with — every | kind · of / separator".to_string()),
        "[a-zA-Z ,.]{0,80}",
        "[a-zß ,.»«·–—|:/\\-]{0,60}",
        "\\PC{0,40}",
    ]
}

fn check_round_trip(article: &Article) {
    let json = serde_json::to_string(article).unwrap();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, article);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_give_an_article_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for format in [InputFormat::Auto, InputFormat::Text, InputFormat::Html] {
            if let Ok(article) = clean(&bytes, &Options::new().format(format)) {
                check_round_trip(&article);
            }
        }
    }

    #[test]
    fn text_mode_adds_no_words(lines in proptest::collection::vec(page_line(), 1..40)) {
        let page = lines.join("\n");
        if let Ok(article) = clean(page.as_bytes(), &Options::new().format(InputFormat::Text)) {
            check_round_trip(&article);
            let haystack = squash(&page);
            let mut pieces: Vec<&String> = article.body.iter().chain(&article.authors).collect();
            pieces.extend(article.headline.iter());
            pieces.extend(article.published_text.iter());
            for item in &article.sidebar {
                pieces.extend([&item.section, &item.time, &item.headline, &item.summary].into_iter().flatten());
            }
            for image in &article.images {
                pieces.extend([&image.caption, &image.credit].into_iter().flatten());
            }
            for piece in pieces {
                prop_assert!(haystack.contains(&squash(piece)), "{piece:?} is not in the input");
            }
        }
    }

    #[test]
    fn html_mode_never_panics(lines in proptest::collection::vec(page_line(), 1..30), tags in proptest::collection::vec("<(/?)(p|div|h1|li|ul|article|aside|nav|script|time|meta|a)( [a-z]+=\"[^\"]{0,10}\")?>", 1..30)) {
        let mut html = String::new();
        for (line, tag) in lines.iter().zip(tags.iter().cycle()) {
            html.push_str(tag);
            html.push_str(line);
        }
        if let Ok(article) = clean(html.as_bytes(), &Options::new().format(InputFormat::Html)) {
            check_round_trip(&article);
        }
    }

    #[test]
    fn the_same_page_gives_the_same_json(lines in proptest::collection::vec(page_line(), 1..30), html in any::<bool>()) {
        let page = if html { format!("<html><body><p>{}</p></body></html>", lines.join("</p><p>")) } else { lines.join("\n") };
        let options = Options::new();
        let render = || clean(page.as_bytes(), &options).map(|a| scrape_clean::to_json(&a, scrape_clean::Style::Pretty));
        let (first, second) = (render(), render());
        prop_assert_eq!(first.as_ref().ok(), second.as_ref().ok());
        prop_assert_eq!(first.is_err(), second.is_err());
    }
}
