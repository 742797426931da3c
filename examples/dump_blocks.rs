//! Prints the models' view of pages as JSON Lines, one page a line: the
//! block model's (`{"id": …, "blocks": [{"text", "features", "allowed",
//! "score"}, …]}`, for tools/train_block_model.py) or, with
//! `--headlines`, the headline model's (`{"id": …, "candidates": [{"text",
//! "kind", "features"}, …]}`, for tools/train_headline_model.py).
//!
//!     cargo run --release --features training --example dump_blocks -- text FILE...
//!     cargo run --release --features training --example dump_blocks -- --names
//!     cargo run --release --features training --example dump_blocks -- --rules
//!     cargo run --release --features training --example dump_blocks -- --headlines html FILE...
//!     cargo run --release --features training --example dump_blocks -- --headline-names

use std::path::Path;

use scrape_clean::{InputFormat, Options, training};

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("--names") {
        println!("{}", training::feature_names().join(" "));
        return;
    }
    if first.as_deref() == Some("--rules") {
        println!("{}", training::rule_names().join(" "));
        return;
    }
    if first.as_deref() == Some("--headline-names") {
        println!("{}", training::headline_feature_names().join(" "));
        return;
    }
    let headlines = first.as_deref() == Some("--headlines");
    let first = if headlines { args.next() } else { first };
    let format = match first.as_deref() {
        Some("html") => InputFormat::Html,
        _ => InputFormat::Text,
    };
    let options = Options::new().format(format);
    for path in args {
        let id = Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let line = if headlines {
            let candidates = training::headline_rows(&bytes, &options).unwrap_or_default();
            serde_json::json!({ "id": id, "candidates": candidates })
        } else {
            let blocks = training::block_rows(&bytes, &options).unwrap_or_default();
            serde_json::json!({ "id": id, "blocks": blocks })
        };
        println!("{line}");
    }
}
