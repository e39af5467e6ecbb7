use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::time::{term, Dated};

declare_rule! {
    /// ## What it checks
    ///
    /// A promise made with `commits "…" by DATE` is due before the term
    /// starts or after it ends.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A commitment is what puts a partner on the hook, and the term is the
    /// time during which the agreement holds. A promise due outside that
    /// time is either a mistyped date or a promise the agreement cannot
    /// back: the other side cannot count on it.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-02-28
    ///   party wmil "Wikimedia Israel" {
    ///     commits "Lead ten photo walks" by 2027-06-30
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walks" {
    ///   term 2026-03-01 to 2027-02-28
    ///   party wmil "Wikimedia Israel" {
    ///     commits "Lead ten photo walks" by 2026-12-31
    ///   }
    /// }
    /// ```
    pub RULE = { name: "commitment-outside-term", group: Time, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let Some(term) = term(a).filter(|t| !t.is_reversed()) else {
            continue;
        };
        for party in &a.parties {
            for commitment in &party.commits {
                let Some(by) = commitment.by.and_then(Dated::new) else {
                    continue;
                };
                let (limit, message) = match (term.start, term.end) {
                    (Some(start), _) if by.date < start.date => (
                        start,
                        format!(
                            "{} commits to \"{}\" by {}, before the term starts on {}: the agreement does not hold yet on that date",
                            party.name, commitment.text.value, by.date, start.date
                        ),
                    ),
                    (_, Some(end)) if by.date > end.date => (
                        end,
                        format!(
                            "{} commits to \"{}\" by {}, after the term ends on {}: the agreement no longer holds on that date",
                            party.name, commitment.text.value, by.date, end.date
                        ),
                    ),
                    _ => continue,
                };
                let what = if limit.date > by.date {
                    "the term starts here"
                } else {
                    "the term ends here"
                };
                out.push(
                    ctx.diagnostic(&RULE, by.ast.span, message)
                        .in_agreement(a.index)
                        .about_party(&party.id.name)
                        .with_related(ctx.source(), limit.ast.span, what),
                );
            }
        }
    }
}
