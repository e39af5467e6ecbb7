use mutual_syntax::ast::{Ident, Item, PartyItem, PartyItemKind};
use mutual_syntax::suggest::closest;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::syntax_and_names::{did_you_mean, party_label, replace_name};

declare_rule! {
    /// ## What it checks
    ///
    /// The word after `kind` is one of the kinds of party, and the word
    /// after `invests` or `gains` is one of the kinds of resource. When a
    /// close word exists, the message suggests it.
    ///
    /// Kinds of party: chapter, user-group, foundation, library, museum,
    /// archive, gallery, university, school, company, government,
    /// intergovernmental, ngo, community, person, other.
    ///
    /// Kinds of resource: money, time, expertise, venue, equipment, content,
    /// data, access, reputation, promotion, visibility, members, visitors,
    /// skills, mission, other.
    ///
    /// A project can add its own kinds in `mutual.toml`, under
    /// `[vocabulary]` (`party-kinds` and `resource-kinds`).
    ///
    /// ## Why it matters for a partnership
    ///
    /// The checker reads these words to recognise the shapes that are not
    /// partnerships: a side whose only gain is money may be selling a
    /// service, a person who only gives time may be volunteering, a side
    /// that only gains visibility may be a sponsor. A misspelt kind hides
    /// those shapes, so the verdict cannot be trusted until it is fixed.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   party chapter "Wikimedia Österreich" {
    ///     kind chapter
    ///     invests expertize "Editing training"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     kind libary
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
    ///   party chapter "Wikimedia Österreich" {
    ///     kind chapter
    ///     invests expertise "Editing training"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     kind library
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// When a close word exists, the fix replaces the kind with it.
    pub RULE = { name: "unknown-kind", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Top-level definitions of the checked file (imported files are checked
    // on their own).
    for item in &ctx.parse().file.items {
        if let Item::Party(def) = item {
            let name = if def.name.value.trim().is_empty() {
                format!("`{}`", def.id.name)
            } else {
                def.name.value.clone()
            };
            let items = def.body.as_ref().map_or(&[][..], |b| b.items.as_slice());
            for d in kinds(ctx, items, &name) {
                out.push(d);
            }
        }
    }
    for a in &ctx.model.agreements {
        for party in &a.parties {
            for d in kinds(ctx, &party.block.body.items, &party_label(party)) {
                out.push(d.in_agreement(a.index).about_party(&party.id.name));
            }
        }
    }
}

/// The diagnostics for the kinds written in one block.
fn kinds(ctx: &Context<'_>, items: &[PartyItem], name: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in items {
        match &item.kind {
            PartyItemKind::Kind(kind) if !ctx.party_kinds().any(|k| k == kind.name) => {
                let suggestion = closest(&kind.name, ctx.party_kinds());
                out.push(unknown(
                    ctx,
                    kind,
                    suggestion,
                    format!(
                        "{name} is of kind `{}`, which is not a known kind of party",
                        kind.name
                    ),
                    "party",
                    ctx.party_kinds().collect(),
                ));
            }
            PartyItemKind::Invests(flow) | PartyItemKind::Gains(flow)
                if !ctx.resource_kinds().any(|k| k == flow.resource.name) =>
            {
                let resource = &flow.resource;
                let verb = if matches!(item.kind, PartyItemKind::Invests(_)) {
                    "invests"
                } else {
                    "gains"
                };
                let suggestion = closest(&resource.name, ctx.resource_kinds());
                out.push(unknown(
                    ctx,
                    resource,
                    suggestion,
                    format!(
                        "{name} {verb} `{}`, which is not a known kind of resource",
                        resource.name
                    ),
                    "resource",
                    ctx.resource_kinds().collect(),
                ));
            }
            _ => {}
        }
    }
    out
}

fn unknown(
    ctx: &Context<'_>,
    word: &Ident,
    suggestion: Option<&str>,
    lead: String,
    what: &str,
    known: Vec<&str>,
) -> Diagnostic {
    let mut d = ctx.diagnostic(
        &RULE,
        word.span,
        format!("{lead}{}", did_you_mean(suggestion)),
    );
    match suggestion {
        Some(s) => d = d.with_fix(replace_name(word.span, &word.name, s)),
        None => {
            d = d.with_help(format!(
                "The kinds of {what} are: {}. A project can add its own in mutual.toml, under [vocabulary] {what}-kinds.",
                known.join(", ")
            ));
        }
    }
    d
}
