//! Fuzzes the html front end: any bytes give an article or a typed error,
//! never a panic, and the article survives a JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrape_clean::{Article, InputFormat, Options, clean};

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = clean(data, &Options::new().format(InputFormat::Html)) {
        let json = serde_json::to_string(&article).expect("an article serialises");
        let back: Article = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(back, article);
    }
});
