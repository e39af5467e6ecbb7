use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::mutuality::join_names;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has two or more parties, and no goal is pursued by all
    /// of them. Reported once for the agreement.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Each side may have goals of its own, but a partnership lives where
    /// they overlap: a goal that every side pursues is what the work is for,
    /// and what keeps every side committed when plans change. Without one,
    /// the sides may be trading favours or buying services from each other.
    /// Name the goal the sides share and add it to every party's `pursues`
    /// line.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   goal more_editors "More people edit Wikipedia"
    ///   goal more_visitors "More people visit the library"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues more_editors
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     pursues more_visitors
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
    ///   goal more_editors "More people edit Wikipedia"
    ///   goal more_visitors "More people visit the library"
    ///   goal city_history "Good articles about the city's history"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues more_editors, city_history
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     pursues more_visitors, city_history
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "no-shared-goal", group: Mutuality, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let Some((first, rest)) = a.parties.split_first() else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        let shared = first
            .pursues
            .iter()
            .any(|g| rest.iter().all(|p| p.pursues_goal(&g.name)));
        if shared {
            continue;
        }
        let names: Vec<&str> = a.parties.iter().map(|p| p.name.as_str()).collect();
        let message = if let [one, two] = names.as_slice() {
            format!(
                "{one} and {two} pursue no goal in common: a partnership works toward a goal the sides share"
            )
        } else {
            format!(
                "no goal is pursued by all {} parties ({}): a partnership works toward a goal the sides share",
                names.len(),
                join_names(&names)
            )
        };
        out.push(
            ctx.diagnostic(&RULE, a.title_span(), message)
                .in_agreement(a.index)
                .with_help(
                    "Name the goal where the sides' aims overlap and add it to every party's `pursues` line.",
                ),
        );
    }
}
