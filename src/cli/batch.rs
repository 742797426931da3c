//! `scrape-clean batch`: every file under a folder, cleaned in parallel.
//!
//! The folder is walked in name order; pages are cleaned in chunks on a
//! rayon pool, and results are handled in input order, so the JSON Lines
//! output and the error messages are the same whatever the thread count.
//! Memory stays flat: only one chunk of results is held at a time.
//!
//! Output files (`.json`, or `.md` / `.txt` with `--output`) are written
//! atomically (a temporary file in the target folder, then a rename), so
//! an interrupted run leaves whole files or none. Output paths are built
//! from the path *relative to the input folder*, so they cannot leave
//! `--out`. An `--out` inside the input folder is refused before anything
//! is written (`inputs::check_batch`): a later run would read the files
//! there as pages.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rayon::prelude::*;

use crate::cli::args::BatchPlan;
use crate::cli::inputs;
use crate::cli::report::{self, ExitCode};

/// Pages handed to the pool at a time: enough to keep every core busy,
/// few enough that results held in memory stay small.
const CHUNK: usize = 256;

/// One page to clean and where its JSON goes.
#[derive(Debug)]
struct Job {
    input: PathBuf,
    output: Option<PathBuf>,
}

/// What became of one page.
enum Outcome {
    Written,
    Line(String),
    Skipped,
    Failed(anyhow::Error),
}

/// Runs a batch; returns the exit status.
pub fn run(plan: &BatchPlan) -> Result<ExitCode> {
    let started = Instant::now();
    inputs::check_batch(&plan.dir, plan.out.as_deref())?;
    if let Some(out) = &plan.out {
        prepare_out(out)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.threads)
        .build()
        .context("cannot start worker threads")?;
    let (jobs, mut failed) = plan_jobs(plan)?;
    let progress = progress_bar(jobs.len() as u64);
    let stdout = std::io::stdout();
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let (mut cleaned, mut skipped) = (0usize, 0usize);
    for chunk in jobs.chunks(CHUNK) {
        // The bar counts pages as workers finish them, not as each chunk
        // is written, so its rate and ETA move smoothly.
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|job| {
                    let outcome = process(job, plan);
                    progress.inc(1);
                    outcome
                })
                .collect()
        });
        for (job, outcome) in chunk.iter().zip(outcomes) {
            match outcome {
                Outcome::Written => cleaned += 1,
                Outcome::Skipped => skipped += 1,
                Outcome::Line(line) => {
                    cleaned += 1;
                    if let Err(err) = writeln!(stdout, "{line}") {
                        if err.kind() == std::io::ErrorKind::BrokenPipe {
                            return Ok(ExitCode::Success);
                        }
                        return Err(err).context("cannot write to standard output");
                    }
                }
                Outcome::Failed(err) => {
                    failed += 1;
                    progress.suspend(|| report::file_error(&job.input.to_string_lossy(), &err));
                }
            }
        }
    }
    if let Err(err) = stdout.flush() {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(err).context("cannot write to standard output");
        }
    }
    progress.finish_and_clear();
    let skipped_note = if skipped > 0 { format!(" ({skipped} already done)") } else { String::new() };
    eprintln!(
        "{cleaned} pages cleaned, {failed} failed in {:.1} s{skipped_note}",
        started.elapsed().as_secs_f64()
    );
    Ok(if failed > 0 { ExitCode::PartialFailure } else { ExitCode::Success })
}

/// Creates `--out` and proves it writable before any work is done.
fn prepare_out(out: &Path) -> Result<()> {
    fs::create_dir_all(out).with_context(|| format!("cannot create output folder {}", out.display()))?;
    tempfile::Builder::new()
        .prefix(".scrape-clean-check")
        .tempfile_in(out)
        .with_context(|| format!("cannot write to output folder {}", out.display()))?;
    Ok(())
}

/// Walks the input folder: the jobs in name order, and the number of
/// entries that could not be read (already reported).
fn plan_jobs(plan: &BatchPlan) -> Result<(Vec<Job>, usize)> {
    let out_canonical = plan.out.as_ref().and_then(|o| fs::canonicalize(o).ok());
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut failed = 0usize;
    let walker = walkdir::WalkDir::new(&plan.dir).follow_links(plan.follow).sort_by_file_name();
    let mut walker = walker.into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                failed += 1;
                let path = err.path().map_or_else(|| plan.dir.clone(), Path::to_path_buf);
                let reason = anyhow::Error::new(err);
                report::file_error(&path.to_string_lossy(), &reason);
                continue;
            }
        };
        let path = entry.path();
        // Never read our own output when --out sits inside the input.
        if entry.file_type().is_dir() {
            if out_canonical.is_some() && fs::canonicalize(path).ok() == out_canonical {
                walker.skip_current_dir();
            }
            continue;
        }
        let is_file = if entry.file_type().is_symlink() {
            // A link to a file is read through; a link whose target is gone
            // is a page that cannot be read. (Links to folders are followed
            // only with --follow, by the walker.)
            match fs::metadata(path) {
                Ok(target) => target.is_file(),
                Err(err) => {
                    failed += 1;
                    report::file_error(
                        &path.to_string_lossy(),
                        &anyhow::Error::new(err).context("cannot read"),
                    );
                    false
                }
            }
        } else {
            entry.file_type().is_file()
        };
        if is_file {
            inputs.push(path.to_path_buf());
        }
    }
    let extension = plan.output.extension();
    let outputs = plan.out.as_ref().map(|out| output_paths(&plan.dir, out, &inputs, extension));
    let jobs = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| Job { output: outputs.as_ref().map(|o| o[i].clone()), input })
        .collect();
    Ok((jobs, failed))
}

/// `DIR/a/b.txt` → `OUT/a/b.json` (`extension` is `json`, `md` or `txt`).
/// Where two inputs would share a name (`b.txt`, `b.html`), each keeps its
/// extension: `b.txt.json`, `b.html.json`.
fn output_paths(dir: &Path, out: &Path, inputs: &[PathBuf], extension: &str) -> Vec<PathBuf> {
    let relative: Vec<PathBuf> = inputs
        .iter()
        .map(|p| {
            p.strip_prefix(dir)
                .map_or_else(|_| p.file_name().map(PathBuf::from).unwrap_or_default(), Path::to_path_buf)
        })
        .collect();
    let plain: Vec<PathBuf> = relative.iter().map(|r| r.with_extension(extension)).collect();
    let mut uses: HashMap<&PathBuf, usize> = HashMap::new();
    for p in &plain {
        *uses.entry(p).or_default() += 1;
    }
    relative
        .iter()
        .zip(&plain)
        .map(|(rel, named)| {
            if uses.get(named).copied().unwrap_or(0) > 1 {
                let mut name: OsString = rel.file_name().map(OsString::from).unwrap_or_default();
                name.push(".");
                name.push(extension);
                out.join(rel.with_file_name(name))
            } else {
                out.join(named)
            }
        })
        .collect()
}

fn process(job: &Job, plan: &BatchPlan) -> Outcome {
    if plan.skip_existing && is_done(job) {
        return Outcome::Skipped;
    }
    let cleaned = report::guarded(|| Ok(scrape_clean::clean_file(&job.input, &plan.options)?));
    let article = match cleaned {
        Ok(article) => article,
        Err(err) => return Outcome::Failed(err),
    };
    match &job.output {
        None => {
            let line = scrape_clean::to_json(&article, plan.style);
            Outcome::Line(plan.output.add_field(line, &article))
        }
        Some(target) => match write_atomically(target, &plan.output.document(&article, plan.style)) {
            Ok(()) => Outcome::Written,
            Err(err) => Outcome::Failed(err),
        },
    }
}

/// An output newer than its input counts as done.
fn is_done(job: &Job) -> bool {
    let Some(output) = &job.output else { return false };
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(output), modified(&job.input)), (Some(out), Some(input)) if out >= input)
}

/// Writes `text` (which ends with its newline) to `target` through a
/// temporary file in the same folder.
fn write_atomically(target: &Path, text: &str) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".scrape-clean-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;
    tmp.write_all(text.as_bytes()).with_context(|| format!("cannot write {}", target.display()))?;
    tmp.persist(target).with_context(|| format!("cannot write {}", target.display()))?;
    Ok(())
}

fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages{speed}") {
        bar.set_style(style.with_key("speed", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&speed_text(state.pos(), state.len(), state.elapsed()));
        }));
    }
    // Redrawn on a timer too, so the rate shows (and falls) while a slow
    // page holds every worker.
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// No rate is shown before this much time has passed: the first pages
/// include start-up (the walk, the first page's rule tables) and say
/// nothing about the run's speed.
const RATE_AFTER: Duration = Duration::from_secs(1);
/// No ETA before this much time: the rate must settle first. A judgement,
/// not a measurement: at the hundreds of pages a second a batch runs at,
/// two seconds average over hundreds of pages, and an ETA is of no use
/// to anyone sooner.
const ETA_AFTER: Duration = Duration::from_secs(2);
/// …and not before this many pages are done, for slow pages.
const ETA_AFTER_PAGES: u64 = 20;

/// What follows `12/4211 pages` on the bar: `, 412 pages/s, eta 10 s`,
/// or less while the numbers have not settled. The rate is the run's
/// average so far (steadier than indicatif's recent-window estimate).
fn speed_text(done: u64, total: Option<u64>, elapsed: Duration) -> String {
    if elapsed < RATE_AFTER || done == 0 {
        return String::new();
    }
    let rate = done as f64 / elapsed.as_secs_f64();
    let mut text = format!(", {}", rate_text(rate));
    if let Some(total) = total {
        if elapsed >= ETA_AFTER && done >= ETA_AFTER_PAGES && total > done {
            let left = Duration::from_secs_f64((total - done) as f64 / rate);
            text.push_str(", eta ");
            text.push_str(&duration_text(left));
        }
    }
    text
}

/// Whole pages per second: `412 pages/s`, `1 page/s`, `<1 page/s`.
fn rate_text(pages_per_second: f64) -> String {
    let whole = pages_per_second.round();
    if whole < 1.0 {
        "<1 page/s".to_string()
    } else if whole == 1.0 {
        "1 page/s".to_string()
    } else {
        format!("{whole:.0} pages/s")
    }
}

/// A duration a person reads at a glance: `8 s`, `3 min 20 s`, `1 h 05 min`.
fn duration_text(duration: Duration) -> String {
    let seconds = duration.as_secs_f64().ceil() as u64;
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3600 => format!("{} min {:02} s", seconds / 60, seconds % 60),
        _ => format!("{} h {:02} min", seconds / 3600, seconds % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_whole_pages_per_second() {
        #[rustfmt::skip]
        let rows = [
            (412.37, "412 pages/s"),
            (0.2736, "<1 page/s"),
            (0.6,    "1 page/s"),
            (1.4,    "1 page/s"),
            (2.5,    "3 pages/s"),
            (18_000.2, "18000 pages/s"),
        ];
        for (rate, expected) in rows {
            assert_eq!(rate_text(rate), expected, "{rate}");
        }
    }

    #[test]
    fn durations_read_at_a_glance() {
        #[rustfmt::skip]
        let rows = [
            (0.0,      "0 s"),
            (7.2,      "8 s"),
            (59.5,     "1 min 00 s"),
            (200.0,    "3 min 20 s"),
            (3_900.0,  "1 h 05 min"),
            (90_000.0, "25 h 00 min"),
        ];
        for (seconds, expected) in rows {
            assert_eq!(duration_text(Duration::from_secs_f64(seconds)), expected, "{seconds}");
        }
    }

    #[test]
    fn rate_and_eta_wait_until_they_settle() {
        let ms = Duration::from_millis;
        #[rustfmt::skip]
        let rows = [
            // done, total,        elapsed,    shown
            (0,     Some(4000),   ms(300),    ""),
            (1,     Some(4000),   ms(999),    ""),
            // the case: one second into a ten-second run
            (400,   Some(4000),   ms(1000),   ", 400 pages/s"),
            (10,    Some(4000),   ms(5000),   ", 2 pages/s"),
            (800,   Some(4000),   ms(2000),   ", 400 pages/s, eta 8 s"),
            (4000,  Some(4000),   ms(10000),  ", 400 pages/s"),
            (800,   None,         ms(2000),   ", 400 pages/s"),
            (25,    Some(100),    ms(100_000), ", <1 page/s, eta 5 min 00 s"),
        ];
        for (done, total, elapsed, expected) in rows {
            assert_eq!(speed_text(done, total, elapsed), expected, "{done}/{total:?} after {elapsed:?}");
        }
    }

    #[test]
    fn a_page_gone_after_the_walk_fails_alone() {
        let plan = BatchPlan {
            dir: PathBuf::from("/nonexistent-in"),
            out: None,
            threads: 1,
            skip_existing: false,
            follow: false,
            options: scrape_clean::Options::new(),
            style: scrape_clean::Style::Compact,
            output: crate::cli::render::Output::Json,
        };
        let job = Job { input: PathBuf::from("/nonexistent-in/deleted.txt"), output: None };
        assert!(matches!(process(&job, &plan), Outcome::Failed(_)));
    }

    #[test]
    fn output_paths_mirror_the_tree() {
        let dir = Path::new("/in");
        let inputs = [PathBuf::from("/in/a/b.txt"), PathBuf::from("/in/c"), PathBuf::from("/in/d.html")];
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs, "json"),
            [PathBuf::from("/out/a/b.json"), PathBuf::from("/out/c.json"), PathBuf::from("/out/d.json")]
        );
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs, "md"),
            [PathBuf::from("/out/a/b.md"), PathBuf::from("/out/c.md"), PathBuf::from("/out/d.md")]
        );
    }

    #[test]
    fn colliding_names_keep_their_extension() {
        let dir = Path::new("/in");
        let inputs = [PathBuf::from("/in/b.html"), PathBuf::from("/in/b.txt"), PathBuf::from("/in/c.txt")];
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs, "json"),
            [
                PathBuf::from("/out/b.html.json"),
                PathBuf::from("/out/b.txt.json"),
                PathBuf::from("/out/c.json")
            ]
        );
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs, "txt"),
            [PathBuf::from("/out/b.html.txt"), PathBuf::from("/out/b.txt.txt"), PathBuf::from("/out/c.txt")]
        );
    }
}
