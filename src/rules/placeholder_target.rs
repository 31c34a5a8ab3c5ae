use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "M002",
    name: "placeholder-target",
    severity: Severity::Error,
    summary: "an unfilled placeholder where a number or date belongs (X亿, X%, X月, TBD, 待定, 若干)",
    docs: r#"
## What it checks
A target or date that is still a template slot: `超过X亿`, `X%`, `XX万元`, `N个`, `X月到岗`,
`TBD`, `待定`, `若干`, `某月`, `？%`, `【】`, `___`. A name slot such as `X产品` is not one.

## Why it matters
A placeholder cannot be scored at the end of the period; a draft that still has one is not
ready to submit.

## Bad
```
O1：扩大线上收入
KR1：月营收环比增长超过X%
KR2：新增付费用户若干
```

## Good
```
O1：扩大线上收入
KR1：月营收环比增长超过8%
KR2：新增付费用户3,000名
```

## Bad, in English
```
O1: Grow recurring revenue
KR1: Grow ARR to $X M
KR2: Reach TBD weekly active teams
```

## Good, in English
```
O1: Grow recurring revenue
KR1: Grow ARR from $4M to $5M
KR2: Weekly active teams rise from 1,200 to 1,800
```
"#,
    check: Check::Items(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        let says = Locale::of(facts);
        for &slot in &facts.placeholders {
            let slot_text = cx.text(slot);
            out.push(
                Diagnostic::new(
                    &RULE,
                    slot,
                    says.format(format_args!("目标值仍是占位符“{slot_text}”"), format_args!("the target is still a placeholder “{slot_text}”")),
                )
                .label(says.says("待填写", "to be filled in"))
                .help(says.says(
                    "填写具体数值或日期；还没有基线时，写明“待测基线”和测量方法，不要编造数字",
                    "fill in the number or date; with no baseline yet, write “baseline to be measured” and how, rather than invent a number",
                )),
            );
        }
    }
}
