//! hygiene rules.
