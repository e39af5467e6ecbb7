use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// A party has no `pursues` line: the agreement does not say what that
    /// side wants to achieve.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Partners work toward a shared goal, or toward goals of their own that
    /// overlap. When a side's goal is not written down, nobody can tell
    /// whether the goals meet, or judge later whether the partnership served
    /// that side. Name the goal (with `goal`) and list it in the party's
    /// `pursues` line.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Digitising the photo archive" {
    ///   goal open_archive "The archive's photos are free to see online"
    ///   party wmuk "Wikimedia UK" {
    ///     pursues open_archive
    ///     invests time 100 hours "Volunteers scanning photos"
    ///     gains content "Photos for Wikimedia Commons"
    ///   }
    ///   party archive "County Archive" {
    ///     invests content "Old photographs" license "CC0-1.0"
    ///     gains visitors "Researchers who find the archive online"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Digitising the photo archive" {
    ///   goal open_archive "The archive's photos are free to see online"
    ///   party wmuk "Wikimedia UK" {
    ///     pursues open_archive
    ///     invests time 100 hours "Volunteers scanning photos"
    ///     gains content "Photos for Wikimedia Commons"
    ///   }
    ///   party archive "County Archive" {
    ///     pursues open_archive
    ///     invests content "Old photographs" license "CC0-1.0"
    ///     gains visitors "Researchers who find the archive online"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "no-goal", group: Mutuality, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in a.parties.iter().filter(|p| p.pursues.is_empty()) {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} pursues no goal: without it nobody can tell whether the sides' goals meet",
                        party.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help("Add a `pursues` line naming the goal this side works toward."),
            );
        }
    }
}
