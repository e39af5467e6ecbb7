//! The Communication rules: each fixture in `tests/rules/<rule>/`, the
//! fixes, and which links count as a way back.

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
fn missing_channel() {
    fires_and_passes("missing-channel");
}

#[test]
fn party_out_of_loop() {
    fires_and_passes("party-out-of-loop");
}

#[test]
fn one_way_channel() {
    fires_and_passes("one-way-channel");
}

#[test]
fn missing_escalation() {
    fires_and_passes("missing-escalation");
}

#[test]
fn one_way_escalation() {
    fires_and_passes("one-way-escalation");
}

#[test]
fn missing_channel_fix_adds_a_placeholder() {
    let fixed = fixes_resolve("missing-channel", Applicability::Unsafe);
    assert!(fixed[0].ends_with(
        "mitigation \"A reserve trainer is named for each workshop\"\n  channel all \"TODO: how and how often?\"\n}\n"
    ));
}

#[test]
fn missing_escalation_fix_adds_a_placeholder() {
    let fixed = fixes_resolve("missing-escalation", Applicability::Unsafe);
    assert!(fixed[0].ends_with("  escalation all \"TODO: who handles a problem, and how?\"\n}\n"));
}

#[test]
fn one_way_channel_fix_makes_it_two_way() {
    let fixed = fixes_resolve("one-way-channel", Applicability::Safe);
    assert!(fixed[0].contains("  channel wmil <-> library every 1 month \"Coordination call\"\n"));
}

#[test]
fn one_way_escalation_fix_makes_it_two_way() {
    let fixed = fixes_resolve("one-way-escalation", Applicability::Safe);
    assert!(fixed[0].contains("  escalation library <-> wmil \"Programme leads, by email\"\n"));
}

/// The rules of an agreement between parties a, b and c with these lines.
fn rules_with(lines: &str) -> Vec<&'static str> {
    let text = format!(
        "agreement \"T\" {{\n  party a \"A\" {{\n  }}\n  party b \"B\" {{\n  }}\n  party c \"C\" {{\n  }}\n{lines}}}\n"
    );
    let report = support::check_block(&text);
    let rules = support::rules_of(&report);
    assert!(!rules.contains(&"syntax-error"), "{text}");
    rules
}

fn count(rules: &[&str], rule: &str) -> usize {
    rules.iter().filter(|r| **r == rule).count()
}

#[test]
fn one_way_links_and_their_way_back() {
    // A reverse line, a two-way line in either order, or `all` is a way back.
    for back in [
        "  channel b -> a\n",
        "  channel a <-> b\n",
        "  channel b <-> a\n",
        "  channel all\n",
    ] {
        let rules = rules_with(&format!("  channel a -> b\n{back}"));
        assert_eq!(count(&rules, "one-way-channel"), 0, "{back}");
    }
    // A way back between other parties does not count.
    let rules = rules_with("  channel a -> b\n  channel c -> a\n  channel b <-> c\n");
    assert_eq!(count(&rules, "one-way-channel"), 2);
    // An escalation is no way back for a channel, nor the other way round.
    let rules = rules_with("  channel a -> b\n  escalation b -> a\n");
    assert_eq!(count(&rules, "one-way-channel"), 1);
    assert_eq!(count(&rules, "one-way-escalation"), 1);
    // Each one-way line is reported.
    let rules = rules_with("  escalation a -> b \"Email\"\n  escalation a -> b \"Phone\"\n");
    assert_eq!(count(&rules, "one-way-escalation"), 2);
}

#[test]
fn one_way_points_at_the_arrow() {
    let text = "agreement \"T\" {\n  party a \"A\" {\n  }\n  party b \"B\" {\n  }\n  channel a -> b \"Newsletter\"\n}\n";
    let report = support::check_block(text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "one-way-channel")
        .expect("one-way-channel");
    assert_eq!(&text[d.span.range()], "->");
    assert_eq!(
        d.message,
        "A can reach B through this channel, but B has no channel back: reports can go one way only"
    );
}

#[test]
fn party_out_of_loop_cases() {
    // No channel at all is missing-channel's business.
    let rules = rules_with("");
    assert_eq!(count(&rules, "party-out-of-loop"), 0);
    assert_eq!(count(&rules, "missing-channel"), 1);
    // A one-way channel still keeps both ends in the loop.
    let rules = rules_with("  channel a -> b\n");
    assert_eq!(count(&rules, "party-out-of-loop"), 1);
    // `all` beside other channels keeps everyone in.
    let rules = rules_with("  channel a <-> b\n  channel all\n");
    assert_eq!(count(&rules, "party-out-of-loop"), 0);
    // Escalations are not channels.
    let rules = rules_with("  channel a <-> b\n  escalation all\n");
    assert_eq!(count(&rules, "party-out-of-loop"), 1);
    assert_eq!(count(&rules, "missing-escalation"), 0);
    // A misspelt end: unknown-party's business, not a party left out.
    let rules = rules_with("  channel a <-> bb\n");
    assert_eq!(count(&rules, "party-out-of-loop"), 0);
}
