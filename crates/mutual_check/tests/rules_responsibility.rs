//! The Responsibility and governance rules: each fixture in
//! `tests/rules/<rule>/`, the fixes, and their edge cases.

mod support;

use mutual_check::{Applicability, FileReport};

#[test]
fn no_commitment() {
    support::fires_and_passes!("no-commitment");
}

#[test]
fn unilateral_decisions() {
    support::fires_and_passes!("unilateral-decisions");
}

#[test]
fn missing_governance() {
    support::fires_and_passes!("missing-governance");
}

#[test]
fn unmitigated_risk() {
    support::fires_and_passes!("unmitigated-risk");
}

#[test]
fn no_commitment_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("no-commitment", Applicability::Unsafe);
    assert!(fixed[0].contains(
        "    signed 2026-08-14\n    commits \"TODO: what does this party commit to?\"\n  }\n"
    ));
}

#[test]
fn missing_governance_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("missing-governance", Applicability::Unsafe);
    assert!(fixed[0].ends_with(
        "mitigation \"A reserve trainer is named for each workshop\"\n  decides all \"TODO: how are decisions taken?\"\n}\n"
    ));
}

#[test]
fn unmitigated_risk_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("unmitigated-risk", Applicability::Unsafe);
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
        support::apply(text, fix),
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
