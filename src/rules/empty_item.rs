use super::{Check, Context, Diagnostic, Rule, Severity};
use crate::syntax::{Item, ItemKind};

pub(crate) static RULE: Rule = Rule {
    code: "S006",
    name: "empty-item",
    severity: Severity::Error,
    summary: "an objective or key result with no text",
    docs: r#"
## What it checks
A marker with nothing after it: `KR2：` on its own.

## Why it matters
An empty item is an unfinished draft. It counts towards the outline's structure while
saying nothing, so the other checks cannot judge it.

## Bad
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let objectives = cx
        .document
        .objectives()
        .map(|o| (ItemKind::Objective, &o.item));
    let key_results = cx
        .document
        .key_results()
        .map(|k| (ItemKind::KeyResult, &k.item));
    for (kind, item) in objectives.chain(key_results) {
        if item.text.is_empty() {
            out.push(diagnose(kind, item));
        }
    }
}

fn diagnose(kind: ItemKind, item: &Item) -> Diagnostic {
    let noun = kind.noun();
    Diagnostic::new(&RULE, item.span, format!("{noun}没有内容"))
        .label(format!("空的{noun}"))
        .help(format!("写出这个{noun}的内容，或删除这一行"))
}
