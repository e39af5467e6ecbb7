//! The Completeness rules: each fixture in `tests/rules/<rule>/`, the
//! placeholder fixes (indentation, line ends, one-line blocks), and the
//! edge cases of contacts and signatures.

mod support;

use mutual_check::{Applicability, FileReport};

/// Checks a text on the test date.
fn check(text: &str) -> FileReport {
    support::check_files(
        &[("main.mutual".to_string(), text.to_string())],
        &support::options(),
    )
    .1
}

/// The fixed texts of every diagnostic of `rule`.
fn fixed(text: &str, rule: &str) -> Vec<String> {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == rule)
        .map(|d| support::apply(text, d.fix.as_ref().expect("a fix")))
        .collect()
}

#[test]
fn missing_purpose() {
    support::fires_and_passes!("missing-purpose");
    support::fix_snapshot!("missing-purpose", Applicability::Unsafe);
}

#[test]
fn missing_contact() {
    support::fires_and_passes!("missing-contact");
    support::fix_snapshot!("missing-contact", Applicability::Unsafe);
}

#[test]
fn missing_signature() {
    support::fires_and_passes!("missing-signature");
}

#[test]
fn binding_unstated() {
    support::fires_and_passes!("binding-unstated");
}

#[test]
fn missing_measure() {
    support::fires_and_passes!("missing-measure");
    support::fix_snapshot!("missing-measure", Applicability::Unsafe);
}

#[test]
fn nothing_new() {
    support::fires_and_passes!("nothing-new");
    support::fix_snapshot!("nothing-new", Applicability::Unsafe);
}

#[test]
fn vague_investment() {
    support::fires_and_passes!("vague-investment");
    support::fix_snapshot!("vague-investment", Applicability::Unsafe);
}

#[test]
fn the_crlf_fixture_gets_crlf() {
    let (text, report) = support::fixture("missing-purpose", "fires");
    assert!(text.contains("\r\n"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "missing-purpose")
        .expect("missing-purpose");
    let out = support::apply(&text, d.fix.as_ref().expect("a fix"));
    assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
    assert!(out.contains(
        "  status active\r\n  purpose \"TODO: what do the partners set out to do together?\"\r\n  binding no\r\n"
    ));
}

#[test]
fn a_missing_clause_goes_in_canonical_order() {
    // After the last header clause that comes before it in the canonical
    // order (status, purpose, binding, term, review, exit, wind-down,
    // creates, measure), with that clause's indentation.
    let text = "agreement \"A\" {\n    status draft\n    term 2026-03-01 to 2027-02-28\n\n    party p \"P\" {\n    }\n}\n";
    assert_eq!(
        fixed(text, "missing-purpose"),
        vec!["agreement \"A\" {\n    status draft\n    purpose \"TODO: what do the partners set out to do together?\"\n    term 2026-03-01 to 2027-02-28\n\n    party p \"P\" {\n    }\n}\n".to_string()]
    );
    // Nothing before it: above the first header clause.
    let text = "agreement \"A\" {\n  term 2026-03-01 to 2027-02-28 # one year\n}\n";
    assert_eq!(
        fixed(text, "missing-purpose"),
        vec!["agreement \"A\" {\n  purpose \"TODO: what do the partners set out to do together?\"\n  term 2026-03-01 to 2027-02-28 # one year\n}\n".to_string()]
    );
    // After a clause with a comment on its line: below the comment.
    assert_eq!(
        fixed(text, "missing-measure"),
        vec!["agreement \"A\" {\n  term 2026-03-01 to 2027-02-28 # one year\n  measure \"TODO: how will the partners tell that it worked?\"\n}\n".to_string()]
    );
    // No header clause at all: before the closing brace, indented like
    // the first clause.
    let text = "agreement \"A\" {\n\tparty p \"P\" {\n\t}\n}\n";
    assert_eq!(
        fixed(text, "nothing-new"),
        vec!["agreement \"A\" {\n\tparty p \"P\" {\n\t}\n\tcreates \"TODO: what will the partners make together that neither has alone?\"\n}\n".to_string()]
    );
    // An empty agreement: two spaces deeper than the brace.
    let text = "agreement \"A\" {\n}\n";
    assert_eq!(
        fixed(text, "missing-measure"),
        vec!["agreement \"A\" {\n  measure \"TODO: how will the partners tell that it worked?\"\n}\n".to_string()]
    );
    // All on one line.
    let text = "agreement \"A\" { status draft }";
    assert_eq!(
        fixed(text, "missing-purpose"),
        vec!["agreement \"A\" { status draft purpose \"TODO: what do the partners set out to do together?\" }".to_string()]
    );
    // No closing brace and nothing to follow: a syntax error, and no place
    // to offer.
    let report = check("agreement \"A\" {\n");
    assert!(support::rules_of(&report).contains(&"syntax-error"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "nothing-new")
        .expect("nothing-new");
    assert!(d.fix.is_none());
}

#[test]
fn a_missing_contact_goes_after_the_identity_lines() {
    let text = "agreement \"A\" {\n  party p \"Museum \\\"Eretz\\\"\" {\n      kind museum\n      invests venue \"A hall\"\n  }\n  party q \"Q\" {\n    invests time \"Walks\"\n  }\n  party r \"R\" {}\n  party s \"S\" {\n  }\n}\n";
    assert_eq!(
        fixed(text, "missing-contact"),
        vec![
            "agreement \"A\" {\n  party p \"Museum \\\"Eretz\\\"\" {\n      kind museum\n      contact \"TODO: who is the contact person at Museum \\\"Eretz\\\"?\"\n      invests venue \"A hall\"\n  }\n  party q \"Q\" {\n    invests time \"Walks\"\n  }\n  party r \"R\" {}\n  party s \"S\" {\n  }\n}\n".to_string(),
            "agreement \"A\" {\n  party p \"Museum \\\"Eretz\\\"\" {\n      kind museum\n      invests venue \"A hall\"\n  }\n  party q \"Q\" {\n    contact \"TODO: who is the contact person at Q?\"\n    invests time \"Walks\"\n  }\n  party r \"R\" {}\n  party s \"S\" {\n  }\n}\n".to_string(),
            "agreement \"A\" {\n  party p \"Museum \\\"Eretz\\\"\" {\n      kind museum\n      invests venue \"A hall\"\n  }\n  party q \"Q\" {\n    invests time \"Walks\"\n  }\n  party r \"R\" { contact \"TODO: who is the contact person at R?\" }\n  party s \"S\" {\n  }\n}\n".to_string(),
            "agreement \"A\" {\n  party p \"Museum \\\"Eretz\\\"\" {\n      kind museum\n      invests venue \"A hall\"\n  }\n  party q \"Q\" {\n    invests time \"Walks\"\n  }\n  party r \"R\" {}\n  party s \"S\" {\n    contact \"TODO: who is the contact person at S?\"\n  }\n}\n".to_string(),
        ]
    );
}

#[test]
fn anonymous_parties_need_no_contact_and_definitions_count() {
    let text = "party wmil \"Wikimedia Israel\" {\n  contact \"office@example.org\"\n}\nparty museum \"Museum\"\n\nagreement \"A\" {\n  party wmil {\n  }\n  party museum {\n  }\n  party donor \"A friend\" {\n    anonymous\n  }\n}\n";
    let report = check(text);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "missing-contact")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "Museum has no contact: the other sides do not know whom to reach when something comes up"
    );
    assert_eq!(&text[found[0].span.range()], "museum");
    assert_eq!(found[0].party.as_deref(), Some("museum"));
}

#[test]
fn signatures_are_needed_once_signed_or_active() {
    let text = |status: &str| {
        format!(
            "agreement \"A\" {{\n  {status}\n  party p \"P\" {{\n    signed 2026-01-01\n  }}\n  party q \"Q\" {{\n  }}\n}}\n"
        )
    };
    for (status, fires) in [
        ("status signed", true),
        ("status active", true),
        ("status draft", false),
        ("status proposed", false),
        ("status ended", false),
        ("", false),
    ] {
        let report = check(&text(status));
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.name == "missing-signature")
            .collect();
        assert_eq!(found.len(), usize::from(fires), "{status:?}");
        if let Some(d) = found.first() {
            assert_eq!(d.party.as_deref(), Some("q"));
            assert_eq!(d.related.len(), 1);
        }
    }
    // A signature whose date does not exist is still a signature (the date
    // is `invalid-date`'s business).
    let report = check(
        "agreement \"A\" {\n  status active\n  party p \"P\" {\n    signed 2026-02-30\n  }\n}\n",
    );
    assert_eq!(support::count(&report, "missing-signature"), 0);
}

#[test]
fn vague_investments_are_each_reported() {
    let text = "agreement \"A\" {\n  party p \"P\" {\n    invests venue\n    invests money 2000 EUR\n    invests time \"Walks\"\n    invests expertise license \"CC0-1.0\"\n    gains visitors\n  }\n}\n";
    let report = check(text);
    let spans: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "vague-investment")
        .map(|d| &text[d.span.range()])
        .collect();
    assert_eq!(spans, vec!["venue", "expertise"]);
    assert_eq!(
        fixed(text, "vague-investment")[1],
        "agreement \"A\" {\n  party p \"P\" {\n    invests venue\n    invests money 2000 EUR\n    invests time \"Walks\"\n    invests expertise \"TODO: what expertise exactly, and how much?\" license \"CC0-1.0\"\n    gains visitors\n  }\n}\n"
    );
}
