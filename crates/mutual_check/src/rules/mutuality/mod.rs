//! mutuality rules.
