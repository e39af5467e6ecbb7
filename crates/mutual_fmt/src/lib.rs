//! The canonical layout of Mutual files.
//!
//! ```
//! let messy = "agreement   \"Workshops\"{status draft   # not signed yet\n\n\n\n purpose \"Teach\"}";
//! let tidy = mutual_fmt::format(messy).unwrap();
//! assert_eq!(
//!     tidy,
//!     "agreement \"Workshops\" {\n  status draft   # not signed yet\n\n  purpose \"Teach\"\n}\n"
//! );
//! ```
//!
//! The printer works from the syntax tree and the file's comments, never by
//! editing the text, and it only rewrites a file it can read completely: a
//! file with syntax errors is refused with those errors. The rules of the
//! layout are in `docs/formatting.md`.
//!
//! Before handing back a result, [`format`] reads its own output again and
//! checks that it says the same thing (the same tree, spans aside) with the
//! same comments in the same order. If it does not, that is a bug in the
//! printer, and the answer is [`FormatError::Internal`] rather than a text
//! that would lose a word.

mod printer;
mod verify;

use mutual_syntax::{ast, SyntaxError};

/// Why a text was not formatted.
#[derive(Clone, Debug, PartialEq)]
pub enum FormatError {
    /// The text does not follow the grammar. A file that cannot be read
    /// completely is never formatted; these are its errors, in text order.
    Syntax(Vec<SyntaxError>),
    /// The formatted text would not have said the same thing as the original:
    /// a bug in the formatter. Nothing should be written.
    Internal(String),
}

impl FormatError {
    /// The syntax errors that stopped formatting (none for an internal error).
    pub fn syntax_errors(&self) -> &[SyntaxError] {
        match self {
            FormatError::Syntax(errors) => errors,
            FormatError::Internal(_) => &[],
        }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(errors) => match errors.as_slice() {
                [one] => write!(f, "the file has a syntax error: {}", one.message),
                many => write!(f, "the file has {} syntax errors", many.len()),
            },
            FormatError::Internal(why) => write!(f, "the formatter failed: {why}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Formats a whole file in the canonical layout.
///
/// The result keeps the file's byte-order mark and line ending (the first
/// line ending of the file decides), every comment byte for byte, every
/// string exactly as written, and ends with one line ending. An empty file
/// (only white space) formats to an empty text.
pub fn format(text: &str) -> Result<String, FormatError> {
    let parse = mutual_syntax::parse(text);
    if !parse.errors.is_empty() {
        return Err(FormatError::Syntax(parse.errors));
    }
    if let Some(span) = first_error_node(&parse.file) {
        // Recovery nodes always come with a syntax error; refuse anyway.
        return Err(FormatError::Syntax(vec![SyntaxError {
            span,
            message: "this text could not be read".into(),
            help: None,
        }]));
    }
    let formatted = printer::print(text, &parse.file);
    verify::same_file(&parse.file, &formatted).map_err(FormatError::Internal)?;
    Ok(formatted)
}

/// The span of the first recovery node, if the tree has one.
fn first_error_node(file: &ast::File) -> Option<ast::Span> {
    let party_error = |block: &ast::Block<ast::PartyItem>| {
        block
            .items
            .iter()
            .find(|i| matches!(i.kind, ast::PartyItemKind::Error))
            .map(|i| i.span)
    };
    file.items.iter().find_map(|item| match item {
        ast::Item::Error(span) => Some(*span),
        ast::Item::Party(def) => def.body.as_ref().and_then(party_error),
        ast::Item::Agreement(agreement) => {
            agreement
                .body
                .items
                .iter()
                .find_map(|clause| match &clause.kind {
                    ast::ClauseKind::Error => Some(clause.span),
                    ast::ClauseKind::Party(party) => party_error(&party.body),
                    _ => None,
                })
        }
        ast::Item::Import(_) | ast::Item::Goal(_) => None,
    })
}
