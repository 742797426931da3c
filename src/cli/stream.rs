//! `scrape-clean stream`: records from standard input or files, cleaned in
//! parallel, written as JSON Lines in input order (with `--output markdown`
//! or `text`, each cleaned record carries a `markdown` or `text` field).
//!
//! A reader thread reads records into windows (64 records per worker);
//! each window is cleaned on a rayon pool and written in order while the
//! reader fills the next, so memory holds at most three windows, never the
//! whole input, and the output is the same whatever the thread count. A record that cannot be cleaned
//! gets its error line in its place (see [`scrape_clean::stream`]); an
//! input file that cannot be opened is reported as `scrape-clean: FILE:
//! reason`. A closed standard output ends the run quietly.

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, SyncSender};
use std::thread;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use scrape_clean::Options;
use scrape_clean::stream::{InputKind, Item, RecordId, Records, clean_record};
use serde::Serialize;

use crate::cli::args::StreamPlan;
use crate::cli::render::Output;
use crate::cli::report::{self, ExitCode};

/// Records in flight per worker: enough that a slow page does not idle
/// the others for long, few enough that memory stays small.
const WINDOW_PER_THREAD: usize = 64;

/// What became of one record.
enum Rendered {
    /// Skipped for its kind; no line.
    Skipped,
    /// Its output line, and whether it was cleaned.
    Line(String, bool),
}

/// Counts for the summary line.
#[derive(Default)]
struct Tally {
    cleaned: usize,
    skipped: usize,
    failed: usize,
}

/// Whether standard output still takes lines.
#[derive(PartialEq, Eq)]
enum Flow {
    Open,
    Closed,
}

/// Runs the stream; returns the exit status.
pub fn run(plan: &StreamPlan) -> Result<ExitCode> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.threads)
        .build()
        .context("cannot start worker threads")?;
    let window_size = WINDOW_PER_THREAD * pool.current_num_threads();
    let progress = progress_line();
    // The reader fills the next window while the pool cleans this one; the
    // channel holds one window, so at most three are in memory.
    let (windows, received) = mpsc::sync_channel::<Vec<Item>>(1);
    let source = Source { inputs: plan.inputs.clone(), kind: plan.kind, limit: plan.options.byte_limit() };
    let reader_progress = progress.clone();
    let reader = thread::Builder::new()
        .name("reader".to_string())
        .spawn(move || source.read(window_size, &windows, &reader_progress))
        .context("cannot start the reader thread")?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    for mut window in received {
        if write_window(&mut window, &pool, plan, &mut out, &mut tally, &progress)? == Flow::Closed {
            // The reader stops at its next window, when the channel is gone.
            return Ok(ExitCode::Success);
        }
    }
    tally.failed +=
        reader.join().map_err(|_| anyhow::anyhow!("internal error, please report it: the reader stopped"))?;
    progress.finish_and_clear();
    eprintln!(
        "{} records cleaned, {} skipped, {} failed in {:.1} s",
        tally.cleaned,
        tally.skipped,
        tally.failed,
        started.elapsed().as_secs_f64()
    );
    Ok(if tally.failed > 0 { ExitCode::PartialFailure } else { ExitCode::Success })
}

/// The inputs, read on their own thread.
struct Source {
    inputs: Vec<Option<PathBuf>>,
    kind: Option<InputKind>,
    limit: u64,
}

impl Source {
    /// Reads every input in order and sends its records in windows of
    /// `size`; returns how many inputs could not be opened (each reported).
    fn read(self, size: usize, windows: &SyncSender<Vec<Item>>, progress: &ProgressBar) -> usize {
        let mut unreadable = 0;
        let mut window = Vec::with_capacity(size);
        for input in &self.inputs {
            let records = match self.open(input.as_deref()) {
                Ok(records) => records,
                Err(err) => {
                    unreadable += 1;
                    let shown = report::display_path(input.as_deref());
                    progress.suspend(|| report::file_error(&shown, &err));
                    continue;
                }
            };
            for item in records {
                window.push(item);
                if window.len() == size {
                    let full = std::mem::replace(&mut window, Vec::with_capacity(size));
                    if windows.send(full).is_err() {
                        return unreadable;
                    }
                }
            }
        }
        if !window.is_empty() {
            let _ = windows.send(window);
        }
        unreadable
    }

    /// Opens one input as a record stream.
    fn open(&self, input: Option<&Path>) -> Result<Records<'static>> {
        let reader: Box<dyn Read> = match input {
            Some(path) => Box::new(std::fs::File::open(path).context("cannot read the file")?),
            None => Box::new(io::stdin().lock()),
        };
        Records::new(reader, self.kind, self.limit).context("cannot read the input")
    }
}

/// Cleans the window in parallel and writes its lines in order.
fn write_window(
    window: &mut Vec<Item>,
    pool: &rayon::ThreadPool,
    plan: &StreamPlan,
    out: &mut impl Write,
    tally: &mut Tally,
    progress: &ProgressBar,
) -> Result<Flow> {
    let rendered: Vec<Rendered> =
        pool.install(|| window.par_drain(..).map(|item| render(item, &plan.options, plan.output)).collect());
    progress.inc(rendered.len() as u64);
    for record in rendered {
        let line = match record {
            Rendered::Skipped => {
                tally.skipped += 1;
                continue;
            }
            Rendered::Line(line, cleaned) => {
                if cleaned {
                    tally.cleaned += 1;
                } else {
                    tally.failed += 1;
                }
                line
            }
        };
        if let Err(err) = out.write_all(line.as_bytes()).and_then(|()| out.write_all(b"\n")) {
            return closed_or(err);
        }
    }
    if let Err(err) = out.flush() {
        return closed_or(err);
    }
    Ok(Flow::Open)
}

/// A broken pipe (`| head`) closes the output quietly; anything else is fatal.
fn closed_or(err: io::Error) -> Result<Flow> {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return Ok(Flow::Closed);
    }
    Err(err).context("cannot write to standard output")
}

#[derive(Serialize)]
struct PanicLine {
    id: Option<RecordId>,
    url: Option<String>,
    error: String,
}

/// One record's line, with the article's Markdown or text added when
/// asked for; a panic (a library bug) fails that record alone.
fn render(item: Item, options: &Options, output: Output) -> Rendered {
    let record = match item {
        Item::Record(record) => record,
        // Item::Skipped, and any kind of item a later version adds.
        _ => return Rendered::Skipped,
    };
    let (id, url) = (record.id.clone(), record.url.clone());
    let rendered = report::guarded(|| {
        let outcome = clean_record(record, options);
        let line = outcome.to_json_line();
        Ok(match &outcome.result {
            Ok(article) => (output.add_field(line, article), true),
            Err(_) => (line, false),
        })
    });
    match rendered {
        Ok((line, cleaned)) => Rendered::Line(line, cleaned),
        Err(err) => {
            let line = PanicLine { id, url, error: format!("{err:#}") };
            Rendered::Line(serde_json::to_string(&line).unwrap_or_default(), false)
        }
    }
}

fn progress_line() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} records, {per_sec}, {elapsed}") {
        bar.set_style(style);
    }
    bar
}
