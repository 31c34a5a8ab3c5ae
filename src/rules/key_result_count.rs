use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S003",
    name: "key-result-count",
    severity: Severity::Warning,
    summary: "key results per objective outside a range (default 2–5)",
    docs: r#"
## What it checks
An objective with fewer or more key results than the configured range (by default 2 to 5;
`[limits] key-results-per-objective` in `okrlint.toml`). An objective with none is S002's.

## Why it matters
One key result rarely captures an objective: it invites hitting the number while missing
the point. More than five spreads the team thin and hides which results matter.

## Bad
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
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
    let (min, max) = cx.settings.limits.key_results_per_objective;
    for objective in cx.document.objectives() {
        let count = objective.key_results.len();
        if count == 0 || (min..=max).contains(&count) {
            continue;
        }
        let says = Locale::of_text(cx.text(objective.item.text));
        let advice = if count < min {
            says.says(
                "补充能从其他角度衡量这个目标的关键结果（如质量、成本或客户指标）",
                "add key results that measure the objective from another side (quality, cost, customers)",
            )
        } else {
            says.says(
                "保留最能说明目标达成的几个，其余移作日常指标或拆成另一个目标",
                "keep the few that best show the objective is met; track the rest as health metrics or split off another objective",
            )
        };
        out.push(
            Diagnostic::new(
                &RULE,
                objective.item.handle(),
                says.format(
                    format_args!("目标有 {count} 个关键结果，建议 {min}–{max} 个"),
                    format_args!("the objective has {count} key results; {min}–{max} are advised"),
                ),
            )
            .label(says.format(
                format_args!("{count} 个关键结果"),
                format_args!("{count} key results"),
            ))
            .help(advice),
        );
    }
}
