//! Rule metadata and the `declare_rule!` macro.
//!
//! Each rule lives in its own file under `rules/<group>/` and is declared
//! with [`declare_rule!`]. Its `///` doc comment is the single source of its
//! documentation: `mutual explain`, `mutual rules`, `docs/rules/`, SARIF rule
//! descriptions and the editor's hover all read [`RuleMeta::docs`]. The
//! examples in it are executed by a test (`tests/rule_docs.rs`).
//!
//! The doc comment has these sections, in this order:
//!
//! - `## What it checks`
//! - `## Why it matters for a partnership`
//! - `## Fires on`, with a ```` ```mutual,fires ```` block
//! - `## Passes`, with a ```` ```mutual,passes ```` block
//! - `## Fix` (optional)
//!
//! An example block may hold several files, each opened by a line
//! `# file: NAME` (the first file is the one checked).

use serde::Serialize;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Severity};

/// The groups of the rule catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    SyntaxAndNames,
    Mutuality,
    Responsibility,
    Time,
    Communication,
    Completeness,
    Content,
    Hygiene,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::SyntaxAndNames => "syntax-and-names",
            Group::Mutuality => "mutuality",
            Group::Responsibility => "responsibility",
            Group::Time => "time",
            Group::Communication => "communication",
            Group::Completeness => "completeness",
            Group::Content => "content",
            Group::Hygiene => "hygiene",
        }
    }

    /// The heading of the group in the catalogue.
    pub fn title(self) -> &'static str {
        match self {
            Group::SyntaxAndNames => "Syntax and names",
            Group::Mutuality => "Mutuality: is this a partnership?",
            Group::Responsibility => "Responsibility and governance",
            Group::Time => "Time",
            Group::Communication => "Communication",
            Group::Completeness => "Completeness",
            Group::Content => "Content and licensing",
            Group::Hygiene => "Hygiene",
        }
    }
}

/// The signature of a rule's check: read the context, push diagnostics.
pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Everything static about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// The stable kebab-case name users write in `allow` and `mutual.toml`.
    pub name: &'static str,
    pub group: Group,
    pub default_severity: Severity,
    /// The rule's documentation in Markdown (its doc comment).
    pub docs: &'static str,
    pub check: CheckFn,
}

impl RuleMeta {
    /// The first paragraph of "What it checks": a one-line summary.
    pub fn summary(&self) -> String {
        self.section("What it checks")
            .split("\n\n")
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text of a `## Heading` section of the docs.
    pub fn section(&self, heading: &str) -> String {
        section(&self.markdown(), heading).to_string()
    }

    /// Whether `syntax-error`: the one rule that can be neither waived nor
    /// switched off.
    pub fn is_syntax_error(&self) -> bool {
        self.name == "syntax-error"
    }

    /// The address of the rule's documentation page.
    pub fn url(&self) -> String {
        format!("{DOCS_BASE}/{}.md", self.name)
    }
}

/// Where the generated rule pages are published.
pub const DOCS_BASE: &str = "https://github.com/mutual-lint/mutual/blob/main/docs/rules";

fn section<'a>(docs: &'a str, heading: &str) -> &'a str {
    let marker = format!("## {heading}");
    let Some(start) = docs.find(&marker) else {
        return "";
    };
    let body = &docs[start + marker.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    body[..end].trim()
}

/// Declares a rule: its doc comment becomes [`RuleMeta::docs`].
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     RULE = { name: "no-benefit", group: Mutuality, severity: Error, check: check }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $ident:ident = {
            name: $name:literal,
            group: $group:ident,
            severity: $severity:ident,
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            name: $name,
            group: $crate::rule::Group::$group,
            default_severity: $crate::diagnostic::Severity::$severity,
            docs: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

impl RuleMeta {
    /// The docs as Markdown: the doc comment without the space after `///`.
    pub fn markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}
