use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::kind::Kind;

pub(crate) static RULE: Rule = Rule {
    code: "M004",
    name: "activity-key-result",
    severity: Severity::Warning,
    summary: "the outcome clause is a task, deliverable, event or input (完成…报告, 组织5场, 建立机制, 新增3名人员)",
    docs: r#"
## What it checks
A key result whose decisive clause states what the team will do — a task, a deliverable, an
event or an input — rather than a result beyond its own work. `通过〈means〉,实现〈outcome〉`
is judged by its outcome clause, so `通过优化设计,实现成本降低10%` is fine. Counted activities
(`组织5场座谈会`) are still activities; customers or partners won are outcomes.

## Why it matters
Key results measure whether the objective was reached. Finishing a report or holding a
meeting can all be done while nothing improves; the team then scores well and the business
does not move.

## Bad
```
O1：了解用户真实需求
KR1：组织5场行业专家座谈会，完成专家意见汇总报告
KR2：建立用户行为监测机制
```

## Good
```
O1：了解用户真实需求
KR1：新版需求文档中经用户访谈验证的需求占比达到80%
KR2：新功能上线30天内的使用率从20%提升到40%
```

## Bad, in English
```
O1: Keep customers longer
KR1: Publish the quarterly churn analysis report
KR2: Hold 4 customer workshops
```

## Good, in English
```
O1: Keep customers longer
KR1: Monthly logo churn falls from 2% to 1.5%
KR2: Net revenue retention rises from 104% to 110%
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        if facts.kind() != Kind::Activity {
            continue;
        }
        let Some((clause, verdict)) = facts.judgement.deciding else {
            continue;
        };
        let (says, act) = (Locale::of(facts), cx.text(verdict.span));
        out.push(
            Diagnostic::new(
                &RULE,
                facts.clauses[clause].span,
                says.says("关键结果写的是任务，不是成果", "the key result is a task, not an outcome"),
            )
            .label(says.format(format_args!("“{act}”是团队要做的事"), format_args!("“{act}” is work the team does")))
            .help(says.says(
                "把“完成…报告”“组织…会议”改写为它带来的可度量结果：某指标从A提升到B；任务本身可放进行动计划",
                "rewrite “write the report” or “hold the meetings” as the measurable result they bring: “raise <metric> from A to B”; keep the task in the action plan",
            )),
        );
    }
}
