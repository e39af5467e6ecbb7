use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_clause;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `review` line: the partners never plan to look
    /// back at it together.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A partnership is tended over time, like any good relationship. A
    /// regular review is where the partners check that every side still
    /// gains what it hoped for, raise what went wrong, and adjust before a
    /// small problem becomes a reason to leave.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-02-28
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-02-28
    ///   review every 6 months "Joint look at the photos uploaded and the walks held"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds the line `review every 12 months`, a yearly review. It is only a
    /// starting point: change the interval to what the partners agree, and
    /// add a text saying how the review is done.
    pub RULE = { name: "missing-review", group: Time, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("review") {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no review: the partners never plan to check together that it still works for every side",
            )
            .in_agreement(a.index);
        if let Some(edit) = insert_clause(ctx, a, "review", "review every 12 months") {
            d = d.with_fix(Fix::unsafe_(
                "Add a yearly review (`review every 12 months`)",
                vec![edit],
            ));
        }
        out.push(d);
    }
}
