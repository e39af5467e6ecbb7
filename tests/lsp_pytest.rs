//! `mutual lsp` under pytest-lsp, impersonating VS Code and Emacs
//! (`tests/lsp/pytest/`): diagnostics, incremental edits, hover, definition,
//! rename, completion, formatting and code actions.

use std::process::Command;

mod support;

use support::{binary, require_client, root, which};

#[test]
fn pytest_lsp_suite_passes_as_vscode_and_emacs() {
    if !require_client("pytest") {
        return;
    }
    let pytest = which("pytest").expect("pytest is on the PATH");
    let folder = root().join("tests/lsp/pytest");
    let out = Command::new(pytest)
        .args(["-q", "-p", "no:cacheprovider", "-rA"])
        .current_dir(&folder)
        .env("MUTUAL_BIN", binary())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("pytest runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Exit code 5 means pytest collected no test: that is a failure too.
    assert_eq!(
        out.status.code(),
        Some(0),
        "pytest-lsp failed (exit code 5 = no tests collected)\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(
        stdout.contains("[visual-studio-code]") && stdout.contains("[emacs]"),
        "both clients ran:\n{stdout}"
    );
}
