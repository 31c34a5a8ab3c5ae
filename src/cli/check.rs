//! `okrlint check`: files linted in parallel in ordered batches, reported in path order as
//! each batch finishes, so output never depends on the thread count and memory holds one
//! batch at a time.

use std::sync::Arc;

use rayon::prelude::*;

use super::args::CheckArgs;
use super::files::{self, Target};
use super::report::Reporter;
use super::{
    EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, color_choice, config_error, error, prepare, write,
};
use crate::render::{self, Tally};
use crate::rules::{Diagnostic, Settings};
use crate::source::{LoadError, Source};

/// Files linted at once, per thread, before their results are reported: enough to keep the
/// threads busy, few enough that memory holds little.
const BATCH_PER_THREAD: usize = 32;

/// What became of one file.
enum Outcome {
    Linted {
        source: Source,
        diagnostics: Vec<Diagnostic>,
        fixed: usize,
    },
    /// `--diff`: the diff, and whether the file would change.
    Diffed {
        diff: String,
        changes: bool,
    },
    /// `--fix` on stdin: the fixed text.
    FixedText(String),
    Unreadable {
        error: LoadError,
        named: bool,
    },
    NotWritten(String),
}

pub fn run(args: &CheckArgs) -> u8 {
    let (mut configs, targets) = match prepare(&args.input, args.fail_on) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let mut jobs: Vec<(Target, Arc<Settings>)> = Vec::with_capacity(targets.len());
    for target in targets {
        match configs.for_path(&target.path) {
            Ok(loaded) => jobs.push((target, loaded.settings)),
            Err(failure) => {
                config_error(&failure);
                return EXIT_ERROR;
            }
        }
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            error(format!("cannot start threads: {e}"));
            return EXIT_ERROR;
        }
    };
    let mut reporter = Reporter::new(
        args.format,
        args.quiet,
        args.statistics,
        color_choice(args.color),
    );
    let mut run = Run::default();
    let batch_size = BATCH_PER_THREAD * pool.current_num_threads();
    // One thread lints batch after batch while this one reports them, in order: reporting
    // never holds up linting, and at most two batches wait in memory.
    let reported = std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let jobs = &jobs;
        scope.spawn(move || {
            for batch in jobs.chunks(batch_size) {
                let outcomes = pool.install(|| {
                    batch
                        .par_iter()
                        .map(|(target, settings)| lint(target, settings, args))
                        .collect()
                });
                if sender.send(outcomes).is_err() {
                    break;
                }
            }
        });
        for (batch, outcomes) in jobs.chunks(batch_size).zip(receiver) {
            for ((_, settings), outcome) in batch.iter().zip(outcomes) {
                run.take(outcome, settings, &mut reporter)?;
            }
        }
        Ok::<(), std::io::Error>(())
    });
    if let Err(e) = reported {
        error(format!("cannot write the report: {e}"));
        return EXIT_ERROR;
    }
    run.finish(args, reporter)
}

/// What the run has seen so far.
#[derive(Default)]
struct Run {
    tally: Tally,
    failed: bool,
    fails: bool,
    would_change: bool,
    fixed: usize,
    fixed_text: Option<String>,
}

impl Run {
    fn take(
        &mut self,
        outcome: Outcome,
        settings: &Settings,
        reporter: &mut Reporter,
    ) -> std::io::Result<()> {
        match outcome {
            Outcome::Linted {
                source,
                diagnostics,
                fixed,
            } => {
                self.fixed += fixed;
                self.tally.add_file(&diagnostics);
                self.fails |= diagnostics.iter().any(|d| settings.fails(d));
                reporter.file(&source, &diagnostics)?;
            }
            Outcome::Diffed { diff, changes } => {
                self.would_change |= changes;
                print!("{diff}");
            }
            Outcome::FixedText(text) => self.fixed_text = Some(text),
            Outcome::Unreadable {
                error: e,
                named: true,
            } => {
                error(e);
                self.failed = true;
            }
            Outcome::Unreadable {
                error: e,
                named: false,
            } => eprintln!("okrlint: warning: skipped {e}"),
            Outcome::NotWritten(message) => {
                error(message);
                self.failed = true;
            }
        }
        Ok(())
    }

    fn finish(self, args: &CheckArgs, reporter: Reporter) -> u8 {
        if let Some(text) = self.fixed_text {
            // Fixing stdin: the fixed text is the output, with no report beside it.
            print!("{text}");
            return if self.failed { EXIT_ERROR } else { EXIT_CLEAN };
        }
        if args.diff {
            return if self.failed {
                EXIT_ERROR
            } else if self.would_change {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            };
        }
        if args.fix && !args.quiet && self.fixed > 0 {
            eprintln!(
                "Fixed {} problem{}.",
                self.fixed,
                if self.fixed == 1 { "" } else { "s" }
            );
        }
        if let Err(e) = reporter.finish(&self.tally) {
            error(format!("cannot write the report: {e}"));
            return EXIT_ERROR;
        }
        if self.failed {
            EXIT_ERROR
        } else if self.fails {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

/// Reads, fixes (when asked) and lints one file. Runs on any thread.
fn lint(target: &Target, settings: &Settings, args: &CheckArgs) -> Outcome {
    let source = match files::load(target) {
        Ok(source) => source,
        Err(error) => {
            return Outcome::Unreadable {
                error,
                named: target.named,
            };
        }
    };
    if !(args.fix || args.diff) {
        let diagnostics = crate::check(&source, settings);
        return Outcome::Linted {
            source,
            diagnostics,
            fixed: 0,
        };
    }
    let fixed = crate::fix::fix(&source, settings, args.unsafe_fixes);
    if args.diff {
        return Outcome::Diffed {
            diff: render::diff::unified(&source, &fixed.text),
            changes: fixed.text != source.text(),
        };
    }
    if target.stdin {
        return Outcome::FixedText(fixed.text);
    }
    if let Err(e) = write::replace(source.path(), source.text(), &fixed.text) {
        return Outcome::NotWritten(format!("{}: {e}", source.path().display()));
    }
    let source = Source::new(source.path(), fixed.text);
    let diagnostics = crate::check(&source, settings);
    Outcome::Linted {
        source,
        diagnostics,
        fixed: fixed.fixed,
    }
}
