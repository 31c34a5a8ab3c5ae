use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "M001",
    name: "missing-number",
    severity: Severity::Warning,
    summary: "a key result with no quantitative target",
    docs: r#"
## What it checks
A key result with no number in it: no count, percentage, amount, duration, score or
multiple. Dates do not count (they are time frames), nor do numbers inside names (2B业务,
ISO 9001) or idioms (千家万户). A placeholder such as `X%` is M002's.

## Why it matters
At the end of the period someone has to say whether a key result was met. Without a number
that is a matter of opinion, and the key result cannot be scored.

## Bad
```
O1：提升客户满意度
KR1：客户满意度明显提高
KR2：投诉处理更加及时
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：投诉平均处理时长从3天缩短到1天
```

## Bad, in English
```
O1: Delight our customers
KR1: Customer satisfaction goes up noticeably
KR2: Complaints are handled faster
```

## Good, in English
```
O1: Delight our customers
KR1: Quarterly CSAT rises from 78 to 85
KR2: Median complaint handling time drops from 3 days to 1 day
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (kr, facts) in cx.key_results() {
        if !facts.has_number() && !facts.has_placeholder() {
            let says = Locale::of(facts);
            out.push(
                Diagnostic::new(
                    &RULE,
                    kr.item.text,
                    says.says("关键结果没有可度量的目标值", "the key result has no measurable target"),
                )
                .label(says.says("没有数字", "no number"))
                .help(says.says(
                    "写出衡量结果的指标和目标值，如“某指标从A提升到B”；还没有基线数据时，写明用什么方法测得",
                    "name the metric and its target, e.g. “raise <metric> from A to B”; with no baseline yet, say how it will be measured",
                )),
            );
        }
    }
}
