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
    /// Show a rule's documentation: what it checks, why, examples, the fix.
    Explain(ExplainArgs),
    /// List every rule with its group and default level.
    Rules(RulesArgs),
    /// Rewrite files in the canonical layout.
    Fmt(FmtArgs),
    /// Write a commented starter agreement and a `mutual.toml` here.
    Init(InitArgs),
    /// Run the language server on standard input and output.
    Lsp(LspArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (default: the current folder); `-` reads
    /// standard input. Folders are walked for `*.mutual`, honouring
    /// `.gitignore` and the `exclude` globs of `mutual.toml`; a file named
    /// here is checked whatever its name.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to print the diagnostics.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Write the output to this file (replaced whole, or left untouched when
    /// the run fails) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The least serious level that makes the run fail (exit code 1).
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Only these rules (comma-separated; syntax errors are always reported).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Not these rules (comma-separated).
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// The date the check runs, for reproducible results (wins over
    /// `[check] today` in `mutual.toml`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<mutual_check::CalendarDate>,
    /// Use this `mutual.toml` for every file instead of looking for one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no `mutual.toml` at all.
    #[arg(long)]
    pub no_config: bool,
    /// After the output, the number of diagnostics per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Only the diagnostics: no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// The name standard input goes by: in the output, and to find
    /// `mutual.toml` and resolve imports. Implies `-` when no path is given.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

/// `--format` of `mutual check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// The source with the problem underlined, and a summary.
    Human,
    /// `path:line:col: level[rule] message`, one per line.
    Short,
    /// A documented JSON schema (docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML.
    Junit,
}

/// `--fail-on` of `mutual check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

fn parse_date(text: &str) -> Result<mutual_check::CalendarDate, String> {
    mutual_check::CalendarDate::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's name, as in the diagnostics (for example `no-benefit`).
    #[arg(value_name = "RULE")]
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A table for people, or JSON.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
    /// Write the rule pages (`<rule>.md` and `README.md`) into this folder
    /// instead of listing the rules.
    #[arg(long, value_name = "DIR", hide = true)]
    pub write_docs: Option<PathBuf>,
}

/// `--format` of `mutual rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
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

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted because editors pass it; the server always speaks over stdio.
    #[arg(long)]
    pub stdio: bool,
}
