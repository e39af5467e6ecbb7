//! Go to definition for parties and goals, across imports. A party block
//! without a name goes to the top-level `party` it brings in, possibly in an
//! imported file. On an `import` path, it opens the imported file.

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use super::doc_offset;
use crate::names;
use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn definition(
    snap: &Snapshot,
    params: GotoDefinitionParams,
) -> HandlerResult<Option<GotoDefinitionResponse>> {
    let (doc, offset) = doc_offset(snap, &params.text_document_position_params)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let model = analysis.model();
    // On an import's path: the imported file.
    let imports = &analysis.project.file(mutual_check::FileId(0)).imports;
    if let Some(import) = imports.iter().find(|i| i.span.contains(offset)) {
        let target = import
            .target
            .as_ref()
            .ok()
            .and_then(|&f| snap.uri_of(&analysis, f));
        return Ok(target.map(|uri| {
            GotoDefinitionResponse::Scalar(Location::new(uri, lsp_types::Range::default()))
        }));
    }
    let occurrences = names::occurrences(&analysis, &model);
    let Some(occ) = names::at(&occurrences, offset) else {
        return Ok(None);
    };
    let Some((file, span)) = names::definition(&analysis, &model, &occ.key) else {
        return Ok(None);
    };
    let Some(uri) = snap.uri_of(&analysis, file) else {
        return Ok(None);
    };
    let source = &analysis.project.file(file).source;
    let range = convert::range(&source.text, &source.line_index, span, snap.encoding);
    Ok(Some(GotoDefinitionResponse::Scalar(Location::new(
        uri, range,
    ))))
}
