//! Writes `check`'s findings as each file is linted, so a run over many files holds one file
//! at a time, and ends with the summary.

use std::io::{self, BufWriter, Stdout, Write};

use codespan_reporting::term::termcolor::{self, BufferWriter, ColorSpec, WriteColor};
use serde_json::{Value, json};

use super::args::CheckFormat;
use crate::render::{self, Tally};
use crate::rules::Diagnostic;
use crate::source::Source;

pub struct Reporter {
    format: CheckFormat,
    quiet: bool,
    /// `--statistics`: counts per rule instead of the findings.
    statistics: bool,
    colour: BufferWriter,
    out: BufWriter<Stdout>,
    files_written: usize,
    /// Formats that are one document: what was gathered so far (SARIF results, rdjson
    /// diagnostics).
    gathered: Vec<Value>,
    annotations: render::github::Written,
}

impl Reporter {
    pub fn new(
        format: CheckFormat,
        quiet: bool,
        statistics: bool,
        colour: termcolor::ColorChoice,
    ) -> Self {
        Reporter {
            format,
            quiet,
            statistics,
            colour: BufferWriter::stdout(colour),
            out: BufWriter::new(io::stdout()),
            files_written: 0,
            gathered: Vec::new(),
            annotations: render::github::Written::default(),
        }
    }

    /// Reports one file's findings.
    pub fn file(&mut self, source: &Source, diagnostics: &[Diagnostic]) -> io::Result<()> {
        if self.statistics {
            return Ok(());
        }
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
            CheckFormat::Sarif => self
                .gathered
                .extend(render::sarif::results(source, diagnostics)),
            CheckFormat::Rdjson => self
                .gathered
                .extend(render::rdjson::diagnostics(source, diagnostics)),
            CheckFormat::Github => {
                render::github::render(&mut self.out, source, diagnostics, &mut self.annotations)?
            }
        }
        self.files_written += 1;
        Ok(())
    }

    /// Ends the report: the summary line, or the JSON summary.
    pub fn finish(mut self, tally: &Tally) -> io::Result<()> {
        if self.statistics {
            match self.format {
                CheckFormat::Json | CheckFormat::JsonLines => {
                    writeln!(self.out, "{}", tally.statistics_json())?
                }
                _ => write!(self.out, "{}", tally.statistics())?,
            }
            return self.out.flush();
        }
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
            CheckFormat::Sarif => writeln!(
                self.out,
                "{}",
                render::sarif::log(std::mem::take(&mut self.gathered))
            )?,
            CheckFormat::Rdjson => writeln!(
                self.out,
                "{}",
                render::rdjson::report(std::mem::take(&mut self.gathered))
            )?,
            CheckFormat::Github => {
                render::github::finish(&mut self.out, &self.annotations)?;
                if !self.quiet {
                    writeln!(self.out, "{}", tally.summary())?;
                }
            }
            _ => {}
        }
        self.out.flush()
    }
}
