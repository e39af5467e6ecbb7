//! Waivers: `allow RULE because "…"`.
//!
//! Applied once, after every rule has run; rules never look at waivers. An
//! agreement-level `allow` covers every diagnostic of that agreement; a party's
//! `allow` covers the diagnostics about that party. A waiver that covered
//! nothing is reported as `unused-allow` (unless its rule is switched off in
//! this run, when nothing could have fired, or does not exist, which
//! `unknown-rule` reports).

use mutual_syntax::ast::Allow;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules;
use crate::rules::edits::whole_lines;

/// Removes waived diagnostics; returns the kept ones and `unused-allow`s.
pub fn apply(ctx: &Context<'_>, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut waivers: Vec<(&Allow, usize, Option<&str>, bool)> = Vec::new();
    for agreement in &ctx.model.agreements {
        for allow in agreement.allows() {
            waivers.push((allow, agreement.index, None, false));
        }
        for party in &agreement.parties {
            // Only the block's own waivers: a top-level definition has none.
            for allow in &party.allows {
                waivers.push((allow, agreement.index, Some(party.id.name.as_str()), false));
            }
        }
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let waiver = (!d.rule.is_syntax_error())
            .then(|| {
                waivers.iter_mut().find(|(allow, agreement, party, _)| {
                    allow.rule.name == d.rule.name
                        && d.agreement == Some(*agreement)
                        && party.is_none_or(|p| d.party.as_deref() == Some(p))
                })
            })
            .flatten();
        match waiver {
            Some(w) => w.3 = true,
            None => kept.push(d),
        }
    }
    let unused = &rules::syntax_and_names::unused_allow::RULE;
    if ctx.options.level(unused).is_some() {
        for (allow, agreement, party, used) in waivers {
            let Some(rule) = rules::find(&allow.rule.name) else {
                continue;
            };
            if used || ctx.options.level(rule).is_none() {
                continue;
            }
            let whom = party
                .and_then(|p| ctx.model.agreements[agreement].party(p))
                .map_or_else(|| "this agreement".to_string(), |p| p.name.clone());
            let mut d = ctx
                .diagnostic(
                    unused,
                    allow.span,
                    format!(
                        "nothing for `{}` to waive in {whom}: this `allow` can go",
                        allow.rule.name
                    ),
                )
                .in_agreement(agreement)
                .unnecessary()
                .with_fix(Fix::safe(
                    "Remove this `allow`",
                    vec![Edit {
                        span: whole_lines(ctx, allow.span),
                        replacement: String::new(),
                    }],
                ));
            if let Some(p) = party {
                d = d.about_party(p);
            }
            kept.push(d);
        }
    }
    kept
}
