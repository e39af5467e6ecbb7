//! Syntax and names: can the agreement be read at all?
//!
//! Also holds what the name rules share: "did you mean" fixes, file paths as
//! people read them, and which import of the checked file brings a file in.

pub mod duplicate_clause;
pub mod duplicate_definition;
pub mod empty_text;
pub mod import_cycle;
pub mod import_not_found;
pub mod import_outside_root;
pub mod invalid_date;
pub mod invalid_license;
pub mod syntax_error;
pub mod unknown_goal;
pub mod unknown_kind;
pub mod unknown_party;
pub mod unknown_rule;
pub mod unused_allow;

use std::path::{Component, Path, PathBuf};

use mutual_syntax::Span;

use crate::context::Context;
use crate::diagnostic::Fix;
use crate::model::PartyModel;
use crate::project::{FileId, ResolvedImport};
use crate::rule::RuleMeta;

/// The rules of this group, in catalogue order.
pub static RULES: &[&RuleMeta] = &[
    &syntax_error::RULE,
    &invalid_date::RULE,
    &duplicate_definition::RULE,
    &unknown_party::RULE,
    &unknown_goal::RULE,
    &unknown_kind::RULE,
    &import_not_found::RULE,
    &import_cycle::RULE,
    &import_outside_root::RULE,
    &duplicate_clause::RULE,
    &unknown_rule::RULE,
    &unused_allow::RULE,
    &invalid_license::RULE,
    &empty_text::RULE,
];

/// Whether a text says nothing: empty, or only spaces and invisible
/// characters (no-break, zero-width and similar spaces).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// ": did you mean `x`?" when there is a suggestion, else nothing.
pub(crate) fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(": did you mean `{s}`?"))
}

/// The safe fix that replaces a misspelt name with the suggestion.
pub(crate) fn replace_name(span: Span, wrong: &str, suggestion: &str) -> Fix {
    Fix::replace(
        format!("Replace `{wrong}` with `{suggestion}`"),
        span,
        suggestion,
    )
}

/// The name to show for a party: its display name, or its id when the name
/// is blank.
pub(crate) fn party_label(party: &PartyModel<'_>) -> String {
    if party.name.trim().is_empty() {
        format!("`{}`", party.id.name)
    } else {
        party.name.clone()
    }
}

/// Where a definition stands, for a sentence: "in this file" when it is
/// the file checked, else "in " and its [`display_path`].
pub(crate) fn where_defined(ctx: &Context<'_>, file: FileId) -> String {
    if file == FileId(0) {
        "in this file".to_string()
    } else {
        format!("in {}", display_path(ctx, file))
    }
}

/// A project file's path as people read it: relative to the checked file's
/// folder, with `/` between folders (`parties/wmil.mutual`,
/// `../shared/parties.mutual`). The checked file is its file name.
pub(crate) fn display_path(ctx: &Context<'_>, file: FileId) -> String {
    let project = ctx.model.project;
    let Some(pf) = project.files.get(file.0) else {
        return String::new();
    };
    let checked = &ctx.source().path;
    let file_name = || {
        pf.source
            .path
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
    };
    if file == FileId(0) {
        return file_name();
    }
    let base = normalize(checked.parent().unwrap_or(Path::new("")));
    let target = normalize(&pf.source.path);
    relative(&target, &base).unwrap_or_else(file_name)
}

/// The import line of the checked file that brings `file` in, directly or
/// through other imports: the first one that leads there.
pub(crate) fn import_bringing<'p>(ctx: &Context<'p>, file: FileId) -> Option<&'p ResolvedImport> {
    let project = ctx.model.project;
    let imports = &ctx.model.file().imports;
    imports.iter().find(|i| i.target == Ok(file)).or_else(|| {
        imports.iter().find(|i| {
            i.target
                .as_ref()
                .is_ok_and(|&t| t != FileId(0) && project.import_path(t, file).is_some())
        })
    })
}

/// Resolves `.` and `..` without touching the disk, keeping a leading `..`.
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

/// `target` relative to the folder `base` (both normalized), `/`-separated.
fn relative(target: &Path, base: &Path) -> Option<String> {
    let t: Vec<Component<'_>> = target.components().collect();
    let b: Vec<Component<'_>> = base.components().collect();
    if t.first()
        .map(|c| matches!(c, Component::RootDir | Component::Prefix(_)))
        != b.first()
            .map(|c| matches!(c, Component::RootDir | Component::Prefix(_)))
        && !b.is_empty()
    {
        return None;
    }
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if b[common..]
        .iter()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    for c in &t[common..] {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => parts.push("..".to_string()),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let rel = |t: &str, b: &str| relative(&normalize(Path::new(t)), &normalize(Path::new(b)));
        assert_eq!(rel("/r/a/b.mutual", "/r/a").as_deref(), Some("b.mutual"));
        assert_eq!(
            rel("/r/a/../shared/p.mutual", "/r/a").as_deref(),
            Some("../shared/p.mutual")
        );
        assert_eq!(rel("sub/x.mutual", "").as_deref(), Some("sub/x.mutual"));
        assert_eq!(rel("../x.mutual", "").as_deref(), Some("../x.mutual"));
        assert_eq!(rel("/r/x.mutual", "rel").as_deref(), None);
    }
}
