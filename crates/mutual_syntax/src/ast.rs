//! The typed syntax tree.
//!
//! Every node carries its byte [`Span`] in the original text (a leading BOM
//! included), so positions are computed once, at the edges, by
//! [`crate::LineIndex`]. Comments are not in the tree; they are kept in
//! [`File::comments`] in text order and attached by whoever needs them (the
//! formatter, the language server).

use serde::Serialize;

/// A byte range `start..end` in the file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn empty(at: usize) -> Self {
        Span::new(at, at)
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, offset: usize) -> bool {
        (self.start as usize) <= offset && offset <= (self.end as usize)
    }
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// An identifier: a party, goal, kind or unit name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A string literal. `value` has its escapes resolved; `span` covers the quotes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// A date as written. It may not exist in the calendar (`2026-02-30`):
/// that is a rule of the checker, not a syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    #[serde(skip)]
    pub span: Span,
}

/// A number as written, with its value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Number {
    pub text: String,
    pub value: f64,
    pub span: Span,
}

/// A number and a unit word: `40 hours`, `2000 EUR`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub amount: Number,
    pub unit: Ident,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    Day,
    Week,
    Month,
    Year,
}

/// A whole number and a calendar unit: `6 months`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Duration {
    pub count: u32,
    pub unit: DurationUnit,
    /// The unit as written (`month` or `months`), kept for the formatter.
    pub unit_text: String,
    pub span: Span,
}

/// A `#` comment, from `#` to the end of the line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LineEnding {
    Lf,
    CrLf,
}

impl LineEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// A whole `.mutual` file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct File {
    pub items: Vec<Item>,
    pub comments: Vec<Comment>,
    pub has_bom: bool,
    pub line_ending: LineEnding,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Item {
    Import(Import),
    Party(PartyDef),
    Goal(GoalDef),
    Agreement(Agreement),
    /// Text the parser could not read; its syntax error is in `Parse::errors`.
    Error(Span),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Import(i) => i.span,
            Item::Party(p) => p.span,
            Item::Goal(g) => g.span,
            Item::Agreement(a) => a.span,
            Item::Error(s) => *s,
        }
    }
}

/// `import "path"`
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Import {
    pub path: Text,
    pub span: Span,
}

/// `goal id "description"`, at the top level or in an agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalDef {
    pub id: Ident,
    pub description: Text,
    pub span: Span,
}

/// `party id "Name" { kind … anonymous contact "…" }` at the top level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyDef {
    pub id: Ident,
    pub name: Text,
    pub body: Option<Block<PartyItem>>,
    pub span: Span,
}

/// A braced block's items and braces. `close` is `None` when the closing
/// brace is missing, and `open` is an empty span right after the block's
/// header when the opening brace is missing (a syntax error has been
/// reported in both cases).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block<T> {
    pub open: Span,
    pub items: Vec<T>,
    pub close: Option<Span>,
}

/// `agreement "Title" { clauses }`
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    pub title: Text,
    pub body: Block<Clause>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Proposed,
    Signed,
    Active,
    Ended,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Proposed => "proposed",
            Status::Signed => "signed",
            Status::Active => "active",
            Status::Ended => "ended",
        }
    }
}

/// The end of a term: a date or `open-ended`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum TermEnd {
    Date(Date),
    OpenEnded(Span),
}

/// Channel and escalation ends.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Endpoints {
    All(Span),
    /// `from -> to` (`both` false) or `from <-> to` (`both` true).
    Link {
        from: Ident,
        to: Ident,
        both: bool,
        arrow: Span,
    },
}

/// `decides all` or `decides a, b`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Deciders {
    All(Span),
    Parties(Vec<Ident>),
}

/// `allow rule-name because "reason"`
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Allow {
    pub rule: Ident,
    pub reason: Text,
    pub span: Span,
}

/// One clause of an agreement, with its span (keyword to last token).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clause {
    pub kind: ClauseKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ClauseKind {
    Status {
        value: Status,
        value_span: Span,
    },
    Purpose(Text),
    Binding {
        value: bool,
        value_span: Span,
    },
    Term {
        start: Date,
        end: TermEnd,
    },
    Review {
        every: Duration,
        description: Option<Text>,
    },
    Exit {
        notice: Option<Duration>,
        description: Text,
    },
    WindDown(Text),
    Creates(Text),
    Measure(Text),
    Goal(GoalDef),
    Party(PartyBlock),
    Channel {
        ends: Endpoints,
        every: Option<Duration>,
        description: Option<Text>,
    },
    Escalation {
        ends: Endpoints,
        description: Option<Text>,
    },
    Decides {
        deciders: Deciders,
        description: Option<Text>,
    },
    Risk {
        description: Text,
        mitigation: Option<Text>,
    },
    Allow(Allow),
    /// Text the parser could not read.
    Error,
}

impl ClauseKind {
    /// The keyword that starts the clause, as written.
    pub fn keyword(&self) -> &'static str {
        match self {
            ClauseKind::Status { .. } => "status",
            ClauseKind::Purpose(_) => "purpose",
            ClauseKind::Binding { .. } => "binding",
            ClauseKind::Term { .. } => "term",
            ClauseKind::Review { .. } => "review",
            ClauseKind::Exit { .. } => "exit",
            ClauseKind::WindDown(_) => "wind-down",
            ClauseKind::Creates(_) => "creates",
            ClauseKind::Measure(_) => "measure",
            ClauseKind::Goal(_) => "goal",
            ClauseKind::Party(_) => "party",
            ClauseKind::Channel { .. } => "channel",
            ClauseKind::Escalation { .. } => "escalation",
            ClauseKind::Decides { .. } => "decides",
            ClauseKind::Risk { .. } => "risk",
            ClauseKind::Allow(_) => "allow",
            ClauseKind::Error => "",
        }
    }
}

/// `party id ["Name"] { items }` inside an agreement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyBlock {
    pub id: Ident,
    pub name: Option<Text>,
    pub body: Block<PartyItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartyItem {
    pub kind: PartyItemKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum PartyItemKind {
    Kind(Ident),
    Anonymous,
    Contact(Text),
    Pursues(Vec<Ident>),
    Invests(Flow),
    Gains(Flow),
    Commits {
        text: Text,
        by: Option<Date>,
    },
    Signed(Date),
    Allow(Allow),
    /// Text the parser could not read.
    Error,
}

impl PartyItemKind {
    pub fn keyword(&self) -> &'static str {
        match self {
            PartyItemKind::Kind(_) => "kind",
            PartyItemKind::Anonymous => "anonymous",
            PartyItemKind::Contact(_) => "contact",
            PartyItemKind::Pursues(_) => "pursues",
            PartyItemKind::Invests(_) => "invests",
            PartyItemKind::Gains(_) => "gains",
            PartyItemKind::Commits { .. } => "commits",
            PartyItemKind::Signed(_) => "signed",
            PartyItemKind::Allow(_) => "allow",
            PartyItemKind::Error => "",
        }
    }
}

/// The body of an `invests` or `gains` line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    pub resource: Ident,
    pub quantity: Option<Quantity>,
    pub description: Option<Text>,
    /// `to P` for an investment, `from P` for a gain.
    pub counterpart: Option<Ident>,
    /// Only on investments.
    pub license: Option<Text>,
}
