//! What every formatting test checks: the formatter keeps the meaning, the
//! comments, the byte-order mark and the line ending, and a second run
//! changes nothing.

#![allow(dead_code)]

use mutual_syntax::ast::File;
use serde_json::Value;

/// The tree as JSON with every position stripped: `span`, `*_span`, the
/// braces (`open`, `close`), the `arrow`, and bare spans such as the one of
/// `decides all`.
pub fn without_spans(file: &File) -> Value {
    let mut value = serde_json::to_value(file).expect("the tree serialises");
    strip(&mut value);
    value
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() == 2 && map.contains_key("start") && map.contains_key("end") {
                *value = Value::Null;
                return;
            }
            map.retain(|key, _| {
                !(key == "span"
                    || key.ends_with("_span")
                    || ["open", "close", "arrow"].contains(&key.as_str()))
            });
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

fn sorted_comments(file: &File) -> Vec<String> {
    let mut texts: Vec<String> = file.comments.iter().map(|c| c.text.clone()).collect();
    texts.sort();
    texts
}

/// Formats `input` (which must be free of syntax errors) and checks every
/// promise of the formatter; returns the formatted text.
pub fn check_formatting(input: &str) -> String {
    let before = mutual_syntax::parse(input);
    assert!(
        before.errors.is_empty(),
        "the input has syntax errors: {:?}\n{input}",
        before.errors
    );
    let output = match mutual_fmt::format(input) {
        Ok(output) => output,
        Err(err) => panic!("formatting failed: {err:?}\n--- input ---\n{input}"),
    };
    let after = mutual_syntax::parse(&output);
    assert!(
        after.errors.is_empty(),
        "the output has syntax errors: {:?}\n{output}",
        after.errors
    );

    // Same meaning: the same tree, spans aside. (An empty output has no
    // line ending to keep.)
    let (mut tree_before, mut tree_after) =
        (without_spans(&before.file), without_spans(&after.file));
    if !output.contains('\n') {
        for tree in [&mut tree_before, &mut tree_after] {
            tree.as_object_mut().map(|map| map.remove("line_ending"));
        }
    }
    assert_eq!(
        tree_before, tree_after,
        "the meaning changed\n--- input ---\n{input}\n--- output ---\n{output}"
    );
    // The same comments, byte for byte.
    assert_eq!(
        sorted_comments(&before.file),
        sorted_comments(&after.file),
        "{output}"
    );
    // Idempotent.
    let again = mutual_fmt::format(&output).expect("the output formats");
    assert_eq!(
        again, output,
        "formatting twice changed the text\n--- input ---\n{input}"
    );

    // BOM and line ending kept; exactly one line ending at the end.
    let bom = '\u{FEFF}';
    assert_eq!(
        input.starts_with(bom),
        output.starts_with(bom),
        "the BOM was not kept"
    );
    let body = output.trim_start_matches(bom);
    if body.is_empty() {
        assert!(
            input.trim_start_matches(bom).trim().is_empty(),
            "an agreement vanished"
        );
        return output;
    }
    let crlf = before.file.line_ending == mutual_syntax::ast::LineEnding::CrLf;
    let nl = if crlf { "\r\n" } else { "\n" };
    assert!(
        body.ends_with(nl) && !body.ends_with(&format!("{nl}{nl}")),
        "{output:?}"
    );
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert_eq!(
                crlf,
                i > 0 && bytes[i - 1] == b'\r',
                "a mixed line ending at byte {i}: {output:?}"
            );
        } else if b == b'\r' {
            assert!(
                crlf && bytes.get(i + 1) == Some(&b'\n'),
                "a lone CR at byte {i}: {output:?}"
            );
        }
    }
    // Two-space indentation, no blank line first, last or twice in a row.
    let lines: Vec<&str> = body[..body.len() - nl.len()].split(nl).collect();
    assert!(
        !lines[0].is_empty() && !lines[lines.len() - 1].is_empty(),
        "{output:?}"
    );
    assert!(
        !lines.windows(2).any(|w| w[0].is_empty() && w[1].is_empty()),
        "{output:?}"
    );
    for line in &lines {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert!(
            indent % 2 == 0 && !line.starts_with('\t'),
            "bad indentation: {line:?}"
        );
    }
    output
}
