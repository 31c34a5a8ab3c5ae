//! `okrlint score`: the scorecard of DESIGN §4, as a table or JSON.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::analysis::score::{Parts, Scorecard, Tier};
use crate::source::Source;
use crate::syntax::{Item, ItemKind};

/// Longest item text shown in the table, in characters.
const TEXT_WIDTH: usize = 40;

/// One document's scorecard as an indented table: score, tier, item.
pub fn table(source: &Source, card: &Scorecard<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", source.path().display());
    let _ = writeln!(out, "score  tier     item");
    let row = |out: &mut String, score: Option<u32>, depth: usize, label: String| {
        let (score, tier) = match score {
            Some(s) => (s.to_string(), Tier::of(s).as_str()),
            None => ("-".to_owned(), "-"),
        };
        let _ = writeln!(out, "{score:>5}  {tier:<7}  {}{label}", "  ".repeat(depth));
    };
    for unit in &card.units {
        let name = unit
            .unit
            .heading
            .as_ref()
            .map_or("(unnamed unit)", |h| source.slice(h.text));
        let section = unit
            .section
            .map(|h| format!(" · {}", source.slice(h.text)))
            .unwrap_or_default();
        row(&mut out, unit.score, 0, format!("{name}{section}"));
        for (i, objective) in unit.objectives.iter().enumerate() {
            let item = &objective.objective.item;
            row(
                &mut out,
                Some(objective.score),
                1,
                labelled(source, ItemKind::Objective, item, i + 1),
            );
            for (j, (kr, parts)) in objective.key_results.iter().enumerate() {
                row(
                    &mut out,
                    Some(parts.total()),
                    2,
                    labelled(source, ItemKind::KeyResult, &kr.item, j + 1),
                );
            }
        }
    }
    row(&mut out, card.score, 0, "document".to_owned());
    out
}

fn labelled(source: &Source, kind: ItemKind, item: &Item, place: usize) -> String {
    let text = source.slice(item.text);
    let short: String = text.chars().take(TEXT_WIDTH).collect();
    let ellipsis = if text.chars().count() > TEXT_WIDTH {
        "…"
    } else {
        ""
    };
    format!("{} {short}{ellipsis}", item.id(kind, place))
}

/// One document's scorecard as JSON.
pub fn json(source: &Source, card: &Scorecard<'_>) -> Value {
    let line = |item: &Item| source.lines().line_of(item.span.start) + 1;
    let units: Vec<Value> = card
        .units
        .iter()
        .map(|unit| {
            let objectives: Vec<Value> = unit
                .objectives
                .iter()
                .enumerate()
                .map(|(i, objective)| {
                    let item = &objective.objective.item;
                    let key_results: Vec<Value> = objective
                        .key_results
                        .iter()
                        .enumerate()
                        .map(|(j, (kr, parts))| {
                            json!({
                                "id": kr.item.id(ItemKind::KeyResult, j + 1),
                                "line": line(&kr.item),
                                "text": source.slice(kr.item.text),
                                "score": parts.total(),
                                "tier": Tier::of(parts.total()).as_str(),
                                "parts": parts_json(parts),
                            })
                        })
                        .collect();
                    json!({
                        "id": item.id(ItemKind::Objective, i + 1),
                        "line": line(item),
                        "text": source.slice(item.text),
                        "score": objective.score,
                        "tier": Tier::of(objective.score).as_str(),
                        "key_results": key_results,
                    })
                })
                .collect();
            json!({
                "unit": unit.unit.heading.as_ref().map(|h| source.slice(h.text)),
                "section": unit.section.map(|h| source.slice(h.text)),
                "score": unit.score,
                "tier": unit.score.map(|s| Tier::of(s).as_str()),
                "objectives": objectives,
            })
        })
        .collect();
    json!({
        "path": source.path().display().to_string(),
        "score": card.score,
        "tier": card.score.map(|s| Tier::of(s).as_str()),
        "units": units,
    })
}

fn parts_json(parts: &Parts) -> Value {
    json!({
        "measurable": parts.measurable,
        "outcome": parts.outcome,
        "time_bound": parts.time_bound,
        "baseline": parts.baseline,
        "clear": parts.clear,
    })
}
