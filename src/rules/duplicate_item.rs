use super::{Context, Diagnostic, Rule, Severity};
use crate::analysis::text::{Bigrams, normalised, similarity, similarity_bound};
use crate::syntax::{Item, ItemKind};

/// Texts at least this similar (Dice over character bigrams) are one item written twice.
const NEAR_COPY: f64 = 0.9;

pub(crate) static RULE: Rule = Rule {
    code: "S007",
    name: "duplicate-item",
    severity: Severity::Warning,
    summary: "the same or nearly the same item twice in a unit",
    docs: r#"
## What it checks
Two objectives, or two key results, in the same unit whose texts are the same or nearly the
same once width, case, spacing and punctuation are set aside.

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
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for unit in cx.document.units() {
        let objectives = unit.objectives.iter().map(|o| &o.item);
        let key_results = unit
            .orphans
            .iter()
            .chain(unit.objectives.iter().flat_map(|o| o.key_results.iter()))
            .map(|k| &k.item);
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
    let mut seen: Vec<(&Item, Bigrams)> = Vec::new();
    for item in items.filter(|i| !i.text.is_empty()) {
        let text = Bigrams::of(&normalised(cx.source.slice(item.text)));
        let original = seen
            .iter()
            .find(|(_, earlier)| {
                similarity_bound(earlier, &text) >= NEAR_COPY
                    && similarity(earlier, &text) >= NEAR_COPY
            })
            .map(|(earlier, _)| *earlier);
        match original {
            Some(original) => out.push(diagnose(cx, kind, item, original)),
            None => seen.push((item, text)),
        }
    }
}

fn diagnose(cx: &Context<'_>, kind: ItemKind, item: &Item, original: &Item) -> Diagnostic {
    let noun = kind.noun();
    let line = cx.source.lines().line_of(original.span.start) + 1;
    Diagnostic::new(&RULE, item.text, format!("与第 {line} 行的{noun}重复"))
        .label("重复的内容")
        .related(original.text, "首次出现在这里")
        .help(format!("删除重复的{noun}，或改写成衡量另一方面的{noun}"))
}
