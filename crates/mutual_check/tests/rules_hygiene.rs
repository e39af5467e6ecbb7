//! The "Hygiene" rules: fixtures in `tests/rules/<rule>/`.

mod support;

#[test]
fn unused_goal() {
    support::fires_and_passes_in_place!("unused-goal");
}

#[test]
fn self_flow() {
    support::fires_and_passes_in_place!("self-flow", fixes: support::fixes_on_line);
}

#[test]
fn unused_goal_is_marked_unnecessary() {
    let (_, report) = support::check_fixture("unused-goal", "fires");
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
