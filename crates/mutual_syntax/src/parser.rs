//! The pest parser generated from `grammar/mutual.pest`.

use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../../grammar/mutual.pest"]
pub(crate) struct MutualParser;
