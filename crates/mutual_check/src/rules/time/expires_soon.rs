use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::term;

declare_rule! {
    /// ## What it checks
    ///
    /// The term ends today or within the next 60 days. The number of days
    /// can be changed with `expires-soon-days` in the `[check]` section of
    /// `mutual.toml`. An agreement whose status is already `ended` is left
    /// alone: there is nothing left to renew.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Renewing a partnership takes time: a review of what worked, talks
    /// with every side, perhaps new signatures. A reminder before the end
    /// leaves room to decide together whether to renew, change or close the
    /// agreement, instead of letting it lapse unnoticed.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2026-12-31
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-12-31
    /// }
    /// ```
    pub RULE = { name: "expires-soon", group: Time, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = ctx.options.today;
    let window = i64::from(ctx.options.expires_soon_days);
    for a in &ctx.model.agreements {
        // An agreement already marked `ended` has nothing left to renew.
        if a.status() == Some(mutual_syntax::ast::Status::Ended) {
            continue;
        }
        let Some(end) = term(a).filter(|t| !t.is_reversed()).and_then(|t| t.end) else {
            continue;
        };
        let days_left = end.date.days() - today.days();
        if !(0..=window).contains(&days_left) {
            continue;
        }
        let when = match days_left {
            0 => "today".to_string(),
            1 => format!("tomorrow, {}", end.date),
            n => format!("on {}, in {n} days", end.date),
        };
        out.push(
            ctx.diagnostic(
                &RULE,
                end.ast.span,
                format!(
                    "the term ends {when}: time for the partners to decide together whether to renew, change or close the agreement"
                ),
            )
            .in_agreement(a.index),
        );
    }
}
