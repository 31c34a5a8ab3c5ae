//! `path:line:col: CODE [severity] message`, one line each, for editors' error formats.

use std::io::{self, Write};

use crate::rules::Diagnostic;
use crate::source::{ColumnUnit, Source};

pub fn render(out: &mut dyn Write, source: &Source, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for d in diagnostics {
        let at = source
            .lines()
            .line_col(source.text(), d.span.start, ColumnUnit::CodePoints);
        writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            source.path().display(),
            at.line,
            at.column,
            d.rule.code,
            d.severity,
            d.message
        )?;
    }
    Ok(())
}
