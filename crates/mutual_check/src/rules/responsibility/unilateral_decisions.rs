use mutual_syntax::ast::{ClauseKind, Deciders};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// A `decides` line names one party only, while the agreement has two
    /// or more. Each such line is reported, at the party it names.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Sharing responsibility means sharing the say. When one side alone
    /// decides, the others invest without a voice in how their time, money
    /// or name is used, and that is closer to working for someone than with
    /// them. Write `decides all`, or name every side that takes part in the
    /// decision. If the sides have really split the decisions between them
    /// (one decides the programme, the other the room), waive the rule with
    /// `allow` and say so.
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
    ///   decides wmil "Dates and topics of the evenings"
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
    ///   decides wmil, library "Dates and topics of the evenings"
    /// }
    /// ```
    pub RULE = { name: "unilateral-decisions", group: Responsibility, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.parties.len() < 2 {
            continue;
        }
        for clause in a.clauses() {
            let ClauseKind::Decides {
                deciders: Deciders::Parties(names),
                ..
            } = &clause.kind
            else {
                continue;
            };
            let Some(first) = names.first() else {
                continue;
            };
            if names.iter().any(|n| n.name != first.name) {
                continue;
            }
            let who = a
                .party(&first.name)
                .map_or(first.name.as_str(), |p| p.name.as_str());
            let others: Vec<&str> = a
                .parties
                .iter()
                .filter(|p| p.id.name != first.name)
                .map(|p| p.name.as_str())
                .collect();
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    first.span,
                    format!(
                        "only {who} decides here, while {} {} no say: decisions in a partnership are shared",
                        crate::rules::mutuality::join_names(&others),
                        if others.len() == 1 { "has" } else { "have" }
                    ),
                )
                .in_agreement(a.index)
                .with_help("Write `decides all`, or name every side that takes part in the decision.");
            if let Some(p) = a.party(&first.name) {
                d = d.about_party(&p.id.name);
            }
            out.push(d);
        }
    }
}
