//! Diagnostics: pushed (`textDocument/publishDiagnostics`) or pulled
//! (`textDocument/diagnostic`), never both. Each carries its rule as `code`,
//! a link to the rule's docs, related locations, the `Unnecessary` tag, and in
//! `data` its fix and the "waive this rule here" edit, so that code actions
//! need no memory of the server.

use std::cell::OnceCell;
use std::sync::Arc;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, Location, NumberOrString, RelatedFullDocumentDiagnosticReport,
    TextEdit, Uri,
};
use mutual_check::{Diagnostic as CheckDiagnostic, Model, Severity, SourceFile};
use mutual_syntax::ast::Block;
use mutual_syntax::Span;
use serde::{Deserialize, Serialize};

use crate::convert;
use crate::session::{Analysis, DocKind, Snapshot};
use crate::HandlerResult;

/// What a diagnostic carries in `data`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DiagnosticData {
    pub rule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<FixData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waive: Option<FixData>,
}

/// A fix, ready to apply to the document version the diagnostic was made for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FixData {
    pub title: String,
    /// `true` when it keeps the author's meaning (a preferred quick fix).
    pub safe: bool,
    pub edits: Vec<TextEdit>,
}

/// The diagnostics of an analysed document, in LSP form.
pub fn compute(snap: &Snapshot, analysis: &Analysis) -> Vec<Diagnostic> {
    let model = analysis.model();
    let report = mutual_check::check_model(&model, &analysis.options);
    // The document's line ending, looked for once (not once per waiver: a
    // scan of the whole text each).
    let eol = OnceCell::new();
    report
        .diagnostics
        .iter()
        .map(|d| to_lsp(snap, analysis, &model, d, &eol))
        .collect()
}

fn to_lsp(
    snap: &Snapshot,
    analysis: &Analysis,
    model: &Model<'_>,
    d: &CheckDiagnostic,
    eol: &OnceCell<&'static str>,
) -> Diagnostic {
    let enc = snap.encoding;
    let source = &d.source;
    let range = |span: Span| convert::range(&source.text, &source.line_index, span, enc);
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let uri = uri_of_source(analysis, &r.source)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    uri,
                    convert::range(&r.source.text, &r.source.line_index, r.span, enc),
                ),
                message: r.message.clone(),
            })
        })
        .collect();
    let fix = fix_data(d, enc);
    let waive = waiver(analysis, model, d, enc, eol);
    let data = DiagnosticData {
        rule: d.rule.name.to_string(),
        fix,
        waive,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    Diagnostic {
        range: range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.name.to_string())),
        code_description: code_description(d),
        source: Some("mutual".into()),
        message,
        related_information: (!related.is_empty() && snap.client.related_information)
            .then_some(related),
        tags: d.unnecessary.then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: serde_json::to_value(data).ok(),
    }
}

/// The URI of a source file of the analysis.
pub(crate) fn uri_of_source(analysis: &Analysis, source: &Arc<SourceFile>) -> Option<Uri> {
    if Arc::ptr_eq(source, analysis.source()) {
        return Some(analysis.doc_uri.clone());
    }
    convert::path_to_uri(&convert::canonical(&source.path))
}

/// "Waive `rule` here": an `allow RULE because ""` line in the party's block
/// when the diagnostic is about a party, else in the agreement. None for
/// syntax errors (they cannot be waived) and outside agreements.
fn waiver(
    analysis: &Analysis,
    model: &Model<'_>,
    d: &CheckDiagnostic,
    enc: mutual_syntax::Encoding,
    eol: &OnceCell<&'static str>,
) -> Option<FixData> {
    if d.rule.is_syntax_error() || !Arc::ptr_eq(&d.source, analysis.source()) {
        return None;
    }
    let agreement = model.agreements.get(d.agreement?)?;
    let text = &d.source.text;
    let line = format!("allow {} because \"\"", d.rule.name);
    let party = d.party.as_deref().and_then(|p| agreement.party(p));
    let (insert_at, new_text) = match party {
        Some(p) => insertion(text, &p.block.body, &line, eol)?,
        None => insertion(text, &agreement.ast.body, &line, eol)?,
    };
    let title = match party {
        Some(p) => format!("Waive `{}` for {} here", d.rule.name, p.name),
        None => format!("Waive `{}` here", d.rule.name),
    };
    let at = convert::position(text, &d.source.line_index, insert_at, enc);
    Some(FixData {
        title,
        safe: false,
        edits: vec![TextEdit::new(lsp_types::Range::new(at, at), new_text)],
    })
}

/// Where and what to insert to add `line` as the last item of a block, with
/// the block's indentation and line ending.
fn insertion<T>(
    text: &str,
    block: &Block<T>,
    line: &str,
    eol: &OnceCell<&'static str>,
) -> Option<(usize, String)>
where
    T: HasSpan,
{
    let close = block.close?.start as usize;
    let eol = *eol.get_or_init(|| if text.contains("\r\n") { "\r\n" } else { "\n" });
    let close_line_start = text.get(..close)?.rfind('\n').map_or(0, |p| p + 1);
    let before_close = text.get(close_line_start..close)?;
    if before_close.trim().is_empty() {
        // `}` on a line of its own: a new line above it, indented like the
        // block's items (or one step deeper than the brace).
        let indent = block
            .items
            .iter()
            .rev()
            .find_map(|item| {
                let start = item.span().start as usize;
                let ls = text.get(..start)?.rfind('\n').map_or(0, |p| p + 1);
                let prefix = text.get(ls..start)?;
                prefix.trim().is_empty().then(|| prefix.to_string())
            })
            .unwrap_or_else(|| format!("{before_close}  "));
        Some((close_line_start, format!("{indent}{line}{eol}")))
    } else {
        // A block on one line: `{ … }`.
        let pad = if before_close.ends_with(' ') { "" } else { " " };
        Some((close, format!("{pad}{line} ")))
    }
}

/// Items of a block that know their span.
pub(crate) trait HasSpan {
    fn span(&self) -> Span;
}

impl HasSpan for mutual_syntax::ast::Clause {
    fn span(&self) -> Span {
        self.span
    }
}

impl HasSpan for mutual_syntax::ast::PartyItem {
    fn span(&self) -> Span {
        self.span
    }
}

/// The problems of an open `mutual.toml`: why it cannot be used, or the
/// rules it names that do not exist.
pub fn config_diagnostics(snap: &Snapshot, doc: &crate::session::Document) -> Vec<Diagnostic> {
    let path = doc
        .path
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("mutual.toml"));
    let enc = snap.encoding;
    match mutual_check::config::Config::parse(&path, &doc.text) {
        Ok(config) => config
            .unknown_rules()
            .iter()
            .map(|d| plain(d, enc))
            .collect(),
        Err(err) => {
            let at = if err.line == 0 {
                0
            } else {
                doc.line_index.offset(
                    &doc.text,
                    mutual_syntax::Position {
                        line: err.line - 1,
                        character: err.column.saturating_sub(1),
                    },
                    mutual_syntax::Encoding::Utf32,
                )
            };
            let start = convert::position(&doc.text, &doc.line_index, at, enc);
            let line_end = doc
                .line_index
                .line_range(&doc.text, start.line)
                .map_or(at, |r| r.end.max(at));
            let end = convert::position(&doc.text, &doc.line_index, line_end, enc);
            vec![Diagnostic {
                range: lsp_types::Range::new(start, end),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("mutual".into()),
                message: err.message,
                ..Diagnostic::default()
            }]
        }
    }
}

/// A diagnostic of the checker without waiver or related places.
fn plain(d: &CheckDiagnostic, enc: mutual_syntax::Encoding) -> Diagnostic {
    let fix = fix_data(d, enc);
    Diagnostic {
        range: convert::range(&d.source.text, &d.source.line_index, d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.name.to_string())),
        code_description: code_description(d),
        source: Some("mutual".into()),
        message: d.message.clone(),
        data: serde_json::to_value(DiagnosticData {
            rule: d.rule.name.to_string(),
            fix,
            waive: None,
        })
        .ok(),
        ..Diagnostic::default()
    }
}

/// `textDocument/diagnostic`, for clients that pull.
pub fn pull(
    snap: &Snapshot,
    params: DocumentDiagnosticParams,
) -> HandlerResult<DocumentDiagnosticReportResult> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    let items = match doc.kind {
        DocKind::Mutual => compute(snap, &snap.analyze(&doc)),
        DocKind::Config => config_diagnostics(snap, &doc),
        DocKind::Other => Vec::new(),
    };
    Ok(DocumentDiagnosticReportResult::Report(
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: None,
                items,
            },
        }),
    ))
}

/// A diagnostic's fix, its edits in the client's position encoding.
fn fix_data(d: &CheckDiagnostic, enc: mutual_syntax::Encoding) -> Option<FixData> {
    let source = &d.source;
    d.fix.as_ref().map(|fix| FixData {
        title: fix.title.clone(),
        safe: fix.applicability == mutual_check::Applicability::Safe,
        edits: fix
            .edits
            .iter()
            .map(|e| {
                TextEdit::new(
                    convert::range(&source.text, &source.line_index, e.span, enc),
                    e.replacement.clone(),
                )
            })
            .collect(),
    })
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The link to the docs of the diagnostic's rule.
fn code_description(d: &CheckDiagnostic) -> Option<CodeDescription> {
    d.rule
        .url()
        .parse::<Uri>()
        .ok()
        .map(|href| CodeDescription { href })
}
