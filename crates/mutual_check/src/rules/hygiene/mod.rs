//! Hygiene: leftovers and impossible flows

pub mod self_flow;
pub mod unused_goal;

use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[&unused_goal::RULE, &self_flow::RULE];
