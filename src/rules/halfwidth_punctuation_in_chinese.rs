use super::{Applicability, Check, Context, Diagnostic, Edit, Fix, Rule, Severity};
use crate::source::Span;
use crate::syntax::is_cjk;

pub(crate) static RULE: Rule = Rule {
    code: "F002",
    name: "halfwidth-punctuation-in-chinese",
    severity: Severity::Info,
    summary: "ASCII `,;:?!()` between Chinese characters",
    docs: r#"
## What it checks
Half-width (ASCII) punctuation `, ; : ? ! ( )` between Chinese characters in an objective or
key result, where Chinese typography uses the full-width forms `， ； ： ？ ！ （ ）`. One
finding per item, on its first such mark.

## Why it matters
Mixed widths look careless in a document that leadership reads, and make text harder to
search and compare.

## Bad
```
O1：提升客户满意度
KR1：通过优化客服流程,实现季度客户满意度从78分提升到85分
KR2：客户投诉量(含电话与邮件)比上季度减少30%
```

## Good
```
O1：提升客户满意度
KR1：通过优化客服流程，实现季度客户满意度从78分提升到85分
KR2：客户投诉量（含电话与邮件）比上季度减少30%
```

The fix replaces each mark with its full-width form.
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for item in cx.document.items() {
        let edits = full_width_edits(cx.text(item.text), item.text.start);
        let Some(first) = edits.first().map(|e| e.span) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                first,
                format!("中文之间使用了半角标点（{} 处）", edits.len()),
            )
            .label("半角标点")
            .help("中文之间使用全角标点：，；：？！（）")
            .fix(Fix {
                applicability: Applicability::Safe,
                description: "改为全角标点".into(),
                edits,
            }),
        );
    }
}

/// An edit for each ASCII mark with a Chinese character on the side it belongs to, to its
/// full-width form. Brackets need Chinese inside them or next to them; the rest, Chinese on
/// both sides. Read in one pass, with the characters on either side of each.
fn full_width_edits(text: &str, base: usize) -> Vec<Edit> {
    // Most items have no ASCII mark at all.
    if !text
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')'))
    {
        return Vec::new();
    }
    let mut edits = Vec::new();
    let mut before_is_cjk = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let full = match c {
            ',' => "，",
            ';' => "；",
            ':' => "：",
            '?' => "？",
            '!' => "！",
            '(' => "（",
            ')' => "）",
            _ => {
                before_is_cjk = is_cjk(c);
                continue;
            }
        };
        let after_is_cjk = chars.peek().is_some_and(|&(_, next)| is_cjk(next));
        let flagged = match c {
            '(' | ')' => before_is_cjk || after_is_cjk,
            _ => before_is_cjk && after_is_cjk,
        };
        if flagged {
            edits.push(Edit {
                span: Span::new(base + at, base + at + 1),
                replacement: full.into(),
            });
        }
        before_is_cjk = false;
    }
    edits
}
