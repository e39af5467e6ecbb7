//! Positions with emoji and Hebrew before the token, under UTF-8 and UTF-16,
//! in LF and CRLF files, and incremental edits applied in order.

mod support;

use serde_json::{json, Value};
use support::{range, Client};

const URI: &str = "untitled:positions";

/// Line 4 has an emoji (two UTF-16 units, four bytes) and Hebrew (two bytes
/// per letter) before the reference to `a`.
fn text(eol: &str) -> String {
    [
        "agreement \"שלום 😀\" {",
        "  party a \"א\" {",
        "    invests time \"😀\"",
        "  }",
        "  party b \"😀 ספרייה\" { invests time \"שעות 😀\" to a }",
        "}",
        "",
    ]
    .join(eol)
}

/// The column of `needle` on `line` in the given encoding.
fn column(text: &str, line: usize, needle: &str, utf8: bool) -> u32 {
    let l = text.split('\n').nth(line).unwrap();
    let at = l.rfind(needle).unwrap();
    if utf8 {
        at as u32
    } else {
        l[..at].encode_utf16().count() as u32
    }
}

fn check_positions(utf8: bool, eol: &str) {
    let caps = if utf8 {
        support::utf8_capabilities()
    } else {
        support::capabilities()
    };
    let mut c = Client::start_with(caps, None);
    assert_eq!(
        c.initialize_result["capabilities"]["positionEncoding"],
        if utf8 { "utf-8" } else { "utf-16" }
    );
    let t = text(eol);
    c.open_and_check(URI, &t);
    let col_a = column(&t, 4, " a ", utf8) + 1;
    assert_ne!(
        col_a,
        column(&t, 4, " a ", !utf8) + 1,
        "the encodings must differ here"
    );

    // Definition from the reference after the emoji and Hebrew.
    let def = c.at("textDocument/definition", URI, 4, col_a);
    assert_eq!(def["range"], range(1, 8, 1, 9), "utf8={utf8} eol={eol:?}");
    // Highlight gives back the reference at its own column.
    let highlights = c.at("textDocument/documentHighlight", URI, 1, 8);
    let ranges: Vec<Value> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["range"].clone())
        .collect();
    assert_eq!(
        ranges,
        vec![range(1, 8, 1, 9), range(4, col_a, 4, col_a + 1)]
    );
    // Hover on the reference: the party, and the reference's range.
    let hover = c.at("textDocument/hover", URI, 4, col_a);
    assert_eq!(hover["range"], range(4, col_a, 4, col_a + 1));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**א** (party `a`)"));
    // Hover on `b` after a Hebrew title on the same line... and the title's
    // inlay hint sits right after the closing quote.
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": URI }, "range": range(0, 0, 6, 0) }),
        )
        .unwrap();
    let title_end = column(&t, 0, " {", utf8);
    assert_eq!(
        hints[0]["position"],
        json!({ "line": 0, "character": title_end })
    );
    // A column past the end of a line is clamped to the line's end.
    let clamped = c.at("textDocument/hover", URI, 1, 500);
    assert_eq!(clamped, Value::Null);
    // An edit after the emoji lands where the client means it.
    let col_time = column(&t, 4, "time", utf8);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [
            { "range": range(4, col_time, 4, col_time + 4), "text": "expertise" }
        ]}),
    );
    let hover = c.at("textDocument/hover", URI, 4, col_time + 2);
    assert_eq!(
        hover["contents"]["value"].as_str().unwrap(),
        "**`expertise`** (resource kind)\n\nknowledge, training, professional skill offered"
    );
    c.shutdown().unwrap();
}

#[test]
fn utf16_lf() {
    check_positions(false, "\n");
}

#[test]
fn utf8_lf() {
    check_positions(true, "\n");
}

#[test]
fn utf16_crlf() {
    check_positions(false, "\r\n");
}

#[test]
fn utf8_crlf() {
    check_positions(true, "\r\n");
}

#[test]
fn crlf_diagnostics_match_lf_ones() {
    let mut c = Client::start();
    let lf = c.open_and_check("untitled:lf", &text("\n"));
    let crlf = c.open_and_check("untitled:crlf", &text("\r\n"));
    let strip = |d: &[Value]| -> Vec<(Value, Value)> {
        d.iter()
            .map(|d| (d["code"].clone(), d["range"].clone()))
            .collect()
    };
    assert!(!lf.is_empty());
    assert_eq!(strip(&lf), strip(&crlf));
    // Formatting keeps CRLF line ends.
    let edits = c
        .request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": "untitled:crlf" }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .unwrap();
    if let Some(edit) = edits.as_array().and_then(|e| e.first()) {
        let new_text = edit["newText"].as_str().unwrap();
        assert!(new_text.contains("\r\n") && !new_text.replace("\r\n", "").contains('\n'));
    }
    c.shutdown().unwrap();
}

#[test]
fn changes_in_one_notification_apply_in_order() {
    let mut c = Client::start();
    c.open_and_check(URI, "agreement \"T\" {\n}\n");
    // The second range refers to the text left by the first.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [
            { "range": range(1, 0, 1, 0), "text": "  party abc \"😀\" {\n  }\n" },
            { "range": range(1, 8, 1, 11), "text": "xyz" },
            { "range": range(1, 15, 1, 15), "text": "שלום" },
        ]}),
    );
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    assert_eq!(symbols[0]["children"][0]["name"], "xyz");
    assert_eq!(symbols[0]["children"][0]["detail"], "😀שלום");
    // A full replacement after a ranged change.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [
            { "range": range(0, 0, 0, 0), "text": "# x\n" },
            { "text": "goal g \"G\"\n" },
        ]}),
    );
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    assert_eq!(symbols[0]["name"], "g");
    c.shutdown().unwrap();
}
