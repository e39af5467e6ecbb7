//! Inlay hints: after each party's id "invests 2 · gains 0", after each
//! agreement's title its verdict.

use lsp_types::{InlayHint, InlayHintLabel, InlayHintParams, InlayHintTooltip};

use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn inlay_hints(
    snap: &Snapshot,
    params: InlayHintParams,
) -> HandlerResult<Option<Vec<InlayHint>>> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let report = analysis.report();
    let wanted = convert::span(&doc.text, &doc.line_index, params.range, snap.encoding);
    let mut hints = Vec::new();
    let mut hint = |offset: u32, label: String, tooltip: Option<String>| {
        if !wanted.contains(offset as usize) {
            return;
        }
        hints.push(InlayHint {
            position: convert::position(&doc.text, &doc.line_index, offset as usize, snap.encoding),
            label: InlayHintLabel::String(label),
            kind: None,
            text_edits: None,
            tooltip: tooltip.map(InlayHintTooltip::String),
            padding_left: Some(true),
            padding_right: Some(false),
            data: None,
        });
    };
    for agreement in &report.agreements {
        hint(
            agreement.title_span.end,
            format!("verdict: {}", agreement.verdict.as_str()),
            Some(agreement.verdict.describe().to_string()),
        );
        for party in &agreement.parties {
            hint(
                party.span.end,
                format!("invests {} · gains {}", party.invests, party.gains),
                Some(format!("{} is a {} here", party.name, party.role.as_str())),
            );
        }
    }
    Ok(Some(hints))
}
