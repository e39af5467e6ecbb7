use mutual_syntax::ast::{ClauseKind, Status};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// The `status` is `signed` or `active`, but a party has no `signed`
    /// line with the date it signed.
    ///
    /// ## Why it matters for a partnership
    ///
    /// An agreement is in force only when every side has agreed to it. If
    /// one side's signature is missing, either the status claims too much,
    /// or the record of who agreed, and when, is incomplete: exactly the
    /// record a partner needs when the agreement is questioned later.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   status active
    ///   party wmil "Wikimedia Israel" {
    ///     signed 2026-02-20
    ///   }
    ///   party museum "Haifa City Museum" {
    ///     kind museum
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   status active
    ///   party wmil "Wikimedia Israel" {
    ///     signed 2026-02-20
    ///   }
    ///   party museum "Haifa City Museum" {
    ///     kind museum
    ///     signed 2026-02-24
    ///   }
    /// }
    /// ```
    pub RULE = { name: "missing-signature", group: Completeness, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let Some(((status, status_span), _)) = a.first(|k| match k {
            ClauseKind::Status { value, value_span } => Some((*value, *value_span)),
            _ => None,
        }) else {
            continue;
        };
        if !matches!(status, Status::Signed | Status::Active) {
            continue;
        }
        for party in a.parties.iter().filter(|p| p.signed.is_empty()) {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} has no signature date, yet the status says `{}`: the record of who agreed, and when, is incomplete",
                        party.name,
                        status.as_str()
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_related(ctx.source(), status_span, "the status is set here")
                .with_help("Add a `signed` line with the date this side signed, or change the status to `draft` or `proposed`."),
            );
        }
    }
}
