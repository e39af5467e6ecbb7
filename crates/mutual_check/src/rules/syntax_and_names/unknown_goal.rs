use mutual_syntax::suggest::closest;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::syntax_and_names::{did_you_mean, party_label, replace_name};

declare_rule! {
    /// ## What it checks
    ///
    /// Every goal after `pursues` is defined: in the agreement itself
    /// (`goal city_history "…"`), at the top of the file, or in a file it
    /// imports. When a goal with a close name exists, the message suggests
    /// it.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Goals are what the sides work toward together, and the checker looks
    /// for a goal every side shares. A goal that is named but never
    /// described, usually a typo, means a side's aim is unknown: nobody can
    /// tell whether the sides really pull in the same direction.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   goal book_articles "Good articles about books and their authors"
    ///   party chapter "Wikimedia Österreich" {
    ///     pursues book_article
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
    /// ## Fix
    ///
    /// When a goal with a close name exists, the fix replaces the name with
    /// it.
    pub RULE = { name: "unknown-goal", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let scope = &ctx.model.scope;
    for a in &ctx.model.agreements {
        for party in &a.parties {
            for goal in &party.pursues {
                let id = goal.name.as_str();
                if a.goal_in_scope(scope, id) {
                    continue;
                }
                let suggestion = closest(id, a.goal_ids(scope));
                let mut d = ctx
                    .diagnostic(
                        &RULE,
                        goal.span,
                        format!(
                            "{} pursues `{id}`, but no goal of that id is defined in this agreement, this file or its imports{}",
                            party_label(party),
                            did_you_mean(suggestion)
                        ),
                    )
                    .in_agreement(a.index)
                    .about_party(&party.id.name);
                match suggestion {
                    Some(s) => {
                        d = d.with_fix(replace_name(goal.span, id, s));
                        if let Some(g) = a.goals.iter().find(|g| g.id.name == s) {
                            d = d.with_related(
                                ctx.source(),
                                g.id.span,
                                format!("`{s}` is defined here"),
                            );
                        } else if let Some(def) = scope.goals.get(s) {
                            d = d.with_related(
                                ctx.source_of(def.file),
                                def.node.id.span,
                                format!("`{s}` is defined here"),
                            );
                        }
                    }
                    None => {
                        d = d.with_help(format!(
                            "Say what the goal is with a line `goal {id} \"…\"` in the agreement, or import the file that defines it."
                        ));
                    }
                }
                out.push(d);
            }
        }
    }
}
