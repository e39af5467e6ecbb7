//! responsibility rules.
