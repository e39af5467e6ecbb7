//! `mutual lsp`: the language server on standard input and output.

use std::process::ExitCode;

use crate::cli::LspArgs;

pub fn run(_args: LspArgs) -> ExitCode {
    match mutual_lsp::run_stdio() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("mutual lsp: {err}");
            ExitCode::from(1)
        }
    }
}
