//! The formatter's own safety net: the output must read back as the same
//! file. Spans move, nothing else may.

use mutual_syntax::ast::{File, Item};
use serde_json::Value;

/// Checks that `formatted` parses without errors to the tree of `original`
/// (spans aside), with the same comments in the same order, the same
/// byte-order mark and the same line ending.
pub(crate) fn same_file(original: &File, formatted: &str) -> Result<(), String> {
    let reparsed = mutual_syntax::parse(formatted);
    if let Some(error) = reparsed.errors.first() {
        return Err(format!(
            "the formatted text does not read back: {}",
            error.message
        ));
    }
    let texts =
        |file: &File| -> Vec<String> { file.comments.iter().map(|c| c.text.clone()).collect() };
    if texts(original) != texts(&reparsed.file) {
        return Err("the formatted text would move or change a comment".into());
    }
    if original.has_bom != reparsed.file.has_bom
        || (original.line_ending != reparsed.file.line_ending && formatted.contains('\n'))
    {
        return Err("the formatted text would change the line endings".into());
    }
    if without_spans(&original.items) != without_spans(&reparsed.file.items) {
        return Err("the formatted text would not say the same thing".into());
    }
    Ok(())
}

/// The tree as JSON with every position left out.
fn without_spans(items: &[Item]) -> Value {
    let mut value = serde_json::to_value(items).unwrap_or(Value::Null);
    strip(&mut value);
    value
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if is_span(map) {
                *value = Value::Null;
                return;
            }
            map.retain(|key, _| !is_position_key(key));
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// `span`, `value_span`, and the braces and arrow positions.
fn is_position_key(key: &str) -> bool {
    key == "span" || key.ends_with("_span") || matches!(key, "open" | "close" | "arrow")
}

/// A bare span (`Endpoints::All(span)` and the like): `{start, end}`.
fn is_span(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 2 && map.contains_key("start") && map.contains_key("end")
}
