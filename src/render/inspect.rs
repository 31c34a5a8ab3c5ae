//! `okrlint inspect`: the outline as a readable tree or as the JSON of DESIGN §6.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::source::{Source, Span};
use crate::syntax::{Document, Heading, Item, ItemKind, KeyResult, Objective, Section, Unit};

/// The outline, indented: sections, units, objectives and key results with their lines.
pub fn tree(source: &Source, doc: &Document) -> String {
    let mut out = String::new();
    let line = |span: Span| source.lines().line_of(span.start) + 1;
    let _ = writeln!(out, "{}", source.path().display());
    if let Some(title) = &doc.title {
        let _ = writeln!(
            out,
            "title {}{}",
            source.slice(title.text),
            period_suffix(source, title)
        );
    }
    for section in &doc.sections {
        let depth = match &section.heading {
            Some(h) => {
                let _ = writeln!(
                    out,
                    "section {} (line {}){}",
                    source.slice(h.text),
                    line(h.span),
                    period_suffix(source, h)
                );
                1
            }
            None => 0,
        };
        for unit in &section.units {
            let indent = "  ".repeat(depth);
            match &unit.heading {
                Some(h) => {
                    let _ = writeln!(
                        out,
                        "{indent}unit {} (line {}){}",
                        source.slice(h.text),
                        line(h.span),
                        period_suffix(source, h)
                    );
                }
                None => {
                    let _ = writeln!(out, "{indent}unit (unnamed)");
                }
            }
            for (i, orphan) in unit.orphans.iter().enumerate() {
                item_line(
                    &mut out,
                    source,
                    depth + 1,
                    ItemKind::KeyResult,
                    &orphan.item,
                    i + 1,
                    " orphan",
                );
            }
            for (i, objective) in unit.objectives.iter().enumerate() {
                item_line(
                    &mut out,
                    source,
                    depth + 1,
                    ItemKind::Objective,
                    &objective.item,
                    i + 1,
                    "",
                );
                for (j, kr) in objective.key_results.iter().enumerate() {
                    item_line(
                        &mut out,
                        source,
                        depth + 2,
                        ItemKind::KeyResult,
                        &kr.item,
                        j + 1,
                        "",
                    );
                }
            }
        }
    }
    out
}

fn period_suffix(source: &Source, heading: &Heading) -> String {
    heading
        .period
        .map(|p| format!(" [period {}]", source.slice(p)))
        .unwrap_or_default()
}

fn item_line(
    out: &mut String,
    source: &Source,
    depth: usize,
    kind: ItemKind,
    item: &Item,
    place: usize,
    tag: &str,
) {
    let line = source.lines().line_of(item.span.start) + 1;
    let notes = match item.notes.len() {
        0 => String::new(),
        n => format!(" (+{n} note{})", if n == 1 { "" } else { "s" }),
    };
    let _ = writeln!(
        out,
        "{}{} (line {line}){tag} {}{notes}",
        "  ".repeat(depth),
        item.id(kind, place),
        source.slice(item.text)
    );
}

/// The outline as JSON: one entry of the `documents` array.
pub fn document_json(source: &Source, doc: &Document) -> Value {
    let mut objectives = Vec::new();
    let mut orphans = Vec::new();
    for section in &doc.sections {
        for unit in &section.units {
            let place = Place {
                source,
                section,
                unit,
            };
            orphans.extend(
                unit.orphans
                    .iter()
                    .enumerate()
                    .map(|(i, k)| place.key_result(k, i + 1)),
            );
            objectives.extend(
                unit.objectives
                    .iter()
                    .enumerate()
                    .map(|(i, o)| place.objective(o, i + 1)),
            );
        }
    }
    json!({
        "path": source.path().display().to_string(),
        "title": doc.title.as_ref().map(|h| source.slice(h.text)),
        "period": doc.title.as_ref().and_then(|h| h.period).map(|p| source.slice(p)),
        "objectives": objectives,
        "orphan_key_results": orphans,
    })
}

/// Where an item sits, for its JSON.
struct Place<'a> {
    source: &'a Source,
    section: &'a Section,
    unit: &'a Unit,
}

impl Place<'_> {
    fn heading_text(&self, heading: Option<&Heading>) -> Option<String> {
        heading.map(|h| self.source.slice(h.text).to_owned())
    }

    fn objective(&self, objective: &Objective, place: usize) -> Value {
        let mut value = self.located(self.item(ItemKind::Objective, &objective.item, place));
        value["key_results"] = objective
            .key_results
            .iter()
            .enumerate()
            .map(|(i, k)| self.item(ItemKind::KeyResult, &k.item, i + 1))
            .collect();
        value
    }

    /// An orphan key result, which carries its own section and unit.
    fn key_result(&self, key_result: &KeyResult, place: usize) -> Value {
        self.located(self.item(ItemKind::KeyResult, &key_result.item, place))
    }

    fn located(&self, mut value: Value) -> Value {
        value["section"] = json!(self.heading_text(self.section.heading.as_ref()));
        value["unit"] = json!(self.heading_text(self.unit.heading.as_ref()));
        value
    }

    fn item(&self, kind: ItemKind, item: &Item, place: usize) -> Value {
        json!({
            "id": item.id(kind, place),
            "line": self.source.lines().line_of(item.span.start) + 1,
            "text": self.source.slice(item.text),
            "span": super::json::span_json(self.source, item.span),
        })
    }
}

/// The whole `inspect --format json` report.
pub fn report(documents: Vec<Value>) -> Value {
    json!({"version": 1, "documents": documents})
}
