//! `junit`: JUnit XML, as CI servers read test results.
//!
//! ```xml
//! <testsuites name="mutual" tests="3" failures="1" errors="0">
//!   <testsuite name="a.mutual" tests="2" failures="1" errors="0" skipped="0">
//!     <testcase classname="a.mutual" name="Agreement title" file="a.mutual" line="3">
//!       <failure message="…" type="error">a.mutual:5:9: error[no-benefit] …</failure>
//!       <system-out>verdict: donation …</system-out>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! One suite per file; one test case per agreement (it fails when it has a
//! diagnostic at or above the fail level, and lists them in `<failure>`;
//! the others, and the verdict, go to `<system-out>`), plus one test case
//! per rule among the diagnostics that concern no agreement (a syntax
//! error, an import). Text is escaped for XML, and characters XML cannot
//! hold at all (most control characters) are shown as `\u{…}`.

use std::fmt::Write as _;

use mutual_check::{Diagnostic, FileReport};

use crate::{display_path, short, Range, ReportOptions};

/// Test and failure counts, for the enclosing element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuiteCounts {
    pub tests: usize,
    pub failures: usize,
}

impl SuiteCounts {
    pub fn merge(&mut self, other: SuiteCounts) {
        self.tests += other.tests;
        self.failures += other.failures;
    }
}

/// The whole document around the suites.
pub(crate) fn document(suites: &str, totals: SuiteCounts) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mutual\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{suites}</testsuites>\n",
        totals.tests, totals.failures
    )
}

struct Case<'a> {
    name: String,
    line: u32,
    diagnostics: Vec<&'a Diagnostic>,
    verdict: Option<String>,
}

/// One file's `<testsuite>`.
pub(crate) fn render_suite(report: &FileReport, options: &ReportOptions) -> (String, SuiteCounts) {
    let path = display_path(&report.source.path);
    let mut cases: Vec<Case<'_>> = report
        .agreements
        .iter()
        .map(|a| {
            let (line, _) = report.source.line_col(a.title_span.start as usize);
            Case {
                name: if a.title.trim().is_empty() {
                    format!("untitled agreement at line {line}")
                } else {
                    a.title.clone()
                },
                line,
                diagnostics: Vec::new(),
                verdict: Some(format!("verdict: {} ({})", a.verdict, a.verdict.describe())),
            }
        })
        .collect();
    let agreements = cases.len();
    for d in &report.diagnostics {
        match d.agreement.filter(|&i| i < agreements) {
            Some(i) => cases[i].diagnostics.push(d),
            None => {
                let existing = cases[agreements..]
                    .iter_mut()
                    .find(|c| c.name == d.rule.name);
                match existing {
                    Some(case) => case.diagnostics.push(d),
                    None => cases.push(Case {
                        name: d.rule.name.to_string(),
                        line: Range::of(&d.source, d.span).line,
                        diagnostics: vec![d],
                        verdict: None,
                    }),
                }
            }
        }
    }
    let mut counts = SuiteCounts::default();
    let mut body = String::new();
    for case in &cases {
        counts.tests += 1;
        let (failing, passing): (Vec<&Diagnostic>, Vec<&Diagnostic>) = case
            .diagnostics
            .iter()
            .partition(|d| options.fails(d.severity));
        let _ = write!(
            body,
            "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
            attr(&path),
            attr(&case.name),
            attr(&path),
            case.line
        );
        if failing.is_empty() && passing.is_empty() && case.verdict.is_none() {
            body.push_str("/>\n");
            continue;
        }
        body.push_str(">\n");
        if let Some(worst) = failing.iter().map(|d| d.severity).min() {
            counts.failures += 1;
            let _ = writeln!(
                body,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                attr(&format!(
                    "{} at or above the fail level",
                    crate::text::plural(failing.len(), "problem", "problems")
                )),
                worst.as_str(),
                text(&listing(&failing))
            );
        }
        let mut out = String::new();
        if let Some(verdict) = &case.verdict {
            out.push_str(verdict);
            out.push('\n');
        }
        out.push_str(&listing(&passing));
        if !out.is_empty() {
            let _ = writeln!(body, "      <system-out>{}</system-out>", text(&out));
        }
        body.push_str("    </testcase>\n");
    }
    let suite = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n{body}  </testsuite>\n",
        attr(&path),
        counts.tests,
        counts.failures
    );
    (suite, counts)
}

/// Diagnostics as short lines, each followed by its help.
fn listing(diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&short::line_nl(d));
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
    out
}

/// Escapes text content.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value (in double quotes); line breaks and tabs are
/// kept as character references so that they survive normalisation.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if allowed_in_xml(c) => out.push(c),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    out
}

/// The characters XML 1.0 allows in a document.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            text("a < b && c > d \"q\" 'x'"),
            "a &lt; b &amp;&amp; c &gt; d \"q\" 'x'"
        );
        assert_eq!(
            attr("a\"b'c\nd\te<f>&"),
            "a&quot;b&apos;c&#10;d&#9;e&lt;f&gt;&amp;"
        );
        assert_eq!(text("bell\u{7} esc\u{1b}"), "bell\\u{7} esc\\u{1b}");
        assert_eq!(text("]]>"), "]]&gt;");
        assert_eq!(text("line\r\nnext"), "line&#13;\nnext");
        assert_eq!(text("\u{FFFE}שלום 🎉"), "\\u{fffe}שלום 🎉");
    }
}
