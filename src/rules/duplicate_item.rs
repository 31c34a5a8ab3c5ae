use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::text::{Fingerprint, same_text, similarity, similarity_bound};
use crate::syntax::{Item, ItemKind};

/// Texts at least this similar (Dice over character bigrams) are one item written twice.
const NEAR_COPY: f64 = 0.9;

/// How many items back a near copy is looked for; exact copies are found anywhere. Near
/// copies are edited pastes, which sit close to their original, and a bound keeps a unit of
/// thousands of items linear.
const NEAR_WINDOW: usize = 16;

pub(crate) static RULE: Rule = Rule {
    code: "S007",
    name: "duplicate-item",
    severity: Severity::Warning,
    summary: "the same or nearly the same item twice in a unit",
    docs: r#"
## What it checks
Two objectives, or two key results, in the same unit whose texts are the same or nearly the
same (90% of their character pairs shared) once width, case, spacing and punctuation are set
aside. Exact copies are found anywhere in the unit; near copies among the 16 items before.

## Why it matters
A duplicate is usually a copy-and-paste left behind. It double-counts one result and hides
the key result that was meant to be written there.

## Bad
```
O1：提升客户满意度
KR1：客户问题解决时间缩短至2天。
KR2：客户问题解决时间缩短至2天
```

## Good
```
O1：提升客户满意度
KR1：客户问题解决时间缩短至2天
KR2：客户问题首次响应时间缩短至4小时
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for unit in cx.document.units() {
        let objectives = unit.objectives.iter().map(|o| &o.item);
        let key_results = unit.key_results().map(|k| &k.item);
        find_duplicates(cx, ItemKind::Objective, objectives, out);
        find_duplicates(cx, ItemKind::KeyResult, key_results, out);
    }
}

fn find_duplicates<'a>(
    cx: &Context<'_>,
    kind: ItemKind,
    items: impl Iterator<Item = &'a Item>,
    out: &mut Vec<Diagnostic>,
) {
    // Exact copies are found by hash anywhere in the unit, and confirmed by their text.
    let mut exact: FxHashMap<u64, &Item> = FxHashMap::default();
    let mut recent: VecDeque<(&Item, Fingerprint)> = VecDeque::with_capacity(NEAR_WINDOW);
    for item in items.filter(|i| !i.text.is_empty()) {
        let text = cx.source.slice(item.text);
        let fingerprint = Fingerprint::of(text);
        let copied = exact
            .get(&fingerprint.hash)
            .filter(|original| same_text(cx.source.slice(original.text), text));
        if let Some(original) = copied {
            out.push(diagnose(cx, kind, item, original));
            continue;
        }
        let near = recent
            .iter()
            .find(|(_, earlier)| {
                similarity_bound(earlier, &fingerprint) >= NEAR_COPY
                    && similarity(earlier, &fingerprint) >= NEAR_COPY
            })
            .map(|(earlier, _)| *earlier);
        match near {
            Some(original) => out.push(diagnose(cx, kind, item, original)),
            None => {
                exact.entry(fingerprint.hash).or_insert(item);
                if recent.len() == NEAR_WINDOW {
                    recent.pop_front();
                }
                recent.push_back((item, fingerprint));
            }
        }
    }
}

fn diagnose(cx: &Context<'_>, kind: ItemKind, item: &Item, original: &Item) -> Diagnostic {
    let says = Locale::of_text(cx.text(item.text));
    let noun = says.noun(kind);
    let line = cx.source.lines().line_of(original.span.start) + 1;
    Diagnostic::new(
        &RULE,
        item.text,
        says.format(
            format_args!("与第 {line} 行的{noun}重复"),
            format_args!("the same {noun} as on line {line}"),
        ),
    )
    .label(says.says("重复的内容", "repeated"))
    .related(
        original.text,
        says.says("首次出现在这里", "first written here"),
    )
    .help(says.format(
        format_args!("删除重复的{noun}，或改写成衡量另一方面的{noun}"),
        format_args!("delete the copy, or rewrite it as a {noun} that measures something else"),
    ))
}
