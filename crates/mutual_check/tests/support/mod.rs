//! Shared helpers for the checker's tests: multi-file projects written to a
//! temporary folder, a fixed date, and a plain rendering of diagnostics.
#![allow(dead_code)]

use std::path::Path;

use mutual_check::{check_text, CalendarDate, DiskLoader, FileReport, Options};

/// The date every test runs on.
pub fn today() -> CalendarDate {
    CalendarDate::new(2026, 11, 23).expect("valid date")
}

pub fn options() -> Options {
    Options {
        today: today(),
        ..Options::default()
    }
}

/// Splits a block into files at lines `# file: NAME`; text before the first
/// such line (or the whole block) is `main.mutual`.
pub fn split_files(block: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if let Some(name) = line.trim().strip_prefix("# file:") {
            files.push((name.trim().to_string(), String::new()));
            continue;
        }
        if files.is_empty() {
            files.push(("main.mutual".to_string(), String::new()));
        }
        if let Some((_, text)) = files.last_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    files
}

/// Writes the files into a temporary folder and checks the first one.
pub fn check_files(
    files: &[(String, String)],
    options: &Options,
) -> (tempfile::TempDir, FileReport) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, text).expect("write");
    }
    let (name, text) = &files[0];
    let path = dir.path().join(name);
    let report = check_text(&path, text.as_str(), dir.path(), &DiskLoader, options);
    (dir, report)
}

/// Checks a block (possibly several files) with the default test options.
pub fn check_block(block: &str) -> FileReport {
    check_files(&split_files(block), &options()).1
}

/// `line:col: level[rule] message`, one per line, paths left out.
pub fn render(report: &FileReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let (line, col) = d.source.line_col(d.span.start as usize);
        out.push_str(&format!(
            "{line}:{col}: {}[{}] {}\n",
            d.severity.as_str(),
            d.rule.name,
            d.message
        ));
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        for r in &d.related {
            let (l, c) = r.source.line_col(r.span.start as usize);
            let file = r
                .source
                .path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or("");
            out.push_str(&format!("  related {file}:{l}:{c}: {}\n", r.message));
        }
        if let Some(fix) = &d.fix {
            out.push_str(&format!("  fix: {}\n", fix.title));
        }
    }
    for a in &report.agreements {
        out.push_str(&format!("verdict {:?}: {}\n", a.title, a.verdict));
    }
    out
}

/// The rule names reported, in order.
pub fn rules_of(report: &FileReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.rule.name).collect()
}

pub fn workspace_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}
