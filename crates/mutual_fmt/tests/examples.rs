//! Every example agreement of the repository formats without losing a word,
//! and is already in the canonical layout.

mod support;

use std::path::{Path, PathBuf};

fn example_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("examples folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "mutual") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 10, "the examples were not found");
    files
}

#[test]
fn examples_keep_their_meaning_and_are_idempotent() {
    for path in example_files() {
        let text = std::fs::read_to_string(&path).expect("example");
        support::check_formatting(&text);
    }
}

#[test]
fn examples_are_canonical() {
    for path in example_files() {
        let text = std::fs::read_to_string(&path).expect("example");
        let formatted = mutual_fmt::format(&text).expect("formats");
        assert!(
            formatted == text,
            "{} is not in the canonical layout:\n{formatted}",
            path.display()
        );
    }
}

#[test]
fn examples_in_crlf_with_a_bom_stay_crlf_with_a_bom() {
    for path in example_files() {
        let text = std::fs::read_to_string(&path).expect("example");
        let crlf = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
        let formatted = support::check_formatting(&crlf);
        assert_eq!(formatted, crlf, "{}", path.display());
    }
}
