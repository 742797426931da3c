//! Command-line arguments (clap derive; the `///` comments are the help),
//! and their conversion, once, into a plain [`Config`] that the rest of the
//! binary reads. Nothing after [`Cli::into_config`] sees clap types.

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use scrape_clean::stream::InputKind;
use scrape_clean::{InputFormat, Options, Style};

use crate::cli::render::Output;

const EXAMPLES: &str = "\
Examples:
  scrape-clean page.txt                      clean one dump, print pretty JSON
  curl -s https://example.org/a | scrape-clean --format html
  scrape-clean a.html b.txt c.txt            several pages, one JSON line each
  scrape-clean --output markdown page.html   the article as Markdown (or `text`)
  scrape-clean --explain page.txt            show the label of every block
  scrape-clean --explain=html page.txt > why.html   the same, as a page for a browser
  scrape-clean batch pages/ --out clean/     a folder, in parallel, one .json per page
  scrape-clean batch pages/ --jsonl > all.jsonl
  scrape-clean batch pages/ --out md/ --output markdown   one .md per page
  scrape-clean stream crawl.warc.gz > clean.jsonl   WARC or JSON Lines records, in order
  scrape-clean --generate complete-bash > /etc/bash_completion.d/scrape-clean";

/// Turn raw scraped web pages (plain-text dumps or HTML) into clean article JSON.
///
/// Reads each FILE (or standard input when there is none, or for `-`),
/// drops the page furniture and prints the article: headline, authors,
/// publication time, body paragraphs, captions and sidebar news items.
#[derive(Debug, Parser)]
#[command(name = "scrape-clean", version, after_help = EXAMPLES)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Pages to clean; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print each block of the page with its label and the reason, instead of JSON.
    ///
    /// `--explain` (or `--explain=table`) prints a table, one block a line;
    /// `--explain=html` prints a self-contained HTML page (one input only):
    /// the blocks coloured by label beside the resulting article. The value
    /// needs the `=`: `--explain html` reads a file named `html`.
    #[arg(
        long,
        value_enum,
        value_name = "VIEW",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "table"
    )]
    explain: Option<ExplainArg>,
    /// When to colour the `--explain` table: on a terminal (auto), always
    /// or never. `auto` also turns colour off when NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Print a man page or a shell completion script, and exit.
    #[arg(long, value_enum, value_name = "KIND", conflicts_with_all = ["files", "explain"])]
    generate: Option<GenerateKind>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExplainArg {
    /// Aligned text, one block a line.
    Table,
    /// A self-contained HTML page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Colour, even into a pipe or with NO_COLOR set.
    Always,
    /// No colour.
    Never,
}

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GenerateKind {
    /// The man page (roff), e.g. `scrape-clean --generate man > scrape-clean.1`.
    Man,
    /// Completions for bash.
    CompleteBash,
    /// Completions for zsh (save as `_scrape-clean` on `$fpath`).
    CompleteZsh,
    /// Completions for fish.
    CompleteFish,
    /// Completions for PowerShell.
    CompletePowershell,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean every file under a folder, in parallel.
    ///
    /// Each file DIR/a/b.txt becomes OUT/a/b.json, or b.md / b.txt with
    /// --output markdown / text (written atomically: a
    /// temporary file, then a rename). A file that cannot be cleaned is
    /// reported on stderr and skipped; the exit status is then 1.
    Batch(BatchArgs),
    /// Clean a stream of records: JSON Lines or WARC in, JSON Lines out.
    ///
    /// Reads standard input, or each FILE in order. JSON Lines records are
    /// objects `{"id", "url", "html" | "text", "fetched_at"}`; WARC
    /// `response` records with an HTML payload are cleaned (plain, gzipped
    /// per record or whole). Writes one JSON object a record, in input
    /// order: the article plus `id` and `url`, or `id`, `url` and `error`.
    /// Other WARC records are skipped and counted.
    Stream(StreamArgs),
}

#[derive(Debug, Args)]
struct StreamArgs {
    /// Record files, read in order; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The kind of input, instead of telling it from the first bytes.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Add the article as Markdown (a `markdown` field) or plain text (a `text` field) to each record.
    #[arg(long, value_enum, default_value_t = OutputArg::Json, value_name = "FORMAT")]
    output: OutputArg,
    /// Reference time for relative dates when a record has none, e.g. 2022-10-03T18:00.
    #[arg(long, value_name = "DATETIME")]
    now: Option<String>,
    /// Skip records larger than this many bytes, with an error line.
    #[arg(long, value_name = "BYTES", default_value_t = scrape_clean::DEFAULT_MAX_BYTES, hide_short_help = true)]
    max_bytes: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputArg {
    /// Decide from the first bytes (`WARC/` or not, after gzip).
    Auto,
    /// JSON Lines.
    Jsonl,
    /// WARC.
    Warc,
}

#[derive(Debug, Args)]
struct BatchArgs {
    /// The folder of pages, searched recursively.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Where the output files go (created if missing): .json, or .md / .txt
    /// with --output.
    /// Not inside DIR: that is refused, as the next run would read this
    /// run's files as pages.
    #[arg(long, short, value_name = "OUT", required_unless_present = "jsonl")]
    out: Option<PathBuf>,
    /// Write JSON Lines to standard output instead of files under --out (with
    /// --output markdown or text, each line gets a `markdown` or `text` field).
    #[arg(long, conflicts_with = "out")]
    jsonl: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// Skip pages whose output file is already there and newer than the page.
    #[arg(long)]
    skip_existing: bool,
    /// Follow symbolic links to folders.
    #[arg(long)]
    follow: bool,
    #[command(flatten)]
    common: Common,
}

/// Options shared by both modes.
#[derive(Debug, Args)]
struct Common {
    /// How to read pages: sniff the content, or force text or HTML.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// What to print: the article as JSON, as Markdown, or as plain text (headline and paragraphs).
    #[arg(long, value_enum, default_value_t = OutputArg::Json, value_name = "FORMAT")]
    output: OutputArg,
    /// One-line JSON even for a single page.
    #[arg(long)]
    compact: bool,
    /// Reference time for relative dates ("2 hours ago"), e.g. 2022-10-03T18:00.
    #[arg(long, value_name = "DATETIME")]
    now: Option<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = scrape_clean::DEFAULT_MAX_BYTES, hide_short_help = true)]
    max_bytes: u64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Decide from the content.
    Auto,
    /// A plain-text dump.
    Text,
    /// Raw HTML.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputArg {
    /// The article as JSON (JSON Lines for several pages).
    Json,
    /// CommonMark: headline, byline, subheads, lists, quotes, tables, captions.
    Markdown,
    /// The headline and the paragraphs, blank lines between.
    Text,
}

impl From<OutputArg> for Output {
    fn from(arg: OutputArg) -> Self {
        match arg {
            OutputArg::Json => Output::Json,
            OutputArg::Markdown => Output::Markdown,
            OutputArg::Text => Output::Text,
        }
    }
}

/// What to do, decided once from the arguments.
#[derive(Debug)]
pub enum Config {
    /// Clean the given inputs and print them.
    Files(FilesPlan),
    /// Clean a folder.
    Batch(BatchPlan),
    /// Clean a stream of records.
    Stream(StreamPlan),
    /// Print a man page or a completion script.
    Generate(GenerateKind),
}

/// How `--explain` shows a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    /// The table; `color` says whether to colour it.
    Table {
        /// Colour each line by its label (ANSI escapes).
        color: bool,
    },
    /// The HTML page.
    Html,
}

/// Plan for `scrape-clean FILE...`.
#[derive(Debug)]
pub struct FilesPlan {
    /// Inputs; `None` is standard input.
    pub inputs: Vec<Option<PathBuf>>,
    /// Cleaning options.
    pub options: Options,
    /// JSON style; JSON Lines (compact) when there are several inputs.
    pub style: Style,
    /// Print the classifier's view instead of JSON.
    pub explain: Option<Explain>,
    /// JSON, Markdown or text.
    pub output: Output,
}

/// Plan for `scrape-clean batch`.
#[derive(Debug)]
pub struct BatchPlan {
    /// Folder of pages.
    pub dir: PathBuf,
    /// Output folder, or `None` for JSON Lines on stdout.
    pub out: Option<PathBuf>,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Keep outputs that are newer than their inputs.
    pub skip_existing: bool,
    /// Follow symlinked folders.
    pub follow: bool,
    /// Cleaning options.
    pub options: Options,
    /// JSON style of each output file.
    pub style: Style,
    /// JSON, Markdown or text files; with JSON Lines, the field added to each line.
    pub output: Output,
}

/// Plan for `scrape-clean stream`.
#[derive(Debug)]
pub struct StreamPlan {
    /// Inputs in order; `None` is standard input.
    pub inputs: Vec<Option<PathBuf>>,
    /// The input kind, or `None` to tell it from the first bytes.
    pub kind: Option<InputKind>,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Cleaning options (the reference time and the size limit).
    pub options: Options,
    /// The field added to each cleaned record, if any.
    pub output: Output,
}

impl Cli {
    /// Turns parsed arguments into a plan.
    pub fn into_config(self) -> Result<Config> {
        if let Some(kind) = self.generate {
            return Ok(Config::Generate(kind));
        }
        match self.command {
            Some(Command::Batch(b)) => {
                let options = b.common.options()?;
                let style = if b.common.compact || b.jsonl { Style::Compact } else { Style::Pretty };
                Ok(Config::Batch(BatchPlan {
                    dir: b.dir,
                    out: b.out,
                    threads: b.threads.unwrap_or(0),
                    skip_existing: b.skip_existing,
                    follow: b.follow,
                    options,
                    style,
                    output: b.common.output.into(),
                }))
            }
            Some(Command::Stream(s)) => {
                let mut options = Options::new().max_bytes(s.max_bytes);
                if let Some(now) = &s.now {
                    options = options.now(parse_now(now)?);
                }
                let kind = match s.input {
                    InputArg::Auto => None,
                    InputArg::Jsonl => Some(InputKind::Jsonl),
                    InputArg::Warc => Some(InputKind::Warc),
                };
                Ok(Config::Stream(StreamPlan {
                    inputs: stdin_when_none(s.files),
                    kind,
                    threads: s.threads.unwrap_or(0),
                    options,
                    output: s.output.into(),
                }))
            }
            None => {
                let options = self.common.options()?;
                let inputs = stdin_when_none(self.files);
                let style =
                    if self.common.compact || inputs.len() > 1 { Style::Compact } else { Style::Pretty };
                let output = self.common.output.into();
                if self.explain.is_some() && output != Output::Json {
                    bail!("--explain prints the page's blocks, not the article: use it without --output");
                }
                let explain = match self.explain {
                    None => None,
                    Some(ExplainArg::Table) => Some(Explain::Table {
                        color: use_color(
                            self.color,
                            std::env::var_os("NO_COLOR").as_deref(),
                            std::io::stdout().is_terminal(),
                        ),
                    }),
                    Some(ExplainArg::Html) => {
                        if inputs.len() > 1 {
                            bail!(
                                "--explain=html shows one page, and {} were given; \
                                 run it once a page (or use --explain for a table of each)",
                                inputs.len()
                            );
                        }
                        Some(Explain::Html)
                    }
                };
                Ok(Config::Files(FilesPlan { inputs, options, style, explain, output }))
            }
        }
    }
}

impl Common {
    fn options(&self) -> Result<Options> {
        let format = match self.format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Html => InputFormat::Html,
        };
        let mut options = Options::new().format(format).max_bytes(self.max_bytes);
        if let Some(now) = &self.now {
            options = options.now(parse_now(now)?);
        }
        Ok(options)
    }
}

/// Whether to colour: `--color always|never` decide; `auto` colours a
/// terminal unless `NO_COLOR` is set to anything but the empty string
/// (<https://no-color.org>).
fn use_color(choice: ColorArg, no_color: Option<&OsStr>, is_terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => is_terminal && no_color.is_none_or(OsStr::is_empty),
    }
}

/// The inputs named on the command line; `-`, or none at all, is standard input.
fn stdin_when_none(files: Vec<PathBuf>) -> Vec<Option<PathBuf>> {
    let mut inputs: Vec<Option<PathBuf>> =
        files.into_iter().map(|f| (f.as_os_str() != "-").then_some(f)).collect();
    if inputs.is_empty() {
        inputs.push(None);
    }
    inputs
}

/// `--now`: a date-time (`2022-10-03T18:00`) or a date (its midnight).
fn parse_now(now: &str) -> Result<jiff::civil::DateTime> {
    now.trim()
        .parse()
        .or_else(|_| {
            now.trim().parse::<jiff::civil::Date>().map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        })
        .with_context(|| format!("--now {now:?} is not a date-time like 2022-10-03T18:00"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a failing test panics")]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_no_color_then_the_terminal() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        #[rustfmt::skip]
        let rows = [
            // choice,          NO_COLOR, terminal, colour
            (ColorArg::Auto,    None,     true,     true),
            (ColorArg::Auto,    None,     false,    false),
            (ColorArg::Auto,    set,      true,     false),
            (ColorArg::Auto,    empty,    true,     true),
            (ColorArg::Always,  set,      false,    true),
            (ColorArg::Never,   None,     true,     false),
        ];
        for (choice, no_color, terminal, expected) in rows {
            assert_eq!(use_color(choice, no_color, terminal), expected, "{choice:?} {no_color:?} {terminal}");
        }
    }

    #[test]
    fn explain_takes_its_view_only_after_an_equals_sign() {
        let cli = Cli::try_parse_from(["scrape-clean", "--explain", "page.txt"]).unwrap();
        assert_eq!(cli.explain, Some(ExplainArg::Table));
        assert_eq!(cli.files, [PathBuf::from("page.txt")]);
        let cli = Cli::try_parse_from(["scrape-clean", "--explain=html", "page.txt"]).unwrap();
        assert_eq!(cli.explain, Some(ExplainArg::Html));
        let cli = Cli::try_parse_from(["scrape-clean", "--explain=table", "page.txt"]).unwrap();
        assert_eq!(cli.explain, Some(ExplainArg::Table));
        assert!(Cli::try_parse_from(["scrape-clean", "--explain=pdf", "page.txt"]).is_err());
    }
}
