use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::mutuality::{gained_kinds, gains_only_recognition, paid_service, paid_services};

declare_rule! {
    /// ## What it checks
    ///
    /// A party gives only money and gets only recognition in return: all it
    /// invests is `money`, and all it gains (at least one thing) is
    /// `visibility`, `promotion` or `reputation`. That is a sponsorship.
    ///
    /// When the side paid gains nothing but that money and the two sides
    /// pursue no goal in common, the sponsor is simply buying publicity:
    /// `paid-service` reports it instead, and this rule stays silent.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Sponsorship is allowed, and can be part of a real partnership, but it
    /// is a trade of money for a logo: the sponsor is not on the hook for
    /// the work itself and leaves when the budget moves elsewhere. It is a
    /// partnership when both sides pursue a goal in common, or when the side
    /// paid gains more than the money; make sure that is written down, and
    /// check that the sponsor's name does not compromise your independence.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Sponsored edit-a-thon" {
    ///   goal science "Good articles about local scientists"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues science
    ///     invests time 30 hours "Trainers for the day"
    ///     gains money 2000 EUR "Catering and prizes" from bank
    ///     gains members "New editors"
    ///   }
    ///   party bank "Coastal Bank" {
    ///     kind company
    ///     pursues science
    ///     invests money 2000 EUR "Catering and prizes" to wmil
    ///     gains visibility "Logo on the event page"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Sponsored edit-a-thon" {
    ///   goal science "Good articles about local scientists"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues science
    ///     invests time 30 hours "Trainers for the day"
    ///     gains money 2000 EUR "Catering and prizes" from bank
    ///     gains members "New editors"
    ///   }
    ///   party bank "Coastal Bank" {
    ///     kind company
    ///     pursues science
    ///     invests money 2000 EUR "Catering and prizes" to wmil
    ///     invests time 20 hours "Staff scientists who join as editors"
    ///     gains visibility "Logo on the event page"
    ///     gains skills "Staff learn to write for the public"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "sponsorship", group: Mutuality, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // With `paid-service` switched off, nothing would report the bought
    // publicity: then this rule does.
    let paid_service_on = ctx.options.level(&paid_service::RULE).is_some();
    for a in &ctx.model.agreements {
        let services = if paid_service_on {
            paid_services(a)
        } else {
            Vec::new()
        };
        for (index, party) in a.parties.iter().enumerate() {
            let only_money =
                !party.invests.is_empty() && party.invests.iter().all(|f| f.resource() == "money");
            if !only_money
                || !gains_only_recognition(party)
                || services.iter().any(|s| s.payer == index)
            {
                continue;
            }
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} gives only money and gains only {}: that is a sponsorship; make sure both sides really work toward something together",
                        party.name,
                        gained_kinds(party)
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help(
                    "Make sure both sides pursue a goal in common, and that the sponsor's name does not compromise the work's independence.",
                );
            // The side its money goes to, when it names exactly one.
            let mut receivers: Vec<&str> = party
                .invests
                .iter()
                .filter_map(|f| f.counterpart())
                .collect();
            receivers.sort_unstable();
            receivers.dedup();
            if let [receiver] = receivers.as_slice() {
                if let Some(other) = a.party(receiver) {
                    d = d.with_related(
                        ctx.source(),
                        other.id.span,
                        format!("{} receives the money", other.name),
                    );
                }
            }
            out.push(d);
        }
    }
}
