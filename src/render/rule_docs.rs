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

/// The configuration `okrlint init` writes: every option at its default, commented.
pub fn default_config() -> String {
    let mut out = String::from(
        "# okrlint configuration. The closest okrlint.toml (or .okrlint.toml) above a file applies\n\
         # to it; every key is optional and shows its default.\n\n\
         # Another configuration to build on, relative to this file.\n\
         # extend = \"../okrlint.toml\"\n\n\
         # The lowest severity that makes `okrlint check` exit 1: error, warning, info or never.\n\
         fail-on = \"warning\"\n\n\
         [rules]\n\
         # Which rules run: codes (M001), names (missing-number), group letters (M) or ALL.\n\
         select = [\"ALL\"]\n\
         extend-select = []\n\
         ignore = []\n\n\
         # A severity per rule: error, warning, info, or off.\n\
         [rules.severity]\n",
    );
    for rule in ALL {
        let _ = writeln!(
            out,
            "# {} = \"{}\"    # {}",
            rule.code,
            rule.severity.as_str(),
            rule.name
        );
    }
    let limits = crate::analysis::score::Limits::default();
    let _ = write!(
        out,
        "\n[limits]\n\
         key-results-per-objective = [{}, {}]\n\
         objectives-per-unit = {}\n\
         objective-max-chars = {}\n\
         key-result-max-chars = {}\n\
         # The same for English items, in words.\n\
         objective-max-words = {}\n\
         key-result-max-words = {}\n\n\
         [period]\n\
         # The period of every key result whose headings declare none, e.g. \"2026Q1\".\n\
         # default = \"2026Q1\"\n\n\
         [vocab]\n\
         # Words never flagged, and words added to the built-in lists.\n\
         accept = []\n\
         vague = []\n\
         hedge = []\n\
         activity = []\n\
         # A user dictionary for the segmenter, in jieba's format (word [frequency] [tag]).\n\
         # dictionary = \"okr-words.txt\"\n\n\
         [files]\n\
         # Globs of files to lint when walking folders (default: *.okr, *.txt, *.md, *.markdown)\n\
         # and of files to skip, relative to this file.\n\
         include = []\n\
         exclude = []\n",
        limits.key_results_per_objective.0,
        limits.key_results_per_objective.1,
        limits.objectives_per_unit,
        limits.objective_max_chars,
        limits.key_result_max_chars,
        limits.objective_max_words,
        limits.key_result_max_words,
    );
    out
}
