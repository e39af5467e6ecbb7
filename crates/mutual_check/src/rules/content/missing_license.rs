use mutual_syntax::ast::PartyItemKind;
use mutual_syntax::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::syntax_and_names::party_label;

declare_rule! {
    /// ## What it checks
    ///
    /// Every `invests content` and `invests data` line says under which
    /// license the content or data is given, with `license "…"` at the end
    /// of the line. Each line without one is reported.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Photos, texts, recordings and data sets are often the most lasting
    /// thing a side brings. Without a license, nobody can tell whether the
    /// other sides may publish them, change them or keep using them when the
    /// agreement ends, and free-knowledge projects such as Wikimedia Commons
    /// cannot accept them at all. Agreeing on the license before the work
    /// starts avoids disappointment on both sides later.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Archive photos" {
    ///   party museum "Haifa City Museum" {
    ///     invests content 300 photos "Scans of the photo archive"
    ///     gains visibility "Credit on every photo"
    ///   }
    ///   party chapter "Wikimedia Israel" {
    ///     invests time "Uploading and describing the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Archive photos" {
    ///   party museum "Haifa City Museum" {
    ///     invests content 300 photos "Scans of the photo archive" license "CC-BY-SA-4.0"
    ///     gains visibility "Credit on every photo"
    ///   }
    ///   party chapter "Wikimedia Israel" {
    ///     invests time "Uploading and describing the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds `license "TODO: which license?"` at the end of the line, for
    /// you to replace with the license the sides agree on. The fix only
    /// marks the gap; it cannot know the license.
    pub RULE = { name: "missing-license", group: Content, severity: Warning, check: check }
}

/// What the fix appends to the line.
const PLACEHOLDER: &str = r#" license "TODO: which license?""#;

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in &a.parties {
            for item in &party.block.body.items {
                let PartyItemKind::Invests(flow) = &item.kind else {
                    continue;
                };
                let resource = flow.resource.name.as_str();
                if !matches!(resource, "content" | "data") || flow.license.is_some() {
                    continue;
                }
                let name = party_label(party);
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        flow.resource.span,
                        format!(
                            "{name} invests {resource} without a license: nobody can tell whether the other sides may publish, change or keep using it"
                        ),
                    )
                    .in_agreement(a.index)
                    .about_party(&party.id.name)
                    .with_help(
                        "Add `license \"…\"` at the end of the line with an SPDX identifier. Free-knowledge projects such as Wikimedia Commons accept CC-BY-SA-4.0, CC-BY-4.0 and CC0-1.0.",
                    )
                    .with_fix(Fix::unsafe_(
                        "Add a license to fill in",
                        vec![Edit {
                            span: Span::empty(item.span.end as usize),
                            replacement: PLACEHOLDER.to_string(),
                        }],
                    )),
                );
            }
        }
    }
}
