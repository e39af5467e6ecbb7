use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_in_party;

declare_rule! {
    /// ## What it checks
    ///
    /// A party puts nothing into the agreement: its block has no `invests`
    /// line (a line investing in the party itself does not count).
    ///
    /// ## Why it matters for a partnership
    ///
    /// In a partnership every side gives something toward the common work:
    /// money, time, know-how, a room, access to its people, its good name.
    /// A side that only receives is a beneficiary, not a partner, and the
    /// others carry the whole load. Often the side does give something that
    /// nobody wrote down; write it down, so that everyone knows what to
    /// expect.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   goal local_history "Articles on local history"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues local_history
    ///     invests time 20 hours "Trainers for every evening"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     pursues local_history
    ///     gains visitors "People coming to the library"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Editing evenings" {
    ///   goal local_history "Articles on local history"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues local_history
    ///     invests time 20 hours "Trainers for every evening"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     pursues local_history
    ///     invests venue "The reading room on Tuesday evenings"
    ///     gains visitors "People coming to the library"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `invests other "TODO: what does this party invest?"` at
    /// the end of the party's block, for you to fill in. The fix only marks
    /// the gap; it cannot know what the party gives.
    pub RULE = { name: "no-investment", group: Mutuality, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in a.parties.iter().filter(|p| p.invests.is_empty()) {
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} invests nothing in this agreement: every side of a partnership puts something in",
                        party.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help(
                    "Write what this party contributes with an `invests` line: money, time, expertise, a venue, access, promotion…",
                );
            if let Some(edit) = insert_in_party(
                ctx,
                party,
                r#"invests other "TODO: what does this party invest?""#,
            ) {
                d = d.with_fix(Fix::unsafe_("Add an `invests` line to fill in", vec![edit]));
            }
            out.push(d);
        }
    }
}
