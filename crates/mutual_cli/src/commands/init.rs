//! `mutual init`: a commented starter agreement and a `mutual.toml` in the
//! current folder.
//!
//! Neither file is ever overwritten: if one exists, nothing is written and
//! the exit code is 2. The starter's term starts on the first day of next
//! month and runs for a year, so it is neither expired nor about to expire
//! the day it is written.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::InitArgs;

const AGREEMENT_FILE: &str = "agreement.mutual";
const CONFIG_FILE: &str = "mutual.toml";

pub fn run(_args: InitArgs) -> ExitCode {
    let today = Date::today();
    let files = [
        (AGREEMENT_FILE, starter_agreement(today)),
        (CONFIG_FILE, starter_config(today)),
    ];
    for (name, _) in &files {
        if Path::new(name).symlink_metadata().is_ok() {
            eprintln!("mutual: {name} already exists; `mutual init` does not overwrite it, so nothing was written");
            return ExitCode::from(2);
        }
    }
    let mut written = Vec::new();
    for (name, contents) in &files {
        if let Err(err) = create_new(name, contents) {
            if err.kind() == io::ErrorKind::AlreadyExists {
                eprintln!("mutual: {name} already exists; `mutual init` does not overwrite it, so nothing was written");
            } else {
                eprintln!("mutual: could not write {name}: {err}");
            }
            // Leave the folder as it was found.
            for done in written {
                let _ = fs::remove_file(done);
            }
            return ExitCode::from(2);
        }
        written.push(*name);
    }
    println!(
        "Wrote {AGREEMENT_FILE} and {CONFIG_FILE}. Edit the agreement, then run `mutual check`."
    );
    ExitCode::SUCCESS
}

/// Writes a file that must not exist yet.
fn create_new(name: &str, contents: &str) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(name)?;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// The starter agreement: every clause of the language, each explained by
/// the comment above it, in the canonical layout.
fn starter_agreement(today: Date) -> String {
    let start = today.first_of_next_month();
    let end = start.plus_one_year_minus_a_day();
    STARTER_AGREEMENT
        .replace("{start}", &start.to_string())
        .replace("{end}", &end.to_string())
        .replace("{today}", &today.to_string())
}

fn starter_config(today: Date) -> String {
    STARTER_CONFIG.replace("{today}", &today.to_string())
}

const STARTER_AGREEMENT: &str = r#"# A starter agreement written by `mutual init`. Replace the names and the
# texts with your own, then run `mutual check` to see what is still missing.
# A line that starts with `#` is a comment: the checker ignores it.
#
# A partnership has at least two sides; each side invests something, each
# side gains something, and they pursue a goal together.

agreement "Editing workshops at the city library" {
  # Where the agreement stands: draft, proposed, signed, active or ended.
  status draft
  # What the partners set out to do together, in one sentence.
  purpose "Monthly workshops where library visitors learn to edit Wikipedia"
  # Whether the agreement is legally binding: yes or no.
  binding no
  # When it starts and ends (YYYY-MM-DD), or `open-ended` instead of `to ...`.
  term {start} to {end}
  # How often the partners look back at it together, and how.
  review every 6 months "Joint review of attendance and of the articles written"
  # How a partner can leave, and with how much notice.
  exit notice 30 days "Either side may end the agreement in writing"
  # What happens to what was made together once the agreement ends.
  wind-down "Articles and photos stay online under their licences"
  # What the partnership creates that neither side has alone.
  creates "A workshop series that neither side could run alone"
  # How you will know that it worked.
  measure "100 participants and 150 improved articles in the first year"

  # A goal: an id used below, then what it means.
  goal local_history "Well-sourced Wikipedia articles about the city's history"

  # A party: an id used in the rest of the file, then its name.
  party chapter "Wikimedia chapter" {
    # What kind of side it is: chapter, library, museum, university, person...
    kind chapter
    # Who to talk to.
    contact "Dana Levi <dana@example.org>"
    # The goals it pursues, by id, separated by commas.
    pursues local_history
    # What it puts in: a kind of resource, an amount if it has one, and what.
    invests time 40 hours "Two trainers at every workshop"
    invests expertise "Curriculum and handouts"
    # What it gets out of it.
    gains members "New editors recruited at the workshops"
    gains content "Articles written during the workshops"
    # What it promises to do, and by when.
    commits "Run ten workshops" by {end}
    # Once the side has signed, write the date, as in: signed {today}
  }

  party library "City library" {
    kind library
    contact "Avi Cohen <avi@example.org>"
    pursues local_history
    invests venue "The computer lab on one Tuesday evening a month"
    invests promotion "A listing in the monthly events newsletter"
    gains visitors "New people coming to the library"
    gains mission "The workshops count toward the cultural-events programme"
    commits "Book the lab and advertise every workshop"
  }

  # How the partners keep in touch: `<->` both ways, and how often.
  channel chapter <-> library every 1 month "Coordination call"
  # Where a problem goes when the usual channel is not enough, both ways.
  escalation chapter <-> library "Programme leads, by email, answered within a week"
  # Who decides on changes: `all`, or the ids of the deciding sides.
  decides all "Changes need the agreement of both sides"
  # What could go wrong, and what the partners will do about it.
  risk "A trainer cannot come" mitigation "A reserve trainer is named for each workshop"
  # To switch a rule off for this agreement, say why, as in:
  # allow missing-measure because "Targets are set at the first review"
}
"#;

const STARTER_CONFIG: &str = r#"# Settings of the Mutual checker, written by `mutual init`.
# The folder holding this file is the project root: imports may not leave it.

[rules]
# The level of a rule: "error", "warning", "info", "hint" or "off".
# `mutual rules` lists every rule; `mutual explain RULE` tells what it checks.
# missing-review = "error"
# nonfree-license = "off"

[check]
# The date the checker takes as today; fix it for reproducible CI runs.
# today = "{today}"
# `expires-soon` warns when a term ends within this many days.
expires-soon-days = 60
# Files and folders not to check, as globs relative to this folder.
exclude = []

[vocabulary]
# Party kinds and resource kinds of your own, added to the built-in ones.
# party-kinds = ["cooperative"]
# resource-kinds = ["licences"]
"#;

/// A calendar date, enough of one for the starter's term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Date {
    year: i64,
    month: u32,
    day: u32,
}

impl Date {
    /// Today in UTC, from the system clock.
    fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }

    fn first_of_next_month(self) -> Date {
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        }
    }

    /// For the first of a month: the last day of the month before, a year on.
    fn plus_one_year_minus_a_day(self) -> Date {
        let (year, month) = if self.month == 1 {
            (self.year, 12)
        } else {
            (self.year + 1, self.month - 1)
        };
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_the_clock() {
        assert_eq!(
            Date::from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(Date::from_days(20_780).to_string(), "2026-11-23");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
    }

    #[test]
    fn the_starter_term_runs_one_year_from_next_month() {
        let nov = Date {
            year: 2026,
            month: 11,
            day: 23,
        };
        let start = nov.first_of_next_month();
        assert_eq!(start.to_string(), "2026-12-01");
        assert_eq!(start.plus_one_year_minus_a_day().to_string(), "2027-11-30");
        let dec = Date {
            year: 2026,
            month: 12,
            day: 31,
        };
        let start = dec.first_of_next_month();
        assert_eq!(start.to_string(), "2027-01-01");
        assert_eq!(start.plus_one_year_minus_a_day().to_string(), "2027-12-31");
        let feb = Date {
            year: 2027,
            month: 2,
            day: 3,
        }
        .first_of_next_month();
        assert_eq!(feb.plus_one_year_minus_a_day().to_string(), "2028-02-29");
    }

    #[test]
    fn the_starter_agreement_parses_and_is_canonical() {
        for days in [0, 20_780, 20_800, 30_000] {
            let text = starter_agreement(Date::from_days(days));
            let parse = mutual_syntax::parse(&text);
            assert!(parse.errors.is_empty(), "{:?}", parse.errors);
            assert_eq!(mutual_fmt::format(&text).as_deref(), Ok(text.as_str()));
            for placeholder in ["{start}", "{end}", "{today}"] {
                assert!(!text.contains(placeholder), "{placeholder} was left");
            }
        }
    }

    #[test]
    fn the_starter_config_has_the_documented_sections() {
        let text = starter_config(Date::from_days(20_780));
        for needle in [
            "[rules]",
            "[check]",
            "# today = \"2026-11-23\"",
            "expires-soon-days = 60",
            "exclude = []",
            "[vocabulary]",
            "party-kinds",
            "resource-kinds",
        ] {
            assert!(text.contains(needle), "{needle} is missing:\n{text}");
        }
    }
}
