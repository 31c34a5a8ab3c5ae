use super::{Applicability, Check, Context, Diagnostic, Edit, Fix, Locale, Rule, Severity};
use crate::syntax::{Marker, MarkerProblem};

pub(crate) static RULE: Rule = Rule {
    code: "P001",
    name: "malformed-item-marker",
    severity: Severity::Warning,
    summary: "a line that looks like an O/KR marker but is malformed",
    docs: r#"
## What it checks
Item markers written in a way other tools (and other readers) may not recognise: letters in
the wrong case (`Kr1`), full-width letters or digits (`ＫＲ１`), a key result marker missing
its `R` (`K1`), no colon after the marker (`KR1 提升…`), or another separator (`KR1、`).

## Why it matters
Markers carry the outline. A marker that is read one way by okrlint and another way by a
spreadsheet import or a reviewer's eye is how key results end up under the wrong objective.

## Bad
```
O1：提升客户满意度
Kr1 客户满意度达到90分
K2：投诉率降低20%
```

## Good
```
O1：提升客户满意度
KR1：客户满意度达到90分
KR2：投诉率降低20%
```

The fix rewrites the marker in its canonical form and inserts the colon the document uses
most.
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let colon = dominant_colon(cx);
    for item in cx.document.items() {
        let Some(marker) = item.marker.as_ref() else {
            continue;
        };
        if !marker.problems.is_empty() {
            let says = Locale::of_text(cx.text(item.text));
            out.push(diagnose(cx, marker, colon, says));
        }
    }
}

fn diagnose(cx: &Context<'_>, marker: &Marker, colon: &str, says: Locale) -> Diagnostic {
    let written = cx.source.slice(marker.label);
    let label = marker.canonical_label(written);
    let mut edits = Vec::new();
    if label != written {
        edits.push(Edit {
            span: marker.label,
            replacement: label.clone().into(),
        });
    }
    let separator_wrong = marker.problems.iter().any(|p| {
        matches!(
            p,
            MarkerProblem::MissingColon | MarkerProblem::OtherSeparator
        )
    });
    if separator_wrong {
        edits.push(Edit {
            span: marker.separator,
            replacement: colon.to_owned().into(),
        });
    }
    let what: Vec<&str> = marker.problems.iter().map(|p| describe(*p, says)).collect();
    let canonical = format!("{label}{colon}");
    Diagnostic::new(
        &RULE,
        marker.label.cover(marker.separator),
        says.format(
            format_args!("条目标记不规范：{}", what.join("，")),
            format_args!("malformed item marker: {}", what.join(", ")),
        ),
    )
    .label(says.format(
        format_args!("应写作“{canonical}”"),
        format_args!("write “{canonical}”"),
    ))
    .help(says.format(
        format_args!("写作“{canonical}”：半角大写字母和数字，后接冒号"),
        format_args!("write “{canonical}”: capital ASCII letters and digits, then a colon"),
    ))
    .fix(Fix {
        applicability: Applicability::Safe,
        description: says
            .format(
                format_args!("改写为“{canonical}”"),
                format_args!("rewrite as “{canonical}”"),
            )
            .into(),
        edits,
    })
}

fn describe(problem: MarkerProblem, says: Locale) -> &'static str {
    match problem {
        MarkerProblem::LetterCase => says.says("字母应大写", "letters should be capitals"),
        MarkerProblem::FullWidth => says.says("含全角字母或数字", "full-width letters or digits"),
        MarkerProblem::MissingLetter => says.says("缺少字母 R", "the R is missing"),
        MarkerProblem::MissingColon => says.says("标记后缺少冒号", "no colon after the marker"),
        MarkerProblem::OtherSeparator => {
            says.says("标记后应使用冒号", "a colon should follow the marker")
        }
    }
}

/// The colon most markers in the document use; full-width when there is none to go by.
fn dominant_colon(cx: &Context<'_>) -> &'static str {
    let (mut full, mut half) = (0, 0);
    for marker in cx.document.items().filter_map(|i| i.marker.as_ref()) {
        match cx.source.slice(marker.separator) {
            ":" => half += 1,
            "：" => full += 1,
            _ => {}
        }
    }
    if half > full { ":" } else { "：" }
}
