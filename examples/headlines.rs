//! Uses scrape-clean as a library: prints one tab-separated line per page
//! (date, authors, headline, words in the body), like a tiny news index.
//!
//!     cargo run --example headlines -- fixtures/*/input.*

use std::path::Path;

use scrape_clean::{Options, clean_file};

fn main() {
    let options = Options::default();
    let mut failed = false;
    for arg in std::env::args().skip(1) {
        match clean_file(Path::new(&arg), &options) {
            Ok(article) => {
                let words: usize = article.body.iter().map(|p| p.split_whitespace().count()).sum();
                println!(
                    "{}\t{}\t{}\t{words}",
                    article.published.as_deref().unwrap_or("-"),
                    article.authors.join(", "),
                    article.headline.as_deref().unwrap_or("(no headline)"),
                );
            }
            Err(err) => {
                failed = true;
                eprintln!("headlines: {arg}: {err}");
            }
        }
    }
    std::process::exit(i32::from(failed));
}
