use mutual_syntax::ast::PartyItemKind;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::mutuality::{gained_kinds, gains_only_recognition};

declare_rule! {
    /// ## What it checks
    ///
    /// A party marked `anonymous` gains something, and everything it gains is
    /// recognition: `reputation`, `visibility` or `promotion`.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Recognition needs a name. A side that stays anonymous cannot be
    /// credited, thanked in public or seen to endorse the work, so the
    /// benefit written down cannot happen. What is left is a gift: the
    /// verdict is `donation`. Either the side gives up its anonymity, or it
    /// gains something that does not depend on its name, or the agreement is
    /// honestly a donation.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Prizes for the photo contest" {
    ///   goal photos "Free photos of monuments"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues photos
    ///     invests time 100 hours "Running the contest"
    ///     gains money 5000 EUR "Prize money" from donor
    ///   }
    ///   party donor "A donor" {
    ///     anonymous
    ///     pursues photos
    ///     invests money 5000 EUR "Prize money" to wmil
    ///     gains visibility "Thanked at the prize ceremony"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Prizes for the photo contest" {
    ///   goal photos "Free photos of monuments"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues photos
    ///     invests time 100 hours "Running the contest"
    ///     gains money 5000 EUR "Prize money" from donor
    ///   }
    ///   party donor "A donor" {
    ///     anonymous
    ///     pursues photos
    ///     invests money 5000 EUR "Prize money" to wmil
    ///     gains mission "Monuments of the home town are documented"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "anonymous-recognition", group: Mutuality, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in &a.parties {
            if !party.anonymous || !gains_only_recognition(party) {
                continue;
            }
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} is anonymous, yet all it gains is {}: an anonymous side cannot be credited, so this is a donation",
                        party.name,
                        gained_kinds(party)
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help(
                    "Drop `anonymous`, or write a gain that does not need the side's name (progress on its mission, skills, access…).",
                );
            // Point also at the `anonymous` line: in the block, else in the
            // top-level definition it brings in.
            let in_block = party
                .block
                .body
                .items
                .iter()
                .find(|i| matches!(i.kind, PartyItemKind::Anonymous))
                .map(|i| (ctx.source(), i.span));
            let in_def = || {
                let def = party.def?;
                let item = def
                    .node
                    .body
                    .as_ref()?
                    .items
                    .iter()
                    .find(|i| matches!(i.kind, PartyItemKind::Anonymous))?;
                Some((ctx.source_of(def.file), item.span))
            };
            if let Some((source, span)) = in_block.or_else(in_def) {
                d = d.with_related(source, span, "marked anonymous here");
            }
            out.push(d);
        }
    }
}
