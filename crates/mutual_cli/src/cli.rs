//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "mutual",
    version,
    about = "Checks partnership agreements written in the Mutual language"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and folders of agreements (default: the current folder).
    Check(CheckArgs),
    /// Rewrite files in the canonical layout.
    Fmt(FmtArgs),
    /// Write a commented starter agreement and a `mutual.toml` here.
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files and folders to format; `-` reads standard input and writes standard output.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 and name the files that would change.
    #[arg(long)]
    pub check: bool,
    /// Print the change as a unified diff instead of writing it.
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {}
