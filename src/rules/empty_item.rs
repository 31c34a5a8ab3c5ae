use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
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
    let mut document_locale = None;
    for (kind, item) in objectives.chain(key_results) {
        if item.text.is_empty() {
            // An empty item has no words of its own: it speaks the document's language.
            let says = *document_locale.get_or_insert_with(|| {
                Locale::of_most(cx.document.items().map(|i| cx.text(i.text)))
            });
            out.push(diagnose(kind, item, says));
        }
    }
}

fn diagnose(kind: ItemKind, item: &Item, says: Locale) -> Diagnostic {
    let noun = says.noun(kind);
    Diagnostic::new(
        &RULE,
        item.span,
        says.format(
            format_args!("{noun}没有内容"),
            format_args!("an empty {noun}"),
        ),
    )
    .label(says.format(
        format_args!("空的{noun}"),
        format_args!("this {noun} says nothing"),
    ))
    .help(says.format(
        format_args!("写出这个{noun}的内容，或删除这一行"),
        format_args!("write the {noun}, or delete the line"),
    ))
}
