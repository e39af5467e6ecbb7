//! Document highlight: every appearance of the name under the cursor in this
//! file; definitions are "write", uses "read".

use lsp_types::{DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams};

use super::doc_offset;
use crate::names;
use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn highlight(
    snap: &Snapshot,
    params: DocumentHighlightParams,
) -> HandlerResult<Option<Vec<DocumentHighlight>>> {
    let (doc, offset) = doc_offset(snap, &params.text_document_position_params)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let model = analysis.model();
    let occurrences = names::occurrences(&analysis, &model);
    let Some(key) = names::at(&occurrences, offset).map(|o| o.key.clone()) else {
        return Ok(None);
    };
    let highlights = occurrences
        .iter()
        .filter(|o| o.key == key)
        .map(|o| DocumentHighlight {
            range: convert::range(&doc.text, &doc.line_index, o.span, snap.encoding),
            kind: Some(if o.is_def {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            }),
        })
        .collect();
    Ok(Some(highlights))
}
