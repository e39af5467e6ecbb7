//! Comments, collected from the text.
//!
//! A comment is fully determined by the lexical rules (a `#` outside a
//! one-line string, up to the end of the line), so one linear scan finds them
//! all without involving the grammar. The scan jumps from one interesting
//! byte to the next with `memchr`: outside a string only `"` and `#` matter,
//! inside one only `"`, `\` and the line ends.

use memchr::{memchr, memchr2, memchr3};

use crate::ast::{Comment, Span};

pub(crate) fn collect(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Outside a string.
        let Some(p) = memchr2(b'"', b'#', &bytes[i..]) else {
            break;
        };
        let at = i + p;
        if bytes[at] == b'#' {
            let end = line_end(bytes, at);
            comments.push(Comment {
                text: text[at..end].to_string(),
                span: Span::new(at, end),
            });
            i = end;
            continue;
        }
        // Inside a string, from after its opening quote: it ends at its
        // closing quote or at the end of its line. A backslash escapes the
        // next byte unless that is a line end.
        i = at + 1;
        while i < bytes.len() {
            let rest = &bytes[i..];
            let Some(p) = memchr3(b'"', b'\\', b'\n', rest) else {
                // No quote, backslash or `\n` left: the string runs to a
                // lone `\r`, if there is one, or to the end of the file.
                match memchr(b'\r', rest) {
                    Some(r) => i += r + 1,
                    None => i = bytes.len(),
                }
                break;
            };
            // A lone `\r` before the byte found ends the string there.
            if let Some(r) = memchr(b'\r', &rest[..p]) {
                i += r + 1;
                break;
            }
            let at = i + p;
            match bytes[at] {
                b'\\' => {
                    if matches!(bytes.get(at + 1), Some(b'\n' | b'\r')) {
                        // Not an escape: the line end ends the string.
                        i = at + 2;
                        break;
                    }
                    i = at + 2;
                }
                // The closing quote, or the line end.
                _ => {
                    i = at + 1;
                    break;
                }
            }
        }
    }
    comments
}

/// The text with every comment replaced by as many spaces: what the
/// grammar parses. Offsets, lines and strings stay as they were.
pub(crate) fn blank(text: &str, comments: &[Comment]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for comment in comments {
        let range = comment.span.range();
        out.push_str(&text[from..range.start]);
        out.extend(range.clone().map(|_| ' '));
        from = range.end;
    }
    out.push_str(&text[from..]);
    out
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward byte-by-byte scan `collect` must agree with.
    fn reference(text: &str) -> Vec<Comment> {
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
                    let end = bytes[i..]
                        .iter()
                        .position(|&b| b == b'\n' || b == b'\r')
                        .map_or(bytes.len(), |p| i + p);
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

    #[test]
    fn examples() {
        for text in [
            "",
            "#",
            "# a\n# b\r\n#c",
            "purpose \"a # b\" # c\n",
            "\"a\\\"# b\" # c",
            "\"a\\\n# b",
            "\"a\\\r\n# b",
            "\"a\r# b\n\"# c",
            "\"é\\é#\" # ü\n",
            "\"open # no\n# yes",
            "\\",
            "\"\\",
        ] {
            assert_eq!(collect(text), reference(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_byte_scan(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\""), Just("#"), Just("\\"), Just("\n"), Just("\r"), Just("\r\n"),
                    Just(" "), Just("a"), Just("é"), Just("party p"),
                ],
                0..40,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(collect(&text), reference(&text));
        }
    }
}
