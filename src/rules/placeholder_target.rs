use super::{Check, Context, Diagnostic, Rule, Severity};

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
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, facts) in cx.key_results() {
        for &slot in &facts.placeholders {
            out.push(
                Diagnostic::new(&RULE, slot, format!("目标值仍是占位符“{}”", cx.text(slot)))
                    .label("待填写")
                    .help(
                        "填写具体数值或日期；还没有基线时，写明“待测基线”和测量方法，不要编造数字",
                    ),
            );
        }
    }
}
