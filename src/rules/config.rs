//! `okrlint.toml`: the configuration file's keys (DESIGN §7), checked strictly, and how
//! files and command-line flags combine into [`Settings`].

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{ALL, Rule, Settings, Severity, selection};
use crate::analysis::score::Limits;

/// One configuration file as written. Every key is optional; unknown keys are errors.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Another configuration this one builds on, relative to this file.
    pub extend: Option<Spanned<String>>,
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub rules: RulesTable,
    #[serde(default)]
    pub limits: LimitsTable,
    #[serde(default)]
    pub period: PeriodTable,
    #[serde(default)]
    pub vocab: VocabTable,
    #[serde(default)]
    pub files: FilesTable,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesTable {
    /// Replaces the rules that run (default: all).
    pub select: Option<Vec<Spanned<String>>>,
    /// Adds to them.
    #[serde(default)]
    pub extend_select: Vec<Spanned<String>>,
    /// Removes from them.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// A severity per rule, or `off`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Level>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsTable {
    pub key_results_per_objective: Option<(usize, usize)>,
    pub objectives_per_unit: Option<usize>,
    pub objective_max_chars: Option<usize>,
    pub key_result_max_chars: Option<usize>,
    pub objective_max_words: Option<usize>,
    pub key_result_max_words: Option<usize>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PeriodTable {
    /// The period of every key result whose headings declare none (`2026Q1`).
    pub default: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct VocabTable {
    #[serde(default)]
    pub accept: Vec<String>,
    #[serde(default)]
    pub vague: Vec<String>,
    #[serde(default)]
    pub hedge: Vec<String>,
    #[serde(default)]
    pub activity: Vec<String>,
    /// A user dictionary in jieba's format (`word [frequency] [tag]`), relative to this file.
    pub dictionary: Option<Spanned<String>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesTable {
    /// Globs of files to lint when walking folders (default: `*.okr`, `*.txt`, `*.md`, `*.markdown`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files and folders to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// The lowest severity that fails a run, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

/// A configuration error, with the byte range of the text at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl ConfigFile {
    /// Reads a configuration file's text.
    pub fn parse(text: &str) -> Result<ConfigFile, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError {
            message: e.message().trim().to_owned(),
            span: e.span(),
        })?;
        file.check_selectors()?;
        Ok(file)
    }

    /// Every rule named must exist.
    fn check_selectors(&self) -> Result<(), ConfigError> {
        let rules = &self.rules;
        let selectors = rules
            .select
            .iter()
            .flatten()
            .chain(&rules.extend_select)
            .chain(&rules.ignore)
            .chain(rules.severity.keys());
        for selector in selectors {
            if selection::resolve(selector.get_ref()).is_none() {
                return Err(ConfigError {
                    message: format!("no rule or group is called `{}`", selector.get_ref()),
                    span: Some(selector.span()),
                });
            }
        }
        Ok(())
    }

    /// This file's keys laid over `base`'s: scalars replace, `select` replaces, lists of
    /// additions and removals and per-rule severities accumulate.
    pub fn over(self, base: ConfigFile) -> ConfigFile {
        let mut severity = base.rules.severity;
        severity.extend(self.rules.severity);
        ConfigFile {
            extend: self.extend,
            fail_on: self.fail_on.or(base.fail_on),
            rules: RulesTable {
                select: self.rules.select.or(base.rules.select),
                extend_select: [base.rules.extend_select, self.rules.extend_select].concat(),
                ignore: [base.rules.ignore, self.rules.ignore].concat(),
                severity,
            },
            limits: LimitsTable {
                key_results_per_objective: self
                    .limits
                    .key_results_per_objective
                    .or(base.limits.key_results_per_objective),
                objectives_per_unit: self
                    .limits
                    .objectives_per_unit
                    .or(base.limits.objectives_per_unit),
                objective_max_chars: self
                    .limits
                    .objective_max_chars
                    .or(base.limits.objective_max_chars),
                key_result_max_chars: self
                    .limits
                    .key_result_max_chars
                    .or(base.limits.key_result_max_chars),
                objective_max_words: self
                    .limits
                    .objective_max_words
                    .or(base.limits.objective_max_words),
                key_result_max_words: self
                    .limits
                    .key_result_max_words
                    .or(base.limits.key_result_max_words),
            },
            period: PeriodTable {
                default: self.period.default.or(base.period.default),
            },
            vocab: VocabTable {
                accept: [base.vocab.accept, self.vocab.accept].concat(),
                vague: [base.vocab.vague, self.vocab.vague].concat(),
                hedge: [base.vocab.hedge, self.vocab.hedge].concat(),
                activity: [base.vocab.activity, self.vocab.activity].concat(),
                dictionary: self.vocab.dictionary.or(base.vocab.dictionary),
            },
            files: FilesTable {
                include: if self.files.include.is_empty() {
                    base.files.include
                } else {
                    self.files.include
                },
                exclude: [base.files.exclude, self.files.exclude].concat(),
            },
        }
    }
}

/// What the command line adds to a configuration.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
}

/// The settings a configuration and the command line give. Selectors were checked when the
/// configuration was read; unknown command-line selectors are errors.
pub fn settings(file: &ConfigFile, overrides: &Overrides) -> Result<Settings, String> {
    let named = |selectors: &mut dyn Iterator<Item = &str>| -> Result<Vec<&'static Rule>, String> {
        let mut rules = Vec::new();
        for s in selectors {
            rules.extend(
                selection::resolve(s).ok_or_else(|| format!("no rule or group is called `{s}`"))?,
            );
        }
        Ok(rules)
    };
    let select = match (&overrides.select, &file.rules.select) {
        (Some(cli), _) => named(&mut cli.iter().map(String::as_str))?,
        (None, Some(config)) => named(&mut config.iter().map(|s| s.get_ref().as_str()))?,
        (None, None) => ALL.to_vec(),
    };
    let added = named(
        &mut file
            .rules
            .extend_select
            .iter()
            .map(|s| s.get_ref().as_str())
            .chain(overrides.extend_select.iter().map(String::as_str)),
    )?;
    let ignored = named(
        &mut file
            .rules
            .ignore
            .iter()
            .map(|s| s.get_ref().as_str())
            .chain(overrides.ignore.iter().map(String::as_str)),
    )?;
    let mut levels: BTreeMap<&'static str, Level> = BTreeMap::new();
    for (selector, level) in &file.rules.severity {
        for rule in named(&mut std::iter::once(selector.get_ref().as_str()))? {
            levels.insert(rule.code, *level);
        }
    }
    let enabled = |rule: &&&'static Rule| {
        let rule: &'static Rule = rule;
        (select.contains(&rule) || added.contains(&rule))
            && !ignored.contains(&rule)
            && levels.get(rule.code) != Some(&Level::Off)
    };
    let rules = ALL
        .iter()
        .filter(enabled)
        .map(|rule| {
            let severity = match levels.get(rule.code) {
                Some(Level::Error) => Severity::Error,
                Some(Level::Warning) => Severity::Warning,
                Some(Level::Info) => Severity::Info,
                Some(Level::Off) | None => rule.severity,
            };
            (*rule, severity)
        })
        .collect();
    let defaults = Limits::default();
    let limits = &file.limits;
    Ok(Settings {
        limits: Limits {
            key_results_per_objective: limits
                .key_results_per_objective
                .unwrap_or(defaults.key_results_per_objective),
            objectives_per_unit: limits
                .objectives_per_unit
                .unwrap_or(defaults.objectives_per_unit),
            objective_max_chars: limits
                .objective_max_chars
                .unwrap_or(defaults.objective_max_chars),
            key_result_max_chars: limits
                .key_result_max_chars
                .unwrap_or(defaults.key_result_max_chars),
            objective_max_words: limits
                .objective_max_words
                .unwrap_or(defaults.objective_max_words),
            key_result_max_words: limits
                .key_result_max_words
                .unwrap_or(defaults.key_result_max_words),
        },
        analysis: crate::analysis::Options {
            default_period: file.period.default.clone(),
            vocabulary: crate::analysis::Vocabulary {
                accept: file.vocab.accept.clone(),
                vague: file.vocab.vague.clone(),
                hedge: file.vocab.hedge.clone(),
                activity: file.vocab.activity.clone(),
                dictionary: Vec::new(),
            },
        },
        rules,
        fail_on: overrides
            .fail_on
            .or(file.fail_on)
            .unwrap_or(FailOn::Warning)
            .threshold(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads() {
        let text = r#"
fail-on = "error"
[rules]
select = ["S", "M001"]
extend-select = ["C002"]
ignore = ["S003"]
[rules.severity]
M001 = "error"
S004 = "off"
[limits]
key-results-per-objective = [1, 4]
objectives-per-unit = 3
objective-max-chars = 20
key-result-max-chars = 50
[period]
default = "2026Q1"
[vocab]
accept = ["拉新"]
vague = ["赋能"]
hedge = ["稍微"]
activity = ["复盘"]
[files]
include = ["okr/**/*.md"]
exclude = ["drafts/**"]
"#;
        let file = ConfigFile::parse(text).unwrap();
        let settings = settings(&file, &Overrides::default()).unwrap();
        let codes: Vec<&str> = settings.rules.iter().map(|(r, _)| r.code).collect();
        assert_eq!(
            codes,
            ["S001", "S002", "S005", "S006", "S007", "M001", "C002"]
        );
        assert_eq!(settings.severity("M001"), Some(Severity::Error));
        assert_eq!(settings.fail_on, Some(Severity::Error));
        assert_eq!(settings.limits.key_results_per_objective, (1, 4));
        assert_eq!(settings.analysis.default_period.as_deref(), Some("2026Q1"));
        assert_eq!(settings.analysis.vocabulary.accept, ["拉新"]);
    }

    #[test]
    fn unknown_keys_wrong_types_and_unknown_rules_point_at_the_text() {
        for (text, at) in [
            ("fail-on = \"sometimes\"\n", "\"sometimes\""),
            ("[limits]\nobjectives-per-unit = \"five\"\n", "\"five\""),
            ("[rules]\nselect = [\"Z999\"]\n", "\"Z999\""),
            ("colour = true\n", "colour"),
        ] {
            let error = ConfigFile::parse(text).unwrap_err();
            let span = error.span.expect("the error points into the file");
            assert!(
                text[span].contains(at.trim_matches('"')),
                "{text}: {}",
                error.message
            );
        }
    }

    #[test]
    fn a_file_lies_over_the_one_it_extends() {
        let base = ConfigFile::parse(
            "fail-on = \"info\"\n[rules]\nignore = [\"C004\"]\n[limits]\nobjectives-per-unit = 7\n",
        )
        .unwrap();
        let child =
            ConfigFile::parse("[rules]\nignore = [\"C005\"]\n[limits]\nobjective-max-chars = 40\n")
                .unwrap();
        let merged = child.over(base);
        let settings = settings(&merged, &Overrides::default()).unwrap();
        let on = |code| settings.rules.iter().any(|(r, _)| r.code == code);
        assert!(!on("C004") && !on("C005") && on("C006"));
        assert_eq!(settings.limits.objectives_per_unit, 7);
        assert_eq!(settings.limits.objective_max_chars, 40);
        assert_eq!(settings.fail_on, Some(Severity::Info));
    }

    #[test]
    fn the_command_line_replaces_select_and_adds_ignores() {
        let file = ConfigFile::parse("[rules]\nselect = [\"M\"]\n").unwrap();
        let overrides = Overrides {
            select: Some(vec!["S".into()]),
            ignore: vec!["S007".into()],
            ..Overrides::default()
        };
        let settings = settings(&file, &overrides).unwrap();
        assert!(
            settings
                .rules
                .iter()
                .all(|(r, _)| r.group() == 'S' && r.code != "S007")
        );
        assert!(
            super::settings(
                &file,
                &Overrides {
                    select: Some(vec!["Q9".into()]),
                    ..Overrides::default()
                }
            )
            .is_err()
        );
    }
}
