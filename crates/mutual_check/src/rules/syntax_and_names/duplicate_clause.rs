use mutual_syntax::ast::{Item, PartyItem};
use mutual_syntax::keywords::{SINGLE_VALUED_AGREEMENT_KEYWORDS, SINGLE_VALUED_PARTY_KEYWORDS};
use mutual_syntax::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::edits::whole_lines;
use crate::rules::syntax_and_names::party_label;

declare_rule! {
    /// ## What it checks
    ///
    /// A line that may appear only once appears twice:
    ///
    /// - in an agreement: `status`, `purpose`, `binding`, `term`, `review`,
    ///   `exit` and `wind-down`;
    /// - in a party block, or a party defined at the top of the file:
    ///   `kind`, `anonymous` and `signed`.
    ///
    /// The second line is marked and the first is shown beside it. Lines
    /// such as `goal`, `party`, `channel`, `risk`, `invests`, `gains` and
    /// `commits` may of course appear many times.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Two terms, two statuses or two signing dates make the agreement say
    /// two things at once: each side can read the one that suits it. The
    /// checker reads only the first, and the second is probably an old
    /// version that was never removed, or a change that was never agreed.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   term 2026-03-01 to 2027-02-28
    ///   term 2026-03-01 to 2027-06-30
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer every month"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains visitors "New readers"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit evenings" {
    ///   term 2026-03-01 to 2027-06-30
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer every month"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains visitors "New readers"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// When the second line repeats the first word for word, the fix removes
    /// it. When the two differ, only you can say which one is right.
    pub RULE = { name: "duplicate-clause", group: SyntaxAndNames, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for item in &ctx.parse().file.items {
        if let Item::Party(def) = item {
            if let Some(body) = &def.body {
                let name = if def.name.value.trim().is_empty() {
                    format!("`{}`", def.id.name)
                } else {
                    def.name.value.clone()
                };
                out.extend(party_items(ctx, &body.items, &name));
            }
        }
    }
    for a in &ctx.model.agreements {
        let mut firsts: Vec<(&str, Span)> = Vec::new();
        for clause in a.clauses() {
            let keyword = clause.kind.keyword();
            if !SINGLE_VALUED_AGREEMENT_KEYWORDS.contains(&keyword) {
                continue;
            }
            match firsts.iter().find(|(k, _)| *k == keyword) {
                None => firsts.push((keyword, clause.span)),
                Some(&(_, first)) => out.push(
                    repeated(ctx, keyword, first, clause.span, "this agreement")
                        .in_agreement(a.index),
                ),
            }
        }
        for party in &a.parties {
            for d in party_items(ctx, &party.block.body.items, &party_label(party)) {
                out.push(d.in_agreement(a.index).about_party(&party.id.name));
            }
        }
    }
}

fn party_items(ctx: &Context<'_>, items: &[PartyItem], name: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut firsts: Vec<(&str, Span)> = Vec::new();
    for item in items {
        let keyword = item.kind.keyword();
        if !SINGLE_VALUED_PARTY_KEYWORDS.contains(&keyword) {
            continue;
        }
        match firsts.iter().find(|(k, _)| *k == keyword) {
            None => firsts.push((keyword, item.span)),
            Some(&(_, first)) => out.push(repeated(ctx, keyword, first, item.span, name)),
        }
    }
    out
}

/// The diagnostic on the second line, with the first as related location
/// and a fix when the second is a word-for-word copy. `whose` names the
/// agreement or the party.
fn repeated(
    ctx: &Context<'_>,
    keyword: &str,
    first: Span,
    second: Span,
    whose: &str,
) -> Diagnostic {
    let at = Span::new(
        second.start as usize,
        second.start as usize + keyword.len().min(second.len()),
    );
    let words = |span: Span| ctx.text(span).split_whitespace().collect::<Vec<_>>();
    let same = words(first) == words(second);
    let message = match (keyword, same) {
        ("anonymous", _) => format!("{whose} is marked `anonymous` twice"),
        (_, true) => format!("{whose} states `{keyword}` twice: the second line repeats the first"),
        (_, false) => format!(
            "{whose} has two `{keyword}` lines that say different things: each side can read the one that suits it, and the checker reads only the first"
        ),
    };
    let d = ctx.diagnostic(&RULE, at, message).with_related(
        ctx.source(),
        first,
        format!("the first `{keyword}` line"),
    );
    if same {
        d.with_fix(Fix::safe(
            "Remove the repeated line",
            vec![Edit {
                span: whole_lines(ctx, second),
                replacement: String::new(),
            }],
        ))
    } else {
        d.with_help(format!(
            "Keep the `{keyword}` line that was agreed and remove the other."
        ))
    }
}
