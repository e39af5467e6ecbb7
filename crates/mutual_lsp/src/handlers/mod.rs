//! One module per capability. Each handler is a plain function
//! `fn(&Snapshot, Params) -> HandlerResult<R>`: it reads a snapshot and
//! never changes the session.

pub mod code_action;
pub mod completion;
pub mod definition;
pub mod diagnostics;
pub mod formatting;
pub mod highlight;
pub mod hover;
pub mod inlay_hints;
pub mod references;
pub mod rename;
pub mod semantic_tokens;
pub mod symbols;
pub mod workspace_symbols;

use std::sync::Arc;

use lsp_types::{Position, TextDocumentPositionParams};

use crate::convert;
use crate::session::{Document, Snapshot};
use crate::HandlerResult;

/// The document and the byte offset of a position in it (clamped).
pub(crate) fn doc_offset(
    snap: &Snapshot,
    params: &TextDocumentPositionParams,
) -> HandlerResult<(Arc<Document>, usize)> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    let offset = offset_of(snap, &doc, params.position);
    Ok((doc, offset))
}

pub(crate) fn offset_of(snap: &Snapshot, doc: &Document, position: Position) -> usize {
    convert::offset(&doc.text, &doc.line_index, position, snap.encoding)
}
