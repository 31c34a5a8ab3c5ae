//! GitHub Actions workflow commands: an annotation per finding. GitHub shows only the first
//! ten annotations of each kind in a step, so every finding is also written to the log as a
//! concise line, and a final notice says when annotations were left out.

use std::io::{self, Write};

use crate::rules::{Diagnostic, Severity};
use crate::source::{ColumnUnit, Source};

/// Annotations GitHub shows per kind and step.
pub const SHOWN_PER_KIND: usize = 10;

/// Counts of annotations written, per kind (error, warning, notice).
#[derive(Debug, Default, Clone, Copy)]
pub struct Written([usize; 3]);

/// Writes one file's findings.
pub fn render(
    out: &mut dyn Write,
    source: &Source,
    diagnostics: &[Diagnostic],
    written: &mut Written,
) -> io::Result<()> {
    super::concise::render(out, source, diagnostics)?;
    for d in diagnostics {
        let at = |offset| {
            source
                .lines()
                .line_col(source.text(), offset, ColumnUnit::CodePoints)
        };
        let (start, end) = (at(d.span.start), at(d.span.end));
        let (kind, slot) = match d.severity {
            Severity::Error => ("error", 0),
            Severity::Warning => ("warning", 1),
            Severity::Info => ("notice", 2),
        };
        written.0[slot] += 1;
        let message = d.message_and_help("");
        writeln!(
            out,
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&source.path().display().to_string()),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("okrlint ({})", d.rule.code)),
            data(&message)
        )?;
    }
    Ok(())
}

/// The closing notice, when some annotations will not show.
pub fn finish(out: &mut dyn Write, written: &Written) -> io::Result<()> {
    let hidden: usize = written
        .0
        .iter()
        .map(|n| n.saturating_sub(SHOWN_PER_KIND))
        .sum();
    if hidden > 0 {
        writeln!(
            out,
            "::notice title=okrlint::{}",
            data(&format!(
                "GitHub shows {SHOWN_PER_KIND} annotations of each kind; {hidden} more findings are in this step's log"
            ))
        )?;
    }
    Ok(())
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
