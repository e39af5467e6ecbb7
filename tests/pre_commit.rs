//! The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the pre-commit
//! framework as published (PyPI), in temporary git repositories.
//!
//! - The manifest validates (`pre-commit validate-manifest`) and says what
//!   docs/pre-commit.md says.
//! - The hooks, as `repo: local` hooks with `language: system` and the
//!   built binary (fast and offline), check and format staged agreements:
//!   the check hook fails on a bad file and names it, the format hook
//!   rewrites a badly laid-out file and fails ("files were modified"), then
//!   passes.
//! - Our manifest itself, used as a hook repository (`repo: PATH`, `rev:
//!   SHA`). When the root `Cargo.toml` is a package, pre-commit builds the
//!   hooks with `language: rust` (`cargo install --bins --path .`, slow the
//!   first time); while it is a virtual workspace, `cargo install` cannot
//!   build it, so the test uses a copy of the manifest with
//!   `language: system` and the built binary on the PATH, and says so.
//!
//! pre-commit is looked for on the PATH and in `~/.cache/mutual-ci/venv/bin`
//! (or `$MUTUAL_CI_TOOLS/venv/bin`), where `.ci/run` installs it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;

use serde_json::{json, Value};
use support::{binary, mutual, require_client, root};

/// The folder where `.ci/run` installs Python tools.
fn ci_venv_bin() -> Option<PathBuf> {
    let tools = std::env::var_os("MUTUAL_CI_TOOLS")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/mutual-ci")))?;
    let bin = tools.join("venv/bin");
    bin.is_dir().then_some(bin)
}

/// PATH for the commands of these tests: the built `mutual` (when
/// `with_binary`), the CI virtual environment, then the PATH.
fn test_path(with_binary: bool) -> OsString {
    let mut dirs = Vec::new();
    if with_binary {
        dirs.push(binary().parent().unwrap().to_path_buf());
    }
    dirs.extend(ci_venv_bin());
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap()
}

fn find_in(path: &OsString, program: &str) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// Whether `pre-commit` and `git` can be run (the usual loud skip, or a
/// failure under `CI=true`).
fn tools_available() -> bool {
    if !require_client("git") {
        return false;
    }
    if find_in(&test_path(false), "pre-commit").is_some() {
        return true;
    }
    require_client("pre-commit")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A command run in `dir` with the test PATH and without the variables
/// of an enclosing git hook.
fn command(program: &str, dir: &Path, path: &OsString) -> Command {
    let mut cmd = Command::new(find_in(path, program).unwrap_or_else(|| PathBuf::from(program)));
    cmd.current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Mutual tests")
        .env("GIT_AUTHOR_EMAIL", "tests@example.org")
        .env("GIT_COMMITTER_NAME", "Mutual tests")
        .env("GIT_COMMITTER_EMAIL", "tests@example.org");
    for var in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = command("git", dir, &test_path(false))
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A pre-commit run in `dir`, with a store of its own in `home`.
fn pre_commit(dir: &Path, home: &Path, path: &OsString, args: &[&str]) -> Output {
    command("pre-commit", dir, path)
        .args(args)
        .env("PRE_COMMIT_HOME", home)
        .env("PRE_COMMIT_COLOR", "never")
        .output()
        .expect("pre-commit runs")
}

/// `.pre-commit-hooks.yaml` as JSON, read by the Python that runs
/// pre-commit (which has PyYAML).
fn manifest() -> Value {
    let path = test_path(false);
    let script = find_in(&path, "pre-commit").expect("pre-commit");
    let shebang = std::fs::read_to_string(&script)
        .ok()
        .and_then(|s| s.lines().next().map(str::to_owned))
        .unwrap_or_default();
    let python = shebang
        .strip_prefix("#!")
        .map(str::trim)
        .filter(|p| !p.contains(' ') && Path::new(p).is_file())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"));
    let out = Command::new(python)
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        ])
        .arg(root().join(".pre-commit-hooks.yaml"))
        .output()
        .expect("python runs");
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn hook<'a>(manifest: &'a Value, id: &str) -> &'a Value {
    manifest
        .as_array()
        .expect("a list of hooks")
        .iter()
        .find(|h| h["id"] == id)
        .unwrap_or_else(|| panic!("no hook {id}"))
}

/// Whether the root `Cargo.toml` is a package that `cargo install --path .`
/// can build (rather than a virtual workspace).
fn root_is_package() -> bool {
    std::fs::read_to_string(root().join("Cargo.toml"))
        .unwrap()
        .lines()
        .any(|l| l.trim() == "[package]")
}

const MUTUAL_TOML: &str = "[check]\ntoday = \"2026-11-23\"\n";

/// A one-sided agreement in the canonical layout: `mutual check` fails on
/// it (`single-party`), `mutual fmt` leaves it alone.
const ONE_SIDED: &str = r#"# Only one side: not a partnership.
agreement "A library alone" {
  status draft
  purpose "Nobody else takes part"
  binding no
  term 2026-09-01 to 2027-08-31

  party library "City Library" {
    kind library
    contact "Avi Cohen <avi@example.org>"
    invests venue "A room"
    gains visitors "People"
    commits "Open the room"
  }
}
"#;

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("examples").join(name)).unwrap()
}

/// `good` laid out badly: every clause indented one space more, with three
/// spaces after its first word.
fn messy(good: &str) -> String {
    let mut out = String::new();
    for line in good.lines() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            out.push_str(line);
        } else {
            out.push_str(&line[..line.len() - body.len()]);
            out.push(' ');
            out.push_str(&body.replacen(' ', "   ", 1));
        }
        out.push('\n');
    }
    out
}

/// A git repository with agreements under `agreements/`: `good.mutual`
/// (a partnership, canonical), `ugly.mutual` (the same, badly laid out),
/// `bad.mutual` (one-sided, canonical), their import, a README and a
/// `mutual.toml`.
fn agreements_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let good = example("library-workshops.mutual");
    let files = [
        ("mutual.toml", MUTUAL_TOML.to_owned()),
        (
            "README.md",
            "# Our agreements\n\nNot an agreement: party time!\n".to_owned(),
        ),
        (
            "agreements/parties/wikimedia-il.mutual",
            example("parties/wikimedia-il.mutual"),
        ),
        ("agreements/good.mutual", good.clone()),
        ("agreements/ugly.mutual", messy(&good)),
        ("agreements/bad.mutual", ONE_SIDED.to_owned()),
    ];
    for (name, contents) in &files {
        let path = repo.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    // The fixtures are what they claim to be.
    let fmt_check = |name: &str| {
        mutual()
            .args(["fmt", "--check", name])
            .current_dir(repo)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(fmt_check("agreements/good.mutual"), Some(0));
    assert_eq!(fmt_check("agreements/bad.mutual"), Some(0));
    assert_eq!(fmt_check("agreements/ugly.mutual"), Some(1));
    git(repo, &["init", "-q", "-b", "main"]);
    dir
}

fn write_config(repo: &Path, config: &Value) {
    // YAML is a superset of JSON.
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        serde_json::to_string_pretty(config).unwrap(),
    )
    .unwrap();
    git(repo, &["add", "-A"]);
}

/// The line of pre-commit's report for the hook named `name`
/// ("mutual check....Passed").
fn status_line<'a>(report: &'a str, name: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.starts_with(&format!("{name}.")))
        .unwrap_or_else(|| panic!("no line for {name} in:\n{report}"))
}

/// The first run over all files: the check fails on bad.mutual alone, the
/// formatter rewrites ugly.mutual and fails; then the formatter passes.
fn check_first_and_second_run(repo: &Path, home: &Path, path: &OsString) {
    let good = std::fs::read_to_string(repo.join("agreements/good.mutual")).unwrap();

    let out = pre_commit(repo, home, path, &["run", "--all-files"]);
    let report = text(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        status_line(&report, "mutual check").ends_with("Failed"),
        "{report}"
    );
    assert!(report.contains("- hook id: mutual-check"), "{report}");
    assert!(
        report.contains("agreements/bad.mutual"),
        "the bad file is named:\n{report}"
    );
    assert!(report.contains("single-party"), "{report}");
    for clean in [
        "good.mutual",
        "ugly.mutual",
        "wikimedia-il.mutual",
        "README.md",
    ] {
        assert!(
            !report.contains(&format!("[agreements/{clean}:"))
                && !report.contains(&format!("─[{clean}")),
            "{clean} has no diagnostic:\n{report}"
        );
    }
    assert!(
        !report.contains("README.md"),
        "README.md is no agreement:\n{report}"
    );
    assert!(
        status_line(&report, "mutual fmt").ends_with("Failed"),
        "{report}"
    );
    assert!(
        report.contains("- files were modified by this hook"),
        "{report}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("agreements/ugly.mutual")).unwrap(),
        good,
        "the formatter rewrote ugly.mutual in the canonical layout"
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("agreements/bad.mutual")).unwrap(),
        ONE_SIDED
    );

    git(repo, &["add", "-A"]);
    let out = pre_commit(repo, home, path, &["run", "mutual-fmt", "--all-files"]);
    let report = text(&out);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        status_line(&report, "mutual fmt").ends_with("Passed"),
        "{report}"
    );

    let out = pre_commit(
        repo,
        home,
        path,
        &[
            "run",
            "mutual-check",
            "--files",
            "agreements/good.mutual",
            "agreements/ugly.mutual",
            "README.md",
        ],
    );
    let report = text(&out);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        status_line(&report, "mutual check").ends_with("Passed"),
        "{report}"
    );
}

#[test]
fn manifest_is_valid_and_declares_both_hooks() {
    if !tools_available() {
        return;
    }
    let path = test_path(false);
    let dir = tempfile::tempdir().unwrap();
    let out = pre_commit(
        &root(),
        dir.path(),
        &path,
        &["validate-manifest", ".pre-commit-hooks.yaml"],
    );
    assert!(out.status.success(), "{}", text(&out));

    let manifest = manifest();
    assert_eq!(manifest.as_array().map(Vec::len), Some(2), "{manifest:#}");
    for (id, entry) in [
        ("mutual-check", "mutual check"),
        ("mutual-fmt", "mutual fmt"),
    ] {
        let hook = hook(&manifest, id);
        assert_eq!(hook["entry"], entry, "{hook:#}");
        assert_eq!(hook["language"], "rust", "{hook:#}");
        assert_eq!(hook["files"], "\\.mutual$", "{hook:#}");
        assert_eq!(hook["require_serial"], true, "{hook:#}");
        // Filenames are passed (the default): the hooks see the staged files.
        assert!(hook.get("pass_filenames").is_none() || hook["pass_filenames"] == true);
        assert!(hook["name"].is_string() && hook["description"].is_string());
    }
}

#[test]
fn local_hooks_check_and_format_staged_agreements() {
    if !tools_available() {
        return;
    }
    let path = test_path(true);
    let home = tempfile::tempdir().unwrap();
    let dir = agreements_repository();
    let repo = dir.path();

    // Our hooks as `repo: local` hooks run by the system's `mutual`.
    let manifest = manifest();
    let hooks: Vec<Value> = manifest
        .as_array()
        .unwrap()
        .iter()
        .map(|hook| {
            let mut hook = hook.clone();
            hook["language"] = json!("system");
            hook
        })
        .collect();
    write_config(
        repo,
        &json!({ "repos": [ { "repo": "local", "hooks": hooks } ] }),
    );

    check_first_and_second_run(repo, home.path(), &path);

    // As a commit would: only the staged files are checked.
    git(repo, &["rm", "-q", "--cached", "agreements/bad.mutual"]);
    git(repo, &["commit", "-q", "--no-verify", "-m", "Agreements"]);
    let good = repo.join("agreements/good.mutual");
    let changed = std::fs::read_to_string(&good)
        .unwrap()
        .replace("Coordination call", "Coordination video call");
    std::fs::write(&good, changed).unwrap();
    git(repo, &["add", "agreements/good.mutual"]);
    let out = pre_commit(repo, home.path(), &path, &["run"]);
    let report = text(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "bad.mutual is not staged:\n{report}"
    );
    assert!(
        status_line(&report, "mutual check").ends_with("Passed"),
        "{report}"
    );
    assert!(
        status_line(&report, "mutual fmt").ends_with("Passed"),
        "{report}"
    );

    git(repo, &["add", "agreements/bad.mutual"]);
    let out = pre_commit(repo, home.path(), &path, &["run"]);
    let report = text(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        status_line(&report, "mutual check").ends_with("Failed"),
        "{report}"
    );
    assert!(report.contains("agreements/bad.mutual"), "{report}");
}

#[test]
fn check_hook_resolves_imports_of_a_top_level_file() {
    // pre-commit passes paths relative to the repository root, so a file at
    // the top is passed by its bare name (`good.mutual`): its imports must
    // resolve like those of `./good.mutual`.
    if !tools_available() {
        return;
    }
    let path = test_path(true);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    std::fs::write(repo.join("mutual.toml"), MUTUAL_TOML).unwrap();
    std::fs::create_dir_all(repo.join("parties")).unwrap();
    std::fs::write(
        repo.join("parties/wikimedia-il.mutual"),
        example("parties/wikimedia-il.mutual"),
    )
    .unwrap();
    std::fs::write(
        repo.join("good.mutual"),
        example("library-workshops.mutual"),
    )
    .unwrap();
    git(repo, &["init", "-q", "-b", "main"]);
    let check = hook(&manifest(), "mutual-check").clone();
    let mut check = check;
    check["language"] = json!("system");
    write_config(
        repo,
        &json!({ "repos": [ { "repo": "local", "hooks": [check] } ] }),
    );
    let out = pre_commit(repo, home.path(), &path, &["run", "--all-files"]);
    let report = text(&out);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(
        status_line(&report, "mutual check").ends_with("Passed"),
        "{report}"
    );
}

/// A git repository to use as a pre-commit hook repository, committed with
/// fixed dates; returns its commit.
fn hooks_repository(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> String {
    for (name, contents) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "-A"]);
    let out = command("git", dir, &test_path(false))
        .args(["commit", "-q", "--no-verify", "-m", "Hooks"])
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    git(dir, &["rev-parse", "HEAD"])
}

#[test]
fn our_manifest_works_as_a_hook_repository() {
    if !tools_available() {
        return;
    }
    let hooks_dir = tempfile::tempdir().unwrap();
    let manifest_text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let (path, rev) = if root_is_package() {
        // The real thing: pre-commit clones the repository and builds it with
        // `cargo install --bins --root ENV --path .`. The files are those git
        // would commit (tracked or not ignored), as they are now.
        let listed = Command::new("git")
            .args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ])
            .current_dir(root())
            .output()
            .expect("git runs");
        assert!(listed.status.success());
        let files: Vec<(PathBuf, Vec<u8>)> = listed
            .stdout
            .split(|&b| b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
            .filter(|name| root().join(name).is_file())
            .map(|name| {
                let contents = std::fs::read(root().join(&name)).unwrap();
                (name, contents)
            })
            .collect();
        let rev = hooks_repository(hooks_dir.path(), &files);
        // Without the built binary on the PATH: the hooks must run the one
        // pre-commit installed.
        (test_path(false), rev)
    } else {
        eprintln!(
            "\nNOTE: the root Cargo.toml is a virtual workspace, which `cargo install --path .` \
             (pre-commit's `language: rust`) cannot build: testing .pre-commit-hooks.yaml with \
             `language: system` and the built `mutual` on the PATH instead\n"
        );
        assert_eq!(manifest_text.matches("\n  language: rust\n").count(), 2);
        let system = manifest_text.replace("\n  language: rust\n", "\n  language: system\n");
        let rev = hooks_repository(
            hooks_dir.path(),
            &[(PathBuf::from(".pre-commit-hooks.yaml"), system.into_bytes())],
        );
        (test_path(true), rev)
    };

    let home = tempfile::tempdir().unwrap();
    let dir = agreements_repository();
    let repo = dir.path();
    write_config(
        repo,
        &json!({
            "repos": [ {
                "repo": hooks_dir.path().to_str().unwrap(),
                "rev": rev,
                "hooks": [ { "id": "mutual-check" }, { "id": "mutual-fmt" } ]
            } ]
        }),
    );
    if root_is_package() {
        // Reuse the build between runs of this test.
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join("target"))
            .join("pre-commit-install");
        let out = command("pre-commit", repo, &path)
            .args(["install-hooks"])
            .env("PRE_COMMIT_HOME", home.path())
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .expect("pre-commit runs");
        assert!(
            out.status.success(),
            "building the hooks failed:\n{}",
            text(&out)
        );
        let installed = walk_for(home.path(), "mutual");
        assert!(
            installed.is_some(),
            "pre-commit installed no `mutual` binary"
        );
    }
    check_first_and_second_run(repo, home.path(), &path);
}

/// The first file named `name` under `dir`.
fn walk_for(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.is_dir() {
            if let Some(found) = walk_for(&path, name) {
                return Some(found);
            }
        } else if path.file_name().is_some_and(|n| n == name) {
            return Some(path);
        }
    }
    None
}
