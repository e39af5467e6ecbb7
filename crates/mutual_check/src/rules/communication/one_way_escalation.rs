use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::communication::{one_way, LinkKind};

declare_rule! {
    /// ## What it checks
    ///
    /// Two parties are linked by escalations in one direction only: there is
    /// an `escalation a -> b`, but no `escalation b -> a`, no
    /// `escalation a <-> b` and no `escalation all`. Each such line is
    /// reported, at its arrow.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Trouble tickets go both ways. If only one side can take a problem
    /// higher up, the other has to put up with whatever goes wrong, and
    /// that is not a relationship between equals. Every side must be able to
    /// raise a problem with every other.
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
    ///   escalation library -> wmil "The library complains to the chapter's director"
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
    ///   escalation library <-> wmil "The chapter's director and the head librarian"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Turns `->` into `<->`, so problems can be escalated both ways.
    pub RULE = { name: "one-way-escalation", group: Communication, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_way(ctx, &RULE, LinkKind::Escalation, out);
}
