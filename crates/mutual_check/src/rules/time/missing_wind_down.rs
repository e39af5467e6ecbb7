use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_clause;

declare_rule! {
    /// ## What it checks
    ///
    /// A party invests `content` or `data`, and the agreement has no
    /// `wind-down` line saying what happens to it when the agreement ends.
    /// Reported once per agreement, at the first such investment.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Photos, archives and data sets outlive the partnership that brought
    /// them together. When it ends, may the articles stay online? Does the
    /// archive get its scans back? Who keeps the data? Agreeing on this at
    /// the start is easy; fighting over it at the end spoils what was built
    /// together.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Archive scans" {
    ///   party archive "City Archive" {
    ///     invests content 300 photos "Scans of the local-history collection" license "CC-BY-SA-4.0"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Archive scans" {
    ///   wind-down "The photos stay on Wikimedia Commons under their licence"
    ///   party archive "City Archive" {
    ///     invests content 300 photos "Scans of the local-history collection" license "CC-BY-SA-4.0"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a `wind-down` line with a text for you to fill in. The fix only
    /// marks the gap: what happens to the content is for the partners to
    /// agree.
    pub RULE = { name: "missing-wind-down", group: Time, severity: Info, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        if a.has("wind-down") {
            continue;
        }
        let first = a.parties.iter().find_map(|p| {
            p.invests
                .iter()
                .find(|f| matches!(f.resource(), "content" | "data"))
                .map(|f| (p, f))
        });
        let Some((party, flow)) = first else {
            continue;
        };
        let mut d = ctx
            .diagnostic(
                &RULE,
                flow.flow.resource.span,
                format!(
                    "{} invests {}, but nothing says what happens to it when the agreement ends",
                    party.name,
                    flow.resource()
                ),
            )
            .in_agreement(a.index)
            .with_help("Add a `wind-down` line: who keeps the material, and may it stay online?");
        if let Some(edit) = insert_clause(
            ctx,
            a,
            "wind-down",
            r#"wind-down "TODO: what happens to the content and data shared here when the agreement ends?""#,
        ) {
            d = d.with_fix(Fix::unsafe_(
                "Add a `wind-down` line to fill in",
                vec![edit],
            ));
        }
        out.push(d);
    }
}
