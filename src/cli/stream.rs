//! `scrape-clean stream`: records from standard input or files, cleaned in
//! parallel, written as JSON Lines in input order.
//!
//! One thread reads records into a window (64 per worker); the window is
//! cleaned on a rayon pool and written in order before the next is read,
//! so memory holds one window, never the whole input, and the output is
//! the same whatever the thread count. A record that cannot be cleaned
//! gets its error line in its place (see [`scrape_clean::stream`]); an
//! input file that cannot be opened is reported as `scrape-clean: FILE:
//! reason`. A closed standard output ends the run quietly.

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use scrape_clean::Options;
use scrape_clean::stream::{Item, RecordId, Records, clean_record};
use serde::Serialize;

use crate::cli::args::StreamPlan;
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
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    let mut window: Vec<Item> = Vec::with_capacity(window_size);
    for input in &plan.inputs {
        let records = match open(input.as_deref(), plan) {
            Ok(records) => records,
            Err(err) => {
                tally.failed += 1;
                let shown = report::display_path(input.as_deref());
                progress.suspend(|| report::file_error(&shown, &err));
                continue;
            }
        };
        for item in records {
            window.push(item);
            if window.len() == window_size
                && write_window(&mut window, &pool, &plan.options, &mut out, &mut tally, &progress)?
                    == Flow::Closed
            {
                return Ok(ExitCode::Success);
            }
        }
    }
    if write_window(&mut window, &pool, &plan.options, &mut out, &mut tally, &progress)? == Flow::Closed {
        return Ok(ExitCode::Success);
    }
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

/// Opens one input as a record stream.
fn open(input: Option<&Path>, plan: &StreamPlan) -> Result<Records<'static>> {
    let reader: Box<dyn Read> = match input {
        Some(path) => Box::new(std::fs::File::open(path).context("cannot read the file")?),
        None => Box::new(io::stdin().lock()),
    };
    Records::new(reader, plan.kind, plan.options.byte_limit()).context("cannot read the input")
}

/// Cleans the window in parallel and writes its lines in order.
fn write_window(
    window: &mut Vec<Item>,
    pool: &rayon::ThreadPool,
    options: &Options,
    out: &mut impl Write,
    tally: &mut Tally,
    progress: &ProgressBar,
) -> Result<Flow> {
    let rendered: Vec<Rendered> =
        pool.install(|| window.par_drain(..).map(|item| render(item, options)).collect());
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

/// One record's line; a panic (a library bug) fails that record alone.
fn render(item: Item, options: &Options) -> Rendered {
    let record = match item {
        Item::Record(record) => record,
        // Item::Skipped, and any kind of item a later version adds.
        _ => return Rendered::Skipped,
    };
    let (id, url) = (record.id.clone(), record.url.clone());
    match report::guarded(|| Ok(clean_record(record, options))) {
        Ok(outcome) => {
            let cleaned = outcome.result.is_ok();
            Rendered::Line(outcome.to_json_line(), cleaned)
        }
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
