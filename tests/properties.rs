//! Properties of the whole pipeline on generated text: parsing never panics, and every span
//! it or a rule produces lies inside the text on character boundaries.

use codespan_reporting::term::termcolor::Buffer;
use okrlint::render;
use okrlint::rules::Settings;
use okrlint::source::{Source, Span};
use okrlint::syntax::{self, Document, Item};
use proptest::prelude::*;

/// Pieces that OKR outlines are made of, so generated text reaches deep into the grammar.
fn outline_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("O1：".to_owned()),
        Just("KR2:".to_owned()),
        Just("Kr3 ".to_owned()),
        Just("ＫＲ４：".to_owned()),
        Just("O1-KR1：".to_owned()),
        Just("KR1.2：".to_owned()),
        Just("目标一：".to_owned()),
        Just("关键结果2：".to_owned()),
        Just("Objective 1: ".to_owned()),
        Just("Key Result 3 - ".to_owned()),
        Just("公司级OKR".to_owned()),
        Just("研发部门".to_owned()),
        Just("2026年第一季度".to_owned()),
        Just("# ".to_owned()),
        Just("## ".to_owned()),
        Just("- ".to_owned()),
        Just("  - [x] ".to_owned()),
        Just("1. ".to_owned()),
        Just("二、".to_owned()),
        Just("**".to_owned()),
        Just("| 目标 | 关键结果 |\n|---|---|\n".to_owned()),
        Just("| ".to_owned()),
        Just("；".to_owned()),
        Just("<br>".to_owned()),
        Just("<!-- ".to_owned()),
        Just(" -->".to_owned()),
        Just("```".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("😀𠀀".to_owned()),
        "[a-zA-Z0-9 ,.:;]{0,8}",
        "[\\u{4e00}-\\u{9fff}]{1,8}",
        any::<char>().prop_map(String::from),
    ]
}

fn outline_text() -> impl Strategy<Value = String> {
    prop::collection::vec(outline_piece(), 0..80).prop_map(|pieces| pieces.concat())
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

fn item_spans(item: &Item) -> Vec<Span> {
    let mut spans = vec![item.span, item.text];
    if let Some(marker) = &item.marker {
        spans.extend([marker.label, marker.separator]);
        spans.extend(marker.number.map(|n| n.span));
    }
    spans
}

fn all_spans(doc: &Document) -> Vec<Span> {
    let mut spans: Vec<Span> = doc.items().flat_map(item_spans).collect();
    let headings = doc
        .title
        .iter()
        .chain(doc.sections.iter().filter_map(|s| s.heading.as_ref()))
        .chain(doc.units().filter_map(|u| u.heading.as_ref()));
    for heading in headings {
        spans.push(heading.text);
        spans.extend(heading.period);
    }
    spans.extend(doc.comments.iter().flat_map(|c| [c.span, c.body]));
    spans.extend(doc.all_notes());
    spans
}

fn check_pipeline(text: String) {
    let source = Source::new("generated.md", text);
    let doc = syntax::parse(&source);
    for span in all_spans(&doc) {
        assert_span(source.text(), span, "tree span");
    }
    let diagnostics = okrlint::check(&source, &Settings::default());
    for d in &diagnostics {
        assert_span(source.text(), d.span, d.rule.code);
        for label in &d.related {
            assert_span(source.text(), label.span, d.rule.code);
        }
        for edit in d.fix.iter().flat_map(|f| &f.edits) {
            assert_span(source.text(), edit.span, d.rule.code);
        }
    }
    let mut out = Buffer::no_color();
    render::full::render(&mut out, &source, &diagnostics).expect("full output renders");
    let analysis = okrlint::analysis::Analysis::of(&source, &doc, &Default::default());
    let settings = Settings::default();
    let inspection = render::inspect::Inspection {
        source: &source,
        document: &doc,
        analysis: &analysis,
        limits: &settings.limits,
    };
    render::inspect::document_json(&inspection);
    render::inspect::tree(&inspection);
    check_formats(&source, &diagnostics);
    check_every_line_is_read(&source, &doc);
    check_fixes_settle(&source);
}

/// Every machine format is well-formed JSON of the right shape.
fn check_formats(source: &Source, diagnostics: &[okrlint::rules::Diagnostic]) {
    let json = render::json::file(source, diagnostics);
    let reparsed: serde_json::Value =
        serde_json::from_str(&json.to_string()).expect("json reparses");
    assert_eq!(
        reparsed["diagnostics"].as_array().map(Vec::len),
        Some(diagnostics.len())
    );
    let sarif = render::sarif::log(render::sarif::results(source, diagnostics));
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "SARIF: {errors:?}");
    let rdjson = render::rdjson::report(render::rdjson::diagnostics(source, diagnostics));
    assert_eq!(
        rdjson["diagnostics"].as_array().map(Vec::len),
        Some(diagnostics.len())
    );
}

fn sarif_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/sarif-schema-2.1.0.json"
        ))
        .unwrap();
        jsonschema::validator_for(&serde_json::from_str(&schema).unwrap()).unwrap()
    })
}

/// Every line with something on it is in the tree: an item, a heading, a note or a comment.
fn check_every_line_is_read(source: &Source, doc: &Document) {
    let lines = source.lines();
    let mut read = vec![false; lines.line_count()];
    for span in all_spans(doc) {
        let (first, last) = (
            lines.line_of(span.start),
            lines.line_of(span.end.saturating_sub(1).max(span.start)),
        );
        read[first..=last.max(first)]
            .iter_mut()
            .for_each(|r| *r = true);
    }
    for (n, was_read) in read.iter().enumerate() {
        let text = source.slice(lines.line_span(n));
        let visible = text.trim_start_matches('\u{feff}').trim();
        assert!(
            *was_read || visible.is_empty(),
            "line {} is in no node: {text:?}",
            n + 1
        );
    }
}

/// Fixing what fixing left changes nothing more.
fn check_fixes_settle(source: &Source) {
    let settings = Settings::default();
    let once = okrlint::fix::fix(source, &settings, true);
    let twice = okrlint::fix::fix(
        &Source::new(source.path(), once.text.clone()),
        &settings,
        true,
    );
    assert_eq!(twice.text, once.text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn outline_like_text_never_breaks_the_pipeline(text in outline_text()) {
        check_pipeline(text);
    }

    #[test]
    fn arbitrary_text_never_breaks_the_pipeline(text in any::<String>()) {
        check_pipeline(text);
    }
}

/// Facts kept from earlier texts give the same findings as a fresh check: an editor reuses
/// them after every keystroke, with items moved, edited and repeated.
fn check_cache_agrees(texts: Vec<String>) {
    let settings = Settings::default();
    let mut cache = okrlint::analysis::FactsCache::default();
    for text in texts {
        let source = Source::new("edited.md", text);
        let fresh = render::json::file(&source, &okrlint::check(&source, &settings));
        let cached = render::json::file(
            &source,
            &okrlint::check_cached(&source, &settings, &mut cache),
        );
        assert_eq!(cached, fresh, "text: {:?}", source.text());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cached_facts_give_the_same_findings(texts in prop::collection::vec(outline_text(), 1..6)) {
        check_cache_agrees(texts);
    }
}

#[test]
fn cached_facts_follow_a_key_result_that_moves() {
    let first = "O1: 提升留存\nKR1: 优化流程，尽快完成\n".to_string();
    let moved = format!("# 2025年Q1\n\n{first}KR2: 优化流程，尽快完成\n");
    check_cache_agrees(vec![first, moved]);
}
