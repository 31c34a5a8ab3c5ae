use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::clause::Role;
use crate::analysis::lexicon::WordClass;

pub(crate) static RULE: Rule = Rule {
    code: "C006",
    name: "business-as-usual",
    severity: Severity::Info,
    summary: "maintain-only wording (保持, 维持, 继续)",
    docs: r#"
## What it checks
A key result whose outcome is to keep things as they are: `保持`, `维持`, `继续`, `稳定在`.

## Why it matters
OKRs are for change. Holding a level is important work, but it belongs with health metrics;
as a key result it takes a slot from the change the team is trying to make.

## Bad
```
O1：稳住核心客户
KR1：保持客户续约率在90%以上
KR2：继续做好客户回访
```

## Good
```
O1：稳住核心客户
KR1：核心客户续约率从88%提升到93%
KR2：流失预警客户的挽回率达到40%
```

## Bad, in English
```
O1: Keep the platform dependable
KR1: Maintain 99.9% uptime
```

## Good, in English
```
O1: Keep the platform dependable
KR1: Raise uptime from 99.5% to 99.9%
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let maintain = facts
            .terms_of(WordClass::Maintain)
            .find(|t| matches!(t.role, Role::Outcome | Role::Main));
        if let Some(term) = maintain {
            let (says, word) = (Locale::of(facts), cx.text(term.span));
            out.push(
                Diagnostic::new(
                    &RULE,
                    term.span,
                    says.format(format_args!("只是维持现状（“{word}”）"), format_args!("only keeps the status quo (“{word}”)")),
                )
                .label(says.says("没有要改变的东西", "nothing to change"))
                .help(says.says(
                    "写出要达到的新水平；必须守住的水平放进健康指标跟踪",
                    "state the new level to reach; a level that must merely hold belongs with the health metrics",
                )),
            );
        }
    }
}
