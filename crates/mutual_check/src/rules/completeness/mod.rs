//! completeness rules.
