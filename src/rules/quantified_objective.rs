use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "C005",
    name: "quantified-objective",
    severity: Severity::Info,
    summary: "an objective carrying a number or metric",
    docs: r#"
## What it checks
An objective with a number or a placeholder in it: `O1：营收增长30%`.

## Why it matters
The objective says where to go and why it matters; the key results say how far. A number in
the objective usually means it is really a key result, and the objective above it is missing.

## Bad
```
O1：营收增长30%
KR1：新签客户合同额不少于3,000万元
KR2：老客户续约率从82%提升到90%
```

## Good
```
O1：成为华东地区中小企业首选的财务软件
KR1：新签客户合同额不少于3,000万元
KR2：老客户续约率从82%提升到90%
```

## Bad, in English
```
O1: Reach $5M in annual recurring revenue
KR1: Grow ARR from $4M to $5M
```

## Good, in English
```
O1: Become the default choice for mid-market teams
KR1: Grow ARR from $4M to $5M
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for objective in cx.objectives() {
        let facts = cx.analysis.facts(&objective.item);
        let first = facts
            .quantities
            .iter()
            .map(|q| q.span)
            .chain(facts.placeholders.iter().copied())
            .min();
        if let Some(span) = first {
            let (says, number) = (Locale::of(facts), cx.text(span));
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    says.format(format_args!("目标里写了数字“{number}”"), format_args!("the objective holds a number, “{number}”")),
                )
                .label(says.says("这更像一个关键结果", "this reads like a key result"))
                .help(says.says(
                    "目标写方向和意义，把数字移到它的关键结果里衡量",
                    "let the objective say where to go and why; measure the number in its key results",
                )),
            );
        }
    }
}
