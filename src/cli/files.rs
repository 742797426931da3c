//! `scrape-clean FILE...`: clean the given pages (or standard input) and
//! print them, one pretty JSON object for one input, JSON Lines for several;
//! or with `--output markdown|text`, one document a page, pages parted by
//! a `---` line (Markdown) or a form-feed line (text).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use scrape_clean::{Article, Error};

use crate::cli::args::{Explain, FilesPlan};
use crate::cli::report::{self, ExitCode};
use crate::cli::{explain, inputs};

/// Runs the plan; returns the exit status.
pub fn run(plan: &FilesPlan) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut printed = false;
    for input in &plan.inputs {
        let shown = report::display_path(input.as_deref());
        let rendered = report::guarded(|| render(input.as_deref(), plan));
        match rendered {
            Ok(text) => {
                let separator = if printed && !text.is_empty() { plan.output.separator() } else { "" };
                printed |= !text.is_empty();
                let written = out
                    .write_all(separator.as_bytes())
                    .and_then(|()| out.write_all(text.as_bytes()))
                    .and_then(|()| out.flush());
                if let Err(err) = written {
                    if err.kind() == std::io::ErrorKind::BrokenPipe {
                        return Ok(ExitCode::Success);
                    }
                    return Err(err).context("cannot write to standard output");
                }
            }
            Err(err) => {
                failed = true;
                report::file_error(&shown, &err);
            }
        }
    }
    Ok(if failed { ExitCode::PartialFailure } else { ExitCode::Success })
}

/// One input's output text, newline included.
fn render(input: Option<&Path>, plan: &FilesPlan) -> Result<String> {
    if let Some(path) = input {
        inputs::check_page(path)?;
    }
    match plan.explain {
        Some(Explain::Table { color }) => {
            let bytes = read_input(input, plan)?;
            let reports = scrape_clean::explain(&bytes, &plan.options)?;
            return Ok(explain::table(&reports, color));
        }
        Some(Explain::Html) => {
            let bytes = read_input(input, plan)?;
            let reports = scrape_clean::explain(&bytes, &plan.options)?;
            let mut article = scrape_clean::clean(&bytes, &plan.options)?;
            article.source.path = input.map(|p| p.to_string_lossy().into_owned());
            return Ok(scrape_clean::explain_html(&reports, &article));
        }
        None => {}
    }
    let article: Article = match input {
        Some(path) => scrape_clean::clean_file(path, &plan.options)?,
        None => scrape_clean::clean(&read_input(None, plan)?, &plan.options)?,
    };
    Ok(plan.output.document(&article, plan.style))
}

/// Reads a file or standard input, refusing more than the byte limit.
fn read_input(input: Option<&Path>, plan: &FilesPlan) -> Result<Vec<u8>> {
    let limit = plan.options.byte_limit();
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = match input {
        Some(path) => Box::new(std::fs::File::open(path).context("cannot read the file")?),
        None => Box::new(std::io::stdin().lock()),
    };
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes).context("cannot read the input")?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge { limit }.into());
    }
    Ok(bytes)
}
