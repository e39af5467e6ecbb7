use spdx::LicenseReq;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::content::{license_lines, parse_license};
use crate::rules::syntax_and_names::party_label;

declare_rule! {
    /// ## What it checks
    ///
    /// A `license` leaves no free choice: every license it offers is a
    /// Creative Commons NonCommercial (NC) or NoDerivatives (ND) license,
    /// such as `CC-BY-NC-4.0`, `CC-BY-ND-4.0`, `CC-BY-NC-SA-4.0` or
    /// `CC-BY-NC-ND-3.0-IGO`.
    ///
    /// With `OR` the user may pick any one of the licenses, so
    /// `CC-BY-NC-4.0 OR CC-BY-SA-4.0` is fine: CC-BY-SA-4.0 can be chosen.
    /// With `AND` all of them apply, so one NC or ND part is enough to
    /// restrict the whole.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Free-knowledge projects such as Wikipedia and Wikimedia Commons only
    /// host work that anyone may reuse, change and even sell. A
    /// NonCommercial or NoDerivatives license rules that out, so content a
    /// side brings under such a license cannot be used for the shared goal,
    /// even though both sides meant well. Better to find out now, and ask
    /// whether a free license is possible, than after the photos are taken.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Archive photos" {
    ///   party museum "Haifa City Museum" {
    ///     invests content 300 photos "Scans of the photo archive" license "CC-BY-NC-4.0"
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
    ///     invests content 300 photos "Scans of the photo archive" license "CC-BY-NC-4.0 OR CC-BY-SA-4.0"
    ///     gains visibility "Credit on every photo"
    ///   }
    ///   party chapter "Wikimedia Israel" {
    ///     invests time "Uploading and describing the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "nonfree-license", group: Content, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for line in license_lines(ctx) {
        let Ok(expression) = parse_license(&line.text.value) else {
            continue;
        };
        // Free when some choice of alternatives avoids every NC and ND license.
        if expression.evaluate(|req| restriction(req).is_none()) {
            continue;
        }
        let (mut nc, mut nd) = (false, false);
        for r in expression.requirements() {
            match restriction(&r.req) {
                Some(Restriction::NonCommercial) => nc = true,
                Some(Restriction::NoDerivatives) => nd = true,
                Some(Restriction::Both) => (nc, nd) = (true, true),
                None => {}
            }
        }
        let forbids = match (nc, nd) {
            (true, true) => "commercial use and changes",
            (true, false) => "commercial use",
            _ => "changes",
        };
        let name = party_label(line.party);
        let resource = &line.flow.resource.name;
        out.push(
            ctx.diagnostic(
                &RULE,
                line.text.span,
                format!(
                    "{name} offers its {resource} under {}, which forbids {forbids}: Wikimedia Commons and other free-knowledge projects cannot host it",
                    line.text.value.trim()
                ),
            )
            .in_agreement(line.agreement)
            .about_party(&line.party.id.name)
            .with_help(
                "Ask whether a free license is possible, such as CC-BY-SA-4.0, CC-BY-4.0 or CC0-1.0, at least as a choice (`CC-BY-NC-4.0 OR CC-BY-SA-4.0`). If the restriction is intended, say why with `allow nonfree-license because \"…\"`.",
            ),
        );
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Restriction {
    NonCommercial,
    NoDerivatives,
    Both,
}

/// How a Creative Commons license restricts reuse, if it does.
fn restriction(req: &LicenseReq) -> Option<Restriction> {
    let id = req.license.id()?;
    let mut parts = id.name.split('-');
    if parts.next() != Some("CC") {
        return None;
    }
    let (mut nc, mut nd) = (false, false);
    for part in parts {
        nc |= part == "NC";
        nd |= part == "ND";
    }
    match (nc, nd) {
        (true, true) => Some(Restriction::Both),
        (true, false) => Some(Restriction::NonCommercial),
        (false, true) => Some(Restriction::NoDerivatives),
        (false, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nonfree(value: &str) -> bool {
        let e = parse_license(value).expect("valid");
        !e.evaluate(|req| restriction(req).is_none())
    }

    #[test]
    fn restrictive_licenses() {
        for v in [
            "CC-BY-NC-4.0",
            "CC-BY-ND-4.0",
            "CC-BY-NC-SA-4.0",
            "CC-BY-NC-ND-3.0-IGO",
            "CC-BY-NC-SA-2.0-UK",
            "CC-BY-NC-4.0 OR CC-BY-ND-4.0",
            "CC-BY-4.0 AND CC-BY-NC-4.0",
            "(CC-BY-SA-4.0 OR CC-BY-4.0) AND CC-BY-ND-4.0",
        ] {
            assert!(nonfree(v), "{v}");
        }
    }

    #[test]
    fn free_choices() {
        for v in [
            "CC-BY-SA-4.0",
            "CC0-1.0",
            "CC-BY-SA-3.0-IGO",
            "CC-BY-NC-4.0 OR CC-BY-SA-4.0",
            "CC-PDDC",
            "LicenseRef-museum-terms",
            "ODbL-1.0",
        ] {
            assert!(!nonfree(v), "{v}");
        }
    }
}
