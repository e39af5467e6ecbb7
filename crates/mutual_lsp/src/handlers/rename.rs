//! Rename parties and goals, in every file that sees them.

use std::collections::HashMap;

use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use super::doc_offset;
use super::references::{all_occurrences, key_at};
use crate::lexer::{is_word_char, is_word_start};
use crate::names;
use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerError, HandlerResult};

pub fn prepare_rename(
    snap: &Snapshot,
    params: TextDocumentPositionParams,
) -> HandlerResult<Option<PrepareRenameResponse>> {
    let (doc, offset) = doc_offset(snap, &params)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let model = analysis.model();
    let occurrences = names::occurrences(&analysis, &model);
    let Some(occ) = names::at(&occurrences, offset) else {
        return Ok(None);
    };
    Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(&doc.text, &doc.line_index, occ.span, snap.encoding),
        placeholder: occ.key.name().to_string(),
    }))
}

pub fn rename(snap: &Snapshot, params: RenameParams) -> HandlerResult<Option<WorkspaceEdit>> {
    let new_name = params.new_name.trim();
    if !is_identifier(new_name) {
        return Err(HandlerError::invalid_params(format!(
            "`{new_name}` cannot be a name: a name starts with a letter or `_`, then letters, digits, `_` or `-`, and is no keyword"
        )));
    }
    let (doc, offset) = doc_offset(snap, &params.text_document_position)?;
    let Some(key) = key_at(snap, &doc, offset) else {
        return Ok(None);
    };
    let mut changes = HashMap::new();
    for (uri, text, occs) in all_occurrences(snap, &doc, &key) {
        let edits: Vec<TextEdit> = occs
            .iter()
            .map(|o| TextEdit::new(text.range(o.span), new_name.to_string()))
            .collect();
        changes.insert(uri, edits);
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

/// Whether `name` is a valid party or goal id.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_word_start)
        && chars.all(is_word_char)
        && !mutual_syntax::is_keyword(name)
}
