//! content rules.
