//! JSON-RPC over stdio, read and written here rather than by lsp-server's own stdio
//! transport: that one ends the connection on the first malformed message, and the server
//! must answer such a message with a parse error and stay up.

use std::io::{self, BufRead, Write};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};

use lsp_server::Message;
use serde::Serialize;

/// Where responses and notifications go; shared by the reader (for parse errors) and the
/// main loop.
#[derive(Clone)]
pub struct Output(Arc<Mutex<io::Stdout>>);

impl Output {
    pub fn stdout() -> Output {
        Output(Arc::new(Mutex::new(io::stdout())))
    }

    pub fn send(&self, message: Message) {
        let mut out = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A client that went away cannot be told; the read side notices and ends the loop.
        let _ = message.write(&mut *out);
    }

    /// Sends a notification serialised straight from `params`: diagnostics for a long
    /// document are the bulk of what the server writes, and building a JSON tree for them
    /// first costs as much as linting.
    pub fn notify(&self, method: &str, params: &impl Serialize) {
        #[derive(Serialize)]
        struct Frame<'a, P> {
            jsonrpc: &'static str,
            method: &'a str,
            params: P,
        }
        let frame = Frame {
            jsonrpc: "2.0",
            method,
            params,
        };
        if let Ok(body) = serde_json::to_vec(&frame) {
            self.write_frame(&body);
        }
    }

    /// A parse error has no request id to answer to: `id` is null.
    fn parse_error(&self, reason: &str) {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": {"code": -32700, "message": format!("cannot parse the message: {reason}")},
        })
        .to_string();
        self.write_frame(body.as_bytes());
    }

    fn write_frame(&self, body: &[u8]) {
        let mut out = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let _ = write!(out, "Content-Length: {}\r\n\r\n", body.len());
        let _ = out.write_all(body);
        let _ = out.flush();
    }
}

/// Reads framed messages from `input` until it closes, sending each to `messages`. Malformed
/// ones are answered with a parse error and skipped.
pub fn read_messages(mut input: impl BufRead, messages: Sender<Message>, output: Output) {
    loop {
        let body = match read_frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(e) => {
                output.parse_error(&e.to_string());
                continue;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if messages.send(message).is_err() || exit {
                    return;
                }
            }
            Err(e) => output.parse_error(&e.to_string()),
        }
    }
}

/// One `Content-Length` framed body; `None` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = Some(
                value
                    .trim()
                    .parse()
                    .map_err(|_| io::Error::other(format!("bad Content-Length: {value}")))?,
            );
        }
    }
    let mut body = vec![0; length.unwrap_or(0)];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}
