use super::{Check, Context, Diagnostic, Locale, Rule, Severity};
use crate::syntax::ItemKind;

pub(crate) static RULE: Rule = Rule {
    code: "C004",
    name: "overlong-item",
    severity: Severity::Info,
    summary: "longer than a limit (default: objective 30, key result 60 characters; in English 12 and 25 words)",
    docs: r#"
## What it checks
An objective longer than 30 characters or a key result longer than 60 (configurable as
`[limits] objective-max-chars` and `key-result-max-chars`), not counting end punctuation.
English items are measured in words: 12 for an objective, 25 for a key result
(`objective-max-words`, `key-result-max-words`).

## Why it matters
OKRs are read in reviews and on walls. A long item usually carries its means, background or
several results at once; the one thing that will be measured gets lost.

## Bad
```
O1：提升客户满意度
KR1：通过对客服团队进行系统化的沟通技巧培训、建立标准化的问题分类与升级流程以及每周复盘典型投诉案例，使季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
```

## Good
```
O1：提升客户满意度
KR1：季度客户满意度从78分提升到85分
KR2：客户投诉量比上季度减少30%
```

## Bad, in English
```
O1: Make support feel effortless
KR1: By training every agent on the new troubleshooting playbook, rebuilding the help center and reviewing the ten most common complaints every week, raise CSAT from 78 to 85
```

## Good, in English
```
O1: Make support feel effortless
KR1: CSAT rises from 78 to 85
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let limits = &cx.settings.limits;
    let objectives = cx.document.objectives().map(|o| {
        let limit = (limits.objective_max_chars, limits.objective_max_words);
        (ItemKind::Objective, &o.item, limit)
    });
    let key_results = cx.document.key_results().map(|k| {
        let limit = (limits.key_result_max_chars, limits.key_result_max_words);
        (ItemKind::KeyResult, &k.item, limit)
    });
    for (kind, item, (max_chars, max_words)) in objectives.chain(key_results) {
        if item.text.is_empty() {
            continue;
        }
        let text = cx
            .text(item.text)
            .trim_end_matches(['。', '.', '！', '!', '；', ';', '，', ',']);
        let chars = text.chars().count();
        // Within both limits the language does not matter; a text has no more words than
        // characters.
        let words = || text.split_whitespace().count();
        if chars <= max_chars && (chars <= max_words || words() <= max_words) {
            continue;
        }
        let says = Locale::of_text(cx.text(item.text));
        let (length, limit) = match says {
            // English is measured in words: a character count would flag every sentence.
            Locale::English => (words(), max_words),
            Locale::Chinese => (chars, max_chars),
        };
        if length <= limit {
            continue;
        }
        let message = match (says, kind) {
            (Locale::Chinese, _) => format!("{}过长：{length} 个字，上限 {limit} 个", kind.noun()),
            (Locale::English, ItemKind::Objective) => {
                format!("objective too long: {length} words, limit {limit}")
            }
            (Locale::English, ItemKind::KeyResult) => {
                format!("key result too long: {length} words, limit {limit}")
            }
        };
        out.push(
            Diagnostic::new(&RULE, item.text, message)
                .label(says.format(format_args!("{length} 个字"), format_args!("{length} words")))
                .help(says.says(
                    "删去手段和背景，只保留要衡量的内容；手段可以写在下一行作为备注",
                    "drop the means and the background and keep what is measured; the means can go in a note on the next line",
                )),
        );
    }
}
