//! The server never exits on bad input: it answers or logs, and serves the
//! next request.

mod support;

use std::io::Cursor;

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use support::{range, Client};

const URI: &str = "untitled:robust";
const TEXT: &str = "agreement \"R\" {\n  party a \"A\" {\n  }\n}\n";

/// The server still answers a real request.
fn still_serves(c: &mut Client) {
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .expect("the server still serves");
    assert_eq!(symbols[0]["name"], "R");
}

#[test]
fn a_position_far_past_the_end_is_clamped() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/documentHighlight",
        "textDocument/prepareRename",
    ] {
        let got = c.at(method, URI, 100_000, 100_000);
        assert_eq!(got, Value::Null, "{method}");
    }
    let completion = c.at("textDocument/completion", URI, 100_000, 3);
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["import", "party", "goal", "agreement"]);
    // An edit far past the end appends at the end.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 },
                "contentChanges": [{ "range": range(100_000, 5, 100_001, 0), "text": "goal g \"G\"\n" }] }),
    );
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    assert_eq!(symbols[1]["name"], "g");
    c.shutdown().unwrap();
}

#[test]
fn a_change_to_a_document_never_opened_is_ignored() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": "untitled:never-opened", "version": 2 },
                "contentChanges": [{ "range": range(0, 0, 0, 0), "text": "x" }] }),
    );
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": "untitled:never-opened" } }),
    );
    still_serves(&mut c);
    c.shutdown().unwrap();
}

#[test]
fn unknown_methods_and_bad_params() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    let err = c
        .request("textDocument/noSuchThing", json!({}))
        .unwrap_err();
    assert_eq!(err.0, -32601, "MethodNotFound");
    c.notify("mutual/noSuchNotification", json!({ "x": 1 }));
    let err = c
        .request("textDocument/hover", json!({ "nonsense": true }))
        .unwrap_err();
    assert_eq!(err.0, -32602, "InvalidParams");
    let err = c.request("textDocument/hover", Value::Null).unwrap_err();
    assert_eq!(err.0, -32602, "InvalidParams");
    // A notification with bad params is logged and ignored.
    c.notify("textDocument/didOpen", json!({ "textDocument": 42 }));
    still_serves(&mut c);
    c.shutdown().unwrap();
}

#[test]
fn a_panicking_handler_becomes_an_internal_error() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    let err = c.request("mutual/test/panic", json!({})).unwrap_err();
    assert_eq!(err.0, -32603, "InternalError");
    assert!(err.1.contains("panicked on purpose"), "{}", err.1);
    still_serves(&mut c);
    let err = c.request("mutual/test/panic", json!({})).unwrap_err();
    assert_eq!(err.0, -32603);
    still_serves(&mut c);
    c.shutdown().unwrap();
}

#[test]
fn requests_after_shutdown_are_refused_until_exit() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    assert_eq!(c.request("shutdown", Value::Null).unwrap(), Value::Null);
    let err = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap_err();
    assert_eq!(err.0, -32600, "InvalidRequest");
    let err = c.request("shutdown", Value::Null).unwrap_err();
    assert_eq!(err.0, -32600);
    c.notify("exit", Value::Null);
    c.join().expect("exit after shutdown is a clean stop");
}

#[test]
fn exit_without_shutdown_is_an_error() {
    let mut c = Client::start();
    c.notify("exit", Value::Null);
    assert!(matches!(
        c.join(),
        Err(mutual_lsp::ServerError::ExitWithoutShutdown)
    ));
}

#[test]
fn a_request_cancelled_while_queued_answers_request_canceled() {
    let mut c = Client::start();
    c.open_and_check(URI, TEXT);
    // The server is busy; the request and its cancellation queue up.
    let busy = c.send_request("mutual/test/sleep", json!(300));
    let id = c.send_request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    let raw: Value = serde_json::to_value(&id).unwrap();
    c.notify("$/cancelRequest", json!({ "id": raw }));
    c.response(&busy).unwrap();
    let err = c.response(&id).unwrap_err();
    assert_eq!(err.0, -32800, "RequestCanceled");
    still_serves(&mut c);
    c.shutdown().unwrap();
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn the_reader_survives_malformed_frames() {
    let mut input = Vec::new();
    input.extend(frame(
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    ));
    // Not JSON, but an id can be read: answered with ParseError.
    input.extend(frame(
        r#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"#,
    ));
    // JSON, but no message: answered with InvalidRequest.
    input.extend(frame(r#"{"jsonrpc":"2.0","id":"x","method":5}"#));
    // Garbage without headers, then a header block without a length.
    input.extend(b"this is no header\r\n\r\n");
    input.extend(b"Content-Type: application/json\r\n\r\n");
    // A body that is not UTF-8.
    input.extend(b"Content-Length: 2\r\n\r\n\xff\xfe");
    input.extend(frame(r#"{"jsonrpc":"2.0","id":8,"method":"shutdown"}"#));
    input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
    input.extend(frame(r#"{"jsonrpc":"2.0","id":9,"method":"never-read"}"#));
    let (to_server, from_reader) = crossbeam_channel::unbounded();
    let (to_client, answers) = crossbeam_channel::unbounded();
    mutual_lsp::transport::read_loop(Cursor::new(input), &to_server, &to_client);
    let got: Vec<String> = from_reader
        .try_iter()
        .map(|m| match m {
            Message::Request(Request { method, .. }) => format!("request {method}"),
            Message::Notification(Notification { method, .. }) => format!("notification {method}"),
            Message::Response(_) => "response".into(),
        })
        .collect();
    assert_eq!(
        got,
        vec![
            "notification initialized",
            "request shutdown",
            "notification exit"
        ]
    );
    let answers: Vec<(RequestId, i32)> = answers
        .try_iter()
        .map(|m| match m {
            Message::Response(r) => (r.id, r.response_result.unwrap_err().code),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        answers,
        vec![
            (RequestId::from(7), -32700),
            (RequestId::from("x".to_string()), -32600)
        ]
    );
}

#[test]
fn the_reader_stops_at_a_truncated_body() {
    let mut input = frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#);
    input.extend(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"");
    let (to_server, from_reader) = crossbeam_channel::unbounded();
    let (to_client, _answers) = crossbeam_channel::unbounded();
    mutual_lsp::transport::read_loop(Cursor::new(input), &to_server, &to_client);
    assert_eq!(from_reader.try_iter().count(), 1);
}

#[test]
fn requests_before_initialize_are_refused() {
    let (server, client) = lsp_server::Connection::memory();
    let thread = std::thread::spawn(move || mutual_lsp::run(server));
    client
        .sender
        .send(Message::Request(Request::new(
            RequestId::from(1),
            "textDocument/hover".into(),
            json!({}),
        )))
        .unwrap();
    match client.receiver.recv().unwrap() {
        Message::Response(r) => assert_eq!(r.response_result.unwrap_err().code, -32002),
        other => panic!("{other:?}"),
    }
    client
        .sender
        .send(Message::Notification(Notification::new(
            "exit".into(),
            Value::Null,
        )))
        .unwrap();
    assert!(thread.join().unwrap().is_err());
}
