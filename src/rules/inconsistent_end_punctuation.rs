use super::{Applicability, Check, Context, Diagnostic, Edit, Fix, Rule, Severity};
use crate::syntax::{Item, ItemKind};

pub(crate) static RULE: Rule = Rule {
    code: "F003",
    name: "inconsistent-end-punctuation",
    severity: Severity::Info,
    summary: "some items end with `。` and others of the same kind do not",
    docs: r#"
## What it checks
Key results (or objectives) of which some end with `。` and others do not. What most items of
that kind do is taken as the document's habit; the others are flagged.

## Why it matters
A small thing, but OKR documents are read side by side and pasted into slides: consistent
endings are the difference between a draft and a finished page.

## Bad
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分。
KR2：客户投诉量比上季度减少30%。
KR3：首次响应时间缩短到4小时以内
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分。
KR2：客户投诉量比上季度减少30%。
KR3：首次响应时间缩短到4小时以内。
```

The fix adds or removes the `。`.
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let objectives = || cx.document.objectives().map(|o| &o.item);
    let key_results = || cx.document.key_results().map(|k| &k.item);
    check_kind(cx, ItemKind::Objective, objectives, out);
    check_kind(cx, ItemKind::KeyResult, key_results, out);
}

/// Checks the items of one kind, read twice rather than gathered: a large file has hundreds
/// of thousands of them.
fn check_kind<'a, I: Iterator<Item = &'a Item>>(
    cx: &Context<'_>,
    kind: ItemKind,
    all: impl Fn() -> I,
    out: &mut Vec<Diagnostic>,
) {
    let items = || all().filter(|i| !i.text.is_empty());
    let ending = |i: &&Item| cx.text(i.text).ends_with('。');
    let with = items().filter(|i| ending(i)).count();
    let without = items().count() - with;
    if with == 0 || without == 0 {
        return;
    }
    // The habit is what most do; on a tie, ending with 。.
    let usual = with >= without;
    for item in items().filter(|i| ending(i) != usual) {
        out.push(diagnose(kind, item, usual));
    }
}

/// A finding's messages (the `。` missing, the `。` extra) and help for each kind of item,
/// written out whole: a document may have thousands of such findings.
macro_rules! texts_for {
    ($noun:literal) => {
        (
            concat!("其他", $noun, "以“。”结尾，这一条没有"),
            concat!("其他", $noun, "不以“。”结尾，这一条有"),
            concat!("统一", $noun, "的结尾标点"),
        )
    };
}

fn diagnose(kind: ItemKind, item: &Item, usual: bool) -> Diagnostic {
    let (missing, extra, help) = match kind {
        ItemKind::Objective => texts_for!("目标"),
        ItemKind::KeyResult => texts_for!("关键结果"),
    };
    let (message, edit, description) = if usual {
        (
            missing,
            Edit {
                span: crate::source::Span::empty_at(item.text.end),
                replacement: "。".into(),
            },
            "补上“。”",
        )
    } else {
        (
            extra,
            Edit {
                span: crate::source::Span::new(item.text.end - '。'.len_utf8(), item.text.end),
                replacement: "".into(),
            },
            "删去“。”",
        )
    };
    Diagnostic::new(&RULE, item.text, message)
        .label("结尾与其他条目不一致")
        .help(help)
        .fix(Fix {
            applicability: Applicability::Safe,
            description: description.into(),
            edits: vec![edit],
        })
}
