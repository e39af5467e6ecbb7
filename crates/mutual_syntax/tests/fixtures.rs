//! Fixture files, snapshotted with insta.
//!
//! - `fixtures/ok/*.mutual` must parse without a single error. Each gets an
//!   outline snapshot (every item, clause and party line with its position,
//!   what the tree holds, and the source where it reads differently); a few
//!   also get the whole tree as JSON.
//! - `fixtures/err/*.mutual` must give at least one error. Each gets a
//!   snapshot of its errors (position, message, help, the line and a caret)
//!   and of the tree recovered around them.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test -p mutual_syntax --test
//! fixtures`, then read the `.snap` files before keeping them.

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use support::{check_invariants, fixtures_dir, mutual_files, outline, render_errors};

/// The fixtures whose whole tree is snapshotted as JSON, spans included.
const JSON_TREES: &[&str] = &["spec-example", "strings", "bom-crlf", "unicode-identifiers"];

/// Absolute, so that snapshots land in `tests/snapshots` even when insta
/// cannot ask cargo where the workspace is.
fn snapshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: not UTF-8: {e}", path.display()))
}

/// Runs `check` on every fixture of `folder`, and fails once at the end
/// with the list of fixtures that failed (so one failure hides no other).
fn each_fixture(folder: &str, check: impl Fn(&Path, &str)) {
    let files = mutual_files(&fixtures_dir().join(folder));
    assert!(!files.is_empty(), "no fixtures in {folder}");
    let failed: Vec<PathBuf> = files
        .into_iter()
        .filter(|path| {
            let text = read(path);
            catch_unwind(AssertUnwindSafe(|| check(path, &text))).is_err()
        })
        .collect();
    assert!(failed.is_empty(), "failing fixtures: {failed:#?}");
}

#[test]
fn ok_fixtures_parse_without_errors() {
    each_fixture("ok", |path, text| {
        let parse = mutual_syntax::parse(text);
        assert!(
            parse.errors.is_empty(),
            "{}: unexpected syntax errors:\n{}",
            path.display(),
            render_errors(text, &parse.errors)
        );
        if let Err(problems) = check_invariants(text, &parse) {
            panic!("{}: {problems}", path.display());
        }
        let name = stem(path);
        insta::with_settings!({
            snapshot_path => snapshots_dir(),
            snapshot_suffix => name.clone(),
            input_file => path,
            description => "outline of the tree",
            omit_expression => true,
        }, {
            insta::assert_snapshot!("ok", outline(text, &parse.file));
        });
        if JSON_TREES.contains(&name.as_str()) {
            insta::with_settings!({
                snapshot_path => snapshots_dir(),
                snapshot_suffix => name,
                input_file => path,
                description => "the whole tree",
                omit_expression => true,
            }, {
                insta::assert_json_snapshot!("tree", parse.file);
            });
        }
    });
}

#[test]
fn err_fixtures_report_their_errors() {
    each_fixture("err", |path, text| {
        let parse = mutual_syntax::parse(text);
        assert!(
            !parse.errors.is_empty(),
            "{}: expected syntax errors, found none",
            path.display()
        );
        if let Err(problems) = check_invariants(text, &parse) {
            panic!("{}: {problems}", path.display());
        }
        let snapshot = format!(
            "{}\n--- recovered tree ---\n{}",
            render_errors(text, &parse.errors),
            outline(text, &parse.file)
        );
        insta::with_settings!({
            snapshot_path => snapshots_dir(),
            snapshot_suffix => stem(path),
            input_file => path,
            description => "errors, then the tree recovered around them",
            omit_expression => true,
        }, {
            insta::assert_snapshot!("err", snapshot);
        });
    });
}

/// The complete example of the language reference is a fixture, verbatim.
#[test]
fn the_reference_example_is_a_fixture() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/language.md");
    let Ok(spec) = std::fs::read_to_string(&spec) else {
        eprintln!("skipped: the language reference is not beside the repository");
        return;
    };
    let start = spec.find("```mutual\n").expect("the example") + "```mutual\n".len();
    let end = start + spec[start..].find("```").expect("the end of the example");
    let fixture = read(&fixtures_dir().join("ok/spec-example.mutual"));
    assert_eq!(fixture, &spec[start..end]);
}

/// The same file with LF, CRLF, a BOM, or both gives the same tree apart
/// from spans, and the same columns.
#[test]
fn line_ends_and_bom_do_not_change_the_tree() {
    let lf = read(&fixtures_dir().join("ok/spec-example.mutual"));
    let crlf = lf.replace('\n', "\r\n");
    let bom = format!("\u{FEFF}{lf}");
    let both = format!("\u{FEFF}{crlf}");
    let base = mutual_syntax::parse(&lf);
    let base_outline = outline(&lf, &base.file);
    for (name, text) in [("crlf", &crlf), ("bom", &bom), ("bom+crlf", &both)] {
        let parse = mutual_syntax::parse(text);
        assert!(parse.errors.is_empty(), "{name}: {:?}", parse.errors);
        assert_eq!(parse.file.has_bom, text.starts_with('\u{FEFF}'), "{name}");
        let expected_ending = if text.contains("\r\n") {
            mutual_syntax::ast::LineEnding::CrLf
        } else {
            mutual_syntax::ast::LineEnding::Lf
        };
        assert_eq!(parse.file.line_ending, expected_ending, "{name}");
        // The outline has positions (line:column), values and sources: all
        // the same, except for the header line.
        let outline = outline(text, &parse.file);
        let strip = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(strip(&outline), strip(&base_outline), "{name}");
    }
}
