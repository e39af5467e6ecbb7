//! Document symbols: each agreement with its parties and goals, and the
//! top-level parties and goals.

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, Location, SymbolInformation,
    SymbolKind,
};
use mutual_syntax::ast::{ClauseKind, File, Item};
use mutual_syntax::Span;

use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

/// One entry of a file's outline.
pub(crate) struct Node {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    pub span: Span,
    pub selection: Span,
    pub children: Vec<Node>,
}

pub(crate) fn outline(file: &File) -> Vec<Node> {
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Party(def) => out.push(Node {
                name: def.id.name.clone(),
                detail: Some(def.name.value.clone()),
                kind: SymbolKind::CLASS,
                span: def.span,
                selection: def.id.span,
                children: Vec::new(),
            }),
            Item::Goal(def) => out.push(Node {
                name: def.id.name.clone(),
                detail: Some(def.description.value.clone()),
                kind: SymbolKind::CONSTANT,
                span: def.span,
                selection: def.id.span,
                children: Vec::new(),
            }),
            Item::Agreement(a) => {
                let children = a
                    .body
                    .items
                    .iter()
                    .filter_map(|c| match &c.kind {
                        ClauseKind::Party(b) => Some(Node {
                            name: b.id.name.clone(),
                            detail: b.name.as_ref().map(|n| n.value.clone()),
                            kind: SymbolKind::CLASS,
                            span: c.span,
                            selection: b.id.span,
                            children: Vec::new(),
                        }),
                        ClauseKind::Goal(g) => Some(Node {
                            name: g.id.name.clone(),
                            detail: Some(g.description.value.clone()),
                            kind: SymbolKind::CONSTANT,
                            span: c.span,
                            selection: g.id.span,
                            children: Vec::new(),
                        }),
                        _ => None,
                    })
                    .collect();
                out.push(Node {
                    name: a.title.value.clone(),
                    detail: Some("agreement".into()),
                    kind: SymbolKind::NAMESPACE,
                    span: a.span,
                    selection: a.title.span,
                    children,
                });
            }
            Item::Import(_) | Item::Error(_) => {}
        }
    }
    out
}

pub fn document_symbols(
    snap: &Snapshot,
    params: DocumentSymbolParams,
) -> HandlerResult<Option<DocumentSymbolResponse>> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let parse = mutual_syntax::parse(&doc.text);
    let nodes = outline(&parse.file);
    let range = |span| convert::range(&doc.text, &doc.line_index, span, snap.encoding);
    if snap.client.hierarchical_symbols {
        #[allow(deprecated)]
        fn convert_node(n: Node, range: &dyn Fn(Span) -> lsp_types::Range) -> DocumentSymbol {
            DocumentSymbol {
                name: n.name,
                detail: n.detail,
                kind: n.kind,
                tags: None,
                deprecated: None,
                range: range(n.span),
                selection_range: range(n.selection),
                children: Some(
                    n.children
                        .into_iter()
                        .map(|c| convert_node(c, range))
                        .collect(),
                ),
            }
        }
        let symbols = nodes.into_iter().map(|n| convert_node(n, &range)).collect();
        return Ok(Some(DocumentSymbolResponse::Nested(symbols)));
    }
    let mut flat = Vec::new();
    flatten(nodes, None, &mut |n, container| {
        flat.push(information(
            n,
            container,
            Location::new(doc.uri.clone(), range(n.span)),
        ))
    });
    Ok(Some(DocumentSymbolResponse::Flat(flat)))
}

/// Visits every node with the name of its parent.
pub(crate) fn flatten(
    nodes: Vec<Node>,
    container: Option<&str>,
    f: &mut dyn FnMut(&Node, Option<&str>),
) {
    for node in nodes {
        f(&node, container);
        let Node { name, children, .. } = node;
        flatten(children, Some(&name), f);
    }
}

#[allow(deprecated)]
pub(crate) fn information(
    n: &Node,
    container: Option<&str>,
    location: Location,
) -> SymbolInformation {
    SymbolInformation {
        name: n.name.clone(),
        kind: n.kind,
        tags: None,
        deprecated: None,
        location,
        container_name: container.map(str::to_string),
    }
}
