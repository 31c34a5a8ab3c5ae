//! The language server, driven as an editor drives it: the real binary, JSON-RPC over stdio.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// The position encoding the server chose.
    encoding: String,
}

impl Client {
    /// Starts `okrlint lsp` and initializes it, offering `encodings` (none: the default UTF-16).
    fn start(encodings: &[&str]) -> Client {
        Client::start_with(encodings, &[])
    }

    /// [`Client::start`] with extra environment variables for the server.
    fn start_with(encodings: &[&str], environment: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_okrlint"))
            .arg("lsp")
            .envs(environment.iter().copied())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            encoding: String::new(),
        };
        let capabilities = if encodings.is_empty() {
            json!({})
        } else {
            json!({"general": {"positionEncodings": encodings}})
        };
        let result = client.request("initialize", json!({"capabilities": capabilities}));
        client.notify("initialized", json!({}));
        client.encoding = result["capabilities"]["positionEncoding"]
            .as_str()
            .unwrap()
            .to_owned();
        client
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send_raw(&json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string());
    }

    /// Sends a request and waits for its response (notifications in between are dropped).
    fn request_full(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send_raw(
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string(),
        );
        loop {
            let message = self.incoming.recv_timeout(WAIT).expect("a response");
            if message["id"] == id {
                return message;
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_full(method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let message = self.incoming.recv_timeout(WAIT).expect("diagnostics");
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"].clone();
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}));
        self.diagnostics(uri)
    }

    fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        status.code()
    }
}

impl Client {
    fn encoding(&self) -> &str {
        &self.encoding
    }
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

const URI: &str = "file:///tmp/okrlint-lsp-test/okr.md";
const DRAFT: &str = "# 研发部 2026年第一季度\n\n- O1：提升平台稳定性\n  - KR1：平台更加稳定\n  - Kr2 核心接口可用性达到99.9%\n";

#[test]
fn open_then_edit_publishes_fresh_diagnostics() {
    let mut client = Client::start(&[]);
    let first = client.open(URI, DRAFT);
    assert_eq!(first["version"], 1);
    let found = codes(&first);
    assert!(
        found.contains(&"M001".to_owned()) && found.contains(&"P001".to_owned()),
        "{found:?}"
    );
    let m001 = first["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap();
    assert_eq!(m001["source"], "okrlint");
    assert_eq!(m001["severity"], 2);
    assert_eq!(
        m001["range"],
        json!({"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 14}})
    );
    // Replace 平台更加稳定 (line 3, UTF-16 columns 8–14) with a measurable result.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 14}}, "text": "P1故障数降低到每月2次以内"}
        ]}),
    );
    let second = client.diagnostics(URI);
    assert_eq!(second["version"], 2);
    assert!(!codes(&second).contains(&"M001".to_owned()), "{second}");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(
        client.diagnostics(URI)["diagnostics"],
        json!([]),
        "closing clears the diagnostics"
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn changes_sent_together_are_linted_once_at_the_latest_version() {
    let mut client = Client::start(&[]);
    client.open(URI, DRAFT);
    for version in 2..=6 {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": format!("{DRAFT}<!-- {version} -->\n")}]}),
        );
    }
    let mut latest = client.diagnostics(URI);
    // Whatever was coalesced, the last publication is of the last version.
    while let Ok(message) = client.incoming.recv_timeout(Duration::from_millis(500)) {
        if message["method"] == "textDocument/publishDiagnostics" {
            latest = message["params"].clone();
        }
    }
    assert_eq!(latest["version"], 6);
    client.shutdown();
}

#[test]
fn a_quick_fix_applied_gives_a_clean_document() {
    let mut client = Client::start(&[]);
    let published = client.open(URI, DRAFT);
    let p001 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P001")
        .unwrap()
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": p001["range"], "context": {"diagnostics": [p001]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true && a["title"].as_str().unwrap().contains("P001"))
        .unwrap();
    let edits = fix["edit"]["changes"][URI].as_array().unwrap();
    let fixed = apply_utf16(DRAFT, edits);
    assert!(
        fixed.contains("  - KR2：核心接口可用性达到99.9%"),
        "{fixed}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert!(!codes(&client.diagnostics(URI)).contains(&"P001".to_owned()));
    client.shutdown();
}

#[test]
fn the_disable_action_inserts_the_suppression_comment() {
    let mut client = Client::start(&[]);
    let published = client.open(URI, DRAFT);
    let m001 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap()
        .clone();
    let actions = client.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": m001["range"], "context": {"diagnostics": [m001]}}));
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable M001 for this line")
        .unwrap();
    let edits = disable["edit"]["changes"][URI].as_array().unwrap();
    let with_comment = apply_utf16(DRAFT, edits);
    assert!(
        with_comment.contains("  <!-- okrlint-disable-next-line M001 -->\n  - KR1：平台更加稳定\n"),
        "{with_comment}"
    );
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": with_comment}]}));
    assert!(!codes(&client.diagnostics(URI)).contains(&"M001".to_owned()));
    client.shutdown();
}

#[test]
fn hover_on_a_key_result_shows_its_facts_score_and_findings() {
    let mut client = Client::start(&[]);
    client.open(URI, DRAFT);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 3, "character": 10}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("score"), "{text}");
    assert!(text.contains("M001 missing-number"), "{text}");
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 0}}),
    );
    assert_eq!(nothing, Value::Null);
    client.shutdown();
}

#[test]
fn bad_messages_get_errors_and_the_server_stays_up() {
    let mut client = Client::start(&[]);
    client.send_raw("{ this is not json");
    let parse_error = client.incoming.recv_timeout(WAIT).unwrap();
    assert_eq!(parse_error["error"]["code"], -32700);
    let unknown = client.request_full("textDocument/frobnicate", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = client.request_full("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad_params["error"]["code"], -32602);
    // A change to a document never opened, and a change past the end, are ignored.
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": "file:///nowhere.md", "version": 2}, "contentChanges": [{"text": "x"}]}));
    client.open(URI, DRAFT);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 1}}, "text": "x"}]}),
    );
    let hover_past_end = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 99, "character": 0}}),
    );
    assert_eq!(hover_past_end, Value::Null);
    // Still up, and still linting.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": DRAFT}]}),
    );
    assert_eq!(client.diagnostics(URI)["version"], 3);
    assert_eq!(client.shutdown(), Some(0));
}

/// The trigger exists only in debug builds, which is what `cargo test` runs.
#[cfg(debug_assertions)]
#[test]
fn a_panic_in_one_lint_is_logged_and_the_server_stays_up() {
    let mut client = Client::start_with(&[], &[("OKRLINT_DEBUG_PANIC_ON", "触发崩溃")]);
    let crashing = "file:///tmp/okrlint-test/crash.md";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": crashing, "languageId": "markdown", "version": 1, "text": "O1: 触发崩溃\nKR1: 用户数达到100万\n"}}),
    );
    loop {
        let message = client.incoming.recv_timeout(WAIT).expect("a log message");
        assert_ne!(
            message["method"], "textDocument/publishDiagnostics",
            "{message}"
        );
        if message["method"] == "window/logMessage" {
            let text = message["params"]["message"].as_str().unwrap();
            assert!(
                text.contains("okrlint failed on") && text.contains("crash.md"),
                "{text}"
            );
            break;
        }
    }
    // A request on the same document is answered, with nothing.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": crashing}, "position": {"line": 1, "character": 2}}),
    );
    assert_eq!(hover, Value::Null);
    // Other documents are still linted.
    assert!(!codes(&client.open(URI, DRAFT)).is_empty());
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_1() {
    let mut client = Client::start(&[]);
    client.notify("exit", Value::Null);
    assert_eq!(client.child.wait().unwrap().code(), Some(1));
}

const WIDE: &str = "O1：提升𠀀服务😀体验\nKR1：😀用户𠀀满意\nKR2：投诉量比上季度减少30%\n";

#[test]
fn positions_in_utf16_by_default() {
    let mut client = Client::start(&[]);
    assert_eq!(client.encoding(), "utf-16");
    let published = client.open(URI, WIDE);
    let m001 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap();
    // `😀用户𠀀满意` starts at UTF-16 column 4 and is 2 + 2 + 2 + 2 = 8 units long.
    assert_eq!(
        m001["range"],
        json!({"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 12}})
    );
    client.shutdown();
}

#[test]
fn positions_in_utf8_when_offered() {
    let mut client = Client::start(&["utf-8", "utf-16"]);
    assert_eq!(client.encoding(), "utf-8");
    let published = client.open(URI, WIDE);
    let m001 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap();
    // In bytes: `KR1：` is 6, `😀用户𠀀满意` is 4 + 6 + 4 + 6 = 20.
    assert_eq!(
        m001["range"],
        json!({"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 26}})
    );
    // An edit in UTF-8 columns lands where it should: replace 满意 (bytes 20–26) with 满意度达到90分.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 1, "character": 20}, "end": {"line": 1, "character": 26}}, "text": "满意度达到90分"}]}),
    );
    assert!(!codes(&client.diagnostics(URI)).contains(&"M001".to_owned()));
    client.shutdown();
}

#[test]
fn positions_in_utf32_when_offered() {
    let mut client = Client::start(&["utf-32"]);
    assert_eq!(client.encoding(), "utf-32");
    let published = client.open(URI, WIDE);
    let m001 = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap();
    assert_eq!(
        m001["range"],
        json!({"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 10}})
    );
    client.shutdown();
}

#[test]
fn configuration_is_read_for_the_document_and_reloaded_when_it_changes() {
    let dir = std::env::temp_dir().join(format!("okrlint-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("okrlint.toml");
    std::fs::write(&config, "[rules]\nignore = [\"M001\"]\n").unwrap();
    let uri = format!("file://{}/okr.md", dir.display());
    let mut client = Client::start(&[]);
    assert!(
        !codes(&client.open(&uri, DRAFT)).contains(&"M001".to_owned()),
        "the folder's configuration applies"
    );
    std::fs::write(&config, "[rules]\nignore = []\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(
        codes(&client.diagnostics(&uri)).contains(&"M001".to_owned()),
        "the changed configuration applies"
    );
    client.shutdown();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Applies LSP text edits (UTF-16 positions) to a text.
fn apply_utf16(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= character {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}
