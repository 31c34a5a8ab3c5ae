//! The command line: argument parsing, file I/O, exit codes. The only place that prints.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod check;
mod files;
mod report;
mod write;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor;

use crate::analysis::Analysis;
use crate::analysis::score::Scorecard;
use crate::config_files::{Configs, Failure};
use crate::render;
use crate::rules::config::Overrides;
use crate::rules::{self, Settings};
use crate::source::Source;
use crate::syntax;
use args::{
    Cli, ColorChoice, Command, Input, InspectArgs, InspectFormat, RulesArgs, RulesFormat,
    ScoreArgs, ScoreFormat,
};
use files::{Target, TargetError};

/// Exit codes: no findings at or above `--fail-on`; findings; usage, config or I/O error.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Inspect(args) => inspect(&args),
        Command::Score(args) => score(&args),
        Command::Rules(args) => list_rules(&args),
        Command::Explain { rule } => explain(&rule),
        Command::Init => init(),
        Command::Lsp => crate::lsp::run(),
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
    match files::targets(
        &input.paths,
        input.stdin_filename.as_deref(),
        input.hidden,
        &mut configs,
    ) {
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
