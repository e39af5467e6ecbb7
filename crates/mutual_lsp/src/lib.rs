//! The Mutual language server.
//!
//! `mutual lsp` runs [`run_stdio`]; tests drive [`run`] over
//! `lsp_server::Connection::memory()`. This is the only crate that knows
//! lsp-types.
//!
//! - [`transport`]: our own stdio reader, which survives a malformed frame.
//! - `server`: the main loop. One thread owns the session (documents, their
//!   versions and line indexes, the settings cache, the reverse import map),
//!   applies notifications in order, answers requests through read handlers
//!   wrapped in `catch_unwind`, and checks dirty documents once the inbox is
//!   empty (coalescing, not timers).
//! - `handlers/`: one module per capability, each a function
//!   `fn(&Snapshot, Params) -> Result<R, HandlerError>`.
//!
//! The capabilities and how editors start the server are in `docs/lsp.md`.

// `lsp_types::Uri` hashes and compares by its text; its inner cell is a
// parsing cache, so it is a sound map key.
#![allow(clippy::mutable_key_type)]

mod config;
mod convert;
mod handlers;
mod lexer;
mod names;
mod server;
mod session;
pub mod transport;

use std::fmt;

pub use lsp_server::Connection;

/// Why the server stopped abnormally.
#[derive(Debug)]
pub enum ServerError {
    /// Standard input or output failed.
    Io(std::io::Error),
    /// The client sent `exit` without `shutdown` first, or closed the
    /// connection without either (LSP: exit code 1).
    ExitWithoutShutdown,
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::Io(err) => {
                write!(f, "the language server's input or output failed: {err}")
            }
            ServerError::ExitWithoutShutdown => {
                f.write_str("the client ended the session without asking the server to shut down")
            }
        }
    }
}

impl std::error::Error for ServerError {}

impl From<std::io::Error> for ServerError {
    fn from(err: std::io::Error) -> Self {
        ServerError::Io(err)
    }
}

/// An error answer to one request.
#[derive(Clone, Debug)]
pub struct HandlerError {
    pub code: i32,
    pub message: String,
}

impl HandlerError {
    pub fn invalid_params(message: impl Into<String>) -> Self {
        HandlerError {
            code: lsp_server::ErrorCode::InvalidParams as i32,
            message: message.into(),
        }
    }

    pub fn request_failed(message: impl Into<String>) -> Self {
        HandlerError {
            code: lsp_server::ErrorCode::RequestFailed as i32,
            message: message.into(),
        }
    }
}

pub type HandlerResult<T> = Result<T, HandlerError>;

/// Serves standard input and output until `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    install_panic_hook();
    let (connection, threads) = transport::stdio()?;
    // `run` takes the connection: its sender is dropped when it returns, so
    // the writer thread sees its channel close and the threads can be joined.
    let result = run(connection);
    threads.join()?;
    result
}

/// Serves one connection until `exit`: the real main loop, which tests
/// drive over `Connection::memory()`.
pub fn run(connection: Connection) -> Result<(), ServerError> {
    server::Server::run(connection, Hooks::default())
}

/// Switches for tests of the server's robustness. Not for clients.
#[doc(hidden)]
#[derive(Clone, Debug, Default)]
pub struct Hooks {
    /// Answer the method `mutual/test/panic` by panicking inside a read
    /// handler, to test that a panic becomes an error response, and
    /// `mutual/test/sleep` (params: milliseconds) by sleeping, to queue
    /// requests behind it.
    pub panic_method: bool,
    /// The date rules use as today, instead of the clock.
    pub today: Option<String>,
}

/// [`run`] with test hooks.
#[doc(hidden)]
pub fn run_with_hooks(connection: Connection, hooks: Hooks) -> Result<(), ServerError> {
    server::Server::run(connection, hooks)
}

/// Logs panics on standard error (never standard output: that is the
/// protocol's channel), then lets the default hook do nothing more.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        log(&format!(
            "panic{location}: {}",
            panic_message(info.payload())
        ));
    }));
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// One line on standard error, where editors show a server's log: the
/// only place the server writes to standard error.
#[allow(clippy::print_stderr)]
pub(crate) fn log(message: &str) {
    eprintln!("[mutual lsp] {message}");
}
