use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_clause;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `measure` line saying how the partners will
    /// tell whether it worked.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Every side joined hoping to gain something. A measure agreed at the
    /// start (participants, articles, photos, new members) turns the review
    /// into a conversation about facts, and shows each side whether its
    /// investment paid off.
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
    ///   measure "500 photos uploaded and 30 new contributors in the first year"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a `measure` line with a text for you to fill in. The fix only
    /// marks the gap: the targets are for the partners to set.
    pub RULE = { name: "missing-measure", group: Completeness, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("measure") {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no measure: nobody will be able to tell whether it worked",
            )
            .in_agreement(a.index);
        if let Some(edit) = insert_clause(
            ctx,
            a,
            "measure",
            r#"measure "TODO: how will the partners tell that it worked?""#,
        ) {
            d = d.with_fix(Fix::unsafe_("Add a `measure` line to fill in", vec![edit]));
        }
        out.push(d);
    }
}
