//! Comments, collected from the text.
//!
//! A comment is fully determined by the lexical rules (a `#` outside a
//! one-line string, up to the end of the line), so one linear scan finds them
//! all without involving the grammar.

use crate::ast::{Comment, Span};

pub(crate) fn collect(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => in_string = false,
            b'\\' if in_string && !matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) => i += 1,
            b'"' => in_string = !in_string,
            b'#' if !in_string => {
                let end = memchr_line_end(bytes, i);
                comments.push(Comment {
                    text: text[i..end].to_string(),
                    span: Span::new(i, end),
                });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    comments
}

fn memchr_line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |p| from + p)
}
