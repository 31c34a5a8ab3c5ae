//! SARIF 2.1.0, for code-scanning services: rule metadata in `tool.driver.rules`, columns in
//! code points, paths as given (relative to the repository when linted from its root), and
//! fingerprints that stay the same when lines are inserted above a finding.

use serde_json::{Value, json};

use crate::rules::{ALL, Diagnostic, Severity};
use crate::source::{ColumnUnit, Source, Span};

/// The SARIF log for a run's results (each built by [`results`]).
pub fn log(results: Vec<Value>) -> Value {
    let rules: Vec<Value> = ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.docs.trim()},
                "help": {"text": rule.docs.trim(), "markdown": rule.docs.trim()},
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {"tags": [group_name(rule.group())]},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "okrlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// One file's results.
pub fn results(source: &Source, diagnostics: &[Diagnostic]) -> Vec<Value> {
    let uri = uri(source);
    let mut seen: Vec<u64> = Vec::new();
    diagnostics
        .iter()
        .map(|d| {
            let key = fingerprint_key(source, d);
            // Identical findings in one file are told apart by their order.
            let occurrence = seen.iter().filter(|&&k| k == key).count();
            seen.push(key);
            let index = ALL.iter().position(|r| r.code == d.rule.code).unwrap_or(0);
            let mut result = json!({
                "ruleId": d.rule.code,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": {"text": d.message_and_help("")},
                "locations": [location(source, &uri, d.span, None)],
                "partialFingerprints": {"okrlint/v1": format!("{key:016x}:{occurrence}")},
            });
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let mut related = location(source, &uri, l.span, Some(&l.message));
                        related["id"] = json!(i);
                        related
                    })
                    .collect();
            }
            if let Some(fix) = &d.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({"deletedRegion": region(source, e.span), "insertedContent": {"text": e.replacement}}))
                    .collect();
                result["fixes"] = json!([{
                    "description": {"text": fix.description},
                    "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
                }]);
            }
            result
        })
        .collect()
}

fn location(source: &Source, uri: &str, span: Span, message: Option<&str>) -> Value {
    let mut location = json!({"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(source, span)}});
    if let Some(message) = message {
        location["message"] = json!({"text": message});
    }
    location
}

fn region(source: &Source, span: Span) -> Value {
    let at = |offset| {
        source
            .lines()
            .line_col(source.text(), offset, ColumnUnit::CodePoints)
    };
    let (start, end) = (at(span.start), at(span.end));
    json!({"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column})
}

/// The path as a URI: relative to the current folder when it is inside it (the repository's
/// root in CI), a `file://` URI otherwise.
fn uri(source: &Source) -> String {
    let path = source.path();
    let cwd = std::env::current_dir().unwrap_or_default();
    let relative = path.strip_prefix(&cwd).unwrap_or(path);
    let segments: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(
                part.to_string_lossy()
                    .replace('%', "%25")
                    .replace(' ', "%20"),
            ),
            _ => None,
        })
        .collect();
    if relative.is_absolute() {
        format!("file:///{}", segments.join("/"))
    } else {
        segments.join("/")
    }
}

/// What identifies a finding whatever moves around it: its rule, its file, the flagged text
/// and the rest of its line. Line numbers are left out on purpose.
fn fingerprint_key(source: &Source, d: &Diagnostic) -> u64 {
    let lines = source.lines();
    let line = lines.line_span(lines.line_of(d.span.start));
    fnv1a(&[
        d.rule.code,
        &uri(source),
        source.slice(d.span),
        source.slice(line).trim(),
    ])
}

/// FNV-1a, 64 bits: stable across platforms and releases, unlike the standard hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn group_name(group: char) -> &'static str {
    match group {
        'P' => "parse",
        'S' => "structure",
        'M' => "measurability",
        'C' => "clarity",
        'F' => "format",
        _ => "suppression",
    }
}
