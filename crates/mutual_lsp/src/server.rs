//! The main loop: one thread owns the session; notifications mutate it in
//! order; requests are answered by read handlers on a snapshot; dirty
//! documents are checked once the inbox is empty.

use std::collections::{HashMap, HashSet, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lsp_server::{
    Connection, ErrorCode, Message, Notification, ReqQueue, Request, RequestId, Response,
};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use mutual_check::{CalendarDate, Options, ParseCache};
use mutual_syntax::Encoding;
use serde::de::DeserializeOwned;

use crate::handlers;
use crate::session::{is_config_uri, ClientSupport, ConfigCache, DocKind, Document, Snapshot};
use crate::{convert, log, panic_message, HandlerResult, Hooks, ServerError};

/// Hidden methods of the robustness tests (only with [`Hooks::panic_method`]):
/// a handler that panics, and one that sleeps (to queue requests behind it).
const TEST_PANIC_METHOD: &str = "mutual/test/panic";
const TEST_SLEEP_METHOD: &str = "mutual/test/sleep";

pub(crate) struct Server {
    connection: Connection,
    req_queue: ReqQueue<String, ()>,
    /// Messages read from the connection but not handled yet.
    inbox: VecDeque<Message>,
    state: Snapshot,
    /// Open documents whose diagnostics must be computed again.
    dirty: HashSet<Uri>,
    /// Files that changed on disk (not open), whose importers must be checked.
    dirty_paths: HashSet<PathBuf>,
    /// Open documents and the files they import (directly or not).
    imports: HashMap<Uri, HashSet<PathBuf>>,
    /// Documents we published non-empty diagnostics for.
    published: HashSet<Uri>,
    /// A `workspace/diagnostic/refresh` is owed to a pull client.
    refresh: bool,
    shutdown: bool,
    hooks: Hooks,
}

enum Flow {
    Continue,
    Exit,
}

impl Server {
    pub(crate) fn run(connection: Connection, hooks: Hooks) -> Result<(), ServerError> {
        let Some((id, params, raw)) = wait_for_initialize(&connection) else {
            return Err(ServerError::ExitWithoutShutdown);
        };
        let mut base_options = Options::default();
        let today = hooks.today.clone().or_else(|| {
            params
                .initialization_options
                .as_ref()
                .and_then(|o| o.get("today"))
                .and_then(|t| t.as_str())
                .map(str::to_string)
        });
        if let Some(today) = today.as_deref().and_then(CalendarDate::parse) {
            base_options.today = today;
        }
        let mut client = client_support(&params.capabilities);
        // LSP names it `workspace.diagnostics`; lsp-types reads `diagnostic`.
        let workspace_caps = &raw["capabilities"]["workspace"];
        client.diagnostic_refresh |= workspace_caps["diagnostics"]["refreshSupport"] == true
            || workspace_caps["diagnostic"]["refreshSupport"] == true;
        let encoding = negotiate_encoding(&params.capabilities);
        let folders = workspace_folders(&params);
        let result = InitializeResult {
            capabilities: capabilities(encoding, client.pull_diagnostics),
            server_info: Some(ServerInfo {
                name: "mutual".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        };
        let _ = connection
            .sender
            .send(Message::Response(Response::new_ok(id, result)));
        let mut server = Server {
            connection,
            req_queue: ReqQueue::default(),
            inbox: VecDeque::new(),
            state: Snapshot {
                docs: Arc::new(HashMap::new()),
                overlay: Arc::new(HashMap::new()),
                encoding,
                workspace_folders: Arc::new(folders),
                configs: Arc::new(Mutex::new(ConfigCache::default())),
                client: Arc::new(client),
                base_options: Arc::new(base_options),
                parses: Arc::new(ParseCache::new()),
            },
            dirty: HashSet::new(),
            dirty_paths: HashSet::new(),
            imports: HashMap::new(),
            published: HashSet::new(),
            refresh: false,
            shutdown: false,
            hooks,
        };
        server.main_loop()
    }

    fn main_loop(&mut self) -> Result<(), ServerError> {
        loop {
            self.take_in();
            let msg = match self.inbox.pop_front() {
                Some(msg) => msg,
                None => match self.connection.receiver.recv() {
                    Ok(msg) => {
                        self.intake(msg);
                        continue;
                    }
                    Err(_) => {
                        // The client closed the connection.
                        return if self.shutdown {
                            Ok(())
                        } else {
                            Err(ServerError::ExitWithoutShutdown)
                        };
                    }
                },
            };
            match self.handle(msg) {
                Flow::Exit => {
                    return if self.shutdown {
                        Ok(())
                    } else {
                        Err(ServerError::ExitWithoutShutdown)
                    }
                }
                Flow::Continue => {}
            }
            self.take_in();
            if self.inbox.is_empty() {
                self.flush();
            }
        }
    }

    /// Moves every message already received into the inbox.
    fn take_in(&mut self) {
        while let Ok(msg) = self.connection.receiver.try_recv() {
            self.intake(msg);
        }
    }

    /// Queues a message. Requests are registered so that a `$/cancelRequest`
    /// for one still queued answers `RequestCanceled` at once.
    fn intake(&mut self, msg: Message) {
        match msg {
            Message::Request(ref r) => {
                self.req_queue
                    .incoming
                    .register(r.id.clone(), r.method.clone());
                self.inbox.push_back(msg);
            }
            Message::Notification(ref n) if n.method == notif::Cancel::METHOD => {
                let id = serde_json::from_value::<CancelParams>(n.params.clone())
                    .ok()
                    .map(|p| match p.id {
                        NumberOrString::Number(n) => RequestId::from(n),
                        NumberOrString::String(s) => RequestId::from(s),
                    });
                if let Some(response) = id.and_then(|id| self.req_queue.incoming.cancel(id)) {
                    self.send(Message::Response(response));
                }
            }
            _ => self.inbox.push_back(msg),
        }
    }

    fn send(&self, msg: Message) {
        if self.connection.sender.send(msg).is_err() {
            log("the connection is closed; a message was dropped");
        }
    }

    fn respond(&self, response: Response) {
        self.send(Message::Response(response));
    }

    fn handle(&mut self, msg: Message) -> Flow {
        match msg {
            Message::Request(request) => {
                // A request cancelled while queued was answered already.
                if self.req_queue.incoming.complete(&request.id).is_none() {
                    return Flow::Continue;
                }
                self.on_request(request);
                Flow::Continue
            }
            Message::Notification(n) => {
                if n.method == notif::Exit::METHOD {
                    return Flow::Exit;
                }
                let method = n.method.clone();
                let outcome = catch_unwind(AssertUnwindSafe(|| self.on_notification(n)));
                if let Err(panic) = outcome {
                    log(&format!(
                        "handling `{method}` failed: {}",
                        panic_message(panic.as_ref())
                    ));
                }
                Flow::Continue
            }
            Message::Response(response) => {
                // Answers to our own requests (registration, refresh).
                let _ = self.req_queue.outgoing.complete(response.id.clone());
                if let Err(err) = &response.response_result {
                    log(&format!("the client answered an error: {}", err.message));
                }
                Flow::Continue
            }
        }
    }

    fn on_request(&mut self, request: Request) {
        if self.shutdown {
            self.respond(Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down: only `exit` is accepted now".into(),
            ));
            return;
        }
        match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                self.respond(Response::new_ok(request.id, ()));
            }
            req::Initialize::METHOD => self.respond(Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                "the server is already initialized".into(),
            )),
            req::HoverRequest::METHOD => {
                self.read::<req::HoverRequest>(request, handlers::hover::hover)
            }
            req::GotoDefinition::METHOD => {
                self.read::<req::GotoDefinition>(request, handlers::definition::definition)
            }
            req::References::METHOD => {
                self.read::<req::References>(request, handlers::references::references)
            }
            req::DocumentHighlightRequest::METHOD => {
                self.read::<req::DocumentHighlightRequest>(request, handlers::highlight::highlight)
            }
            req::PrepareRenameRequest::METHOD => {
                self.read::<req::PrepareRenameRequest>(request, handlers::rename::prepare_rename)
            }
            req::Rename::METHOD => self.read::<req::Rename>(request, handlers::rename::rename),
            req::Completion::METHOD => {
                self.read::<req::Completion>(request, handlers::completion::completion)
            }
            req::DocumentSymbolRequest::METHOD => self
                .read::<req::DocumentSymbolRequest>(request, handlers::symbols::document_symbols),
            req::WorkspaceSymbolRequest::METHOD => self.read::<req::WorkspaceSymbolRequest>(
                request,
                handlers::workspace_symbols::workspace_symbols,
            ),
            req::CodeActionRequest::METHOD => {
                self.read::<req::CodeActionRequest>(request, handlers::code_action::code_actions)
            }
            req::Formatting::METHOD => {
                self.read::<req::Formatting>(request, handlers::formatting::format)
            }
            req::SemanticTokensFullRequest::METHOD => self
                .read::<req::SemanticTokensFullRequest>(request, handlers::semantic_tokens::full),
            req::InlayHintRequest::METHOD => {
                self.read::<req::InlayHintRequest>(request, handlers::inlay_hints::inlay_hints)
            }
            req::DocumentDiagnosticRequest::METHOD => {
                self.read::<req::DocumentDiagnosticRequest>(request, handlers::diagnostics::pull)
            }
            TEST_PANIC_METHOD if self.hooks.panic_method => self
                .read_with::<serde_json::Value, serde_json::Value>(request, |_, _| {
                    panic!("a handler panicked on purpose (test hook)")
                }),
            TEST_SLEEP_METHOD if self.hooks.panic_method => {
                self.read_with::<u64, ()>(request, |_, ms| {
                    std::thread::sleep(std::time::Duration::from_millis(ms.min(5000)));
                    Ok(())
                })
            }
            _ => self.respond(Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{}`", request.method),
            )),
        }
    }

    fn read<R>(&mut self, request: Request, f: fn(&Snapshot, R::Params) -> HandlerResult<R::Result>)
    where
        R: req::Request,
    {
        self.read_with::<R::Params, R::Result>(request, f)
    }

    /// Runs a read handler on a snapshot. Bad params answer `InvalidParams`;
    /// a panic answers `InternalError`, and the server goes on.
    fn read_with<P, R>(&mut self, request: Request, f: fn(&Snapshot, P) -> HandlerResult<R>)
    where
        P: DeserializeOwned,
        R: serde::Serialize,
    {
        let id = request.id;
        let params = match serde_json::from_value::<P>(request.params) {
            Ok(p) => p,
            Err(err) => {
                self.respond(Response::new_err(
                    id,
                    ErrorCode::InvalidParams as i32,
                    format!("bad parameters for `{}`: {err}", request.method),
                ));
                return;
            }
        };
        let snapshot = self.state.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| f(&snapshot, params)));
        let response = match outcome {
            Ok(Ok(result)) => match serde_json::to_value(result) {
                Ok(value) => Response {
                    id,
                    response_result: Ok(value),
                },
                Err(err) => Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    format!("the answer could not be written: {err}"),
                ),
            },
            Ok(Err(err)) => Response::new_err(id, err.code, err.message),
            Err(panic) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!(
                    "the server failed on `{}`: {}",
                    request.method,
                    panic_message(panic.as_ref())
                ),
            ),
        };
        self.respond(response);
    }

    fn on_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::Initialized::METHOD => self.register_watchers(),
            notif::DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<DidOpenTextDocumentParams>(&n) {
                    let d = p.text_document;
                    let doc = Document::new(d.uri, d.text, d.version, &d.language_id);
                    self.put_doc(doc);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<DidChangeTextDocumentParams>(&n) {
                    self.did_change(p);
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<DidCloseTextDocumentParams>(&n) {
                    self.did_close(p.text_document.uri);
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                if let Some(p) = params::<DidSaveTextDocumentParams>(&n) {
                    if is_config_uri(&p.text_document.uri) {
                        self.config_changed();
                    }
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = params::<DidChangeWatchedFilesParams>(&n) {
                    for change in p.changes {
                        if is_config_uri(&change.uri) {
                            self.config_changed();
                        } else if let Some(path) = convert::uri_to_path(&change.uri) {
                            self.dirty_paths.insert(convert::canonical(&path));
                            self.dirty_paths.insert(convert::normalize(&path));
                        }
                    }
                }
            }
            notif::DidChangeWorkspaceFolders::METHOD => {
                if let Some(p) = params::<DidChangeWorkspaceFoldersParams>(&n) {
                    let mut folders = (*self.state.workspace_folders).clone();
                    for removed in p.event.removed {
                        if let Some(path) = convert::uri_to_path(&removed.uri) {
                            let path = convert::canonical(&path);
                            folders.retain(|f| *f != path);
                        }
                    }
                    for added in p.event.added {
                        if let Some(path) = convert::uri_to_path(&added.uri) {
                            folders.push(convert::canonical(&path));
                        }
                    }
                    self.state.workspace_folders = Arc::new(folders);
                    self.config_changed();
                }
            }
            // Anything else (`$/setTrace`, `workspace/didChangeConfiguration`,
            // unknown notifications) is ignored, as LSP asks.
            _ => {}
        }
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let Some(doc) = self.state.docs.get(&uri).cloned() else {
            log(&format!(
                "a change to {} was ignored: the document is not open",
                uri.as_str()
            ));
            return;
        };
        // Apply each change to the text left by the one before: later
        // ranges refer to the intermediate text, so the line index is
        // rebuilt after each (and the last one is the new document's).
        let enc = self.state.encoding;
        let mut text = doc.text.to_string();
        let mut index = Arc::clone(&doc.line_index);
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let span = convert::span(&text, &index, range, enc);
                    text.replace_range(span.range(), &change.text);
                }
                None => text = change.text,
            }
            index = Arc::new(mutual_syntax::LineIndex::new(&text));
        }
        let new = doc.with_text(text, index, p.text_document.version);
        self.put_doc(new);
    }

    fn put_doc(&mut self, doc: Document) {
        let uri = doc.uri.clone();
        let kind = doc.kind;
        if let Some(path) = &doc.path {
            Arc::make_mut(&mut self.state.overlay).insert(path.clone(), Arc::clone(&doc.text));
        }
        Arc::make_mut(&mut self.state.docs).insert(uri.clone(), Arc::new(doc));
        match kind {
            DocKind::Mutual => {
                self.dirty.insert(uri);
            }
            DocKind::Config => self.config_changed(),
            DocKind::Other => {}
        }
    }

    fn did_close(&mut self, uri: Uri) {
        let Some(doc) = Arc::make_mut(&mut self.state.docs).remove(&uri) else {
            return;
        };
        if let Some(path) = &doc.path {
            Arc::make_mut(&mut self.state.overlay).remove(path);
            // Its importers now read it from disk.
            self.dirty_paths.insert(path.clone());
        }
        self.imports.remove(&uri);
        self.dirty.remove(&uri);
        if doc.kind == DocKind::Config {
            self.config_changed();
        }
        if self.published.remove(&uri) {
            self.publish(uri, Vec::new(), None);
        }
    }

    /// A `mutual.toml` changed: every open file is checked again.
    fn config_changed(&mut self) {
        match self.state.configs.lock() {
            Ok(mut c) => c.clear(),
            Err(poisoned) => poisoned.into_inner().clear(),
        }
        let all: Vec<Uri> = self
            .state
            .docs
            .values()
            .filter(|d| d.kind != DocKind::Other)
            .map(|d| d.uri.clone())
            .collect();
        self.dirty.extend(all);
        self.refresh = true;
    }

    fn register_watchers(&mut self) {
        if !self.state.client.watch_files_dynamic {
            return;
        }
        let watchers = ["**/mutual.toml", "**/*.mutual"]
            .iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*g).to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "mutual-watched-files".into(),
            method: notif::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        let request = self.req_queue.outgoing.register(
            req::RegisterCapability::METHOD.into(),
            RegistrationParams {
                registrations: vec![registration],
            },
            (),
        );
        self.send(Message::Request(request));
    }

    /// Checks the dirty documents and the open documents that import them,
    /// once, and publishes (push clients) or asks for a refresh (pull).
    fn flush(&mut self) {
        if self.dirty.is_empty() && self.dirty_paths.is_empty() && !self.refresh {
            return;
        }
        let dirty = std::mem::take(&mut self.dirty);
        let mut changed_paths = std::mem::take(&mut self.dirty_paths);
        for uri in &dirty {
            if let Some(path) = self.state.docs.get(uri).and_then(|d| d.path.clone()) {
                changed_paths.insert(path);
            }
        }
        let importers: Vec<Uri> = self
            .imports
            .iter()
            .filter(|(uri, imports)| {
                !dirty.contains(*uri) && imports.iter().any(|p| changed_paths.contains(p))
            })
            .map(|(uri, _)| uri.clone())
            .collect();
        let refresh = std::mem::take(&mut self.refresh) || !importers.is_empty();
        let mut targets: Vec<Uri> = dirty.into_iter().chain(importers).collect();
        targets.sort();
        targets.dedup();
        let pull = self.state.client.pull_diagnostics;
        for uri in targets {
            let Some(doc) = self.state.docs.get(&uri).cloned() else {
                continue;
            };
            if doc.kind == DocKind::Config && !pull {
                let diagnostics = handlers::diagnostics::config_diagnostics(&self.state, &doc);
                if diagnostics.is_empty() {
                    self.published.remove(&uri);
                } else {
                    self.published.insert(uri.clone());
                }
                self.publish(uri, diagnostics, Some(doc.version));
                continue;
            }
            if doc.kind != DocKind::Mutual {
                continue;
            }
            let snapshot = self.state.clone();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let analysis = snapshot.analyze(&doc);
                let imports: HashSet<PathBuf> = (1..analysis.project.files.len())
                    .map(|i| convert::canonical(&analysis.project.files[i].source.path))
                    .collect();
                let diagnostics =
                    (!pull).then(|| handlers::diagnostics::compute(&snapshot, &analysis));
                (imports, diagnostics)
            }));
            match outcome {
                Ok((imports, diagnostics)) => {
                    self.imports.insert(uri.clone(), imports);
                    if let Some(diagnostics) = diagnostics {
                        if diagnostics.is_empty() {
                            self.published.remove(&uri);
                        } else {
                            self.published.insert(uri.clone());
                        }
                        self.publish(uri, diagnostics, Some(doc.version));
                    }
                }
                Err(panic) => log(&format!(
                    "checking {} failed: {}",
                    uri.as_str(),
                    panic_message(panic.as_ref())
                )),
            }
        }
        if pull && refresh && self.state.client.diagnostic_refresh {
            let request = self.req_queue.outgoing.register(
                req::WorkspaceDiagnosticRefresh::METHOD.into(),
                (),
                (),
            );
            self.send(Message::Request(request));
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            notif::PublishDiagnostics::METHOD.into(),
            params,
        )));
    }
}

fn params<P: DeserializeOwned>(n: &Notification) -> Option<P> {
    match serde_json::from_value(n.params.clone()) {
        Ok(p) => Some(p),
        Err(err) => {
            log(&format!(
                "ignored `{}` with bad parameters: {err}",
                n.method
            ));
            None
        }
    }
}

/// Waits for `initialize`, answering other requests `ServerNotInitialized`.
/// `None` when the client leaves first.
fn wait_for_initialize(
    connection: &Connection,
) -> Option<(RequestId, InitializeParams, serde_json::Value)> {
    loop {
        match connection.receiver.recv().ok()? {
            Message::Request(r) if r.method == req::Initialize::METHOD => {
                match serde_json::from_value::<InitializeParams>(r.params.clone()) {
                    Ok(p) => return Some((r.id, p, r.params)),
                    Err(err) => {
                        let _ = connection.sender.send(Message::Response(Response::new_err(
                            r.id,
                            ErrorCode::InvalidParams as i32,
                            format!("bad parameters for `initialize`: {err}"),
                        )));
                    }
                }
            }
            Message::Request(r) => {
                let _ = connection.sender.send(Message::Response(Response::new_err(
                    r.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet".into(),
                )));
            }
            Message::Notification(n) if n.method == notif::Exit::METHOD => return None,
            _ => {}
        }
    }
}

/// UTF-8 when the client offers it, else UTF-16 (the LSP default).
fn negotiate_encoding(caps: &ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn client_support(caps: &ClientCapabilities) -> ClientSupport {
    let text = caps.text_document.as_ref();
    let workspace = caps.workspace.as_ref();
    ClientSupport {
        pull_diagnostics: text.is_some_and(|t| t.diagnostic.is_some()),
        diagnostic_refresh: workspace
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false),
        related_information: text
            .and_then(|t| t.publish_diagnostics.as_ref())
            .and_then(|p| p.related_information)
            .unwrap_or(false),
        watch_files_dynamic: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        hierarchical_symbols: text
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false),
    }
}

#[allow(deprecated)]
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| convert::uri_to_path(&f.uri))
        .map(|p| convert::canonical(&p))
        .collect();
    if out.is_empty() {
        if let Some(root) = params.root_uri.as_ref().and_then(convert::uri_to_path) {
            out.push(convert::canonical(&root));
        }
    }
    out
}

fn capabilities(encoding: Encoding, pull: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "\"".into(), "/".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_highlight_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: handlers::semantic_tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            },
        )),
        inlay_hint_provider: Some(OneOf::Left(true)),
        diagnostic_provider: pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("mutual".into()),
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}
