use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::edits::insert_party_item;

declare_rule! {
    /// ## What it checks
    ///
    /// A party has no `contact` line, neither in the agreement nor in its
    /// shared definition. Anonymous parties (`anonymous`) are left alone:
    /// they have chosen not to be named.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Problems have to travel both ways, and they travel to people. When a
    /// workshop is cancelled or a photo licence is questioned, the other
    /// side needs to know whom to call. A name and an address in the
    /// agreement save days of searching when something goes wrong.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   party wmil "Wikimedia Israel" {
    ///     kind chapter
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   party wmil "Wikimedia Israel" {
    ///     kind chapter
    ///     contact "Dana Levi <dana@example.org>"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a `contact` line with a text for you to fill in in the party's
    /// block. The fix only marks the gap: it cannot know who the contact
    /// person is.
    pub RULE = { name: "missing-contact", group: Completeness, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in &a.parties {
            if party.anonymous || !party.contacts.is_empty() {
                continue;
            }
            let mut d = ctx
                .diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} has no contact: the other sides do not know whom to reach when something comes up",
                        party.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(&party.id.name);
            let placeholder = format!(
                "contact \"TODO: who is the contact person at {}?\"",
                escape(&party.name)
            );
            if let Some(edit) = insert_party_item(ctx, party, &placeholder) {
                d = d.with_fix(Fix::unsafe_("Add a `contact` line to fill in", vec![edit]));
            }
            out.push(d);
        }
    }
}

/// The text written inside a string: quotes and backslashes escaped, line
/// ends and tabs as their escapes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}
