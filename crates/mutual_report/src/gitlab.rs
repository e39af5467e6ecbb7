//! `gitlab`: the GitLab Code Quality report, a JSON array of issues:
//!
//! ```json
//! [{"description": "…", "check_name": "no-benefit", "fingerprint": "…",
//!   "severity": "critical", "location": {"path": "a.mutual", "lines": {"begin": 3, "end": 3}}}]
//! ```
//!
//! Severities: `error` → `critical`, `warning` → `major`, `info` → `minor`,
//! `hint` → `info`.
//!
//! The fingerprint is what GitLab uses to tell new problems from old ones
//! between a merge request and its target, so it must survive unrelated
//! edits: it is the SHA-256 of the path, the rule, the message and the text
//! of the lines the diagnostic covers (each line trimmed), not of line
//! numbers, so that a line added above does not change it. Identical
//! diagnostics get an occurrence index, so every fingerprint in a report is
//! distinct.

use std::collections::HashMap;

use mutual_check::{Diagnostic, Severity, SourceFile};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::json::pretty;
use crate::{display_path, Range};

#[derive(Debug, Serialize)]
pub struct Issue {
    pub description: String,
    pub check_name: &'static str,
    pub fingerprint: String,
    pub severity: &'static str,
    pub location: Location,
}

#[derive(Debug, Serialize)]
pub struct Location {
    pub path: String,
    pub lines: Lines,
}

#[derive(Debug, Serialize)]
pub struct Lines {
    pub begin: u32,
    pub end: u32,
}

/// The Code Quality severity of a level.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "minor",
        Severity::Hint => "info",
    }
}

/// Each diagnostic as an issue, indented to sit in the array.
pub(crate) fn render(_source: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<String> {
    issues(diagnostics).iter().map(|i| pretty(i, 2)).collect()
}

/// The issues of one file's diagnostics.
pub fn issues(diagnostics: &[Diagnostic]) -> Vec<Issue> {
    diagnostics
        .iter()
        .zip(fingerprints(diagnostics))
        .map(|(d, fingerprint)| {
            let r = Range::of(&d.source, d.span);
            Issue {
                description: match &d.help {
                    Some(help) => format!("{} {}", d.message, help),
                    None => d.message.clone(),
                },
                check_name: d.rule.name,
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: display_path(&d.source.path),
                    lines: Lines {
                        begin: r.line,
                        end: r.end_line.max(r.line),
                    },
                },
            }
        })
        .collect()
}

/// A stable fingerprint per diagnostic, distinct within the list (which
/// holds one file's diagnostics).
pub fn fingerprints(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<[u8; 32], usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let base = base_hash(d);
            let occurrence = seen.entry(base).or_insert(0);
            let mut hasher = Sha256::new();
            hasher.update(base);
            hasher.update(occurrence.to_le_bytes());
            *occurrence += 1;
            hex(&hasher.finalize()[..16])
        })
        .collect()
}

fn base_hash(d: &Diagnostic) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in [
        display_path(&d.source.path).as_str(),
        d.rule.name,
        d.message.as_str(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let r = Range::of(&d.source, d.span);
    for line in r.line..=r.end_line.max(r.line) {
        let text = d
            .source
            .line_index
            .line_range(&d.source.text, line - 1)
            .and_then(|range| d.source.text.get(range))
            .unwrap_or("");
        hasher.update(text.trim().as_bytes());
        hasher.update([b'\n']);
    }
    hasher.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
