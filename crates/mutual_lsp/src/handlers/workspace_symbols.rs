//! Workspace symbols: agreements, parties and goals of the open documents
//! and of every `*.mutual` file in the workspace folders.

use std::collections::HashSet;
use std::sync::Arc;

use lsp_types::{Location, WorkspaceSymbolParams, WorkspaceSymbolResponse};
use mutual_syntax::LineIndex;

use super::symbols::{flatten, information, outline};
use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn workspace_symbols(
    snap: &Snapshot,
    params: WorkspaceSymbolParams,
) -> HandlerResult<Option<WorkspaceSymbolResponse>> {
    let query = params.query.to_lowercase();
    let mut files: Vec<(lsp_types::Uri, Arc<str>, Arc<LineIndex>)> = Vec::new();
    let mut seen = HashSet::new();
    let mut docs: Vec<_> = snap
        .docs
        .values()
        .filter(|d| d.kind == DocKind::Mutual)
        .collect();
    docs.sort_by(|a, b| a.uri.cmp(&b.uri));
    for doc in docs {
        if let Some(p) = &doc.path {
            seen.insert(p.clone());
        }
        files.push((
            doc.uri.clone(),
            Arc::clone(&doc.text),
            Arc::clone(&doc.line_index),
        ));
    }
    for path in snap.workspace_files() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (Some(uri), Ok(text)) = (convert::path_to_uri(&path), std::fs::read_to_string(&path))
        else {
            continue;
        };
        let index = Arc::new(LineIndex::new(&text));
        files.push((uri, text.into(), index));
    }
    let mut out = Vec::new();
    for (uri, text, index) in files {
        let parse = mutual_syntax::parse(&text);
        flatten(outline(&parse.file), None, &mut |node, container| {
            if matches_query(&node.name, &query)
                || node
                    .detail
                    .as_deref()
                    .is_some_and(|d| matches_query(d, &query))
            {
                let range = convert::range(&text, &index, node.span, snap.encoding);
                out.push(information(
                    node,
                    container,
                    Location::new(uri.clone(), range),
                ));
            }
        });
    }
    Ok(Some(WorkspaceSymbolResponse::Flat(out)))
}

/// Case-insensitive, the query's characters in order (an empty query matches all).
fn matches_query(name: &str, query: &str) -> bool {
    let name = name.to_lowercase();
    let mut chars = name.chars();
    query.chars().all(|q| chars.any(|c| c == q))
}
