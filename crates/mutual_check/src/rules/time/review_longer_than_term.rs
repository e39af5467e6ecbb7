use mutual_syntax::ast::ClauseKind;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::term;

declare_rule! {
    /// ## What it checks
    ///
    /// The first review comes after the term has ended. The first review
    /// falls on the term's start date plus the review interval, counted in
    /// calendar days, weeks, months or years (`review every 12 months` from
    /// 2026-03-01 is 2027-03-01).
    ///
    /// ## Why it matters for a partnership
    ///
    /// A review that comes only after the agreement is over cannot improve
    /// it: the partners never sit down together while the work is going on.
    /// Either the interval is too long for the term, or the term is shorter
    /// than intended.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Summer photo walks" {
    ///   term 2026-06-01 to 2026-08-31
    ///   review every 6 months
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Summer photo walks" {
    ///   term 2026-06-01 to 2026-08-31
    ///   review every 1 month
    /// }
    /// ```
    pub RULE = { name: "review-longer-than-term", group: Time, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let Some((every, _)) = a.first(|k| match k {
            ClauseKind::Review { every, .. } => Some(every),
            _ => None,
        }) else {
            continue;
        };
        let Some(term) = term(a).filter(|t| !t.is_reversed()) else {
            continue;
        };
        let (Some(start), Some(end)) = (term.start, term.end) else {
            continue;
        };
        let first_review = start.date.add(every);
        if first_review <= end.date {
            continue;
        }
        out.push(
            ctx.diagnostic(
                &RULE,
                every.span,
                format!(
                    "the first review would fall on {first_review}, after the term ends on {}: the partners never look back together while the agreement runs",
                    end.date
                ),
            )
            .in_agreement(a.index)
            .with_related(ctx.source(), end.ast.span, "the term ends here")
            .with_help("Choose a review interval shorter than the term, or check the term's dates."),
        );
    }
}
