//! The command line: argument parsing, file I/O, exit codes. The only place that prints.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod files;
mod report;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor;

use crate::analysis::Analysis;
use crate::analysis::score::Scorecard;
use crate::render::{self, Tally};
use crate::rules::{self, Settings};
use crate::source::Source;
use crate::syntax;
use args::{
    CheckArgs, Cli, ColorChoice, Command, InspectArgs, InspectFormat, RulesArgs, RulesFormat,
    ScoreArgs, ScoreFormat,
};
use files::Target;
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
    };
    ExitCode::from(code)
}

fn error(message: impl std::fmt::Display) {
    eprintln!("okrlint: error: {message}");
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

fn check(args: &CheckArgs) -> u8 {
    let targets = match files::targets(&args.paths) {
        Ok(t) => t,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let settings = Settings::default();
    let threshold = args.fail_on.threshold();
    let mut reporter = Reporter::new(args.format, args.quiet, color_choice(args.color));
    let mut tally = Tally::default();
    let mut failed = false;
    let mut fails = false;
    for target in &targets {
        let Some(source) = load(target, &mut failed) else {
            continue;
        };
        let diagnostics = crate::check(&source, &settings, rules::ALL);
        tally.add_file(&diagnostics);
        fails |= diagnostics
            .iter()
            .any(|d| threshold.is_some_and(|t| d.severity >= t));
        if let Err(e) = reporter.file(&source, &diagnostics) {
            error(format!("cannot write the report: {e}"));
            return EXIT_ERROR;
        }
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
    let targets = match files::targets(&args.paths) {
        Ok(t) => t,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let mut failed = false;
    let sources: Vec<Source> = targets
        .iter()
        .filter_map(|t| load(t, &mut failed))
        .collect();
    let settings = Settings::default();
    let mut values = Vec::new();
    for source in &sources {
        let document = syntax::parse(source);
        let analysis = Analysis::of(source, &document);
        let inspection = render::inspect::Inspection {
            source,
            document: &document,
            analysis: &analysis,
            limits: &settings.limits,
        };
        match args.format {
            InspectFormat::Tree => print!("{}", render::inspect::tree(&inspection)),
            InspectFormat::Json => values.push(render::inspect::document_json(&inspection)),
        }
    }
    if args.format == InspectFormat::Json {
        println!("{}", render::inspect::report(values));
    }
    if failed { EXIT_ERROR } else { EXIT_CLEAN }
}

fn score(args: &ScoreArgs) -> u8 {
    let targets = match files::targets(&args.paths) {
        Ok(t) => t,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let mut failed = false;
    let sources: Vec<Source> = targets
        .iter()
        .filter_map(|t| load(t, &mut failed))
        .collect();
    let settings = Settings::default();
    let mut values = Vec::new();
    for source in &sources {
        let document = syntax::parse(source);
        if !document.has_items() {
            continue;
        }
        let analysis = Analysis::of(source, &document);
        let card = Scorecard::of(&document, &analysis, &settings.limits);
        match args.format {
            ScoreFormat::Table => print!("{}", render::score::table(source, &card)),
            ScoreFormat::Json => values.push(render::score::json(source, &card)),
        }
    }
    if args.format == ScoreFormat::Json {
        println!("{}", serde_json::json!({"version": 1, "documents": values}));
    }
    if failed { EXIT_ERROR } else { EXIT_CLEAN }
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
