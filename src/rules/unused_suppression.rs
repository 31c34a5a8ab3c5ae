use super::{Check, Diagnostic, Rule, Severity};
use crate::source::Span;

pub(crate) static RULE: Rule = Rule {
    code: "X001",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "a disable comment that suppressed nothing",
    docs: r#"
## What it checks
A suppression comment (`<!-- okrlint-disable… -->`) that silenced no finding: the problem it
was written for has been fixed, or it names the wrong rule or line.

## Why it matters
A stale suppression hides the next real finding on that line, and tells readers a problem is
there when it is not. Deleting it keeps suppressions honest.

## Bad
```
O1：提升客户满意度
<!-- okrlint-disable-next-line M001 -->
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
```

## Good
```
O1：提升客户满意度
<!-- okrlint-disable-next-line M001 -->
KR1：客户满意度明显提高
KR2：客户投诉量比上季度减少30%
```

Suppression comments work the same in Markdown and plain text:
`<!-- okrlint-disable CODE… -->` to `<!-- okrlint-enable CODE… -->`,
`<!-- okrlint-disable-next-line CODE… -->` and `<!-- okrlint-disable-file CODE… -->`. Codes may
be rule codes, names or group letters; with none, every rule is silenced.
"#,
    check: Check::Suppressions,
};

/// The finding for a suppression comment that silenced nothing.
pub(crate) fn diagnose(comment: Span, severity: Severity) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(&RULE, comment, "这条屏蔽注释没有屏蔽任何问题")
        .label("没有用到")
        .help("删除这条注释；如果问题还在，检查其中的规则代码和所在行是否正确");
    diagnostic.severity = severity;
    diagnostic
}
