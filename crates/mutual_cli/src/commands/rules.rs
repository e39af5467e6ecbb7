//! `mutual rules`: every rule with its group and default level, as a table
//! or as JSON (`[{name, group, default_level, summary, url}]`).
//!
//! `mutual rules --write-docs DIR` (hidden) writes the rule pages instead:
//! `DIR/<rule>.md` for each rule and `DIR/README.md`, the index by group.
//! `docs/rules/` is generated this way, and a test fails when it is stale:
//!
//! ```sh
//! cargo run -- rules --write-docs docs/rules
//! ```

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use mutual_check::rule::{Group, RuleMeta};
use mutual_check::rules;
use serde::Serialize;

use crate::cli::{RulesArgs, RulesFormat};

/// The command that regenerates the pages, as the pages and the staleness
/// test tell it.
pub const REGENERATE: &str = "cargo run -- rules --write-docs docs/rules";

#[derive(Serialize)]
struct RuleEntry {
    name: &'static str,
    group: &'static str,
    default_level: &'static str,
    summary: String,
    url: String,
}

pub fn run(args: RulesArgs) -> ExitCode {
    if let Some(dir) = &args.write_docs {
        return match write_docs(dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!(
                    "mutual: could not write the rule pages to {}: {err}",
                    dir.display()
                );
                ExitCode::from(2)
            }
        };
    }
    let text = match args.format {
        RulesFormat::Table => table(),
        RulesFormat::Json => {
            let entries: Vec<RuleEntry> = rules::ALL
                .iter()
                .map(|r| RuleEntry {
                    name: r.name,
                    group: r.group.as_str(),
                    default_level: r.default_severity.as_str(),
                    summary: r.summary(),
                    url: r.url(),
                })
                .collect();
            match serde_json::to_string_pretty(&entries) {
                Ok(json) => json + "\n",
                Err(err) => {
                    eprintln!("mutual: could not write the rules as JSON: {err}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let mut out = io::stdout().lock();
    if let Err(err) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if err.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("mutual: could not write the rules: {err}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `RULE  GROUP  DEFAULT`, aligned.
fn table() -> String {
    let rows: Vec<[&str; 3]> = rules::ALL
        .iter()
        .map(|r| [r.name, r.group.as_str(), r.default_severity.as_str()])
        .collect();
    let header = ["RULE", "GROUP", "DEFAULT"];
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|row| row[i].len())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows) {
        let _ = writeln!(
            out,
            "{:w0$}  {:w1$}  {}",
            row[0],
            row[1],
            row[2],
            w0 = widths[0],
            w1 = widths[1]
        );
    }
    out
}

/// Every page of `docs/rules/`: (file name, contents), the index last.
pub fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = rules::ALL
        .iter()
        .map(|r| (format!("{}.md", r.name), rule_page(r)))
        .collect();
    pages.push(("README.md".to_string(), index_page()));
    pages
}

fn generated_notice() -> String {
    format!("<!-- Generated from the rule's doc comment by `{REGENERATE}`. Do not edit. -->\n")
}

fn rule_page(rule: &RuleMeta) -> String {
    let mut out = generated_notice();
    let _ = write!(
        out,
        "\n# `{}`\n\n**Group:** [{}](README.md#{}) · **Default level:** {}\n\n",
        rule.name,
        rule.group.title(),
        anchor(rule.group.title()),
        rule.default_severity.as_str(),
    );
    out.push_str(&demote_headings(&rule.markdown()));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The doc comment's `##` sections stay `##` under the page's `#` title;
/// only a stray `#` heading would compete with the title, so it becomes `##`.
fn demote_headings(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with("# ") {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

fn index_page() -> String {
    let mut out = generated_notice();
    out.push_str(
        "\n# Rules\n\nEvery rule `mutual check` applies, by group. Each page says what the rule \
checks, why it matters for a partnership, an example that fires and one that \
passes, and the fix where there is one. The same text is shown by \
`mutual explain RULE` and in the editor.\n\nLevels can be changed, and rules \
switched off, in `mutual.toml` (`[rules]`); a single agreement or party can \
waive a rule with `allow RULE because \"…\"`.\n",
    );
    let groups: Vec<Group> = {
        let mut g: Vec<Group> = rules::ALL.iter().map(|r| r.group).collect();
        g.dedup();
        g
    };
    for group in groups {
        let _ = write!(
            out,
            "\n## {}\n\n| rule | default level | what it checks |\n|---|---|---|\n",
            group.title()
        );
        for rule in rules::ALL.iter().filter(|r| r.group == group) {
            let _ = writeln!(
                out,
                "| [`{name}`]({name}.md) | {level} | {summary} |",
                name = rule.name,
                level = rule.default_severity.as_str(),
                summary = rule.summary().replace('|', "\\|"),
            );
        }
    }
    let _ = write!(
        out,
        "\n## Regenerating these pages\n\nThey are generated from the rules' doc comments \
(`crates/mutual_check/src/rules/`). After changing a rule, run\n\n```sh\n{REGENERATE}\n```\n\n\
The test `rule_docs_are_up_to_date` (`tests/check_rules.rs`) fails while they are stale.\n"
    );
    out
}

/// GitHub's anchor for a heading.
fn anchor(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c == ' ' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// Writes every page into `dir` and removes pages of rules that no longer
/// exist (any other `.md` file there).
fn write_docs(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let pages = pages();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".md") && !pages.iter().any(|(p, _)| p == name) {
            fs::remove_file(&path)?;
        }
    }
    for (name, contents) in &pages {
        let path = dir.join(name);
        if fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
            crate::atomic_write::write_atomic(&path, contents.as_bytes())?;
        }
    }
    Ok(())
}
