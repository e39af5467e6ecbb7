use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::{add_exit_fix, is_open_ended};

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `exit` line saying how a side may leave before
    /// the term ends. (An open-ended agreement without an exit is reported
    /// by `open-ended-without-exit` instead.)
    ///
    /// ## Why it matters for a partnership
    ///
    /// Circumstances change: a library loses its funding, a chapter its
    /// volunteers. When the agreement says how a side may leave and with how
    /// much notice, the other side can prepare, and the partners part on
    /// good terms instead of leaving each other stranded.
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
    ///   exit notice 30 days "Either side may end the agreement in writing"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds an `exit` line with a text for you to fill in. The fix only
    /// marks the gap: how a side may leave is for the partners to agree.
    pub RULE = { name: "missing-exit", group: Time, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("exit") || is_open_ended(a) {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no exit: nothing says how a partner can leave before the term ends, or with how much notice",
            )
            .in_agreement(a.index);
        if let Some(fix) = add_exit_fix(ctx, a) {
            d = d.with_fix(fix);
        }
        out.push(d);
    }
}
