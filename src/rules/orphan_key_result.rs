use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S001",
    name: "orphan-key-result",
    severity: Severity::Error,
    summary: "a key result with no objective above it in its unit",
    docs: r#"
## What it checks
A key result that comes before any objective of its unit (or of its section, when the
section has no units).

## Why it matters
A key result measures progress towards one objective. Without one, nobody can tell what it
is evidence of, and it is usually a sign that an objective line was lost or mis-typed.

## Bad
```
研发部门
KR1：核心接口可用性达到99.9%
O1：提升平台稳定性
KR2：P1故障数降低到每月2次以内
```

## Good
```
研发部门
O1：提升平台稳定性
KR1：核心接口可用性达到99.9%
KR2：P1故障数降低到每月2次以内
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for unit in cx.document.units() {
        for orphan in &unit.orphans {
            let says = Locale::of_text(cx.text(orphan.item.text));
            out.push(
                Diagnostic::new(
                    &RULE,
                    orphan.item.handle(),
                    says.says("关键结果上方没有目标", "a key result with no objective above it"),
                )
                .label(says.says("不属于任何目标", "belongs to no objective"))
                .help(says.says(
                    "在它上方补写所属目标（如“O1：…”），或把它移到所属目标之下",
                    "write its objective above it (“O1: …”), or move it under the objective it serves",
                )),
            );
        }
    }
}
