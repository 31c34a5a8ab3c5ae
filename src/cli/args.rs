//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::rules::config;

#[derive(Debug, Parser)]
#[command(
    name = "okrlint",
    version,
    about = "A linter for OKR documents (Objectives and Key Results)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and folders (default: the current folder).
    Check(CheckArgs),
    /// Show the outline okrlint reads: sections, units, objectives, key results.
    Inspect(InspectArgs),
    /// Score each key result, objective, unit and document (0–100, with tiers).
    Score(ScoreArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Write an okrlint.toml with every option, commented, in the current folder.
    Init,
    /// Run the language server on stdio.
    Lsp,
    /// Show a rule's documentation: what it checks, why, a bad and a good example.
    Explain {
        /// A rule code (S005) or name (numbering-gap).
        rule: String,
    },
}

/// Where files and their configuration come from; shared by `check`, `inspect` and `score`.
#[derive(Debug, clap::Args)]
pub struct Input {
    /// Files or folders; folders are walked for .okr, .txt, .md and .markdown files. `-` reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Use this configuration file for every file, instead of the closest okrlint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// Also walk hidden files and folders (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// The name stdin's text is linted as (for configuration and format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Run only these rules: codes, names or group letters (replaces the configuration's).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Also run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: Input,
    #[arg(long, value_enum, default_value_t = CheckFormat::Full)]
    pub format: CheckFormat,
    /// Exit with 1 when there is a finding at or above this severity (default: warning, or
    /// `fail-on` in the configuration).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only the findings, no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Count findings per rule instead of listing them.
    #[arg(long)]
    pub statistics: bool,
    /// Apply safe fixes to the files, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply fixes marked unsafe too.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff; write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Threads to lint with (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub input: Input,
    #[arg(long, value_enum, default_value_t = InspectFormat::Tree)]
    pub format: InspectFormat,
}

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: Input,
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Full,
    Concise,
    Json,
    JsonLines,
    Sarif,
    Github,
    Rdjson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Tree,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    /// The Markdown table the README carries.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOn> for config::FailOn {
    fn from(fail_on: FailOn) -> Self {
        match fail_on {
            FailOn::Error => config::FailOn::Error,
            FailOn::Warning => config::FailOn::Warning,
            FailOn::Info => config::FailOn::Info,
            FailOn::Never => config::FailOn::Never,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
