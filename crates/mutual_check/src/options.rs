//! What a check run is told: the date, levels, vocabulary, filters.
//!
//! Built from `mutual.toml` ([`crate::config`]) and the command line; the
//! command line wins.

use std::collections::HashMap;

use crate::date::CalendarDate;
use crate::diagnostic::Severity;
use crate::rule::RuleMeta;

/// A rule's level: a severity, or off.
pub type Level = Option<Severity>;

#[derive(Clone, Debug)]
pub struct Options {
    /// The date the check runs (`--today`, `[check] today`, else the clock).
    pub today: CalendarDate,
    /// `expires-soon` fires when the term ends within this many days.
    pub expires_soon_days: u32,
    /// Levels set in `[rules]`, by rule name.
    pub levels: HashMap<String, Level>,
    /// `[vocabulary] party-kinds`, added to the built-in kinds.
    pub extra_party_kinds: Vec<String>,
    /// `[vocabulary] resource-kinds`, added to the built-in kinds.
    pub extra_resource_kinds: Vec<String>,
    /// `--select`: only these rules (syntax errors are always reported).
    pub select: Option<Vec<String>>,
    /// `--ignore`: not these rules.
    pub ignore: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            today: CalendarDate::today(),
            expires_soon_days: 60,
            levels: HashMap::new(),
            extra_party_kinds: Vec::new(),
            extra_resource_kinds: Vec::new(),
            select: None,
            ignore: Vec::new(),
        }
    }
}

impl Options {
    /// The level of a rule in this run: `None` when it is switched off.
    pub fn level(&self, rule: &RuleMeta) -> Level {
        if rule.is_syntax_error() {
            return Some(Severity::Error);
        }
        if self.ignore.iter().any(|r| r == rule.name) {
            return None;
        }
        if let Some(select) = &self.select {
            if !select.iter().any(|r| r == rule.name) {
                return None;
            }
        }
        match self.levels.get(rule.name) {
            Some(level) => *level,
            None => Some(rule.default_severity),
        }
    }
}
