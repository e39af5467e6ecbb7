//! The Mutuality rules: each fixture in `tests/rules/<rule>/`, the fixes,
//! and the edge cases of who pays whom.

mod support;

use mutual_check::Applicability;

#[test]
fn single_party() {
    support::fires_and_passes!("single-party");
}

#[test]
fn no_investment() {
    support::fires_and_passes!("no-investment");
}

#[test]
fn no_benefit() {
    support::fires_and_passes!("no-benefit");
}

#[test]
fn paid_service() {
    support::fires_and_passes!("paid-service");
}

#[test]
fn anonymous_recognition() {
    support::fires_and_passes!("anonymous-recognition");
}

#[test]
fn sponsorship() {
    support::fires_and_passes!("sponsorship");
}

#[test]
fn no_goal() {
    support::fires_and_passes!("no-goal");
}

#[test]
fn no_shared_goal() {
    support::fires_and_passes!("no-shared-goal");
}

#[test]
fn no_investment_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("no-investment", Applicability::Unsafe);
    assert!(fixed[0].contains(
        "    commits \"Book the lab and announce every workshop\"\n    signed 2026-08-14\n    invests other \"TODO: what does this party invest?\"\n  }\n"
    ));
}

#[test]
fn no_benefit_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("no-benefit", Applicability::Unsafe);
    assert_eq!(fixed.len(), 3);
    assert!(fixed[0].contains(
        "    signed 2026-08-14\n    gains other \"TODO: what does this party gain?\"\n  }\n"
    ));
}

/// Rules of one agreement between `a` and `b` (party bodies), with `extra`
/// clauses (goals, channels…).
fn rules_between(extra: &str, a: &str, b: &str) -> Vec<&'static str> {
    let text = format!(
        "agreement \"Test\" {{\n{extra}\n  party a \"Side A\" {{\n{a}\n  }}\n  party b \"Side B\" {{\n{b}\n  }}\n}}\n"
    );
    let report = support::check_block(&text);
    let rules = support::rules_of(&report);
    assert!(!rules.contains(&"syntax-error"), "{text}");
    rules
}

const GOALS: &str = "  goal ga \"A's goal\"\n  goal gb \"B's goal\"\n  goal both \"A shared goal\"";

#[test]
fn paid_service_needs_one_payer() {
    // Paid by A and by C: not "money from one other party".
    let text = r#"agreement "Three" {
  goal ga "A's goal"
  goal gb "B's goal"
  party a "Side A" {
    pursues ga
    invests money "Half the rent" to b
    gains venue "The hall" from b
  }
  party b "Side B" {
    pursues gb
    invests venue "The hall"
    gains money "Half the rent" from a
    gains money "The other half" from c
  }
  party c "Side C" {
    pursues ga
    invests money "The other half" to b
    gains visitors "People at the event"
  }
}
"#;
    let report = support::check_block(text);
    assert!(!support::rules_of(&report).contains(&"paid-service"));
}

#[test]
fn paid_service_money_from_the_partnership_is_not_a_payment() {
    let rules = rules_between(
        GOALS,
        "    pursues ga\n    invests time \"Trainers\"\n    gains venue \"The hall\"",
        "    pursues gb\n    invests venue \"The hall\"\n    gains money \"A grant from the common budget\"",
    );
    assert!(!rules.contains(&"paid-service"));
}

#[test]
fn paid_service_gain_without_from_is_paid_by_the_one_investor() {
    let rules = rules_between(
        GOALS,
        "    pursues ga\n    invests money \"Rent\" to b\n    gains venue \"The hall\"",
        "    pursues gb\n    invests venue \"The hall\"\n    gains money \"Rent\"",
    );
    assert!(rules.contains(&"paid-service"));
}

#[test]
fn paid_service_when_the_payment_is_written_on_the_payer_side_only() {
    // B writes no gain at all; A pays it. That is a service (and B's gain is
    // unwritten, which no-benefit reports too).
    let text = "agreement \"Test\" {\n  goal ga \"A's goal\"\n  party a \"Side A\" {\n    pursues ga\n    invests money \"Rent\" to b\n    gains venue \"The hall\" from b\n  }\n  party b \"Side B\" {\n    invests venue \"The hall\"\n  }\n}\n";
    let report = support::check_block(text);
    let rules = support::rules_of(&report);
    assert!(
        rules.contains(&"paid-service"),
        "{}",
        support::render(&report)
    );
    assert!(rules.contains(&"no-benefit"));
    assert_eq!(report.agreements[0].verdict.as_str(), "service");
    assert_eq!(report.agreements[0].parties[1].role.as_str(), "provider");
    let no_benefit = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "no-benefit")
        .expect("no-benefit");
    assert!(no_benefit
        .help
        .as_deref()
        .is_some_and(|h| h.contains("Side A directs an investment to Side B")));
}

#[test]
fn paid_service_not_when_other_things_are_invested_in_the_side_paid() {
    let rules = rules_between(
        GOALS,
        "    pursues ga\n    invests money \"Rent\" to b\n    invests promotion \"The hall in our newsletter\" to b\n    gains venue \"The hall\" from b",
        "    pursues gb\n    invests venue \"The hall\"\n    gains money \"Rent\" from a",
    );
    assert!(!rules.contains(&"paid-service"));
}

#[test]
fn paid_service_not_when_the_payer_gains_nothing() {
    // That is a donation to B, not a purchase.
    let rules = rules_between(
        GOALS,
        "    pursues ga\n    invests money \"A gift\" to b",
        "    pursues gb\n    invests time \"Work\"\n    gains money \"A gift\" from a",
    );
    assert!(!rules.contains(&"paid-service"));
    assert!(rules.contains(&"no-benefit"));
}

#[test]
fn paid_service_not_from_an_unknown_party() {
    let rules = rules_between(
        GOALS,
        "    pursues ga\n    invests time \"Work\"\n    gains venue \"The hall\" from b",
        "    pursues gb\n    invests venue \"The hall\"\n    gains money \"Rent\" from nobody",
    );
    assert!(!rules.contains(&"paid-service"));
}

#[test]
fn paid_service_waived_on_the_side_paid() {
    let text = "agreement \"Test\" {\n  goal ga \"A's goal\"\n  goal gb \"B's goal\"\n  party a \"Side A\" {\n    pursues ga\n    invests money \"Rent\" to b\n    gains venue \"The hall\" from b\n  }\n  party b \"Side B\" {\n    pursues gb\n    invests venue \"The hall\"\n    gains money \"Rent\" from a\n    allow paid-service because \"A social enterprise: the rent is below cost\"\n  }\n}\n";
    let report = support::check_block(text);
    let rules = support::rules_of(&report);
    assert!(!rules.contains(&"paid-service"));
    assert!(!rules.contains(&"unused-allow"));
    assert_eq!(report.agreements[0].verdict.as_str(), "partnership");
}

#[test]
fn sponsorship_reported_when_paid_service_is_switched_off() {
    let text = "agreement \"Test\" {\n  goal ga \"A's goal\"\n  goal gb \"B's goal\"\n  party a \"Side A\" {\n    pursues ga\n    invests time \"Work\"\n    gains money \"Sponsoring\" from b\n  }\n  party b \"Side B\" {\n    pursues gb\n    invests money \"Sponsoring\" to a\n    gains visibility \"Logo\"\n  }\n}\n";
    let report = support::check_block(text);
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"paid-service"));
    assert!(!rules.contains(&"sponsorship"));
    let mut options = support::options();
    options.levels.insert("paid-service".to_string(), None);
    let (_dir, report) = support::check_files(&support::split_files(text), &options);
    let rules = support::rules_of(&report);
    assert!(!rules.contains(&"paid-service"));
    assert!(rules.contains(&"sponsorship"));
}

#[test]
fn anonymous_recognition_needs_a_gain() {
    // Gaining nothing at all is no-benefit's business.
    let rules = rules_between(
        GOALS,
        "    anonymous\n    pursues both\n    invests money \"A gift\" to b",
        "    pursues both\n    invests time \"Work\"\n    gains money \"A gift\" from a",
    );
    assert!(!rules.contains(&"anonymous-recognition"));
    assert!(rules.contains(&"no-benefit"));
    // Recognition mixed with something else is fine.
    let rules = rules_between(
        GOALS,
        "    anonymous\n    pursues both\n    invests money \"A gift\" to b\n    gains reputation \"Known to the board\"\n    gains skills \"Staff training\"",
        "    pursues both\n    invests time \"Work\"\n    gains money \"A gift\" from a",
    );
    assert!(!rules.contains(&"anonymous-recognition"));
}

#[test]
fn sponsorship_needs_a_gain() {
    let rules = rules_between(
        GOALS,
        "    pursues both\n    invests money \"A gift\"",
        "    pursues both\n    invests time \"Work\"\n    gains money \"A gift\" from a",
    );
    assert!(!rules.contains(&"sponsorship"));
}

#[test]
fn self_flows_count_for_nothing() {
    let rules = rules_between(
        GOALS,
        "    pursues both\n    invests time \"Work\" to a\n    gains members \"Editors\" from a",
        "    pursues both\n    invests time \"Work\"\n    gains visitors \"People\"",
    );
    assert!(rules.contains(&"no-investment"));
    assert!(rules.contains(&"no-benefit"));
}

#[test]
fn no_shared_goal_needs_two_parties() {
    let report = support::check_block(
        "agreement \"Alone\" {\n  party a \"Side A\" {\n    invests time \"Work\"\n    gains members \"Editors\"\n  }\n}\n",
    );
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"single-party"));
    assert!(!rules.contains(&"no-shared-goal"));
}

#[test]
fn no_shared_goal_with_a_goal_shared_by_only_some() {
    let text = "agreement \"Three\" {\n  goal g \"A goal\"\n  party a \"A\" {\n    pursues g\n  }\n  party b \"B\" {\n    pursues g\n  }\n  party c \"C\" {\n  }\n}\n";
    let report = support::check_block(text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "no-shared-goal")
        .expect("no-shared-goal");
    assert_eq!(
        d.message,
        "no goal is pursued by all 3 parties (A, B and C): a partnership works toward a goal the sides share"
    );
}

#[test]
fn placeholders_go_into_one_line_blocks_and_keep_crlf() {
    let text = "agreement \"T\" {\r\n  party a \"A\" { invests time \"Work\" }\r\n  party b \"B\" {\r\n    invests venue \"Room\"\r\n  }\r\n}\r\n";
    // Not `check_block`: it splits lines and would drop the CRs.
    let (_dir, report) = support::check_files(
        &[("main.mutual".to_string(), text.to_string())],
        &support::options(),
    );
    let fix_of = |party: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.rule.name == "no-benefit" && d.party.as_deref() == Some(party))
            .and_then(|d| d.fix.clone())
            .expect("a fix")
    };
    assert_eq!(
        support::apply(text, &fix_of("a")),
        "agreement \"T\" {\r\n  party a \"A\" { invests time \"Work\" gains other \"TODO: what does this party gain?\" }\r\n  party b \"B\" {\r\n    invests venue \"Room\"\r\n  }\r\n}\r\n"
    );
    assert_eq!(
        support::apply(text, &fix_of("b")),
        "agreement \"T\" {\r\n  party a \"A\" { invests time \"Work\" }\r\n  party b \"B\" {\r\n    invests venue \"Room\"\r\n    gains other \"TODO: what does this party gain?\"\r\n  }\r\n}\r\n"
    );
    // An empty block gets the indentation of its brace plus two spaces.
    let text = "agreement \"T\" {\n  party a \"A\" {\n  }\n  party b \"B\" {}\n}\n";
    let report = support::check_block(text);
    let fixed: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.name == "no-investment")
        .filter_map(|d| d.fix.as_ref().map(|f| support::apply(text, f)))
        .collect();
    assert_eq!(
        fixed,
        [
            "agreement \"T\" {\n  party a \"A\" {\n    invests other \"TODO: what does this party invest?\"\n  }\n  party b \"B\" {}\n}\n",
            "agreement \"T\" {\n  party a \"A\" {\n  }\n  party b \"B\" { invests other \"TODO: what does this party invest?\" }\n}\n",
        ]
    );
}
