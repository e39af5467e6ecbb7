//! The rule registry matches the catalogue (`/work/shared/spec/rules.md`,
//! version 1): every rule, its group and its default level, in catalogue
//! order, and each rule lives in its own file.

use std::path::Path;

use mutual_check::rules::ALL;
use mutual_check::{Group, Severity};

use Group::*;
use Severity::*;

/// The catalogue, transcribed table by table from rules.md.
/// `invalid-license` is listed under "Syntax and names" there.
const CATALOGUE: &[(&str, Group, Severity)] = &[
    // Syntax and names
    ("syntax-error", SyntaxAndNames, Error),
    ("invalid-date", SyntaxAndNames, Error),
    ("duplicate-definition", SyntaxAndNames, Error),
    ("unknown-party", SyntaxAndNames, Error),
    ("unknown-goal", SyntaxAndNames, Error),
    ("unknown-kind", SyntaxAndNames, Error),
    ("import-not-found", SyntaxAndNames, Error),
    ("import-cycle", SyntaxAndNames, Error),
    ("import-outside-root", SyntaxAndNames, Error),
    ("duplicate-clause", SyntaxAndNames, Warning),
    ("unknown-rule", SyntaxAndNames, Warning),
    ("unused-allow", SyntaxAndNames, Warning),
    ("invalid-license", SyntaxAndNames, Warning),
    ("empty-text", SyntaxAndNames, Warning),
    // Mutuality: is this a partnership?
    ("single-party", Mutuality, Error),
    ("no-investment", Mutuality, Error),
    ("no-benefit", Mutuality, Error),
    ("paid-service", Mutuality, Error),
    ("anonymous-recognition", Mutuality, Error),
    ("sponsorship", Mutuality, Warning),
    ("no-goal", Mutuality, Warning),
    ("no-shared-goal", Mutuality, Warning),
    // Responsibility and governance
    ("no-commitment", Responsibility, Warning),
    ("unilateral-decisions", Responsibility, Warning),
    ("missing-governance", Responsibility, Info),
    ("unmitigated-risk", Responsibility, Warning),
    // Time
    ("missing-term", Time, Warning),
    ("term-order", Time, Error),
    ("open-ended-without-exit", Time, Error),
    ("missing-exit", Time, Warning),
    ("missing-wind-down", Time, Info),
    ("missing-review", Time, Warning),
    ("review-longer-than-term", Time, Info),
    ("expired", Time, Warning),
    ("expires-soon", Time, Info),
    ("commitment-outside-term", Time, Warning),
    // Communication
    ("missing-channel", Communication, Warning),
    ("party-out-of-loop", Communication, Warning),
    ("one-way-channel", Communication, Warning),
    ("missing-escalation", Communication, Warning),
    ("one-way-escalation", Communication, Warning),
    // Completeness
    ("missing-purpose", Completeness, Warning),
    ("missing-contact", Completeness, Warning),
    ("missing-signature", Completeness, Error),
    ("binding-unstated", Completeness, Info),
    ("missing-measure", Completeness, Info),
    ("nothing-new", Completeness, Info),
    ("vague-investment", Completeness, Info),
    // Content and licensing
    ("missing-license", Content, Warning),
    ("nonfree-license", Content, Warning),
    // Hygiene
    ("unused-goal", Hygiene, Warning),
    ("self-flow", Hygiene, Error),
];

#[test]
fn the_registry_is_the_catalogue() {
    let registry: Vec<(&str, Group, Severity)> = ALL
        .iter()
        .map(|r| (r.name, r.group, r.default_severity))
        .collect();
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .filter(|c| !registry.iter().any(|r| r.0 == c.0))
        .map(|c| c.0)
        .collect();
    let unexpected: Vec<&str> = registry
        .iter()
        .filter(|r| !CATALOGUE.iter().any(|c| c.0 == r.0))
        .map(|r| r.0)
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "not registered: {missing:?}\nnot in the catalogue: {unexpected:?}"
    );
    // Same rules: now their groups, levels and order, one line each so that
    // a difference is easy to read.
    let show = |rules: &[(&str, Group, Severity)]| {
        rules
            .iter()
            .map(|(n, g, s)| format!("{:<18} {:<8} {n}", g.as_str(), s.as_str()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(show(&registry), show(CATALOGUE));
}

#[test]
fn the_groups_come_in_catalogue_order() {
    let groups: Vec<Group> = ALL.iter().map(|r| r.group).collect();
    assert!(
        groups.windows(2).all(|w| w[0] <= w[1]),
        "the registry mixes groups: {groups:?}"
    );
}

#[test]
fn names_are_unique_and_kebab_case() {
    for (i, rule) in ALL.iter().enumerate() {
        assert!(
            !rule.name.is_empty()
                && rule
                    .name
                    .split('-')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
            "`{}` is not kebab-case",
            rule.name
        );
        assert!(
            ALL[..i].iter().all(|r| r.name != rule.name),
            "`{}` is registered twice",
            rule.name
        );
        assert_eq!(
            mutual_check::rules::find(rule.name).map(|r| r.name),
            Some(rule.name)
        );
    }
}

#[test]
fn every_rule_has_its_own_file() {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    for rule in ALL.iter() {
        let file = rules_dir
            .join(rule.group.as_str().replace('-', "_"))
            .join(format!("{}.rs", rule.name.replace('-', "_")));
        assert!(
            file.is_file(),
            "`{}` should live in {}",
            rule.name,
            file.display()
        );
    }
}
