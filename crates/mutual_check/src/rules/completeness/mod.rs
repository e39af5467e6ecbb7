//! Completeness: is everything a reader needs written down?

pub mod binding_unstated;
pub mod missing_contact;
pub mod missing_measure;
pub mod missing_purpose;
pub mod missing_signature;
pub mod nothing_new;
pub mod vague_investment;

use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &missing_purpose::RULE,
    &missing_contact::RULE,
    &missing_signature::RULE,
    &binding_unstated::RULE,
    &missing_measure::RULE,
    &nothing_new::RULE,
    &vague_investment::RULE,
];
