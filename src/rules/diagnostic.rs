//! A finding: where, what, why, and how to mend it.

use std::borrow::Cow;

use super::{Rule, Severity};
use crate::source::Span;

/// Text a finding says: most of it is fixed wording, kept without a copy.
pub type Text = Cow<'static, str>;

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Text,
    /// The exact phrase at fault.
    pub span: Span,
    /// What the primary span shows, said under it.
    pub label: Text,
    /// Other places that explain the finding (the first of two duplicates).
    pub related: Vec<Label>,
    /// What to do about it.
    pub help: Option<Text>,
    pub fix: Option<Fix>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Text,
}

/// Edits that mend a finding; applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub description: Text,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Keeps the meaning; `--fix` applies it.
    Safe,
    /// May change the meaning; needs `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: Text,
}

impl Diagnostic {
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            span,
            label: Text::Borrowed(""),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// The message with its help on the next line, after `help_lead`: for outputs that show one
    /// text (annotations, editors).
    pub fn message_and_help(&self, help_lead: &str) -> String {
        match &self.help {
            Some(help) => format!("{}\n{help_lead}{help}", self.message),
            None => self.message.to_string(),
        }
    }

    pub fn label(mut self, label: impl Into<Text>) -> Self {
        self.label = label.into();
        self
    }

    pub fn related(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.related.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
