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
        let marks = halfwidth_marks(cx.text(item.text), item.text.start);
        let Some(&(first, _)) = marks.first() else {
            continue;
        };
        let edits = marks
            .iter()
            .map(|&(span, full)| Edit {
                span,
                replacement: full.into(),
            })
            .collect();
        out.push(
            Diagnostic::new(
                &RULE,
                first,
                format!("中文之间使用了半角标点（{} 处）", marks.len()),
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

/// Each ASCII mark with a Chinese character on the side it belongs to, and its full-width
/// form. Brackets need Chinese inside them or next to them; the rest, Chinese on both sides.
fn halfwidth_marks(text: &str, base: usize) -> Vec<(Span, &'static str)> {
    // Most items have no ASCII mark at all.
    if !text
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cjk_at = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|(_, c)| is_cjk(*c))
    };
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, &(at, c))| {
            let full = match c {
                ',' => "，",
                ';' => "；",
                ':' => "：",
                '?' => "？",
                '!' => "！",
                '(' => "（",
                ')' => "）",
                _ => return None,
            };
            let before = cjk_at(i.checked_sub(1));
            let after = cjk_at(Some(i + 1));
            let flagged = match c {
                '(' | ')' => before || after,
                _ => before && after,
            };
            flagged.then(|| (Span::new(base + at, base + at + 1), full))
        })
        .collect()
}
