//! The Time rules: each fixture in `tests/rules/<rule>/`, the fixes, and
//! the date arithmetic at the edges (checked on 2026-11-23).

mod support;

use mutual_check::{Applicability, CalendarDate, FileReport, Options};

/// Checks one agreement on `today`, with `expires-soon-days` = `days`.
fn check_on(text: &str, today: &str, days: u32) -> FileReport {
    let options = Options {
        today: CalendarDate::parse(today).expect("date"),
        expires_soon_days: days,
        ..support::options()
    };
    support::check_files(&[("main.mutual".to_string(), text.to_string())], &options).1
}

/// The messages of `rule`.
fn messages(report: &FileReport, rule: &str) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == rule)
        .map(|d| d.message.clone())
        .collect()
}

fn with_term(term: &str) -> String {
    format!("agreement \"Photo walks\" {{\n  status active\n  {term}\n}}\n")
}

#[test]
fn missing_term() {
    support::fires_and_passes!("missing-term");
}

#[test]
fn term_order() {
    support::fires_and_passes!("term-order");
}

#[test]
fn open_ended_without_exit() {
    support::fires_and_passes!("open-ended-without-exit");
    support::fix_snapshot!("open-ended-without-exit", Applicability::Unsafe);
}

#[test]
fn missing_exit() {
    support::fires_and_passes!("missing-exit");
    support::fix_snapshot!("missing-exit", Applicability::Unsafe);
}

#[test]
fn missing_wind_down() {
    support::fires_and_passes!("missing-wind-down");
    support::fix_snapshot!("missing-wind-down", Applicability::Unsafe);
}

#[test]
fn missing_review() {
    support::fires_and_passes!("missing-review");
    support::fix_snapshot!("missing-review", Applicability::Unsafe);
}

#[test]
fn review_longer_than_term() {
    support::fires_and_passes!("review-longer-than-term");
}

#[test]
fn expired() {
    support::fires_and_passes!("expired");
}

#[test]
fn expires_soon() {
    support::fires_and_passes!("expires-soon");
}

#[test]
fn commitment_outside_term() {
    support::fires_and_passes!("commitment-outside-term");
}

#[test]
fn an_open_ended_term_needs_an_exit_but_is_no_missing_exit() {
    let report = check_on(&with_term("term 2026-03-01 open-ended"), "2026-11-23", 60);
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"open-ended-without-exit"));
    assert!(!rules.contains(&"missing-exit"));
    // Without any term, the exit is still missing.
    let report = check_on("agreement \"Photo walks\" {\n}\n", "2026-11-23", 60);
    assert!(support::rules_of(&report).contains(&"missing-exit"));
    assert!(!support::rules_of(&report).contains(&"open-ended-without-exit"));
}

#[test]
fn expires_soon_counts_today_and_the_window_inclusively() {
    let cases = [
        // (end, today, window, fires)
        ("2026-11-23", "2026-11-23", 60, Some("the term ends today")),
        (
            "2026-11-24",
            "2026-11-23",
            60,
            Some("the term ends tomorrow, 2026-11-24"),
        ),
        (
            "2027-01-22",
            "2026-11-23",
            60,
            Some("the term ends on 2027-01-22, in 60 days"),
        ),
        ("2027-01-23", "2026-11-23", 60, None),
        ("2026-11-22", "2026-11-23", 60, None),
        ("2026-11-23", "2026-11-23", 0, Some("the term ends today")),
        ("2026-11-24", "2026-11-23", 0, None),
        // Over a leap day: 2028-02-29 is 30 days after 2028-01-30.
        (
            "2028-02-29",
            "2028-01-30",
            30,
            Some("the term ends on 2028-02-29, in 30 days"),
        ),
        ("2028-03-01", "2028-01-30", 30, None),
    ];
    for (end, today, window, expected) in cases {
        let report = check_on(
            &with_term(&format!("term 2026-01-01 to {end}")),
            today,
            window,
        );
        let found = messages(&report, "expires-soon");
        match expected {
            Some(prefix) => {
                assert_eq!(
                    found.len(),
                    1,
                    "{end} on {today} within {window}: {found:?}"
                );
                assert!(
                    found[0].starts_with(prefix),
                    "{end} on {today}: {}",
                    found[0]
                );
            }
            None => assert!(
                found.is_empty(),
                "{end} on {today} within {window}: {found:?}"
            ),
        }
    }
}

#[test]
fn expired_depends_on_status_and_today() {
    let term = "term 2025-01-01 to 2026-11-22";
    let with_status =
        |status: &str| format!("agreement \"Photo walks\" {{\n  {status}\n  {term}\n}}\n");
    for status in [
        "status draft",
        "status proposed",
        "status signed",
        "status active",
        "",
    ] {
        let report = check_on(&with_status(status), "2026-11-23", 60);
        assert_eq!(messages(&report, "expired").len(), 1, "{status:?}");
    }
    let report = check_on(&with_status("status ended"), "2026-11-23", 60);
    assert!(messages(&report, "expired").is_empty());
    // Ending today is not yet expired.
    let report = check_on(&with_status("status active"), "2026-11-22", 60);
    assert!(messages(&report, "expired").is_empty());
    // An open-ended term never expires.
    let report = check_on(&with_term("term 2020-01-01 open-ended"), "2026-11-23", 60);
    assert!(messages(&report, "expired").is_empty());
}

#[test]
fn the_first_review_uses_calendar_months() {
    // 2026-01-31 plus one month is 2026-02-28: on the last day, not after.
    let review = |term: &str, every: &str| {
        let text = format!("agreement \"Photo walks\" {{\n  {term}\n  review every {every}\n}}\n");
        messages(
            &check_on(&text, "2026-01-01", 60),
            "review-longer-than-term",
        )
    };
    assert!(review("term 2026-01-31 to 2026-02-28", "1 month").is_empty());
    assert_eq!(review("term 2026-01-31 to 2026-02-27", "1 month").len(), 1);
    assert!(review("term 2026-01-01 to 2026-01-15", "2 weeks").is_empty());
    assert_eq!(review("term 2026-01-01 to 2026-01-14", "2 weeks").len(), 1);
    assert!(review("term 2026-01-01 to 2026-01-08", "7 days").is_empty());
    assert_eq!(review("term 2026-01-01 to 2027-12-31", "2 years").len(), 1);
    assert!(review("term 2024-02-29 to 2025-02-28", "1 year").is_empty());
    assert_eq!(
        review("term 2026-06-01 to 2026-08-31", "6 months"),
        vec!["the first review would fall on 2026-12-01, after the term ends on 2026-08-31: the partners never look back together while the agreement runs".to_string()]
    );
    // Open-ended terms and terms without a review have nothing to compare.
    assert!(review("term 2026-01-01 open-ended", "5 years").is_empty());
}

#[test]
fn commitments_are_compared_with_both_ends_of_the_term() {
    let text = |term: &str, by: &str| {
        format!(
            "agreement \"Photo walks\" {{\n  {term}\n  party wmil \"Wikimedia Israel\" {{\n    commits \"Lead the walks\" by {by}\n    commits \"Upload the photos\"\n  }}\n}}\n"
        )
    };
    let found = |term: &str, by: &str| {
        messages(
            &check_on(&text(term, by), "2026-11-23", 60),
            "commitment-outside-term",
        )
    };
    let term = "term 2026-03-01 to 2027-02-28";
    assert!(found(term, "2026-03-01").is_empty());
    assert!(found(term, "2027-02-28").is_empty());
    assert_eq!(
        found(term, "2026-02-28"),
        vec!["Wikimedia Israel commits to \"Lead the walks\" by 2026-02-28, before the term starts on 2026-03-01: the agreement does not hold yet on that date".to_string()]
    );
    assert_eq!(
        found(term, "2027-03-01"),
        vec!["Wikimedia Israel commits to \"Lead the walks\" by 2027-03-01, after the term ends on 2027-02-28: the agreement no longer holds on that date".to_string()]
    );
    // Open-ended: only the start counts.
    assert!(found("term 2026-03-01 open-ended", "2040-01-01").is_empty());
    assert_eq!(found("term 2026-03-01 open-ended", "2026-01-01").len(), 1);
    // No term: nothing to compare with.
    let report = check_on(
        "agreement \"Photo walks\" {\n  party wmil \"Wikimedia Israel\" {\n    commits \"Lead the walks\" by 2040-01-01\n  }\n}\n",
        "2026-11-23",
        60,
    );
    assert!(messages(&report, "commitment-outside-term").is_empty());
}

#[test]
fn a_commitment_outside_the_term_can_be_waived_by_its_party() {
    let text = "agreement \"Photo walks\" {\n  term 2026-03-01 to 2027-02-28\n  party wmil \"Wikimedia Israel\" {\n    commits \"Lead the walks\" by 2027-06-30\n    allow commitment-outside-term because \"The last walk is planned after the term, as a farewell\"\n  }\n}\n";
    let report = check_on(text, "2026-11-23", 60);
    assert!(messages(&report, "commitment-outside-term").is_empty());
    assert!(!support::rules_of(&report).contains(&"unused-allow"));
}

#[test]
fn dates_that_do_not_exist_are_left_to_invalid_date() {
    let time_rules = [
        "term-order",
        "review-longer-than-term",
        "expired",
        "expires-soon",
        "commitment-outside-term",
    ];
    let cases = [
        // An end that does not exist: no order, no review, no expiry.
        (
            "agreement \"A\" {\n  status active\n  term 2026-03-01 to 2026-02-30\n  review every 12 months\n}\n",
            "2026-11-23",
        ),
        // A start that does not exist: no order with the end.
        ("agreement \"A\" {\n  term 2025-02-29 to 2024-01-01\n}\n", "2023-06-01"),
        // A commitment date that does not exist.
        (
            "agreement \"A\" {\n  term 2026-03-01 to 2026-12-31\n  party p \"P\" {\n    commits \"x\" by 2027-13-01\n  }\n}\n",
            "2026-01-01",
        ),
    ];
    for (text, today) in cases {
        let report = check_on(text, today, 0);
        for rule in time_rules {
            assert!(messages(&report, rule).is_empty(), "{rule} on:\n{text}");
        }
    }
    // A start that does not exist does not hide an end in the past.
    let report = check_on(
        "agreement \"A\" {\n  term 2025-02-29 to 2026-01-01\n}\n",
        "2026-11-23",
        60,
    );
    assert_eq!(messages(&report, "expired").len(), 1);
}

#[test]
fn a_reversed_term_is_reported_once() {
    let text = "agreement \"A\" {\n  status active\n  term 2027-12-31 to 2026-03-01\n  review every 1 month\n  party p \"P\" {\n    commits \"x\" by 2027-06-30\n  }\n}\n";
    let report = check_on(text, "2026-11-23", 60);
    assert_eq!(messages(&report, "term-order").len(), 1);
    for rule in [
        "review-longer-than-term",
        "expired",
        "expires-soon",
        "commitment-outside-term",
    ] {
        assert!(messages(&report, rule).is_empty(), "{rule}");
    }
}

#[test]
fn missing_wind_down_is_once_per_agreement() {
    let text = "agreement \"A\" {\n  party p \"P\" {\n    invests data \"Metadata\"\n    invests content \"Photos\"\n  }\n  party q \"Q\" {\n    invests content \"Texts\"\n  }\n}\n\nagreement \"B\" {\n  party r \"R\" {\n    gains content \"Photos\"\n    invests time \"Walks\"\n  }\n}\n";
    let report = check_on(text, "2026-11-23", 60);
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "missing-wind-down")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "P invests data, but nothing says what happens to it when the agreement ends"
    );
    assert_eq!(&text[found[0].span.range()], "data");
    assert_eq!(found[0].agreement, Some(0));
}

#[test]
fn the_review_fix_keeps_crlf_and_one_line_agreements_work() {
    let crlf = "agreement \"A\" {\r\n\tstatus draft\r\n\tterm 2026-03-01 to 2027-02-28\r\n\tparty p \"P\" {\r\n\t}\r\n}\r\n";
    let report = check_on(crlf, "2026-11-23", 60);
    let fix = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "missing-review")
        .and_then(|d| d.fix.clone())
        .expect("a fix");
    assert_eq!(
        support::apply(crlf, &fix),
        "agreement \"A\" {\r\n\tstatus draft\r\n\tterm 2026-03-01 to 2027-02-28\r\n\treview every 12 months\r\n\tparty p \"P\" {\r\n\t}\r\n}\r\n"
    );
    let one_line = "agreement \"A\" { status draft }\n";
    let report = check_on(one_line, "2026-11-23", 60);
    let fixed: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "missing-review" || d.rule.name == "missing-exit")
        .map(|d| support::apply(one_line, d.fix.as_ref().expect("a fix")))
        .collect();
    assert_eq!(
        fixed,
        vec![
            "agreement \"A\" { status draft exit \"TODO: how can a side leave the agreement, and with how much notice?\" }\n".to_string(),
            "agreement \"A\" { status draft review every 12 months }\n".to_string(),
        ]
    );
}
