//! okrlint: a linter for OKR documents.
//!
//! The flow runs one way: [`source`] (text and line index) → [`syntax`] (the outline tree) →
//! [`analysis`] (facts about items) → [`rules`] (diagnostics and fixes) → [`render`] (terminal,
//! JSON). Only [`cli`] does I/O.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod cli;
pub mod config_files;
pub mod fix;
pub mod lsp;
pub mod render;
pub mod rules;
pub mod source;
pub mod syntax;

use rules::{Diagnostic, Settings};
use source::Source;

/// Parses a source, analyses it and runs `rules` over it. A text with no outline in it yields
/// nothing.
pub fn check(source: &Source, settings: &Settings) -> Vec<Diagnostic> {
    check_with(source, settings, |document| {
        analysis::Analyser::new(source, document, &settings.analysis)
    })
}

/// [`check`], reusing the facts of key results seen before (an editor's buffer, linted after
/// every change).
pub fn check_cached(
    source: &Source,
    settings: &Settings,
    cache: &mut analysis::FactsCache,
) -> Vec<Diagnostic> {
    check_with(source, settings, |document| {
        analysis::Analyser::cached(source, document, &settings.analysis, cache)
    })
}

fn check_with<'a>(
    source: &'a Source,
    settings: &'a Settings,
    analyser: impl FnOnce(&syntax::Document) -> analysis::Analyser<'a>,
) -> Vec<Diagnostic> {
    let document = syntax::parse(source);
    if !document.has_items() {
        return Vec::new();
    }
    let analyser = analyser(&document);
    rules::check(source, &document, settings, analyser)
}
