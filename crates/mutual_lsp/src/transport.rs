//! Our own stdio transport.
//!
//! lsp-server's reader thread ends on the first malformed frame, and the
//! server with it. Ours logs the bad frame, answers `ParseError` when an id
//! can be read from it, and goes on reading. [`read_message`] works on any
//! byte stream, so it is tested without a process.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, RequestId, Response};

/// What one read from the stream produced.
#[derive(Debug)]
pub enum ReadOutcome {
    /// A well-formed message.
    Message(Message),
    /// A frame that could not be read; the stream is positioned after it.
    Malformed {
        /// The request id, when one could be read from the bad frame.
        id: Option<RequestId>,
        /// The JSON was valid but was no LSP message (an invalid request).
        valid_json: bool,
        reason: String,
    },
    /// The end of the stream.
    Eof,
}

/// Reads one frame: headers, a blank line, a body of `Content-Length` bytes.
pub fn read_message(r: &mut impl BufRead) -> io::Result<ReadOutcome> {
    let mut content_length: Option<usize> = None;
    let mut saw_header = false;
    let mut garbage: Option<String> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line)? == 0 {
            return Ok(match garbage {
                Some(reason) => ReadOutcome::Malformed {
                    id: None,
                    valid_json: false,
                    reason,
                },
                None => ReadOutcome::Eof,
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if let Some(len) = content_length {
                break read_body(r, len);
            }
            if saw_header || garbage.is_some() {
                return Ok(ReadOutcome::Malformed {
                    id: None,
                    valid_json: false,
                    reason: garbage
                        .unwrap_or_else(|| "a message without a Content-Length header".into()),
                });
            }
            continue; // a stray blank line between frames
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                saw_header = true;
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_BODY => content_length = Some(n),
                    _ => {
                        garbage = Some(format!("a bad Content-Length header: {:?}", value.trim()));
                        content_length = None;
                    }
                }
            }
            Some(_) => saw_header = true,
            None => {
                if garbage.is_none() {
                    garbage = Some(format!("a line that is no header: {:?}", shorten(text)));
                }
            }
        }
    }
}

/// Frames larger than this are refused rather than allocated.
const MAX_BODY: usize = 256 * 1024 * 1024;

fn read_body(r: &mut impl BufRead, len: usize) -> io::Result<ReadOutcome> {
    let mut body = Vec::with_capacity(len.min(1 << 20));
    r.take(len as u64).read_to_end(&mut body)?;
    if body.len() < len {
        return Ok(ReadOutcome::Eof);
    }
    let Ok(text) = String::from_utf8(body) else {
        return Ok(ReadOutcome::Malformed {
            id: None,
            valid_json: false,
            reason: "a message body that is not UTF-8".into(),
        });
    };
    match serde_json::from_str::<Message>(&text) {
        Ok(msg) => Ok(ReadOutcome::Message(msg)),
        Err(err) => {
            let value = serde_json::from_str::<serde_json::Value>(&text).ok();
            let id = match &value {
                Some(v) => v.get("id").and_then(id_of),
                None => scan_id(&text),
            };
            Ok(ReadOutcome::Malformed {
                id,
                valid_json: value.is_some(),
                reason: format!("a malformed message ({err}): {}", shorten(&text)),
            })
        }
    }
}

fn id_of(v: &serde_json::Value) -> Option<RequestId> {
    match v {
        serde_json::Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
        serde_json::Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

/// Finds `"id": 12` or `"id": "x"` in text that is not valid JSON.
fn scan_id(text: &str) -> Option<RequestId> {
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(s) = rest.strip_prefix('"') {
        let end = s.find('"')?;
        return Some(RequestId::from(s[..end].to_string()));
    }
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    digits.parse::<i32>().ok().map(RequestId::from)
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(200).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// Reads messages from `input` until the end of the stream or `exit`,
/// forwarding good ones to `to_server`. A bad frame is logged on standard
/// error and, when its id can be read, answered on `to_client`.
pub fn read_loop(
    mut input: impl BufRead,
    to_server: &Sender<Message>,
    to_client: &Sender<Message>,
) {
    loop {
        match read_message(&mut input) {
            Ok(ReadOutcome::Message(msg)) => {
                let is_exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                if to_server.send(msg).is_err() || is_exit {
                    return;
                }
            }
            Ok(ReadOutcome::Malformed {
                id,
                valid_json,
                reason,
            }) => {
                crate::log(&format!("ignored {reason}"));
                if let Some(id) = id {
                    let (code, what) = if valid_json {
                        (ErrorCode::InvalidRequest, "not a valid request")
                    } else {
                        (ErrorCode::ParseError, "the message could not be parsed")
                    };
                    let response = Response::new_err(id, code as i32, what.to_string());
                    let _ = to_client.send(Message::Response(response));
                }
            }
            Ok(ReadOutcome::Eof) => return,
            Err(err) => {
                crate::log(&format!("reading standard input failed: {err}"));
                return;
            }
        }
    }
}

/// Writes every message of `outgoing` to `output` until every sender is gone.
pub fn write_loop(outgoing: &Receiver<Message>, mut output: impl Write) -> io::Result<()> {
    for msg in outgoing {
        msg.write(&mut output)?;
        output.flush()?;
    }
    Ok(())
}

/// The reader and writer threads of a stdio connection.
pub struct IoThreads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for both threads. Call it after the connection is dropped, so
    /// that the writer sees its channel closed and ends.
    pub fn join(self) -> io::Result<()> {
        let _ = self.reader.join();
        match self.writer.join() {
            Ok(result) => result,
            Err(_) => Err(io::Error::other("the writer thread panicked")),
        }
    }
}

/// A connection over standard input and output, with our reader.
pub fn stdio() -> io::Result<(lsp_server::Connection, IoThreads)> {
    let (to_client, outgoing) = crossbeam_channel::unbounded::<Message>();
    let (to_server, incoming) = crossbeam_channel::unbounded::<Message>();
    let writer = thread::Builder::new()
        .name("mutual-lsp-writer".into())
        .spawn(move || write_loop(&outgoing, io::stdout().lock()))?;
    let reader_client = to_client.clone();
    let reader = thread::Builder::new()
        .name("mutual-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            read_loop(stdin.lock(), &to_server, &reader_client);
        })?;
    Ok((
        lsp_server::Connection {
            sender: to_client,
            receiver: incoming,
        },
        IoThreads { reader, writer },
    ))
}
