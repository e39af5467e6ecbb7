//! The "Content and licensing" rules: fixtures in `tests/rules/<rule>/`.

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
fn missing_license() {
    fixture("missing-license", true);
}

#[test]
fn nonfree_license() {
    fixture("nonfree-license", false);
}

#[test]
fn a_filled_in_placeholder_is_checked_as_a_license() {
    // The placeholder the fix inserts is not a license: it stays flagged
    // until someone writes the real one.
    let report = support::check_block(
        r#"
agreement "Archive photos" {
  party museum "Haifa City Museum" {
    invests content "Scans" license "TODO: which license?"
    gains visibility "Credit on every photo"
  }
  party chapter "Wikimedia Israel" {
    invests time "Uploading the photos"
    gains content "Photos for articles"
  }
}
"#,
    );
    let rules = support::rules_of(&report);
    assert!(
        !rules.contains(&"missing-license"),
        "{}",
        support::render(&report)
    );
    assert!(
        rules.contains(&"invalid-license"),
        "{}",
        support::render(&report)
    );
}

#[test]
fn a_party_may_waive_a_restrictive_license() {
    let report = support::check_block(
        r#"
agreement "Archive photos" {
  party museum "Haifa City Museum" {
    invests content "Scans" license "CC-BY-NC-4.0"
    gains visibility "Credit on every photo"
    allow nonfree-license because "The scans are for the exhibition only, not for Commons"
  }
  party chapter "Wikimedia Israel" {
    invests content "Photos of the exhibition" license "CC-BY-ND-4.0"
    gains content "Material for articles"
  }
}
"#,
    );
    let nonfree: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "nonfree-license")
        .collect();
    assert_eq!(nonfree.len(), 1, "{}", support::render(&report));
    assert!(nonfree[0].message.starts_with("Wikimedia Israel"));
}
