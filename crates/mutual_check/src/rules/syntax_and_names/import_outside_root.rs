use std::path::Path;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::project::ImportProblem;

declare_rule! {
    /// ## What it checks
    ///
    /// Every `import` stays inside the project folder: the folder that holds
    /// `mutual.toml`, or the folder given to the checker when there is none.
    /// An absolute path (`/home/dana/parties.mutual`), a path that climbs
    /// out with `..`, and a shortcut (symbolic link) that points outside are
    /// all refused, and such a file is never read.
    ///
    /// ## Why it matters for a partnership
    ///
    /// An agreement is shared with the other sides and reviewed by others.
    /// If it depends on a file outside the project, it reads differently on
    /// every computer, or not at all, and a reviewer cannot see everything
    /// the agreement relies on. Refusing such files also keeps the checker
    /// and the editor from reading files they were never meant to open.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// import "../../shared/parties.mutual"
    ///
    /// agreement "Edit evenings" {
    ///   party wmil {
    ///     invests time "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "Tel Aviv City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "New people at the library"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// import "shared/parties.mutual"
    ///
    /// agreement "Edit evenings" {
    ///   party wmil {
    ///     invests time "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "Tel Aviv City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "New people at the library"
    ///   }
    /// }
    /// # file: shared/parties.mutual
    /// party wmil "Wikimedia Israel"
    /// ```
    pub RULE = { name: "import-outside-root", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for import in &ctx.model.file().imports {
        if import.target != Err(ImportProblem::OutsideRoot) {
            continue;
        }
        let path = &import.path;
        let message = if is_absolute(path) {
            format!(
                "`{path}` is an absolute path, so it was not read: an import is written relative to this file and must stay inside the project folder"
            )
        } else {
            format!(
                "`{path}` leads outside the project folder, so it was not read: the parties and goals it defines are unknown here"
            )
        };
        out.push(ctx.diagnostic(&RULE, import.span, message).with_help(
            "The project folder is the one holding mutual.toml (or the folder being checked). Copy the shared file into it, or check from a folder that holds both files.",
        ));
    }
}

/// Absolute on any system: `/x`, `\x`, `C:\x`, `C:/x`.
fn is_absolute(path: &str) -> bool {
    let bytes = path.as_bytes();
    Path::new(path).is_absolute()
        || path.starts_with(['/', '\\'])
        || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
}
