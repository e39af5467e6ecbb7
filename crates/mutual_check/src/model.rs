//! The semantic model: names in scope and one resolved view per agreement.
//!
//! Built once per checked file from the syntax trees of the [`Project`];
//! rules only read it. Nothing here reports diagnostics: the rules decide
//! what is wrong.

use std::collections::HashMap;

use mutual_syntax::ast::*;
use mutual_syntax::Span;

use crate::project::{FileId, Project, ProjectFile};

/// A definition and the file it is in.
#[derive(Debug)]
pub struct Def<'p, T> {
    pub file: FileId,
    pub node: &'p T,
}

impl<T> Clone for Def<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Def<'_, T> {}

/// Party or goal: the two kinds of names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Party,
    Goal,
}

/// A second definition of an id already defined in the same scope.
#[derive(Clone, Copy, Debug)]
pub struct Duplicate<'p> {
    pub kind: NameKind,
    pub first: (FileId, &'p Ident),
    pub second: (FileId, &'p Ident),
}

/// The top-level names of the checked file and of everything it imports.
#[derive(Debug, Default)]
pub struct Scope<'p> {
    pub parties: HashMap<&'p str, Def<'p, PartyDef>>,
    pub goals: HashMap<&'p str, Def<'p, GoalDef>>,
    /// Second definitions, in the order met (the checked file first).
    pub duplicates: Vec<Duplicate<'p>>,
}

/// The model of the checked file.
#[derive(Debug)]
pub struct Model<'p> {
    pub project: &'p Project,
    pub scope: Scope<'p>,
    pub agreements: Vec<AgreementModel<'p>>,
}

/// One `invests` or `gains` line.
#[derive(Clone, Copy, Debug)]
pub struct FlowLine<'p> {
    pub flow: &'p Flow,
    /// The whole line.
    pub span: Span,
}

impl FlowLine<'_> {
    pub fn resource(&self) -> &str {
        &self.flow.resource.name
    }
    /// The other party (`to` or `from`), if named.
    pub fn counterpart(&self) -> Option<&str> {
        self.flow.counterpart.as_ref().map(|c| c.name.as_str())
    }
}

/// A `commits` line.
#[derive(Clone, Copy, Debug)]
pub struct Commitment<'p> {
    pub text: &'p Text,
    pub by: Option<&'p Date>,
    pub span: Span,
}

/// A party as one agreement sees it: its identity (from its top-level
/// definition and the block) and its roles in this agreement.
#[derive(Debug)]
pub struct PartyModel<'p> {
    pub id: &'p Ident,
    /// The name people read: the block's name, else the definition's, else the id.
    pub name: String,
    pub block: &'p PartyBlock,
    /// The whole `party … { … }` clause.
    pub span: Span,
    /// The top-level definition this block brings in (a block without a name).
    pub def: Option<Def<'p, PartyDef>>,
    /// `kind` lines, from the definition first, then the block.
    pub kinds: Vec<&'p Ident>,
    pub anonymous: bool,
    pub contacts: Vec<&'p Text>,
    /// Every goal id named by `pursues`, resolved or not.
    pub pursues: Vec<&'p Ident>,
    /// Investments, without self-flows (they count for nothing).
    pub invests: Vec<FlowLine<'p>>,
    /// Gains, without self-flows.
    pub gains: Vec<FlowLine<'p>>,
    /// `invests … to` itself or `gains … from` itself.
    pub self_flows: Vec<FlowLine<'p>>,
    pub commits: Vec<Commitment<'p>>,
    /// Every `signed` line.
    pub signed: Vec<&'p Date>,
    pub allows: Vec<&'p Allow>,
}

impl PartyModel<'_> {
    /// The first `kind`, as written.
    pub fn kind(&self) -> Option<&str> {
        self.kinds.first().map(|k| k.name.as_str())
    }

    pub fn is_person(&self) -> bool {
        self.kind() == Some("person")
    }

    pub fn pursues_goal(&self, goal: &str) -> bool {
        self.pursues.iter().any(|g| g.name == goal)
    }

    /// Whether this party gives only `time` and/or `expertise`.
    pub fn gives_only_time_or_expertise(&self) -> bool {
        !self.invests.is_empty()
            && self
                .invests
                .iter()
                .all(|f| matches!(f.resource(), "time" | "expertise"))
    }
}

/// One agreement, resolved.
#[derive(Debug)]
pub struct AgreementModel<'p> {
    /// Index among the file's agreements.
    pub index: usize,
    pub ast: &'p Agreement,
    pub parties: Vec<PartyModel<'p>>,
    /// Goals defined inside the agreement.
    pub goals: Vec<&'p GoalDef>,
}

impl<'p> AgreementModel<'p> {
    pub fn title(&self) -> &'p str {
        &self.ast.title.value
    }

    /// Where agreement-level diagnostics point: the title.
    pub fn title_span(&self) -> Span {
        self.ast.title.span
    }

    pub fn clauses(&self) -> impl Iterator<Item = &'p Clause> {
        self.ast.body.items.iter()
    }

    /// The first clause matching `f`, with what `f` extracted.
    pub fn first<T>(&self, f: impl Fn(&'p ClauseKind) -> Option<T>) -> Option<(T, Span)> {
        self.clauses().find_map(|c| f(&c.kind).map(|t| (t, c.span)))
    }

    pub fn party(&self, id: &str) -> Option<&PartyModel<'p>> {
        self.parties.iter().find(|p| p.id.name == id)
    }

    /// The first `term` clause: start and end.
    pub fn term(&self) -> Option<(&'p Date, &'p TermEnd, Span)> {
        self.clauses().find_map(|c| match &c.kind {
            ClauseKind::Term { start, end } => Some((start, end, c.span)),
            _ => None,
        })
    }

    pub fn status(&self) -> Option<Status> {
        self.first(|k| match k {
            ClauseKind::Status { value, .. } => Some(*value),
            _ => None,
        })
        .map(|(s, _)| s)
    }

    /// Whether a clause with this keyword is present.
    pub fn has(&self, keyword: &str) -> bool {
        self.clauses().any(|c| c.kind.keyword() == keyword)
    }

    pub fn allows(&self) -> impl Iterator<Item = &'p Allow> {
        self.clauses().filter_map(|c| match &c.kind {
            ClauseKind::Allow(a) => Some(a),
            _ => None,
        })
    }

    /// Whether `id` names a goal this agreement can see.
    pub fn goal_in_scope(&self, scope: &Scope<'_>, id: &str) -> bool {
        self.goals.iter().any(|g| g.id.name == id) || scope.goals.contains_key(id)
    }

    /// Every goal id this agreement can see (for suggestions).
    pub fn goal_ids<'a>(&'a self, scope: &'a Scope<'_>) -> impl Iterator<Item = &'a str> {
        self.goals
            .iter()
            .map(|g| g.id.name.as_str())
            .chain(scope.goals.keys().copied())
    }

    /// Every party id of this agreement (for suggestions).
    pub fn party_ids(&self) -> impl Iterator<Item = &str> {
        self.parties.iter().map(|p| p.id.name.as_str())
    }
}

impl<'p> Model<'p> {
    /// Builds the model of the checked file (`FileId(0)`).
    pub fn build(project: &'p Project) -> Model<'p> {
        let scope = build_scope(project);
        let checked = project.file(FileId(0));
        let agreements = checked
            .parse
            .file
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Agreement(a) => Some(a),
                _ => None,
            })
            .enumerate()
            .map(|(index, ast)| build_agreement(index, ast, &scope))
            .collect();
        Model {
            project,
            scope,
            agreements,
        }
    }

    /// The checked file.
    pub fn file(&self) -> &'p ProjectFile {
        self.project.file(FileId(0))
    }

    /// The agreement whose span contains `offset`, if any.
    pub fn agreement_at(&self, offset: usize) -> Option<&AgreementModel<'p>> {
        self.agreements.iter().find(|a| a.ast.span.contains(offset))
    }
}

fn build_scope(project: &Project) -> Scope<'_> {
    let mut scope = Scope::default();
    for id in project.reachable(FileId(0)) {
        for item in &project.file(id).parse.file.items {
            match item {
                Item::Party(def) => match scope.parties.get(def.id.name.as_str()) {
                    Some(first) => scope.duplicates.push(Duplicate {
                        kind: NameKind::Party,
                        first: (first.file, &first.node.id),
                        second: (id, &def.id),
                    }),
                    None => {
                        scope.parties.insert(
                            &def.id.name,
                            Def {
                                file: id,
                                node: def,
                            },
                        );
                    }
                },
                Item::Goal(def) => match scope.goals.get(def.id.name.as_str()) {
                    Some(first) => scope.duplicates.push(Duplicate {
                        kind: NameKind::Goal,
                        first: (first.file, &first.node.id),
                        second: (id, &def.id),
                    }),
                    None => {
                        scope.goals.insert(
                            &def.id.name,
                            Def {
                                file: id,
                                node: def,
                            },
                        );
                    }
                },
                _ => {}
            }
        }
    }
    scope
}

fn build_agreement<'p>(index: usize, ast: &'p Agreement, scope: &Scope<'p>) -> AgreementModel<'p> {
    let mut parties = Vec::new();
    let mut goals = Vec::new();
    for clause in &ast.body.items {
        match &clause.kind {
            ClauseKind::Goal(g) => goals.push(g),
            ClauseKind::Party(block) => parties.push(build_party(block, clause.span, scope)),
            _ => {}
        }
    }
    AgreementModel {
        index,
        ast,
        parties,
        goals,
    }
}

fn build_party<'p>(block: &'p PartyBlock, span: Span, scope: &Scope<'p>) -> PartyModel<'p> {
    let def = if block.name.is_none() {
        scope.parties.get(block.id.name.as_str()).copied()
    } else {
        None
    };
    let name = block
        .name
        .as_ref()
        .or(def.map(|d| &d.node.name))
        .map_or_else(|| block.id.name.clone(), |t| t.value.clone());
    let mut party = PartyModel {
        id: &block.id,
        name,
        block,
        span,
        def,
        kinds: Vec::new(),
        anonymous: false,
        contacts: Vec::new(),
        pursues: Vec::new(),
        invests: Vec::new(),
        gains: Vec::new(),
        self_flows: Vec::new(),
        commits: Vec::new(),
        signed: Vec::new(),
        allows: Vec::new(),
    };
    let def_items = def
        .and_then(|d| d.node.body.as_ref())
        .map(|b| b.items.as_slice())
        .unwrap_or(&[]);
    for item in def_items.iter().chain(&block.body.items) {
        match &item.kind {
            PartyItemKind::Kind(k) => party.kinds.push(k),
            PartyItemKind::Anonymous => party.anonymous = true,
            PartyItemKind::Contact(c) => party.contacts.push(c),
            PartyItemKind::Pursues(goals) => party.pursues.extend(goals),
            PartyItemKind::Invests(flow) | PartyItemKind::Gains(flow) => {
                let line = FlowLine {
                    flow,
                    span: item.span,
                };
                if line.counterpart() == Some(block.id.name.as_str()) {
                    party.self_flows.push(line);
                } else if matches!(item.kind, PartyItemKind::Invests(_)) {
                    party.invests.push(line);
                } else {
                    party.gains.push(line);
                }
            }
            PartyItemKind::Commits { text, by } => party.commits.push(Commitment {
                text,
                by: by.as_ref(),
                span: item.span,
            }),
            PartyItemKind::Signed(date) => party.signed.push(date),
            PartyItemKind::Allow(allow) => party.allows.push(allow),
            PartyItemKind::Error => {}
        }
    }
    party
}
