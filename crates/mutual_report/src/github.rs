//! `github`: GitHub Actions workflow commands, one line per diagnostic:
//!
//! ```text
//! ::error file=a.mutual,line=3,col=5,endLine=3,endColumn=9,title=no-benefit::message
//! ```
//!
//! `info` and `hint` become `notice`. Every value is escaped as the runner
//! expects (`%`, `\r`, `\n` in the message; also `:` and `,` in properties),
//! so no text from an agreement can end the line and start a command of its
//! own (`::add-mask::`, `::stop-commands::`).

use mutual_check::{Diagnostic, Severity};

use crate::{display_path, Range};

/// The command of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

/// One diagnostic as a workflow command, with its line end.
pub fn line(d: &Diagnostic) -> String {
    let r = Range::of(&d.source, d.span);
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        command(d.severity),
        escape_property(&display_path(&d.source.path)),
        r.line,
        r.column,
        r.end_line,
        r.end_column,
        escape_property(d.rule.name),
        escape_data(&message),
    )
}

/// Escapes a command's message.
pub fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// Escapes a property value.
pub fn escape_property(text: &str) -> String {
    escape(text, true)
}

/// Escapes `%` and line breaks, and `:` and `,` too in a property value.
fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped() {
        assert_eq!(
            escape_data("50% off\r\n::add-mask::x"),
            "50%25 off%0D%0A::add-mask::x"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
