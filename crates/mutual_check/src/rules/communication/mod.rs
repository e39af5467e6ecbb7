//! Communication: can problems travel both ways?
//!
//! Also holds what the two "one way" rules share: reading the links of
//! `channel` or `escalation` lines ([`links`]) and reporting the ones that go
//! one way only ([`one_way`]).

pub mod missing_channel;
pub mod missing_escalation;
pub mod one_way_channel;
pub mod one_way_escalation;
pub mod party_out_of_loop;

use mutual_syntax::ast::{ClauseKind, Endpoints, Ident};
use mutual_syntax::Span;

use crate::context::Context;
use crate::diagnostic::{Diagnostic, Fix};
use crate::model::AgreementModel;
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &missing_channel::RULE,
    &party_out_of_loop::RULE,
    &one_way_channel::RULE,
    &missing_escalation::RULE,
    &one_way_escalation::RULE,
];

/// Which lines to read: `channel` or `escalation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LinkKind {
    Channel,
    Escalation,
}

/// One `a -> b` or `a <-> b`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Link<'p> {
    pub from: &'p Ident,
    pub to: &'p Ident,
    pub both: bool,
    pub arrow: Span,
}

impl Link<'_> {
    /// Whether reports can go from `a` to `b` along this link.
    fn carries(&self, a: &str, b: &str) -> bool {
        (self.from.name == a && self.to.name == b)
            || (self.both && self.from.name == b && self.to.name == a)
    }
}

/// The links of one kind in an agreement, and whether one of them is `all`.
pub(crate) fn links<'p>(a: &AgreementModel<'p>, kind: LinkKind) -> (bool, Vec<Link<'p>>) {
    let mut all = false;
    let mut out = Vec::new();
    for clause in a.clauses() {
        let ends = match (&clause.kind, kind) {
            (ClauseKind::Channel { ends, .. }, LinkKind::Channel)
            | (ClauseKind::Escalation { ends, .. }, LinkKind::Escalation) => ends,
            _ => continue,
        };
        match ends {
            Endpoints::All(_) => all = true,
            Endpoints::Link {
                from,
                to,
                both,
                arrow,
            } => out.push(Link {
                from,
                to,
                both: *both,
                arrow: *arrow,
            }),
        }
    }
    (all, out)
}

/// Reports every `a -> b` line with no way back (`b -> a`, `a <-> b` or
/// `all`), at its arrow, with a fix turning `->` into `<->`.
pub(crate) fn one_way(
    ctx: &Context<'_>,
    rule: &'static RuleMeta,
    kind: LinkKind,
    out: &mut Vec<Diagnostic>,
) {
    for a in &ctx.model.agreements {
        let (all, links) = links(a, kind);
        if all {
            continue;
        }
        for link in links.iter().filter(|l| !l.both) {
            let (from, to) = (link.from.name.as_str(), link.to.name.as_str());
            if links.iter().any(|l| l.carries(to, from)) {
                continue;
            }
            let name = |id: &str| {
                a.party(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone())
            };
            let (from_name, to_name) = (name(from), name(to));
            let message = match kind {
                LinkKind::Channel => format!(
                    "{from_name} can reach {to_name} through this channel, but {to_name} has no channel back: reports can go one way only"
                ),
                LinkKind::Escalation => format!(
                    "{from_name} can escalate a problem to {to_name}, but {to_name} has no way to escalate back: trouble tickets must go both ways"
                ),
            };
            let mut d = ctx
                .diagnostic(rule, link.arrow, message)
                .in_agreement(a.index)
                .with_fix(Fix::replace("Make it two-way: `<->`", link.arrow, "<->"));
            if let Some(p) = a.party(to) {
                d = d.with_related(
                    ctx.source(),
                    p.id.span,
                    format!("{} has no way back", p.name),
                );
            }
            out.push(d);
        }
    }
}
