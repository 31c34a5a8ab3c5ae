//! The outline parser on whole documents: the sample, its Markdown and CRLF renderings, and
//! outlines in other shapes, each with its expected tree.

mod common;

use okrlint::analysis::text::normalised;
use okrlint::analysis::{Analyser, Analysis};
use okrlint::render::inspect;
use okrlint::rules::{self, Settings};
use okrlint::source::Source;
use okrlint::syntax::{self, Document, ItemKind};

use common::fixture;

/// The tree as comparable lines: headings and items, with texts normalised so that
/// punctuation width does not count.
fn shape(source: &Source, doc: &Document) -> Vec<String> {
    let mut lines = Vec::new();
    let text = |span| normalised(source.slice(span));
    if let Some(title) = &doc.title {
        lines.push(format!("title {}", text(title.text)));
    }
    for section in &doc.sections {
        lines.push(format!(
            "section {:?}",
            section.heading.as_ref().map(|h| text(h.text))
        ));
        for unit in &section.units {
            lines.push(format!(
                "  unit {:?}",
                unit.heading.as_ref().map(|h| text(h.text))
            ));
            for (i, objective) in unit.objectives.iter().enumerate() {
                lines.push(format!(
                    "    {} {}",
                    objective.item.id(ItemKind::Objective, i + 1),
                    text(objective.item.text)
                ));
                for (j, kr) in objective.key_results.iter().enumerate() {
                    lines.push(format!(
                        "      {} {}",
                        kr.item.id(ItemKind::KeyResult, j + 1),
                        text(kr.item.text)
                    ));
                }
            }
        }
    }
    lines
}

fn parser_diagnostics(source: &Source, doc: &Document) -> Vec<String> {
    let p001 = rules::find("P001").unwrap();
    let settings = Settings {
        rules: vec![(p001, p001.severity)],
        ..Settings::default()
    };
    let analyser = Analyser::new(source, doc, &settings.analysis);
    rules::check(source, doc, &settings, analyser)
        .iter()
        .map(|d| d.message.to_string())
        .collect()
}

#[test]
fn the_sample_parses_into_its_known_counts() {
    let source = fixture("fixtures/sample.txt");
    let doc = syntax::parse(&source);
    assert_eq!(
        doc.title.as_ref().map(|t| source.slice(t.text)),
        Some("OKR制定举例")
    );
    let sections: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| source.slice(h.text))
        .collect();
    assert_eq!(sections, ["公司级OKR", "部门级OKR"]);
    assert_eq!(doc.units().count(), 13);
    assert_eq!(
        doc.units().filter(|u| u.heading.is_none()).count(),
        1,
        "the company level has no unit heading"
    );
    // DESIGN §2 says 26: its 26th line starting with `O` is the title, OKR制定举例.
    assert_eq!(doc.objectives().count(), 25);
    assert_eq!(doc.key_results().count(), 82);
    assert!(doc.units().all(|u| u.orphans.is_empty()));
    assert!(parser_diagnostics(&source, &doc).is_empty());
}

#[test]
fn every_key_result_of_the_sample_is_on_its_labelled_line() {
    let source = fixture("fixtures/sample.txt");
    let doc = syntax::parse(&source);
    let labels =
        std::fs::read_to_string(common::root().join("fixtures/sample-labels.jsonl")).unwrap();
    let lines: Vec<usize> = labels
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["line"]
                .as_u64()
                .unwrap() as usize
        })
        .collect();
    let parsed: Vec<usize> = doc
        .key_results()
        .map(|k| source.lines().line_of(k.item.span.start) + 1)
        .collect();
    assert_eq!(parsed, lines);
}

#[test]
fn the_markdown_rendering_parses_into_the_same_tree() {
    let text = fixture("fixtures/sample.txt");
    let markdown = fixture("fixtures/sample.md");
    let markdown_doc = syntax::parse(&markdown);
    assert_eq!(
        shape(&markdown, &markdown_doc),
        shape(&text, &syntax::parse(&text))
    );
    assert!(parser_diagnostics(&markdown, &markdown_doc).is_empty());
}

#[test]
fn the_crlf_copy_parses_into_the_same_tree_with_right_spans() {
    let lf = fixture("fixtures/sample.txt");
    let crlf = fixture("fixtures/sample-crlf.txt");
    assert!(
        crlf.text().contains("\r\n"),
        "the fixture keeps its CRLF line endings"
    );
    let (lf_doc, crlf_doc) = (syntax::parse(&lf), syntax::parse(&crlf));
    assert_eq!(shape(&crlf, &crlf_doc), shape(&lf, &lf_doc));
    for (a, b) in lf_doc.key_results().zip(crlf_doc.key_results()) {
        assert_eq!(lf.slice(a.item.span), crlf.slice(b.item.span));
        let line = |s: &Source, offset| s.lines().line_of(offset);
        assert_eq!(line(&lf, a.item.span.start), line(&crlf, b.item.span.start));
        // The CRLF copy has one more byte per line before this one.
        assert_eq!(
            b.item.span.start - a.item.span.start,
            line(&lf, a.item.span.start)
        );
    }
}

#[test]
fn a_bom_is_skipped_and_offsets_stay_right() {
    let plain = fixture("fixtures/sample.txt");
    let with_bom = Source::new("bom.txt", format!("\u{feff}{}", plain.text()));
    let doc = syntax::parse(&with_bom);
    assert_eq!(
        doc.title.as_ref().map(|t| with_bom.slice(t.text)),
        Some("OKR制定举例")
    );
    assert_eq!(doc.key_results().count(), 82);
    let first = doc.key_results().next().unwrap();
    assert_eq!(first.item.span.start, plain.text().find("KR1").unwrap() + 3);
}

#[test]
fn lone_carriage_returns_end_lines() {
    let plain = fixture("fixtures/sample.txt");
    let cr = Source::new("cr.txt", plain.text().replace('\n', "\r"));
    assert_eq!(
        shape(&cr, &syntax::parse(&cr)),
        shape(&plain, &syntax::parse(&plain))
    );
}

#[test]
fn outlines_in_other_shapes() {
    insta::glob!("../fixtures/outlines", "*.*", |path| {
        let source = fixture(common::relative(path));
        let doc = syntax::parse(&source);
        let analysis = Analysis::of(&source, &doc, &Default::default());
        let settings = Settings::default();
        let inspection = inspect::Inspection {
            source: &source,
            document: &doc,
            analysis: &analysis,
            limits: &settings.limits,
        };
        insta::assert_snapshot!(inspect::tree(&inspection));
    });
}

#[test]
fn a_numbered_list_beside_a_bulleted_objective_holds_its_key_results() {
    let text = "- O1. Keep athletes eligible\n1. At least 95% eligible\n2. Hold a parent night every season\n- O2. Grow participation\n1. Girls' teams up from 12 to 15\n";
    let source = Source::new("flat.md", text.to_owned());
    assert_eq!(
        shape(&source, &syntax::parse(&source)),
        [
            "section None",
            "  unit None",
            "    O1 keepathleteseligible",
            "      KR1 atleast95eligible",
            "      KR2 holdaparentnighteveryseason",
            "    O2 growparticipation",
            "      KR1 girlsteamsupfrom12to15",
        ]
    );
    // Bullets beside a bulleted objective are its siblings, not its key results.
    let siblings = Source::new(
        "siblings.md",
        "- O1. Keep athletes eligible\n- a note\n".to_owned(),
    );
    let doc = syntax::parse(&siblings);
    assert!(doc.key_results().next().is_none());
}

#[test]
fn an_unmarked_item_among_marked_key_results_is_one_of_them() {
    // Short and followed by outline content, it would read as a unit's name; between two
    // marked key results at their depth, it is a key result whose marker was left off.
    let text = "## O1：保障临床用血安全\n\n- KR1：全年采血量达到12万单位\n- O-negative 血型库存保持在7天以上\n- KR2：献血者满意度达到95%\n";
    let source = Source::new("sibling.md", text.to_owned());
    let doc = syntax::parse(&source);
    assert_eq!(doc.units().count(), 1);
    let key_results: Vec<&str> = doc
        .key_results()
        .map(|k| source.slice(k.item.text))
        .collect();
    assert_eq!(
        key_results,
        [
            "全年采血量达到12万单位",
            "O-negative 血型库存保持在7天以上",
            "献血者满意度达到95%"
        ]
    );
    // Notes and labels between marked key results stay notes; none opens a unit.
    let notes = "## O1：提升服务质量\n- KR1：客户满意度达到95%\n- 注：满意度以第三方调查为准\n- 挑战目标\n- KR2：NPS达到50\n- Owner: Alice\n- (see appendix)\n- KR3：投诉量下降30%\n";
    let source = Source::new("notes.md", notes.to_owned());
    let doc = syntax::parse(&source);
    assert_eq!(doc.units().count(), 1);
    assert_eq!(doc.key_results().count(), 3);
    // A repeated number is a slip, not a new unit: every item stays with its objective.
    let slip = "## O1：提升团队能力\n- KR1：培训不少于40小时\n- 引进高级工程师3名\n- KR1：人均认证1项\n- KR3：离职率低于5%\n";
    let source = Source::new("slip.md", slip.to_owned());
    let doc = syntax::parse(&source);
    assert_eq!(doc.units().count(), 1);
    assert_eq!(doc.key_results().count(), 4);
    // A numbered heading between objectives still opens a unit (二、应用开发组).
    let units =
        "O1：提升效率\nKR1：周期缩短20%\n二、应用开发组\nO1：提升质量\nKR1：缺陷率降低10%\n";
    let source = Source::new("units.txt", units.to_owned());
    let doc = syntax::parse(&source);
    let names: Vec<&str> = doc
        .units()
        .filter_map(|u| u.heading.as_ref().map(|h| source.slice(h.text)))
        .collect();
    assert_eq!(names, ["应用开发组"]);
}
