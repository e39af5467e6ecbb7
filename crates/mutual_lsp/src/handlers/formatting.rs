//! Formatting with the same formatter as `mutual fmt`: one edit replacing the
//! whole document, or none when it is already formatted or has syntax errors.

use lsp_types::{DocumentFormattingParams, Range, TextEdit};

use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn format(
    snap: &Snapshot,
    params: DocumentFormattingParams,
) -> HandlerResult<Option<Vec<TextEdit>>> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let Ok(mut formatted) = mutual_fmt::format(&doc.text) else {
        // A file with syntax errors is never rewritten.
        return Ok(None);
    };
    if formatted == *doc.text {
        return Ok(Some(Vec::new()));
    }
    if doc.text.starts_with('\u{FEFF}')
        && formatted.strip_prefix('\u{FEFF}') == doc.text.strip_prefix('\u{FEFF}')
    {
        return Ok(Some(Vec::new()));
    }
    // Positions never count a byte-order mark: the edit replaces what follows it.
    if let Some(rest) = formatted.strip_prefix('\u{FEFF}') {
        formatted = rest.to_string();
    }
    let end = convert::position(&doc.text, &doc.line_index, doc.text.len(), snap.encoding);
    let range = Range::new(lsp_types::Position::new(0, 0), end);
    Ok(Some(vec![TextEdit::new(range, formatted)]))
}
