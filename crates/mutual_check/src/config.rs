//! `mutual.toml`: discovery and parsing into [`crate::Options`].
