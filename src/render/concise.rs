//! `path:line:col: CODE [severity] message`, one line each, for editors' error formats.

use std::io::{self, Write};

use crate::rules::Diagnostic;
use crate::source::{ColumnUnit, Source};

pub fn render(out: &mut dyn Write, source: &Source, diagnostics: &[Diagnostic]) -> io::Result<()> {
    // Shown once, not once a finding: a path is checked for UTF-8 each time it is displayed.
    let path = source.path().display().to_string();
    // Each line is put together by hand and written whole: a large run prints hundreds of
    // thousands of them.
    let mut line = Vec::new();
    let mut number = itoa::Buffer::new();
    for d in diagnostics {
        let at = source
            .lines()
            .line_col(source.text(), d.span.start, ColumnUnit::CodePoints);
        line.clear();
        line.extend_from_slice(path.as_bytes());
        line.push(b':');
        line.extend_from_slice(number.format(at.line).as_bytes());
        line.push(b':');
        line.extend_from_slice(number.format(at.column).as_bytes());
        for part in [
            ": ",
            d.rule.code,
            " [",
            d.severity.as_str(),
            "] ",
            &d.message,
            "\n",
        ] {
            line.extend_from_slice(part.as_bytes());
        }
        out.write_all(&line)?;
    }
    Ok(())
}
