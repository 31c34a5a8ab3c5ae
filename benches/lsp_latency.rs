//! Language server latency, driving the real binary over stdio: the first diagnostics after
//! opening a 1,000-line document on a fresh server, then, for one-character edits, the time
//! from sending `didChange` to receiving `publishDiagnostics`.
//!
//! Run with `cargo bench --bench lsp_latency`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};

const EDITS: usize = 300;
const URI: &str = "file:///tmp/okrlint-latency/okr.md";

fn main() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_okrlint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut send = |message: Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    let document = document();
    let start = Instant::now();
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": document}}}),
    );
    wait_for_diagnostics(&mut stdout, 1);
    let first = start.elapsed();
    let line = document.lines().position(|l| l.contains("KR1")).unwrap() as u32;
    let mut latencies = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let version = i as i32 + 2;
        // Type a digit at the end of the first key result's line, then take it away again.
        let character = document
            .lines()
            .nth(line as usize)
            .unwrap()
            .encode_utf16()
            .count() as u32;
        let (range, text) = if i % 2 == 0 {
            (
                json!({"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}),
                "5",
            )
        } else {
            (
                json!({"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}}),
                "",
            )
        };
        let sent = Instant::now();
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": range, "text": text}]}}),
        );
        wait_for_diagnostics(&mut stdout, version);
        latencies.push(sent.elapsed());
    }
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "language server on a {}-line document",
        document.lines().count()
    );
    println!(
        "  first diagnostics after didOpen   {:>7.1} ms   (target ≤ 200)",
        ms(first)
    );
    println!("  didChange → publishDiagnostics, {EDITS} one-character edits");
    println!(
        "    p50                              {:>7.2} ms   (target ≤ 5)",
        ms(at(0.50))
    );
    println!(
        "    p99                              {:>7.2} ms   (target ≤ 15)",
        ms(at(0.99))
    );
}

/// A 1,000-line OKR document: units of objectives and key results.
fn document() -> String {
    let mut text = String::from("# 研发中心 2026年第一季度\n\n");
    let mut unit = 0;
    while text.lines().count() < 1000 {
        unit += 1;
        text.push_str(&format!("## 第{unit}组\n\n"));
        for o in 1..=3 {
            text.push_str(&format!("- O{o}：提升第{unit}组的交付质量\n"));
            text.push_str("  - KR1：核心接口可用性从99.5%提升到99.9%\n");
            text.push_str("  - KR2：通过优化发布流程，将回滚率比上季度降低30%\n");
            text.push_str("  - KR3：完成故障复盘报告\n");
        }
        text.push('\n');
    }
    text
}

#[derive(Deserialize)]
struct Envelope {
    method: Option<String>,
    params: Option<Params>,
}

#[derive(Deserialize)]
struct Params {
    version: Option<i32>,
}

fn wait_for_diagnostics(stdout: &mut impl BufRead, version: i32) {
    loop {
        let mut length = 0;
        loop {
            let mut line = String::new();
            stdout.read_line(&mut line).expect("the server answers");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        stdout.read_exact(&mut body).unwrap();
        // Only the method and version are read, as the server's time is what is measured,
        // not the time this client takes to build the whole diagnostics list.
        let message: Envelope = serde_json::from_slice(&body).unwrap();
        if message.method.as_deref() == Some("textDocument/publishDiagnostics")
            && message.params.and_then(|p| p.version) == Some(version)
        {
            return;
        }
    }
}
