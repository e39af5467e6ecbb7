//! A test client driving the real main loop over `Connection::memory()`.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use mutual_lsp::{Hooks, ServerError};
use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    conn: Connection,
    thread: Option<JoinHandle<Result<(), ServerError>>>,
    next_id: i32,
    notifications: VecDeque<Notification>,
    /// Requests the server sent us (registrations, refreshes).
    pub server_requests: Vec<Request>,
    pub initialize_result: Value,
    /// Answers that arrived while waiting for another one.
    responses: Vec<Response>,
}

/// A client like VS Code: UTF-16, push diagnostics with related information,
/// hierarchical symbols.
pub fn capabilities() -> Value {
    json!({
        "general": { "positionEncodings": ["utf-16"] },
        "textDocument": {
            "publishDiagnostics": { "relatedInformation": true, "tagSupport": { "valueSet": [1, 2] } },
            "documentSymbol": { "hierarchicalDocumentSymbolSupport": true },
            "hover": { "contentFormat": ["markdown", "plaintext"] }
        },
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
    })
}

pub fn utf8_capabilities() -> Value {
    let mut caps = capabilities();
    caps["general"]["positionEncodings"] = json!(["utf-8", "utf-16"]);
    caps
}

pub fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    pub fn start() -> Client {
        Client::start_with(capabilities(), None)
    }

    pub fn start_with(capabilities: Value, workspace: Option<&Path>) -> Client {
        let (server, client) = Connection::memory();
        let hooks = Hooks {
            panic_method: true,
            today: Some("2026-06-01".into()),
        };
        let thread = std::thread::spawn(move || mutual_lsp::run_with_hooks(server, hooks));
        let mut c = Client {
            conn: client,
            thread: Some(thread),
            next_id: 0,
            notifications: VecDeque::new(),
            server_requests: Vec::new(),
            initialize_result: Value::Null,
            responses: Vec::new(),
        };
        let folders = workspace.map(|w| {
            let w = std::fs::canonicalize(w).unwrap();
            json!([{ "uri": file_uri(&w), "name": "workspace" }])
        });
        let result = c
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": null,
                    "capabilities": capabilities,
                    "workspaceFolders": folders,
                }),
            )
            .expect("initialize succeeds");
        c.initialize_result = result;
        c.notify("initialized", json!({}));
        c
    }

    pub fn send(&self, msg: Message) {
        self.conn.sender.send(msg).expect("the server is running");
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    /// Sends a request and returns its id, without waiting.
    pub fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        id
    }

    /// Sends a request and waits for its answer: the result, or the error's
    /// code and message.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, (i32, String)> {
        let id = self.send_request(method, params);
        self.response(&id)
    }

    pub fn response(&mut self, id: &RequestId) -> Result<Value, (i32, String)> {
        if let Some(i) = self.responses.iter().position(|r| r.id == *id) {
            let r = self.responses.remove(i);
            return r.response_result.map_err(|e| (e.code, e.message));
        }
        loop {
            match self.recv() {
                Message::Response(Response {
                    id: rid,
                    response_result,
                }) if rid == *id => {
                    return response_result.map_err(|e| (e.code, e.message));
                }
                Message::Response(r) => self.responses.push(r),
                Message::Notification(n) => self.notifications.push_back(n),
                Message::Request(r) => self.answer_server_request(r),
            }
        }
    }

    fn answer_server_request(&mut self, r: Request) {
        self.send(Message::Response(Response::new_ok(
            r.id.clone(),
            Value::Null,
        )));
        self.server_requests.push(r);
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(TIMEOUT)
            .expect("the server answers in time")
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.published(uri)["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The next `publishDiagnostics` params for `uri`.
    pub fn published(&mut self, uri: &str) -> Value {
        let is_it = |n: &Notification| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri
        };
        if let Some(i) = self.notifications.iter().position(is_it) {
            return self
                .notifications
                .remove(i)
                .map(|n| n.params)
                .unwrap_or_default();
        }
        loop {
            match self.recv() {
                Message::Notification(n) if is_it(&n) => return n.params,
                Message::Notification(n) => self.notifications.push_back(n),
                Message::Request(r) => self.answer_server_request(r),
                Message::Response(_) => {}
            }
        }
    }

    /// Whether a `publishDiagnostics` for `uri` arrives within `wait`.
    pub fn published_within(&mut self, uri: &str, wait: Duration) -> Option<Value> {
        let is_it = |n: &Notification| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri
        };
        if let Some(i) = self.notifications.iter().position(is_it) {
            return self.notifications.remove(i).map(|n| n.params);
        }
        let deadline = std::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Notification(n)) if is_it(&n) => return Some(n.params),
                Ok(Message::Notification(n)) => self.notifications.push_back(n),
                Ok(Message::Request(r)) => self.answer_server_request(r),
                Ok(Message::Response(_)) => {}
                Err(_) => return None,
            }
        }
    }

    /// Waits until every message sent so far has been handled (a request
    /// round trip), keeping what arrived meanwhile.
    pub fn sync(&mut self) {
        let _ = self.request("mutual/test/unknown-sync", json!({}));
    }

    /// Waits for the server to send a request with this method.
    pub fn server_request(&mut self, method: &str) -> Request {
        loop {
            if let Some(i) = self.server_requests.iter().position(|r| r.method == method) {
                return self.server_requests.remove(i);
            }
            match self.recv() {
                Message::Notification(n) => self.notifications.push_back(n),
                Message::Request(r) => self.answer_server_request(r),
                Message::Response(_) => {}
            }
        }
    }

    /// Handles everything sent so far, then forgets the notifications
    /// received (stale diagnostics).
    pub fn forget_notifications(&mut self) {
        self.sync();
        self.notifications.clear();
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "mutual", "version": 1, "text": text } }),
        );
    }

    /// Opens a document and returns its first diagnostics.
    pub fn open_and_check(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.open(uri, text);
        self.diagnostics(uri)
    }

    pub fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            method,
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
        .unwrap_or_else(|e| panic!("{method} failed: {e:?}"))
    }

    pub fn shutdown(mut self) -> Result<(), ServerError> {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.join()
    }

    pub fn join(&mut self) -> Result<(), ServerError> {
        self.thread
            .take()
            .expect("the server thread")
            .join()
            .expect("the server thread does not panic")
    }
}

/// The diagnostic with this code.
pub fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` diagnostic in {diagnostics:#?}"))
}

pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

/// Applies LSP text edits (UTF-16 positions) to a text.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| {
        (
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        )
    });
    let mut out = text.to_string();
    for e in edits.into_iter().rev() {
        let start = utf16_offset(&out, &e["range"]["start"]);
        let end = utf16_offset(&out, &e["range"]["end"]);
        out.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    out
}

fn utf16_offset(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i == line {
            let mut units = 0;
            for (b, c) in l.char_indices() {
                if units >= character || c == '\n' || c == '\r' {
                    return offset + b;
                }
                units += c.len_utf16();
            }
            return offset + l.trim_end_matches(['\n', '\r']).len();
        }
        offset += l.len();
    }
    text.len()
}
