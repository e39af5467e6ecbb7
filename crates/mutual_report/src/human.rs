//! `human`: miette's graphical report for each diagnostic (the source line
//! with the span underlined, the level and rule, help, related places as
//! labels, or as notes with their own snippet when they are in another
//! file), then a summary: files checked, diagnostics per level, and the
//! verdict of each agreement that is not a partnership.

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use mutual_check::{Applicability, Diagnostic, Severity, SourceFile, Verdict};
use mutual_syntax::Span;

use crate::text::{one_line, plural};
use crate::{display_path, Counts, ReportOptions, VerdictNote};

/// Each diagnostic rendered, followed by a blank line.
pub fn render(diagnostics: &[Diagnostic], options: &ReportOptions) -> Vec<String> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_urls(false)
        .without_syntax_highlighting()
        .with_show_related_as_nested(true);
    diagnostics
        .iter()
        .map(|d| {
            let report = Report::new(d);
            let mut out = String::new();
            if handler.render_report(&mut out, &report).is_err() {
                // miette could not show the snippet: the short line still
                // says everything that matters.
                out = crate::short::line_nl(d);
            }
            out.push('\n');
            out
        })
        .collect()
}

/// The closing summary: `N files checked: …`, then one line per agreement
/// that is not a partnership.
pub fn summary(files: usize, counts: Counts, verdicts: &[VerdictNote]) -> String {
    let mut out = format!("{} checked: ", plural(files, "file", "files"));
    if counts.total() == 0 {
        out.push_str("no problems found\n");
    } else {
        out.push_str(&format!(
            "{}, {}, {}, {}\n",
            plural(counts.error, "error", "errors"),
            plural(counts.warning, "warning", "warnings"),
            plural(counts.info, "info", "info"),
            plural(counts.hint, "hint", "hints"),
        ));
    }
    for note in verdicts {
        out.push_str(&format!(
            "{}: “{}” {}: {}\n",
            one_line(&note.path),
            one_line(&note.title),
            verdict_phrase(note.verdict),
            note.verdict.describe()
        ));
    }
    out
}

/// "is a service", "is volunteering"…
pub fn verdict_phrase(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Incomplete => "cannot be judged yet",
        Verdict::OneSided => "is one-sided",
        Verdict::Service => "is a service",
        Verdict::Volunteering => "is volunteering",
        Verdict::Donation => "is a donation",
        Verdict::NotAPartnership => "is not a partnership",
        Verdict::Partnership => "is a partnership",
    }
}

/// A diagnostic as miette sees it.
struct Report {
    code: String,
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Source,
    labels: Vec<LabeledSpan>,
    /// Related places in other files, each with its own snippet.
    notes: Vec<Note>,
}

impl Report {
    fn new(d: &Diagnostic) -> Report {
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            None,
            source_span(&d.source, d.span),
        )];
        let mut notes = Vec::new();
        for related in &d.related {
            let message = one_line(&related.message).into_owned();
            if same_file(&related.source, &d.source) {
                labels.push(LabeledSpan::new_with_span(
                    Some(message),
                    source_span(&related.source, related.span),
                ));
            } else {
                notes.push(Note {
                    message,
                    source: named(&related.source),
                    span: source_span(&related.source, related.span),
                });
            }
        }
        let mut help: Vec<String> = d.help.iter().map(|h| one_line(h).into_owned()).collect();
        if let Some(fix) = &d.fix {
            let kind = match fix.applicability {
                Applicability::Safe => "fix",
                Applicability::Unsafe => "fix (review it)",
            };
            help.push(format!("{kind}: {}", one_line(&fix.title)));
        }
        Report {
            code: format!("{}[{}]", d.severity.as_str(), d.rule.name),
            message: one_line(&d.message).into_owned(),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info | Severity::Hint => miette::Severity::Advice,
            },
            help: (!help.is_empty()).then(|| help.join("\n")),
            source: named(&d.source),
            labels,
            notes,
        }
    }
}

fn same_file(a: &Arc<SourceFile>, b: &Arc<SourceFile>) -> bool {
    Arc::ptr_eq(a, b) || a.path == b.path
}

fn named(source: &SourceFile) -> Source {
    Source {
        name: display_path(&source.path),
        text: Arc::clone(&source.text),
    }
}

/// A file's text for miette, whose own column count is in bytes: this one
/// counts characters (a byte-order mark not counted), like every other
/// output, so that the `[path:line:col]` header agrees with `short`.
struct Source {
    name: String,
    text: Arc<str>,
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.text
                .as_ref()
                .read_span(span, context_lines_before, context_lines_after)?;
        let offset = span.offset().min(self.text.len());
        let before = self.text.get(..offset).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let mut column = before[line_start..].chars().count();
        if line_start == 0 && before.starts_with('\u{feff}') {
            column -= 1;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// The span, clamped to the text and to character boundaries.
fn source_span(source: &SourceFile, span: Span) -> SourceSpan {
    let text = &source.text;
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start as usize);
    let end = floor(span.end as usize).max(start);
    SourceSpan::new(start.into(), end - start)
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.notes.is_empty() {
            return None;
        }
        Some(Box::new(
            self.notes.iter().map(|n| n as &dyn miette::Diagnostic),
        ))
    }
}

/// A related place in another file.
struct Note {
    message: String,
    source: Source,
    span: SourceSpan,
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Note {}

impl miette::Diagnostic for Note {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, self.span,
        ))))
    }
}
