//! Every example agreement in the workspace's `examples/` folder gets the
//! verdicts its header comment states: one line `# verdict: <word>` per
//! agreement, in order.

mod support;

use std::path::{Path, PathBuf};

use mutual_check::{check_text, DiskLoader, FileReport};

fn examples_dir() -> PathBuf {
    support::workspace_root().join("examples")
}

/// The `*.mutual` files directly in `examples/` (not the shared
/// definitions in its subfolders), sorted.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("the examples folder")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "mutual"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples found");
    files
}

/// The verdicts stated in the file's opening comment.
fn stated_verdicts(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .take_while(|l| l.is_empty() || l.starts_with('#'))
        .filter_map(|l| l.strip_prefix('#')?.trim().strip_prefix("verdict:"))
        .map(|v| v.trim().to_string())
        .collect()
}

fn check(path: &Path) -> (String, FileReport) {
    let text = std::fs::read_to_string(path).expect("example");
    let report = check_text(
        path,
        text.as_str(),
        &examples_dir(),
        &DiskLoader,
        &support::options(),
    );
    (text, report)
}

#[test]
fn examples_get_the_verdicts_they_state() {
    let mut failures = String::new();
    for path in example_files() {
        let (text, report) = check(&path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let stated = stated_verdicts(&text);
        assert!(
            !stated.is_empty(),
            "{name}: its header comment states no `# verdict:`"
        );
        let got: Vec<String> = report
            .agreements
            .iter()
            .map(|a| a.verdict.as_str().to_string())
            .collect();
        if got != stated {
            failures.push_str(&format!(
                "{name}: states {stated:?}, got {got:?}\n{}\n",
                support::render(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn partnership_examples_have_nothing_left_to_say() {
    // The examples README: the partnership examples pass with no
    // diagnostics (checked on 2026-11-23), apart from what they waive.
    let mut failures = String::new();
    for path in example_files() {
        let (text, report) = check(&path);
        if stated_verdicts(&text).iter().any(|v| v != "partnership") {
            continue;
        }
        if !report.diagnostics.is_empty() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            failures.push_str(&format!("{name}:\n{}\n", support::render(&report)));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn stated_verdicts_are_read_from_the_header_only() {
    let text = "# An example.\n# verdict: donation\n\n# verdict: service\nagreement \"A\" {\n}\n# verdict: partnership\n";
    assert_eq!(stated_verdicts(text), ["donation", "service"]);
}
