//! `path:line:col: CODE [severity] message`, one line each, for editors' error formats.

use std::io::{self, Write};

use crate::rules::Diagnostic;
use crate::source::{ColumnUnit, Source};

pub fn render(out: &mut dyn Write, source: &Source, diagnostics: &[Diagnostic]) -> io::Result<()> {
    // Shown once, not once a finding: a path is checked for UTF-8 each time it is displayed.
    let path = source.path().display().to_string();
    for d in diagnostics {
        let at = source
            .lines()
            .line_col(source.text(), d.span.start, ColumnUnit::CodePoints);
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            path, at.line, at.column, d.rule.code, d.severity, d.message
        )?;
    }
    Ok(())
}
