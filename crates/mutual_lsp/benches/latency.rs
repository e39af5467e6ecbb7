//! The language server's latency: from a `didChange` of a 10,000-line
//! document to its `publishDiagnostics`, over `Connection::memory()` and the
//! real main loop, as an editor sees it while someone types.
//!
//!     cargo bench -p mutual_lsp --bench latency [-- EDITS [LINES]]
//!
//! Prints the median, p90, p99 and maximum over the edits (200 by default)
//! after 20 edits of warm-up. The document is a generated file of
//! agreements like `bench/generate.py` writes, in a temporary folder, and it
//! imports a file of shared parties there, as real projects do. Each edit
//! types or deletes one letter inside a text, alternately, so that the
//! document stays the same size and its diagnostics stay the same.

// A benchmark reports to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

const WARMUP: usize = 20;
/// The column of the first letter of a `purpose` text (`  purpose "…"`).
const PURPOSE_TEXT: usize = 11;
const TIMEOUT: Duration = Duration::from_secs(60);

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
    let edits: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let lines: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);

    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("shared.mutual"), SHARED).unwrap();
    let (text, edit_lines) = document(lines);
    let path = dir.path().join("big.mutual");
    std::fs::write(&path, &text).unwrap();
    let path = std::fs::canonicalize(&path).unwrap();
    let uri = format!("file://{}", path.display());

    let (server, client) = Connection::memory();
    let hooks = mutual_lsp::Hooks {
        panic_method: false,
        today: Some("2026-11-23".into()),
    };
    let thread = std::thread::spawn(move || mutual_lsp::run_with_hooks(server, hooks));
    let folder = format!(
        "file://{}",
        std::fs::canonicalize(dir.path()).unwrap().display()
    );
    request(
        &client,
        1,
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {
                "general": { "positionEncodings": ["utf-16"] },
                "textDocument": { "publishDiagnostics": { "relatedInformation": true } }
            },
            "workspaceFolders": [{ "uri": folder, "name": "bench" }],
        }),
    );
    notify(&client, "initialized", json!({}));

    let start = Instant::now();
    notify(
        &client,
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": uri, "languageId": "mutual", "version": 0, "text": text
        }}),
    );
    let count = wait_for_diagnostics(&client, 0);
    let open = start.elapsed();

    let mut times = Vec::with_capacity(edits);
    for i in 0..WARMUP + edits {
        let version = i as i32 + 1;
        // Type an `x` at the start of a `purpose` text, then delete it.
        let line = edit_lines[(i / 2) % edit_lines.len()];
        let change = if i % 2 == 0 {
            json!({ "range": { "start": pos(line, PURPOSE_TEXT), "end": pos(line, PURPOSE_TEXT) }, "text": "x" })
        } else {
            json!({ "range": { "start": pos(line, PURPOSE_TEXT), "end": pos(line, PURPOSE_TEXT + 1) }, "text": "" })
        };
        let start = Instant::now();
        notify(
            &client,
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [change],
            }),
        );
        let n = wait_for_diagnostics(&client, version);
        let elapsed = start.elapsed();
        assert_eq!(n, count, "the edits do not change the diagnostics");
        if i >= WARMUP {
            times.push(elapsed);
        }
    }

    request(&client, 2, "shutdown", Value::Null);
    notify(&client, "exit", Value::Null);
    drop(client);
    thread.join().unwrap().unwrap();

    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |p: f64| times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1];
    println!(
        "document: {} lines, {} bytes, {} diagnostics; open and first diagnostics: {:.1} ms",
        text.lines().count(),
        text.len(),
        count,
        ms(open)
    );
    println!(
        "didChange -> publishDiagnostics over {} edits: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        ms(pct(0.50)),
        ms(pct(0.90)),
        ms(pct(0.99)),
        ms(*times.last().unwrap())
    );
}

const SHARED: &str = "party shared_chapter \"Shared chapter\" {\n  kind chapter\n  contact \"Chapter <c@example.org>\"\n}\ngoal shared_goal \"Free knowledge for everyone\"\n";

/// A document of about `lines` lines, and the (0-based) lines of its
/// `purpose` clauses, where the edits go.
fn document(lines: usize) -> (String, Vec<usize>) {
    let mut text = String::from("import \"shared.mutual\"\n\n");
    let mut purposes = Vec::new();
    let mut count = 2;
    let mut i = 0;
    while count < lines {
        let start = text.len();
        agreement(&mut text, i);
        // `purpose` is the agreement's fourth line.
        purposes.push(count + 3);
        count += text[start..].matches('\n').count();
        i += 1;
    }
    (text, purposes)
}

const WORDS: &[&str] = &[
    "history",
    "city",
    "archive",
    "workshop",
    "editors",
    "article",
    "photo",
    "scan",
    "students",
    "class",
    "library",
    "museum",
    "collection",
    "volunteer",
    "review",
    "exhibition",
    "training",
];

fn sentence(seed: &mut u64, n: usize) -> String {
    let mut out = String::new();
    for k in 0..n {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = WORDS[(*seed >> 33) as usize % WORDS.len()];
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn agreement(text: &mut String, i: usize) {
    let mut seed = i as u64 + 1;
    let s = &mut seed;
    let goal = format!("goal_{i}");
    let _ = writeln!(text, "# Agreement {i}");
    let _ = writeln!(text, "agreement \"Agreement {i}: {}\" {{", sentence(s, 3));
    let _ = writeln!(text, "  status active");
    let _ = writeln!(text, "  purpose \"{}\"", sentence(s, 10));
    let _ = writeln!(text, "  binding no");
    let _ = writeln!(text, "  term 2026-03-01 to 2027-12-31");
    let _ = writeln!(text, "  review every 6 months \"{}\"", sentence(s, 6));
    let _ = writeln!(text, "  exit notice 30 days \"{}\"", sentence(s, 6));
    let _ = writeln!(text, "  wind-down \"{}\"", sentence(s, 6));
    let _ = writeln!(text, "  creates \"{}\"", sentence(s, 6));
    // One agreement in four forgets its measure, so that there are
    // diagnostics to compute and send (`missing-measure`).
    if !i.is_multiple_of(4) {
        let _ = writeln!(text, "  measure \"{}\"", sentence(s, 6));
    }
    let _ = writeln!(text, "  goal {goal} \"{}\"", sentence(s, 5));
    for p in 0..3 {
        let id = format!("p{i}_{p}");
        let _ = writeln!(text, "  party {id} \"{}\" {{", sentence(s, 2));
        let _ = writeln!(text, "    kind library");
        let _ = writeln!(text, "    contact \"{id} <{id}@example.org>\"");
        let _ = writeln!(text, "    pursues {goal}, shared_goal");
        let _ = writeln!(text, "    invests time 40 hours \"{}\"", sentence(s, 6));
        let _ = writeln!(
            text,
            "    invests content 20 photos \"{}\" license \"CC-BY-SA-4.0\"",
            sentence(s, 6)
        );
        let _ = writeln!(text, "    gains members \"{}\"", sentence(s, 6));
        let _ = writeln!(text, "    gains skills \"{}\"", sentence(s, 6));
        let _ = writeln!(text, "    commits \"{}\" by 2027-06-30", sentence(s, 5));
        let _ = writeln!(text, "    signed 2026-02-0{}", p + 1);
        let _ = writeln!(text, "  }}");
    }
    let _ = writeln!(text, "  channel all every 1 month \"{}\"", sentence(s, 4));
    let _ = writeln!(text, "  escalation all \"{}\"", sentence(s, 5));
    let _ = writeln!(text, "  decides all \"{}\"", sentence(s, 5));
    let _ = writeln!(
        text,
        "  risk \"{}\" mitigation \"{}\"",
        sentence(s, 4),
        sentence(s, 4)
    );
    let _ = writeln!(text, "}}\n");
}

fn pos(line: usize, character: usize) -> Value {
    json!({ "line": line, "character": character })
}

fn notify(conn: &Connection, method: &str, params: Value) {
    conn.sender
        .send(Message::Notification(Notification::new(
            method.into(),
            params,
        )))
        .expect("the server is running");
}

fn request(conn: &Connection, id: i32, method: &str, params: Value) -> Value {
    let id = RequestId::from(id);
    conn.sender
        .send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )))
        .expect("the server is running");
    loop {
        match conn.receiver.recv_timeout(TIMEOUT).expect("an answer") {
            Message::Response(r) if r.id == id => return r.response_result.unwrap_or(Value::Null),
            _ => {}
        }
    }
}

/// Waits for the diagnostics of `version`; returns how many there are.
fn wait_for_diagnostics(conn: &Connection, version: i32) -> usize {
    loop {
        match conn
            .receiver
            .recv_timeout(TIMEOUT)
            .expect("diagnostics in time")
        {
            Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics"
                    && n.params["version"] == json!(version) =>
            {
                return n.params["diagnostics"].as_array().map_or(0, Vec::len);
            }
            _ => {}
        }
    }
}
