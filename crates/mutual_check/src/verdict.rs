//! Verdicts per agreement and roles per party.
//!
//! Computed after waivers, from the diagnostics that remain: a waived rule
//! does not count, since the author has said why.

use std::fmt;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AgreementModel, PartyModel};
use crate::rule::Group;

/// What an agreement is, checked in this order; the first that holds wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A syntax or name error remains: the analysis cannot be trusted.
    Incomplete,
    /// Fewer than two parties.
    OneSided,
    /// One side buys a service from the other.
    Service,
    /// A person gives time or expertise and gains nothing.
    Volunteering,
    /// A side invests and gains nothing, or an anonymous side is to be credited.
    Donation,
    /// Another error-level mutuality problem remains.
    NotAPartnership,
    Partnership,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Incomplete => "incomplete",
            Verdict::OneSided => "one-sided",
            Verdict::Service => "service",
            Verdict::Volunteering => "volunteering",
            Verdict::Donation => "donation",
            Verdict::NotAPartnership => "not-a-partnership",
            Verdict::Partnership => "partnership",
        }
    }

    /// A short explanation for people.
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Incomplete => {
                "mistakes in names or syntax must be fixed before it can be judged"
            }
            Verdict::OneSided => "a partnership needs at least two sides",
            Verdict::Service => "one side is buying a service from the other",
            Verdict::Volunteering => "a person gives time or expertise and gains nothing",
            Verdict::Donation => "a side gives and gains nothing in return",
            Verdict::NotAPartnership => "not every side both invests and gains",
            Verdict::Partnership => "every side invests and gains",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a party takes part, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Invests and gains.
    Partner,
    /// Invests and gains nothing.
    Donor,
    /// A person giving only time or expertise, gaining nothing.
    Volunteer,
    /// Paid for a service, sharing no goal.
    Provider,
    /// Gains and invests nothing.
    Beneficiary,
    /// Neither invests nor gains.
    Idle,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Partner => "partner",
            Role::Donor => "donor",
            Role::Volunteer => "volunteer",
            Role::Provider => "provider",
            Role::Beneficiary => "beneficiary",
            Role::Idle => "idle",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role of a party, given the raw (pre-waiver) diagnostics of its agreement.
pub fn role(party: &PartyModel<'_>, raw: &[&Diagnostic]) -> Role {
    let paid = raw.iter().any(|d| {
        d.rule.name == "paid-service" && d.party.as_deref() == Some(party.id.name.as_str())
    });
    match (party.invests.is_empty(), party.gains.is_empty()) {
        _ if paid => Role::Provider,
        (false, false) => Role::Partner,
        (false, true) if party.is_person() && party.gives_only_time_or_expertise() => {
            Role::Volunteer
        }
        (false, true) => Role::Donor,
        (true, false) => Role::Beneficiary,
        (true, true) => Role::Idle,
    }
}

/// The verdict of an agreement, given the diagnostics that remain after
/// waivers and levels (only those of this agreement).
pub fn verdict(agreement: &AgreementModel<'_>, remaining: &[&Diagnostic]) -> Verdict {
    let errors = || remaining.iter().filter(|d| d.severity == Severity::Error);
    let fires = |name: &str| errors().any(|d| d.rule.name == name);
    if errors().any(|d| d.rule.group == Group::SyntaxAndNames) {
        return Verdict::Incomplete;
    }
    if agreement.parties.len() < 2 || fires("single-party") {
        return Verdict::OneSided;
    }
    if fires("paid-service") {
        return Verdict::Service;
    }
    let no_benefit = |p: &PartyModel<'_>| {
        errors()
            .any(|d| d.rule.name == "no-benefit" && d.party.as_deref() == Some(p.id.name.as_str()))
    };
    if agreement
        .parties
        .iter()
        .any(|p| no_benefit(p) && p.is_person() && p.gives_only_time_or_expertise())
    {
        return Verdict::Volunteering;
    }
    if agreement
        .parties
        .iter()
        .any(|p| no_benefit(p) && !p.invests.is_empty())
        || fires("anonymous-recognition")
    {
        return Verdict::Donation;
    }
    if errors().any(|d| d.rule.group == Group::Mutuality) {
        return Verdict::NotAPartnership;
    }
    Verdict::Partnership
}
