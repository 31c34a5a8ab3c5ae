use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "M006",
    name: "missing-baseline",
    severity: Severity::Info,
    summary: "a change with no starting point (提高10% with no 比去年/同比/从A到B)",
    docs: r#"
## What it checks
A key result that states an amount of change — `降低10%`, `增长30%`, `提高2倍`, `缩短1小时` —
without saying what it changes from: no `比去年`, `同比`, `环比`, `较上季度`, `从A到B`. A
level target (`降低至5%`) needs no baseline.

## Why it matters
"Reduce by 10%" from what, measured when? Without a starting point two people will score the
same result differently.

## Bad
```
O1：降低交付成本
KR1：单项目交付成本降低15%
KR2：返工工时减少30%
```

## Good
```
O1：降低交付成本
KR1：单项目交付成本比去年降低15%
KR2：返工工时从每月400小时减少到280小时
```

## Bad, in English
```
O1: Keep customers longer
KR1: Reduce monthly churn by 20%
```

## Good, in English
```
O1: Keep customers longer
KR1: Reduce monthly churn by 20% vs last quarter
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let Some(&change) = facts.changes.first() else {
            continue;
        };
        if facts.has_baseline() {
            continue;
        }
        let (says, amount) = (Locale::of(facts), cx.text(change));
        out.push(
            Diagnostic::new(
                &RULE,
                change,
                says.format(format_args!("变化量“{amount}”没有基线"), format_args!("the change “{amount}” has no baseline")),
            )
            .label(says.says("相对什么而言？", "relative to what?"))
            .help(says.says(
                "写明起点：“比去年”“同比”“较上季度”，或直接写“从A到B”",
                "state the starting point: “vs last year”, “YoY”, “vs last quarter”, or write “from A to B”",
            )),
        );
    }
}
