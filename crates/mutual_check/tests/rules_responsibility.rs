//! The Responsibility and governance rules: each fixture in
//! `tests/rules/<rule>/`, the fixes, and their edge cases.

mod support;

use std::path::Path;

use mutual_check::{Applicability, FileReport, Fix};

/// Checks `tests/rules/<rule>/<kind>.mutual`, with the other files of that
/// folder beside it (for imports).
fn fixture(rule: &str, kind: &str) -> (String, FileReport) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/rules")
        .join(rule);
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
    (text, support::check_files(&files, &support::options()).1)
}

/// fires.mutual produces the rule, passes.mutual does not; both snapshotted.
fn fires_and_passes(rule: &str) {
    let (_, fires) = fixture(rule, "fires");
    assert!(
        support::rules_of(&fires).contains(&rule),
        "{rule}/fires.mutual does not produce it:\n{}",
        support::render(&fires)
    );
    assert!(!support::rules_of(&fires).contains(&"syntax-error"));
    insta::assert_snapshot!(format!("{rule}__fires"), support::render(&fires));
    let (_, passes) = fixture(rule, "passes");
    assert!(
        !support::rules_of(&passes).contains(&rule),
        "{rule}/passes.mutual produces it:\n{}",
        support::render(&passes)
    );
    assert!(!support::rules_of(&passes).contains(&"syntax-error"));
    insta::assert_snapshot!(format!("{rule}__passes"), support::render(&passes));
}

/// The text with a fix applied.
fn apply(text: &str, fix: &Fix) -> String {
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

/// Every fix `rule` offers in its fires fixture, applied alone: the result
/// still reads, and has one diagnostic of `rule` fewer. Returns the fixed
/// texts.
fn fixes_resolve(rule: &str, applicability: Applicability) -> Vec<String> {
    let (text, report) = fixture(rule, "fires");
    let before = support::rules_of(&report)
        .iter()
        .filter(|r| **r == rule)
        .count();
    let mut fixed = Vec::new();
    for d in report.diagnostics.iter().filter(|d| d.rule.name == rule) {
        let fix = d
            .fix
            .as_ref()
            .unwrap_or_else(|| panic!("{rule}: no fix on {}", d.message));
        assert_eq!(fix.applicability, applicability, "{rule}: {}", fix.title);
        let new = apply(&text, fix);
        let after = support::check_block(&new);
        let rules = support::rules_of(&after);
        assert!(
            !rules.contains(&"syntax-error"),
            "{rule}: the fix breaks the file:\n{new}"
        );
        assert_eq!(
            rules.iter().filter(|r| **r == rule).count(),
            before - 1,
            "{rule}: the fix does not remove the diagnostic:\n{new}\n{}",
            support::render(&after)
        );
        fixed.push(new);
    }
    assert!(!fixed.is_empty());
    fixed
}

#[test]
fn no_commitment() {
    fires_and_passes("no-commitment");
}

#[test]
fn unilateral_decisions() {
    fires_and_passes("unilateral-decisions");
}

#[test]
fn missing_governance() {
    fires_and_passes("missing-governance");
}

#[test]
fn unmitigated_risk() {
    fires_and_passes("unmitigated-risk");
}

#[test]
fn no_commitment_fix_adds_a_placeholder() {
    let fixed = fixes_resolve("no-commitment", Applicability::Unsafe);
    assert!(fixed[0].contains(
        "    signed 2026-08-14\n    commits \"TODO: what does this party commit to?\"\n  }\n"
    ));
}

#[test]
fn missing_governance_fix_adds_a_placeholder() {
    let fixed = fixes_resolve("missing-governance", Applicability::Unsafe);
    assert!(fixed[0].ends_with(
        "mitigation \"A reserve trainer is named for each workshop\"\n  decides all \"TODO: how are decisions taken?\"\n}\n"
    ));
}

#[test]
fn unmitigated_risk_fix_adds_a_placeholder() {
    let fixed = fixes_resolve("unmitigated-risk", Applicability::Unsafe);
    assert!(fixed[0].contains(
        "  risk \"Few people come in the summer\" mitigation \"TODO: what will the sides do if it happens?\"   # no plan yet\n"
    ));
}

fn check(text: &str) -> FileReport {
    let report = support::check_block(text);
    assert!(
        !support::rules_of(&report).contains(&"syntax-error"),
        "{}",
        support::render(&report)
    );
    report
}

#[test]
fn unilateral_decisions_only_with_two_parties_or_more() {
    let report = check(
        "agreement \"Alone\" {\n  party a \"A\" {\n    invests time \"Work\"\n  }\n  decides a \"Everything\"\n}\n",
    );
    assert!(!support::rules_of(&report).contains(&"unilateral-decisions"));
}

#[test]
fn unilateral_decisions_points_at_the_party_and_can_be_waived_by_it() {
    let text = "agreement \"T\" {\n  party a \"A\" {\n  }\n  party b \"B\" {\n  }\n  decides b \"The room\"\n}\n";
    let report = check(text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "unilateral-decisions")
        .expect("unilateral-decisions");
    assert_eq!(&text[d.span.range()], "b");
    assert_eq!(
        d.message,
        "only B decides here, while A has no say: decisions in a partnership are shared"
    );
    let waived = check(&text.replace(
        "  party b \"B\" {\n",
        "  party b \"B\" {\n    allow unilateral-decisions because \"The room is theirs\"\n",
    ));
    assert!(!support::rules_of(&waived).contains(&"unilateral-decisions"));
    assert!(!support::rules_of(&waived).contains(&"unused-allow"));
}

#[test]
fn a_decision_by_two_named_parties_is_shared() {
    let report = check(
        "agreement \"T\" {\n  party a \"A\" {\n  }\n  party b \"B\" {\n  }\n  party c \"C\" {\n  }\n  decides a, c \"The room\"\n}\n",
    );
    assert!(!support::rules_of(&report).contains(&"unilateral-decisions"));
}

#[test]
fn missing_governance_fix_in_a_one_line_agreement() {
    let text = "agreement \"T\" { party a \"A\" { } }\n";
    let report = check(text);
    let fix = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "missing-governance")
        .and_then(|d| d.fix.as_ref())
        .expect("a fix");
    assert_eq!(
        apply(text, fix),
        "agreement \"T\" { party a \"A\" { } decides all \"TODO: how are decisions taken?\" }\n"
    );
}

#[test]
fn unmitigated_risk_once_per_risk() {
    let report = check(
        "agreement \"T\" {\n  risk \"One\"\n  risk \"Two\" mitigation \"Plan\"\n  risk \"Three\"\n}\n",
    );
    let risks: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "unmitigated-risk")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        risks,
        [
            "the risk \"One\" has no mitigation: agree now what the sides will do if it happens",
            "the risk \"Three\" has no mitigation: agree now what the sides will do if it happens",
        ]
    );
}
