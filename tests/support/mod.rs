//! Support for the end-to-end tests in `tests/`: the path of the
//! `mutual` binary, temporary projects, and the rule for third-party clients
//! (skipped loudly when missing, a failure under `CI=true`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `mutual` binary of this build: cargo builds it before it runs these
/// tests, so it is never stale.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mutual"))
}

/// A `mutual` command with a clean environment for reproducible output.
pub fn mutual() -> Command {
    let mut cmd = Command::new(binary());
    cmd.env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd
}

/// Runs `mutual` with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    mutual()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("mutual runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary folder with the given files (`(relative path, contents)`).
pub fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (path, contents) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&full, contents).expect("file");
    }
    dir
}

/// Whether a third-party client (`program` on the PATH) is available. When it
/// is not, the test is skipped with a loud message, except under `CI=true`,
/// where a missing client is a failure: CI installs every client.
pub fn require_client(program: &str) -> bool {
    let found = which(program).is_some();
    if !found {
        let msg = format!(
            "`{program}` is not installed: this test needs it (CI installs it via .ci/run)"
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{msg}");
        }
        eprintln!("\n!!!! SKIPPED: {msg}\n");
    }
    found
}

/// The full path of `program` on the PATH.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}
