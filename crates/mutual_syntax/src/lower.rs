//! Lowering: pest pairs → the owned syntax tree.
//!
//! Lowering never panics: a pair it does not expect is skipped, and every
//! recovery node (`bad_*`) becomes an error node plus a syntax error whose
//! message comes from [`crate::messages`].

use pest::iterators::{Pair, Pairs};

use crate::ast::*;
use crate::messages::{self, Level};
use crate::parser::Rule;
use crate::SyntaxError;

pub(crate) struct Lowerer<'t> {
    pub text: &'t str,
    /// The text pest parsed: `text` with its comments blanked out.
    parse_text: &'t str,
    pub errors: Vec<SyntaxError>,
    /// The last text found without its closing quote.
    unterminated: Option<Span>,
}

/// The span of a node, from its first token to its last. A rule that ends in
/// an optional or repeated part (`string?`, `("," ~ ident)*`) has skipped the
/// white space and comments before that part even when it is absent, so a
/// node ends where its last descendant ends, not where pest stopped.
fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    if ends_exactly(pair.as_rule()) {
        return Span::new(span.start(), span.end());
    }
    let mut last = pair.clone();
    // `next_back` finds the last child in one step; `last()` would walk
    // every child.
    while let Some(child) = last.clone().into_inner().next_back() {
        last = child;
        if ends_exactly(last.as_rule()) {
            break;
        }
    }
    Span::new(span.start(), last.as_span().end())
}

/// Rules whose pair ends at their last token: atomic rules (they have no
/// inner pairs, and skip no white space) and rules without inner rules.
fn ends_exactly(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ident
            | Rule::string
            | Rule::date
            | Rule::number
            | Rule::integer
            | Rule::duration_unit
            | Rule::status_value
            | Rule::rule_name
            | Rule::arrow
            | Rule::open_brace
            | Rule::close_brace
            | Rule::bad_item
            | Rule::bad_clause
            | Rule::bad_party_item
            | Rule::bad_identity
            | Rule::kw_agreement
            | Rule::kw_import
            | Rule::kw_party
            | Rule::kw_goal
            | Rule::kw_status
            | Rule::kw_purpose
            | Rule::kw_binding
            | Rule::kw_term
            | Rule::kw_to
            | Rule::kw_open_ended
            | Rule::kw_review
            | Rule::kw_every
            | Rule::kw_exit
            | Rule::kw_notice
            | Rule::kw_wind_down
            | Rule::kw_creates
            | Rule::kw_measure
            | Rule::kw_kind
            | Rule::kw_anonymous
            | Rule::kw_contact
            | Rule::kw_pursues
            | Rule::kw_invests
            | Rule::kw_gains
            | Rule::kw_from
            | Rule::kw_license
            | Rule::kw_commits
            | Rule::kw_by
            | Rule::kw_signed
            | Rule::kw_channel
            | Rule::kw_escalation
            | Rule::kw_decides
            | Rule::kw_all
            | Rule::kw_risk
            | Rule::kw_mitigation
            | Rule::kw_allow
            | Rule::kw_because
            | Rule::kw_yes
            | Rule::kw_no
    )
}

impl<'t> Lowerer<'t> {
    pub fn new(text: &'t str, parse_text: &'t str) -> Self {
        Lowerer {
            text,
            parse_text,
            errors: Vec::new(),
            unterminated: None,
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>, help: Option<String>) {
        self.errors.push(SyntaxError {
            span,
            message: message.into(),
            help,
        });
    }

    pub fn file(&mut self, pair: Pair<'t, Rule>) -> Vec<Item> {
        let children = pair.into_inner();
        let mut items = Vec::with_capacity(children.len());
        let mut prev: Option<Span> = None;
        for child in children {
            let item = match child.as_rule() {
                Rule::import_item => {
                    let span = span_of(&child);
                    self.first_text(child)
                        .map(|path| Item::Import(Import { path, span }))
                }
                Rule::goal_def => self.goal_def(child).map(Item::Goal),
                Rule::party_def => self.party_def(child).map(Item::Party),
                Rule::agreement => self.agreement(child).map(Item::Agreement),
                Rule::bad_item => {
                    let span = span_of(&child);
                    self.bad(Level::File, span, prev);
                    Some(Item::Error(span))
                }
                _ => None,
            };
            if let Some(item) = item {
                prev = Some(item.span());
                items.push(item);
            }
        }
        items
    }

    fn bad(&mut self, level: Level, span: Span, prev: Option<Span>) {
        let error = messages::describe(self.text, self.parse_text, level, span, prev);
        self.errors.push(error);
    }

    fn first_text(&mut self, pair: Pair<'t, Rule>) -> Option<Text> {
        pair.into_inner()
            .find(|p| p.as_rule() == Rule::string)
            .map(|p| self.text_of(p))
    }

    fn goal_def(&mut self, pair: Pair<'t, Rule>) -> Option<GoalDef> {
        let span = span_of(&pair);
        let mut id = None;
        let mut description = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => id = Some(ident(&p)),
                Rule::string => description = Some(self.text_of(p)),
                _ => {}
            }
        }
        Some(GoalDef {
            id: id?,
            description: description?,
            span,
        })
    }

    fn party_def(&mut self, pair: Pair<'t, Rule>) -> Option<PartyDef> {
        let span = span_of(&pair);
        let mut id = None;
        let mut name = None;
        let mut open = None;
        let mut missing_open = false;
        let parts = pair.into_inner();
        // Room for every part: a few more than the items, one allocation.
        let mut items = Vec::with_capacity(parts.len());
        let mut close = None;
        for p in parts {
            match p.as_rule() {
                Rule::ident => id = Some(ident(&p)),
                Rule::string => name = Some(self.text_of(p)),
                Rule::open_brace => open = Some(span_of(&p)),
                Rule::missing_open_identity => {
                    let after = name.as_ref().map(|n: &Text| n.span.end as usize);
                    open = Some(self.missing_open(after, &p));
                    missing_open = true;
                }
                Rule::close_brace => close = Some(span_of(&p)),
                Rule::bad_identity => {
                    let s = span_of(&p);
                    let prev = items.last().map(|i: &PartyItem| i.span);
                    self.bad(Level::Identity, s, prev);
                    items.push(PartyItem {
                        kind: PartyItemKind::Error,
                        span: s,
                    });
                }
                _ => {
                    if let Some(item) = self.party_item(p) {
                        items.push(item);
                    }
                }
            }
        }
        let body = open.map(|open| {
            self.check_braces(open, missing_open, close, "party");
            Block { open, items, close }
        });
        Some(PartyDef {
            id: id?,
            name: name?,
            body,
            span,
        })
    }

    /// A block whose `{` is missing: the error, and the empty span where the
    /// brace belongs (right after the block's header, `after`).
    ///
    /// When the header ends in a text without its closing quote, that text
    /// has swallowed the brace (`agreement "Title {`): the error about the
    /// quote says it all.
    fn missing_open(&mut self, after: Option<usize>, pair: &Pair<'t, Rule>) -> Span {
        let at = pair.as_span().start();
        let after = after.unwrap_or(at).min(at);
        let swallowed = self
            .unterminated
            .is_some_and(|open| open.end as usize == after);
        if !swallowed {
            self.errors
                .push(messages::missing_open_brace(self.text, after, at));
        }
        Span::empty(after)
    }

    /// Reports a missing `}` (once: not again when the `{` is missing too).
    fn check_braces(&mut self, open: Span, missing_open: bool, close: Option<Span>, what: &str) {
        if close.is_none() && !missing_open {
            self.unclosed(open, what);
        }
    }

    fn unclosed(&mut self, open: Span, what: &str) {
        self.error(
            open,
            format!("this {what} block is never closed: its `}}` is missing"),
            Some(format!(
                "add `}}` on its own line after the {what}'s last line"
            )),
        );
    }

    fn agreement(&mut self, pair: Pair<'t, Rule>) -> Option<Agreement> {
        let span = span_of(&pair);
        let mut title = None;
        let mut open = None;
        let mut close = None;
        let parts = pair.into_inner();
        let mut clauses: Vec<Clause> = Vec::with_capacity(parts.len());
        let mut missing_open = false;
        for p in parts {
            match p.as_rule() {
                Rule::kw_agreement => {}
                Rule::string => title = Some(self.text_of(p)),
                Rule::open_brace => open = Some(span_of(&p)),
                Rule::missing_open_clause => {
                    let after = title.as_ref().map(|t: &Text| t.span.end as usize);
                    open = Some(self.missing_open(after, &p));
                    missing_open = true;
                }
                Rule::close_brace => close = Some(span_of(&p)),
                Rule::bad_clause => {
                    let s = span_of(&p);
                    let prev = clauses.last().map(|c| c.span);
                    self.bad(Level::Agreement, s, prev);
                    clauses.push(Clause {
                        kind: ClauseKind::Error,
                        span: s,
                    });
                }
                _ => {
                    if let Some(c) = self.clause(p) {
                        clauses.push(c);
                    }
                }
            }
        }
        let open = open?;
        self.check_braces(open, missing_open, close, "agreement");
        Some(Agreement {
            title: title?,
            body: Block {
                open,
                items: clauses,
                close,
            },
            span,
        })
    }

    fn clause(&mut self, pair: Pair<'t, Rule>) -> Option<Clause> {
        let span = span_of(&pair);
        let rule = pair.as_rule();
        if rule == Rule::goal_def {
            return self.goal_def(pair).map(|g| Clause {
                kind: ClauseKind::Goal(g),
                span,
            });
        }
        if rule == Rule::party_block {
            return self.party_block(pair).map(|p| Clause {
                kind: ClauseKind::Party(p),
                span,
            });
        }
        if rule == Rule::allow_clause {
            return self.allow(pair).map(|a| Clause {
                kind: ClauseKind::Allow(a),
                span,
            });
        }
        // The parts are read in order (texts last), without collecting them:
        // the errors a text or a duration reports come out in the same order.
        let mut parts = pair.into_inner();
        let kind = match rule {
            Rule::status_clause => {
                let v = parts.find(|p| p.as_rule() == Rule::status_value)?;
                let value = match v.as_str() {
                    "draft" => Status::Draft,
                    "proposed" => Status::Proposed,
                    "signed" => Status::Signed,
                    "active" => Status::Active,
                    _ => Status::Ended,
                };
                ClauseKind::Status {
                    value,
                    value_span: span_of(&v),
                }
            }
            Rule::purpose_clause => ClauseKind::Purpose(self.last_text(parts)?),
            Rule::wind_down_clause => ClauseKind::WindDown(self.last_text(parts)?),
            Rule::creates_clause => ClauseKind::Creates(self.last_text(parts)?),
            Rule::measure_clause => ClauseKind::Measure(self.last_text(parts)?),
            Rule::binding_clause => {
                let v = parts.nth(1)?;
                ClauseKind::Binding {
                    value: v.as_rule() == Rule::kw_yes,
                    value_span: span_of(&v),
                }
            }
            Rule::term_clause => {
                let start = self.date(&parts.nth(1)?);
                let second = parts.next()?;
                let end = match second.as_rule() {
                    Rule::kw_open_ended => TermEnd::OpenEnded(span_of(&second)),
                    _ => TermEnd::Date(self.date(&parts.next()?)),
                };
                ClauseKind::Term { start, end }
            }
            Rule::review_clause => {
                let every = self.duration(&parts.nth(2)?)?;
                ClauseKind::Review {
                    every,
                    description: self.last_text(parts),
                }
            }
            Rule::exit_clause => {
                let mut notice = None;
                let mut description = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::duration if notice.is_none() => notice = Some(self.duration(&p)?),
                        Rule::string => description = Some(self.text_of(p)),
                        _ => {}
                    }
                }
                ClauseKind::Exit {
                    notice,
                    description: description?,
                }
            }
            Rule::channel_clause => {
                let ends = self.endpoints(&parts.nth(1)?)?;
                let mut every = None;
                let mut description = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::duration if every.is_none() => every = Some(self.duration(&p)?),
                        Rule::string => description = Some(self.text_of(p)),
                        _ => {}
                    }
                }
                ClauseKind::Channel {
                    ends,
                    every,
                    description,
                }
            }
            Rule::escalation_clause => {
                let ends = self.endpoints(&parts.nth(1)?)?;
                ClauseKind::Escalation {
                    ends,
                    description: self.last_text(parts),
                }
            }
            Rule::decides_clause => {
                let who = parts.nth(1)?;
                let deciders = match who.as_rule() {
                    Rule::kw_all => Deciders::All(span_of(&who)),
                    _ => Deciders::Parties(who.into_inner().map(|p| ident(&p)).collect()),
                };
                ClauseKind::Decides {
                    deciders,
                    description: self.last_text(parts),
                }
            }
            Rule::risk_clause => {
                let mut description = None;
                let mut mitigation = None;
                for p in parts.filter(|p| p.as_rule() == Rule::string) {
                    let text = self.text_of(p);
                    if description.is_none() {
                        description = Some(text);
                    } else if mitigation.is_none() {
                        mitigation = Some(text);
                    }
                }
                ClauseKind::Risk {
                    description: description?,
                    mitigation,
                }
            }
            _ => return None,
        };
        Some(Clause { kind, span })
    }

    /// Reads every string among `parts` (reporting their errors) and
    /// returns the last one.
    fn last_text(&mut self, parts: impl Iterator<Item = Pair<'t, Rule>>) -> Option<Text> {
        let mut last = None;
        for p in parts {
            if p.as_rule() == Rule::string {
                last = Some(self.text_of(p));
            }
        }
        last
    }

    fn endpoints(&mut self, pair: &Pair<'t, Rule>) -> Option<Endpoints> {
        let mut parts = pair.clone().into_inner();
        let first = parts.next()?;
        match first.as_rule() {
            Rule::kw_all => Some(Endpoints::All(span_of(&first))),
            _ => {
                let arrow = parts.next()?;
                Some(Endpoints::Link {
                    from: ident(&first),
                    to: ident(&parts.next()?),
                    both: arrow.as_str() == "<->",
                    arrow: span_of(&arrow),
                })
            }
        }
    }

    fn allow(&mut self, pair: Pair<'t, Rule>) -> Option<Allow> {
        let span = span_of(&pair);
        let mut rule = None;
        let mut reason = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::rule_name => rule = Some(ident(&p)),
                Rule::string => reason = Some(self.text_of(p)),
                _ => {}
            }
        }
        Some(Allow {
            rule: rule?,
            reason: reason?,
            span,
        })
    }

    fn party_block(&mut self, pair: Pair<'t, Rule>) -> Option<PartyBlock> {
        let mut id = None;
        let mut name = None;
        let mut open = None;
        let mut close = None;
        let parts = pair.into_inner();
        let mut items: Vec<PartyItem> = Vec::with_capacity(parts.len());
        let mut missing_open = false;
        for p in parts {
            match p.as_rule() {
                Rule::kw_party => {}
                Rule::ident => id = Some(ident(&p)),
                Rule::string => name = Some(self.text_of(p)),
                Rule::open_brace => open = Some(span_of(&p)),
                Rule::missing_open_party => {
                    let after = name
                        .as_ref()
                        .map(|n: &Text| n.span.end as usize)
                        .or(id.as_ref().map(|i: &Ident| i.span.end as usize));
                    open = Some(self.missing_open(after, &p));
                    missing_open = true;
                }
                Rule::close_brace => close = Some(span_of(&p)),
                Rule::bad_party_item => {
                    let s = span_of(&p);
                    let prev = items.last().map(|i| i.span);
                    self.bad(Level::Party, s, prev);
                    items.push(PartyItem {
                        kind: PartyItemKind::Error,
                        span: s,
                    });
                }
                _ => {
                    if let Some(item) = self.party_item(p) {
                        items.push(item);
                    }
                }
            }
        }
        let open = open?;
        self.check_braces(open, missing_open, close, "party");
        Some(PartyBlock {
            id: id?,
            name,
            body: Block { open, items, close },
        })
    }

    fn party_item(&mut self, pair: Pair<'t, Rule>) -> Option<PartyItem> {
        let span = span_of(&pair);
        let rule = pair.as_rule();
        if rule == Rule::allow_clause {
            return self.allow(pair).map(|a| PartyItem {
                kind: PartyItemKind::Allow(a),
                span,
            });
        }
        let mut parts = pair.into_inner();
        let kind = match rule {
            Rule::kind_item => PartyItemKind::Kind(ident(&parts.nth(1)?)),
            Rule::anonymous_item => PartyItemKind::Anonymous,
            Rule::contact_item => PartyItemKind::Contact(self.last_text(parts)?),
            Rule::pursues_item => {
                PartyItemKind::Pursues(parts.nth(1)?.into_inner().map(|p| ident(&p)).collect())
            }
            Rule::invests_item => PartyItemKind::Invests(self.flow(parts)?),
            Rule::gains_item => PartyItemKind::Gains(self.flow(parts)?),
            Rule::commits_item => {
                let mut by = None;
                let mut text = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::date if by.is_none() => by = Some(self.date(&p)),
                        Rule::string => text = Some(self.text_of(p)),
                        _ => {}
                    }
                }
                PartyItemKind::Commits { text: text?, by }
            }
            Rule::signed_item => PartyItemKind::Signed(self.date(&parts.nth(1)?)),
            _ => return None,
        };
        Some(PartyItem { kind, span })
    }

    fn flow(&mut self, mut parts: Pairs<'t, Rule>) -> Option<Flow> {
        let resource = ident(&parts.nth(1)?);
        let mut flow = Flow {
            resource,
            quantity: None,
            description: None,
            counterpart: None,
            license: None,
        };
        let mut after_license = false;
        let mut after_direction = false;
        for p in parts {
            match p.as_rule() {
                Rule::quantity => {
                    let span = span_of(&p);
                    let mut inner = p.into_inner();
                    let amount = inner.next()?;
                    let unit = ident(&inner.next()?);
                    let text = amount.as_str().to_string();
                    let value = text.parse().unwrap_or(0.0);
                    flow.quantity = Some(Quantity {
                        amount: Number {
                            text,
                            value,
                            span: span_of(&amount),
                        },
                        unit,
                        span,
                    });
                }
                Rule::kw_to | Rule::kw_from => after_direction = true,
                Rule::kw_license => after_license = true,
                Rule::ident if after_direction => flow.counterpart = Some(ident(&p)),
                Rule::string if after_license => flow.license = Some(self.text_of(p)),
                Rule::string => flow.description = Some(self.text_of(p)),
                _ => {}
            }
        }
        Some(flow)
    }

    fn date(&mut self, pair: &Pair<'t, Rule>) -> Date {
        let s = pair.as_str();
        let num =
            |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u16>().ok()).unwrap_or(0);
        Date {
            year: num(0..4),
            month: num(5..7) as u8,
            day: num(8..10) as u8,
            span: span_of(pair),
        }
    }

    fn duration(&mut self, pair: &Pair<'t, Rule>) -> Option<Duration> {
        let span = span_of(pair);
        let mut inner = pair.clone().into_inner();
        let count_pair = inner.next()?;
        let unit_pair = inner.next()?;
        let count = match count_pair.as_str().parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                self.error(
                    span_of(&count_pair),
                    "this number is too large for a duration",
                    None,
                );
                u32::MAX
            }
        };
        let unit_text = unit_pair.as_str().to_string();
        let unit = match unit_text.trim_end_matches('s') {
            "day" => DurationUnit::Day,
            "week" => DurationUnit::Week,
            "month" => DurationUnit::Month,
            _ => DurationUnit::Year,
        };
        Some(Duration {
            count,
            unit,
            unit_text,
            span,
        })
    }

    /// A string literal: escapes resolved, bad escapes and a missing closing
    /// quote reported at the string.
    fn text_of(&mut self, pair: Pair<'t, Rule>) -> Text {
        let span = span_of(&pair);
        let (body, closed) = string_body(pair.as_str());
        let body_start = span.start as usize + 1;
        if !closed {
            self.errors.push(messages::unterminated_error(span));
            self.unterminated = Some(span);
        }
        let value = self.unescape(body, body_start);
        Text { value, span }
    }

    fn unescape(&mut self, body: &str, base: usize) -> String {
        if !body.contains('\\') {
            return body.to_string();
        }
        let mut out = String::with_capacity(body.len());
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, e)) = chars.next() else { break };
            match e {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'u' => {
                    let rest = &body[i + 2..];
                    match parse_unicode_escape(rest) {
                        Some((ch, used)) => {
                            out.push(ch);
                            while chars.peek().is_some_and(|(j, _)| *j < i + 2 + used) {
                                chars.next();
                            }
                        }
                        None => {
                            let end = base + i + 2 + rest.find('}').map_or(0, |p| p + 1);
                            self.error(
                                Span::new(base + i, end),
                                "this `\\u{…}` escape is not a valid character",
                                Some("write 1 to 6 hex digits of a Unicode character, like `\\u{00E9}`".into()),
                            );
                        }
                    }
                }
                other => {
                    self.error(
                        Span::new(base + i, base + i + 1 + other.len_utf8()),
                        format!("`\\{other}` is not an escape a text can use"),
                        Some("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write `\\\\` for a backslash".into()),
                    );
                }
            }
        }
        out
    }
}

/// The body of a string as the grammar reads it (after the opening quote),
/// and whether a closing quote ends it. The body never holds an unescaped
/// quote, so the last quote closes the string unless it is escaped: unless
/// an odd number of backslashes comes right before it.
fn string_body(string: &str) -> (&str, bool) {
    let inner = string.get(1..).unwrap_or("");
    let Some(before) = inner.strip_suffix('"') else {
        return (inner, false);
    };
    let backslashes = before.len() - before.trim_end_matches('\\').len();
    if backslashes % 2 == 0 {
        (before, true)
    } else {
        (inner, false)
    }
}

/// `{XXXX}` after `\u`: the character and the bytes used.
fn parse_unicode_escape(rest: &str) -> Option<(char, usize)> {
    let inner = rest.strip_prefix('{')?;
    let close = inner.find('}')?;
    let hex = &inner[..close];
    if hex.is_empty() || hex.len() > 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
    Some((ch, close + 2))
}

fn ident(pair: &Pair<'_, Rule>) -> Ident {
    Ident {
        name: pair.as_str().to_string(),
        span: span_of(pair),
    }
}

#[cfg(test)]
mod tests {
    use crate::ast::{ClauseKind, Item, PartyItemKind};

    /// Whether a string is closed, told from its text alone.
    #[test]
    fn string_bodies() {
        use super::string_body;
        for (string, body, closed) in [
            ("\"", "", false),
            ("\"\"", "", true),
            ("\"abc\"", "abc", true),
            ("\"abc", "abc", false),
            ("\"a\\\"", "a\\\"", false),
            ("\"a\\\\\"", "a\\\\", true),
            ("\"a\\\\\\\"", "a\\\\\\\"", false),
            ("\"\\", "\\", false),
            ("\"é\"", "é", true),
        ] {
            assert_eq!(string_body(string), (body, closed), "{string}");
        }
        // The same as the grammar reads them, in a clause.
        for text in ["\"a\\\"", "\"a\\\\\"", "\"\\\\\\\"\"", "\"x\\"] {
            let parse = crate::parse(&format!("agreement {text}\n"));
            let unterminated = parse
                .errors
                .iter()
                .any(|e| e.message == "this text has no closing quote");
            assert_eq!(unterminated, !string_body(text).1, "{text}");
        }
    }

    /// A clause ends at its last token, even when an optional part that
    /// could follow is absent and a comment comes after it.
    #[test]
    fn spans_end_at_the_last_token() {
        let text = "party p \"P\"   # a\nagreement \"A\" {\n  risk \"r\"   # b\n  party p {\n    pursues g, h   # c\n  }\n}\n";
        let parse = crate::parse(text);
        assert!(parse.errors.is_empty(), "{:?}", parse.errors);
        let [Item::Party(def), Item::Agreement(agreement)] = parse.file.items.as_slice() else {
            panic!("unexpected items: {:?}", parse.file.items);
        };
        assert_eq!(&text[def.span.range()], "party p \"P\"");
        let risk = &agreement.body.items[0];
        assert_eq!(&text[risk.span.range()], "risk \"r\"");
        let ClauseKind::Party(party) = &agreement.body.items[1].kind else {
            panic!("not a party");
        };
        let pursues = &party.body.items[0];
        assert!(matches!(pursues.kind, PartyItemKind::Pursues(_)));
        assert_eq!(&text[pursues.span.range()], "pursues g, h");
    }
}
