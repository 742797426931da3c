//! `scrape-clean --generate KIND`: the man page and the shell completion
//! scripts, built from the same clap definition as `--help`, so they
//! cannot drift from the real options (as ripgrep and fd ship theirs).
//!
//! The man page is one page for the whole tool: the top-level command's
//! sections, then a section for each subcommand with its synopsis,
//! description and options (clap_mangen alone would make one file per
//! subcommand, which `--generate` cannot print to one standard output).

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::args::{Cli, GenerateKind};
use crate::cli::report::ExitCode;

/// Prints what `kind` asks for to standard output.
pub fn run(kind: GenerateKind) -> Result<ExitCode> {
    let text = generate(kind)?;
    let mut out = std::io::stdout().lock();
    match out.write_all(&text).and_then(|()| out.flush()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(err).context("cannot write to standard output")
        }
        _ => Ok(ExitCode::Success),
    }
}

/// The man page or completion script, as bytes.
pub fn generate(kind: GenerateKind) -> Result<Vec<u8>> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    let mut out = Vec::new();
    let shell = match kind {
        GenerateKind::Man => {
            man_page(cmd, &mut out).context("cannot render the man page")?;
            return Ok(out);
        }
        GenerateKind::CompleteBash => Shell::Bash,
        GenerateKind::CompleteZsh => Shell::Zsh,
        GenerateKind::CompleteFish => Shell::Fish,
        GenerateKind::CompletePowershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    Ok(out)
}

/// The whole tool's man page: the top-level sections, one section per
/// subcommand (its `.SH` headings demoted to `.SS`), then the examples and
/// the version.
fn man_page(cmd: clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut sections = Vec::new();
    man_sections(cmd, &mut sections)?;
    // Each clap_mangen render call repeats roff's two-line preamble; keep the first.
    let mut preamble_seen = 0;
    for line in String::from_utf8_lossy(&sections).lines() {
        if PREAMBLE.contains(&line) {
            preamble_seen += 1;
            if preamble_seen > PREAMBLE.len() {
                continue;
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `cmd` with every option that hides its help from `-h` given that help
/// as its long help: clap_mangen prints only the long help of such options.
fn with_long_help(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| match arg.get_help().cloned() {
        Some(help) if arg.is_hide_short_help_set() && arg.get_long_help().is_none() => arg.long_help(help),
        _ => arg,
    })
    .mut_subcommands(with_long_help)
}

/// The lines the `roff` crate opens every rendering with.
const PREAMBLE: [&str; 2] = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];

fn man_sections(cmd: clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cmd = with_long_help(cmd);
    cmd.build();
    let man = Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let subcommands: Vec<&clap::Command> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help").collect();
    // clap_mangen's own list points at one man page per subcommand; this
    // page has them as sections below instead.
    let mut list = Roff::default();
    list.control("SH", ["SUBCOMMANDS"]);
    for sub in &subcommands {
        list.control("TP", []);
        list.text([bold(sub.get_name())]);
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let bin_name = sub.get_bin_name().unwrap_or_else(|| sub.get_name()).to_uppercase();
        list.text([roman(format!("{about}; see {bin_name} below."))]);
    }
    list.to_writer(out)?;
    for sub in subcommands {
        let bin_name = sub.get_bin_name().unwrap_or_else(|| sub.get_name()).to_string();
        writeln!(out, ".SH \"{}\"", bin_name.to_uppercase())?;
        let sub_man = Man::new(sub.clone());
        let mut sections = Vec::new();
        sub_man.render_synopsis_section(&mut sections)?;
        sub_man.render_description_section(&mut sections)?;
        sub_man.render_options_section(&mut sections)?;
        for line in String::from_utf8_lossy(&sections).lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(out, ".SS {heading}")?,
                None => writeln!(out, "{line}")?,
            }
        }
    }
    if cmd.get_after_help().is_some() || cmd.get_after_long_help().is_some() {
        man.render_extra_section(out)?;
    }
    man.render_version_section(out)?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failing test panics")]
mod tests {
    use super::*;

    /// The man page's text for one command: the top-level sections for
    /// `scrape-clean`, the `.SH "SCRAPE-CLEAN BATCH"` section for `scrape-clean batch`.
    fn section<'a>(man: &'a str, command: &str) -> &'a str {
        let first_sub = man.find(".SH \"SCRAPE-CLEAN ").unwrap_or(man.len());
        if command == "scrape-clean" {
            return &man[..first_sub];
        }
        let heading = format!(".SH \"{}\"", command.to_uppercase());
        let Some(start) = man.find(&heading) else { return "" };
        let end = man[start + 1..].find("\n.SH ").map_or(man.len(), |e| start + 1 + e);
        &man[start..end]
    }

    /// Every long option of `cmd` and its subcommands, as `(command, --name)`.
    fn long_options(cmd: &clap::Command, path: &str, found: &mut Vec<(String, String)>) {
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                found.push((path.to_string(), format!("--{long}")));
            }
        }
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            long_options(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }

    #[test]
    fn the_man_page_lists_every_option_of_every_command_in_its_section() {
        let mut cmd = Cli::command();
        cmd.build();
        // roff writes a hyphen as `\-`.
        let man = String::from_utf8(generate(GenerateKind::Man).unwrap()).unwrap().replace("\\-", "-");
        let mut options = Vec::new();
        long_options(&cmd, "scrape-clean", &mut options);
        assert!(options.len() > 15, "walked too few options: {options:?}");
        for (command, option) in &options {
            let text = section(&man, command);
            assert!(!text.is_empty(), "no section for {command}");
            assert!(
                text.contains(&format!("\\fB{option}\\fR")),
                "{command} {option} is not in its man section"
            );
        }
    }

    #[test]
    fn a_subcommand_option_is_not_credited_to_the_top_level() {
        let man = String::from_utf8(generate(GenerateKind::Man).unwrap()).unwrap().replace("\\-", "-");
        assert!(section(&man, "scrape-clean batch").contains("--skip-existing"));
        assert!(!section(&man, "scrape-clean").contains("--skip-existing"));
        assert!(!section(&man, "scrape-clean stream").contains("--skip-existing"));
    }
}
