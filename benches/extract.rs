//! Throughput of `clean` on whole pages, one core.
//!
//! Uses the dev corpora in `../shared/corpora` when they are there (all
//! text dumps, all HTML pages), else the fixtures. Reports pages per second
//! and bytes per second for each set:
//!
//!     cargo bench --bench extract
//!
//! The `html/parse-only` row is a bare `scraper::Html::parse_document` of
//! the same HTML pages: the floor cost the HTML front end is measured
//! against.

use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use scrape_clean::{InputFormat, Options, clean};

fn files(kind: &str) -> Vec<PathBuf> {
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&corpora) {
        for corpus in entries.flatten() {
            if let Ok(pages) = std::fs::read_dir(corpus.path().join(kind)) {
                out.extend(pages.flatten().map(|e| e.path()));
            }
        }
    }
    if out.is_empty() {
        let ext = if kind == "text" { "txt" } else { "html" };
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for case in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
            let input = case.path().join(format!("input.{ext}"));
            if input.exists() {
                out.push(input);
            }
        }
    }
    out.sort();
    out
}

fn load(kind: &str) -> Vec<Vec<u8>> {
    files(kind).iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench_set(c: &mut Criterion, name: &str, pages: &[Vec<u8>], format: InputFormat) {
    let options = Options::new().format(format);
    let bytes: u64 = pages.iter().map(|p| p.len() as u64).sum();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group
        .bench_function("pages", |b| b.iter(|| pages.iter().filter_map(|p| clean(p, &options).ok()).count()));
    group.throughput(Throughput::Bytes(bytes));
    group
        .bench_function("bytes", |b| b.iter(|| pages.iter().filter_map(|p| clean(p, &options).ok()).count()));
    group.finish();
}

fn extract(c: &mut Criterion) {
    let text = load("text");
    bench_set(c, "text", &text, InputFormat::Text);
    let html = load("html");
    bench_set(c, "html", &html, InputFormat::Html);
    let strings: Vec<String> = html.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    let mut group = c.benchmark_group("html/parse-only");
    group.sample_size(10);
    group.throughput(Throughput::Elements(strings.len() as u64));
    group.bench_function("pages", |b| {
        b.iter_batched(
            || (),
            |()| strings.iter().map(|s| scraper::Html::parse_document(s).tree.nodes().count()).sum::<usize>(),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
