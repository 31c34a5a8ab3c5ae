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

/// A finding's message, label, help and fix description for the document's colon, written
/// out whole: a document may have thousands of odd markers.
macro_rules! texts_for {
    ($colon:literal) => {
        (
            concat!("冒号与文档其他标记不一致：应为“", $colon, "”"),
            concat!("文档的其他标记使用“", $colon, "”"),
            concat!("统一使用“", $colon, "”"),
            concat!("改为“", $colon, "”"),
        )
    };
}

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
    let (usual, odd, (message, label, help, description)) = if half > full {
        (":", "：", texts_for!(":"))
    } else {
        ("：", ":", texts_for!("："))
    };
    for (span, _) in colons().filter(|(_, c)| *c == odd) {
        out.push(
            Diagnostic::new(&RULE, *span, message)
                .label(label)
                .help(help)
                .fix(Fix {
                    applicability: Applicability::Safe,
                    description: description.into(),
                    edits: vec![Edit {
                        span: *span,
                        replacement: usual.into(),
                    }],
                }),
        );
    }
}
