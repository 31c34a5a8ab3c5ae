//! Suppression comments, in Markdown and plain text alike:
//! `<!-- okrlint-disable CODE… -->` … `<!-- okrlint-enable CODE… -->`,
//! `<!-- okrlint-disable-next-line CODE… -->`, `<!-- okrlint-disable-file CODE… -->`.
//! With no codes they cover every rule. Codes may be rule codes, names or group letters.

use super::{Diagnostic, Rule, Severity, selection, unused_suppression};
use crate::source::{Source, Span};
use crate::syntax::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
}

/// One suppression: which rules, over which lines (0-based, inclusive), and from where.
#[derive(Debug)]
struct Suppression {
    comment: Span,
    /// `None` for every rule.
    rules: Option<Vec<&'static Rule>>,
    lines: (usize, usize),
    used: bool,
}

impl Suppression {
    fn covers(&self, diagnostic: &Diagnostic, line: usize) -> bool {
        (self.lines.0..=self.lines.1).contains(&line)
            && self
                .rules
                .as_ref()
                .is_none_or(|rules| rules.iter().any(|r| r.code == diagnostic.rule.code))
    }
}

/// Drops the diagnostics a suppression comment covers, and reports each suppression that
/// covered nothing as X001 (when `unused` gives X001's severity, i.e. it is enabled).
pub fn apply(
    source: &Source,
    document: &Document,
    diagnostics: Vec<Diagnostic>,
    unused: Option<Severity>,
) -> Vec<Diagnostic> {
    let mut suppressions = suppressions(source, document);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let lines = source.lines();
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let line = lines.line_of(d.span.start);
            match suppressions.iter_mut().find(|s| s.covers(d, line)) {
                Some(s) => {
                    s.used = true;
                    false
                }
                None => true,
            }
        })
        .collect();
    if let Some(severity) = unused {
        kept.extend(
            suppressions
                .iter()
                .filter(|s| !s.used)
                .map(|s| unused_suppression::diagnose(s.comment, severity)),
        );
        return super::in_text_order(kept);
    }
    kept
}

fn suppressions(source: &Source, document: &Document) -> Vec<Suppression> {
    let lines = source.lines();
    let last_line = lines.line_count().saturating_sub(1);
    let mut found = Vec::new();
    // Open `disable` ranges, waiting for their `enable`.
    let mut open: Vec<Suppression> = Vec::new();
    for comment in &document.comments {
        let Some((directive, rules)) = parse(source.slice(comment.body)) else {
            continue;
        };
        let first = lines.line_of(comment.span.start);
        let last = lines.line_of(comment.span.end.saturating_sub(1).max(comment.span.start));
        let suppression = |lines| Suppression {
            comment: comment.span,
            rules: rules.clone(),
            lines,
            used: false,
        };
        match directive {
            Directive::DisableFile => found.push(suppression((0, last_line))),
            Directive::DisableNextLine => found.push(suppression((last + 1, last + 1))),
            Directive::Disable => open.push(suppression((first, last_line))),
            Directive::Enable => {
                // An enable closes the open ranges it names (all of them when it names none).
                let closes = |s: &Suppression| match (&rules, &s.rules) {
                    (None, _) => true,
                    (Some(enabled), Some(disabled)) => disabled.iter().all(|r| enabled.contains(r)),
                    (Some(_), None) => false,
                };
                let (closed, still_open): (Vec<_>, Vec<_>) =
                    open.drain(..).partition(|s| closes(s));
                open = still_open;
                found.extend(closed.into_iter().map(|mut s| {
                    s.lines.1 = first;
                    s
                }));
            }
        }
    }
    found.extend(open);
    found
}

/// `okrlint-disable-next-line M001 C002` → the directive and its rules (`None`: all rules).
fn parse(body: &str) -> Option<(Directive, Option<Vec<&'static Rule>>)> {
    let mut words = body
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let directive = match words.next()? {
        "okrlint-disable" => Directive::Disable,
        "okrlint-enable" => Directive::Enable,
        "okrlint-disable-next-line" => Directive::DisableNextLine,
        "okrlint-disable-file" => Directive::DisableFile,
        _ => return None,
    };
    let named: Vec<&str> = words.collect();
    if named.is_empty() {
        return Some((directive, None));
    }
    let rules = named
        .iter()
        .filter_map(|w| selection::resolve(w))
        .flatten()
        .collect();
    Some((directive, Some(rules)))
}
