//! End-to-end tests of `mutual fmt` and `mutual init`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

mod support;

use support::{mutual, project, root, run_in, stderr, stdout};

const MESSY: &str =
    "agreement   \"Workshops\"{status draft   # not signed yet\n\n\n\n purpose \"Teach\"}";
const TIDY: &str =
    "agreement \"Workshops\" {\n  status draft   # not signed yet\n\n  purpose \"Teach\"\n}\n";
const BROKEN: &str = "agreement \"Workshops\" {\n  status maybe\n   purpose   \"Teach\"\n}\n";

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).expect("file")
}

/// Runs `mutual` with `stdin` as standard input.
fn run_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = mutual()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mutual starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child.wait_with_output().expect("mutual runs")
}

#[test]
fn check_passes_on_the_examples() {
    let out = run_in(&root(), &["fmt", "--check", "examples"]);
    assert_eq!(
        code(&out),
        0,
        "stdout:\n{}\nstderr:\n{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn formats_files_in_place_and_walks_folders() {
    let dir = project(&[
        ("a.mutual", MESSY),
        ("sub/b.mutual", MESSY),
        ("sub/notes.txt", MESSY),
        ("ignored/c.mutual", MESSY),
        (".gitignore", "ignored/\n"),
    ]);
    let out = run_in(dir.path(), &["fmt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(read(dir.path(), "a.mutual"), TIDY);
    assert_eq!(read(dir.path(), "sub/b.mutual"), TIDY);
    assert_eq!(
        read(dir.path(), "sub/notes.txt"),
        MESSY,
        "not a .mutual file"
    );
    assert_eq!(
        read(dir.path(), "ignored/c.mutual"),
        MESSY,
        ".gitignore is honoured"
    );
    // A file named on the command line is formatted whatever its name.
    let out = run_in(dir.path(), &["fmt", "sub/notes.txt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(read(dir.path(), "sub/notes.txt"), TIDY);
}

#[test]
fn check_names_files_that_would_change_and_changes_nothing() {
    let dir = project(&[("messy.mutual", MESSY), ("tidy.mutual", TIDY)]);
    let out = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "messy.mutual\n");
    assert_eq!(read(dir.path(), "messy.mutual"), MESSY);
    assert_eq!(read(dir.path(), "tidy.mutual"), TIDY);

    let out = run_in(dir.path(), &["fmt", "--check", "tidy.mutual"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "");
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = project(&[("messy.mutual", MESSY)]);
    let out = run_in(dir.path(), &["fmt", "--diff", "messy.mutual"]);
    assert_eq!(code(&out), 1);
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- messy.mutual\n+++ messy.mutual\n@@ "),
        "{diff}"
    );
    assert!(
        diff.contains("\n+  status draft   # not signed yet\n"),
        "{diff}"
    );
    assert!(
        diff.contains("\n-agreement   \"Workshops\"{status draft"),
        "{diff}"
    );
    assert_eq!(read(dir.path(), "messy.mutual"), MESSY);

    let tidy = project(&[("tidy.mutual", TIDY)]);
    let out = run_in(tidy.path(), &["fmt", "--diff"]);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, ""));
}

#[test]
fn stdin_is_formatted_to_stdout() {
    let dir = project(&[]);
    let out = run_with_stdin(dir.path(), &["fmt", "-"], MESSY);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), TIDY);

    let crlf = format!("\u{FEFF}{}", MESSY.replace('\n', "\r\n"));
    let out = run_with_stdin(dir.path(), &["fmt", "-"], &crlf);
    assert_eq!(
        stdout(&out),
        format!("\u{FEFF}{}", TIDY.replace('\n', "\r\n"))
    );

    let out = run_with_stdin(dir.path(), &["fmt", "--check", "-"], MESSY);
    assert_eq!((code(&out), stdout(&out).as_str()), (1, "<stdin>\n"));
    let out = run_with_stdin(dir.path(), &["fmt", "--check", "-"], TIDY);
    assert_eq!((code(&out), stdout(&out).as_str()), (0, ""));

    let out = run_with_stdin(dir.path(), &["fmt", "-"], BROKEN);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        "",
        "nothing is printed for a file that cannot be read"
    );
    assert!(
        stderr(&out).starts_with("<stdin>:2:10: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_with_syntax_errors_is_left_byte_for_byte() {
    let dir = project(&[("broken.mutual", BROKEN), ("messy.mutual", MESSY)]);
    let before = fs::read(dir.path().join("broken.mutual")).expect("file");
    let out = run_in(dir.path(), &["fmt"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        fs::read(dir.path().join("broken.mutual")).expect("file"),
        before
    );
    let err = stderr(&out);
    assert!(err.starts_with("broken.mutual:2:10: "), "{err}");
    assert!(
        err.contains("mutual: broken.mutual: not formatted"),
        "{err}"
    );
    // The other file is still formatted.
    assert_eq!(read(dir.path(), "messy.mutual"), TIDY);
}

#[test]
fn missing_and_unreadable_files_are_named_and_the_rest_is_done() {
    let dir = project(&[("messy.mutual", MESSY)]);
    fs::write(
        dir.path().join("latin1.mutual"),
        b"agreement \"Caf\xe9\" {}\n",
    )
    .expect("file");
    let out = run_in(
        dir.path(),
        &["fmt", "missing.mutual", "latin1.mutual", "messy.mutual"],
    );
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].contains("missing.mutual") && lines[0].contains("no such file"),
        "{err}"
    );
    assert!(
        lines[1].contains("latin1.mutual") && lines[1].contains("UTF-8"),
        "{err}"
    );
    assert_eq!(read(dir.path(), "messy.mutual"), TIDY);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_after_a_rewrite() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("messy.mutual", MESSY)]);
    let path = dir.path().join("messy.mutual");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    let out = run_in(dir.path(), &["fmt", "messy.mutual"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(read(dir.path(), "messy.mutual"), TIDY);
    let mode = fs::metadata(&path).expect("metadata").permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    let names: Vec<_> = fs::read_dir(dir.path()).expect("folder").collect();
    assert_eq!(names.len(), 1, "a temporary file was left behind");
}

#[test]
fn an_unchanged_file_is_not_written() {
    let dir = project(&[("tidy.mutual", TIDY)]);
    let path = dir.path().join("tidy.mutual");
    let before = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = run_in(dir.path(), &["fmt"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_the_original_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("locked/messy.mutual", MESSY)]);
    let locked = dir.path().join("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root (and some file systems) ignore permissions: nothing to test then.
    let probe = locked.join("probe");
    if fs::write(&probe, "").is_ok() {
        let _ = fs::remove_file(&probe);
        let _ = fs::set_permissions(&locked, fs::Permissions::from_mode(0o755));
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let out = run_in(dir.path(), &["fmt", "locked"]);
    let _ = fs::set_permissions(&locked, fs::Permissions::from_mode(0o755));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("messy.mutual"), "{}", stderr(&out));
    assert_eq!(read(&locked, "messy.mutual"), MESSY);
    let names: Vec<_> = fs::read_dir(&locked).expect("folder").collect();
    assert_eq!(names.len(), 1, "a temporary file was left behind");
}

#[test]
fn crlf_and_bom_survive_a_rewrite() {
    let messy = format!("\u{FEFF}{}", MESSY.replace('\n', "\r\n"));
    let dir = project(&[("crlf.mutual", &messy)]);
    let out = run_in(dir.path(), &["fmt"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        read(dir.path(), "crlf.mutual"),
        format!("\u{FEFF}{}", TIDY.replace('\n', "\r\n"))
    );
}

#[test]
fn init_writes_a_starter_project_and_refuses_to_overwrite() {
    let dir = project(&[]);
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let agreement = read(dir.path(), "agreement.mutual");
    let config = read(dir.path(), "mutual.toml");
    assert!(
        agreement.starts_with("# "),
        "the starter explains itself:\n{agreement}"
    );
    assert!(agreement.contains("agreement \""));
    for section in [
        "[rules]",
        "[check]",
        "[vocabulary]",
        "# today = ",
        "expires-soon-days = 60",
        "exclude = []",
    ] {
        assert!(config.contains(section), "{section} is missing:\n{config}");
    }
    // The starter is already in the canonical layout.
    let out = run_in(dir.path(), &["fmt", "--check"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));

    // A second run changes nothing and says why.
    fs::write(dir.path().join("agreement.mutual"), "# mine\n").expect("file");
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("agreement.mutual"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(dir.path(), "agreement.mutual"), "# mine\n");
    assert_eq!(read(dir.path(), "mutual.toml"), config);
}

#[test]
fn init_writes_neither_file_when_the_config_exists() {
    let dir = project(&[("mutual.toml", "# mine\n")]);
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("mutual.toml"), "{}", stderr(&out));
    assert!(!dir.path().join("agreement.mutual").exists());
    assert_eq!(read(dir.path(), "mutual.toml"), "# mine\n");
}
