//! Calendar dates: validity, order, and month arithmetic.

use std::fmt;

use mutual_syntax::ast;
use serde::Serialize;

/// A valid Gregorian date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    /// The date if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(())?;
        Some(CalendarDate { year, month, day })
    }

    /// A date as written in a file, if it exists.
    pub fn from_ast(date: &ast::Date) -> Option<Self> {
        CalendarDate::new(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        CalendarDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        CalendarDate::from_days((secs / 86_400) as i64)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        CalendarDate::from_days(self.days() + days)
    }

    /// Calendar months later; the day is clamped to the month's length
    /// (January 31 plus one month is the last day of February).
    pub fn add_months(self, months: i64) -> Self {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        CalendarDate { year, month, day }
    }

    /// The date a duration later.
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, duration: &ast::Duration) -> Self {
        let n = i64::from(duration.count);
        match duration.unit {
            ast::DurationUnit::Day => self.add_days(n),
            ast::DurationUnit::Week => self.add_days(n * 7),
            ast::DurationUnit::Month => self.add_months(n),
            ast::DurationUnit::Year => self.add_months(n * 12),
        }
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(CalendarDate::new(2026, 2, 30).is_none());
        assert!(CalendarDate::new(2024, 2, 29).is_some());
        assert!(CalendarDate::new(2100, 2, 29).is_none());
        assert!(CalendarDate::new(2000, 2, 29).is_some());
        assert!(CalendarDate::new(2026, 13, 1).is_none());
        assert!(CalendarDate::new(2026, 4, 31).is_none());
    }

    #[test]
    fn days_round_trip() {
        let d = CalendarDate::new(2026, 11, 23).unwrap();
        assert_eq!(CalendarDate::from_days(d.days()), d);
        assert_eq!(CalendarDate::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(d.add_days(38).to_string(), "2026-12-31");
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = CalendarDate::new(2026, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2026-02-28");
        assert_eq!(d.add_months(12).to_string(), "2027-01-31");
        assert_eq!(
            CalendarDate::parse("2026-03-01")
                .unwrap()
                .add_months(6)
                .to_string(),
            "2026-09-01"
        );
    }
}
