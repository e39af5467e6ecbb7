//! Every rule's documentation is complete, and its examples are true: the
//! `mutual,fires` block produces the rule, the `mutual,passes` block does not.

mod support;

use mutual_check::rules::ALL;

/// The fenced blocks of a given info string in Markdown.
fn blocks(markdown: &str, info: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim() == format!("```{info}") => current = Some(String::new()),
            Some(_) if line.trim() == "```" => out.extend(current.take()),
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    out
}

#[test]
fn every_rule_has_every_section() {
    for rule in ALL.iter() {
        let md = rule.markdown();
        for heading in [
            "What it checks",
            "Why it matters for a partnership",
            "Fires on",
            "Passes",
        ] {
            assert!(
                !rule.section(heading).is_empty(),
                "rule `{}` has no `## {heading}` section:\n{md}",
                rule.name
            );
        }
        assert_eq!(
            blocks(&md, "mutual,fires").len(),
            1,
            "rule `{}` needs one `mutual,fires` example",
            rule.name
        );
        assert_eq!(
            blocks(&md, "mutual,passes").len(),
            1,
            "rule `{}` needs one `mutual,passes` example",
            rule.name
        );
        assert!(
            !rule.summary().is_empty(),
            "rule `{}` has an empty summary",
            rule.name
        );
    }
}

#[test]
fn fires_examples_fire() {
    for rule in ALL.iter() {
        for block in blocks(&rule.markdown(), "mutual,fires") {
            let report = support::check_block(&block);
            assert!(
                support::rules_of(&report).contains(&rule.name),
                "the `fires` example of `{}` does not produce it:\n{block}\n--- got:\n{}",
                rule.name,
                support::render(&report)
            );
        }
    }
}

#[test]
fn passes_examples_pass() {
    for rule in ALL.iter() {
        for block in blocks(&rule.markdown(), "mutual,passes") {
            let report = support::check_block(&block);
            assert!(
                !support::rules_of(&report).contains(&rule.name),
                "the `passes` example of `{}` produces it:\n{block}\n--- got:\n{}",
                rule.name,
                support::render(&report)
            );
            if rule.name != "syntax-error" {
                assert!(
                    !support::rules_of(&report).contains(&"syntax-error"),
                    "the `passes` example of `{}` has a syntax error:\n{}",
                    rule.name,
                    support::render(&report)
                );
            }
        }
    }
}
