use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use mutual_syntax::Span;

declare_rule! {
    /// ## What it checks
    ///
    /// An `invests` line gives only the kind of resource: no amount (such
    /// as `40 hours` or `2000 EUR`) and no text saying what exactly is
    /// invested.
    ///
    /// ## Why it matters for a partnership
    ///
    /// "The library invests a venue" could mean a corner table once a year
    /// or a computer lab every week. The other sides plan their own part
    /// around what they can count on; a vague promise leads to
    /// disappointment, and to arguments about who did not deliver.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   party museum "Haifa City Museum" {
    ///     invests venue
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   party museum "Haifa City Museum" {
    ///     invests venue "The lecture hall for the monthly meet-up"
    ///     invests time 20 hours
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a text after the resource for you to fill in. The fix only marks
    /// the gap: what is invested is for the party to say.
    pub RULE = { name: "vague-investment", group: Completeness, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in &a.parties {
            for line in &party.invests {
                let flow = line.flow;
                if flow.quantity.is_some() || flow.description.is_some() {
                    continue;
                }
                let resource = &flow.resource;
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        resource.span,
                        format!(
                            "{} invests {} without saying how much or what exactly: the other sides cannot tell what to count on",
                            party.name, resource.name
                        ),
                    )
                    .in_agreement(a.index)
                    .about_party(&party.id.name)
                    .with_fix(Fix::unsafe_(
                        "Add a description to fill in",
                        vec![Edit {
                            span: Span::empty(resource.span.end as usize),
                            replacement: format!(
                                " \"TODO: what {} exactly, and how much?\"",
                                resource.name
                            ),
                        }],
                    )),
                );
            }
        }
    }
}
