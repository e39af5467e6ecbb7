//! Mutuality: is this a partnership?
//!
//! Also holds the helpers the mutuality, responsibility and communication
//! rules share: who pays whom ([`paid_services`]), and where a placeholder
//! line goes when a fix adds a missing clause ([`insert_line_at_end`]).

pub mod anonymous_recognition;
pub mod no_benefit;
pub mod no_goal;
pub mod no_investment;
pub mod no_shared_goal;
pub mod paid_service;
pub mod single_party;
pub mod sponsorship;

use mutual_syntax::Span;

use crate::context::Context;
use crate::diagnostic::Edit;
use crate::model::{AgreementModel, PartyModel};
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &single_party::RULE,
    &no_investment::RULE,
    &no_benefit::RULE,
    &paid_service::RULE,
    &anonymous_recognition::RULE,
    &sponsorship::RULE,
    &no_goal::RULE,
    &no_shared_goal::RULE,
];

/// A party paid for a service: its gains are all money from `payer`, the
/// payer gains something, and the two pursue no goal in common.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PaidService {
    /// Index in `AgreementModel::parties` of the side paid.
    pub paid: usize,
    /// Index of the side that pays.
    pub payer: usize,
}

/// Every paid service in the agreement, in party order.
pub(crate) fn paid_services(a: &AgreementModel<'_>) -> Vec<PaidService> {
    (0..a.parties.len())
        .filter_map(|paid| payer_of(a, paid).map(|payer| PaidService { paid, payer }))
        .collect()
}

/// The one party that pays `paid`, if everything `paid` gains is money
/// from that party, that party gains something and they share no goal.
///
/// What `paid` gains: its own `gains` lines, plus what other parties
/// `invests … to` it. A `gains money` line without `from` counts as paid by
/// the one party that invests money to it; with no such party (or several)
/// it comes from the partnership as a whole, not from one other party.
fn payer_of(a: &AgreementModel<'_>, paid: usize) -> Option<usize> {
    let party = a.parties.get(paid)?;
    let me = party.id.name.as_str();
    let other = |id: &str| -> Option<usize> {
        (id != me)
            .then(|| a.parties.iter().position(|p| p.id.name == id))
            .flatten()
    };
    // Investments other parties direct to this one.
    let mut incoming: Vec<(usize, &str)> = Vec::new();
    for (q, p) in a.parties.iter().enumerate() {
        if p.id.name == me {
            continue;
        }
        for f in &p.invests {
            if f.counterpart() == Some(me) {
                incoming.push((q, f.resource()));
            }
        }
    }
    if incoming.iter().any(|(_, r)| *r != "money") {
        return None;
    }
    let mut investors: Vec<usize> = incoming.iter().map(|(q, _)| *q).collect();
    investors.sort_unstable();
    investors.dedup();
    let mut payers = investors.clone();
    for g in &party.gains {
        if g.resource() != "money" {
            return None;
        }
        let payer = match g.counterpart() {
            Some(c) => other(c)?,
            None => match investors.as_slice() {
                [only] => *only,
                _ => return None,
            },
        };
        payers.push(payer);
    }
    payers.sort_unstable();
    payers.dedup();
    let [payer] = payers.as_slice() else {
        return None;
    };
    let payer_model = &a.parties[*payer];
    if payer_model.gains.is_empty() || share_a_goal(party, payer_model) {
        return None;
    }
    Some(*payer)
}

/// Whether the two parties pursue at least one goal in common.
pub(crate) fn share_a_goal(a: &PartyModel<'_>, b: &PartyModel<'_>) -> bool {
    a.pursues.iter().any(|g| b.pursues_goal(&g.name))
}

/// Resource kinds that are recognition: being seen and credited.
pub(crate) fn is_recognition(resource: &str) -> bool {
    matches!(resource, "visibility" | "promotion" | "reputation")
}

/// Names joined for a sentence: "A", "A and B", "A, B and C".
pub(crate) fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// An edit adding `line` as the last item of a braced block (a party block
/// or an agreement), indented like the block's items, on its own line when
/// the closing brace stands on its own line. `None` when the block has no
/// closing brace (a syntax error is reported there).
pub(crate) fn insert_line_at_end(
    ctx: &Context<'_>,
    first_item: Option<Span>,
    close: Option<Span>,
    line: &str,
) -> Option<Edit> {
    let text: &str = &ctx.source().text;
    let close = close?;
    let at = close.start as usize;
    let line_start = |offset: usize| {
        text.get(..offset)?
            .rfind('\n')
            .map_or(Some(0), |p| Some(p + 1))
    };
    let close_line = line_start(at)?;
    let before_close = text.get(close_line..at)?;
    if !before_close.trim().is_empty() {
        // `{ … }` on one line: slip the clause in before the brace.
        let space = if text.get(..at)?.ends_with([' ', '\t']) {
            ""
        } else {
            " "
        };
        return Some(Edit {
            span: Span::empty(at),
            replacement: format!("{space}{line} "),
        });
    }
    let item_indent = first_item.and_then(|item| {
        let start = item.start as usize;
        let prefix = text.get(line_start(start)?..start)?;
        prefix.trim().is_empty().then(|| prefix.to_string())
    });
    let indent = item_indent.unwrap_or_else(|| format!("{before_close}  "));
    let eol = ctx.parse().file.line_ending.as_str();
    Some(Edit {
        span: Span::empty(close_line),
        replacement: format!("{indent}{line}{eol}"),
    })
}

/// [`insert_line_at_end`] for a party block.
pub(crate) fn insert_in_party(
    ctx: &Context<'_>,
    party: &PartyModel<'_>,
    line: &str,
) -> Option<Edit> {
    let body = &party.block.body;
    insert_line_at_end(ctx, body.items.first().map(|i| i.span), body.close, line)
}

/// [`insert_line_at_end`] for an agreement.
pub(crate) fn insert_in_agreement(
    ctx: &Context<'_>,
    a: &AgreementModel<'_>,
    line: &str,
) -> Option<Edit> {
    let body = &a.ast.body;
    insert_line_at_end(ctx, body.items.first().map(|c| c.span), body.close, line)
}
