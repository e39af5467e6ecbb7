use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// An `allow` waived nothing: the rule it names did not fire where the
    /// waiver applies.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A waiver tells reviewers "we know, and here is why". One that waives
    /// nothing is a stale note: the problem was fixed, or the waiver sits on
    /// the wrong party. Removing it keeps the agreement honest.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Workshops" {
    ///   measure "200 improved articles"
    ///   allow missing-measure because "Targets come later"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Workshops" {
    ///   allow missing-measure because "Targets come later"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Remove the `allow` line.
    pub RULE = { name: "unused-allow", group: SyntaxAndNames, severity: Warning, check: check }
}

/// Reported by the waiver pass (`waivers.rs`), after every other rule.
fn check(_ctx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
