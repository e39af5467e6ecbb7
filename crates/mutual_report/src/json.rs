//! `json`: the stable schema documented in `docs/json-output.md` and
//! `docs/json-output.schema.json`.
//!
//! The types here mirror the checker's, so that a change inside the checker
//! does not change what users parse. Lines and columns are 1-based, columns
//! counted in Unicode characters; byte offsets are 0-based into the file as
//! read (a byte-order mark included).

use mutual_check::{Applicability, Diagnostic, FileReport, Severity};
use serde::Serialize;

use crate::{display_path, Counts, Range, ReportOptions};

/// The schema's version: bumped only when a field changes meaning or goes
/// away (new fields may appear in any version).
pub const SCHEMA_VERSION: u32 = 1;

/// The top-level object.
#[derive(Debug, Serialize)]
pub struct Output {
    pub version: u32,
    pub files: Vec<File>,
    pub summary: Summary,
    /// Only with `--statistics`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statistics: Option<Vec<RuleCount>>,
}

#[derive(Debug, Serialize)]
pub struct File {
    pub path: String,
    pub agreements: Vec<Agreement>,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Debug, Serialize)]
pub struct Agreement {
    pub title: String,
    pub line: u32,
    pub column: u32,
    /// `partnership`, `service`, `donation`, `volunteering`, `one-sided`,
    /// `not-a-partnership` or `incomplete`.
    pub verdict: &'static str,
    pub parties: Vec<Party>,
}

#[derive(Debug, Serialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    /// `partner`, `donor`, `volunteer`, `provider`, `beneficiary` or `idle`.
    pub role: &'static str,
    pub invests: usize,
    pub gains: usize,
}

#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    pub rule: &'static str,
    pub level: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub start_byte: u32,
    pub end_byte: u32,
    pub related: Vec<RelatedLocation>,
    pub fix: Option<JsonFix>,
    /// The title of the agreement it is about, if any.
    pub agreement: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RelatedLocation {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct JsonFix {
    pub title: String,
    /// `safe` or `unsafe`.
    pub applicability: &'static str,
    pub edits: Vec<JsonEdit>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit {
    pub start_byte: u32,
    pub end_byte: u32,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub replacement: String,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub hint: usize,
}

impl Summary {
    pub fn new(files: usize, counts: Counts) -> Summary {
        Summary {
            files,
            error: counts.error,
            warning: counts.warning,
            info: counts.info,
            hint: counts.hint,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub count: usize,
}

/// The mirror of one file's report.
pub fn file(report: &FileReport) -> File {
    let source = &report.source;
    File {
        path: display_path(&source.path),
        agreements: report
            .agreements
            .iter()
            .map(|a| {
                let (line, column) = source.line_col(a.title_span.start as usize);
                Agreement {
                    title: a.title.clone(),
                    line,
                    column,
                    verdict: a.verdict.as_str(),
                    parties: a
                        .parties
                        .iter()
                        .map(|p| Party {
                            id: p.id.clone(),
                            name: p.name.clone(),
                            role: p.role.as_str(),
                            invests: p.invests,
                            gains: p.gains,
                        })
                        .collect(),
                }
            })
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| diagnostic(d, report))
            .collect(),
    }
}

/// The mirror of one diagnostic.
pub fn diagnostic(d: &Diagnostic, report: &FileReport) -> JsonDiagnostic {
    let range = Range::of(&d.source, d.span);
    JsonDiagnostic {
        rule: d.rule.name,
        level: level(d.severity),
        message: d.message.clone(),
        help: d.help.clone(),
        path: display_path(&d.source.path),
        line: range.line,
        column: range.column,
        end_line: range.end_line,
        end_column: range.end_column,
        start_byte: d.span.start,
        end_byte: d.span.end.max(d.span.start),
        related: d
            .related
            .iter()
            .map(|r| {
                let range = Range::of(&r.source, r.span);
                RelatedLocation {
                    path: display_path(&r.source.path),
                    line: range.line,
                    column: range.column,
                    end_line: range.end_line,
                    end_column: range.end_column,
                    message: r.message.clone(),
                }
            })
            .collect(),
        fix: d.fix.as_ref().map(|fix| JsonFix {
            title: fix.title.clone(),
            applicability: match fix.applicability {
                Applicability::Safe => "safe",
                Applicability::Unsafe => "unsafe",
            },
            edits: fix
                .edits
                .iter()
                .map(|e| {
                    let range = Range::of(&d.source, e.span);
                    JsonEdit {
                        start_byte: e.span.start,
                        end_byte: e.span.end.max(e.span.start),
                        line: range.line,
                        column: range.column,
                        end_line: range.end_line,
                        end_column: range.end_column,
                        replacement: e.replacement.clone(),
                    }
                })
                .collect(),
        }),
        agreement: d
            .agreement
            .and_then(|i| report.agreements.get(i))
            .map(|a| a.title.clone()),
    }
}

pub fn level(severity: Severity) -> &'static str {
    severity.as_str()
}

/// The start of the document, up to the opening of `files`.
pub(crate) fn header() -> String {
    format!("{{\n  \"version\": {SCHEMA_VERSION},\n  \"files\": [")
}

/// One file object, indented to sit in `files`.
pub(crate) fn render_file(report: &FileReport, _options: &ReportOptions) -> String {
    pretty(&file(report), 4)
}

/// The end of the document after the last file.
pub(crate) fn footer(
    closed: &str,
    summary: &Summary,
    statistics: Option<&[(&'static str, usize)]>,
) -> String {
    let mut out = format!("{closed}  ],\n  \"summary\": {}", pretty(summary, 2));
    if let Some(stats) = statistics {
        let stats: Vec<RuleCount> = stats
            .iter()
            .map(|(rule, count)| RuleCount {
                rule: rule.to_string(),
                count: *count,
            })
            .collect();
        out.push_str(&format!(",\n  \"statistics\": {}", pretty(&stats, 2)));
    }
    out.push_str("\n}\n");
    out
}

/// Pretty JSON whose lines after the first are indented by `indent` spaces
/// (safe: strings never hold a raw line break in JSON).
pub(crate) fn pretty<T: Serialize>(value: &T, indent: usize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    let pad = " ".repeat(indent);
    text.replace('\n', &format!("\n{pad}"))
}
