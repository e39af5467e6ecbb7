use std::collections::HashMap;

use mutual_syntax::ast::GoalDef;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::model::{AgreementModel, NameKind, PartyModel};
use crate::project::FileId;
use crate::rules::syntax_and_names::{display_path, import_bringing, party_label, where_defined};

declare_rule! {
    /// ## What it checks
    ///
    /// Two parties, or two goals, use the same id where both can be seen:
    ///
    /// - two top-level definitions, in this file or in the files it imports;
    /// - two party blocks in one agreement;
    /// - two goals defined in one agreement;
    /// - a goal defined in an agreement with the id of a top-level goal;
    /// - a party block with its own name (`party wmil "Name" { … }`) whose id
    ///   is already the id of a top-level party.
    ///
    /// A party and a goal may share an id: they are different things.
    ///
    /// When the second definition comes from an imported file, the problem
    /// is shown on the `import` line that brings it in.
    ///
    /// ## Why it matters for a partnership
    ///
    /// The id is how the agreement says who invests, who gains and who
    /// pursues which goal. If one id means two parties, nobody can tell
    /// which side took on a commitment or which goal was meant, and the
    /// checker cannot judge whether every side gives and gets something.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walk" {
    ///   party club "Haifa Photo Club" {
    ///     invests expertise "Guides for the walk"
    ///     gains content "Photos for the club's exhibition"
    ///   }
    ///   party club "Haifa Wikipedians" {
    ///     invests time "Uploading the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walk" {
    ///   party photo_club "Haifa Photo Club" {
    ///     invests expertise "Guides for the walk"
    ///     gains content "Photos for the club's exhibition"
    ///   }
    ///   party wikipedians "Haifa Wikipedians" {
    ///     invests time "Uploading the photos"
    ///     gains content "Photos for articles"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "duplicate-definition", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    top_level(ctx, out);
    for a in &ctx.model.agreements {
        party_blocks(ctx, a, out);
        goals(ctx, a, out);
    }
}

/// Two top-level definitions of one id in the checked file and its imports.
fn top_level(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for dup in &ctx.model.scope.duplicates {
        let (mut first_file, mut first) = dup.first;
        let (mut second_file, mut second) = dup.second;
        // The model meets imported files in no particular order: call
        // "first" the one whose import comes first in the checked file.
        if import_order(ctx, second_file) < import_order(ctx, first_file) {
            std::mem::swap(&mut first_file, &mut second_file);
            std::mem::swap(&mut first, &mut second);
        }
        let (what, plural) = match dup.kind {
            NameKind::Party => ("party", "parties"),
            NameKind::Goal => ("goal", "goals"),
        };
        let id = &first.name;
        let first_where = if first_file == FileId(0) {
            String::new()
        } else {
            format!(" in {}", display_path(ctx, first_file))
        };
        let d = if second_file == FileId(0) {
            ctx.diagnostic(
                &RULE,
                second.span,
                format!(
                    "the {what} id `{id}` is already defined{first_where}: two {plural} cannot share an id"
                ),
            )
        } else {
            let Some(import) = import_bringing(ctx, second_file) else {
                continue;
            };
            let second_where = display_path(ctx, second_file);
            let message = if first_file == second_file {
                format!(
                    "the imported file {second_where} defines the {what} id `{id}` twice: two {plural} cannot share an id"
                )
            } else {
                format!(
                    "this import defines the {what} id `{id}` again (in {second_where}), but it is already defined{}: two {plural} cannot share an id",
                    if first_file == FileId(0) { " in this file".to_string() } else { first_where.clone() }
                )
            };
            ctx.diagnostic(&RULE, import.span, message).with_related(
                ctx.source_of(second_file),
                second.span,
                format!("`{id}` defined again here"),
            )
        };
        out.push(
            d.with_related(
                ctx.source_of(first_file),
                first.span,
                format!("`{id}` first defined here"),
            )
            .with_help("Rename one of them, or remove the copy."),
        );
    }
}

/// Where a file comes in the checked file: the checked file itself first,
/// then by the position of the import line that brings it in.
fn import_order(ctx: &Context<'_>, file: FileId) -> (usize, u32) {
    if file == FileId(0) {
        return (0, 0);
    }
    import_bringing(ctx, file).map_or((2, 0), |i| (1, i.span.start))
}

/// Two party blocks of one id in an agreement, and a named block that
/// reuses the id of a top-level party.
fn party_blocks(ctx: &Context<'_>, a: &AgreementModel<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &PartyModel<'_>> = HashMap::new();
    for party in &a.parties {
        let id = party.id.name.as_str();
        let name = party_label(party);
        if let Some(first) = seen.get(id) {
            let first_name = party_label(first);
            let message = if first_name == name {
                format!(
                    "{name} has two party blocks in this agreement: merge them into one, so that everything about {name} is in one place"
                )
            } else {
                format!(
                    "{name} and {first_name} share the party id `{id}` in this agreement: each party needs its own id"
                )
            };
            out.push(
                ctx.diagnostic(&RULE, party.id.span, message)
                    .in_agreement(a.index)
                    .about_party(id)
                    .with_related(
                        ctx.source(),
                        first.id.span,
                        format!("first party block with the id `{id}`"),
                    ),
            );
        } else {
            seen.insert(id, party);
        }
        if party.block.name.is_some() {
            if let Some(def) = ctx.model.scope.parties.get(id) {
                let where_ = where_defined(ctx, def.file);
                out.push(
                    ctx.diagnostic(
                        &RULE,
                        party.id.span,
                        format!(
                            "{name} uses the id `{id}`, already taken by the party \"{}\" defined {where_}: give this party another id, or leave out its name to bring in that party",
                            def.node.name.value
                        ),
                    )
                    .in_agreement(a.index)
                    .about_party(id)
                    .with_related(
                        ctx.source_of(def.file),
                        def.node.id.span,
                        format!("`{id}` defined here"),
                    ),
                );
            }
        }
    }
}

/// Two goals of one id in an agreement, or an agreement goal that reuses
/// the id of a top-level goal.
fn goals(ctx: &Context<'_>, a: &AgreementModel<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &GoalDef> = HashMap::new();
    for goal in &a.goals {
        let id = goal.id.name.as_str();
        if let Some(first) = seen.get(id) {
            out.push(
                ctx.diagnostic(
                    &RULE,
                    goal.id.span,
                    format!(
                        "two goals of this agreement have the id `{id}`: the parties cannot tell which one they pursue"
                    ),
                )
                .in_agreement(a.index)
                .with_related(ctx.source(), first.id.span, format!("first goal with the id `{id}`"))
                .with_help("Rename one of them, or remove the copy."),
            );
        } else {
            seen.insert(id, goal);
        }
        if let Some(def) = ctx.model.scope.goals.get(id) {
            let where_ = where_defined(ctx, def.file);
            out.push(
                ctx.diagnostic(
                    &RULE,
                    goal.id.span,
                    format!(
                        "the goal id `{id}` is already defined {where_}: the parties cannot tell which of the two goals they pursue"
                    ),
                )
                .in_agreement(a.index)
                .with_related(
                    ctx.source_of(def.file),
                    def.node.id.span,
                    format!("`{id}` defined here"),
                )
                .with_help(format!(
                    "If it is the same goal, remove this line: the agreement can pursue `{id}` as it is. Otherwise give this goal another id."
                )),
            );
        }
    }
}
