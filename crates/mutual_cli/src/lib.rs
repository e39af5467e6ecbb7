//! The `mutual` command line: one binary for CI, the editor and pre-commit
//! hooks. The binary itself (`src/main.rs` at the repository root) only
//! calls [`main`].
//!
//! Exit codes: 0 nothing at or above the fail level, 1 something at or above
//! it (or, for `fmt --check`, a file that would change), 2 the tool could not
//! do its job.

// The command line is the one crate that writes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod atomic_write;
mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    commands::run(cli)
}
