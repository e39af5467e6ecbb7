//! `mutual init`.

use std::process::ExitCode;

use crate::cli::InitArgs;

pub fn run(_args: InitArgs) -> ExitCode {
    eprintln!("mutual: `init` is not available yet");
    ExitCode::from(2)
}
