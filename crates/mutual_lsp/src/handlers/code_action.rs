//! Quick fixes: each diagnostic's own fix, and "waive this rule here". Both
//! travel in the diagnostic's `data`, so nothing is recomputed here.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    WorkspaceEdit,
};

use super::diagnostics::{DiagnosticData, FixData};
use crate::session::Snapshot;
use crate::HandlerResult;

pub fn code_actions(
    _snap: &Snapshot,
    params: CodeActionParams,
) -> HandlerResult<Option<CodeActionResponse>> {
    if let Some(only) = &params.context.only {
        let wanted = only.iter().any(|k| {
            *k == CodeActionKind::QUICKFIX
                || CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str())
        });
        if !wanted {
            return Ok(None);
        }
    }
    let uri = params.text_document.uri;
    let mut actions = Vec::new();
    for diagnostic in &params.context.diagnostics {
        if diagnostic.source.as_deref() != Some("mutual") {
            continue;
        }
        let Some(data) = diagnostic
            .data
            .clone()
            .and_then(|d| serde_json::from_value::<DiagnosticData>(d).ok())
        else {
            continue;
        };
        let mut action = |fix: FixData, preferred: bool| {
            let mut changes = HashMap::new();
            changes.insert(uri.clone(), fix.edits);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                command: None,
                is_preferred: Some(preferred),
                disabled: None,
                data: None,
            }));
        };
        if let Some(fix) = data.fix {
            let safe = fix.safe;
            action(fix, safe);
        }
        if data.rule != "syntax-error" {
            if let Some(waive) = data.waive {
                action(waive, false);
            }
        }
    }
    Ok(Some(actions))
}
