use mutual_syntax::ast::{ClauseKind, TermEnd};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::Dated;

declare_rule! {
    /// ## What it checks
    ///
    /// The end date of the `term` comes before its start date.
    ///
    /// ## Why it matters for a partnership
    ///
    /// An agreement that ends before it begins is never in force: none of
    /// its promises can be kept on time, and readers cannot tell which of
    /// the two dates is the mistake. Usually two dates were swapped or a
    /// year was mistyped. Until the dates are put right, the other time
    /// rules (`expired`, `expires-soon`, `review-longer-than-term`,
    /// `commitment-outside-term`) say nothing about this term.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   term 2027-03-01 to 2026-02-28
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-02-28
    /// }
    /// ```
    pub RULE = { name: "term-order", group: Time, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for clause in a.clauses() {
            let ClauseKind::Term {
                start,
                end: TermEnd::Date(end),
            } = &clause.kind
            else {
                continue;
            };
            let (Some(start), Some(end)) = (Dated::new(start), Dated::new(end)) else {
                continue;
            };
            if end.date >= start.date {
                continue;
            }
            out.push(
                ctx.diagnostic(
                    &RULE,
                    end.ast.span,
                    format!(
                        "the term ends on {}, before it starts on {}: the agreement would never be in force",
                        end.date, start.date
                    ),
                )
                .in_agreement(a.index)
                .with_related(ctx.source(), start.ast.span, "the term starts here")
                .with_help("Check both dates: they may be swapped, or a year may be mistyped."),
            );
        }
    }
}
