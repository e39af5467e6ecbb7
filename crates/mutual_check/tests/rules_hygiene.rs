//! The "Hygiene" rules: fixtures in `tests/rules/<rule>/`.

mod support;

use std::path::{Path, PathBuf};

use mutual_check::{check_text, DiskLoader, FileReport};

fn fixture_dir(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/rules")
        .join(rule)
}

fn check_fixture(rule: &str, name: &str) -> (String, FileReport) {
    let dir = fixture_dir(rule);
    let path = dir.join(format!("{name}.mutual"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    let report = check_text(&path, text.as_str(), &dir, &DiskLoader, &support::options());
    (text, report)
}

/// Each fix of `rule`, as the line it changes: `-` before, `+` after.
fn fixes(text: &str, report: &FileReport, rule: &str) -> String {
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let Some(fix) = &d.fix else { continue };
        let mut fixed = text.to_string();
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for e in &edits {
            fixed.replace_range(e.span.range(), &e.replacement);
        }
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

fn fixture(rule: &str, with_fixes: bool) {
    let (text, fires) = check_fixture(rule, "fires");
    assert!(
        support::rules_of(&fires).contains(&rule),
        "fires.mutual of `{rule}` does not report it:\n{}",
        support::render(&fires)
    );
    insta::assert_snapshot!(format!("{rule}__fires"), support::render(&fires));
    if with_fixes {
        insta::assert_snapshot!(format!("{rule}__fixes"), fixes(&text, &fires, rule));
    }
    let (_, passes) = check_fixture(rule, "passes");
    assert!(
        !support::rules_of(&passes).contains(&rule),
        "passes.mutual of `{rule}` reports it:\n{}",
        support::render(&passes)
    );
    insta::assert_snapshot!(format!("{rule}__passes"), support::render(&passes));
}

#[test]
fn unused_goal() {
    fixture("unused-goal", false);
}

#[test]
fn self_flow() {
    fixture("self-flow", true);
}

#[test]
fn unused_goal_is_marked_unnecessary() {
    let (_, report) = check_fixture("unused-goal", "fires");
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "unused-goal")
        .expect("diagnostic");
    assert!(d.unnecessary);
}

#[test]
fn a_goal_shared_by_name_with_a_top_level_goal_counts_as_pursued() {
    let report = support::check_block(
        r#"
goal photos "Photos on Commons"
agreement "Photo walk" {
  goal photos "Photos of the old city on Commons"
  party club "Haifa Photo Club" {
    pursues photos
    invests expertise "Guides"
    gains content "Photos for the exhibition"
  }
  party chapter "Wikimedia Israel" {
    pursues photos
    invests time "Uploading"
    gains content "Photos for articles"
  }
}
"#,
    );
    assert!(!support::rules_of(&report).contains(&"unused-goal"));
}

#[test]
fn self_flow_without_a_clean_removal_has_no_fix() {
    // A comment between `to` and the name: the fix would have to guess.
    let report = support::check_block(
        "agreement \"Workshops\" {\n  party chapter \"Wikimedia Israel\" {\n    invests time \"Trainers\" to # the chapter\n      chapter\n    gains members \"New editors\"\n  }\n}\n",
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "self-flow")
        .expect("self-flow");
    assert!(d.fix.is_none());
}
