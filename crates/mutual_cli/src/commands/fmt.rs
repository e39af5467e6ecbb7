//! `mutual fmt`: rewrite files in the canonical layout.
//!
//! - Folders are walked for `*.mutual` (honouring `.gitignore` and `.ignore`,
//!   skipping hidden files); a file named on the command line is formatted
//!   whatever its extension. No path means `.`; `-` formats standard input
//!   onto standard output.
//! - `--check` writes nothing and prints the name of each file that would
//!   change; `--diff` writes nothing and prints the change as a unified diff.
//! - A file with syntax errors is never rewritten: its errors are printed as
//!   `path:line:col: message` on standard error.
//! - A rewrite is atomic ([`crate::atomic_write`]) and keeps the file's
//!   permissions; an unchanged file is not touched.
//!
//! Exit codes: 0 all files are canonical (or were rewritten), 1 a file would
//! change (`--check`, `--diff`) or has syntax errors, 2 a path could not be
//! read or written. Every file is processed whatever happened to the others.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mutual_fmt::FormatError;
use mutual_syntax::LineIndex;

use crate::atomic_write::write_atomic;
use crate::cli::FmtArgs;

/// The name standard input goes by in messages.
const STDIN_NAME: &str = "<stdin>";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Check,
    Diff,
}

/// How a run went, worst last: the exit code is the worst outcome seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Clean = 0,
    /// A file would change, or has syntax errors.
    Findings = 1,
    /// A path could not be read or written.
    Broken = 2,
}

pub fn run(args: FmtArgs) -> ExitCode {
    let mode = if args.diff {
        Mode::Diff
    } else if args.check {
        Mode::Check
    } else {
        Mode::Write
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let mut worst = Outcome::Clean;
    for path in &paths {
        let outcome = if path.as_os_str() == "-" {
            format_stdin(mode)
        } else {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let (files, walked) = walk(path);
                    files
                        .iter()
                        .map(|file| format_file(file, mode))
                        .fold(walked, Ord::max)
                }
                Ok(_) => format_file(path, mode),
                Err(err) => {
                    eprintln!("mutual: {}: {}", path.display(), describe(&err));
                    Outcome::Broken
                }
            }
        };
        worst = worst.max(outcome);
    }
    ExitCode::from(worst as u8)
}

/// The `*.mutual` files under `folder`, sorted, and whether the walk went
/// without trouble.
fn walk(folder: &Path) -> (Vec<PathBuf>, Outcome) {
    let mut files = Vec::new();
    let mut outcome = Outcome::Clean;
    for entry in ignore::WalkBuilder::new(folder).require_git(false).build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && entry.path().extension().is_some_and(|e| e == "mutual") {
                    files.push(entry.into_path());
                }
            }
            Err(err) => {
                eprintln!("mutual: {err}");
                outcome = Outcome::Broken;
            }
        }
    }
    files.sort();
    (files, outcome)
}

fn format_file(path: &Path, mode: Mode) -> Outcome {
    let name = display_name(path);
    let text = match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                eprintln!("mutual: {name}: not UTF-8 text; only UTF-8 files can be formatted");
                return Outcome::Broken;
            }
        },
        Err(err) => {
            eprintln!("mutual: {name}: {}", describe(&err));
            return Outcome::Broken;
        }
    };
    let formatted = match format_text(&name, &text) {
        Ok(formatted) => formatted,
        Err(outcome) => return outcome,
    };
    if formatted == text {
        return Outcome::Clean;
    }
    match mode {
        Mode::Check => {
            println!("{name}");
            Outcome::Findings
        }
        Mode::Diff => {
            print_diff(&name, &text, &formatted);
            Outcome::Findings
        }
        Mode::Write => match write_atomic(path, formatted.as_bytes()) {
            Ok(()) => Outcome::Clean,
            Err(err) => {
                eprintln!(
                    "mutual: {name}: could not be rewritten ({}); it was left as it was",
                    describe(&err)
                );
                Outcome::Broken
            }
        },
    }
}

fn format_stdin(mode: Mode) -> Outcome {
    let mut bytes = Vec::new();
    if let Err(err) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("mutual: {STDIN_NAME}: {}", describe(&err));
        return Outcome::Broken;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("mutual: {STDIN_NAME}: not UTF-8 text; only UTF-8 can be formatted");
        return Outcome::Broken;
    };
    let formatted = match format_text(STDIN_NAME, &text) {
        Ok(formatted) => formatted,
        Err(outcome) => return outcome,
    };
    match mode {
        Mode::Write => {
            let mut out = io::stdout().lock();
            if let Err(err) = out
                .write_all(formatted.as_bytes())
                .and_then(|()| out.flush())
            {
                eprintln!(
                    "mutual: could not write the formatted text: {}",
                    describe(&err)
                );
                return Outcome::Broken;
            }
            Outcome::Clean
        }
        _ if formatted == text => Outcome::Clean,
        Mode::Check => {
            println!("{STDIN_NAME}");
            Outcome::Findings
        }
        Mode::Diff => {
            print_diff(STDIN_NAME, &text, &formatted);
            Outcome::Findings
        }
    }
}

/// The formatted text, or the outcome after reporting why there is none.
fn format_text(name: &str, text: &str) -> Result<String, Outcome> {
    match mutual_fmt::format(text) {
        Ok(formatted) => Ok(formatted),
        Err(FormatError::Syntax(errors)) => {
            let index = LineIndex::new(text);
            let mut err = io::stderr().lock();
            for error in &errors {
                let (line, col) = index.line_col(text, error.span.start as usize);
                let _ = writeln!(err, "{name}:{line}:{col}: {}", error.message);
            }
            let _ = writeln!(
                err,
                "mutual: {name}: not formatted: it has syntax errors (see above)"
            );
            Err(Outcome::Findings)
        }
        Err(err @ FormatError::Internal(_)) => {
            eprintln!("mutual: {name}: {err}; the file was left as it was");
            Err(Outcome::Broken)
        }
    }
}

fn print_diff(name: &str, old: &str, new: &str) {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(name, name)
        .to_string();
    let mut out = io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
}

/// A path as the user would write it: without a leading `./`.
fn display_name(path: &Path) -> String {
    path.strip_prefix(".")
        .ok()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// An I/O error in plain words.
fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}
