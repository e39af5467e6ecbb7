//! `sarif`: SARIF 2.1.0, one run, validated against the official schema.
//!
//! - `tool.driver.rules` lists every rule (catalogue order) with its summary,
//!   its documentation as help (text and Markdown), its page and its
//!   default level; each result's `ruleIndex` points into that list.
//! - Levels: `error` and `warning` as they are, `info` and `hint` as `note`.
//! - Regions are 1-based lines and columns counted in Unicode code points
//!   (`columnKind: unicodeCodePoints` on the run); the end column is
//!   exclusive, as in SARIF.
//! - Paths are relative as given (forward slashes, percent-encoded where a
//!   URI needs it); an absolute path becomes a `file://` URI.
//! - Fixes become `fixes` with `artifactChanges`; `partialFingerprints`
//!   carries the same stable fingerprint as the GitLab report.

use mutual_check::{rules, Diagnostic, RuleMeta, Severity, SourceFile};
use mutual_syntax::Span;
use serde_json::{json, Value};

use crate::json::pretty;
use crate::{display_path, Range, TOOL_NAME, TOOL_URI, TOOL_VERSION};

/// The `$schema` of the documents we write.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// The `tool` object: the driver and every rule.
pub fn tool() -> Value {
    let rules: Vec<Value> = rules::ALL.iter().map(|r| rule(r)).collect();
    json!({
        "driver": {
            "name": TOOL_NAME,
            "informationUri": TOOL_URI,
            "version": TOOL_VERSION,
            "semanticVersion": TOOL_VERSION,
            "rules": rules,
        }
    })
}

/// One `reportingDescriptor`.
pub fn rule(rule: &RuleMeta) -> Value {
    let markdown = rule.markdown();
    let full = [
        rule.section("What it checks"),
        rule.section("Why it matters for a partnership"),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .map(|s| reflow(&s))
    .collect::<Vec<_>>()
    .join("\n\n");
    let summary = rule.summary();
    json!({
        "id": rule.name,
        "name": rule.name,
        "shortDescription": { "text": non_empty(summary, rule.name) },
        "fullDescription": { "text": non_empty(full, rule.name) },
        "help": { "text": non_empty(markdown.clone(), rule.name), "markdown": non_empty(markdown, rule.name) },
        "helpUri": rule.url(),
        "defaultConfiguration": { "level": level(rule.default_severity) },
        "properties": { "tags": [rule.group.as_str()] },
    })
}

/// Markdown prose as plain text: the lines of each paragraph joined (doc
/// comments wrap at 80 columns), list items and code kept on their lines.
fn reflow(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    // What goes before the next line: a paragraph break after a blank line,
    // a line break after a code block.
    let mut pending: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim();
        let fence = trimmed.starts_with("```");
        if in_code {
            out.push('\n');
            out.push_str(line);
            if fence {
                in_code = false;
                pending = Some("\n");
            }
            continue;
        }
        if trimmed.is_empty() {
            if !out.is_empty() {
                pending = Some("\n\n");
            }
            continue;
        }
        let item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
        let separator = match pending.take() {
            _ if out.is_empty() => "",
            Some(p) => p,
            None if fence || item => "\n",
            None => " ",
        };
        out.push_str(separator);
        out.push_str(if fence { line } else { trimmed });
        in_code = fence;
    }
    out
}

/// SARIF messages must not be empty.
fn non_empty(text: String, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text
    }
}

/// The start of the document, up to the opening of `results`.
pub(crate) fn header() -> String {
    format!(
        "{{\n  \"$schema\": \"{SCHEMA_URI}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
        pretty(&tool(), 6)
    )
}

/// The end of the document after the last result.
pub(crate) const FOOTER: &str = "      ]\n    }\n  ]\n}\n";

/// Each diagnostic as a `result`, indented to sit in `results`.
pub(crate) fn render_results(diagnostics: &[Diagnostic]) -> Vec<String> {
    let fingerprints = crate::gitlab::fingerprints(diagnostics);
    diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fp)| pretty(&result(d, &fp), 8))
        .collect()
}

/// One `result`.
pub fn result(d: &Diagnostic, fingerprint: &str) -> Value {
    let index = rules::ALL
        .iter()
        .position(|r| r.name == d.rule.name)
        .map_or(-1, |i| i as i64);
    let mut result = json!({
        "ruleId": d.rule.name,
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": non_empty(d.message.clone(), d.rule.name) },
        "locations": [ location(&d.source, d.span, None) ],
        "partialFingerprints": { "mutual/v1": fingerprint },
    });
    if !d.related.is_empty() {
        result["relatedLocations"] = Value::Array(
            d.related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut loc = location(&r.source, r.span, Some(&r.message));
                    loc["id"] = json!(i + 1);
                    loc
                })
                .collect(),
        );
    }
    // SARIF wants at least one replacement in a fix.
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": region(&d.source, e.span),
                    "insertedContent": { "text": e.replacement },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": non_empty(fix.title.clone(), "fix") },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&d.source) },
                "replacements": replacements,
            }],
        }]);
    }
    if let Some(help) = &d.help {
        result["properties"] = json!({ "help": help });
    }
    result
}

fn location(source: &SourceFile, span: Span, message: Option<&str>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(source) },
            "region": region(source, span),
        }
    });
    if let Some(message) = message {
        loc["message"] = json!({ "text": non_empty(message.to_string(), "related") });
    }
    loc
}

fn region(source: &SourceFile, span: Span) -> Value {
    let r = Range::of(source, span);
    json!({
        "startLine": r.line,
        "startColumn": r.column,
        "endLine": r.end_line,
        "endColumn": r.end_column,
    })
}

/// The artifact URI of a file: its relative path with forward slashes,
/// percent-encoded; `file://` for an absolute path.
pub fn uri(source: &SourceFile) -> String {
    let path = display_path(&source.path);
    let encoded = encode_uri_path(&path);
    if path.starts_with('/') {
        format!("file://{encoded}")
    } else if path.len() > 2 && path.as_bytes()[1] == b':' {
        // A Windows drive letter.
        format!("file:///{encoded}")
    } else {
        encoded
    }
}

/// Percent-encodes everything but unreserved characters, `/` and a drive
/// letter's `:`.
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_reflowed_but_lists_and_code_are_kept() {
        let md = "One line\nand the next.\n\n- item one\n  continues\n- item two\n\n```mutual\na {\n}\n```\nAfter.";
        assert_eq!(
            reflow(md),
            "One line and the next.\n\n- item one continues\n- item two\n\n```mutual\na {\n}\n```\nAfter."
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(encode_uri_path("a/b c.mutual"), "a/b%20c.mutual");
        assert_eq!(
            encode_uri_path("שלום.mutual"),
            "%D7%A9%D7%9C%D7%95%D7%9D.mutual"
        );
        assert_eq!(encode_uri_path("100%.mutual"), "100%25.mutual");
        assert_eq!(encode_uri_path("a#b?.mutual"), "a%23b%3F.mutual");
    }
}
