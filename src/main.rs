//! The `scrape-clean` command: parse the arguments, run, exit.

mod cli;

use clap::Parser;

use cli::args::{Cli, Config};
use cli::report::{self, ExitCode};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    report::install_panic_hook();
    let code = match cli.into_config().and_then(|config| match config {
        Config::Files(plan) => cli::files::run(&plan),
        Config::Batch(plan) => cli::batch::run(&plan),
        Config::Stream(plan) => cli::stream::run(&plan),
        Config::Generate(kind) => cli::generate::run(kind),
    }) {
        Ok(code) => code,
        Err(err) => {
            report::fatal(&err);
            ExitCode::Fatal
        }
    };
    code.into()
}
