//! `mutual lsp` as a process: our stdio reader survives a malformed frame,
//! and the process ends with code 0 after `shutdown` and `exit`.

use std::io::Write;
use std::process::{Command, Stdio};

mod support;

use serde_json::{json, Value};
use support::binary;

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// The JSON bodies of every frame in `out`.
fn bodies(mut out: &[u8]) -> Vec<Value> {
    let mut found = Vec::new();
    while let Some(at) = out.windows(4).position(|w| w == b"\r\n\r\n") {
        let header = String::from_utf8_lossy(&out[..at]).to_string();
        let len: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|n| n.trim().parse().ok())
            .expect("a Content-Length header");
        let body = &out[at + 4..at + 4 + len];
        found.push(serde_json::from_slice(body).expect("a JSON body"));
        out = &out[at + 4 + len..];
    }
    found
}

#[test]
fn the_server_survives_a_malformed_frame_and_exits_cleanly() {
    let mut child = Command::new(binary())
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mutual lsp starts");
    let text = "agreement \"A\" {\n  party a \"Alpha\" {\n  }\n}\n";
    let mut input = Vec::new();
    for msg in [
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }),
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    ] {
        input.extend(frame(&msg.to_string()));
    }
    input.extend(frame(
        r#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"#,
    ));
    input.extend(b"garbage without a header\r\n\r\n");
    for msg in [
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": {
            "uri": "untitled:a", "languageId": "mutual", "version": 1, "text": text } } }),
        json!({ "jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {
            "textDocument": { "uri": "untitled:a" }, "position": { "line": 1, "character": 8 } } }),
        json!({ "jsonrpc": "2.0", "id": 4, "method": "shutdown" }),
        json!({ "jsonrpc": "2.0", "method": "exit" }),
    ] {
        input.extend(frame(&msg.to_string()));
    }
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("malformed message"), "{stderr}");
    let messages = bodies(&out.stdout);
    let answer = |id: i64| {
        messages
            .iter()
            .find(|m| m["id"] == id)
            .unwrap_or_else(|| panic!("no answer to {id} in {messages:#?}"))
    };
    assert!(answer(1)["result"]["capabilities"]["hoverProvider"] == true);
    assert_eq!(answer(2)["error"]["code"], -32700);
    let hover = answer(3)["result"]["contents"]["value"].as_str().unwrap();
    assert!(hover.starts_with("**Alpha** (party `a`)"), "{hover}");
    assert_eq!(answer(4)["result"], Value::Null);
}

#[test]
fn exit_without_shutdown_ends_with_code_1() {
    let mut child = Command::new(binary())
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mutual lsp starts");
    let mut input = frame(
        &json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } })
            .to_string(),
    );
    input.extend(frame(
        &json!({ "jsonrpc": "2.0", "method": "exit" }).to_string(),
    ));
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}
