use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S002",
    name: "objective-without-key-results",
    severity: Severity::Error,
    summary: "an objective with no key results",
    docs: r#"
## What it checks
An objective that has no key result under it.

## Why it matters
An objective says where to go; its key results say how anyone will know it got there.
Without them the objective cannot be scored at the end of the period.

## Bad
```
O1：提升客户满意度
O2：降低交付成本
KR1：单项目交付成本比去年降低15%
KR2：返工工时占比降低到5%以下
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
O2：降低交付成本
KR1：单项目交付成本比去年降低15%
KR2：返工工时占比降低到5%以下
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for objective in cx.document.objectives() {
        if objective.key_results.is_empty() {
            let says = Locale::of_text(cx.text(objective.item.text));
            out.push(
                Diagnostic::new(
                    &RULE,
                    objective.item.handle(),
                    says.says("目标没有关键结果", "an objective with no key results"),
                )
                .label(says.says("此目标下没有任何关键结果", "no key result under it"))
                .help(says.says(
                    "为它补写 2–5 个可度量的关键结果（“KR1：某指标从A提升到B”），或删除这个目标",
                    "give it 2–5 measurable key results (“KR1: raise <metric> from A to B”), or delete it",
                )),
            );
        }
    }
}
