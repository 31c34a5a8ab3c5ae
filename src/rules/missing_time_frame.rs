use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::source::Span;

pub(crate) static RULE: Rule = Rule {
    code: "M003",
    name: "missing-time-frame",
    severity: Severity::Warning,
    summary: "a key result with no deadline, period or cadence, and none inherited",
    docs: r#"
## What it checks
A key result whose own text names no deadline (`6月30日前`), period (`第一季度`), cadence
(`每周`) or per-event window (`1个工作日内得到解决`), and that inherits no period from a
heading above it (`## 2026年第一季度 市场部`).

When no heading in the document declares a period at all, okrlint reports this once, on the
document, with the count of key results concerned, rather than once per key result: the fix
is one line at the top.

## Why it matters
A target without a date is a wish. Most OKR documents declare the period once in the title;
a key result on a different clock says so itself.

## Bad
```
研发部门
O1：提升平台稳定性
KR1：核心接口可用性达到99.9%
KR2：P1故障数降低到2次以内
```

## Good
```
研发部门 2026年第一季度
O1：提升平台稳定性
KR1：核心接口可用性达到99.9%
KR2：P1故障数降低到每月2次以内
```

## Bad, in English
```
Platform team
O1: Make the platform dependable
KR1: Core API availability reaches 99.9%
KR2: P1 incidents fall to 2 or fewer
```

## Good, in English
```
Platform team Q1 2026
O1: Make the platform dependable
KR1: Core API availability reaches 99.9%
KR2: P1 incidents fall to 2 or fewer per month
```
"#,
    check: Check::Summary(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let written = || {
        cx.document
            .key_results()
            .zip(cx.analysis.dated())
            .filter(|(kr, _)| !kr.item.text.is_empty())
    };
    let undated: Vec<(Span, Locale)> = written()
        .filter(|(_, dating)| !dating.dated)
        .map(|(kr, dating)| (kr.item.text, Locale::of_script(dating.script)))
        .collect();
    let Some(&(first, _)) = undated.first() else {
        return;
    };
    if cx.analysis.declares_period {
        for (span, says) in undated {
            out.push(
                Diagnostic::new(
                    &RULE,
                    span,
                    says.says("关键结果没有时间范围", "the key result has no time frame"),
                )
                .label(says.says("没有截止时间、周期或频率", "no deadline, period or cadence"))
                .help(says.says(
                    "写明截止时间或频率（如“6月30日前”“每月”），或在所属单位的标题中声明周期",
                    "state a deadline or a cadence (“by June 30”, “monthly”), or declare the period in the unit's heading",
                )),
            );
        }
        return;
    }
    let says = Locale::of_most_scripts(written().map(|(_, dating)| dating.script));
    let span = cx.document.title.as_ref().map_or(first, |t| t.text);
    let count = undated.len();
    out.push(
        Diagnostic::new(
            &RULE,
            span,
            says.format(format_args!("文档没有声明周期，{count} 个关键结果没有时间范围"), format_args!("the document declares no period; {count} key results have no time frame")),
        )
        .label(says.says("未声明周期", "no period declared"))
        .related(first, says.says("例如这一条", "for example this one"))
        .help(says.says(
            "在标题中写明周期（如“2026年第一季度 OKR”），所有关键结果都会继承它；个别关键结果另有截止时间时写在关键结果里（如“6月30日前”）",
            "declare the period in the title (“Q1 2026 OKRs”): every key result inherits it; a key result with a deadline of its own says so (“by June 30”)",
        )),
    );
}
