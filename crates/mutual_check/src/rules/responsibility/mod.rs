//! Responsibility and governance

pub mod missing_governance;
pub mod no_commitment;
pub mod unilateral_decisions;
pub mod unmitigated_risk;

use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &no_commitment::RULE,
    &unilateral_decisions::RULE,
    &missing_governance::RULE,
    &unmitigated_risk::RULE,
];
