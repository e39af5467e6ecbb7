use mutual_syntax::ast::TermEnd;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::add_exit_fix;

declare_rule! {
    /// ## What it checks
    ///
    /// The `term` is `open-ended` (it has no end date) and the agreement has
    /// no `exit` line.
    ///
    /// ## Why it matters for a partnership
    ///
    /// An agreement without an end date runs until someone ends it. If it
    /// does not say how a side may leave, a partner who wants out has no
    /// agreed way to do it, and leaving becomes a quarrel instead of a step
    /// both sides foresaw. Partners who know they can leave fairly commit
    /// more freely.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   term 2026-03-01 open-ended
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   term 2026-03-01 open-ended
    ///   exit notice 60 days "Either side may leave with two months' notice in writing"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds an `exit` line with a text for you to fill in. The fix only
    /// marks the gap: how a side may leave is for the partners to agree.
    pub RULE = { name: "open-ended-without-exit", group: Time, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let Some((_, TermEnd::OpenEnded(open), _)) = a.term() else {
            continue;
        };
        if a.has("exit") {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no end date and no exit: a partner who wants out has no agreed way to leave",
            )
            .in_agreement(a.index)
            .with_related(ctx.source(), *open, "the term is open-ended here")
            .with_help("Add an `exit` line saying how a side may leave, for example `exit notice 60 days \"…\"`.");
        if let Some(fix) = add_exit_fix(ctx, a) {
            d = d.with_fix(fix);
        }
        out.push(d);
    }
}
