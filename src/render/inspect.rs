//! `okrlint inspect`: the outline with each key result's facts and score, as a readable tree
//! or as the JSON of DESIGN §6.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::analysis::score::{self, Limits, Scorecard};
use crate::analysis::{Analysis, Facts};
use crate::source::{Source, Span};
use crate::syntax::{Document, Heading, Item, ItemKind, KeyResult};

/// Everything `inspect` shows about one document.
pub struct Inspection<'a> {
    pub source: &'a Source,
    pub document: &'a Document,
    pub analysis: &'a Analysis,
    pub limits: &'a Limits,
}

impl Inspection<'_> {
    fn line(&self, span: Span) -> usize {
        self.source.lines().line_of(span.start) + 1
    }

    fn text(&self, span: Span) -> &str {
        self.source.slice(span)
    }

    fn key_result_score(&self, kr: &KeyResult) -> u32 {
        let has_period = self.analysis.inherits_period(kr);
        score::key_result(self.analysis.facts(&kr.item), has_period).total()
    }
}

/// The outline, indented, each key result followed by its facts.
pub fn tree(inspection: &Inspection<'_>) -> String {
    let (source, doc) = (inspection.source, inspection.document);
    let card = Scorecard::of(doc, inspection.analysis, inspection.limits);
    let mut out = String::new();
    let _ = writeln!(out, "{}", source.path().display());
    if let Some(title) = &doc.title {
        let _ = writeln!(
            out,
            "title {}{}",
            source.slice(title.text),
            period_suffix(source, title)
        );
    }
    let mut units = card.units.iter().peekable();
    for section in &doc.sections {
        let depth = usize::from(section.heading.is_some());
        if let Some(h) = &section.heading {
            let _ = writeln!(
                out,
                "section {} (line {}){}",
                source.slice(h.text),
                inspection.line(h.text),
                period_suffix(source, h)
            );
        }
        for unit in &section.units {
            let scored = units.next().expect("the scorecard has every unit");
            let indent = "  ".repeat(depth);
            let unit_score = scored
                .score
                .map(|s| format!(" [score {s}]"))
                .unwrap_or_default();
            match &unit.heading {
                Some(h) => {
                    let _ = writeln!(
                        out,
                        "{indent}unit {} (line {}){}{unit_score}",
                        source.slice(h.text),
                        inspection.line(h.text),
                        period_suffix(source, h)
                    );
                }
                None => {
                    let _ = writeln!(out, "{indent}unit (unnamed){unit_score}");
                }
            }
            for (i, orphan) in unit.orphans.iter().enumerate() {
                key_result_lines(&mut out, inspection, depth + 1, orphan, i + 1, " orphan");
            }
            for (i, objective) in scored.objectives.iter().enumerate() {
                let item = &objective.objective.item;
                let _ = writeln!(
                    out,
                    "{}{} (line {}) {}{} [score {}]",
                    "  ".repeat(depth + 1),
                    item.id(ItemKind::Objective, i + 1),
                    inspection.line(item.span),
                    source.slice(item.text),
                    notes_suffix(item),
                    objective.score
                );
                for (j, (kr, _)) in objective.key_results.iter().enumerate() {
                    key_result_lines(&mut out, inspection, depth + 2, kr, j + 1, "");
                }
            }
        }
    }
    if let Some(score) = card.score {
        let _ = writeln!(
            out,
            "document score {score} ({})",
            score::Tier::of(score).as_str()
        );
    }
    out
}

fn period_suffix(source: &Source, heading: &Heading) -> String {
    heading
        .period
        .map(|p| format!(" [period {}]", source.slice(p)))
        .unwrap_or_default()
}

fn notes_suffix(item: &Item) -> String {
    match item.notes.len() {
        0 => String::new(),
        1 => " (+1 note)".to_owned(),
        n => format!(" (+{n} notes)"),
    }
}

fn key_result_lines(
    out: &mut String,
    inspection: &Inspection<'_>,
    depth: usize,
    kr: &KeyResult,
    place: usize,
    tag: &str,
) {
    let item = &kr.item;
    let facts = inspection.analysis.facts(item);
    let indent = "  ".repeat(depth);
    let _ = writeln!(
        out,
        "{indent}{} (line {}){tag} {}{} [{} · score {}]",
        item.id(ItemKind::KeyResult, place),
        inspection.line(item.span),
        inspection.text(item.text),
        notes_suffix(item),
        facts.kind().as_str(),
        inspection.key_result_score(kr)
    );
    for (name, values) in fact_lines(inspection, facts) {
        if !values.is_empty() {
            let _ = writeln!(out, "{indent}    {name:<11} {}", values.join("  "));
        }
    }
}

/// The facts as labelled lists of phrases, as `inspect --format tree` prints them.
fn fact_lines(inspection: &Inspection<'_>, facts: &Facts) -> Vec<(&'static str, Vec<String>)> {
    let text = |span: Span| inspection.text(span).to_owned();
    vec![
        (
            "clauses",
            facts
                .clauses
                .iter()
                .map(|c| format!("[{} {}]", role_name(c.role), text(c.span)))
                .collect(),
        ),
        (
            "quantities",
            facts.quantities.iter().map(|q| text(q.span)).collect(),
        ),
        (
            "placeholder",
            facts.placeholders.iter().map(|p| text(*p)).collect(),
        ),
        (
            "time",
            facts
                .time_frames
                .iter()
                .map(|t| format!("{} ({})", text(t.span), kebab(&t.kind)))
                .collect(),
        ),
        (
            "baselines",
            facts.baselines.iter().map(|b| text(b.span)).collect(),
        ),
        (
            "words",
            facts
                .terms
                .iter()
                .map(|t| {
                    format!(
                        "{} ({}, {})",
                        text(t.span),
                        kebab(&t.class),
                        role_name(t.role)
                    )
                })
                .collect(),
        ),
    ]
}

fn role_name(role: crate::analysis::clause::Role) -> String {
    kebab(&role)
}

fn kebab<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The outline as JSON: one entry of the `documents` array.
pub fn document_json(inspection: &Inspection<'_>) -> Value {
    let (source, doc) = (inspection.source, inspection.document);
    let card = Scorecard::of(doc, inspection.analysis, inspection.limits);
    let mut objectives = Vec::new();
    let mut orphans = Vec::new();
    let mut units = card.units.iter();
    for section in &doc.sections {
        for unit in &section.units {
            let scored = units.next().expect("the scorecard has every unit");
            let place = |mut value: Value| {
                value["section"] = json!(section.heading.as_ref().map(|h| source.slice(h.text)));
                value["unit"] = json!(unit.heading.as_ref().map(|h| source.slice(h.text)));
                value
            };
            for (i, orphan) in unit.orphans.iter().enumerate() {
                orphans.push(place(key_result_json(inspection, orphan, i + 1)));
            }
            for (i, objective) in scored.objectives.iter().enumerate() {
                let mut value = place(item_json(
                    inspection,
                    ItemKind::Objective,
                    &objective.objective.item,
                    i + 1,
                ));
                value["score"] = json!(objective.score);
                value["key_results"] = objective
                    .key_results
                    .iter()
                    .enumerate()
                    .map(|(j, (kr, _))| key_result_json(inspection, kr, j + 1))
                    .collect();
                objectives.push(value);
            }
        }
    }
    json!({
        "path": source.path().display().to_string(),
        "title": doc.title.as_ref().map(|h| source.slice(h.text)),
        "period": doc.title.as_ref().and_then(|h| h.period).map(|p| source.slice(p)),
        "score": card.score,
        "objectives": objectives,
        "orphan_key_results": orphans,
    })
}

fn item_json(inspection: &Inspection<'_>, kind: ItemKind, item: &Item, place: usize) -> Value {
    json!({
        "id": item.id(kind, place),
        "line": inspection.line(item.span),
        "text": inspection.text(item.text),
        "span": super::json::span_json(inspection.source, item.span),
    })
}

fn key_result_json(inspection: &Inspection<'_>, kr: &KeyResult, place: usize) -> Value {
    let facts = inspection.analysis.facts(&kr.item);
    let phrase = |span: Span| json!({"text": inspection.text(span), "span": super::json::span_json(inspection.source, span)});
    let mut value = item_json(inspection, ItemKind::KeyResult, &kr.item, place);
    value["has_number"] = json!(facts.has_number());
    value["has_placeholder"] = json!(facts.has_placeholder());
    value["has_deadline"] = json!(facts.has_deadline());
    value["kind"] = json!(facts.kind().as_str());
    value["language"] = json!(facts.language);
    value["score"] = json!(inspection.key_result_score(kr));
    value["facts"] = json!({
        "numbers": facts.quantities.iter().map(|q| {
            let mut v = phrase(q.span);
            v["value"] = json!(q.value);
            v["unit"] = json!(q.unit);
            v
        }).collect::<Vec<_>>(),
        "placeholders": facts.placeholders.iter().map(|p| phrase(*p)).collect::<Vec<_>>(),
        "time_frames": facts.time_frames.iter().map(|t| {
            let mut v = phrase(t.span);
            v["kind"] = json!(t.kind);
            v
        }).collect::<Vec<_>>(),
        "baselines": facts.baselines.iter().map(|b| phrase(b.span)).collect::<Vec<_>>(),
        "vague_terms": facts.terms.iter().map(|t| {
            let mut v = phrase(t.span);
            v["class"] = json!(t.class);
            v["clause"] = json!(t.role);
            v
        }).collect::<Vec<_>>(),
        "clauses": facts.clauses.iter().map(|c| {
            let mut v = phrase(c.span);
            v["role"] = json!(c.role);
            v
        }).collect::<Vec<_>>(),
        "inherited_period": inspection.analysis.inherited_period(kr).map(|p| inspection.text(p)),
    });
    value
}

/// The whole `inspect --format json` report.
pub fn report(documents: Vec<Value>) -> Value {
    json!({"version": 1, "documents": documents})
}
