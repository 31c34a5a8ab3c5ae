use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::kind::Kind;
use crate::analysis::lexicon::WordClass;
use crate::analysis::time::TimeKind;

pub(crate) static RULE: Rule = Rule {
    code: "M005",
    name: "binary-key-result",
    severity: Severity::Info,
    summary: "a done-or-not outcome with no quantity (消除停机现象, 保证按期到岗)",
    docs: r#"
## What it checks
A key result that can only be met or missed — a state made true once — with no quantity to
show how far it got: `消除系统停机现象`, `保证关键人员按期到岗`, `确保主要物料能按时交货`.
A one-off task (`确定创新方向`, `创建云备份系统`) is done-or-not too, and M004 already says
what to do about it, so this rule leaves activities to M004. Recurring work (`每周…`) is left
to the other rules.

## Why it matters
A yes/no key result scores 0 or 1 and says nothing about progress along the way. Most can
be restated as a degree: how many, how fast, how often.

## Bad
```
IT部门
O1：改善IT基础设施
KR1：消除系统停机现象
KR2：保证核心系统按时完成迁移
```

## Good
```
IT部门
O1：改善IT基础设施
KR1：月度非计划停机时长从6小时降低到1小时以内
KR2：核心系统迁移后的故障恢复时间从4小时缩短到30分钟
```

## Bad, in English
```
O1: Earn our customers' trust
KR1: Pass the external security audit
```

## Good, in English
```
O1: Earn our customers' trust
KR1: Open audit findings fall from 12 to 3
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let recurring = facts
            .time_frames
            .iter()
            .any(|t| t.kind == TimeKind::Cadence);
        if facts.has_number()
            || facts.has_placeholder()
            || recurring
            || facts.kind() == Kind::Activity
        {
            continue;
        }
        let Some((clause, verdict)) = facts.judgement.deciding else {
            continue;
        };
        if verdict.class == WordClass::Result {
            let says = Locale::of(facts);
            out.push(
                Diagnostic::new(
                    &RULE,
                    facts.clauses[clause].span,
                    says.says(
                        "关键结果只有达成和未达成两种结果",
                        "the key result can only be met or missed",
                    ),
                )
                .label(says.says("完成与否，没有程度", "done or not, with no degree"))
                .help(says.says(
                    "改写为可以衡量进展的程度：多少、多快、多频繁（如“覆盖率达到A%”“用时从A缩短到B”）",
                    "rewrite it as a degree of progress: how much, how fast, how often (“coverage reaches A%”, “time down from A to B”)",
                )),
            );
        }
    }
}
