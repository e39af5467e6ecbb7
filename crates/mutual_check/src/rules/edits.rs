//! Text edits the fixes share: inserting a placeholder line where a
//! missing clause belongs ([`insert_clause`] and [`insert_in_agreement`] for
//! an agreement, [`insert_party_item`] and [`insert_in_party`] for a party
//! block), and removing whole lines ([`whole_lines`]). Insertions keep the
//! file's indentation and line ending.

use mutual_syntax::keywords::{AGREEMENT_HEADER_KEYWORDS, IDENTITY_KEYWORDS};
use mutual_syntax::Span;

use crate::context::Context;
use crate::diagnostic::Edit;
use crate::model::{AgreementModel, PartyModel};

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
    let rank = |k: &str| AGREEMENT_HEADER_KEYWORDS.iter().position(|h| *h == k);
    let mine = rank(keyword).unwrap_or(AGREEMENT_HEADER_KEYWORDS.len());
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
    insert_line_at_end(ctx, body.items.first().map(|c| c.span), body.close, line)
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
        .rfind(|i| IDENTITY_KEYWORDS.contains(&i.kind.keyword()));
    if let Some(item) = last_identity {
        return insert_after(ctx, item.span, line);
    }
    if let Some(first) = body.items.first() {
        return insert_before(ctx, first.span, line);
    }
    insert_line_at_end(ctx, None, body.close, line)
}

/// [`insert_line_at_end`] for a party block.
pub(crate) fn insert_in_party(
    ctx: &Context<'_>,
    party: &PartyModel<'_>,
    line: &str,
) -> Option<Edit> {
    let body = &party.block.body;
    insert_line_at_end(ctx, body.items.first().map(|i| i.span), body.close, line)
}

/// [`insert_line_at_end`] for an agreement.
pub(crate) fn insert_in_agreement(
    ctx: &Context<'_>,
    a: &AgreementModel<'_>,
    line: &str,
) -> Option<Edit> {
    let body = &a.ast.body;
    insert_line_at_end(ctx, body.items.first().map(|c| c.span), body.close, line)
}

/// The span grown to whole lines (indentation and line end included), when
/// nothing else stands on them.
pub(crate) fn whole_lines(ctx: &Context<'_>, span: Span) -> Span {
    let text = &ctx.source().text;
    let start = span.start as usize;
    let end = span.end as usize;
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
    let before = &text[line_start..start];
    let after = text[end..line_end].trim_end_matches(['\n', '\r']);
    let after_ok = after.trim().is_empty() || after.trim_start().starts_with('#');
    if before.trim().is_empty() && after_ok && after.trim().is_empty() {
        Span::new(line_start, line_end)
    } else {
        span
    }
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

/// The file's line ending.
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

/// An edit adding `line` as the last item of a braced block (a party block
/// or an agreement), indented like the block's first item (or two spaces
/// deeper than the brace), on its own line when the closing brace stands on
/// its own line, else before the brace on the same line. `None` when the
/// block has no closing brace (a syntax error is reported there).
fn insert_line_at_end(
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
        // `{ … }` on one line: slip the clause in before the brace.
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
