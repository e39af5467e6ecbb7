use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::communication::{links, LinkKind};
use crate::rules::edits::insert_in_agreement;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `escalation` line: it does not say where a
    /// problem goes when the people doing the work cannot solve it.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Sooner or later something goes wrong that the day-to-day contacts
    /// cannot fix. If nobody knows who to turn to, problems either fester
    /// or end the partnership. Naming the people a problem goes to, on every
    /// side, lets trouble tickets travel both ways before it is too late.
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
    ///   escalation wmil <-> library "The chapter's director and the head librarian"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `escalation all "TODO: who handles a problem, and how?"`
    /// at the end of the agreement, for you to fill in.
    pub RULE = { name: "missing-escalation", group: Communication, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let (all, escalations) = links(a, LinkKind::Escalation);
        if all || !escalations.is_empty() {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement does not say where a problem goes: nobody knows who to turn to when something goes wrong",
            )
            .in_agreement(a.index)
            .with_help("Add an `escalation` line, for example `escalation all \"The directors of both sides, answered within a week\"`.");
        if let Some(edit) = insert_in_agreement(
            ctx,
            a,
            r#"escalation all "TODO: who handles a problem, and how?""#,
        ) {
            d = d.with_fix(Fix::unsafe_(
                "Add an `escalation` line to fill in",
                vec![edit],
            ));
        }
        out.push(d);
    }
}
