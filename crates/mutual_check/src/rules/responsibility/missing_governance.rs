use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_in_agreement;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `decides` line: it does not say who takes
    /// decisions, or how.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Plans change: a date moves, a trainer drops out, the money runs
    /// short. When nobody wrote down how such things are decided, the first
    /// disagreement becomes a quarrel about who gets to decide. A single
    /// line, such as `decides all "Changes are agreed by both sides"`,
    /// settles it in advance.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Editing evenings" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///   }
    ///   decides all "Dates and topics are agreed by both sides"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `decides all "TODO: how are decisions taken?"` at the end
    /// of the agreement. Check who decides, and describe how.
    pub RULE = { name: "missing-governance", group: Responsibility, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in ctx.model.agreements.iter().filter(|a| !a.has("decides")) {
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement does not say who decides, or how: the first change of plan will start an argument",
            )
            .in_agreement(a.index)
            .with_help("Add a `decides` line, for example `decides all \"Changes are agreed by both sides\"`.");
        if let Some(edit) =
            insert_in_agreement(ctx, a, r#"decides all "TODO: how are decisions taken?""#)
        {
            d = d.with_fix(Fix::unsafe_("Add a `decides` line to fill in", vec![edit]));
        }
        out.push(d);
    }
}
