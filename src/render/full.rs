//! The default format: rustc-style diagnostics with the source line and a label under the
//! exact phrase, drawn by codespan-reporting (which aligns carets under wide CJK characters).

use std::ops::Range;

use codespan_reporting::diagnostic::{
    Diagnostic as Report, Label as ReportLabel, Severity as ReportSeverity,
};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Chars, Config};

use crate::rules::{Diagnostic, Severity};
use crate::source::Source;

/// Writes each diagnostic with its source excerpt.
pub fn render(
    out: &mut dyn WriteColor,
    source: &Source,
    diagnostics: &[Diagnostic],
) -> Result<(), FilesError> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let files = SingleFile(source);
    for diagnostic in diagnostics {
        term::emit_to_write_style(out, &config, &files, &report(diagnostic))?;
    }
    Ok(())
}

/// Writes one error with a label at `span`: a configuration error pointing into the TOML.
pub fn error_at(
    out: &mut dyn WriteColor,
    source: &Source,
    span: crate::source::Span,
    message: &str,
) -> Result<(), FilesError> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let report = Report::error().with_message(message).with_labels(vec![
        ReportLabel::primary((), span.range()).with_message("here"),
    ]);
    term::emit_to_write_style(out, &config, &SingleFile(source), &report)
}

fn report(d: &Diagnostic) -> Report<()> {
    let severity = match d.severity {
        Severity::Error => ReportSeverity::Error,
        Severity::Warning => ReportSeverity::Warning,
        Severity::Info => ReportSeverity::Note,
    };
    let mut labels = vec![ReportLabel::primary((), d.span.range()).with_message(&d.label)];
    labels.extend(
        d.related
            .iter()
            .map(|l| ReportLabel::secondary((), l.span.range()).with_message(&l.message)),
    );
    let mut notes: Vec<String> = d.help.iter().map(|h| format!("help: {h}")).collect();
    notes.push(format!("rule: {} ({})", d.rule.name, d.rule.code));
    Report::new(severity)
        .with_code(d.rule.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Lets codespan read one source through our line index, so lone CRs and the BOM count
/// the same here as everywhere else.
struct SingleFile<'a>(&'a Source);

impl<'a> Files<'a> for SingleFile<'a> {
    type FileId = ();
    type Name = std::path::Display<'a>;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<Self::Name, FilesError> {
        Ok(self.0.path().display())
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.0.text())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.0.lines().line_of(byte_index))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        let lines = self.0.lines();
        if line_index >= lines.line_count() {
            return Err(FilesError::LineTooLarge {
                given: line_index,
                max: lines.line_count() - 1,
            });
        }
        Ok(lines.full_line_span(line_index).range())
    }
}
