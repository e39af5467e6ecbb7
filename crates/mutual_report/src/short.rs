//! `short`: `path:line:col: level[rule] message`, one diagnostic per line,
//! the GNU style that editors and `grep` understand. Line and column are
//! 1-based, the column counted in characters. Line breaks and control
//! characters in a message are shown escaped, so every diagnostic is
//! exactly one line.

use mutual_check::Diagnostic;

use crate::text::one_line;
use crate::{display_path, Range};

/// One diagnostic, without a line end.
pub fn line(d: &Diagnostic) -> String {
    let range = Range::of(&d.source, d.span);
    format!(
        "{}:{}:{}: {}[{}] {}",
        one_line(&display_path(&d.source.path)),
        range.line,
        range.column,
        d.severity.as_str(),
        d.rule.name,
        one_line(&d.message)
    )
}

/// One diagnostic with its line end.
pub fn line_nl(d: &Diagnostic) -> String {
    let mut s = line(d);
    s.push('\n');
    s
}
