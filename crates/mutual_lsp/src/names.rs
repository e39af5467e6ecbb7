//! Names: every place a party or goal id appears in a file, resolved to the
//! definition it means. Definition, references, rename, highlight and
//! semantic tokens all read this one list.

use std::collections::HashMap;

use mutual_check::model::Model;
use mutual_check::FileId;
use mutual_syntax::ast::{ClauseKind, Deciders, Endpoints, Ident, Item, PartyItemKind};
use mutual_syntax::Span;

use crate::session::Analysis;

/// Party or goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Party,
    Goal,
}

/// What a name means: a definition, identified across files.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKey {
    /// A top-level `party` or `goal` of a file (the file's key).
    Top {
        kind: NameKind,
        file: String,
        name: String,
    },
    /// A party with a name, or a goal, defined inside an agreement.
    Local {
        kind: NameKind,
        file: String,
        agreement: usize,
        name: String,
    },
}

impl SymbolKey {
    pub fn kind(&self) -> NameKind {
        match self {
            SymbolKey::Top { kind, .. } | SymbolKey::Local { kind, .. } => *kind,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            SymbolKey::Top { name, .. } | SymbolKey::Local { name, .. } => name,
        }
    }

    pub fn is_local(&self) -> bool {
        matches!(self, SymbolKey::Local { .. })
    }
}

/// One appearance of a name in the checked file.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub span: Span,
    pub key: SymbolKey,
    /// The defining appearance (a top-level `party`/`goal`, an agreement's
    /// `goal`, a `party` block with a name).
    pub is_def: bool,
    /// The agreement it is in, if any.
    pub agreement: Option<usize>,
}

/// Every resolved name of the checked file, in text order. Names that
/// resolve to nothing (an `unknown-party`) are left out.
pub fn occurrences(analysis: &Analysis, model: &Model<'_>) -> Vec<Occurrence> {
    let file0 = analysis.file_key(FileId(0));
    let mut out = Vec::new();
    let top_key = |kind: NameKind, name: &str| -> Option<SymbolKey> {
        let file = match kind {
            NameKind::Party => model.scope.parties.get(name).map(|d| d.file),
            NameKind::Goal => model.scope.goals.get(name).map(|d| d.file),
        }?;
        Some(SymbolKey::Top {
            kind,
            file: analysis.file_key(file),
            name: name.to_string(),
        })
    };
    for item in &model.file().parse.file.items {
        match item {
            Item::Party(def) => out.push(Occurrence {
                span: def.id.span,
                key: SymbolKey::Top {
                    kind: NameKind::Party,
                    file: file0.clone(),
                    name: def.id.name.clone(),
                },
                is_def: true,
                agreement: None,
            }),
            Item::Goal(def) => out.push(Occurrence {
                span: def.id.span,
                key: SymbolKey::Top {
                    kind: NameKind::Goal,
                    file: file0.clone(),
                    name: def.id.name.clone(),
                },
                is_def: true,
                agreement: None,
            }),
            _ => {}
        }
    }
    for agreement in &model.agreements {
        let index = agreement.index;
        let local = |kind, name: &str| SymbolKey::Local {
            kind,
            file: file0.clone(),
            agreement: index,
            name: name.to_string(),
        };
        let mut goals: HashMap<&str, SymbolKey> = HashMap::new();
        let mut parties: HashMap<&str, SymbolKey> = HashMap::new();
        for clause in agreement.clauses() {
            match &clause.kind {
                ClauseKind::Goal(g) => {
                    let key = local(NameKind::Goal, &g.id.name);
                    goals.entry(&g.id.name).or_insert_with(|| key.clone());
                    out.push(Occurrence {
                        span: g.id.span,
                        key,
                        is_def: true,
                        agreement: Some(index),
                    });
                }
                ClauseKind::Party(block) => {
                    let (key, is_def) = if block.name.is_some() {
                        (Some(local(NameKind::Party, &block.id.name)), true)
                    } else {
                        (top_key(NameKind::Party, &block.id.name), false)
                    };
                    if let Some(key) = key {
                        parties.entry(&block.id.name).or_insert_with(|| key.clone());
                        out.push(Occurrence {
                            span: block.id.span,
                            key,
                            is_def,
                            agreement: Some(index),
                        });
                    }
                }
                _ => {}
            }
        }
        let party_ref = |id: &Ident, out: &mut Vec<Occurrence>| {
            if let Some(key) = parties.get(id.name.as_str()) {
                out.push(Occurrence {
                    span: id.span,
                    key: key.clone(),
                    is_def: false,
                    agreement: Some(index),
                });
            }
        };
        for clause in agreement.clauses() {
            match &clause.kind {
                ClauseKind::Party(block) => {
                    for item in &block.body.items {
                        match &item.kind {
                            PartyItemKind::Pursues(ids) => {
                                for id in ids {
                                    let key = goals
                                        .get(id.name.as_str())
                                        .cloned()
                                        .or_else(|| top_key(NameKind::Goal, &id.name));
                                    if let Some(key) = key {
                                        out.push(Occurrence {
                                            span: id.span,
                                            key,
                                            is_def: false,
                                            agreement: Some(index),
                                        });
                                    }
                                }
                            }
                            PartyItemKind::Invests(flow) | PartyItemKind::Gains(flow) => {
                                if let Some(c) = &flow.counterpart {
                                    party_ref(c, &mut out);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                ClauseKind::Channel { ends, .. } | ClauseKind::Escalation { ends, .. } => {
                    if let Endpoints::Link { from, to, .. } = ends {
                        party_ref(from, &mut out);
                        party_ref(to, &mut out);
                    }
                }
                ClauseKind::Decides {
                    deciders: Deciders::Parties(ids),
                    ..
                } => {
                    for id in ids {
                        party_ref(id, &mut out);
                    }
                }
                _ => {}
            }
        }
    }
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

/// The occurrence under the cursor (its end counts, so a cursor right after
/// a name is on it).
pub fn at(occurrences: &[Occurrence], offset: usize) -> Option<&Occurrence> {
    occurrences
        .iter()
        .find(|o| o.span.start as usize <= offset && offset < o.span.end as usize)
        .or_else(|| occurrences.iter().find(|o| o.span.contains(offset)))
}

/// Where a key is defined, as seen from this analysis: the file and the span
/// of the defining id.
pub fn definition(
    analysis: &Analysis,
    model: &Model<'_>,
    key: &SymbolKey,
) -> Option<(FileId, Span)> {
    match key {
        SymbolKey::Top { kind, file, name } => {
            let (def_file, span) = match kind {
                NameKind::Party => model
                    .scope
                    .parties
                    .get(name.as_str())
                    .map(|d| (d.file, d.node.id.span))?,
                NameKind::Goal => model
                    .scope
                    .goals
                    .get(name.as_str())
                    .map(|d| (d.file, d.node.id.span))?,
            };
            (analysis.file_key(def_file) == *file).then_some((def_file, span))
        }
        SymbolKey::Local {
            kind,
            agreement,
            name,
            ..
        } => {
            let a = model.agreements.get(*agreement)?;
            a.clauses().find_map(|c| match (&c.kind, kind) {
                (ClauseKind::Goal(g), NameKind::Goal) if g.id.name == *name => {
                    Some((FileId(0), g.id.span))
                }
                (ClauseKind::Party(b), NameKind::Party)
                    if b.name.is_some() && b.id.name == *name =>
                {
                    Some((FileId(0), b.id.span))
                }
                _ => None,
            })
        }
    }
}
