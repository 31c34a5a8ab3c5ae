use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::clause::Role;
use crate::analysis::lexicon::WordClass;

pub(crate) static RULE: Rule = Rule {
    code: "M007",
    name: "absolute-target",
    severity: Severity::Info,
    summary: "an all-or-nothing target (100%, 零, 消除, 杜绝, 所有)",
    docs: r#"
## What it checks
A target that allows no exception: `100%`, `零事故`, `消除`, `杜绝`, `所有`, `全部`, outside
the means of a key result.

## Why it matters
Some absolutes are real floors (safety, compliance) and should stay. Many are wishes: one
miss fails the key result, so teams stop reporting honestly, or the target was never meant
literally. Either way it deserves a second look.

## Bad
```
O1：提升交付质量
KR1：所有项目按时交付
KR2：消除线上故障
```

## Good
```
O1：提升交付质量
KR1：按时交付的项目占比从70%提升到90%
KR2：P1以上线上故障从每月4次降低到1次以内
```

## Bad, in English
```
O1: Make production boring
KR1: Zero P1 incidents
```

## Good, in English
```
O1: Make production boring
KR1: P1 incidents fall from 6 to 2
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let absolute = facts
            .terms_of(WordClass::Absolute)
            .find(|t| matches!(t.role, Role::Outcome | Role::Main));
        if let Some(term) = absolute {
            let (says, target) = (Locale::of(facts), cx.text(term.span));
            out.push(
                Diagnostic::new(
                    &RULE,
                    term.span,
                    says.format(format_args!("全有或全无的目标“{target}”"), format_args!("all-or-nothing target “{target}”")),
                )
                .label(says.says("不允许任何例外", "allows no exception"))
                .help(says.says(
                    "确认这是必须守住的底线；如果不是，写一个有挑战但可达成的值，并说明允许的例外",
                    "confirm this is a floor that must hold; if not, set a stretching but reachable value and say which exceptions are allowed",
                )),
            );
        }
    }
}
