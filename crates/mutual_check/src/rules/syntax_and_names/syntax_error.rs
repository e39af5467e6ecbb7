use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// The text follows the grammar of the language: clauses start with a
    /// known keyword, texts are closed, braces match, dates are written
    /// year-month-day.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Nothing can be said about an agreement that cannot be read. The
    /// checker skips the broken clause and goes on, but the verdict stays
    /// `incomplete` until the mistake is fixed. This rule cannot be waived
    /// or switched off.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Workshops" {
    ///   stauts active
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Workshops" {
    ///   status active
    /// }
    /// ```
    pub RULE = { name: "syntax-error", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for error in &ctx.parse().errors {
        let mut d = ctx.diagnostic(&RULE, error.span, error.message.clone());
        if let Some(help) = &error.help {
            d = d.with_help(help.clone());
        }
        if let Some(a) = ctx.model.agreement_at(error.span.start as usize) {
            d = d.in_agreement(a.index);
        }
        out.push(d);
    }
}
