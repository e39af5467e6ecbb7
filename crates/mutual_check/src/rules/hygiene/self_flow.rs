use mutual_syntax::ast::{Ident, PartyItemKind};
use mutual_syntax::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::syntax_and_names::party_label;

declare_rule! {
    /// ## What it checks
    ///
    /// A party invests `to` itself, or gains `from` itself:
    /// `invests time "…" to wmil` inside the block of `wmil`. Such a line
    /// counts neither as an investment nor as a gain.
    ///
    /// ## Why it matters for a partnership
    ///
    /// In a partnership every side gives something to the others or to the
    /// shared work, and gets something back. What a side gives to itself
    /// moves nothing between the partners; most often the line was copied
    /// from another party's block, or the wrong name was written after `to`
    /// or `from`.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club" to chapter
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit evenings" {
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club" to library
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Removes `to …` or `from …`, so the investment goes to the
    /// partnership as a whole (or the gain comes from it). Check that this
    /// is what was meant: perhaps another party's name belongs there.
    pub RULE = { name: "self-flow", group: Hygiene, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in &a.parties {
            let name = party_label(party);
            for line in &party.self_flows {
                let Some(other) = &line.flow.counterpart else {
                    continue;
                };
                let (message, keyword, fix_title) = match self_kind(party, line.span) {
                    Direction::Invests => (
                        format!(
                            "{name} invests {} to itself: a side cannot give to itself, so this line counts as no investment",
                            line.resource()
                        ),
                        "to",
                        "Remove `to …`: the investment goes to the partnership as a whole",
                    ),
                    Direction::Gains => (
                        format!(
                            "{name} gains {} from itself: a side cannot receive from itself, so this line counts as no gain",
                            line.resource()
                        ),
                        "from",
                        "Remove `from …`: the gain comes from the partnership as a whole",
                    ),
                };
                let mut d = ctx
                    .diagnostic(&RULE, other.span, message)
                    .in_agreement(a.index)
                    .about_party(&party.id.name)
                    .with_related(
                        ctx.source(),
                        party.id.span,
                        format!("`{}` is {name} itself", party.id.name),
                    );
                if let Some(span) = removal(ctx, keyword, other) {
                    d = d.with_fix(Fix::unsafe_(
                        fix_title,
                        vec![Edit {
                            span,
                            replacement: String::new(),
                        }],
                    ));
                }
                out.push(d);
            }
        }
    }
}

enum Direction {
    Invests,
    Gains,
}

/// Whether the self-flow line at `span` is an `invests` or a `gains` line.
fn self_kind(party: &crate::model::PartyModel<'_>, span: Span) -> Direction {
    let gains = party
        .block
        .body
        .items
        .iter()
        .any(|i| i.span == span && matches!(i.kind, PartyItemKind::Gains(_)));
    if gains {
        Direction::Gains
    } else {
        Direction::Invests
    }
}

/// The span of ` to name` (or ` from name`): from the end of the token
/// before the keyword to the end of the name. `None` when the text between
/// is not just the keyword and spaces (a comment, a line break).
fn removal(ctx: &Context<'_>, keyword: &str, name: &Ident) -> Option<Span> {
    let text: &str = &ctx.source().text;
    let end = name.span.end as usize;
    let before = text.get(..name.span.start as usize)?;
    let before_name = before.trim_end_matches([' ', '\t']);
    if before_name.len() == before.len() {
        return None;
    }
    let before_keyword = before_name.strip_suffix(keyword)?;
    let start = before_keyword.trim_end_matches([' ', '\t']);
    if start.len() == before_keyword.len() {
        return None;
    }
    Some(Span::new(start.len(), end))
}
