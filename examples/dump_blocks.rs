//! Prints the block model's view of pages as JSON Lines, one page a line:
//! `{"id": …, "blocks": [{"text", "features", "allowed", "score"}, …]}`.
//! Used by tools/train_block_model.py.
//!
//!     cargo run --release --features training --example dump_blocks -- text FILE...
//!     cargo run --release --features training --example dump_blocks -- --names

use std::path::Path;

use scrape_clean::{InputFormat, Options, training};

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("--names") {
        println!("{}", training::feature_names().join(" "));
        return;
    }
    let format = match first.as_deref() {
        Some("html") => InputFormat::Html,
        _ => InputFormat::Text,
    };
    let options = Options::new().format(format);
    for path in args {
        let id = Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let blocks = training::block_rows(&bytes, &options).unwrap_or_default();
        let line = serde_json::json!({ "id": id, "blocks": blocks });
        println!("{line}");
    }
}
