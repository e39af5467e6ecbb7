use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::communication::{one_way, LinkKind};

declare_rule! {
    /// ## What it checks
    ///
    /// Two parties are linked by channels in one direction only: there is a
    /// `channel a -> b`, but no `channel b -> a`, no `channel a <-> b` and no
    /// `channel all`. Each such line is reported, at its arrow.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A channel is how the sides keep each other informed. If only one side
    /// can reach the other, the second side hears the news but cannot tell
    /// the first about a problem on its end, a late delivery, a change of
    /// plan. In a partnership news travels both ways.
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
    ///   channel wmil -> library every 1 month "Monthly newsletter"
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
    ///   channel wmil -> library every 1 month "Monthly newsletter"
    ///   channel library -> wmil "Email to the programme lead"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Turns `->` into `<->`, so the channel works both ways.
    pub RULE = { name: "one-way-channel", group: Communication, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_way(ctx, &RULE, LinkKind::Channel, out);
}
