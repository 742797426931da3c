//! Hostile pages: each must come back as an article or a typed error, in
//! bounded time, without a panic or a stack overflow. The hang guard is
//! generous (tests run unoptimised); speed itself is measured by the
//! `scaling` benchmark, not here.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use scrape_clean::{Article, Error, InputFormat, Options, clean};

/// Longest a single hostile page may take in a debug build before the
/// test calls it a hang.
const HANG_GUARD: Duration = Duration::from_secs(300);

/// Cleans `bytes` on its own thread (with the default stack of a spawned
/// thread, smaller than the main one) and returns the result, failing the
/// test if it does not finish within [`HANG_GUARD`].
fn finish(name: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Article, Error> {
    let (send, receive) = mpsc::channel();
    thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let _ = send.send(clean(&bytes, &Options::new().format(format)));
        })
        .expect("spawn");
    receive.recv_timeout(HANG_GUARD).unwrap_or_else(|_| panic!("{name}: no result within {HANG_GUARD:?}"))
}

/// Every text field of an article, for checks on what came out.
fn all_text(article: &Article) -> String {
    let mut parts: Vec<&str> = article.body.iter().map(String::as_str).collect();
    parts.extend(article.headline.as_deref());
    parts.extend(article.authors.iter().map(String::as_str));
    parts.join("\n")
}

#[test]
fn twenty_megabytes_without_a_newline() {
    let page = "word ".repeat(4 * 1024 * 1024).into_bytes();
    assert!(finish("no-newline", page, InputFormat::Text).is_ok());
}

#[test]
fn a_million_one_character_lines() {
    let page = "x\n".repeat(1_000_000).into_bytes();
    assert!(finish("million-lines", page, InputFormat::Auto).is_ok());
}

#[test]
fn nul_bytes_and_random_binary_are_refused() {
    for (name, bytes) in [("nul", vec![0u8; 1 << 20]), ("random", pseudo_random(1 << 20))] {
        for format in [InputFormat::Auto, InputFormat::Text, InputFormat::Html] {
            let result = finish(name, bytes.clone(), format);
            assert!(matches!(result, Err(Error::Binary)), "{name} {format:?}: {result:?}");
        }
    }
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = "Headline of the story\n\nThe minister said the talks would begin in the spring, after the \
                elections, and that both sides had agreed to meet in Vilnius.\n";
    for (bom, encode) in [
        (&[0xFF, 0xFE][..], u16::to_le_bytes as fn(u16) -> [u8; 2]),
        (&[0xFE, 0xFF][..], u16::to_be_bytes as fn(u16) -> [u8; 2]),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(encode));
        let article = finish("utf16", bytes, InputFormat::Auto).expect("UTF-16 is text");
        assert!(all_text(&article).contains("the talks would begin"), "{article:?}");
    }
}

#[test]
fn legacy_encodings_with_and_without_a_declared_charset() {
    let story = "Der Minister sagte, die Gespräche würden im Frühjahr beginnen, nach den Wahlen, \
                 und beide Seiten hätten sich darauf geeinigt, sich in Vilnius zu treffen.";
    let russian = "Министр сказал, что переговоры начнутся весной, после выборов, и обе стороны \
                   договорились встретиться в Вильнюсе в начале следующего месяца.";
    for (encoding, text, needle) in [
        (encoding_rs::WINDOWS_1252, story, "Gespräche würden"),
        (encoding_rs::WINDOWS_1251, russian, "переговоры начнутся"),
    ] {
        for declared in [true, false] {
            let head =
                if declared { format!("<meta charset=\"{}\">", encoding.name()) } else { String::new() };
            let page = format!("<html><head>{head}<title>T</title></head><body><p>{text}</p></body></html>");
            let (bytes, _, _) = encoding.encode(&page);
            let article = finish("legacy", bytes.into_owned(), InputFormat::Html).expect("a page");
            assert!(
                all_text(&article).contains(needle),
                "{} declared={declared}: {article:?}",
                encoding.name()
            );
        }
    }
}

#[test]
fn invalid_utf8_inside_a_utf8_page() {
    let mut bytes =
        "Überschrift\n\nDie Gespräche beginnen im Frühjahr, sagte der Minister am Montag in Vilnius. "
            .repeat(20)
            .into_bytes();
    bytes.splice(200..200, [0xFF, 0xC3, 0x28, 0xE2, 0x82]);
    let article = finish("broken-utf8", bytes, InputFormat::Text).expect("a page");
    assert!(all_text(&article).contains("Gespräche"), "{article:?}");
}

#[test]
fn crlf_and_bare_cr_line_ends_read_like_newlines() {
    let page = "A headline about the talks\n\nBy Jane Doe\n\nThe minister said the talks would begin in the \
                spring, after the elections in both countries.\n\nBoth sides agreed to meet again in Vilnius \
                before the end of the month, officials said.\n";
    let unix = finish("lf", page.as_bytes().to_vec(), InputFormat::Text).expect("a page");
    for ending in ["\r\n", "\r"] {
        let other = finish("cr", page.replace('\n', ending).into_bytes(), InputFormat::Text).expect("a page");
        assert_eq!(other.body, unix.body, "{ending:?}");
        assert_eq!(other.headline, unix.headline, "{ending:?}");
    }
}

#[test]
fn zero_width_and_right_to_left_characters() {
    let page = "\u{200b}\u{feff}Headline\u{200d} with\u{202e} marks\u{2066}\n\n\
                The minister\u{200b} said the talks would begin in the spring, after the elections, \u{202b}\
                and both sides agreed.\u{202c}\n";
    let article = finish("zero-width", page.as_bytes().to_vec(), InputFormat::Auto).expect("a page");
    let json = serde_json::to_string(&article).expect("serialises");
    let back: Article = serde_json::from_str(&json).expect("round-trips");
    assert_eq!(back, article);
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let depth = 100_000;
    let page = format!("{}<p>deep paragraph text</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
    assert!(finish("nested", page.into_bytes(), InputFormat::Html).is_ok());
}

#[test]
fn an_unclosed_comment_at_the_top() {
    let page = format!("<!-- never closed\n{}", "<p>hidden by the comment</p>".repeat(10_000));
    let result = finish("comment", page.into_bytes(), InputFormat::Html);
    // Everything after `<!--` is a comment: no text, or an empty article.
    assert!(result.as_ref().map_or(true, |a| a.body.is_empty()), "{result:?}");
}

#[test]
fn ten_thousand_scripts() {
    let page = format!(
        "<html><body>{}<p>The minister said the talks would begin in the spring, after the elections.</p></body></html>",
        "<script>var a = '<p>not text</p>';</script>".repeat(10_000)
    );
    let article = finish("scripts", page.into_bytes(), InputFormat::Html).expect("a page");
    assert!(!all_text(&article).contains("not text"), "{article:?}");
}

#[test]
fn a_five_megabyte_attribute() {
    let page = format!(
        "<html><body><div class=\"{}\" data-x=\"{}\"><p>The minister said the talks would begin in the spring.</p></div></body></html>",
        "c".repeat(5 << 20),
        "d".repeat(5 << 20)
    );
    assert!(finish("attribute", page.into_bytes(), InputFormat::Html).is_ok());
}

#[test]
fn a_table_of_a_hundred_thousand_cells() {
    let row = format!("<tr>{}</tr>", "<td>cell</td>".repeat(100));
    let page = format!("<html><body><table>{}</table></body></html>", row.repeat(1_000));
    assert!(finish("table", page.into_bytes(), InputFormat::Html).is_ok());
}

#[test]
fn inputs_over_the_limit_are_refused() {
    let options = Options::new().max_bytes(1024);
    assert!(matches!(clean(&[b'a'; 1025], &options), Err(Error::TooLarge { limit: 1024 })));
    assert!(clean(&[b'a'; 1024], &options).is_ok());
}

/// Deterministic noise (xorshift), so a failure can be replayed.
fn pseudo_random(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
