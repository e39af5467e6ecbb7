use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// A goal defined inside an agreement (`goal city_history "…"`) is
    /// pursued by none of its parties: no party block has it on a
    /// `pursues` line.
    ///
    /// Goals defined at the top of a file, or in an imported file, are
    /// shared by many agreements and are not reported.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A goal written into an agreement is meant to be something the sides
    /// work toward. If no side pursues it, either a `pursues` line was
    /// forgotten, and the checker may then miss the goal the sides share,
    /// or the goal was dropped along the way and only makes the agreement
    /// promise more than it does.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   goal book_articles "Good articles about books and their authors"
    ///   goal reading "More people reading"
    ///   party chapter "Wikimedia Österreich" {
    ///     pursues book_articles
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     pursues book_articles
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit evenings" {
    ///   goal book_articles "Good articles about books and their authors"
    ///   goal reading "More people reading"
    ///   party chapter "Wikimedia Österreich" {
    ///     pursues book_articles
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     pursues book_articles, reading
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "unused-goal", group: Hygiene, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for goal in &a.goals {
            let id = goal.id.name.as_str();
            if a.parties.iter().any(|p| p.pursues_goal(id)) {
                continue;
            }
            let what = goal.description.value.trim();
            let what = if what.is_empty() {
                String::new()
            } else {
                format!(" (\"{what}\")")
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    goal.id.span,
                    format!(
                        "no party pursues the goal `{id}`{what}: add it to the `pursues` line of the sides that work toward it, or remove the goal"
                    ),
                )
                .in_agreement(a.index)
                .unnecessary(),
            );
        }
    }
}
