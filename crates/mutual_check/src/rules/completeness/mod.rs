//! Completeness: is everything a reader needs written down?
//!
//! Also holds the helpers the completeness and time rules share to insert a
//! missing clause as a placeholder: [`insert_clause`] for an agreement,
//! [`insert_party_item`] for a party block. Both keep the file's indentation
//! and line ending.

pub mod binding_unstated;
pub mod missing_contact;
pub mod missing_measure;
pub mod missing_purpose;
pub mod missing_signature;
pub mod nothing_new;
pub mod vague_investment;

use mutual_syntax::Span;

use crate::context::Context;
use crate::diagnostic::Edit;
use crate::model::{AgreementModel, PartyModel};
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &missing_purpose::RULE,
    &missing_contact::RULE,
    &missing_signature::RULE,
    &binding_unstated::RULE,
    &missing_measure::RULE,
    &nothing_new::RULE,
    &vague_investment::RULE,
];

/// The agreement-wide clauses that open an agreement in the canonical
/// layout, in their canonical order.
pub(crate) const HEADER_CLAUSES: &[&str] = &[
    "status",
    "purpose",
    "binding",
    "term",
    "review",
    "exit",
    "wind-down",
    "creates",
    "measure",
];

/// The identity lines that open a party block.
const IDENTITY_ITEMS: &[&str] = &["kind", "anonymous", "contact"];

/// An edit adding the clause `line` (starting with `keyword`) to the
/// agreement, among its header clauses: after the last one that comes
/// before it in the canonical order, else above the first header clause,
/// else before the agreement's closing brace. `None` when there is no
/// sensible place (no closing brace: a syntax error is reported there).
pub(crate) fn insert_clause(
    ctx: &Context<'_>,
    a: &AgreementModel<'_>,
    keyword: &str,
    line: &str,
) -> Option<Edit> {
    let rank = |k: &str| HEADER_CLAUSES.iter().position(|h| *h == k);
    let mine = rank(keyword).unwrap_or(HEADER_CLAUSES.len());
    let headers: Vec<(usize, Span)> = a
        .clauses()
        .filter_map(|c| rank(c.kind.keyword()).map(|r| (r, c.span)))
        .collect();
    if let Some((_, span)) = headers.iter().rev().find(|(r, _)| *r < mine) {
        return insert_after(ctx, *span, line);
    }
    if let Some((_, span)) = headers.first() {
        return insert_before(ctx, *span, line);
    }
    let body = &a.ast.body;
    insert_before_close(ctx, body.items.first().map(|c| c.span), body.close, line)
}

/// An edit adding `line` to a party block: after its last identity line
/// (`kind`, `anonymous`, `contact`), else above its first line, else before
/// its closing brace.
pub(crate) fn insert_party_item(
    ctx: &Context<'_>,
    party: &PartyModel<'_>,
    line: &str,
) -> Option<Edit> {
    let body = &party.block.body;
    let last_identity = body
        .items
        .iter()
        .rfind(|i| IDENTITY_ITEMS.contains(&i.kind.keyword()));
    if let Some(item) = last_identity {
        return insert_after(ctx, item.span, line);
    }
    if let Some(first) = body.items.first() {
        return insert_before(ctx, first.span, line);
    }
    insert_before_close(ctx, None, body.close, line)
}

/// The offset where the line holding `offset` starts.
fn line_start(text: &str, offset: usize) -> Option<usize> {
    Some(text.get(..offset)?.rfind('\n').map_or(0, |p| p + 1))
}

/// The indentation of the line holding `span`, when nothing but white
/// space stands before it.
fn indent_of(text: &str, span: Span) -> Option<&str> {
    let start = span.start as usize;
    let prefix = text.get(line_start(text, start)?..start)?;
    prefix.trim().is_empty().then_some(prefix)
}

fn eol(ctx: &Context<'_>) -> &'static str {
    ctx.parse().file.line_ending.as_str()
}

/// `line` on a line of its own below the one holding `span`, indented
/// alike; on the same line right after `span` when more follows it there.
fn insert_after(ctx: &Context<'_>, span: Span, line: &str) -> Option<Edit> {
    let text: &str = &ctx.source().text;
    let end = span.end as usize;
    let rest = text.get(end..)?;
    let eol = eol(ctx);
    let (line_end, rest_of_line) = match rest.find('\n') {
        Some(p) => (Some(end + p + 1), &rest[..p]),
        None => (None, rest),
    };
    let rest_of_line = rest_of_line.trim();
    if !rest_of_line.is_empty() && !rest_of_line.starts_with('#') {
        // More clauses on the same line: slip this one in after the clause.
        return Some(Edit {
            span: Span::empty(end),
            replacement: format!(" {line}"),
        });
    }
    let indent = indent_of(text, span).unwrap_or("  ");
    Some(match line_end {
        Some(at) => Edit {
            span: Span::empty(at),
            replacement: format!("{indent}{line}{eol}"),
        },
        None => Edit {
            span: Span::empty(text.len()),
            replacement: format!("{eol}{indent}{line}"),
        },
    })
}

/// `line` on a line of its own above the one holding `span`, indented
/// alike; on the same line right before `span` when something precedes it
/// there.
fn insert_before(ctx: &Context<'_>, span: Span, line: &str) -> Option<Edit> {
    let text: &str = &ctx.source().text;
    match indent_of(text, span) {
        Some(indent) => Some(Edit {
            span: Span::empty(line_start(text, span.start as usize)?),
            replacement: format!("{indent}{line}{}", eol(ctx)),
        }),
        None => Some(Edit {
            span: Span::empty(span.start as usize),
            replacement: format!("{line} "),
        }),
    }
}

/// `line` as the last line of a braced block, indented like the block's
/// first item (or two spaces deeper than the brace), or before the brace
/// on the same line when the block stands on one line.
fn insert_before_close(
    ctx: &Context<'_>,
    first_item: Option<Span>,
    close: Option<Span>,
    line: &str,
) -> Option<Edit> {
    let text: &str = &ctx.source().text;
    let at = close?.start as usize;
    let close_line = line_start(text, at)?;
    let before_close = text.get(close_line..at)?;
    if !before_close.trim().is_empty() {
        let space = if text.get(..at)?.ends_with([' ', '\t']) {
            ""
        } else {
            " "
        };
        return Some(Edit {
            span: Span::empty(at),
            replacement: format!("{space}{line} "),
        });
    }
    let indent = first_item
        .and_then(|s| indent_of(text, s))
        .map_or_else(|| format!("{before_close}  "), str::to_string);
    Some(Edit {
        span: Span::empty(close_line),
        replacement: format!("{indent}{line}{}", eol(ctx)),
    })
}
