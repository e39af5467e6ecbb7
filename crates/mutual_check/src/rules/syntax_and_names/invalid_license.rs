use mutual_syntax::suggest::closest;
use spdx::error::{ParseError, Reason};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::content::{license_lines, parse_license};
use crate::rules::syntax_and_names::{is_blank, party_label};

declare_rule! {
    /// ## What it checks
    ///
    /// Every `license "…"` on an `invests` line is a license expression as
    /// the SPDX license list writes it: an identifier such as
    /// `CC-BY-SA-4.0`, `CC0-1.0` or `CC-BY-SA-3.0-IGO`, or several joined
    /// with `OR` (any one of them may be used) or `AND` (all of them apply),
    /// with brackets where needed. Identifiers are written exactly as on the
    /// list, capital letters included; outdated identifiers are refused.
    /// When a close identifier exists, the message suggests it.
    ///
    /// An empty license is reported by `empty-text` instead.
    ///
    /// ## Why it matters for a partnership
    ///
    /// The license says what the other sides, and the public, may do with
    /// the content or data a side brings: copy it, change it, publish it.
    /// "CC BY SA", "Creative Commons" or "free" can each be read in several
    /// ways; an exact identifier can be read only one way, by people and by
    /// the sites that will host the work.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Archive photos" {
    ///   party museum "Haifa City Museum" {
    ///     invests content 300 photos "Scans of the photo archive" license "CC BY-SA 4.0"
    ///     gains visibility "Credit on every photo"
    ///   }
    ///   party chapter "Wikimedia Israel" {
    ///     invests time "Uploading and describing the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Archive photos" {
    ///   party museum "Haifa City Museum" {
    ///     invests content 300 photos "Scans of the photo archive" license "CC-BY-SA-4.0"
    ///     gains visibility "Credit on every photo"
    ///   }
    ///   party chapter "Wikimedia Israel" {
    ///     invests time "Uploading and describing the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// When the expression can be read with a small correction, the fix
    /// writes the corrected expression. A correction of capital letters or
    /// spaces only (`cc-by-sa-4.0`, `CC BY-SA 4.0`) is applied as a safe
    /// fix; any other correction (a version added, an outdated identifier
    /// replaced) changes which license is named, so it is offered for you to
    /// check.
    pub RULE = { name: "invalid-license", group: SyntaxAndNames, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for line in license_lines(ctx) {
        let value = &line.text.value;
        if is_blank(value) {
            continue;
        }
        let Err(error) = parse_license(value) else {
            continue;
        };
        let suggestion = suggest(value, &error);
        let party = party_label(line.party);
        let mut message = format!(
            "{party}'s license \"{value}\" is not a valid SPDX license expression: {}",
            explain(value, &error)
        );
        if let Some(s) = &suggestion {
            message.push_str(&format!("; did you mean \"{}\"?", s.text));
        }
        let mut d = ctx
            .diagnostic(&RULE, line.text.span, message)
            .in_agreement(line.agreement)
            .about_party(&line.party.id.name)
            .with_help(
                "Write identifiers as on the SPDX license list (spdx.org/licenses), such as CC-BY-SA-4.0, CC-BY-4.0 or CC0-1.0, and join several with OR or AND.",
            );
        if let Some(s) = suggestion {
            let edits = vec![Edit {
                span: line.text.span,
                replacement: quote(&s.text),
            }];
            let title = format!("Replace with \"{}\"", s.text);
            d = d.with_fix(if s.safe {
                Fix::safe(title, edits)
            } else {
                Fix::unsafe_(title, edits)
            });
        }
        out.push(d);
    }
}

/// A corrected expression, and whether the correction keeps the meaning
/// (letter case and spacing only).
#[derive(Debug, PartialEq, Eq)]
struct Suggestion {
    text: String,
    safe: bool,
}

/// What is wrong, in plain words.
fn explain(value: &str, error: &ParseError) -> String {
    let term = value.get(error.span.clone()).unwrap_or("").trim();
    let unknown = matches!(error.reason, Reason::UnknownLicense | Reason::UnknownTerm);
    if unknown && value.trim().contains(char::is_whitespace) {
        let joined = value.split_whitespace().collect::<Vec<_>>().join("-");
        if license_ignoring_case(&joined).is_some() {
            return "license identifiers are written with hyphens, not spaces".to_string();
        }
    }
    match &error.reason {
        Reason::UnknownLicense | Reason::UnknownTerm => match license_ignoring_case(term) {
            Some(id) => {
                format!("the SPDX list writes `{term}` as `{id}`, capital letters included")
            }
            None => format!("`{term}` is not on the SPDX license list"),
        },
        Reason::UnknownException => format!("`{term}` is not a license exception on the SPDX list"),
        Reason::DeprecatedLicenseId => format!("`{term}` is an outdated SPDX identifier"),
        Reason::InvalidCharacters => {
            format!("`{term}` holds characters a license expression cannot have")
        }
        Reason::UnclosedParens => "a bracket is opened and never closed".to_string(),
        Reason::UnopenedParens => "a bracket is closed that was never opened".to_string(),
        Reason::Empty => "it names no license".to_string(),
        Reason::Unexpected(_) if term.is_empty() => {
            "it ends where a license is expected".to_string()
        }
        Reason::Unexpected(_) => format!("`{term}` is out of place"),
        Reason::SeparatedPlus => {
            "a `+` must follow the license identifier without a space".to_string()
        }
        Reason::GnuNoPlus | Reason::GnuPlusWithSuffix => {
            "GNU licenses are written with `-or-later`, not `+`".to_string()
        }
    }
}

/// The closest valid expression, if a small correction gives one.
fn suggest(value: &str, error: &ParseError) -> Option<Suggestion> {
    // "CC BY-SA 4.0", "cc-by-sa-4.0": one license with spaces or wrong case.
    let joined = value.split_whitespace().collect::<Vec<_>>().join("-");
    if let Some(id) = license_ignoring_case(&joined) {
        return Some(Suggestion {
            text: id.to_string(),
            safe: true,
        });
    }
    // Correct unknown identifiers one at a time.
    let unknown_at = |e: &ParseError| {
        matches!(e.reason, Reason::UnknownLicense | Reason::UnknownTerm).then(|| e.span.clone())
    };
    let mut text = value.to_string();
    let mut next = unknown_at(error);
    let mut safe = true;
    for _ in 0..8 {
        let Some(span) = next.take() else {
            break;
        };
        let term = text.get(span.clone())?;
        let (replacement, exact) = match license_ignoring_case(term) {
            Some(id) => (id, true),
            None => (closest(term, current_licenses())?, false),
        };
        safe &= exact;
        text.replace_range(span, replacement);
        match parse_license(&text) {
            Ok(_) => return Some(Suggestion { text, safe }),
            Err(e) => next = unknown_at(&e),
        }
    }
    // Outdated or imprecise identifiers, lower-case operators.
    let canonical = spdx::Expression::canonicalize(value).ok()??;
    parse_license(&canonical).ok()?;
    Some(Suggestion {
        text: canonical,
        safe: false,
    })
}

/// Identifiers on the current list (outdated ones left out).
fn current_licenses() -> impl Iterator<Item = &'static str> {
    spdx::identifiers::LICENSES
        .iter()
        .filter(|l| l.flags & spdx::flags::IS_DEPRECATED == 0)
        .map(|l| l.name)
}

/// The current identifier equal to `term` but for letter case.
fn license_ignoring_case(term: &str) -> Option<&'static str> {
    current_licenses().find(|name| name.eq_ignore_ascii_case(term))
}

/// A string literal for `value`.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(value: &str) -> Option<Suggestion> {
        let error = parse_license(value).expect_err("invalid");
        suggest(value, &error)
    }

    fn reason(value: &str) -> String {
        let error = parse_license(value).expect_err("invalid");
        explain(value, &error)
    }

    #[test]
    fn valid_expressions() {
        for ok in [
            "CC-BY-SA-4.0",
            "CC0-1.0",
            "CC-BY-4.0 OR CC-BY-SA-4.0",
            "CC-BY-SA-3.0-IGO",
            "CC-BY-NC-ND-3.0-IGO",
            "(CC-BY-4.0 AND ODbL-1.0) OR CC0-1.0",
            "LicenseRef-museum-terms",
            "GPL-3.0-or-later",
        ] {
            assert!(parse_license(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn spacing_and_case_are_safe() {
        let s = suggestion("CC BY-SA 4.0").expect("suggestion");
        assert_eq!(s.text, "CC-BY-SA-4.0");
        assert!(s.safe);
        let s = suggestion("cc-by-sa-4.0").expect("suggestion");
        assert_eq!(s.text, "CC-BY-SA-4.0");
        assert!(s.safe);
        let s = suggestion("cc-by-4.0 OR CC0-1.0").expect("suggestion");
        assert_eq!(s.text, "CC-BY-4.0 OR CC0-1.0");
        assert!(s.safe);
    }

    #[test]
    fn typos_are_suggested_but_not_safe() {
        let s = suggestion("CC-BY-SA-4").expect("suggestion");
        assert_eq!(s.text, "CC-BY-SA-4.0");
        assert!(!s.safe);
        let s = suggestion("CC-BY-4.0 OR CC-BY-SA-40").expect("suggestion");
        assert_eq!(s.text, "CC-BY-4.0 OR CC-BY-SA-4.0");
        assert!(!s.safe);
    }

    #[test]
    fn outdated_identifiers() {
        assert_eq!(
            reason("GPL-2.0"),
            "`GPL-2.0` is an outdated SPDX identifier"
        );
        let s = suggestion("GPL-2.0").expect("suggestion");
        assert_eq!(s.text, "GPL-2.0-only");
        assert!(!s.safe);
    }

    #[test]
    fn no_suggestion_for_prose() {
        assert_eq!(suggestion("Creative Commons, please ask first"), None);
        assert_eq!(reason("free"), "`free` is not on the SPDX license list");
    }

    #[test]
    fn structure_errors() {
        assert_eq!(
            reason("(CC-BY-4.0 OR MIT"),
            "a bracket is opened and never closed"
        );
        assert_eq!(
            reason("CC-BY-4.0 OR"),
            "it ends where a license is expected"
        );
        assert_eq!(
            reason("CC BY-SA 4.0"),
            "license identifiers are written with hyphens, not spaces"
        );
        assert_eq!(
            reason("cc-by-4.0"),
            "the SPDX list writes `cc-by-4.0` as `CC-BY-4.0`, capital letters included"
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
