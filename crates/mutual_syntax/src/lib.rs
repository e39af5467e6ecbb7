//! The syntax of the Mutual language: parser, typed tree, positions.
//!
//! ```
//! let parse = mutual_syntax::parse("agreement \"Workshops\" {\n  status draft\n}\n");
//! assert!(parse.errors.is_empty());
//! assert_eq!(parse.file.items.len(), 1);
//! ```
//!
//! Parsing never fails: [`parse`] always returns a tree, and every problem is
//! a [`SyntaxError`] with a location and a message in plain words. The parser
//! recovers at the next clause, so one typo hides nothing else.
//!
//! ## Recovery
//!
//! Where the language reference leaves it open, the parser decides so:
//!
//! - A line it cannot read is one error node. The error goes on over the
//!   next lines only when they cannot start anything themselves (they start
//!   with a text, a number, `to`, `by`, `->`, …); a line that starts with a
//!   keyword of the block, a `}`, or a plain word (most likely a misspelt
//!   keyword) is read afresh, so every misspelling gets its own error.
//! - At the top level, the indented lines after a broken item belong to it:
//!   a broken agreement head is one error, not one per clause.
//! - A block whose `{` is missing, but whose next line starts with a keyword
//!   of that block, is read as if the brace were there: one error at the end
//!   of its header, and its `}` closes it rather than the enclosing block.
//!   Its [`ast::Block::open`] is then an empty span.
//! - A block whose `}` is missing ends at the next line that starts a clause
//!   of the enclosing block (a party at `channel`, `party`, …; an agreement at
//!   `agreement` or `import`); the error points at its `{`.
//! - A text without its closing quote runs to the end of its line and is
//!   reported at the text; the clause it is in is still read. When it has
//!   swallowed the `{` of its header (`agreement "Title {`), that is the only
//!   error.
//! - When a clause stops short at the end of its line (`invests time 40`),
//!   the error points right after its last token and says "found the end of
//!   the line", even when the next token is on a later line.

pub mod ast;
mod comments;
pub mod keywords;
mod line_index;
mod lower;
mod messages;
mod parser;
pub mod suggest;

use pest::Parser;

pub use ast::{File, Span};
pub use keywords::{is_keyword, KEYWORDS};
pub use line_index::{Encoding, LineIndex, Position};

/// A syntax error: where, what, and what to do.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// The result of parsing one file: always a tree, and the errors found.
#[derive(Clone, Debug)]
pub struct Parse {
    pub file: File,
    pub errors: Vec<SyntaxError>,
}

/// Parses a whole file. The text may start with a byte-order mark and use
/// LF or CRLF line ends; spans are byte offsets into `text` as given.
pub fn parse(text: &str) -> Parse {
    let comments = comments::collect(text);
    // The grammar reads no comments: pest parses a copy of the text in which
    // they are blanked out, which has the same length, so every offset is
    // the same (and the copy is made only when there are comments).
    let blanked;
    let parse_text = if comments.is_empty() {
        text
    } else {
        blanked = comments::blank(text, &comments);
        blanked.as_str()
    };
    let mut lower = lower::Lowerer::new(text, parse_text);
    let items = match parser::MutualParser::parse(parser::Rule::file, parse_text) {
        Ok(mut pairs) => pairs
            .next()
            .map(|file| lower.file(file))
            .unwrap_or_default(),
        Err(err) => {
            // The grammar's catch-alls make this unreachable in practice; if
            // it happens anyway, say so instead of losing the file.
            let at = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((p, _)) => p,
            };
            lower.errors.push(SyntaxError {
                span: Span::empty(at),
                message: "this file could not be read from here on".into(),
                help: None,
            });
            vec![ast::Item::Error(Span::new(0, text.len()))]
        }
    };
    let mut errors = lower.errors;
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    let file = File {
        items,
        comments,
        has_bom: text.starts_with('\u{FEFF}'),
        line_ending: detect_line_ending(text),
    };
    Parse { file, errors }
}

fn detect_line_ending(text: &str) -> ast::LineEnding {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => ast::LineEnding::CrLf,
        _ => ast::LineEnding::Lf,
    }
}
