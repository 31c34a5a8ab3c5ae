use super::{Check, Context, Diagnostic, Rule, Severity};
use crate::syntax::{Item, ItemKind};

pub(crate) static RULE: Rule = Rule {
    code: "C004",
    name: "overlong-item",
    severity: Severity::Info,
    summary: "longer than a limit (default: objective 30, key result 60 characters)",
    docs: r#"
## What it checks
An objective longer than 30 characters or a key result longer than 60 (configurable as
`[limits] objective-max-chars` and `key-result-max-chars`), not counting end punctuation.

## Why it matters
OKRs are read in reviews and on walls. A long item usually carries its means, background or
several results at once; the one thing that will be measured gets lost.

## Bad
```
O1：提升客户满意度
KR1：通过对客服团队进行系统化的沟通技巧培训、建立标准化的问题分类与升级流程以及每周复盘典型投诉案例，使季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
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
    let limits = &cx.settings.limits;
    let objectives = cx
        .document
        .objectives()
        .map(|o| (ItemKind::Objective, &o.item, limits.objective_max_chars));
    let key_results = cx
        .document
        .key_results()
        .map(|k| (ItemKind::KeyResult, &k.item, limits.key_result_max_chars));
    for (kind, item, limit) in objectives.chain(key_results) {
        let length = length(cx, item);
        if length > limit {
            let noun = kind.noun();
            out.push(
                Diagnostic::new(
                    &RULE,
                    item.text,
                    format!("{noun}过长：{length} 个字，上限 {limit} 个"),
                )
                .label(format!("{length} 个字"))
                .help("删去手段和背景，只保留要衡量的内容；手段可以写在下一行作为备注"),
            );
        }
    }
}

fn length(cx: &Context<'_>, item: &Item) -> usize {
    cx.text(item.text)
        .trim_end_matches(|c: char| "。.！!；;，,".contains(c))
        .chars()
        .count()
}
