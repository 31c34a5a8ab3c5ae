use super::{Applicability, Check, Context, Diagnostic, Edit, Fix, Locale, Rule, Severity};
use crate::syntax::{Item, ItemKind, Number, NumberForm, chinese_numeral};

pub(crate) static RULE: Rule = Rule {
    code: "S005",
    name: "numbering-gap",
    severity: Severity::Warning,
    summary: "duplicate, skipped or out-of-order O/KR numbers",
    docs: r#"
## What it checks
The numbers in item markers: objectives in a unit and key results under an objective
should count 1, 2, 3… with no number used twice, skipped or out of order. Objectives may
also continue the previous unit's count (O4, O5 after O1–O3).

## Why it matters
Reviews, comments and progress reports refer to "O2 KR3". A skipped or repeated number
usually means an item was deleted or pasted twice, and it makes those references
ambiguous.

## Bad
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR3：客户投诉量比上季度减少30%
KR3：首次响应时间缩短到4小时以内
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
KR3：首次响应时间缩短到4小时以内
```

The fix renumbers the items in order.
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut previous_unit_last = None;
    for unit in cx.document.units() {
        let objectives: Vec<&Item> = unit.objectives.iter().map(|o| &o.item).collect();
        let last = check_sequence(
            cx,
            ItemKind::Objective,
            &objectives,
            previous_unit_last,
            out,
        );
        previous_unit_last = last.or(previous_unit_last);
        for objective in &unit.objectives {
            let key_results: Vec<&Item> = objective.key_results.iter().map(|k| &k.item).collect();
            check_sequence(cx, ItemKind::KeyResult, &key_results, None, out);
        }
    }
}

/// Checks one run of siblings and reports its first break, with a fix that renumbers the
/// rest of the run. Returns the last number in it. A run where some item has no
/// number is not numbered, and is left alone.
fn check_sequence(
    cx: &Context<'_>,
    kind: ItemKind,
    items: &[&Item],
    may_continue_from: Option<u32>,
    out: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let numbers: Option<Vec<Number>> = items
        .iter()
        .map(|item| item.marker.as_ref().and_then(|m| m.number))
        .collect();
    let numbers = numbers.filter(|n| !n.is_empty())?;
    let first = match may_continue_from {
        Some(last) if numbers[0].value == last + 1 => last + 1,
        _ => 1,
    };
    let expected = |place: usize| first + place as u32;
    if let Some(place) = (0..numbers.len()).find(|&p| numbers[p].value != expected(p)) {
        let renumbering = (place..numbers.len())
            .filter(|&p| numbers[p].value != expected(p))
            .map(|p| Edit {
                span: numbers[p].span,
                replacement: written_like(expected(p), numbers[p].form).into(),
            })
            .collect();
        let break_at = Break {
            number: numbers[place],
            expected: expected(place),
            fault: fault(&numbers, place, expected(place)),
        };
        let says = Locale::of_text(cx.text(items[place].text));
        out.push(diagnose(cx, kind, &break_at, renumbering, says));
    }
    numbers.last().map(|n| n.value)
}

/// The first place where a run's numbering goes wrong.
struct Break {
    number: Number,
    expected: u32,
    fault: Fault,
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    /// The number was used earlier in the run, there.
    Duplicate(Number),
    /// A number is missing.
    Skipped,
    /// The expected number comes later, or this one belongs earlier.
    OutOfOrder,
}

fn fault(numbers: &[Number], place: usize, expected: u32) -> Fault {
    let found = numbers[place].value;
    if let Some(earlier) = numbers[..place].iter().find(|n| n.value == found) {
        Fault::Duplicate(*earlier)
    } else if found > expected && !numbers[place + 1..].iter().any(|n| n.value == expected) {
        Fault::Skipped
    } else {
        Fault::OutOfOrder
    }
}

fn diagnose(
    cx: &Context<'_>,
    kind: ItemKind,
    at: &Break,
    renumbering: Vec<Edit>,
    says: Locale,
) -> Diagnostic {
    let prefix = kind.prefix();
    let (found, expected) = (at.number.value, at.expected);
    let message = match at.fault {
        Fault::Duplicate(_) => says.format(
            format_args!("编号重复：{prefix}{found} 已使用过"),
            format_args!("duplicate number: {prefix}{found} is used already"),
        ),
        Fault::Skipped => says.format(
            format_args!("编号跳过了 {prefix}{expected}"),
            format_args!("the numbering skips {prefix}{expected}"),
        ),
        Fault::OutOfOrder => says.format(
            format_args!("编号顺序错乱：{prefix}{found} 出现在 {prefix}{expected} 的位置"),
            format_args!(
                "numbers out of order: {prefix}{found} stands where {prefix}{expected} belongs"
            ),
        ),
    };
    let mut diagnostic = Diagnostic::new(&RULE, at.number.span, message)
        .label(says.format(
            format_args!("应为 {prefix}{expected}"),
            format_args!("should be {prefix}{expected}"),
        ))
        .help(help(kind, says))
        .fix(Fix {
            applicability: Applicability::Safe,
            description: says
                .format(
                    format_args!("从 {prefix}{expected} 起按顺序重新编号"),
                    format_args!("renumber in order from {prefix}{expected}"),
                )
                .into(),
            edits: renumbering,
        });
    if let Fault::Duplicate(earlier) = at.fault {
        let line = cx.source.lines().line_of(earlier.span.start) + 1;
        diagnostic = diagnostic.related(
            earlier.span,
            says.format(
                format_args!("第 {line} 行已使用 {prefix}{found}"),
                format_args!("{prefix}{found} is used on line {line}"),
            ),
        );
    }
    diagnostic
}

/// What to do, written out whole for each kind of item: a file may have thousands of breaks.
fn help(kind: ItemKind, says: Locale) -> &'static str {
    match (kind, says) {
        (ItemKind::Objective, Locale::Chinese) => {
            "按顺序重新编号：同一单位下的目标从 1 开始依次递增"
        }
        (ItemKind::Objective, Locale::English) => {
            "renumber in order: the objectives of one unit count up from 1"
        }
        (ItemKind::KeyResult, Locale::Chinese) => {
            "按顺序重新编号：同一目标下的关键结果从 1 开始依次递增"
        }
        (ItemKind::KeyResult, Locale::English) => {
            "renumber in order: the key results of one objective count up from 1"
        }
    }
}

/// A number in the same digits as the one it replaces; full-width becomes ASCII, as P001 asks.
fn written_like(value: u32, form: NumberForm) -> String {
    match form {
        NumberForm::Chinese => chinese_numeral(value),
        NumberForm::Ascii | NumberForm::FullWidth => value.to_string(),
        NumberForm::Letter => match value.checked_sub(1).map(u8::try_from) {
            Some(Ok(offset @ 0..=25)) => char::from(b'A' + offset).to_string(),
            _ => value.to_string(),
        },
    }
}
