use mutual_syntax::ast::Allow;
use mutual_syntax::suggest::closest;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::syntax_and_names::{did_you_mean, replace_name};
use crate::rules::{find, ALL};

declare_rule! {
    /// ## What it checks
    ///
    /// Every `allow` names a rule that exists. When a rule with a close name
    /// exists, the message suggests it. (`mutual.toml` is checked the same
    /// way when it is read.)
    ///
    /// ## Why it matters for a partnership
    ///
    /// A waiver records that the sides looked at a problem and agreed why
    /// it does not apply to them. A waiver with a misspelt rule name waives
    /// nothing: the warning it was meant to answer keeps coming back, and
    /// reviewers read a reason that is attached to nothing.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   allow missing-mesure because "Targets are set at the first review"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit evenings" {
    ///   allow missing-measure because "Targets are set at the first review"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// When a rule with a close name exists, the fix replaces the name with
    /// it.
    pub RULE = { name: "unknown-rule", group: SyntaxAndNames, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for allow in a.allows() {
            if let Some(d) = unknown(ctx, allow) {
                out.push(d.in_agreement(a.index));
            }
        }
        for party in &a.parties {
            for allow in &party.allows {
                if let Some(d) = unknown(ctx, allow) {
                    out.push(d.in_agreement(a.index).about_party(&party.id.name));
                }
            }
        }
    }
}

fn unknown(ctx: &Context<'_>, allow: &Allow) -> Option<Diagnostic> {
    let name = allow.rule.name.as_str();
    if find(name).is_some() {
        return None;
    }
    let suggestion = closest(name, ALL.iter().map(|r| r.name));
    let mut d = ctx.diagnostic(
        &RULE,
        allow.rule.span,
        format!(
            "there is no rule called `{name}`, so this `allow` waives nothing{}",
            did_you_mean(suggestion)
        ),
    );
    match suggestion {
        Some(s) => d = d.with_fix(replace_name(allow.rule.span, name, s)),
        None => d = d.with_help("`mutual rules` lists every rule by name."),
    }
    Some(d)
}
