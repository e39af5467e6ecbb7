//! The verdict table of the language, case by case: one small agreement for
//! each verdict, with the role of every party.

mod support;

use mutual_check::FileReport;

/// Checks one file (the text of `main.mutual`).
fn check(text: &str) -> FileReport {
    support::check_block(text)
}

/// The verdict of agreement `i` and its parties' `(id, role)`.
fn verdict(report: &FileReport, i: usize) -> (&'static str, Vec<(String, &'static str)>) {
    let a = &report.agreements[i];
    (
        a.verdict.as_str(),
        a.parties
            .iter()
            .map(|p| (p.id.clone(), p.role.as_str()))
            .collect(),
    )
}

fn roles(pairs: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    pairs.iter().map(|(id, r)| (id.to_string(), *r)).collect()
}

fn assert_verdict(text: &str, want: &str, want_roles: &[(&str, &'static str)]) -> FileReport {
    let report = check(text);
    assert_eq!(
        verdict(&report, 0),
        (want, roles(want_roles)),
        "\n{text}\n--- got:\n{}",
        support::render(&report)
    );
    report
}

/// A clean two-sided partnership: both invest, both gain, one shared goal.
const PARTNERSHIP: &str = r#"agreement "Editing workshops" {
  goal city_history "Articles about the city's history"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues city_history
    invests time 40 hours "Trainers at every workshop"
    gains members "New editors"
    commits "Run ten workshops"
  }
  party library "City Library" {
    kind library
    pursues city_history
    invests venue "The computer lab"
    gains visitors "New people coming to the library"
    commits "Book the lab"
  }
  channel wmil <-> library "Monthly call"
  escalation wmil <-> library "Programme leads"
  decides all "Both sides agree on changes"
}
"#;

#[test]
fn partnership() {
    let report = assert_verdict(
        PARTNERSHIP,
        "partnership",
        &[("wmil", "partner"), ("library", "partner")],
    );
    assert!(support::rules_of(&report)
        .iter()
        .all(|r| mutual_check::rules::find(r)
            .is_some_and(|m| m.group != mutual_check::Group::Mutuality)));
}

#[test]
fn incomplete() {
    // A syntax error: the analysis cannot be trusted, even though the
    // library also gains nothing.
    let text = PARTNERSHIP
        .replace("  decides all", "  stauts active\n  decides all")
        .replace(
            "    gains visitors \"New people coming to the library\"\n",
            "",
        );
    let report = assert_verdict(
        &text,
        "incomplete",
        &[("wmil", "partner"), ("library", "donor")],
    );
    assert!(support::rules_of(&report).contains(&"syntax-error"));
}

#[test]
fn incomplete_with_a_name_error() {
    // A misspelt party in a channel. Only meaningful once `unknown-party`
    // exists (it belongs to another group of rules).
    if mutual_check::rules::find("unknown-party").is_none() {
        return;
    }
    let text = PARTNERSHIP.replace("channel wmil <-> library", "channel wmil <-> libary");
    let report = assert_verdict(
        &text,
        "incomplete",
        &[("wmil", "partner"), ("library", "partner")],
    );
    assert!(support::rules_of(&report).contains(&"unknown-party"));
}

#[test]
fn one_sided() {
    let text = r#"agreement "Photo walk" {
  party wmil "Wikimedia Israel" {
    kind chapter
    invests time 10 hours "Guides"
    gains content "Photos of the old town"
  }
}
"#;
    assert_verdict(text, "one-sided", &[("wmil", "partner")]);
}

#[test]
fn one_sided_without_any_party() {
    assert_verdict("agreement \"Nobody\" {\n}\n", "one-sided", &[]);
}

const HALL: &str = r#"agreement "Hall rental" {
  goal conference "A yearly meeting of the community"
  goal full_calendar "Keep the hall booked"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues conference
    invests money 3500 EUR "The rent" to hall
    gains venue "The main hall for a day" from hall
  }
  party hall "Port Concert Hall" {
    kind company
    pursues full_calendar
    invests venue "The main hall"
    gains money 3500 EUR "The rent" from wmil
  }
}
"#;

#[test]
fn service() {
    let report = assert_verdict(
        HALL,
        "service",
        &[("wmil", "partner"), ("hall", "provider")],
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "paid-service")
        .expect("paid-service");
    assert_eq!(d.party.as_deref(), Some("hall"));
}

#[test]
fn service_with_a_goal_in_common_is_a_partnership() {
    let text = HALL.replace("pursues full_calendar", "pursues full_calendar, conference");
    assert_verdict(
        &text,
        "partnership",
        &[("wmil", "partner"), ("hall", "partner")],
    );
}

const JUROR: &str = r#"agreement "Contest jury" {
  goal nature_photos "Photos of nature reserves"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues nature_photos
    invests time 80 hours "Running the contest"
    gains expertise "A professional judgement" from juror
  }
  party juror "Yossi Mizrahi" {
    kind person
    pursues nature_photos
    invests time 15 hours "Scoring the finalists"
    invests expertise "Twenty years as a photographer"
  }
}
"#;

#[test]
fn volunteering() {
    let report = assert_verdict(
        JUROR,
        "volunteering",
        &[("wmil", "partner"), ("juror", "volunteer")],
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "no-benefit")
        .expect("no-benefit");
    assert!(d.message.contains("volunteering"), "{}", d.message);
}

#[test]
fn a_person_giving_more_than_time_is_a_donor() {
    let text = JUROR.replace(
        "    invests expertise",
        "    invests equipment \"A printer for the prize photos\"\n    invests expertise",
    );
    let report = assert_verdict(
        &text,
        "donation",
        &[("wmil", "partner"), ("juror", "donor")],
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "no-benefit")
        .expect("no-benefit");
    assert!(d.message.contains("donation"), "{}", d.message);
}

#[test]
fn an_organisation_giving_time_is_a_donor() {
    let text = JUROR.replace("kind person", "kind company");
    assert_verdict(
        &text,
        "donation",
        &[("wmil", "partner"), ("juror", "donor")],
    );
}

#[test]
fn volunteering_comes_before_donation() {
    let text = JUROR.replace(
        "  party juror",
        "  party shop \"Print shop\" {\n    kind company\n    pursues nature_photos\n    invests equipment \"Prints of the winners\"\n  }\n  party juror",
    );
    assert_verdict(
        &text,
        "volunteering",
        &[
            ("wmil", "partner"),
            ("shop", "donor"),
            ("juror", "volunteer"),
        ],
    );
}

const LENT_ROOM: &str = r#"agreement "A room for meet-ups" {
  goal meetups "A place where local editors meet"
  party haifa "Haifa Wikipedians" {
    kind user-group
    pursues meetups
    invests time "Organising the meet-ups"
    gains venue "The back room" from shop
  }
  party shop "Carmel Print Shop" {
    kind company
    invests venue "The back room, once a month" to haifa
  }
}
"#;

#[test]
fn donation_a_side_invests_and_gains_nothing() {
    let report = assert_verdict(
        LENT_ROOM,
        "donation",
        &[("haifa", "partner"), ("shop", "donor")],
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "no-benefit")
        .expect("no-benefit");
    assert!(d.message.contains("donation"), "{}", d.message);
}

#[test]
fn donation_anonymous_recognition() {
    let text = r#"agreement "Contest prizes" {
  goal photos "Photos of monuments"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues photos
    invests time 100 hours "Running the contest"
    gains money 5000 EUR "Prize money" from donor
  }
  party donor "A donor" {
    anonymous
    kind person
    pursues photos
    invests money 5000 EUR "Prize money" to wmil
    gains visibility "Thanked by name at the ceremony"
  }
}
"#;
    let report = assert_verdict(
        text,
        "donation",
        &[("wmil", "partner"), ("donor", "partner")],
    );
    assert!(support::rules_of(&report).contains(&"anonymous-recognition"));
    assert!(!support::rules_of(&report).contains(&"no-benefit"));
}

#[test]
fn not_a_partnership_a_side_gains_but_invests_nothing() {
    let text = PARTNERSHIP.replace("    invests venue \"The computer lab\"\n", "");
    assert_verdict(
        &text,
        "not-a-partnership",
        &[("wmil", "partner"), ("library", "beneficiary")],
    );
}

#[test]
fn not_a_partnership_a_side_does_neither() {
    let text = PARTNERSHIP
        .replace("    invests venue \"The computer lab\"\n", "")
        .replace(
            "    gains visitors \"New people coming to the library\"\n",
            "",
        );
    let report = assert_verdict(
        &text,
        "not-a-partnership",
        &[("wmil", "partner"), ("library", "idle")],
    );
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"no-investment") && rules.contains(&"no-benefit"));
}

const SPONSOR: &str = r#"agreement "Sponsored edit-a-thon" {
  goal science "Articles about local scientists"
  goal brand "The bank is known in the city"
  party wmil "Wikimedia Israel" {
    kind chapter
    pursues science
    invests time 30 hours "Trainers for the day"
    gains money 2000 EUR "Catering and prizes" from bank
  }
  party bank "Coastal Bank" {
    kind company
    pursues science, brand
    invests money 2000 EUR "Catering and prizes" to wmil
    gains visibility "Logo on the event page"
  }
}
"#;

#[test]
fn sponsorship_with_a_shared_goal_is_a_partnership_with_a_warning() {
    let report = assert_verdict(
        SPONSOR,
        "partnership",
        &[("wmil", "partner"), ("bank", "partner")],
    );
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"sponsorship"));
    assert!(!rules.contains(&"paid-service"));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "sponsorship")
        .expect("sponsorship");
    assert_eq!(d.severity.as_str(), "warning");
    assert_eq!(d.party.as_deref(), Some("bank"));
}

#[test]
fn sponsorship_where_the_side_paid_gains_more_is_a_partnership_with_a_warning() {
    let text = SPONSOR
        .replace("pursues science, brand", "pursues brand")
        .replace(
            "    gains money 2000 EUR",
            "    gains members \"Bank staff who start editing\"\n    gains money 2000 EUR",
        );
    let report = assert_verdict(
        &text,
        "partnership",
        &[("wmil", "partner"), ("bank", "partner")],
    );
    assert!(support::rules_of(&report).contains(&"sponsorship"));
}

#[test]
fn sponsorship_without_a_shared_goal_is_a_service() {
    let text = SPONSOR.replace("pursues science, brand", "pursues brand");
    let report = assert_verdict(
        &text,
        "service",
        &[("wmil", "provider"), ("bank", "partner")],
    );
    let rules = support::rules_of(&report);
    assert!(rules.contains(&"paid-service"));
    assert!(!rules.contains(&"sponsorship"));
}

#[test]
fn a_waived_no_benefit_does_not_count() {
    let text = LENT_ROOM.replace(
        "    invests venue \"The back room, once a month\" to haifa\n",
        "    invests venue \"The back room, once a month\" to haifa\n    allow no-benefit because \"The owner wants nothing back; we agreed to treat it as a partnership\"\n",
    );
    let report = assert_verdict(
        &text,
        "partnership",
        &[("haifa", "partner"), ("shop", "donor")],
    );
    let rules = support::rules_of(&report);
    assert!(!rules.contains(&"no-benefit"));
    assert!(!rules.contains(&"unused-allow"));
}

#[test]
fn a_waiver_at_agreement_level_covers_every_party() {
    let text = PARTNERSHIP
        .replace("    invests venue \"The computer lab\"\n", "")
        .replace(
            "  decides all",
            "  allow no-investment because \"The library's staff time is not ours to count\"\n  decides all",
        );
    assert_verdict(
        &text,
        "partnership",
        &[("wmil", "partner"), ("library", "beneficiary")],
    );
}

#[test]
fn service_comes_before_donation() {
    // The hall is paid and a third side lends chairs for nothing.
    let text = HALL.replace(
        "  party hall",
        "  party friend \"A friend\" {\n    kind person\n    pursues conference\n    invests equipment \"Fifty chairs\"\n  }\n  party hall",
    );
    assert_verdict(
        &text,
        "service",
        &[
            ("wmil", "partner"),
            ("friend", "donor"),
            ("hall", "provider"),
        ],
    );
}

#[test]
fn one_verdict_per_agreement() {
    let text = format!("{PARTNERSHIP}\n{HALL}\n{LENT_ROOM}");
    let report = check(&text);
    let verdicts: Vec<&str> = report
        .agreements
        .iter()
        .map(|a| a.verdict.as_str())
        .collect();
    assert_eq!(verdicts, ["partnership", "service", "donation"]);
}
