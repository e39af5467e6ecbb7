//! Syntax and names: can the agreement be read at all?

pub mod syntax_error;
pub mod unused_allow;
