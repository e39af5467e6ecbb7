use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_clause;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `creates` line saying what the partners will
    /// make together.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Partners join forces to create something neither side has alone: a
    /// workshop series, a digitised collection, a new community. If the
    /// agreement only lines up what each side already does, the formal
    /// partnership adds little, and the sides could simply keep cooperating
    /// informally. Naming what is new keeps everyone aiming at it.
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
    ///   creates "A free photo record of the old town that neither side could make alone"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a `creates` line with a text for you to fill in. The fix only
    /// marks the gap: what the partnership creates is for the partners to
    /// say.
    pub RULE = { name: "nothing-new", group: Completeness, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("creates") {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement does not say what it creates: a partnership should make something neither side has alone",
            )
            .in_agreement(a.index);
        if let Some(edit) = insert_clause(
            ctx,
            a,
            "creates",
            r#"creates "TODO: what will the partners make together that neither has alone?""#,
        ) {
            d = d.with_fix(Fix::unsafe_("Add a `creates` line to fill in", vec![edit]));
        }
        out.push(d);
    }
}
