//! The whole pipeline on arbitrary text: check, every renderer, inspect, and fixing twice
//! giving what fixing once gave.
#![no_main]

use codespan_reporting::term::termcolor::Buffer;
use libfuzzer_sys::fuzz_target;
use okrlint::render;
use okrlint::rules::Settings;
use okrlint::source::Source;

fuzz_target!(|text: &str| {
    let source = Source::new("fuzz.md", text.to_owned());
    let settings = Settings::default();
    let diagnostics = okrlint::check(&source, &settings);
    render::full::render(&mut Buffer::no_color(), &source, &diagnostics).expect("renders");
    let _ = render::sarif::results(&source, &diagnostics);
    let _ = render::rdjson::diagnostics(&source, &diagnostics);
    let _ = render::json::file(&source, &diagnostics);
    let document = okrlint::syntax::parse(&source);
    let analysis = okrlint::analysis::Analysis::of(&source, &document, &settings.analysis);
    let inspection = render::inspect::Inspection { source: &source, document: &document, analysis: &analysis, limits: &settings.limits };
    let _ = render::inspect::tree(&inspection);
    let once = okrlint::fix::fix(&source, &settings, true);
    let twice = okrlint::fix::fix(&Source::new("fuzz.md", once.text.clone()), &settings, true);
    assert_eq!(once.text, twice.text, "fixing twice changes what fixing once left");
});
