//! Output: one module per format. Renderers read diagnostics and trees; they decide nothing.

pub mod concise;
pub mod diff;
pub mod full;
pub mod github;
pub mod inspect;
pub mod json;
pub mod rdjson;
pub mod rule_docs;
pub mod sarif;
pub mod score;

use std::fmt::Write;

use serde_json::{Value, json};

use crate::rules::{Diagnostic, Rule, Severity};

/// Findings counted by severity and by rule, over one or many files.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings per rule, in the order the rules were first met: a run meets few rules and
    /// many findings, so a short list searched by address beats a map keyed by code.
    by_rule: Vec<(&'static Rule, usize)>,
}

impl Tally {
    pub fn add_file(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            match self
                .by_rule
                .iter_mut()
                .find(|(r, _)| std::ptr::eq(*r, d.rule))
            {
                Some((_, count)) => *count += 1,
                None => self.by_rule.push((d.rule, 1)),
            }
        }
    }

    /// `--statistics`: one line per rule with findings, most first.
    pub fn statistics(&self) -> String {
        let mut out = String::new();
        for (code, name, count) in self.ranked() {
            let _ = writeln!(out, "{count:>6}  {code}  {name}");
        }
        out
    }

    /// `--statistics` in JSON.
    pub fn statistics_json(&self) -> Value {
        self.ranked()
            .map(|(code, name, count)| json!({"code": code, "name": name, "count": count}))
            .collect()
    }

    fn ranked(&self) -> impl Iterator<Item = (&'static str, &'static str, usize)> {
        let mut rows: Vec<_> = self
            .by_rule
            .iter()
            .map(|(rule, count)| (rule.code, rule.name, *count))
            .collect();
        rows.sort_by_key(|(code, _, count)| (std::cmp::Reverse(*count), *code));
        rows.into_iter()
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// `Found 3 problems (1 error, 2 warnings) in 2 files.`
    pub fn summary(&self) -> String {
        let files = plural(self.files, "file", "files");
        if self.total() == 0 {
            return format!("No problems found in {files}.");
        }
        let parts: Vec<String> = [
            (self.errors, "error", "errors"),
            (self.warnings, "warning", "warnings"),
            (self.infos, "info", "infos"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect();
        format!(
            "Found {} ({}) in {files}.",
            plural(self.total(), "problem", "problems"),
            parts.join(", ")
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
