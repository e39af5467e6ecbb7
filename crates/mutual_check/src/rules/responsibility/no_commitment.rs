use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_in_party;

declare_rule! {
    /// ## What it checks
    ///
    /// A party has no `commits` line: the agreement does not say what that
    /// side promises to do.
    ///
    /// ## Why it matters for a partnership
    ///
    /// In a partnership every side is on the hook for something: if it goes
    /// wrong, each side knows what was its part to get right. A side that
    /// promises nothing can walk away without letting anyone down, and the
    /// others carry the risk alone. Write down what each side undertakes,
    /// with a date where there is one.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   goal city_history "Good articles about the city's history"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues city_history
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///     commits "Run six evenings" by 2027-06-30
    ///   }
    ///   party library "City Library" {
    ///     pursues city_history
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
    ///   goal city_history "Good articles about the city's history"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues city_history
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///     commits "Run six evenings" by 2027-06-30
    ///   }
    ///   party library "City Library" {
    ///     pursues city_history
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///     commits "Book the lab and announce every evening"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `commits "TODO: what does this party commit to?"` at the
    /// end of the party's block, for you to fill in.
    pub RULE = { name: "no-commitment", group: Responsibility, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in a.parties.iter().filter(|p| p.commits.is_empty()) {
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} commits to nothing: it is not on the hook for any part of the work",
                        party.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help(
                    "Add a `commits` line saying what this side promises to do, and by when.",
                );
            if let Some(edit) = insert_in_party(
                ctx,
                party,
                r#"commits "TODO: what does this party commit to?""#,
            ) {
                d = d.with_fix(Fix::unsafe_("Add a `commits` line to fill in", vec![edit]));
            }
            out.push(d);
        }
    }
}
