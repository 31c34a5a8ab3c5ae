use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::baseline::Direction;

pub(crate) static RULE: Rule = Rule {
    code: "M008",
    name: "contradictory-direction",
    severity: Severity::Error,
    summary: "the verb's direction contradicts the numbers (从80%降低到90%)",
    docs: r#"
## What it checks
A `从A到B` key result whose verb says one direction while the numbers go the other:
`从80%降低到90%`, `从5天提升到3天`.

## Why it matters
One of the two is a typo, and nobody can tell which. The key result will be scored against
whichever number the reader happens to trust.

## Bad
```
O1：提升服务质量
KR1：客户投诉率从8%降低到12%
KR2：首次解决率从60%提升到75%
```

## Good
```
O1：提升服务质量
KR1：客户投诉率从12%降低到8%
KR2：首次解决率从60%提升到75%
```

## Bad, in English
```
O1: Make checkout fast
KR1: Reduce checkout latency from 300 ms to 450 ms
```

## Good, in English
```
O1: Make checkout fast
KR1: Reduce checkout latency from 450 ms to 300 ms
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        for baseline in &facts.baselines {
            let (Some(from), Some(to), Some(direction)) =
                (baseline.from, baseline.to, baseline.direction)
            else {
                continue;
            };
            let contradicts = match direction {
                Direction::Up => to < from,
                Direction::Down => to > from,
            };
            if contradicts {
                let says = Locale::of(facts);
                let message = match direction {
                    Direction::Up => says.says(
                        "方向与数值矛盾：动词说上升，数值却在下降",
                        "the direction contradicts the numbers: the verb says up, the numbers go down",
                    ),
                    Direction::Down => says.says(
                        "方向与数值矛盾：动词说下降，数值却在上升",
                        "the direction contradicts the numbers: the verb says down, the numbers go up",
                    ),
                };
                out.push(
                    Diagnostic::new(&RULE, baseline.span, message)
                        .label(says.says(
                            "起点和目标值的方向相反",
                            "start and target move the other way",
                        ))
                        .help(says.says(
                            "核对起点和目标值，或把动词改成与数值一致的方向",
                            "check the start and target values, or change the verb to match them",
                        )),
                );
            }
        }
    }
}
