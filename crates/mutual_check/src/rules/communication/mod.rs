//! communication rules.
