//! `--format json` and `json-lines`: the contract of DESIGN §6. Columns count code points
//! (1-based); `offset` is the 0-based byte offset into the file.

use serde_json::{Value, json};

use crate::rules::Diagnostic;
use crate::source::{ColumnUnit, Source, Span};

/// The JSON object for one diagnostic.
pub fn diagnostic(source: &Source, d: &Diagnostic) -> Value {
    let labels: Vec<Value> = std::iter::once((d.span, &*d.label))
        .chain(d.related.iter().map(|l| (l.span, &*l.message)))
        .map(|(span, message)| json!({"span": span_json(source, span), "message": message}))
        .collect();
    let fix = d.fix.as_ref().map(|fix| {
        json!({
            "applicability": fix.applicability.as_str(),
            "description": fix.description,
            "edits": fix.edits.iter().map(|e| json!({
                "span": span_json(source, e.span),
                "replacement": e.replacement,
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "code": d.rule.code,
        "name": d.rule.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "help": d.help,
        "span": span_json(source, d.span),
        "labels": labels,
        "fix": fix,
    })
}

/// `{"start": {line, column, offset}, "end": {…}}` in code points.
pub fn span_json(source: &Source, span: Span) -> Value {
    let point = |offset: usize| {
        let at = source
            .lines()
            .line_col(source.text(), offset, ColumnUnit::CodePoints);
        json!({"line": at.line, "column": at.column, "offset": offset})
    };
    json!({"start": point(span.start), "end": point(span.end)})
}

/// One file's entry in `--format json`'s `files` array.
pub fn file(source: &Source, diagnostics: &[Diagnostic]) -> Value {
    json!({
        "path": source.path().display().to_string(),
        "diagnostics": diagnostics.iter().map(|d| diagnostic(source, d)).collect::<Vec<_>>(),
    })
}

/// One line of `--format json-lines`: the diagnostic with its path.
pub fn line(source: &Source, d: &Diagnostic) -> Value {
    let mut value = diagnostic(source, d);
    value["path"] = Value::String(source.path().display().to_string());
    value
}
