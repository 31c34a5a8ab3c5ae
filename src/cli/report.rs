//! Writes `check`'s findings as each file is linted, so a run over many files holds one file
//! at a time, and ends with the summary.

use std::io::{self, BufWriter, Stdout, Write};

use codespan_reporting::term::termcolor::{self, BufferWriter, ColorSpec, WriteColor};
use serde_json::json;

use super::args::CheckFormat;
use crate::render::{self, Tally};
use crate::rules::Diagnostic;
use crate::source::Source;

pub struct Reporter {
    format: CheckFormat,
    quiet: bool,
    colour: BufferWriter,
    out: BufWriter<Stdout>,
    files_written: usize,
}

impl Reporter {
    pub fn new(format: CheckFormat, quiet: bool, colour: termcolor::ColorChoice) -> Self {
        Reporter {
            format,
            quiet,
            colour: BufferWriter::stdout(colour),
            out: BufWriter::new(io::stdout()),
            files_written: 0,
        }
    }

    /// Reports one file's findings.
    pub fn file(&mut self, source: &Source, diagnostics: &[Diagnostic]) -> io::Result<()> {
        match self.format {
            CheckFormat::Full => {
                if diagnostics.is_empty() {
                    return Ok(());
                }
                let mut buffer = self.colour.buffer();
                render::full::render(&mut buffer, source, diagnostics).map_err(io::Error::other)?;
                self.out.flush()?;
                self.colour.print(&buffer)?;
            }
            CheckFormat::Concise => render::concise::render(&mut self.out, source, diagnostics)?,
            CheckFormat::Json => {
                let opening = if self.files_written == 0 {
                    "{\"version\":1,\"files\":["
                } else {
                    ","
                };
                self.out.write_all(opening.as_bytes())?;
                serde_json::to_writer(&mut self.out, &render::json::file(source, diagnostics))?;
            }
            CheckFormat::JsonLines => {
                for d in diagnostics {
                    serde_json::to_writer(&mut self.out, &render::json::line(source, d))?;
                    self.out.write_all(b"\n")?;
                }
            }
        }
        self.files_written += 1;
        Ok(())
    }

    /// Ends the report: the summary line, or the JSON summary.
    pub fn finish(mut self, tally: &Tally) -> io::Result<()> {
        match self.format {
            CheckFormat::Full if !self.quiet => {
                self.out.flush()?;
                let mut buffer = self.colour.buffer();
                let mut bold = ColorSpec::new();
                bold.set_bold(true);
                buffer.set_color(&bold)?;
                write!(buffer, "{}", tally.summary())?;
                buffer.reset()?;
                writeln!(buffer)?;
                self.colour.print(&buffer)?;
            }
            CheckFormat::Concise if !self.quiet => writeln!(self.out, "{}", tally.summary())?,
            CheckFormat::Json => {
                if self.files_written == 0 {
                    self.out.write_all(b"{\"version\":1,\"files\":[")?;
                }
                let summary = json!({
                    "files": tally.files,
                    "errors": tally.errors,
                    "warnings": tally.warnings,
                    "infos": tally.infos,
                });
                write!(self.out, "],\"summary\":{summary}}}")?;
                writeln!(self.out)?;
            }
            _ => {}
        }
        self.out.flush()
    }
}
