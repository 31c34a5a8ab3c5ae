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
    spans.extend(item.notes.iter().copied());
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
        spans.extend([heading.span, heading.text]);
        spans.extend(heading.period);
    }
    spans.extend(doc.comments.iter().flat_map(|c| [c.span, c.body]));
    spans.extend(doc.notes.iter().copied());
    spans.extend(doc.sections.iter().flat_map(|s| s.notes.iter().copied()));
    spans.extend(doc.units().flat_map(|u| u.notes.iter().copied()));
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
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn outline_like_text_never_breaks_the_pipeline(text in outline_text()) {
        check_pipeline(text);
    }

    #[test]
    fn arbitrary_text_never_breaks_the_pipeline(text in any::<String>()) {
        check_pipeline(text);
    }
}
