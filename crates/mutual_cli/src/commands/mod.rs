//! One module per subcommand.

mod check;
mod explain;
mod fmt;
mod init;
mod lsp;
mod rules;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Init(args) => init::run(args),
        Command::Lsp(args) => lsp::run(args),
    }
}
