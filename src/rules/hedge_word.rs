use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::analysis::lexicon::WordClass;

pub(crate) static RULE: Rule = Rule {
    code: "C002",
    name: "hedge-word",
    severity: Severity::Warning,
    summary: "hedges and unquantified intensifiers (尽快, 尽量, 争取, 适当, 进一步, 大幅, 显著)",
    docs: r#"
## What it checks
Words that soften a commitment or intensify without a measure: `尽快`, `尽量`, `争取`, `力争`,
`适当`, `进一步`, `大幅`, `显著`, `明显`, `逐步`.

## Why it matters
A key result is a commitment. "As soon as possible" and "significantly" leave the bar to
whoever reviews it, and invite the argument at the end of the period that OKRs exist to avoid.

## Bad
```
O1：招聘优秀人才
KR1：为了尽快满足人员需求，调整人员招聘政策
KR2：大幅缩短招聘周期
```

## Good
```
O1：招聘优秀人才
KR1：关键岗位在6月30日前全部到岗
KR2：技术岗位平均招聘周期从45天缩短到30天
```

## Bad, in English
```
O1: Ship fewer bugs
KR1: Significantly cut escaped defects
KR2: Fix critical bugs as soon as possible
```

## Good, in English
```
O1: Ship fewer bugs
KR1: Escaped defects fall from 40 to 20
KR2: Critical bugs fixed within 2 business days of each report
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let says = Locale::of(facts);
        for term in facts.terms_of(WordClass::Hedge) {
            let word = cx.text(term.span);
            out.push(
                Diagnostic::new(
                    &RULE,
                    term.span,
                    says.format(
                        format_args!("模糊的限定词“{word}”"),
                        format_args!("hedge “{word}”"),
                    ),
                )
                .label(says.says("没有给出标准", "sets no standard"))
                .help(says.format(
                    format_args!(
                        "删掉“{word}”，写出确切的时间或数值（如“6月30日前”“降低到A以下”）"
                    ),
                    format_args!(
                        "drop “{word}” and state the exact date or value (“by June 30”, “below A”)"
                    ),
                )),
            );
        }
    }
}
