//! Output: one module per format. Renderers read diagnostics and trees; they decide nothing.

pub mod concise;
pub mod full;
pub mod inspect;
pub mod json;
pub mod rule_docs;
pub mod score;

use crate::rules::{Diagnostic, Severity};

/// Findings counted by severity, over one or many files.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
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
        }
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
