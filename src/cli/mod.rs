//! The command line: argument parsing, file I/O, exit codes. The only place that prints.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod args;
mod files;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor::{self, BufferWriter, WriteColor};

use crate::analysis::Analysis;
use crate::analysis::score::Scorecard;
use crate::render::{self, Tally};
use crate::rules::{self, Diagnostic, Settings};
use crate::source::Source;
use crate::syntax;
use args::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, InspectArgs, InspectFormat, RulesArgs,
    RulesFormat, ScoreArgs, ScoreFormat,
};
use files::Target;

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

/// Reads every target; files that cannot be read are reported on stderr. Returns the
/// sources and whether a named file failed.
fn load_all(targets: &[Target]) -> (Vec<Source>, bool) {
    let mut sources = Vec::new();
    let mut failed = false;
    for target in targets {
        match files::load(target) {
            Ok(source) => sources.push(source),
            Err(e) if target.named => {
                error(e);
                failed = true;
            }
            Err(e) => eprintln!("okrlint: warning: skipped {e}"),
        }
    }
    (sources, failed)
}

fn check(args: &CheckArgs) -> u8 {
    let targets = match files::targets(&args.paths) {
        Ok(t) => t,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let (sources, failed) = load_all(&targets);
    let settings = Settings::default();
    let results: Vec<(Source, Vec<Diagnostic>)> = sources
        .into_iter()
        .map(|source| {
            let diagnostics = crate::check(&source, &settings, rules::ALL);
            (source, diagnostics)
        })
        .collect();
    let mut tally = Tally::default();
    for (_, diagnostics) in &results {
        tally.add_file(diagnostics);
    }
    if let Err(e) = report(args, &results, &tally) {
        error(format!("cannot write the report: {e}"));
        return EXIT_ERROR;
    }
    if failed {
        return EXIT_ERROR;
    }
    let threshold = args.fail_on.threshold();
    let fails = results
        .iter()
        .flat_map(|(_, d)| d)
        .any(|d| threshold.is_some_and(|t| d.severity >= t));
    if fails { EXIT_FINDINGS } else { EXIT_CLEAN }
}

fn report(
    args: &CheckArgs,
    results: &[(Source, Vec<Diagnostic>)],
    tally: &Tally,
) -> std::io::Result<()> {
    match args.format {
        CheckFormat::Full => {
            let writer = BufferWriter::stdout(color_choice(args.color));
            let mut buffer = writer.buffer();
            for (source, diagnostics) in results {
                render::full::render(&mut buffer, source, diagnostics)
                    .map_err(std::io::Error::other)?;
            }
            if !args.quiet {
                summary_line(&mut buffer, tally)?;
            }
            writer.print(&buffer)
        }
        CheckFormat::Concise => {
            let mut out = std::io::stdout().lock();
            for (source, diagnostics) in results {
                render::concise::render(&mut out, source, diagnostics)?;
            }
            if !args.quiet {
                writeln!(out, "{}", tally.summary())?;
            }
            Ok(())
        }
        CheckFormat::Json => {
            let files: Vec<(&Source, &[Diagnostic])> =
                results.iter().map(|(s, d)| (s, d.as_slice())).collect();
            println!("{}", render::json::report(&files, tally));
            Ok(())
        }
        CheckFormat::JsonLines => {
            let mut out = std::io::stdout().lock();
            for (source, diagnostics) in results {
                for d in diagnostics {
                    writeln!(out, "{}", render::json::line(source, d))?;
                }
            }
            Ok(())
        }
    }
}

fn summary_line(out: &mut dyn WriteColor, tally: &Tally) -> std::io::Result<()> {
    let mut spec = termcolor::ColorSpec::new();
    spec.set_bold(true);
    out.set_color(&spec)?;
    write!(out, "{}", tally.summary())?;
    out.reset()?;
    writeln!(out)
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
    let (sources, failed) = load_all(&targets);
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
    let (sources, failed) = load_all(&targets);
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
