//! `mutual fmt`.

use std::process::ExitCode;

use crate::cli::FmtArgs;

pub fn run(_args: FmtArgs) -> ExitCode {
    eprintln!("mutual: `fmt` is not available yet");
    ExitCode::from(2)
}
