//! Shared helpers for the checker's tests: multi-file projects written to a
//! temporary folder, a fixed date, a plain rendering of diagnostics, and the
//! harness of the rule fixtures in `tests/rules/<rule>/` (loading, checking,
//! applying fixes, snapshotting).
//!
//! The snapshots are taken by macros ([`fires_and_passes!`],
//! [`fires_and_passes_in_place!`], [`fix_snapshot!`]), so that insta names
//! them after the calling test file, as when each file had its own harness.
#![allow(dead_code, unused_macros)]

use std::path::{Path, PathBuf};

use mutual_check::{
    check_text, Applicability, CalendarDate, Diagnostic, DiskLoader, FileReport, Fix, Options,
};

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

// ------------------------------------------------------- rule fixtures --

/// The folder of a rule's fixtures: `tests/rules/<rule>/`.
pub fn fixture_dir(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/rules")
        .join(rule)
}

/// Checks `tests/rules/<rule>/<kind>.mutual` in a temporary folder, with the
/// other files of that folder beside it (for imports).
pub fn fixture(rule: &str, kind: &str) -> (String, FileReport) {
    let dir = fixture_dir(rule);
    let main = format!("{kind}.mutual");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{rule}/{name}: {e}"))
    };
    let text = read(&main);
    let mut files = vec![(main.clone(), text.clone())];
    let mut others: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".mutual") && *n != "fires.mutual" && *n != "passes.mutual")
        .collect();
    others.sort();
    for name in others {
        let t = read(&name);
        files.push((name, t));
    }
    (text, check_files(&files, &options()).1)
}

/// The report on the [`fixture`] `fires.mutual`, which must produce `rule`
/// and read without syntax errors.
pub fn fires(rule: &str) -> FileReport {
    let (_, fires) = fixture(rule, "fires");
    assert!(
        rules_of(&fires).contains(&rule),
        "{rule}/fires.mutual does not produce it:\n{}",
        render(&fires)
    );
    assert!(!rules_of(&fires).contains(&"syntax-error"));
    fires
}

/// The report on the [`fixture`] `passes.mutual`, which must not produce
/// `rule` and must read without syntax errors.
pub fn passes(rule: &str) -> FileReport {
    let (_, passes) = fixture(rule, "passes");
    assert!(
        !rules_of(&passes).contains(&rule),
        "{rule}/passes.mutual produces it:\n{}",
        render(&passes)
    );
    assert!(!rules_of(&passes).contains(&"syntax-error"));
    passes
}

/// [`fires`] and [`passes`] of a rule, both snapshotted as
/// `<rule>__fires` and `<rule>__passes`.
macro_rules! fires_and_passes {
    ($rule:expr) => {{
        let rule: &str = $rule;
        let fires = support::fires(rule);
        insta::assert_snapshot!(format!("{rule}__fires"), support::render(&fires));
        let passes = support::passes(rule);
        insta::assert_snapshot!(format!("{rule}__passes"), support::render(&passes));
    }};
}
#[allow(unused_imports)]
pub(crate) use fires_and_passes;

/// Checks `tests/rules/<rule>/<name>.mutual` where it stands, with its
/// folder as the root.
pub fn check_fixture(rule: &str, name: &str) -> (String, FileReport) {
    let dir = fixture_dir(rule);
    let path = dir.join(format!("{name}.mutual"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    let report = check_text(&path, text.as_str(), &dir, &DiskLoader, &options());
    (text, report)
}

/// The text and report of `fires.mutual` checked in place, which must
/// report `rule`.
pub fn fires_in_place(rule: &str) -> (String, FileReport) {
    let (text, fires) = check_fixture(rule, "fires");
    assert!(
        rules_of(&fires).contains(&rule),
        "fires.mutual of `{rule}` does not report it:\n{}",
        render(&fires)
    );
    (text, fires)
}

/// The report of `passes.mutual` checked in place, which must not report
/// `rule`.
pub fn passes_in_place(rule: &str) -> FileReport {
    let (_, passes) = check_fixture(rule, "passes");
    assert!(
        !rules_of(&passes).contains(&rule),
        "passes.mutual of `{rule}` reports it:\n{}",
        render(&passes)
    );
    passes
}

/// [`fires_in_place`] and [`passes_in_place`] of a rule, snapshotted as
/// `<rule>__fires` and `<rule>__passes`; with `fixes: f`, also `f(text,
/// report, rule)` of the fires fixture as `<rule>__fixes` (see
/// [`fixes_on_line`] and [`fixes_on_lines`]).
macro_rules! fires_and_passes_in_place {
    ($rule:expr) => {{
        let rule: &str = $rule;
        let (_, fires) = support::fires_in_place(rule);
        insta::assert_snapshot!(format!("{rule}__fires"), support::render(&fires));
        let passes = support::passes_in_place(rule);
        insta::assert_snapshot!(format!("{rule}__passes"), support::render(&passes));
    }};
    ($rule:expr, fixes: $fixes:expr) => {{
        let rule: &str = $rule;
        let fixes = $fixes;
        let (text, fires) = support::fires_in_place(rule);
        insta::assert_snapshot!(format!("{rule}__fires"), support::render(&fires));
        insta::assert_snapshot!(format!("{rule}__fixes"), fixes(&text, &fires, rule));
        let passes = support::passes_in_place(rule);
        insta::assert_snapshot!(format!("{rule}__passes"), support::render(&passes));
    }};
}
#[allow(unused_imports)]
pub(crate) use fires_and_passes_in_place;

/// The text with a fix applied.
pub fn apply(text: &str, fix: &Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

/// How many diagnostics of `rule` the report holds.
pub fn count(report: &FileReport, rule: &str) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == rule)
        .count()
}

/// The fix of a diagnostic of `rule`, which must have one, of the
/// applicability expected.
fn fix_of<'d>(d: &'d Diagnostic, rule: &str, applicability: Applicability) -> &'d Fix {
    let fix = d
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("{rule}: no fix on {}", d.message));
    assert_eq!(fix.applicability, applicability, "{rule}: {}", fix.title);
    fix
}

/// Every fix `rule` offers in its [`fixture`] `fires.mutual`, applied
/// alone: the result still reads, and has one diagnostic of `rule` fewer.
/// Returns the fixed texts.
pub fn fixes_resolve(rule: &str, applicability: Applicability) -> Vec<String> {
    let (text, report) = fixture(rule, "fires");
    let before = rules_of(&report).iter().filter(|r| **r == rule).count();
    let mut fixed = Vec::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let fix = fix_of(d, rule, applicability);
        let new = apply(&text, fix);
        let after = check_block(&new);
        let rules = rules_of(&after);
        assert!(
            !rules.contains(&"syntax-error"),
            "{rule}: the fix breaks the file:\n{new}"
        );
        assert_eq!(
            rules.iter().filter(|r| **r == rule).count(),
            before - 1,
            "{rule}: the fix does not remove the diagnostic:\n{new}\n{}",
            render(&after)
        );
        fixed.push(new);
    }
    assert!(!fixed.is_empty());
    fixed
}

/// Every fix `rule` offers in its [`fixture`] `fires.mutual`, applied
/// alone: it has the applicability expected, the result still reads, and
/// has one diagnostic of `rule` fewer. Returns the changes, each under its
/// fix's title, as [`diff`] shows them.
pub fn fix_changes(rule: &str, applicability: Applicability) -> String {
    let (text, report) = fixture(rule, "fires");
    let before = count(&report, rule);
    let mut changes = String::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let fix = fix_of(d, rule, applicability);
        let fixed = apply(&text, fix);
        let files = vec![("fires.mutual".to_string(), fixed.clone())];
        let (_, after) = check_files(&files, &options());
        assert!(
            !rules_of(&after).contains(&"syntax-error"),
            "{rule}: the fix breaks the file:\n{fixed}\n{}",
            render(&after)
        );
        assert_eq!(count(&after, rule), before - 1, "{rule}: {fixed}");
        changes.push_str(&format!("# {}\n{}", fix.title, diff(&text, &fixed)));
    }
    changes
}

/// [`fix_changes`] of a rule, snapshotted as `<rule>__fix`.
macro_rules! fix_snapshot {
    ($rule:expr, $applicability:expr) => {{
        let rule: &str = $rule;
        let changes = support::fix_changes(rule, $applicability);
        insta::assert_snapshot!(format!("{rule}__fix"), changes);
    }};
}
#[allow(unused_imports)]
pub(crate) use fix_snapshot;

/// The lines a change touches: `-` removed, `+` added, with line numbers.
pub fn diff(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.split_inclusive('\n').collect();
    let b: Vec<&str> = after.split_inclusive('\n').collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = String::new();
    for (i, line) in a[prefix..a.len() - suffix].iter().enumerate() {
        out.push_str(&format!("{:>3} -{}\n", prefix + i + 1, show(line)));
    }
    for (i, line) in b[prefix..b.len() - suffix].iter().enumerate() {
        out.push_str(&format!("{:>3} +{}\n", prefix + i + 1, show(line)));
    }
    out
}

/// A line for a snapshot, its line end made visible when it is CRLF.
pub fn show(line: &str) -> String {
    if let Some(l) = line.strip_suffix("\r\n") {
        format!("{l}⏎CRLF")
    } else {
        line.strip_suffix('\n').unwrap_or(line).to_string()
    }
}

/// Each fix of `rule`, as the line of its diagnostic: `-` before, `+`
/// after. Every fixed text must still parse.
pub fn fixes_on_line(text: &str, report: &FileReport, rule: &str) -> String {
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let Some(fix) = &d.fix else { continue };
        let fixed = apply(text, fix);
        let (line, col) = d.source.line_col(d.span.start as usize);
        out.push_str(&format!(
            "{line}:{col}: {} ({:?})\n",
            fix.title, fix.applicability
        ));
        let index = (line as usize).saturating_sub(1);
        if let (Some(before), Some(after)) = (text.lines().nth(index), fixed.lines().nth(index)) {
            out.push_str(&format!("-{before}\n+{after}\n"));
        }
        assert!(
            mutual_syntax::parse(&fixed).errors.is_empty(),
            "the fix `{}` breaks the syntax:\n{fixed}",
            fix.title
        );
    }
    out
}

/// Each fix of `rule`, as the lines it changes: `-` before, `+` after.
/// Every fixed text must still parse.
pub fn fixes_on_lines(text: &str, report: &FileReport, rule: &str) -> String {
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let Some(fix) = &d.fix else { continue };
        let fixed = apply(text, fix);
        let edits = &fix.edits;
        let start = edits
            .iter()
            .map(|e| e.span.start as usize)
            .min()
            .unwrap_or(0);
        let end = edits.iter().map(|e| e.span.end as usize).max().unwrap_or(0);
        // The changed lines: from the start of the first to the end of the
        // last (a removal of whole lines ends just after a line break).
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = if end > start && text[..end].ends_with('\n') {
            end - 1
        } else {
            text[end..].find('\n').map_or(text.len(), |p| end + p)
        };
        let new_end = (line_end + fixed.len()).checked_sub(text.len());
        let (line, col) = d.source.line_col(d.span.start as usize);
        out.push_str(&format!(
            "{line}:{col}: {} ({:?})\n",
            fix.title, fix.applicability
        ));
        for l in text[line_start..line_end].lines() {
            out.push_str(&format!("-{l}\n"));
        }
        if let Some(new_end) = new_end.filter(|e| *e > line_start) {
            let new_end = fixed[new_end..]
                .find('\n')
                .map_or(fixed.len(), |p| new_end + p);
            for l in fixed[line_start..new_end].lines() {
                out.push_str(&format!("+{l}\n"));
            }
        }
        let parsed = mutual_syntax::parse(&fixed);
        assert!(
            parsed.errors.is_empty(),
            "the fix `{}` breaks the syntax:\n{fixed}",
            fix.title
        );
    }
    out
}
