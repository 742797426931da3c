//! Cost must grow linearly with the page: cleans a large page built from
//! the fixtures at 1×, 2× and 4× its size, in text and HTML mode.
//!
//!     cargo bench --bench scaling
//!
//! Compare the times of `x1`, `x2` and `x4` in each group: about 1, 2 and
//! 4 is linear; a quadratic step shows as 4 and 16.

#![allow(clippy::panic, reason = "a benchmark without its fixture cannot run")]

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scrape_clean::{InputFormat, Options, clean};

/// Copies of the fixture page in the 1× page: large enough that fixed
/// costs do not hide the growth.
const BASE_COPIES: usize = 40;

fn fixture(case: &str, file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(case).join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text page: the seed's lines, repeated.
fn text_page(copies: usize) -> String {
    fixture("seed-kyiv-independent", "input.txt").repeat(copies)
}

/// The HTML page: one document whose body holds a fixture's body
/// `copies` times.
fn html_page(copies: usize) -> String {
    let page = fixture("html-no-metadata", "input.html");
    let (head, rest) = page.split_once("<body").unwrap_or(("", page.as_str()));
    let body = rest.split_once('>').map_or(rest, |(_, b)| b);
    let body = body.rsplit_once("</body>").map_or(body, |(b, _)| b);
    format!("{head}<body>{}</body></html>", body.repeat(copies))
}

fn scale(c: &mut Criterion, name: &str, format: InputFormat, page: fn(usize) -> String) {
    let options = Options::new().format(format);
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for factor in [1, 2, 4] {
        let bytes = page(BASE_COPIES * factor).into_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("x{factor}"), |b| b.iter(|| clean(&bytes, &options).is_ok()));
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    scale(c, "scaling/text", InputFormat::Text, text_page);
    scale(c, "scaling/html", InputFormat::Html, html_page);
}

criterion_group!(benches, scaling);
criterion_main!(benches);
