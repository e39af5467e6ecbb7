//! Every example file in `examples/` (when there are any) parses without a
//! single syntax error, except a file whose opening comment says that it
//! holds deliberate syntax errors: that one must give at least one.

mod support;

use std::path::Path;

use support::{check_invariants, mutual_files, render_errors};

/// The `#` lines a file opens with.
fn header(text: &str) -> String {
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .take_while(|l| l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
}

fn expects_syntax_errors(text: &str) -> bool {
    let header = header(text);
    header.contains("deliberate syntax error") || header.contains("syntax errors on purpose")
}

#[test]
fn examples_parse_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let files = mutual_files(&dir);
    if files.is_empty() {
        eprintln!("skipped: no examples in {}", dir.display());
        return;
    }
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("an example is UTF-8");
        let parse = mutual_syntax::parse(&text);
        if let Err(problems) = check_invariants(&text, &parse) {
            failures.push(format!("{}: {problems}", path.display()));
        }
        match (expects_syntax_errors(&text), parse.errors.is_empty()) {
            (false, false) => failures.push(format!(
                "{}: unexpected syntax errors:\n{}",
                path.display(),
                render_errors(&text, &parse.errors)
            )),
            (true, true) => failures.push(format!(
                "{}: its header promises syntax errors, but it has none",
                path.display()
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn headers_are_read() {
    assert!(expects_syntax_errors(
        "# Deliberate syntax errors, for the parser.\nagreement"
    ));
    // The mistakes example has deliberate mistakes, but in valid syntax.
    assert!(!expects_syntax_errors(
        "# Deliberate mistakes, for testing the checker. The text follows the grammar.\n"
    ));
    assert!(!expects_syntax_errors(
        "agreement \"A\" {\n}\n# deliberate syntax errors\n"
    ));
}
