//! End-to-end tests of `mutual check`: exit codes, file discovery,
//! configuration, `--output`, determinism, and every machine format read by
//! the real tool that consumes it (SARIF and our JSON schema by
//! check-jsonschema, JUnit by junitparser).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod support;

use serde_json::Value;
use support::{mutual, project, require_client, root, run_in, stderr, stdout, which};

/// Every side invests and gains and pursues the shared goal: clean for
/// `--select no-benefit,no-goal`.
const GOOD: &str = r#"agreement "Workshops" {
  goal g "Shared goal"
  party a "Library" {
    pursues g
    invests venue "A room"
    gains visitors "People"
  }
  party b "Chapter" {
    pursues g
    invests time "Trainers"
    gains members "Editors"
  }
}
"#;

/// The chapter pursues no goal: a `no-goal` warning.
const WARN: &str = r#"agreement "Workshops" {
  goal g "Shared goal"
  party a "Library" {
    pursues g
    invests venue "A room"
    gains visitors "People"
  }
  party b "Chapter" {
    invests time "Trainers"
    gains members "Editors"
  }
}
"#;

/// The chapter gains nothing: a `no-benefit` error.
const ERR: &str = r#"agreement "Workshops" {
  goal g "Shared goal"
  party a "Library" {
    pursues g
    invests venue "A room"
    gains visitors "People"
  }
  party b "Chapter" {
    pursues g
    invests time "Trainers"
  }
}
"#;

/// Only the rules the fixtures above are about, so that rules added later
/// do not change these tests.
const SELECT: &str = "--select=no-benefit,no-goal";

/// A fixed date, so that date rules do not depend on the clock.
const TODAY: &str = "--today=2026-12-01";

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn show(out: &Output) -> String {
    format!(
        "exit code {}\n--- stdout\n{}\n--- stderr\n{}",
        code(out),
        stdout(out),
        stderr(out)
    )
}

/// Runs `mutual` in `dir` with `stdin` as standard input.
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

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", show(out)))
}

/// Every diagnostic of a JSON report.
fn diagnostics(report: &Value) -> Vec<Value> {
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// A third-party program: on the PATH, or where `.ci/run` installs it for
/// local runs (`~/.cache/mutual-ci/venv/bin`). `None` (after a loud skip, or
/// a failure under CI) when it is missing.
fn client(program: &str) -> Option<PathBuf> {
    if let Some(found) = which(program) {
        return Some(found);
    }
    let local = std::env::var_os("HOME")
        .map(PathBuf::from)?
        .join(".cache/mutual-ci/venv/bin")
        .join(program);
    if local.is_file() {
        return Some(local);
    }
    require_client(program);
    None
}

/// The official SARIF 2.1.0 schema: `$MUTUAL_SARIF_SCHEMA` (set by
/// `.ci/run`), else the copy `.ci/run` leaves under `~/.cache/mutual-ci`.
fn sarif_schema() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MUTUAL_SARIF_SCHEMA").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let base = std::env::var_os("HOME")
        .map(PathBuf::from)?
        .join(".cache/mutual-ci/node/node_modules/@microsoft/jest-sarif");
    let found = find_file(&base, &|name| {
        name.starts_with("sarif-") && name.contains("2.1.0") && name.ends_with(".json")
    });
    if found.is_none() {
        let msg = "the SARIF 2.1.0 schema is missing: set MUTUAL_SARIF_SCHEMA (CI installs it via .ci/run)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{msg}");
        }
        eprintln!("\n!!!! SKIPPED: {msg}\n");
    }
    found
}

fn find_file(dir: &Path, wanted: &dyn Fn(&str) -> bool) -> Option<PathBuf> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if let Some(found) = find_file(&path, wanted) {
                return Some(found);
            }
        } else if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(wanted)
        {
            return Some(path);
        }
    }
    None
}

/// Validates a document with check-jsonschema. The schema's regular
/// expressions are read as ECMAScript without the `u` flag (JSON Schema's
/// dialect): the official SARIF schema has a pattern with a lone `]`, which
/// only that mode accepts.
fn validate(checker: &Path, schema: &Path, document: &Path) {
    let out = run_checker(checker, schema, document);
    assert!(
        out.status.success(),
        "{} does not validate against {}:\n{}\n{}",
        document.display(),
        schema.display(),
        stdout(&out),
        stderr(&out)
    );
}

fn run_checker(checker: &Path, schema: &Path, document: &Path) -> Output {
    Command::new(checker)
        .args(["--regex-variant", "nonunicode"])
        .arg("--schemafile")
        .arg(schema)
        .arg(document)
        .output()
        .expect("check-jsonschema runs")
}

/// A project with many diagnostics of many rules: the bundled examples
/// (with their imports), plus files with syntax errors, Hebrew and emoji.
fn busy_project() -> tempfile::TempDir {
    let dir = project(&[
        ("good.mutual", GOOD),
        ("warn.mutual", WARN),
        ("err.mutual", ERR),
        (
            "hebrew.mutual",
            "agreement \"שיתוף 🎉\" {\n  party א \"ספרייה 🎉\" {\n    invests tme \"🎉 זמן\"\n  }\n  party b \"🎉\" { gains x \"y\" from nobody }\n}\n",
        ),
        ("broken.mutual", "agreement \"Half {\n  party\n"),
    ]);
    copy_dir(&root().join("examples"), &dir.path().join("examples"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("examples").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_code_0_when_clean() {
    let dir = project(&[("a.mutual", GOOD)]);
    let out = run_in(dir.path(), &["check", SELECT]);
    assert_eq!(code(&out), 0, "{}", show(&out));
    assert!(
        stdout(&out).contains("1 file checked: no problems found"),
        "{}",
        show(&out)
    );
}

#[test]
fn exit_code_0_with_warnings_only() {
    let dir = project(&[("a.mutual", WARN)]);
    let out = run_in(dir.path(), &["check", SELECT, "--format=short"]);
    assert_eq!(code(&out), 0, "{}", show(&out));
    assert!(
        stdout(&out).contains("a.mutual:8:9: warning[no-goal]"),
        "{}",
        show(&out)
    );
}

#[test]
fn exit_code_1_with_errors() {
    let dir = project(&[("a.mutual", ERR)]);
    let out = run_in(dir.path(), &["check", SELECT, "--format=short"]);
    assert_eq!(code(&out), 1, "{}", show(&out));
    assert!(
        stdout(&out).contains("a.mutual:8:9: error[no-benefit]"),
        "{}",
        show(&out)
    );
}

#[test]
fn fail_on_warning_and_never() {
    let dir = project(&[("warn.mutual", WARN), ("err.mutual", ERR)]);
    let warn = run_in(
        dir.path(),
        &["check", SELECT, "--fail-on", "warning", "warn.mutual"],
    );
    assert_eq!(code(&warn), 1, "{}", show(&warn));
    let info = run_in(
        dir.path(),
        &["check", SELECT, "--fail-on=info", "warn.mutual"],
    );
    assert_eq!(code(&info), 1, "{}", show(&info));
    let never = run_in(dir.path(), &["check", SELECT, "--fail-on", "never"]);
    assert_eq!(code(&never), 0, "{}", show(&never));
    assert!(
        stdout(&never).contains("error[no-benefit]"),
        "{}",
        show(&never)
    );
}

#[test]
fn exit_code_2_for_a_missing_path_other_paths_still_checked() {
    let dir = project(&[("err.mutual", ERR)]);
    let out = run_in(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=short",
            "nope.mutual",
            "err.mutual",
        ],
    );
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(
        stderr(&out).trim(),
        "mutual: nope.mutual: no such file or folder"
    );
    assert!(
        stdout(&out).contains("err.mutual:8:9: error[no-benefit]"),
        "{}",
        show(&out)
    );
}

#[cfg(unix)]
#[test]
fn exit_code_2_for_an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("locked.mutual", GOOD), ("err.mutual", ERR)]);
    let locked = dir.path().join("locked.mutual");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let args = ["check", SELECT, "--format=short"];
    let out = if fs::read(&locked).is_err() {
        run_in(dir.path(), &args)
    } else {
        // Root reads anything: run as `nobody` instead, where that can be done.
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        let as_nobody = which("setpriv").and_then(|setpriv| {
            Command::new(setpriv)
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(support::binary())
                .args(args)
                .env("NO_COLOR", "1")
                .current_dir(dir.path())
                .output()
                .ok()
                .filter(|out| matches!(code(out), 0..=2))
        });
        match as_nobody {
            Some(out) => out,
            None => {
                eprintln!("\n!!!! SKIPPED: running as root without a way to drop privileges\n");
                return;
            }
        }
    };
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(
        stderr(&out).trim(),
        "mutual: locked.mutual: permission denied"
    );
    assert!(stdout(&out).contains("error[no-benefit]"), "{}", show(&out));
}

#[test]
fn exit_code_2_for_a_file_that_is_not_utf8() {
    let dir = project(&[("err.mutual", ERR)]);
    fs::write(
        dir.path().join("latin1.mutual"),
        b"agreement \"Caf\xe9\" {}\n",
    )
    .expect("file");
    let out = run_in(dir.path(), &["check", SELECT, "--format=short"]);
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(stderr(&out).trim(), "mutual: latin1.mutual: not UTF-8 text");
    assert!(stdout(&out).contains("err.mutual:8:9"), "{}", show(&out));
}

#[test]
fn exit_code_2_for_a_bad_flag_with_one_reason() {
    let dir = project(&[("a.mutual", GOOD)]);
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--fail-on", "sometimes"],
        &["check", "--today", "2026-02-30"],
        &["check", "--no-such-flag"],
        &["check", "--config", "x.toml", "--no-config"],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(code(&out), 2, "{args:?}\n{}", show(&out));
        assert!(stdout(&out).is_empty(), "{args:?}\n{}", show(&out));
        assert!(
            stderr(&out).starts_with("error:"),
            "{args:?}\n{}",
            show(&out)
        );
    }
}

#[test]
fn unknown_rules_in_select_and_ignore_exit_2_with_a_suggestion() {
    let dir = project(&[("a.mutual", GOOD)]);
    let out = run_in(dir.path(), &["check", "--ignore", "no-goal,no-benfit"]);
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(
        stderr(&out).trim(),
        "mutual: there is no rule `no-benfit`: did you mean `no-benefit`?"
    );
    let out = run_in(dir.path(), &["check", "--select", "zzz"]);
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert!(
        stderr(&out).contains("`mutual rules` lists every rule"),
        "{}",
        show(&out)
    );
}

#[test]
fn exit_code_2_for_a_broken_config_with_its_one_line_error() {
    let dir = project(&[
        ("mutual.toml", "[rules]\nno-benefit = \"loud\"\n"),
        ("a.mutual", ERR),
        ("other/mutual.toml", "[rules]\n"),
        ("other/b.mutual", ERR),
    ]);
    let out = run_in(dir.path(), &["check", SELECT, "--format=short"]);
    assert_eq!(code(&out), 2, "{}", show(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{}", show(&out));
    assert!(err.contains("mutual.toml:2:"), "{}", show(&out));
    assert!(err.contains("no-benefit"), "{}", show(&out));
    // Files under another mutual.toml are still checked.
    assert!(
        stdout(&out).contains("other/b.mutual:8:9: error[no-benefit]"),
        "{}",
        show(&out)
    );
    assert!(!stdout(&out).contains("a.mutual:8:9"), "{}", show(&out));
}

#[test]
fn a_broken_config_given_with_config_exits_2() {
    let dir = project(&[("bad.toml", "[rules\n"), ("a.mutual", GOOD)]);
    let out = run_in(dir.path(), &["check", "--config", "bad.toml"]);
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", show(&out));
    assert!(
        stderr(&out).starts_with("mutual: bad.toml:1:"),
        "{}",
        show(&out)
    );
}

// ------------------------------------------------------------------ --output

#[test]
fn output_is_written_whole_or_not_at_all() {
    let dir = project(&[("err.mutual", ERR)]);
    let out = run_in(
        dir.path(),
        &["check", SELECT, "--format=json", "--output", "report.json"],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    assert!(stdout(&out).is_empty(), "{}", show(&out));
    let text = fs::read_to_string(dir.path().join("report.json")).expect("report written");
    let report: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(report["summary"]["error"], 1);

    // A run that fails with exit code 2 leaves no file behind.
    let out = run_in(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=sarif",
            "--output",
            "new.sarif",
            "err.mutual",
            "missing",
        ],
    );
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert!(!dir.path().join("new.sarif").exists(), "{}", show(&out));
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".mutual-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // ... and an existing file as it was.
    let out = run_in(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=json",
            "--output",
            "report.json",
            "missing",
        ],
    );
    assert_eq!(code(&out), 2, "{}", show(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("report.json")).expect("report"),
        text
    );
}

// ------------------------------------------------------------ file discovery

#[test]
fn gitignore_and_exclude_are_honoured_but_named_files_always_checked() {
    let dir = project(&[
        (".gitignore", "ignored/\n"),
        (
            "mutual.toml",
            "[check]\nexclude = [\"drafts/**\", \"*.old.mutual\"]\n",
        ),
        ("a.mutual", ERR),
        ("ignored/b.mutual", ERR),
        ("drafts/c.mutual", ERR),
        ("sub/d.old.mutual", ERR),
        ("sub/e.mutual", ERR),
        ("notes.txt", ERR),
    ]);
    let out = run_in(dir.path(), &["check", SELECT, "--format=short"]);
    assert_eq!(code(&out), 1, "{}", show(&out));
    let text = stdout(&out);
    let files: Vec<&str> = text.lines().filter_map(|l| l.split(':').next()).collect();
    assert_eq!(files, ["a.mutual", "sub/e.mutual"], "{}", show(&out));

    // Named on the command line: checked whatever its name or folder.
    let out = run_in(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=short",
            "drafts/c.mutual",
            "notes.txt",
            "ignored/b.mutual",
        ],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    for name in ["drafts/c.mutual", "notes.txt", "ignored/b.mutual"] {
        assert!(
            stdout(&out).contains(&format!("{name}:8:9")),
            "{name}\n{}",
            show(&out)
        );
    }
}

#[test]
fn config_is_found_per_file_and_unknown_rules_reported_once() {
    let mut files = vec![
        (
            "team/mutual.toml".to_string(),
            "[rules]\nno-benefit = \"warning\"\nno-benfit = \"off\"\n".to_string(),
        ),
        ("top.mutual".to_string(), ERR.to_string()),
    ];
    for i in 0..20 {
        files.push((format!("team/sub{}/f{i}.mutual", i % 3), ERR.to_string()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = project(&refs);
    let select = "--select=no-benefit,no-goal,unknown-rule";
    let out = run_in(dir.path(), &["check", select, "--format=short"]);
    assert_eq!(code(&out), 1, "top.mutual keeps its error\n{}", show(&out));
    let text = stdout(&out);
    assert_eq!(
        text.matches("warning[unknown-rule]").count(),
        1,
        "{}",
        show(&out)
    );
    assert!(
        text.contains("team/mutual.toml:3:1: warning[unknown-rule]"),
        "{}",
        show(&out)
    );
    assert_eq!(
        text.matches("warning[no-benefit]").count(),
        20,
        "{}",
        show(&out)
    );
    assert!(
        text.contains("top.mutual:8:9: error[no-benefit]"),
        "{}",
        show(&out)
    );
    // --no-config: the defaults everywhere.
    let out = run_in(
        dir.path(),
        &["check", SELECT, "--format=short", "--no-config"],
    );
    assert_eq!(
        stdout(&out).matches("error[no-benefit]").count(),
        21,
        "{}",
        show(&out)
    );
    // --config: that file for every file.
    let out = run_in(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=short",
            "--config",
            "team/mutual.toml",
        ],
    );
    assert_eq!(
        stdout(&out).matches("warning[no-benefit]").count(),
        21,
        "{}",
        show(&out)
    );
    assert_eq!(code(&out), 0, "{}", show(&out));
}

#[test]
fn today_on_the_command_line_wins_over_mutual_toml() {
    let agreement =
        "agreement \"Year\" {\n  term 2027-01-01 to 2027-12-31\n  party a {}\n  party b {}\n}\n";
    let dir = project(&[
        ("mutual.toml", "[check]\ntoday = \"2028-06-01\"\n"),
        ("a.mutual", agreement),
    ]);
    let from_config = run_in(dir.path(), &["check", "--select=expired", "--format=short"]);
    assert!(
        stdout(&from_config).contains("[expired]"),
        "{}",
        show(&from_config)
    );
    let from_flag = run_in(
        dir.path(),
        &[
            "check",
            "--select=expired",
            "--format=short",
            "--today",
            "2027-06-01",
        ],
    );
    assert!(
        !stdout(&from_flag).contains("[expired]"),
        "{}",
        show(&from_flag)
    );
}

#[test]
fn stdin_with_and_without_a_filename() {
    let dir = project(&[
        ("team/mutual.toml", "[rules]\nno-benefit = \"info\"\n"),
        ("team/placeholder.txt", ""),
    ]);
    let out = run_with_stdin(dir.path(), &["check", SELECT, "--format=short", "-"], ERR);
    assert_eq!(code(&out), 1, "{}", show(&out));
    assert!(
        stdout(&out).starts_with("<stdin>:8:9: error[no-benefit]"),
        "{}",
        show(&out)
    );
    // The name is used in the output and to find mutual.toml.
    let out = run_with_stdin(
        dir.path(),
        &[
            "check",
            SELECT,
            "--format=short",
            "--stdin-filename",
            "team/new.mutual",
        ],
        ERR,
    );
    assert_eq!(code(&out), 0, "{}", show(&out));
    assert!(
        stdout(&out).starts_with("team/new.mutual:8:9: info[no-benefit]"),
        "{}",
        show(&out)
    );
}

#[test]
fn imports_resolve_from_the_project_root() {
    let dir = project(&[
        ("mutual.toml", ""),
        ("parties/lib.mutual", "party lib \"Library\" {\n  kind library\n}\n"),
        (
            "deals/a.mutual",
            "import \"../parties/lib.mutual\"\nagreement \"Deal\" {\n  party lib {\n    invests venue \"Room\"\n  }\n  party b \"B\" {\n    invests time \"T\"\n    gains members \"M\"\n  }\n}\n",
        ),
    ]);
    let out = run_in(
        dir.path().join("deals").as_path(),
        &[
            "check",
            "--select=no-benefit,import-outside-root,import-not-found",
            "--format=short",
        ],
    );
    // The import is inside the root (the folder of mutual.toml), so it is
    // followed and only the missing benefit is reported.
    assert_eq!(code(&out), 1, "{}", show(&out));
    assert!(stdout(&out).contains("error[no-benefit]"), "{}", show(&out));
    assert!(!stdout(&out).contains("import-"), "{}", show(&out));
}

// ---------------------------------------------------------- determinism

#[test]
fn output_is_the_same_with_one_thread_or_many() {
    let dir = busy_project();
    for i in 0..30 {
        fs::write(
            dir.path().join(format!("copy{i:02}.mutual")),
            if i % 2 == 0 { ERR } else { WARN },
        )
        .expect("file");
    }
    for format in ["human", "json", "sarif", "junit", "gitlab"] {
        let run = |threads: &str| {
            mutual()
                .args(["check", TODAY, "--format", format, "--statistics"])
                .env("RAYON_NUM_THREADS", threads)
                .current_dir(dir.path())
                .output()
                .expect("mutual runs")
        };
        let one = run("1");
        let four = run("4");
        assert_eq!(code(&one), 1, "{}", show(&one));
        assert_eq!(stdout(&one), stdout(&four), "{format}");
        assert_eq!(stderr(&one), stderr(&four), "{format}");
    }
}

// ------------------------------------------------------------------ formats

#[test]
fn human_output_shows_the_summary_and_verdicts() {
    let out = run_in(
        &root(),
        &["check", TODAY, "examples/concert-hall-rental.mutual"],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    let text = stdout(&out);
    assert!(text.contains("error[paid-service]"), "{text}");
    assert!(
        text.contains("╭─[examples/concert-hall-rental.mutual:"),
        "{text}"
    );
    assert!(text.contains("1 file checked: "), "{text}");
    assert!(
        text.contains("examples/concert-hall-rental.mutual: “Hall rental for WikiConference Israel 2027” is a service: one side is buying a service from the other"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour when NO_COLOR is set: {text}"
    );
    let quiet = run_in(
        &root(),
        &["check", TODAY, "-q", "examples/concert-hall-rental.mutual"],
    );
    assert!(!stdout(&quiet).contains("checked"), "{}", show(&quiet));
}

#[test]
fn statistics_follow_the_output() {
    let dir = project(&[("a.mutual", ERR), ("b.mutual", ERR), ("c.mutual", WARN)]);
    let out = run_in(
        dir.path(),
        &["check", SELECT, "--format=short", "--statistics"],
    );
    assert!(
        stdout(&out).ends_with("Diagnostics per rule:\n  2  no-benefit\n  1  no-goal\n"),
        "{}",
        show(&out)
    );
    let out = run_in(
        dir.path(),
        &["check", SELECT, "--format=json", "--statistics"],
    );
    let report = json(&out);
    assert_eq!(report["statistics"][0]["rule"], "no-benefit");
    assert_eq!(report["statistics"][0]["count"], 2);
    // A SARIF document stays a document: the statistics go to stderr.
    let out = run_in(
        dir.path(),
        &["check", SELECT, "--format=sarif", "--statistics"],
    );
    let _: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert!(stderr(&out).contains("2  no-benefit"), "{}", show(&out));
}

#[test]
fn json_columns_count_characters() {
    let text = "agreement \"שיתוף 🎉\" {\n  party a \"🎉🎉\" { invests time \"x\" gains y \"z\" from nobdy }\n}\n";
    let dir = project(&[("h.mutual", text)]);
    let out = run_in(
        dir.path(),
        &["check", "--select=unknown-party", "--format=json"],
    );
    let report = json(&out);
    let d = &diagnostics(&report)[0];
    assert_eq!(d["rule"], "unknown-party", "{report}");
    let line = text.lines().nth(1).expect("line 2");
    let byte_col = line.find("nobdy").expect("token");
    let char_col = line[..byte_col].chars().count() + 1;
    assert_eq!(d["line"], 2);
    assert_eq!(d["column"], char_col as u64, "{d}");
    assert_eq!(d["end_column"], char_col as u64 + 5, "{d}");
    let start = d["start_byte"].as_u64().expect("byte") as usize;
    assert_eq!(&text[start..start + 5], "nobdy");
}

#[test]
fn json_validates_against_the_documented_schema() {
    let Some(checker) = client("check-jsonschema") else {
        return;
    };
    let schema = root().join("docs/json-output.schema.json");
    let dir = busy_project();
    let out = run_in(
        dir.path(),
        &["check", TODAY, "--format=json", "--statistics"],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    let report = json(&out);
    let all = diagnostics(&report);
    assert!(all.len() >= 20, "{report}");
    assert!(all.iter().any(|d| !d["fix"].is_null()), "some fix");
    assert!(all
        .iter()
        .any(|d| d["related"].as_array().is_some_and(|r| !r.is_empty())));
    let path = dir.path().join("out.json");
    fs::write(&path, &out.stdout).expect("file");
    validate(&checker, &schema, &path);

    // The format crate's snapshot (hand-made diagnostics with every field
    // filled) validates too.
    let snap =
        fs::read_to_string(root().join("crates/mutual_report/tests/snapshots/formats__json.snap"))
            .expect("snapshot");
    let body = snap.splitn(3, "---\n").nth(2).expect("snapshot body");
    let path = dir.path().join("snapshot.json");
    fs::write(&path, body).expect("file");
    validate(&checker, &schema, &path);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let Some(checker) = client("check-jsonschema") else {
        return;
    };
    let Some(schema) = sarif_schema() else {
        return;
    };
    let dir = busy_project();
    let path = dir.path().join("out.sarif");
    let out = run_in(
        dir.path(),
        &["check", TODAY, "--format=sarif", "--output", "out.sarif"],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    validate(&checker, &schema, &path);
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("sarif")).expect("JSON");
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "mutual");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(results.len() >= 20, "{}", results.len());
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
    }
    assert!(results.iter().any(|r| r.get("fixes").is_some()));

    // The validator does reject what SARIF forbids: `info` is not a level.
    let mut wrong = sarif.clone();
    wrong["runs"][0]["results"][0]["level"] = Value::from("info");
    let wrong_path = dir.path().join("wrong.sarif");
    fs::write(&wrong_path, wrong.to_string()).expect("file");
    assert!(!run_checker(&checker, &schema, &wrong_path).status.success());
}

#[test]
fn github_output_cannot_be_injected() {
    let evil = r#"agreement "Deal 100% \n::add-mask::secret, done\n::stop-commands::tok" {
  goal g "Goal %0A::error::fake"
  party a "Evil\n::stop-commands::token\n::add-mask::x" {
    pursues g
    invests time "x"
  }
  party b "50% off: yes,\u{d}::error file=x::y" {
    invests money 10 EUR "y" to a
    gains visibility "z\n::warning::w"
  }
}
"#;
    let dir = project(&[("evil.mutual", evil), ("new\nline.mutual", evil)]);
    let as_json = run_in(dir.path(), &["check", TODAY, "--format=json"]);
    let count = diagnostics(&json(&as_json)).len();
    assert!(count >= 4, "{}", show(&as_json));
    let out = run_in(dir.path(), &["check", TODAY, "--format=github"]);
    assert_eq!(code(&out), 1, "{}", show(&out));
    let text = stdout(&out);
    assert!(!text.contains('\r'), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), count, "one line per diagnostic:\n{text}");
    for line in &lines {
        let ours = ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(ours, "{line}");
        let (properties, message) = line
            .split_once("::")
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("two ::");
        assert!(!properties.contains('\n'));
        assert!(!message.is_empty());
    }
    assert!(text.contains("file=new%0Aline.mutual,"), "{text}");
    assert!(
        text.contains("Evil%0A::stop-commands::token%0A::add-mask::x"),
        "{text}"
    );
}

#[test]
fn gitlab_report_has_stable_distinct_fingerprints() {
    let dir = busy_project();
    fs::write(dir.path().join("twin.mutual"), ERR).expect("file");
    let first = run_in(dir.path(), &["check", TODAY, "--format=gitlab"]);
    let second = run_in(dir.path(), &["check", TODAY, "--format=gitlab"]);
    assert_eq!(code(&first), 1, "{}", show(&first));
    let a = json(&first);
    let issues = a.as_array().expect("an array");
    assert!(issues.len() >= 20);
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key}: {issue}"
            );
        }
        assert!(issue["location"]["path"].is_string(), "{issue}");
        assert!(
            issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1),
            "{issue}"
        );
        let severity = issue["severity"].as_str().unwrap_or("");
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity));
    }
    let prints = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .map(|i| i["fingerprint"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(prints(&a), prints(&json(&second)), "stable across runs");
    let mut unique = prints(&a);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), issues.len(), "distinct");

    // A line added above does not change a fingerprint.
    let before = prints(&json(&run_in(
        dir.path(),
        &["check", SELECT, "--format=gitlab", "twin.mutual"],
    )));
    fs::write(
        dir.path().join("twin.mutual"),
        format!("# moved down\n{ERR}"),
    )
    .expect("file");
    let after = prints(&json(&run_in(
        dir.path(),
        &["check", SELECT, "--format=gitlab", "twin.mutual"],
    )));
    assert_eq!(before, after);
}

#[test]
fn junit_is_read_by_junitparser() {
    let Some(junitparser) = client("junitparser") else {
        return;
    };
    let python = junitparser.with_file_name("python3");
    let python = if python.is_file() {
        python
    } else {
        PathBuf::from("python3")
    };
    let dir = busy_project();
    let out = run_in(
        dir.path(),
        &["check", TODAY, "--format=junit", "--output", "junit.xml"],
    );
    assert_eq!(code(&out), 1, "{}", show(&out));
    let report = json(&run_in(dir.path(), &["check", TODAY, "--format=json"]));

    // What the JSON says the JUnit report must hold.
    let files = report["files"].as_array().expect("files");
    let (mut tests, mut failures) = (0, 0);
    for file in files {
        let diags = file["diagnostics"].as_array().expect("diagnostics");
        for agreement in file["agreements"].as_array().expect("agreements") {
            tests += 1;
            if diags
                .iter()
                .any(|d| d["agreement"] == agreement["title"] && d["level"] == "error")
            {
                failures += 1;
            }
        }
        let mut file_rules: Vec<(&str, bool)> = Vec::new();
        for d in diags.iter().filter(|d| d["agreement"].is_null()) {
            let rule = d["rule"].as_str().unwrap_or("");
            let error = d["level"] == "error";
            match file_rules.iter_mut().find(|(r, _)| *r == rule) {
                Some(entry) => entry.1 |= error,
                None => file_rules.push((rule, error)),
            }
        }
        tests += file_rules.len();
        failures += file_rules.iter().filter(|(_, e)| *e).count();
    }

    let script = r#"
import json, sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
suites = tests = failures = 0
for suite in xml:
    suites += 1
    for case in suite:
        tests += 1
        if any(isinstance(r, Failure) for r in case.result):
            failures += 1
print(json.dumps({"suites": suites, "tests": tests, "failures": failures,
                  "declared_tests": xml.tests, "declared_failures": xml.failures}))
"#;
    let parsed = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(dir.path().join("junit.xml"))
        .output()
        .expect("python runs");
    assert!(
        parsed.status.success(),
        "junitparser failed:\n{}",
        stderr(&parsed)
    );
    let counts: Value = serde_json::from_slice(&parsed.stdout).expect("JSON from the script");
    assert_eq!(counts["suites"], files.len(), "{counts}");
    assert_eq!(counts["tests"], tests, "{counts}");
    assert_eq!(counts["failures"], failures, "{counts}");
    assert_eq!(counts["declared_tests"], tests, "{counts}");
    assert_eq!(counts["declared_failures"], failures, "{counts}");
    assert!(failures > 0);
}

#[test]
fn every_format_works_on_an_empty_folder() {
    let dir = project(&[("readme.txt", "nothing here")]);
    for format in [
        "human", "short", "json", "sarif", "github", "gitlab", "junit",
    ] {
        let out = run_in(dir.path(), &["check", "--format", format]);
        assert_eq!(code(&out), 0, "{format}\n{}", show(&out));
        if ["json", "sarif", "gitlab"].contains(&format) {
            let _: Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{format}: {e}\n{}", show(&out)));
        }
    }
}

#[test]
fn a_bare_file_name_resolves_its_imports_next_to_it() {
    // pre-commit passes top-level files by their bare name.
    let out = run_in(
        &root().join("examples"),
        &[
            "check",
            "--format",
            "short",
            "--today",
            "2026-11-23",
            "library-workshops.mutual",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}
