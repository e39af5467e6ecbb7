//! The "Content and licensing" rules: fixtures in `tests/rules/<rule>/`.

mod support;

#[test]
fn missing_license() {
    support::fires_and_passes_in_place!("missing-license", fixes: support::fixes_on_line);
}

#[test]
fn nonfree_license() {
    support::fires_and_passes_in_place!("nonfree-license");
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
