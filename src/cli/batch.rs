//! `scrape-clean batch`: every file under a folder, cleaned in parallel.
//!
//! The folder is walked in name order; pages are cleaned in chunks on a
//! rayon pool, and results are handled in input order, so the JSON Lines
//! output and the error messages are the same whatever the thread count.
//! Memory stays flat: only one chunk of results is held at a time.
//!
//! Output files are written atomically (a temporary file in the target
//! folder, then a rename), so an interrupted run leaves whole JSON files or
//! none. Output paths are built from the path *relative to the input
//! folder*, so they cannot leave `--out`. An `--out` inside the input
//! folder is refused before anything is written (`inputs::check_batch`):
//! a later run would read the JSON there as pages.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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
        let outcomes: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|job| process(job, plan)).collect());
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
            progress.inc(1);
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
    let outputs = plan.out.as_ref().map(|out| output_paths(&plan.dir, out, &inputs));
    let jobs = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| Job { output: outputs.as_ref().map(|o| o[i].clone()), input })
        .collect();
    Ok((jobs, failed))
}

/// `DIR/a/b.txt` → `OUT/a/b.json`. Where two inputs would share a name
/// (`b.txt`, `b.html`), each keeps its extension: `b.txt.json`, `b.html.json`.
fn output_paths(dir: &Path, out: &Path, inputs: &[PathBuf]) -> Vec<PathBuf> {
    let relative: Vec<PathBuf> = inputs
        .iter()
        .map(|p| {
            p.strip_prefix(dir)
                .map_or_else(|_| p.file_name().map(PathBuf::from).unwrap_or_default(), Path::to_path_buf)
        })
        .collect();
    let plain: Vec<PathBuf> = relative.iter().map(|r| r.with_extension("json")).collect();
    let mut uses: HashMap<&PathBuf, usize> = HashMap::new();
    for p in &plain {
        *uses.entry(p).or_default() += 1;
    }
    relative
        .iter()
        .zip(&plain)
        .map(|(rel, json)| {
            if uses.get(json).copied().unwrap_or(0) > 1 {
                let mut name: OsString = rel.file_name().map(OsString::from).unwrap_or_default();
                name.push(".json");
                out.join(rel.with_file_name(name))
            } else {
                out.join(json)
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
    let json = scrape_clean::to_json(&article, plan.style);
    match &job.output {
        None => Outcome::Line(json),
        Some(target) => match write_atomically(target, &json) {
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

fn write_atomically(target: &Path, json: &str) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".scrape-clean-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| format!("cannot write in {}", folder.display()))?;
    tmp.write_all(json.as_bytes())
        .and_then(|()| tmp.write_all(b"\n"))
        .with_context(|| format!("cannot write {}", target.display()))?;
    tmp.persist(target).with_context(|| format!("cannot write {}", target.display()))?;
    Ok(())
}

fn progress_bar(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {per_sec}, eta {eta}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

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
        };
        let job = Job { input: PathBuf::from("/nonexistent-in/deleted.txt"), output: None };
        assert!(matches!(process(&job, &plan), Outcome::Failed(_)));
    }

    #[test]
    fn output_paths_mirror_the_tree() {
        let dir = Path::new("/in");
        let inputs = [PathBuf::from("/in/a/b.txt"), PathBuf::from("/in/c"), PathBuf::from("/in/d.html")];
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs),
            [PathBuf::from("/out/a/b.json"), PathBuf::from("/out/c.json"), PathBuf::from("/out/d.json")]
        );
    }

    #[test]
    fn colliding_names_keep_their_extension() {
        let dir = Path::new("/in");
        let inputs = [PathBuf::from("/in/b.html"), PathBuf::from("/in/b.txt"), PathBuf::from("/in/c.txt")];
        assert_eq!(
            output_paths(dir, Path::new("/out"), &inputs),
            [
                PathBuf::from("/out/b.html.json"),
                PathBuf::from("/out/b.txt.json"),
                PathBuf::from("/out/c.json")
            ]
        );
    }
}
