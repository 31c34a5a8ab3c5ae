//! `okrlint lsp`: a language server over stdio. Diagnostics for the unsaved buffer after every
//! change, quick fixes and a "disable for this line" action, hover with a key result's facts
//! and score, position encoding negotiated, configuration reloaded when it changes.
//!
//! Changes are coalesced: every message waiting is handled before anything is linted, and
//! only then are the changed documents linted, each at its latest version. A panic inside a
//! lint is caught and logged; the server stays up.

mod actions;
mod document;
mod transport;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notifications, Notification as _};
use lsp_types::request::{self as requests, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, HoverProviderCapability,
    InitializeParams, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};
use serde::de::DeserializeOwned;

use crate::analysis::FactsCache;
use crate::config_files::Configs;
use crate::rules::Settings;
use crate::rules::config::Overrides;
use crate::source::ColumnUnit;
use document::Document;
use transport::Output;

/// Runs the server until the client sends `exit`; returns the process's exit code (0 after a
/// `shutdown`, 1 without one).
pub fn run() -> u8 {
    let output = Output::stdout();
    let (sender, messages) = mpsc::channel();
    let reader_output = output.clone();
    std::thread::spawn(move || {
        transport::read_messages(std::io::stdin().lock(), sender, reader_output)
    });
    let Some(mut server) = Server::initialize(&messages, output) else {
        return 1;
    };
    server.serve(&messages)
}

struct Server {
    output: Output,
    unit: ColumnUnit,
    documents: HashMap<String, Document>,
    /// Documents changed since they were last linted.
    dirty: BTreeSet<String>,
    /// Configurations found so far, by folder; read again when one changes.
    configs: RefCell<Configs>,
    /// Facts of key results already analysed, so an edit re-analyses only what it touched.
    facts: FactsCache,
    shut_down: bool,
}

impl Server {
    /// Waits for `initialize`, answers it with the capabilities and the negotiated position
    /// encoding. Requests before it get "server not initialized".
    fn initialize(messages: &mpsc::Receiver<Message>, output: Output) -> Option<Server> {
        loop {
            match messages.recv().ok()? {
                Message::Request(request) if request.method == requests::Initialize::METHOD => {
                    let params: InitializeParams =
                        serde_json::from_value(request.params.clone()).unwrap_or_default();
                    let (encoding, unit) = negotiate(&params);
                    let result = serde_json::json!({
                        "capabilities": capabilities(encoding),
                        "serverInfo": ServerInfo { name: "okrlint".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
                    });
                    output.send(Response::new_ok(request.id, result).into());
                    return Some(Server {
                        output,
                        unit,
                        documents: HashMap::new(),
                        dirty: BTreeSet::new(),
                        configs: RefCell::new(fresh_configs()),
                        facts: FactsCache::default(),
                        shut_down: false,
                    });
                }
                Message::Request(request) => output.send(
                    Response::new_err(
                        request.id,
                        ErrorCode::ServerNotInitialized as i32,
                        "the server is not initialized".into(),
                    )
                    .into(),
                ),
                Message::Notification(n) if n.method == notifications::Exit::METHOD => return None,
                _ => {}
            }
        }
    }

    fn serve(&mut self, messages: &mpsc::Receiver<Message>) -> u8 {
        while let Ok(first) = messages.recv() {
            let mut next = Some(first);
            while let Some(message) = next {
                if let Some(code) = self.handle(message) {
                    return code;
                }
                next = messages.try_recv().ok();
            }
            self.lint_changed();
        }
        1
    }

    /// Handles one message; `Some(code)` when the server is to exit.
    fn handle(&mut self, message: Message) -> Option<u8> {
        match message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) => return self.notification(notification),
            Message::Response(_) => {}
        }
        None
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let response = match request.method.as_str() {
            requests::Shutdown::METHOD => {
                self.shut_down = true;
                Response::new_ok(id, ())
            }
            requests::CodeActionRequest::METHOD => {
                match params::<lsp_types::CodeActionParams>(&request) {
                    Ok(p) => Response::new_ok(
                        id,
                        self.with_document(&p.text_document.uri, |doc, settings, unit| {
                            actions::code_actions(doc, settings, unit, &p)
                        }),
                    ),
                    Err(e) => e.into_response(id),
                }
            }
            requests::HoverRequest::METHOD => match params::<lsp_types::HoverParams>(&request) {
                Ok(p) => {
                    let uri = p.text_document_position_params.text_document.uri.clone();
                    let position = p.text_document_position_params.position;
                    Response::new_ok(
                        id,
                        self.with_document(&uri, |doc, settings, unit| {
                            actions::hover(doc, settings, unit, position)
                        })
                        .flatten(),
                    )
                }
                Err(e) => e.into_response(id),
            },
            other => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("okrlint does not handle `{other}`"),
            ),
        };
        self.output.send(response.into());
    }

    fn notification(&mut self, notification: Notification) -> Option<u8> {
        match notification.method.as_str() {
            notifications::Exit::METHOD => return Some(if self.shut_down { 0 } else { 1 }),
            notifications::DidOpenTextDocument::METHOD => {
                if let Some(p) =
                    self.notification_params::<DidOpenTextDocumentParams>(&notification)
                {
                    let key = p.text_document.uri.as_str().to_owned();
                    self.documents.insert(
                        key.clone(),
                        Document::new(
                            p.text_document.uri,
                            p.text_document.version,
                            p.text_document.text,
                        ),
                    );
                    self.dirty.insert(key);
                }
            }
            notifications::DidChangeTextDocument::METHOD => {
                if let Some(p) =
                    self.notification_params::<DidChangeTextDocumentParams>(&notification)
                {
                    self.change(p);
                }
            }
            notifications::DidSaveTextDocument::METHOD => {}
            notifications::DidCloseTextDocument::METHOD => {
                if let Some(p) =
                    self.notification_params::<DidCloseTextDocumentParams>(&notification)
                {
                    let key = p.text_document.uri.as_str();
                    self.documents.remove(key);
                    self.dirty.remove(key);
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            notifications::DidChangeWatchedFiles::METHOD => {
                // A configuration changed: read them all again and lint everything open.
                self.configs = RefCell::new(fresh_configs());
                self.dirty.extend(self.documents.keys().cloned());
            }
            _ => {}
        }
        None
    }

    fn change(&mut self, p: DidChangeTextDocumentParams) {
        let key = p.text_document.uri.as_str().to_owned();
        let Some(document) = self.documents.get_mut(&key) else {
            self.log(&format!(
                "a change to {key}, which is not open, was ignored"
            ));
            return;
        };
        if document
            .apply(p.text_document.version, &p.content_changes, self.unit)
            .is_err()
        {
            self.log(&format!(
                "a change to {key} reaches past its end and was ignored"
            ));
            return;
        }
        self.dirty.insert(key);
    }

    fn notification_params<P: DeserializeOwned>(&self, notification: &Notification) -> Option<P> {
        match serde_json::from_value(notification.params.clone()) {
            Ok(p) => Some(p),
            Err(e) => {
                self.log(&format!(
                    "`{}` with unreadable params was ignored: {e}",
                    notification.method
                ));
                None
            }
        }
    }

    /// Lints every changed document at its latest version and publishes the result.
    fn lint_changed(&mut self) {
        for key in std::mem::take(&mut self.dirty) {
            let Some(document) = self.documents.get(&key) else {
                continue;
            };
            let settings = self.settings_for(document);
            let source = document.source();
            let facts = &mut self.facts;
            match catch_unwind(AssertUnwindSafe(|| {
                debug_panic_trigger(source.text());
                crate::check_cached(&source, &settings, facts)
            })) {
                Ok(diagnostics) => {
                    let lsp = diagnostics
                        .iter()
                        .map(|d| actions::diagnostic(&source, d, &document.uri, self.unit))
                        .collect();
                    self.publish(document.uri.clone(), lsp, Some(document.version));
                }
                Err(_) => {
                    // The cache may hold half-built facts from the failed run.
                    self.facts = FactsCache::default();
                    self.log(&format!(
                        "okrlint failed on {key}; its diagnostics were not updated"
                    ));
                }
            }
        }
    }

    fn settings_for(&self, document: &Document) -> std::sync::Arc<Settings> {
        let path = document.path.clone().unwrap_or_else(|| {
            std::env::current_dir()
                .unwrap_or_default()
                .join("untitled.md")
        });
        let loaded = self.configs.borrow_mut().for_path(&path);
        match loaded {
            Ok(loaded) => loaded.settings,
            Err(failure) => {
                self.log(&format!(
                    "{}: {}",
                    failure.path.display(),
                    failure.error.message
                ));
                std::sync::Arc::new(Settings::default())
            }
        }
    }

    /// Runs `f` on an open document with its settings; `None` for a document not open.
    fn with_document<T>(
        &self,
        uri: &lsp_types::Uri,
        f: impl FnOnce(&Document, &Settings, ColumnUnit) -> T,
    ) -> Option<T> {
        let document = self.documents.get(uri.as_str())?;
        let settings = self.settings_for(document);
        catch_unwind(AssertUnwindSafe(|| {
            debug_panic_trigger(&document.text);
            f(document, &settings, self.unit)
        }))
        .ok()
    }

    fn publish(
        &self,
        uri: lsp_types::Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.output
            .notify(notifications::PublishDiagnostics::METHOD, &params);
    }

    fn log(&self, message: &str) {
        let params = lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::WARNING,
            message: format!("okrlint: {message}"),
        };
        self.output
            .notify(notifications::LogMessage::METHOD, &params);
    }
}

/// In debug builds, work on a document holding the text of `OKRLINT_DEBUG_PANIC_ON` panics,
/// so tests can show that one failed lint is survived. Release builds have no such hook.
#[cfg(debug_assertions)]
fn debug_panic_trigger(text: &str) {
    if let Some(trigger) = std::env::var_os("OKRLINT_DEBUG_PANIC_ON")
        && let Some(trigger) = trigger.to_str()
        && !trigger.is_empty()
        && text.contains(trigger)
    {
        panic!("OKRLINT_DEBUG_PANIC_ON: the document holds the trigger text");
    }
}

#[cfg(not(debug_assertions))]
fn debug_panic_trigger(_: &str) {}

/// Every configuration file is read again on the next lint.
fn fresh_configs() -> Configs {
    Configs::new(None, false, Overrides::default()).expect("no configuration is read up front")
}

/// UTF-8 when the client offers it, UTF-32 next, UTF-16 (the protocol's default) otherwise.
fn negotiate(params: &InitializeParams) -> (PositionEncodingKind, ColumnUnit) {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.clone())
        .unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        (PositionEncodingKind::UTF8, ColumnUnit::Bytes)
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        (PositionEncodingKind::UTF32, ColumnUnit::CodePoints)
    } else {
        (PositionEncodingKind::UTF16, ColumnUnit::Utf16)
    }
}

fn capabilities(encoding: PositionEncodingKind) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(
            lsp_types::CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..lsp_types::CodeActionOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Why a request's params could not be read.
struct BadParams(String);

impl BadParams {
    fn into_response(self, id: RequestId) -> Response {
        Response::new_err(id, ErrorCode::InvalidParams as i32, self.0)
    }
}

fn params<P: DeserializeOwned>(request: &Request) -> Result<P, BadParams> {
    serde_json::from_value(request.params.clone())
        .map_err(|e| BadParams(format!("`{}` params: {e}", request.method)))
}
