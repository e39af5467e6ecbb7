//! time rules.
