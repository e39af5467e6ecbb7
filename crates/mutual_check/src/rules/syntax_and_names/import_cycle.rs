use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::project::FileId;
use crate::rules::syntax_and_names::display_path;

declare_rule! {
    /// ## What it checks
    ///
    /// The file's imports do not lead back to the file itself: `a.mutual`
    /// imports `b.mutual`, which imports `a.mutual` again, perhaps through
    /// other files. The message names every file of the loop, in order,
    /// and points at the `import` line where the loop starts.
    ///
    /// A loop among the imported files alone (this file imports `b.mutual`,
    /// which imports `c.mutual`, which imports `b.mutual` again) is reported
    /// in those files, where it can be fixed.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Imports are meant to share common definitions, such as your own
    /// organisation, between agreements. When files import each other in a
    /// loop, it is no longer clear which file is the source of a party or a
    /// goal, and a change in one quietly changes the others. Shared
    /// definitions belong in one file that imports nothing.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// # file: workshops.mutual
    /// import "parties.mutual"
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
    /// # file: parties.mutual
    /// import "workshops.mutual"
    /// party wmil "Wikimedia Israel"
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// # file: workshops.mutual
    /// import "parties.mutual"
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
    /// # file: parties.mutual
    /// party wmil "Wikimedia Israel"
    /// ```
    pub RULE = { name: "import-cycle", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = ctx.model.project;
    for import in &ctx.model.file().imports {
        let Ok(target) = import.target else {
            continue;
        };
        let Some(chain) = project.import_path(target, FileId(0)) else {
            continue;
        };
        let names: Vec<String> = std::iter::once(FileId(0))
            .chain(chain)
            .map(|f| display_path(ctx, f))
            .collect();
        out.push(
            ctx.diagnostic(
                &RULE,
                import.span,
                format!(
                    "these files import each other in a loop: {}",
                    names.join(" → ")
                ),
            )
            .with_help(
                "Put the parties and goals the files share into one file that imports nothing, and import that file from each of them.",
            ),
        );
    }
}
