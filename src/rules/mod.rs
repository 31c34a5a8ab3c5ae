//! Rules: each one file with its code, name, severity and docs beside its check.
//! [`ALL`] is the one list of them; everything that names rules reads it.

mod absolute_target;
mod activity_key_result;
mod binary_key_result;
mod business_as_usual;
mod compound_key_result;
pub mod config;
mod contradictory_direction;
mod diagnostic;
mod duplicate_item;
mod empty_item;
mod halfwidth_punctuation_in_chinese;
mod hedge_word;
mod inconsistent_end_punctuation;
mod key_result_count;
mod locale;
mod malformed_item_marker;
mod missing_baseline;
mod missing_number;
mod missing_time_frame;
mod mixed_colon_width;
mod numbering_gap;
mod objective_count;
mod objective_without_key_results;
mod orphan_key_result;
mod overlong_item;
mod placeholder_target;
mod quantified_objective;
pub mod selection;
mod suppression;
mod unused_suppression;
mod vague_verb;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label};
pub use locale::Locale;

use std::fmt;

use crate::analysis::score::Limits;
use crate::analysis::{self, Analyser, Analysis, Facts, Group, Options};
use crate::source::Source;
use crate::syntax::{Document, KeyResult, Objective};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule: what it is called, how serious its findings are by default, its documentation,
/// and the check itself.
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what it flags.
    pub summary: &'static str,
    /// Markdown with `## What it checks`, `## Why it matters`, `## Bad`, `## Good`.
    pub docs: &'static str,
    pub check: Check,
}

/// How a rule finds its problems.
#[derive(Clone, Copy)]
pub enum Check {
    /// By reading the outline, once per document.
    Document(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// By reading facts, once per [`Group`] of items, with that group's facts.
    Items(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// By reading the outline and which key results are dated, once per document, after
    /// every group's facts were read (M003).
    Summary(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// By the suppression stage, from the comments that silenced nothing (X001).
    Suppressions,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.name)
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

impl Rule {
    /// The group a rule belongs to: the letter of its code (`S` for `S005`).
    pub fn group(&self) -> char {
        self.code.chars().next().unwrap_or('?')
    }

    /// The fenced example under a docs heading (`Bad` or `Good`).
    pub fn example(&self, heading: &str) -> Option<&'static str> {
        let after = self.docs.split(&format!("## {heading}\n")).nth(1)?;
        let body = after.split("\n## ").next()?;
        let start = body.find("```")? + 3;
        let start = start + body[start..].find('\n')? + 1;
        let end = start + body[start..].find("```")?;
        Some(&body[start..end])
    }
}

/// The one list of rules, in code order.
pub static ALL: &[&Rule] = &[
    &malformed_item_marker::RULE,
    &orphan_key_result::RULE,
    &objective_without_key_results::RULE,
    &key_result_count::RULE,
    &objective_count::RULE,
    &numbering_gap::RULE,
    &empty_item::RULE,
    &duplicate_item::RULE,
    &missing_number::RULE,
    &placeholder_target::RULE,
    &missing_time_frame::RULE,
    &activity_key_result::RULE,
    &binary_key_result::RULE,
    &missing_baseline::RULE,
    &absolute_target::RULE,
    &contradictory_direction::RULE,
    &vague_verb::RULE,
    &hedge_word::RULE,
    &compound_key_result::RULE,
    &overlong_item::RULE,
    &quantified_objective::RULE,
    &business_as_usual::RULE,
    &mixed_colon_width::RULE,
    &halfwidth_punctuation_in_chinese::RULE,
    &inconsistent_end_punctuation::RULE,
    &unused_suppression::RULE,
];

/// Finds a rule by code (`s005`, `S005`) or name (`numbering-gap`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// What a run is told by its configuration and command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub limits: Limits,
    pub analysis: Options,
    /// The rules that run, in registry order, each with its severity.
    pub rules: Vec<(&'static Rule, Severity)>,
    /// The lowest severity that fails a run; `None`: nothing does.
    pub fail_on: Option<Severity>,
}

impl Default for Settings {
    /// Every rule at its default severity; warnings fail the run.
    fn default() -> Self {
        Settings {
            limits: Limits::default(),
            analysis: Options::default(),
            rules: ALL.iter().map(|r| (*r, r.severity)).collect(),
            fail_on: Some(Severity::Warning),
        }
    }
}

impl Settings {
    /// The severity a rule runs at, or `None` when it does not run.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        self.rules
            .iter()
            .find(|(r, _)| r.code == code)
            .map(|(_, s)| *s)
    }

    /// Whether a finding fails the run.
    pub fn fails(&self, diagnostic: &Diagnostic) -> bool {
        self.fail_on.is_some_and(|bar| diagnostic.severity >= bar)
    }
}

/// What a rule's check reads.
pub struct Context<'a> {
    pub source: &'a Source,
    pub document: &'a Document,
    /// The facts of `group`'s items; for rules that run once per document, a summary.
    pub analysis: &'a Analysis,
    pub settings: &'a Settings,
    /// The items whose facts `analysis` holds; empty for rules that run once per document.
    pub group: Group<'a>,
}

impl<'a> Context<'a> {
    /// The group's key results with text, with their facts.
    pub fn key_results(&self) -> impl Iterator<Item = (&'a KeyResult, &'a Facts)> + use<'a> {
        self.group
            .key_results()
            .zip(self.analysis.key_result_facts())
            .filter(|(kr, _)| !kr.item.text.is_empty())
    }

    /// The group's objective, if it has one.
    pub fn objectives(&self) -> impl Iterator<Item = &'a Objective> + use<'a> {
        self.group.objectives.iter()
    }

    /// The text of a span.
    pub fn text(&self, span: crate::source::Span) -> &'a str {
        self.source.slice(span)
    }
}

/// Runs the settings' rules over a parsed document, at their configured severities, and
/// applies suppression comments. Diagnostics come back in source order.
///
/// Rules that read facts run group by group, and each group's facts are dropped before the
/// next: only which key results are dated is kept, for M003. With no such rule selected,
/// nothing is analysed.
pub fn check(
    source: &Source,
    document: &Document,
    settings: &Settings,
    mut analyser: Analyser<'_>,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let reads_facts = settings
        .rules
        .iter()
        .any(|(r, _)| matches!(r.check, Check::Items(_) | Check::Summary(_)));
    let mut dated = Vec::new();
    if reads_facts {
        for group in analysis::groups(document) {
            let analysis = analyser.group(group);
            dated.extend_from_slice(analysis.dated());
            let context = Context {
                source,
                document,
                analysis: &analysis,
                settings,
                group,
            };
            run(&context, &mut diagnostics, |check| match check {
                Check::Items(check) => Some(check),
                _ => None,
            });
        }
    }
    let summary = analyser.summary(dated);
    let context = Context {
        source,
        document,
        analysis: &summary,
        settings,
        group: Group::default(),
    };
    run(&context, &mut diagnostics, |check| match check {
        Check::Document(check) | Check::Summary(check) => Some(check),
        _ => None,
    });
    let diagnostics = in_text_order(diagnostics);
    let unused = settings.severity(unused_suppression::RULE.code);
    suppression::apply(source, document, diagnostics, unused)
}

/// Findings by where they stand, then by rule; findings of one place and rule keep their
/// order. Sorted by small keys and then moved into place: a finding is large, and a file may
/// have many.
pub(crate) fn in_text_order(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_cached_key(|d| (d.span.start, d.span.end, code_order(d.rule.code)));
    diagnostics
}

/// A number that sorts as the rule's code does (`C001` before `M001`), so that comparing two
/// findings compares no strings: a code is a letter and three digits.
fn code_order(code: &str) -> u32 {
    let mut bytes = [0; 4];
    for (byte, from) in bytes.iter_mut().zip(code.bytes()) {
        *byte = from;
    }
    u32::from_be_bytes(bytes)
}

/// Runs the rules whose check `pick` takes, each at its configured severity.
fn run(
    context: &Context<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    pick: impl Fn(Check) -> Option<fn(&Context<'_>, &mut Vec<Diagnostic>)>,
) {
    for (rule, severity) in &context.settings.rules {
        if let Some(check) = pick(rule.check) {
            let first = diagnostics.len();
            check(context, diagnostics);
            for d in &mut diagnostics[first..] {
                d.severity = *severity;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_as_their_numbers_do() {
        for rule in ALL {
            let (letter, digits) = rule.code.split_at(1);
            assert!(
                letter.chars().all(|c| c.is_ascii_uppercase()),
                "{}",
                rule.code
            );
            assert!(digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()));
        }
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        codes.sort_by_key(|code| code_order(code));
        assert!(codes.is_sorted());
    }
}
