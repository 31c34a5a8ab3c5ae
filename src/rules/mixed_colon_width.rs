use super::{Applicability, Check, Context, Diagnostic, Edit, Fix, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "F001",
    name: "mixed-colon-width",
    severity: Severity::Info,
    summary: "the document mixes `:` and `：` after markers",
    docs: r#"
## What it checks
Item markers followed by a half-width colon `:` in some places and a full-width `：` in
others. The colon most markers use is taken as the document's; the others are flagged.

## Why it matters
A document that cannot decide on its punctuation reads as a patchwork of copies, and tools
that split on one colon miss the items written with the other.

## Bad
```
O1：提升客户满意度
KR1:季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
KR3：首次响应时间缩短到4小时以内
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
KR3：首次响应时间缩短到4小时以内
```

The fix rewrites each colon in the document's form.
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Read twice rather than gathered: a large file has hundreds of thousands of markers.
    let colons = || {
        cx.document
            .items()
            .filter_map(|i| i.marker.as_ref())
            .map(|m| (&m.separator, cx.text(m.separator)))
            .filter(|(_, c)| matches!(*c, ":" | "："))
    };
    let half = colons().filter(|(_, c)| *c == ":").count();
    let full = colons().count() - half;
    if half == 0 || full == 0 {
        return;
    }
    // The document's colon: the one most markers use; full-width on a tie, as Chinese text has it.
    let (usual, odd) = if half > full {
        (":", "：")
    } else {
        ("：", ":")
    };
    for (span, _) in colons().filter(|(_, c)| *c == odd) {
        out.push(
            Diagnostic::new(
                &RULE,
                *span,
                format!("冒号与文档其他标记不一致：应为“{usual}”"),
            )
            .label(format!("文档的其他标记使用“{usual}”"))
            .help(format!("统一使用“{usual}”"))
            .fix(Fix {
                applicability: Applicability::Safe,
                description: format!("改为“{usual}”"),
                edits: vec![Edit {
                    span: *span,
                    replacement: usual.to_owned(),
                }],
            }),
        );
    }
}
