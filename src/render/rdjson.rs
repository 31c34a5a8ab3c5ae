//! reviewdog's Diagnostic Format (rdjson): columns in UTF-8 bytes, fixes as suggestions.

use serde_json::{Value, json};

use crate::rules::{Diagnostic, Severity};
use crate::source::{ColumnUnit, Source, Span};

/// The rdjson report for a run's diagnostics (each built by [`diagnostics`]).
pub fn report(diagnostics: Vec<Value>) -> Value {
    json!({"source": {"name": "okrlint"}, "diagnostics": diagnostics})
}

/// One file's diagnostics.
pub fn diagnostics(source: &Source, diagnostics: &[Diagnostic]) -> Vec<Value> {
    let path = source.path().display().to_string();
    diagnostics
        .iter()
        .map(|d| {
            let mut value = json!({
                "message": d.message_and_help(""),
                "location": {"path": path, "range": range(source, d.span)},
                "severity": match d.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Info => "INFO",
                },
                "source": {"name": "okrlint"},
                "code": {"value": d.rule.code},
            });
            if let Some(fix) = &d.fix {
                value["suggestions"] = fix
                    .edits
                    .iter()
                    .map(|e| json!({"range": range(source, e.span), "text": e.replacement}))
                    .collect();
            }
            value
        })
        .collect()
}

fn range(source: &Source, span: Span) -> Value {
    let at = |offset| {
        let p = source
            .lines()
            .line_col(source.text(), offset, ColumnUnit::Bytes);
        json!({"line": p.line, "column": p.column})
    };
    json!({"start": at(span.start), "end": at(span.end)})
}
