//! The command line: argument parsing, file I/O, exit codes. The only place that prints.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod config;
mod files;
mod report;
mod write;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor;

use crate::analysis::Analysis;
use crate::analysis::score::Scorecard;
use crate::render::{self, Tally};
use crate::rules::config::Overrides;
use crate::rules::{self, Settings};
use crate::source::Source;
use crate::syntax;
use args::{
    CheckArgs, Cli, ColorChoice, Command, Input, InspectArgs, InspectFormat, RulesArgs,
    RulesFormat, ScoreArgs, ScoreFormat,
};
use config::{Configs, Failure};
use files::{Target, TargetError};
use report::Reporter;

/// Exit codes: no findings at or above `--fail-on`; findings; usage, config or I/O error.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(&args),
        Command::Inspect(args) => inspect(&args),
        Command::Score(args) => score(&args),
        Command::Rules(args) => list_rules(&args),
        Command::Explain { rule } => explain(&rule),
        Command::Init => init(),
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("okrlint: error: {message}");
}

/// Reports a configuration that cannot be used, with a frame into its text when there is
/// one.
fn config_error(failure: &Failure) {
    // Shown relative to the current folder, as the user would type it.
    let cwd = std::env::current_dir().unwrap_or_default();
    let path = failure.path.strip_prefix(&cwd).unwrap_or(&failure.path);
    let source = Source::new(path, failure.text.clone());
    let mut out = termcolor::Buffer::no_color();
    match &failure.error.span {
        Some(span) if !failure.text.is_empty() => {
            let span = crate::source::Span::new(span.start, span.end.max(span.start));
            if render::full::error_at(&mut out, &source, span, &failure.error.message).is_ok() {
                eprint!("{}", String::from_utf8_lossy(out.as_slice()));
                return;
            }
            error(format!("{}: {}", path.display(), failure.error.message));
        }
        _ => error(format!("{}: {}", path.display(), failure.error.message)),
    }
}

/// Reads a target. A named file that cannot be read is an error (and sets `failed`); one met
/// while walking a folder is skipped with a warning.
fn load(target: &Target, failed: &mut bool) -> Option<Source> {
    match files::load(target) {
        Ok(source) => Some(source),
        Err(e) if target.named => {
            error(e);
            *failed = true;
            None
        }
        Err(e) => {
            eprintln!("okrlint: warning: skipped {e}");
            None
        }
    }
}

/// The configurations and the files of a run, or the exit code of why there are none.
fn prepare(input: &Input, fail_on: Option<args::FailOn>) -> Result<(Configs, Vec<Target>), u8> {
    let overrides = Overrides {
        select: input.select.clone(),
        extend_select: input.extend_select.clone(),
        ignore: input.ignore.clone(),
        fail_on: fail_on.map(Into::into),
    };
    let mut configs =
        Configs::new(input.config.as_deref(), input.isolated, overrides).map_err(|failure| {
            config_error(&failure);
            EXIT_ERROR
        })?;
    match files::targets(&input.paths, input.stdin_filename.as_deref(), &mut configs) {
        Ok(targets) => Ok((configs, targets)),
        Err(TargetError::Missing(message)) => {
            error(message);
            Err(EXIT_ERROR)
        }
        Err(TargetError::Config(failure)) => {
            config_error(&failure);
            Err(EXIT_ERROR)
        }
    }
}

fn check(args: &CheckArgs) -> u8 {
    let (mut configs, targets) = match prepare(&args.input, args.fail_on) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let mut reporter = Reporter::new(
        args.format,
        args.quiet,
        args.statistics,
        color_choice(args.color),
    );
    let mut tally = Tally::default();
    let mut failed = false;
    let mut fails = false;
    let mut would_change = false;
    let mut fixed_count = 0;
    for target in &targets {
        let settings = match configs.for_path(&target.path) {
            Ok(loaded) => loaded.settings,
            Err(failure) => {
                config_error(&failure);
                return EXIT_ERROR;
            }
        };
        let Some(mut source) = load(target, &mut failed) else {
            continue;
        };
        if args.fix || args.diff {
            let fixed = crate::fix::fix(&source, &settings, args.unsafe_fixes);
            if args.diff {
                would_change |= fixed.text != source.text();
                print!("{}", render::diff::unified(&source, &fixed.text));
                continue;
            }
            fixed_count += fixed.fixed;
            if target.stdin {
                // The fixed text is the output; there is no room for a report beside it.
                print!("{}", fixed.text);
                return EXIT_CLEAN;
            }
            if let Err(e) = write::replace(source.path(), source.text(), &fixed.text) {
                error(format!("{}: {e}", source.path().display()));
                failed = true;
                continue;
            }
            source = Source::new(source.path(), fixed.text);
        }
        let diagnostics = crate::check(&source, &settings);
        tally.add_file(&diagnostics);
        fails |= diagnostics.iter().any(|d| settings.fails(d));
        if let Err(e) = reporter.file(&source, &diagnostics) {
            error(format!("cannot write the report: {e}"));
            return EXIT_ERROR;
        }
    }
    if args.diff {
        return if failed {
            EXIT_ERROR
        } else if would_change {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        };
    }
    if args.fix && !args.quiet && fixed_count > 0 {
        eprintln!(
            "Fixed {fixed_count} problem{}.",
            if fixed_count == 1 { "" } else { "s" }
        );
    }
    if let Err(e) = reporter.finish(&tally) {
        error(format!("cannot write the report: {e}"));
        return EXIT_ERROR;
    }
    if failed {
        EXIT_ERROR
    } else if fails {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Parses and analyses each target with its configuration, and hands each to `each`.
fn each_document(
    input: &Input,
    mut each: impl FnMut(&Source, &syntax::Document, &Analysis, &Settings),
) -> u8 {
    let (mut configs, targets) = match prepare(input, None) {
        Ok(prepared) => prepared,
        Err(code) => return code,
    };
    let mut failed = false;
    for target in &targets {
        let settings = match configs.for_path(&target.path) {
            Ok(loaded) => loaded.settings,
            Err(failure) => {
                config_error(&failure);
                return EXIT_ERROR;
            }
        };
        let Some(source) = load(target, &mut failed) else {
            continue;
        };
        let document = syntax::parse(&source);
        let analysis = Analysis::of(&source, &document, &settings.analysis);
        each(&source, &document, &analysis, &settings);
    }
    if failed { EXIT_ERROR } else { EXIT_CLEAN }
}

/// `auto` colours only a terminal, and never when `NO_COLOR` is set to anything.
fn color_choice(choice: ColorChoice) -> termcolor::ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => termcolor::ColorChoice::AlwaysAnsi,
        ColorChoice::Never => termcolor::ColorChoice::Never,
        ColorChoice::Auto if no_color || !std::io::stdout().is_terminal() => {
            termcolor::ColorChoice::Never
        }
        ColorChoice::Auto => termcolor::ColorChoice::Auto,
    }
}

fn inspect(args: &InspectArgs) -> u8 {
    let mut values = Vec::new();
    let code = each_document(&args.input, |source, document, analysis, settings| {
        let inspection = render::inspect::Inspection {
            source,
            document,
            analysis,
            limits: &settings.limits,
        };
        match args.format {
            InspectFormat::Tree => print!("{}", render::inspect::tree(&inspection)),
            InspectFormat::Json => values.push(render::inspect::document_json(&inspection)),
        }
    });
    if args.format == InspectFormat::Json && code != EXIT_ERROR {
        println!("{}", render::inspect::report(values));
    }
    code
}

fn score(args: &ScoreArgs) -> u8 {
    let mut values = Vec::new();
    let code = each_document(&args.input, |source, document, analysis, settings| {
        if !document.has_items() {
            return;
        }
        let card = Scorecard::of(document, analysis, &settings.limits);
        match args.format {
            ScoreFormat::Table => print!("{}", render::score::table(source, &card)),
            ScoreFormat::Json => values.push(render::score::json(source, &card)),
        }
    });
    if args.format == ScoreFormat::Json && code != EXIT_ERROR {
        println!("{}", serde_json::json!({"version": 1, "documents": values}));
    }
    code
}

/// `okrlint init`: a commented configuration with every option at its default. An existing
/// file is never overwritten.
fn init() -> u8 {
    let path = std::path::Path::new("okrlint.toml");
    if path.exists() {
        error("okrlint.toml already exists; it was left as it is");
        return EXIT_ERROR;
    }
    match std::fs::write(path, render::rule_docs::default_config()) {
        Ok(()) => {
            println!("Wrote okrlint.toml");
            EXIT_CLEAN
        }
        Err(e) => {
            error(format!("okrlint.toml: cannot write: {e}"));
            EXIT_ERROR
        }
    }
}

fn list_rules(args: &RulesArgs) -> u8 {
    match args.format {
        RulesFormat::Table => print!("{}", render::rule_docs::table()),
        RulesFormat::Json => println!("{}", render::rule_docs::json()),
        RulesFormat::Markdown => print!("{}", render::rule_docs::markdown_table()),
    }
    EXIT_CLEAN
}

fn explain(name: &str) -> u8 {
    match rules::find(name) {
        Some(rule) => {
            print!("{}", render::rule_docs::explain(rule));
            EXIT_CLEAN
        }
        None => {
            error(format!(
                "no rule is called `{name}`; `okrlint rules` lists them"
            ));
            EXIT_ERROR
        }
    }
}
