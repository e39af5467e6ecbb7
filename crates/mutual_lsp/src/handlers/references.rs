//! Find references for parties and goals: in this file, and for top-level
//! names in every open file and workspace file that sees the definition
//! through its imports.

use std::collections::HashSet;
use std::sync::Arc;

use lsp_types::{Location, ReferenceParams, Uri};

use super::doc_offset;
use crate::names::{self, Occurrence, SymbolKey};
use crate::session::{Analysis, DocKind, Document, Snapshot};
use crate::{convert, HandlerResult};

pub fn references(
    snap: &Snapshot,
    params: ReferenceParams,
) -> HandlerResult<Option<Vec<Location>>> {
    let (doc, offset) = doc_offset(snap, &params.text_document_position)?;
    let Some(key) = key_at(snap, &doc, offset) else {
        return Ok(None);
    };
    let include_declaration = params.context.include_declaration;
    let locations = all_occurrences(snap, &doc, &key)
        .into_iter()
        .flat_map(|(uri, text, occs)| {
            occs.into_iter()
                .filter(move |o| include_declaration || !o.is_def)
                .map(move |o| Location::new(uri.clone(), text.range(o.span)))
        })
        .collect();
    Ok(Some(locations))
}

/// The name under the cursor.
pub(crate) fn key_at(snap: &Snapshot, doc: &Document, offset: usize) -> Option<SymbolKey> {
    if doc.kind != DocKind::Mutual {
        return None;
    }
    let analysis = snap.analyze(doc);
    let model = analysis.model();
    let occurrences = names::occurrences(&analysis, &model);
    names::at(&occurrences, offset).map(|o| o.key.clone())
}

/// Converts spans of one file to ranges.
pub(crate) struct FileText {
    text: Arc<str>,
    index: Arc<mutual_syntax::LineIndex>,
    encoding: mutual_syntax::Encoding,
}

impl FileText {
    pub(crate) fn range(&self, span: mutual_syntax::Span) -> lsp_types::Range {
        convert::range(&self.text, &self.index, span, self.encoding)
    }
}

/// Every occurrence of `key`, per file: the document itself for a local
/// name; every file that can see it for a top-level one.
pub(crate) fn all_occurrences(
    snap: &Snapshot,
    doc: &Document,
    key: &SymbolKey,
) -> Vec<(Uri, FileText, Vec<Occurrence>)> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut visit = |analysis: Analysis, out: &mut Vec<(Uri, FileText, Vec<Occurrence>)>| {
        let file_key = analysis.file_key(mutual_check::FileId(0));
        if !seen.insert(file_key) {
            return;
        }
        let model = analysis.model();
        let occs: Vec<Occurrence> = names::occurrences(&analysis, &model)
            .into_iter()
            .filter(|o| o.key == *key)
            .collect();
        if occs.is_empty() {
            return;
        }
        let source = analysis.source();
        let text = FileText {
            text: Arc::clone(&source.text),
            index: Arc::new(source.line_index.clone()),
            encoding: snap.encoding,
        };
        out.push((analysis.doc_uri.clone(), text, occs));
    };
    visit(snap.analyze(doc), &mut out);
    if key.is_local() {
        return out;
    }
    let mut docs: Vec<&Arc<Document>> = snap
        .docs
        .values()
        .filter(|d| d.kind == DocKind::Mutual)
        .collect();
    docs.sort_by(|a, b| a.uri.cmp(&b.uri));
    for other in docs {
        visit(snap.analyze(other), &mut out);
    }
    let mut paths = snap.workspace_files();
    if let SymbolKey::Top { file, .. } = key {
        paths.push(std::path::PathBuf::from(file));
    }
    for path in paths {
        if let Some(analysis) = snap.analyze_path(&path) {
            visit(analysis, &mut out);
        }
    }
    out
}
