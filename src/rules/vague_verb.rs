use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::score::unmeasured_vague_terms;

pub(crate) static RULE: Rule = Rule {
    code: "C001",
    name: "vague-verb",
    severity: Severity::Warning,
    summary: "a vague verb (优化, 提升, 加强, 改善, 完善, 确保) in the outcome clause with no quantity in that clause",
    docs: r#"
## What it checks
A vague verb — `优化`, `提升`, `加强`, `改善`, `完善`, `确保`, `推动` — in the outcome clause of a
key result, when that clause has no quantity. In the means (`通过优化产品设计,实现成本降低10%`)
or next to a number (`满意度提升到90分`) it is fine.

## Why it matters
"Optimise the process" is done the moment anyone says so. A reader cannot tell at the end of
the period whether it was achieved.

## Bad
```
O1：提高销售支持效率
KR1：通过风险分析、流程分析，优化销售支持流程
KR2：加强客户服务意识
```

## Good
```
O1：提高销售支持效率
KR1：通过流程分析，将销售支持工单的平均处理时长从3天缩短到1天
KR2：客户服务满意度从80分提升到88分
```

## Bad, in English
```
O1: Get new users to value sooner
KR1: Improve the onboarding process
```

## Good, in English
```
O1: Get new users to value sooner
KR1: Median time to a first report drops from 25 to 10 minutes
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let says = Locale::of(facts);
        for term in unmeasured_vague_terms(facts) {
            let verb = cx.text(term.span);
            out.push(
                Diagnostic::new(
                    &RULE,
                    term.span,
                    says.format(format_args!("含糊的动词“{verb}”，所在分句没有可度量的目标"), format_args!("vague verb “{verb}” with no measurable target in its clause")),
                )
                .label(says.says("改到什么程度？", "to what degree?"))
                .help(says.format(format_args!("说明“{verb}”到什么程度：写出衡量它的指标和目标值，如“某指标从A提升到B”"), format_args!("say how far to “{verb}”: name the metric and its target, e.g. “raise <metric> from A to B”"))),
            );
        }
    }
}
