//! End-to-end tests of `mutual explain` and `mutual rules`, and the test
//! that keeps the generated rule pages in `docs/rules/` up to date.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;

mod support;

use serde_json::Value;
use support::{root, run_in, stderr, stdout};

/// How to regenerate `docs/rules/`; also in `docs/rules/README.md`.
const REGENERATE: &str = "cargo run -- rules --write-docs docs/rules";

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn rules_json() -> Vec<Value> {
    let out = run_in(&root(), &["rules", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    value.as_array().cloned().expect("an array")
}

#[test]
fn rules_lists_every_rule_as_a_table_and_as_json() {
    let rules = rules_json();
    assert!(rules.len() >= 2, "{rules:?}");
    let out = run_in(&root(), &["rules"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().expect("header").split_whitespace().collect();
    assert_eq!(header, ["RULE", "GROUP", "DEFAULT"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), rules.len());
    for (row, rule) in rows.iter().zip(&rules) {
        assert_eq!(row[0], rule["name"]);
        assert_eq!(row[1], rule["group"]);
        assert_eq!(row[2], rule["default_level"]);
        for key in ["summary", "url"] {
            assert!(
                rule[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key}: {rule}"
            );
        }
        assert!(
            ["error", "warning", "info", "hint"].contains(&row[2]),
            "{row:?}"
        );
    }
    assert!(rows.iter().any(|r| r[0] == "syntax-error"));
}

#[test]
fn explain_prints_the_rules_docs() {
    let out = run_in(&root(), &["explain", "no-benefit"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("## What it checks\n"), "{text}");
    assert!(
        text.contains("## Why it matters for a partnership"),
        "{text}"
    );
    assert!(text.contains("```mutual,fires"), "{text}");
    // The same text as the generated page, below its header.
    let page = fs::read_to_string(root().join("docs/rules/no-benefit.md")).expect("page");
    assert!(
        page.contains(text.trim_end()),
        "docs/rules/no-benefit.md is stale: run {REGENERATE}"
    );
}

#[test]
fn explain_an_unknown_rule_exits_2_with_a_suggestion() {
    let out = run_in(&root(), &["explain", "no-benfit"]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out).trim(),
        "mutual: there is no rule `no-benfit`: did you mean `no-benefit`?"
    );
    let out = run_in(&root(), &["explain", "qqqqqqq"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("`mutual rules` lists every rule"));
    let out = run_in(&root(), &["explain"]);
    assert_eq!(code(&out), 2, "a missing argument is a usage error");
}

/// The files of a folder, by name.
fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn rule_docs_are_up_to_date() {
    let fresh = tempfile::tempdir().expect("temporary folder");
    let out = run_in(
        &root(),
        &["rules", "--write-docs", &fresh.path().to_string_lossy()],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let generated = read_dir(fresh.path());
    let committed = read_dir(&root().join("docs/rules"));
    let rules = rules_json();
    assert_eq!(
        generated.len(),
        rules.len() + 1,
        "a page per rule and the index"
    );
    let mut stale = Vec::new();
    for (name, text) in &generated {
        match committed.get(name) {
            Some(old) if old == text => {}
            Some(_) => stale.push(format!("docs/rules/{name} differs")),
            None => stale.push(format!("docs/rules/{name} is missing")),
        }
    }
    for name in committed.keys().filter(|n| !generated.contains_key(*n)) {
        stale.push(format!("docs/rules/{name} is not a rule page any more"));
    }
    assert!(
        stale.is_empty(),
        "the rule pages are stale:\n  {}\nRegenerate them with:\n  {REGENERATE}",
        stale.join("\n  ")
    );
}
