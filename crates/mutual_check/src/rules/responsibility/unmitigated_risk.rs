use mutual_syntax::ast::ClauseKind;
use mutual_syntax::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};

declare_rule! {
    /// ## What it checks
    ///
    /// A `risk` line has no `mitigation`: the agreement names something that
    /// could go wrong but not what the sides will do about it.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Partners take risks together in the hope of a shared reward. Naming
    /// a risk is a good start; agreeing in advance what happens if it comes
    /// true (who steps in, what is the fallback) is what stops it from
    /// turning into blame later.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   risk "A trainer cannot come"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Editing evenings" {
    ///   risk "A trainer cannot come" mitigation "A reserve trainer is named for each evening"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds `mitigation "TODO: what will the sides do if it happens?"` after
    /// the risk, for you to fill in.
    pub RULE = { name: "unmitigated-risk", group: Responsibility, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for clause in a.clauses() {
            let ClauseKind::Risk {
                description,
                mitigation: None,
            } = &clause.kind
            else {
                continue;
            };
            let edit = Edit {
                span: Span::empty(description.span.end as usize),
                replacement: r#" mitigation "TODO: what will the sides do if it happens?""#
                    .to_string(),
            };
            out.push(
                ctx.diagnostic(
                    &RULE,
                    description.span,
                    format!(
                        "the risk \"{}\" has no mitigation: agree now what the sides will do if it happens",
                        description.value
                    ),
                )
                .in_agreement(a.index)
                .with_fix(Fix::unsafe_("Add a `mitigation` to fill in", vec![edit])),
            );
        }
    }
}
