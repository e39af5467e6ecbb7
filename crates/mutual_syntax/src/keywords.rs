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

/// The keywords that start an item at the top of a file, in the order
/// completion offers them.
pub const TOP_LEVEL_KEYWORDS: &[&str] = &["import", "party", "goal", "agreement"];

/// The keywords that start a clause of an agreement, in the order of the
/// catalogue and of the canonical layout: the header clauses first
/// ([`AGREEMENT_HEADER_KEYWORDS`]), then the ones that may repeat.
pub const AGREEMENT_CLAUSE_KEYWORDS: &[&str] = &[
    "status",
    "purpose",
    "binding",
    "term",
    "review",
    "exit",
    "wind-down",
    "creates",
    "measure",
    "goal",
    "party",
    "channel",
    "escalation",
    "decides",
    "risk",
    "allow",
];

/// The agreement-wide clauses that open an agreement in the canonical
/// layout, in their canonical order: `status` to `measure`.
pub const AGREEMENT_HEADER_KEYWORDS: &[&str] = AGREEMENT_CLAUSE_KEYWORDS.split_at(9).0;

/// The clauses an agreement states once: `status` to `wind-down`.
pub const SINGLE_VALUED_AGREEMENT_KEYWORDS: &[&str] = AGREEMENT_CLAUSE_KEYWORDS.split_at(7).0;

/// The keywords that start a line of a party block, identity lines
/// ([`IDENTITY_KEYWORDS`]) first.
pub const PARTY_LINE_KEYWORDS: &[&str] = &[
    "kind",
    "anonymous",
    "contact",
    "pursues",
    "invests",
    "gains",
    "commits",
    "signed",
    "allow",
];

/// The identity lines of a party: all a party defined at the top of a file
/// may hold, and what opens a party block.
pub const IDENTITY_KEYWORDS: &[&str] = PARTY_LINE_KEYWORDS.split_at(3).0;

/// The lines a party block states once.
pub const SINGLE_VALUED_PARTY_KEYWORDS: &[&str] = &["kind", "anonymous", "signed"];

/// Whether `word` is reserved.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sublists_end_where_documented() {
        assert_eq!(AGREEMENT_HEADER_KEYWORDS.last(), Some(&"measure"));
        assert_eq!(SINGLE_VALUED_AGREEMENT_KEYWORDS.last(), Some(&"wind-down"));
        assert_eq!(IDENTITY_KEYWORDS.last(), Some(&"contact"));
    }

    #[test]
    fn every_listed_word_is_a_keyword() {
        for list in [
            TOP_LEVEL_KEYWORDS,
            AGREEMENT_CLAUSE_KEYWORDS,
            PARTY_LINE_KEYWORDS,
            SINGLE_VALUED_PARTY_KEYWORDS,
        ] {
            for word in list {
                assert!(is_keyword(word), "{word}");
            }
        }
    }
}
