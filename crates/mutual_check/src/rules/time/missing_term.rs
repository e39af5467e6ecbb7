use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `term` line: no date when it starts, and no date
    /// when it ends (or `open-ended`).
    ///
    /// ## Why it matters for a partnership
    ///
    /// Partners need to know from when to when they are on the hook. Without
    /// a term nobody can say whether the agreement is still running, when a
    /// promise falls due, or when it is time to sit down and decide whether
    /// to go on. A partnership is built over time, and time starts with a
    /// date.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   purpose "Monthly photo walks for Wikimedia Commons"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   purpose "Monthly photo walks for Wikimedia Commons"
    ///   term 2026-03-01 to 2027-02-28
    /// }
    /// ```
    pub RULE = { name: "missing-term", group: Time, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("term") {
            continue;
        }
        out.push(
            ctx.diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no term: without a start and an end date nobody can tell when the partners are on the hook",
            )
            .in_agreement(a.index)
            .with_help(
                "Add a line such as `term 2027-01-01 to 2027-12-31`, or `term 2027-01-01 open-ended` together with an `exit`.",
            ),
        );
    }
}
