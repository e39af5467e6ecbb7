use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::mutuality::paid_services;

declare_rule! {
    /// ## What it checks
    ///
    /// One side is paid for what it provides and that is all: everything it
    /// gains is money from one other party (written as its own
    /// `gains money … from` that party, or as that party's
    /// `invests money … to` it), that other party gains something in return,
    /// and the two pursue no goal in common.
    ///
    /// A `gains money` line without `from` counts as paid by the party that
    /// invests money to this side, when exactly one does; otherwise it comes
    /// from the partnership as a whole and this rule stays silent. Anything
    /// else another party invests to the side paid (`invests promotion … to`
    /// it) counts as a further gain, so the rule stays silent then too.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Renting a hall, hiring a caterer or paying for a print run is buying
    /// a service. There is nothing wrong with that, but it is not a
    /// partnership: the side paid does not share the work's purpose, and
    /// once the bill is settled it owes nothing more. The verdict is
    /// `service`. If the two sides really do work toward something together,
    /// name that goal and have both pursue it; if the side paid gains more
    /// than the money, write that down too.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Hall for the yearly conference" {
    ///   goal conference "A yearly meeting of the community"
    ///   goal full_calendar "Keep the hall booked all year"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues conference
    ///     invests money 3500 EUR "Rent for the day" to hall
    ///     gains venue "The main hall for one day" from hall
    ///   }
    ///   party hall "Port Concert Hall" {
    ///     kind company
    ///     pursues full_calendar
    ///     invests venue "The main hall and a technician"
    ///     gains money 3500 EUR "The rent" from wmil
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Hall for the yearly conference" {
    ///   goal open_culture "Free culture events open to the whole city"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues open_culture
    ///     invests money 1500 EUR "A share of the costs" to hall
    ///     gains venue "The main hall for one day" from hall
    ///   }
    ///   party hall "Port Concert Hall" {
    ///     kind company
    ///     pursues open_culture
    ///     invests venue "The main hall and a technician"
    ///     gains money 1500 EUR "A share of the costs" from wmil
    ///   }
    /// }
    /// ```
    pub RULE = { name: "paid-service", group: Mutuality, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for service in paid_services(a) {
            let (Some(paid), Some(payer)) =
                (a.parties.get(service.paid), a.parties.get(service.payer))
            else {
                continue;
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    paid.id.span,
                    format!(
                        "{} gains only money, paid by {}, and the two pursue no goal in common: that is buying a service, not a partnership",
                        paid.name, payer.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(&paid.id.name)
                .with_related(ctx.source(), payer.id.span, format!("{} pays", payer.name))
                .with_help(format!(
                    "If both sides work toward something together, add a goal that {} and {} both pursue; if {} gains more than the money, add a `gains` line for it.",
                    paid.name, payer.name, paid.name
                )),
            );
        }
    }
}
