use mutual_syntax::ast::{ClauseKind, Deciders, Endpoints, Ident, PartyItemKind};
use mutual_syntax::suggest::closest;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::model::AgreementModel;
use crate::rules::syntax_and_names::{did_you_mean, party_label, replace_name, where_defined};

declare_rule! {
    /// ## What it checks
    ///
    /// Every party named in an agreement is one of its parties:
    ///
    /// - a party block without a name of its own (`party wmil { … }`) brings
    ///   in a party defined at the top of this file or of an imported file,
    ///   so that definition must exist;
    /// - the party after `to` (on an `invests` line) or `from` (on a `gains`
    ///   line), the two ends of a `channel` or an `escalation`, and the
    ///   parties listed after `decides` must each have a party block in the
    ///   agreement.
    ///
    /// When a name is close to an existing one, the message suggests it.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Who gives to whom, who talks to whom and who decides are the heart of
    /// a partnership. A name that points at nobody, usually a typo, leaves a
    /// gift without a receiver or a line of communication with one end
    /// missing, and the checker cannot tell whether every side really gives
    /// and gains.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Reading-club edit evenings" {
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    ///   channel chapter <-> libary every 1 month "Call before each meeting"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Reading-club edit evenings" {
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    ///   channel chapter <-> library every 1 month "Call before each meeting"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// When a party with a close name exists, the fix replaces the name with
    /// it.
    pub RULE = { name: "unknown-party", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        blocks_without_definition(ctx, a, out);
        for party in &a.parties {
            for item in &party.block.body.items {
                let (flow, what, verb) = match &item.kind {
                    PartyItemKind::Invests(flow) => (flow, "an investment", "goes to"),
                    PartyItemKind::Gains(flow) => (flow, "a gain", "comes from"),
                    _ => continue,
                };
                if let Some(other) = &flow.counterpart {
                    let name = party_label(party);
                    let lead = format!("{what} of {name} {verb} `{}`", other.name);
                    reference(ctx, a, other, &lead, Some(&party.id.name), out);
                }
            }
        }
        for clause in a.clauses() {
            match &clause.kind {
                ClauseKind::Channel { ends, .. } => endpoints(ctx, a, ends, "channel", out),
                ClauseKind::Escalation { ends, .. } => endpoints(ctx, a, ends, "escalation", out),
                ClauseKind::Decides {
                    deciders: Deciders::Parties(ids),
                    ..
                } => {
                    for id in ids {
                        reference(
                            ctx,
                            a,
                            id,
                            &format!("the list of those who decide names `{}`", id.name),
                            None,
                            out,
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// `party x { … }` with no name, and no top-level party `x` in scope.
fn blocks_without_definition(ctx: &Context<'_>, a: &AgreementModel<'_>, out: &mut Vec<Diagnostic>) {
    let scope = &ctx.model.scope;
    for party in &a.parties {
        if party.block.name.is_some() || party.def.is_some() {
            continue;
        }
        let id = &party.id.name;
        let suggestion = closest(id, scope.parties.keys().copied());
        let mut d = ctx
            .diagnostic(
                &RULE,
                party.id.span,
                format!(
                    "no party `{id}` is defined in this file or in the files it imports{}",
                    did_you_mean(suggestion)
                ),
            )
            .in_agreement(a.index)
            .about_party(id)
            .with_help(format!(
                "A party block without a name brings in a party defined elsewhere. Give this one its name here (`party {id} \"Full name\" {{`), or import the file that defines it."
            ));
        if let Some(s) = suggestion {
            d = d.with_fix(replace_name(party.id.span, id, s));
            if let Some(def) = scope.parties.get(s) {
                d = d.with_related(
                    ctx.source_of(def.file),
                    def.node.id.span,
                    format!("`{s}` is defined here"),
                );
            }
        }
        out.push(d);
    }
}

fn endpoints(
    ctx: &Context<'_>,
    a: &AgreementModel<'_>,
    ends: &Endpoints,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    if let Endpoints::Link { from, to, .. } = ends {
        for id in [from, to] {
            reference(
                ctx,
                a,
                id,
                &format!("the {what} names `{}`", id.name),
                None,
                out,
            );
        }
    }
}

/// A name that must be a party of the agreement. `lead` starts the message.
fn reference(
    ctx: &Context<'_>,
    a: &AgreementModel<'_>,
    id: &Ident,
    lead: &str,
    about: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let name = id.name.as_str();
    if a.party(name).is_some() {
        return;
    }
    let suggestion = closest(name, a.party_ids());
    let mut d = ctx
        .diagnostic(
            &RULE,
            id.span,
            format!(
                "{lead}, which is not a party of this agreement{}",
                did_you_mean(suggestion)
            ),
        )
        .in_agreement(a.index);
    if let Some(p) = about {
        d = d.about_party(p);
    }
    if let Some(s) = suggestion {
        d = d.with_fix(replace_name(id.span, name, s));
        if let Some(p) = a.party(s) {
            d = d.with_related(
                ctx.source(),
                p.id.span,
                format!("{} is defined here", party_label(p)),
            );
        }
    } else if let Some(def) = ctx.model.scope.parties.get(name) {
        let where_ = where_defined(ctx, def.file);
        d = d
            .with_help(format!(
                "{} is defined {where_} but takes no part in this agreement: add a block `party {name} {{ … }}` to bring it in.",
                def.node.name.value
            ))
            .with_related(ctx.source_of(def.file), def.node.id.span, format!("`{name}` is defined here"));
    } else {
        d = d.with_help(
            "Every party named here must have a party block in this agreement; use the id written after `party`.",
        );
    }
    out.push(d);
}
