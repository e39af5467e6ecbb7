use mutual_syntax::ast::{ClauseKind, Date, TermEnd};

use crate::context::Context;
use crate::date::{days_in_month, CalendarDate};
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::syntax_and_names::party_label;

declare_rule! {
    /// ## What it checks
    ///
    /// Every date in the agreement is a real day of the calendar: the start
    /// and end of the `term`, the deadline of each `commits … by`, and each
    /// `signed` date. A date such as 2026-02-30 or 2026-13-01 is written
    /// correctly but does not exist.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Dates are where the sides' promises meet the calendar: when the
    /// agreement starts and ends, when work is due, when each side signed.
    /// A day that does not exist is almost always a slip of the keyboard,
    /// but until it is corrected nobody can say whether a deadline was met
    /// or whether the agreement is still running, so the checker cannot
    /// judge the agreement either.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   term 2026-03-01 to 2027-02-30
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
    ///   term 2026-03-01 to 2027-02-28
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
    pub RULE = { name: "invalid-date", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for clause in a.clauses() {
            if let ClauseKind::Term { start, end } = &clause.kind {
                if let Some(why) = problem(start) {
                    let text = ctx.text(start.span);
                    out.push(
                        ctx.diagnostic(
                            &RULE,
                            start.span,
                            format!("the term starts on {text}, a date that does not exist: {why}"),
                        )
                        .in_agreement(a.index),
                    );
                }
                if let TermEnd::Date(end) = end {
                    if let Some(why) = problem(end) {
                        let text = ctx.text(end.span);
                        out.push(
                            ctx.diagnostic(
                                &RULE,
                                end.span,
                                format!(
                                    "the term ends on {text}, a date that does not exist: {why}"
                                ),
                            )
                            .in_agreement(a.index),
                        );
                    }
                }
            }
        }
        for party in &a.parties {
            let name = party_label(party);
            let dates = party
                .commits
                .iter()
                .filter_map(|c| c.by)
                .map(|d| (d, "is due by"))
                .chain(party.signed.iter().map(|d| (*d, "signed on")));
            for (date, what) in dates {
                let Some(why) = problem(date) else {
                    continue;
                };
                let text = ctx.text(date.span);
                let message = if what == "signed on" {
                    format!("{name} signed on {text}, a date that does not exist: {why}")
                } else {
                    format!(
                        "a commitment of {name} is due by {text}, a date that does not exist: {why}"
                    )
                };
                out.push(
                    ctx.diagnostic(&RULE, date.span, message)
                        .in_agreement(a.index)
                        .about_party(&party.id.name),
                );
            }
        }
    }
}

/// Why a date does not exist, or `None` when it does.
fn problem(date: &Date) -> Option<String> {
    if CalendarDate::from_ast(date).is_some() {
        return None;
    }
    let year = i32::from(date.year);
    let month = u32::from(date.month);
    Some(match month_name(month) {
        None => format!("there is no month {month:02}; months run from 01 to 12"),
        Some(_) if date.day == 0 => "days are counted from 01".to_string(),
        Some(name) => format!("{name} {year} has {} days", days_in_month(year, month)),
    })
}

fn month_name(month: u32) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::try_from(month).ok()?.checked_sub(1)?)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mutual_syntax::Span;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month,
            day,
            span: Span::default(),
        }
    }

    #[test]
    fn reasons() {
        assert_eq!(problem(&date(2026, 2, 28)), None);
        assert_eq!(problem(&date(2024, 2, 29)), None);
        assert_eq!(
            problem(&date(2026, 2, 29)).as_deref(),
            Some("February 2026 has 28 days")
        );
        assert_eq!(
            problem(&date(2100, 2, 29)).as_deref(),
            Some("February 2100 has 28 days")
        );
        assert_eq!(
            problem(&date(2026, 4, 31)).as_deref(),
            Some("April 2026 has 30 days")
        );
        assert_eq!(
            problem(&date(2026, 13, 1)).as_deref(),
            Some("there is no month 13; months run from 01 to 12")
        );
        assert_eq!(
            problem(&date(2026, 0, 10)).as_deref(),
            Some("there is no month 00; months run from 01 to 12")
        );
        assert_eq!(
            problem(&date(2026, 5, 0)).as_deref(),
            Some("days are counted from 01")
        );
        assert_eq!(
            problem(&date(2026, 5, 99)).as_deref(),
            Some("May 2026 has 31 days")
        );
    }
}
