//! Syntax and names: can the agreement be read at all?

pub mod syntax_error;
pub mod unused_allow;

use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[&syntax_error::RULE, &unused_allow::RULE];
