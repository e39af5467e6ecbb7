use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `binding` line (`binding yes` or `binding no`).
    ///
    /// ## Why it matters for a partnership
    ///
    /// Many partnerships rest on good will rather than on a contract, and
    /// that is fine, but both sides should know which one they have. A
    /// museum's lawyer and a volunteer chapter may read the same text very
    /// differently; one word settles it.
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
    ///   binding no
    /// }
    /// ```
    pub RULE = { name: "binding-unstated", group: Completeness, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("binding") {
            continue;
        }
        out.push(
            ctx.diagnostic(
                &RULE,
                a.title_span(),
                "this agreement does not say whether it is legally binding: the partners may each assume something different",
            )
            .in_agreement(a.index)
            .with_help("Add `binding yes` or `binding no`."),
        );
    }
}
