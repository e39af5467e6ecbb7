//! The reserved words of the language.

/// Every keyword, in the order of the language reference.
pub const KEYWORDS: &[&str] = &[
    "agreement",
    "import",
    "party",
    "goal",
    "status",
    "purpose",
    "binding",
    "term",
    "to",
    "open-ended",
    "review",
    "every",
    "exit",
    "notice",
    "wind-down",
    "creates",
    "measure",
    "kind",
    "anonymous",
    "contact",
    "pursues",
    "invests",
    "gains",
    "from",
    "license",
    "commits",
    "by",
    "signed",
    "channel",
    "escalation",
    "decides",
    "all",
    "risk",
    "mitigation",
    "allow",
    "because",
    "yes",
    "no",
];

/// Whether `word` is reserved.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}
