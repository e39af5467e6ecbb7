//! The Communication rules: each fixture in `tests/rules/<rule>/`, the
//! fixes, and which links count as a way back.

mod support;

use mutual_check::Applicability;

#[test]
fn missing_channel() {
    support::fires_and_passes!("missing-channel");
}

#[test]
fn party_out_of_loop() {
    support::fires_and_passes!("party-out-of-loop");
}

#[test]
fn one_way_channel() {
    support::fires_and_passes!("one-way-channel");
}

#[test]
fn missing_escalation() {
    support::fires_and_passes!("missing-escalation");
}

#[test]
fn one_way_escalation() {
    support::fires_and_passes!("one-way-escalation");
}

#[test]
fn missing_channel_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("missing-channel", Applicability::Unsafe);
    assert!(fixed[0].ends_with(
        "mitigation \"A reserve trainer is named for each workshop\"\n  channel all \"TODO: how and how often?\"\n}\n"
    ));
}

#[test]
fn missing_escalation_fix_adds_a_placeholder() {
    let fixed = support::fixes_resolve("missing-escalation", Applicability::Unsafe);
    assert!(fixed[0].ends_with("  escalation all \"TODO: who handles a problem, and how?\"\n}\n"));
}

#[test]
fn one_way_channel_fix_makes_it_two_way() {
    let fixed = support::fixes_resolve("one-way-channel", Applicability::Safe);
    assert!(fixed[0].contains("  channel wmil <-> library every 1 month \"Coordination call\"\n"));
}

#[test]
fn one_way_escalation_fix_makes_it_two_way() {
    let fixed = support::fixes_resolve("one-way-escalation", Applicability::Safe);
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
