//! Semantic tokens (full): keywords, party ids, goal ids, strings, numbers,
//! dates, comments, kinds, arrows and rule names.

use std::collections::HashMap;

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensParams, SemanticTokensResult,
};
use mutual_syntax::ast::{ClauseKind, Item, PartyItemKind};

use crate::lexer::{self, TokKind};
use crate::names::{self, NameKind};
use crate::session::{DocKind, Snapshot};
use crate::{convert, HandlerResult};

/// Token types, in legend order.
pub const TYPES: &[&str] = &[
    "keyword",
    "class",
    "enumMember",
    "string",
    "number",
    "comment",
    "type",
    "operator",
    "decorator",
];

const KEYWORD: u32 = 0;
const PARTY: u32 = 1;
const GOAL: u32 = 2;
const STRING: u32 = 3;
const NUMBER: u32 = 4;
const COMMENT: u32 = 5;
const KIND: u32 = 6;
const OPERATOR: u32 = 7;
const RULE: u32 = 8;

/// Modifiers, in legend order (bit 0, bit 1).
pub const MODIFIERS: &[&str] = &["declaration", "date"];
const DECLARATION: u32 = 1;
const DATE: u32 = 2;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: MODIFIERS
            .iter()
            .map(|m| SemanticTokenModifier::new(m))
            .collect(),
    }
}

pub fn full(
    snap: &Snapshot,
    params: SemanticTokensParams,
) -> HandlerResult<Option<SemanticTokensResult>> {
    let doc = snap.open_doc(&params.text_document.uri)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let model = analysis.model();
    // What the tree knows about identifiers, by start offset.
    let mut words: HashMap<u32, (u32, u32)> = HashMap::new();
    for occ in names::occurrences(&analysis, &model) {
        let ty = match occ.key.kind() {
            NameKind::Party => PARTY,
            NameKind::Goal => GOAL,
        };
        words.insert(
            occ.span.start,
            (ty, if occ.is_def { DECLARATION } else { 0 }),
        );
    }
    let parse = &model.file().parse;
    let mut mark = |span: mutual_syntax::Span, ty: u32| {
        words.entry(span.start).or_insert((ty, 0));
    };
    for item in &parse.file.items {
        match item {
            Item::Party(def) => {
                mark(def.id.span, PARTY);
                for pi in def.body.iter().flat_map(|b| &b.items) {
                    if let PartyItemKind::Kind(k) = &pi.kind {
                        mark(k.span, KIND);
                    }
                }
            }
            Item::Agreement(a) => {
                for clause in &a.body.items {
                    match &clause.kind {
                        ClauseKind::Allow(allow) => mark(allow.rule.span, RULE),
                        ClauseKind::Party(block) => {
                            for pi in &block.body.items {
                                match &pi.kind {
                                    PartyItemKind::Kind(k) => mark(k.span, KIND),
                                    PartyItemKind::Invests(f) | PartyItemKind::Gains(f) => {
                                        mark(f.resource.span, KIND)
                                    }
                                    PartyItemKind::Allow(allow) => mark(allow.rule.span, RULE),
                                    _ => {}
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    let text: &str = &doc.text;
    let tokens = lexer::tokens(text);
    let mut data = Vec::new();
    let (mut last_line, mut last_start) = (0u32, 0u32);
    let mut previous_word: Option<&str> = None;
    for t in &tokens {
        let word = t.text(text);
        let class = match t.kind {
            TokKind::Word => match words.get(&t.span.start) {
                Some(&(ty, m)) => Some((ty, m)),
                None if mutual_syntax::is_keyword(word) => Some((KEYWORD, 0)),
                None if previous_word == Some("status") => Some((KEYWORD, 0)),
                None => None,
            },
            TokKind::Str { .. } => Some((STRING, 0)),
            TokKind::Number => Some((NUMBER, 0)),
            TokKind::Date => Some((NUMBER, DATE)),
            TokKind::Comment => Some((COMMENT, 0)),
            TokKind::Arrow => Some((OPERATOR, 0)),
            _ => None,
        };
        if t.kind != TokKind::Comment {
            previous_word = (t.kind == TokKind::Word).then_some(word);
        }
        let Some((token_type, modifiers)) = class else {
            continue;
        };
        let start = convert::position(text, &doc.line_index, t.span.start as usize, snap.encoding);
        let length = convert::len_in(word, snap.encoding);
        if length == 0 {
            continue;
        }
        let delta_line = start.line - last_line;
        let delta_start = if delta_line == 0 {
            start.character - last_start
        } else {
            start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type,
            token_modifiers_bitset: modifiers,
        });
        last_line = start.line;
        last_start = start.character;
    }
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    })))
}
