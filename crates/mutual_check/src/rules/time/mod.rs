//! Time: term, review, exit
//!
//! Dates that do not exist in the calendar are reported by `invalid-date`;
//! the rules here skip them.

pub mod commitment_outside_term;
pub mod expired;
pub mod expires_soon;
pub mod missing_exit;
pub mod missing_review;
pub mod missing_term;
pub mod missing_wind_down;
pub mod open_ended_without_exit;
pub mod review_longer_than_term;
pub mod term_order;

use mutual_syntax::ast::{Date, TermEnd};

use crate::date::CalendarDate;
use crate::model::AgreementModel;
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &missing_term::RULE,
    &term_order::RULE,
    &open_ended_without_exit::RULE,
    &missing_exit::RULE,
    &missing_wind_down::RULE,
    &missing_review::RULE,
    &review_longer_than_term::RULE,
    &expired::RULE,
    &expires_soon::RULE,
    &commitment_outside_term::RULE,
];

/// A date as written and its place in the calendar.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dated<'p> {
    pub ast: &'p Date,
    pub date: CalendarDate,
}

impl<'p> Dated<'p> {
    /// The date if it exists in the calendar.
    pub fn new(ast: &'p Date) -> Option<Self> {
        CalendarDate::from_ast(ast).map(|date| Dated { ast, date })
    }
}

/// The agreement's (first) term, with the dates that exist.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Term<'p> {
    pub start: Option<Dated<'p>>,
    /// The end date; `None` when open-ended or not a real date.
    pub end: Option<Dated<'p>>,
}

impl Term<'_> {
    /// Whether the end comes before the start (`term-order`): the other
    /// time rules then leave the term alone, since either date may be the
    /// mistake.
    pub fn is_reversed(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e.date < s.date)
    }
}

/// The first `term` of the agreement, if any.
pub(crate) fn term<'p>(a: &AgreementModel<'p>) -> Option<Term<'p>> {
    let (start, end, _) = a.term()?;
    let end = match end {
        TermEnd::Date(d) => Dated::new(d),
        TermEnd::OpenEnded(_) => None,
    };
    Some(Term {
        start: Dated::new(start),
        end,
    })
}

/// Whether the agreement's first term is `open-ended`.
pub(crate) fn is_open_ended(a: &AgreementModel<'_>) -> bool {
    matches!(a.term(), Some((_, TermEnd::OpenEnded(_), _)))
}

/// The fix adding an `exit` line for the partners to fill in.
pub(crate) fn add_exit_fix(
    ctx: &crate::context::Context<'_>,
    a: &AgreementModel<'_>,
) -> Option<crate::diagnostic::Fix> {
    let edit = crate::rules::edits::insert_clause(
        ctx,
        a,
        "exit",
        r#"exit "TODO: how can a side leave the agreement, and with how much notice?""#,
    )?;
    Some(crate::diagnostic::Fix::unsafe_(
        "Add an `exit` line to fill in",
        vec![edit],
    ))
}
