//! Text that must stay on one line, or must not drive a terminal.

use std::borrow::Cow;

/// The text with line breaks and other control characters made visible
/// (`\n`, `\r`, `\u{1b}`), so that it fits on one line and cannot move a
/// terminal's cursor. A tab stays a tab.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Control characters other than tab, and the Unicode line and paragraph
/// separators.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t') || c == '\u{2028}' || c == '\u{2029}'
}

/// `n thing` or `n things`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_and_escapes_are_made_visible() {
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("a\nb\r\nc"), "a\\nb\\r\\nc");
        assert_eq!(one_line("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(one_line("tab\there"), "tab\there");
        assert_eq!(one_line("שלום 🎉"), "שלום 🎉");
    }
}
