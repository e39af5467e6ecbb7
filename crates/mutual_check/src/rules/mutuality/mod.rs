//! Mutuality: is this a partnership?
//!
//! Also holds the helpers the mutuality, responsibility and communication
//! rules share: who pays whom ([`paid_services`]).

pub mod anonymous_recognition;
pub mod no_benefit;
pub mod no_goal;
pub mod no_investment;
pub mod no_shared_goal;
pub mod paid_service;
pub mod single_party;
pub mod sponsorship;

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

/// Whether the party gains something, and all it gains is recognition.
pub(crate) fn gains_only_recognition(party: &PartyModel<'_>) -> bool {
    !party.gains.is_empty() && party.gains.iter().all(|g| is_recognition(g.resource()))
}

/// The kinds of resource the party gains, sorted, each once, for a
/// sentence: "promotion and visibility".
pub(crate) fn gained_kinds(party: &PartyModel<'_>) -> String {
    let mut kinds: Vec<&str> = party.gains.iter().map(|g| g.resource()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds.join(" and ")
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
