//! Completion by position: the keywords that fit the block, resource kinds
//! after `invests`/`gains`, party kinds after `kind`, party ids after
//! `to`/`from`/`channel`/`escalation`/`decides`, goal ids after `pursues`,
//! rule names after `allow`, and paths inside `import "…"`.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, TextEdit,
};
use mutual_check::{rules, vocabulary, Model};
use mutual_syntax::keywords::{
    AGREEMENT_CLAUSE_KEYWORDS, IDENTITY_KEYWORDS, PARTY_LINE_KEYWORDS, TOP_LEVEL_KEYWORDS,
};
use mutual_syntax::Span;

use super::doc_offset;
use super::hover::{keyword_meaning, party_kind_meaning};
use crate::lexer::{self, TokKind, Token};
use crate::session::{Analysis, DocKind, Document, Snapshot};
use crate::{convert, HandlerResult};

const STATUSES: &[&str] = &["draft", "proposed", "signed", "active", "ended"];

/// Makes an item: label, kind, detail, documentation.
type MakeItem<'a> =
    dyn Fn(&str, CompletionItemKind, Option<String>, Option<String>) -> CompletionItem + 'a;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Agreement,
    Party,
    PartyDef,
    Other,
}

pub fn completion(
    snap: &Snapshot,
    params: CompletionParams,
) -> HandlerResult<Option<CompletionResponse>> {
    let (doc, offset) = doc_offset(snap, &params.text_document_position)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let items = items_at(snap, &doc, offset);
    Ok(Some(CompletionResponse::Array(items)))
}

fn items_at(snap: &Snapshot, doc: &Document, offset: usize) -> Vec<CompletionItem> {
    let text: &str = &doc.text;
    let tokens = lexer::tokens(text);
    // Inside a comment or a string?
    if let Some(t) = tokens.iter().find(|t| {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        match t.kind {
            TokKind::Comment => s < offset && offset <= e,
            TokKind::Str { terminated: true } => s < offset && offset < e,
            TokKind::Str { terminated: false } => s < offset && offset <= e,
            _ => false,
        }
    }) {
        if matches!(t.kind, TokKind::Str { .. }) {
            let before = previous(&tokens, t.span.start as usize);
            if before.is_some_and(|b| b.text(text) == "import") {
                return import_paths(snap, doc, t.span.start as usize + 1, offset);
            }
        }
        return Vec::new();
    }
    // The word being typed, if any, is replaced by the completion.
    let start = tokens
        .iter()
        .find(|t| {
            t.kind == TokKind::Word
                && (t.span.start as usize) < offset
                && offset <= t.span.end as usize
        })
        .map_or(offset, |t| t.span.start as usize);
    let replace = Span::new(start, offset);
    let edit_range = convert::range(text, &doc.line_index, replace, snap.encoding);
    let item =
        |label: &str, kind: CompletionItemKind, detail: Option<String>, docs: Option<String>| {
            CompletionItem {
                label: label.to_string(),
                kind: Some(kind),
                detail,
                documentation: docs.map(|value| {
                    Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    })
                }),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                    edit_range,
                    label.to_string(),
                ))),
                ..CompletionItem::default()
            }
        };
    let keywords = |words: &[&str]| -> Vec<CompletionItem> {
        words
            .iter()
            .map(|w| {
                item(
                    w,
                    CompletionItemKind::KEYWORD,
                    None,
                    keyword_meaning(w).map(str::to_string),
                )
            })
            .collect()
    };
    let prev = previous(&tokens, start);
    let prev_word = prev
        .filter(|p| p.kind == TokKind::Word)
        .map(|p| p.text(text));
    let analysis = || snap.analyze(doc);
    let parties = |with_all: bool| -> Vec<CompletionItem> {
        let analysis = analysis();
        let model = analysis.model();
        let mut out: Vec<CompletionItem> = model
            .agreement_at(offset)
            .map(|a| {
                a.parties
                    .iter()
                    .map(|p| {
                        item(
                            &p.id.name,
                            CompletionItemKind::CLASS,
                            Some(p.name.clone()),
                            None,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if with_all {
            out.push(item(
                "all",
                CompletionItemKind::KEYWORD,
                Some("every party".into()),
                None,
            ));
        }
        out
    };
    match prev_word {
        Some("invests" | "gains") => {
            let analysis = analysis();
            return vocabulary::RESOURCE_KINDS
                .iter()
                .map(|(k, meaning)| (*k, Some(meaning.to_string())))
                .chain(
                    analysis
                        .options
                        .extra_resource_kinds
                        .iter()
                        .map(|k| (k.as_str(), None)),
                )
                .map(|(k, m)| item(k, CompletionItemKind::ENUM_MEMBER, m, None))
                .collect();
        }
        Some("kind") => {
            let analysis = analysis();
            return vocabulary::PARTY_KINDS
                .iter()
                .map(|k| (*k, party_kind_meaning(k).map(str::to_string)))
                .chain(
                    analysis
                        .options
                        .extra_party_kinds
                        .iter()
                        .map(|k| (k.as_str(), None)),
                )
                .map(|(k, m)| item(k, CompletionItemKind::ENUM_MEMBER, m, None))
                .collect();
        }
        Some("to") => {
            // `term DATE to DATE` wants a date, not a party.
            let before = prev.and_then(|p| previous(&tokens, p.span.start as usize));
            if before.is_some_and(|b| b.kind == TokKind::Date) {
                return Vec::new();
            }
            return parties(false);
        }
        Some("from") => return parties(false),
        Some("channel" | "escalation" | "decides") => return parties(true),
        Some("pursues") => return goals(snap, doc, offset, &item),
        Some("allow") => {
            return rules::ALL
                .iter()
                .filter(|r| !r.is_syntax_error())
                .map(|r| {
                    item(
                        r.name,
                        CompletionItemKind::VALUE,
                        Some(r.summary()),
                        Some(r.markdown()),
                    )
                })
                .collect()
        }
        Some("status") => return keywords(STATUSES),
        Some("binding") => return keywords(&["yes", "no"]),
        _ => {}
    }
    if prev.is_some_and(|p| p.kind == TokKind::Arrow) {
        return parties(false);
    }
    if prev.is_some_and(|p| p.kind == TokKind::Comma) {
        // `pursues a, b, |` or `decides a, b, |`.
        let mut at = prev.map_or(0, |p| p.span.start as usize);
        while let Some(t) = previous(&tokens, at) {
            match (t.kind, t.text(text)) {
                (TokKind::Word, "pursues") => return goals(snap, doc, offset, &item),
                (TokKind::Word, "decides") => return parties(false),
                (TokKind::Word | TokKind::Comma, _) => at = t.span.start as usize,
                _ => break,
            }
        }
        return Vec::new();
    }
    let block = block_at(&tokens, text, start);
    let at_clause_start = match prev {
        None => true,
        Some(p) => {
            matches!(p.kind, TokKind::OpenBrace | TokKind::CloseBrace)
                || text
                    .get(p.span.end as usize..start)
                    .is_some_and(|between| between.contains('\n'))
        }
    };
    if at_clause_start {
        return match block {
            None => keywords(TOP_LEVEL_KEYWORDS),
            Some(Block::Agreement) => keywords(AGREEMENT_CLAUSE_KEYWORDS),
            Some(Block::Party) => keywords(PARTY_LINE_KEYWORDS),
            Some(Block::PartyDef) => keywords(IDENTITY_KEYWORDS),
            Some(Block::Other) => Vec::new(),
        };
    }
    // Inside a clause: the party brought into an agreement, or the words
    // that may follow.
    let clause = clause_keyword(&tokens, text, start);
    match (clause, prev) {
        (Some("party"), Some(p)) if p.text(text) == "party" && block == Some(Block::Agreement) => {
            let analysis = analysis();
            let model = analysis.model();
            let present: Vec<String> = model
                .agreement_at(offset)
                .map(|a| a.party_ids().map(str::to_string).collect())
                .unwrap_or_default();
            let mut ids: Vec<(&str, String)> = model
                .scope
                .parties
                .iter()
                .filter(|(id, _)| !present.iter().any(|p| p == *id))
                .map(|(id, def)| (*id, def.node.name.value.clone()))
                .collect();
            ids.sort();
            ids.into_iter()
                .map(|(id, name)| item(id, CompletionItemKind::CLASS, Some(name), None))
                .collect()
        }
        (Some("term"), Some(p)) if p.kind == TokKind::Date => keywords(&["to", "open-ended"]),
        (Some("review"), _) => keywords(&["every"]),
        (Some("exit"), Some(p)) if p.text(text) == "exit" => keywords(&["notice"]),
        (Some("risk"), Some(p)) if matches!(p.kind, TokKind::Str { .. }) => {
            keywords(&["mitigation"])
        }
        (Some("allow"), Some(p)) if p.kind == TokKind::Word => keywords(&["because"]),
        (Some("commits"), Some(p)) if matches!(p.kind, TokKind::Str { .. }) => keywords(&["by"]),
        (Some("invests"), Some(_)) => keywords(&["to", "license"]),
        (Some("gains"), Some(_)) => keywords(&["from"]),
        (Some("channel"), Some(p)) if p.kind == TokKind::Word => keywords(&["every"]),
        _ => Vec::new(),
    }
}

fn goals(
    snap: &Snapshot,
    doc: &Document,
    offset: usize,
    item: &MakeItem<'_>,
) -> Vec<CompletionItem> {
    let analysis: Analysis = snap.analyze(doc);
    let model: Model<'_> = analysis.model();
    let mut out: Vec<(String, String)> = Vec::new();
    if let Some(a) = model.agreement_at(offset) {
        for g in &a.goals {
            out.push((g.id.name.clone(), g.description.value.clone()));
        }
    }
    let mut top: Vec<(String, String)> = model
        .scope
        .goals
        .iter()
        .map(|(id, d)| (id.to_string(), d.node.description.value.clone()))
        .collect();
    top.sort();
    for (id, d) in top {
        if !out.iter().any(|(o, _)| *o == id) {
            out.push((id, d));
        }
    }
    out.iter()
        .map(|(id, d)| item(id, CompletionItemKind::CONSTANT, Some(d.clone()), None))
        .collect()
}

/// The last token before `offset` that is not a comment.
fn previous(tokens: &[Token], offset: usize) -> Option<Token> {
    tokens
        .iter()
        .rev()
        .find(|t| (t.span.end as usize) <= offset && t.kind != TokKind::Comment)
        .copied()
}

/// The innermost block around `offset`: `None` at the top level.
fn block_at(tokens: &[Token], text: &str, offset: usize) -> Option<Block> {
    let mut stack: Vec<Block> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.span.start as usize >= offset {
            break;
        }
        match t.kind {
            TokKind::OpenBrace => {
                let opener = tokens[..i]
                    .iter()
                    .rev()
                    .take_while(|b| {
                        matches!(
                            b.kind,
                            TokKind::Word | TokKind::Str { .. } | TokKind::Comment
                        )
                    })
                    .filter(|b| b.kind == TokKind::Word)
                    .map(|b| b.text(text))
                    .find(|w| *w == "agreement" || *w == "party");
                let block = match opener {
                    Some("agreement") => Block::Agreement,
                    Some("party") if stack.is_empty() => Block::PartyDef,
                    Some("party") => Block::Party,
                    _ => Block::Other,
                };
                stack.push(block);
            }
            TokKind::CloseBrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last().copied()
}

/// The first word of the line holding the last token before `offset`: the
/// keyword of the clause being written.
fn clause_keyword<'t>(tokens: &[Token], text: &'t str, offset: usize) -> Option<&'t str> {
    let prev = previous(tokens, offset)?;
    let line_start = text
        .get(..prev.span.start as usize)?
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let first = tokens
        .iter()
        .find(|t| t.span.start as usize >= line_start && t.span.start <= prev.span.start)?;
    // `party x {` opens a block: the clause after the brace starts fresh.
    let after_brace = tokens
        .iter()
        .filter(|t| t.span.start as usize >= line_start && t.span.start <= prev.span.start)
        .rev()
        .take_while(|t| !matches!(t.kind, TokKind::OpenBrace | TokKind::CloseBrace))
        .last()
        .copied()
        .unwrap_or(*first);
    (after_brace.kind == TokKind::Word).then(|| after_brace.text(text))
}

/// Relative `*.mutual` files and folders for `import "…"`.
fn import_paths(
    snap: &Snapshot,
    doc: &Document,
    string_start: usize,
    offset: usize,
) -> Vec<CompletionItem> {
    let Some(base) = doc.path.as_ref().and_then(|p| p.parent()) else {
        return Vec::new();
    };
    let typed = doc.text.get(string_start..offset).unwrap_or("");
    let (dir_part, name_part) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir = base.join(dir_part);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let replace = Span::new(offset - name_part.len(), offset);
    let range = convert::range(&doc.text, &doc.line_index, replace, snap.encoding);
    let mut items: Vec<CompletionItem> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            if name.starts_with('.') {
                return None;
            }
            let kind = entry.file_type().ok()?;
            let (label, item_kind) = if kind.is_dir() {
                (format!("{name}/"), CompletionItemKind::FOLDER)
            } else if name.ends_with(".mutual")
                && doc.path.as_deref() != Some(convert::canonical(&entry.path()).as_path())
            {
                (name, CompletionItemKind::FILE)
            } else {
                return None;
            };
            Some(CompletionItem {
                label: label.clone(),
                kind: Some(item_kind),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, label))),
                ..CompletionItem::default()
            })
        })
        .collect();
    items.sort_by(|a, b| a.label.cmp(&b.label));
    items
}
