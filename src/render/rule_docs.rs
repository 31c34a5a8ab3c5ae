//! Rule documentation from the registry: `okrlint rules`, `okrlint explain`, the README table.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::rules::{ALL, Rule};

/// `okrlint rules`: one aligned line per rule.
pub fn table() -> String {
    let width = ALL.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in ALL {
        let _ = writeln!(
            out,
            "{}  {:<width$}  {:<7}  {}",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary
        );
    }
    out
}

/// `okrlint rules --format json`.
pub fn json() -> Value {
    ALL.iter()
        .map(|r| {
            json!({
                "code": r.code,
                "name": r.name,
                "group": r.group().to_string(),
                "severity": r.severity.as_str(),
                "summary": r.summary,
            })
        })
        .collect()
}

/// The README's rule table, in Markdown.
pub fn markdown_table() -> String {
    let mut out = String::from("| code | name | default | what it flags |\n|---|---|---|---|\n");
    for rule in ALL {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|")
        );
    }
    out
}

/// `okrlint explain CODE`: the rule's header and its docs.
pub fn explain(rule: &Rule) -> String {
    format!(
        "{} ({}) — default severity: {}\n{}\n",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.docs.trim_end()
    )
}
