//! Every `(* example KIND: TEXT *)` in grammar/okr.ebnf is parsed and read as KIND, so the
//! grammar document cannot drift from the parser.

mod common;

use okrlint::source::Source;
use okrlint::syntax::{self, Document, Heading};

struct Example {
    line: usize,
    kind: String,
    text: String,
}

fn examples() -> Vec<Example> {
    let grammar = std::fs::read_to_string(common::root().join("grammar/okr.ebnf")).unwrap();
    grammar
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let body = line
                .trim()
                .strip_prefix("(* example ")?
                .strip_suffix(" *)")?;
            let (kind, text) = body.split_once(": ")?;
            Some(Example {
                line: i + 1,
                kind: kind.to_owned(),
                text: text.to_owned(),
            })
        })
        .collect()
}

fn parse(text: String) -> (Source, Document) {
    let source = Source::new("example.md", text);
    let doc = syntax::parse(&source);
    (source, doc)
}

fn headings(doc: &Document) -> Vec<&Heading> {
    let sections = doc.sections.iter().filter_map(|s| s.heading.as_ref());
    let units = doc.units().filter_map(|u| u.heading.as_ref());
    doc.title.iter().chain(sections).chain(units).collect()
}

/// Why the example is not read as its kind, if it is not.
fn mismatch(example: &Example) -> Option<String> {
    let text = example.text.clone();
    match example.kind.as_str() {
        "objective" => {
            let (source, doc) = parse(format!("{text}\nKR1：上下文"));
            let objectives: Vec<_> = doc.objectives().collect();
            (objectives.len() != 1 || source.slice(objectives[0].item.text).is_empty())
                .then(|| format!("{} objectives", objectives.len()))
        }
        "key-result" => {
            let (_, doc) = parse(format!("O1：上下文\n{text}"));
            let counts: Vec<usize> = doc.objectives().map(|o| o.key_results.len()).collect();
            (counts != [1]).then(|| format!("key results per objective: {counts:?}"))
        }
        "heading" | "section" | "period" => {
            let (source, doc) = parse(format!("{text}\n研发部门\nO1：上下文\nKR1：上下文"));
            let first = headings(&doc)
                .into_iter()
                .find(|h| source.lines().line_of(h.text.start) == 0);
            let Some(first) = first else {
                return Some("not read as a heading".into());
            };
            let is_section = doc.sections.iter().any(|s| {
                s.heading
                    .as_ref()
                    .is_some_and(|h| source.lines().line_of(h.text.start) == 0)
            });
            match example.kind.as_str() {
                "section" if !is_section => Some(format!(
                    "heading `{}` is not a section",
                    source.slice(first.text)
                )),
                "period" if first.period.is_none() => Some("no period found".into()),
                _ => None,
            }
        }
        "note" => {
            let (_, doc) = parse(format!("O1：上下文\nKR1：上下文\n{text}"));
            let notes: Vec<usize> = doc.key_results().map(|k| k.item.notes.len()).collect();
            let comment = doc.comments.len();
            (notes != [1] && comment != 1).then(|| format!("notes {notes:?}, comments {comment}"))
        }
        "malformed" => {
            let (_, doc) = parse(format!("O1：上下文\n{text}"));
            let problems: usize = doc
                .items()
                .filter_map(|i| i.marker.as_ref())
                .map(|m| m.problems.len())
                .sum();
            (problems == 0).then(|| "read with no marker problem".into())
        }
        other => Some(format!("unknown example kind `{other}`")),
    }
}

#[test]
fn every_grammar_example_parses_as_its_kind() {
    let examples = examples();
    assert!(
        examples.len() >= 30,
        "the grammar keeps its examples ({} found)",
        examples.len()
    );
    let failures: Vec<String> = examples
        .iter()
        .filter_map(|e| {
            mismatch(e).map(|why| format!("okr.ebnf:{} {} `{}`: {why}", e.line, e.kind, e.text))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
