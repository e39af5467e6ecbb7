use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::project::ImportProblem;

declare_rule! {
    /// ## What it checks
    ///
    /// Every `import` of the file names a file that exists and can be read.
    /// The path is read from the folder of the file that holds the `import`
    /// line.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Imports bring in the parties and goals shared by several agreements,
    /// such as your own organisation and its mission. When the file is
    /// missing, those parties and goals are unknown here, so the checker
    /// cannot say who takes part or what they aim for.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// import "parties/wikimedia-il.mutual"
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
    /// import "parties/wikimedia-il.mutual"
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
    /// # file: parties/wikimedia-il.mutual
    /// party wmil "Wikimedia Israel" {
    ///   kind chapter
    /// }
    /// ```
    pub RULE = { name: "import-not-found", group: SyntaxAndNames, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for import in &ctx.model.file().imports {
        let Err(ImportProblem::NotFound(reason)) = &import.target else {
            continue;
        };
        let path = &import.path;
        let d = match reason {
            None => ctx
                .diagnostic(
                    &RULE,
                    import.span,
                    format!(
                        "there is no file `{path}`: the parties and goals it should define are unknown here"
                    ),
                )
                .with_help(
                    "The path is read from the folder of this file; check the spelling and the folder names.",
                ),
            Some(why) => {
                let why = plain_reason(why);
                ctx
                .diagnostic(
                    &RULE,
                    import.span,
                    format!(
                        "the file `{path}` cannot be read ({why}): the parties and goals it should define are unknown here"
                    ),
                )
                .with_help("An import must name a `.mutual` file saved as UTF-8 text.")
            }
        };
        out.push(d);
    }
}

/// The system's reason without its error number: "Is a directory (os error
/// 21)" becomes "is a directory".
fn plain_reason(why: &str) -> String {
    let text = match why.rfind(" (os error ") {
        Some(at) if why.ends_with(')') => &why[..at],
        _ => why,
    };
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::plain_reason;

    #[test]
    fn reasons_without_numbers() {
        assert_eq!(
            plain_reason("Is a directory (os error 21)"),
            "is a directory"
        );
        assert_eq!(
            plain_reason("stream did not contain valid UTF-8"),
            "stream did not contain valid UTF-8"
        );
        assert_eq!(plain_reason(""), "");
    }
}
