use mutual_syntax::ast::{ClauseKind, Status};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::term;

declare_rule! {
    /// ## What it checks
    ///
    /// The term ended before today, yet the `status` is not `ended` (an
    /// agreement without a status counts as not ended).
    ///
    /// ## Why it matters for a partnership
    ///
    /// A partner reading the agreement believes it is still in force, and
    /// may keep promises that nobody expects any more, or count on help that
    /// will not come. Either the partners agreed to go on, and the term
    /// should say until when, or it is over, and the status should say so.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   status active
    ///   term 2025-03-01 to 2026-02-28
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   status ended
    ///   term 2025-03-01 to 2026-02-28
    /// }
    /// ```
    pub RULE = { name: "expired", group: Time, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = ctx.options.today;
    for a in &ctx.model.agreements {
        let Some(end) = term(a).filter(|t| !t.is_reversed()).and_then(|t| t.end) else {
            continue;
        };
        if end.date >= today {
            continue;
        }
        let status = a.first(|k| match k {
            ClauseKind::Status { value, value_span } => Some((*value, *value_span)),
            _ => None,
        });
        let message = match status {
            Some(((Status::Ended, _), _)) => continue,
            Some(((value, _), _)) => format!(
                "the term ended on {}, but the status is still `{}`: partners may believe the agreement is still in force",
                end.date,
                value.as_str()
            ),
            None => format!(
                "the term ended on {}, but no status says the agreement has ended: partners may believe it is still in force",
                end.date
            ),
        };
        let mut d = ctx
            .diagnostic(&RULE, end.ast.span, message)
            .in_agreement(a.index)
            .with_help("If the agreement is over, set `status ended`; if the partners go on, agree on a new term.");
        if let Some(((_, span), _)) = status {
            d = d.with_related(ctx.source(), span, "the status is set here");
        }
        out.push(d);
    }
}
