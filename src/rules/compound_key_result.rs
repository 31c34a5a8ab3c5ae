use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::clause::Role;
use crate::analysis::kind::Kind;

pub(crate) static RULE: Rule = Rule {
    code: "C003",
    name: "compound-key-result",
    severity: Severity::Info,
    summary: "several independent outcomes in one key result",
    docs: r#"
## What it checks
A key result whose parallel clauses state two or more separately measured outcomes:
`一次交检合格率达到99%，客户投诉件数比去年减少一半`. A clause introduced as the result of the
one before (`新增5个渠道合作伙伴，实现销售500万元`) is not independent of it.

## Why it matters
When one half is met and the other missed, the key result is neither. Each outcome deserves
its own line, its own owner and its own score.

## Bad
```
O1：提高产品质量
KR1：一次交检合格率达到99%，客户投诉件数比去年减少一半
KR2：出厂不良率低于0.5%
```

## Good
```
O1：提高产品质量
KR1：一次交检合格率达到99%
KR2：客户投诉件数比去年减少一半
```

## Bad, in English
```
O1: Grow a healthier user base
KR1: Grow signups from 3,000 to 5,000 and cut churn from 3% to 2%
```

## Good, in English
```
O1: Grow a healthier user base
KR1: Grow signups from 3,000 to 5,000
KR2: Cut churn from 3% to 2%
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let measured_outcomes: Vec<usize> = facts
            .judgement
            .verdicts
            .iter()
            .filter(|(i, v)| {
                let clause = &facts.clauses[*i];
                v.kind == Kind::Outcome
                    && clause.role == Role::Main
                    && facts.clause_is_measured(clause)
            })
            .map(|(i, _)| *i)
            .collect();
        if let [first, second, ..] = measured_outcomes[..] {
            let says = Locale::of(facts);
            out.push(
                Diagnostic::new(
                    &RULE,
                    facts.clauses[second].span,
                    says.says(
                        "一个关键结果包含多个独立的成果",
                        "one key result holds several independent outcomes",
                    ),
                )
                .label(says.says("又一个成果", "another outcome"))
                .related(
                    facts.clauses[first].span,
                    says.says("第一个成果", "the first outcome"),
                )
                .help(says.says(
                    "拆成多个关键结果，每个只衡量一件事",
                    "split it into key results that each measure one thing",
                )),
            );
        }
    }
}
