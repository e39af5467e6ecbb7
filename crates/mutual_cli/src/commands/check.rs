//! `mutual check`.

use std::process::ExitCode;

use crate::cli::CheckArgs;

pub fn run(_args: CheckArgs) -> ExitCode {
    eprintln!("mutual: `check` is not available yet");
    ExitCode::from(2)
}
