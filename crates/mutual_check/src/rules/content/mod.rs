//! Content and licensing
//!
//! Also holds what the license rules share (`invalid-license` lives in
//! Syntax and names): every `license` line of the checked file, and how a
//! license expression is read.

pub mod missing_license;
pub mod nonfree_license;

use mutual_syntax::ast::{Flow, PartyItemKind, Text};

use crate::context::Context;
use crate::model::PartyModel;
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[&missing_license::RULE, &nonfree_license::RULE];

/// One `license "…"` on an `invests` line of a party block.
pub(crate) struct LicenseLine<'p> {
    /// Index of the agreement.
    pub agreement: usize,
    pub party: &'p PartyModel<'p>,
    pub flow: &'p Flow,
    pub text: &'p Text,
}

/// Every `license` of the checked file's agreements, in text order.
pub(crate) fn license_lines<'p>(ctx: &Context<'p>) -> Vec<LicenseLine<'p>> {
    let model = ctx.model;
    let mut out = Vec::new();
    for a in &model.agreements {
        for party in &a.parties {
            for item in &party.block.body.items {
                if let PartyItemKind::Invests(flow) = &item.kind {
                    if let Some(text) = &flow.license {
                        out.push(LicenseLine {
                            agreement: a.index,
                            party,
                            flow,
                            text,
                        });
                    }
                }
            }
        }
    }
    out
}

/// A license expression read strictly, as the SPDX specification writes
/// it: identifiers from the current list, exact letter case, no outdated
/// identifiers.
pub(crate) fn parse_license(value: &str) -> Result<spdx::Expression, spdx::ParseError> {
    spdx::Expression::parse(value)
}
