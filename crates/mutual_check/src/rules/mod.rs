//! Every rule, one file each, grouped as in the catalogue.
//!
//! To add a rule: write `rules/<group>/<rule_name>.rs` with `declare_rule!`
//! (see an existing rule), declare the module in its group's `mod.rs`, and
//! add it to its group's `RULES` list. `tests/catalogue.rs` checks that this list, the
//! files and the generated docs agree.

pub mod communication;
pub mod completeness;
pub mod content;
pub(crate) mod edits;
pub mod hygiene;
pub mod mutuality;
pub mod responsibility;
pub mod syntax_and_names;
pub mod time;

use std::sync::LazyLock;

use crate::rule::RuleMeta;

/// Every rule, in catalogue order: each group's explicit list, in the order
/// of the catalogue.
pub static ALL: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    [
        syntax_and_names::RULES,
        mutuality::RULES,
        responsibility::RULES,
        time::RULES,
        communication::RULES,
        completeness::RULES,
        content::RULES,
        hygiene::RULES,
    ]
    .concat()
});

/// The rule of that name.
pub fn find(name: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|r| r.name == name)
}
