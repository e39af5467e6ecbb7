use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_clause;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `purpose` line saying, in a sentence, what the
    /// partners set out to do together.
    ///
    /// ## Why it matters for a partnership
    ///
    /// The purpose is the first thing a new board member, a volunteer or a
    /// funder reads. Without it they must piece the idea together from the
    /// investments and gains, and the partners themselves may find, months
    /// later, that each had a different aim in mind.
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
    ///   purpose "Monthly photo walks that bring pictures of the city to Wikimedia Commons"
    ///   term 2026-03-01 to 2027-02-28
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a `purpose` line with a text for you to fill in. The fix only
    /// marks the gap: the purpose is for the partners to write.
    pub RULE = { name: "missing-purpose", group: Completeness, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("purpose") {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement has no purpose: readers cannot tell what the partners set out to do together",
            )
            .in_agreement(a.index);
        if let Some(edit) = insert_clause(
            ctx,
            a,
            "purpose",
            r#"purpose "TODO: what do the partners set out to do together?""#,
        ) {
            d = d.with_fix(Fix::unsafe_("Add a `purpose` line to fill in", vec![edit]));
        }
        out.push(d);
    }
}
