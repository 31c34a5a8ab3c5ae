//! Clauses: a key result is often `通过〈means〉,实现〈outcome〉`. The text is split at
//! punctuation, and at means markers (通过, 借助…) and outcome markers (实现, 确保…), so that
//! judgements about activity and vague wording look at the outcome, not the means.

use super::language::Script;
use super::lexicon::{Form, WordClass};
use super::segment::Word;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// How the result is reached: 通过优化产品设计.
    Means,
    /// Why: 为了尽快满足人员需求.
    Purpose,
    /// The result, after an outcome marker: 实现成本降低10%.
    Outcome,
    /// A clause with no marker.
    Main,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    /// From the marker (if any) to the clause's end, trimmed of punctuation.
    pub span: Span,
    pub role: Role,
    /// Index of the clause's first word after its marker, and one past its last word, in
    /// the item's words.
    pub words: (usize, usize),
}

const MEANS: [&str; 9] = [
    "通过", "借助", "依靠", "利用", "基于", "依托", "凭借", "经由", "依据",
];
const PURPOSE: [&str; 3] = ["为了", "以便", "旨在"];
/// Markers that open an outcome anywhere in a clause.
const OUTCOME_ANYWHERE: [&str; 9] = [
    "实现",
    "从而",
    "进而",
    "使得",
    "使",
    "确保",
    "保证",
    "以确保",
    "以实现",
];
/// Markers that open an outcome only at a clause's start (mid-clause they are the predicate:
/// 满意度达到85分).
const OUTCOME_AT_START: [&str; 4] = ["达到", "将", "把", "让"];
/// What 通过 passes when it is the result, not the means: 通过ISO 9001监督审核.
const EXAMS: [&str; 9] = [
    "审核", "认证", "验收", "评审", "考核", "考试", "测评", "审查", "检查",
];

/// Punctuation that ends a clause. `、` joins a list and does not.
fn ends_clause(word: &Word<'_>) -> bool {
    // `？` is left out: in a key result it stands for a missing number more often than it asks.
    matches!(
        word.text,
        "，" | "," | "；" | ";" | "。" | "！" | "!" | "：" | ":" | "\n"
    )
}

/// A colon tight between a number and a number or slot is a ratio's (1:20, 1：X), and a comma
/// before three digits a thousands separator (1,000人次): neither ends a clause.
fn inside_a_number(words: &[Word<'_>], at: usize) -> bool {
    let mark = &words[at];
    let (Some(before), Some(after)) = (at.checked_sub(1).map(|i| &words[i]), words.get(at + 1))
    else {
        return false;
    };
    let tight = before.span.end == mark.span.start
        && after.span.start == mark.span.end
        && before.text.ends_with(|c: char| c.is_ascii_digit());
    let ratio = matches!(mark.text, ":" | "：")
        && after.text.starts_with(|c: char| c.is_ascii_alphanumeric());
    let thousands = mark.text == ","
        && after.text.len() >= 3
        && after.text.bytes().take(3).all(|b| b.is_ascii_digit())
        && !after.text[3..].starts_with(|c: char| c.is_ascii_digit());
    tight && (ratio || thousands)
}

/// Splits an item's words into clauses, by the markers of its language.
pub fn split(words: &[Word<'_>], language: Option<Script>) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut start = 0;
    let breaks = |i: usize| ends_clause(&words[i]) && !inside_a_number(words, i);
    for end in (0..=words.len()).filter(|&i| i == words.len() || breaks(i)) {
        match language {
            Some(Script::English) => split_english_segment(words, start, end, &mut clauses),
            _ => split_segment(words, start, end, &mut clauses),
        }
        start = end + 1;
    }
    clauses
}

/// One English segment: markers may stand anywhere in it, and each opens a clause. The means
/// usually follows the result ("Reduce churn to 3% by launching onboarding").
fn split_english_segment(words: &[Word<'_>], start: usize, end: usize, out: &mut Vec<Clause>) {
    let (mut clause_start, mut body, mut role) = (start, start, Role::Main);
    let mut i = start;
    while i < end {
        let Some((marker_role, length)) = english_marker(&words[i..end]) else {
            i += 1;
            continue;
        };
        push(words, clause_start, body, i, role, out);
        (clause_start, body, role) = (i, i + length, marker_role);
        i += length;
    }
    push(words, clause_start, body, end, role, out);
}

/// The role an English marker at the start of `words` opens, and how many words it takes:
/// means (by …ing, through, via, using, by means of), outcome (to + verb, so that, resulting
/// in, in order to), or a second predicate (… and publish …).
fn english_marker(words: &[Word<'_>]) -> Option<(Role, usize)> {
    let first = words.first()?;
    let starts = |phrase: &[&str]| {
        words.len() >= phrase.len()
            && words
                .iter()
                .zip(phrase)
                .all(|(w, p)| w.text.eq_ignore_ascii_case(p))
    };
    for (phrase, role) in [
        (&["by", "means", "of"][..], Role::Means),
        (&["thanks", "to"], Role::Means),
        (&["in", "order", "to"], Role::Outcome),
        (&["so", "that"], Role::Outcome),
        (&["such", "that"], Role::Outcome),
        (&["resulting", "in"], Role::Outcome),
        (&["leading", "to"], Role::Outcome),
    ] {
        if starts(phrase) {
            return Some((role, phrase.len()));
        }
    }
    let next = words.get(1);
    let verb = |classes: &[WordClass]| {
        next.is_some_and(|w| classes.iter().any(|c| w.is(*c)) && !w.is(WordClass::Comparator))
    };
    let form = next.and_then(|w| w.form);
    let is = |marker: &str| first.text.eq_ignore_ascii_case(marker);
    let opens = if is("via") || is("using") {
        Some(Role::Means)
    } else if is("through") {
        next.is_some_and(|w| !names_a_time(w.text))
            .then_some(Role::Means)
    } else if is("by") {
        (form == Some(Form::Ing)).then_some(Role::Means)
    } else if is("to") {
        // Any verb opens an outcome after `to` (to deflect, to raise, to win).
        (form == Some(Form::Base) && verb(&WordClass::VERBS)).then_some(Role::Outcome)
    } else if is("and") {
        (form.is_some_and(|f| f != Form::S) && verb(&ACTS)).then_some(Role::Main)
    } else {
        None
    };
    opens.map(|role| (role, 1))
}

/// Verbs that, after `and`, start a second predicate (write and publish, launched … and
/// reached); not vague or maintain-words, which as often join nouns (training and support).
const ACTS: [WordClass; 4] = [
    WordClass::ActivityVerb,
    WordClass::Direction,
    WordClass::Result,
    WordClass::Gain,
];

/// A word that names a time rather than a means after `through` (through Q3, through June).
fn names_a_time(word: &str) -> bool {
    const TIMES: [&str; 33] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "end",
        "year",
        "year-end",
    ];
    let lower = word.to_ascii_lowercase();
    let fiscal = lower
        .strip_prefix("fy")
        .is_some_and(|y| y.starts_with(|c: char| c.is_ascii_digit()));
    lower.starts_with(|c: char| c.is_ascii_digit())
        || TIMES.contains(&lower.as_str())
        || fiscal
        || ["eoy", "eoq", "eom"].contains(&lower.as_str())
}

/// One punctuation-delimited segment: a role from its first word, then a split at an
/// outcome marker inside it.
fn split_segment(words: &[Word<'_>], start: usize, end: usize, out: &mut Vec<Clause>) {
    let first_content = (start..end).find(|&i| !words[i].is_punctuation());
    let Some(first) = first_content else { return };
    let lead = words[first].text;
    let passes_exam = lead == "通过"
        && words[first..end]
            .iter()
            .rev()
            .find(|w| !w.is_punctuation())
            .is_some_and(|w| EXAMS.iter().any(|e| w.text.ends_with(e)));
    let (role, body) = if MEANS.contains(&lead) && !passes_exam {
        (Role::Means, first + 1)
    } else if PURPOSE.contains(&lead) {
        (Role::Purpose, first + 1)
    } else if OUTCOME_ANYWHERE.contains(&lead) || OUTCOME_AT_START.contains(&lead) {
        (Role::Outcome, first + 1)
    } else {
        (Role::Main, first)
    };
    // Only the first outcome marker splits: what follows it is all outcome.
    let split = (body + 1..end)
        .find(|&i| role != Role::Outcome && OUTCOME_ANYWHERE.contains(&words[i].text));
    match split {
        Some(marker) => {
            push(words, first, body, marker, role, out);
            push(words, marker, marker + 1, end, Role::Outcome, out);
        }
        None => push(words, first, body, end, role, out),
    }
}

/// A value that stands in no clause, with nothing but punctuation between it and the clause
/// before (`posture score: ???`, `送检率：X%`), belongs to that clause.
pub fn take_stray_values(clauses: &mut [Clause], words: &[Word<'_>], values: &[Span]) {
    for value in values {
        let placed = clauses
            .iter()
            .any(|c| c.span.start <= value.start && value.end <= c.span.end);
        let Some(before) = clauses.iter_mut().rev().find(|c| c.span.end <= value.start) else {
            continue;
        };
        let only_punctuation = words
            .iter()
            .filter(|w| w.span.start >= before.span.end && w.span.end <= value.start)
            .all(|w| w.is_punctuation());
        if !placed && only_punctuation {
            before.span = before.span.cover(*value);
        }
    }
}

fn push(
    words: &[Word<'_>],
    start: usize,
    body: usize,
    end: usize,
    role: Role,
    out: &mut Vec<Clause>,
) {
    let is_content = |i: &usize| !words[*i].is_punctuation();
    let Some(first) = (start..end).find(is_content) else {
        return;
    };
    let last = (first..end).rev().find(is_content).unwrap_or(first);
    out.push(Clause {
        span: Span::new(words[first].span.start, words[last].span.end),
        role,
        words: (body.min(end), end),
    });
}

#[cfg(test)]
mod tests {
    use super::super::segment::words;
    use super::*;

    #[test]
    fn a_value_after_a_colon_belongs_to_its_clause() {
        let text = "Security posture score: ???";
        let words = words(text, 0, &Default::default());
        let mut clauses = split(&words, Some(Script::English));
        take_stray_values(&mut clauses, &words, &[Span::new(24, 27)]);
        let spans: Vec<&str> = clauses.iter().map(|c| &text[c.span.range()]).collect();
        assert_eq!(spans, ["Security posture score: ???"]);
    }

    fn clauses(text: &str) -> Vec<(Role, &str)> {
        let words = words(text, 0, &Default::default());
        split(&words, super::super::language::Language::of(text).dominant)
            .iter()
            .map(|c| (c.role, &text[c.span.range()]))
            .collect()
    }

    #[test]
    fn means_and_outcome() {
        assert_eq!(
            clauses("通过优化产品设计,实现产品标准成本比去年降低10%。"),
            [
                (Role::Means, "通过优化产品设计"),
                (Role::Outcome, "实现产品标准成本比去年降低10%")
            ]
        );
        assert_eq!(
            clauses("通过优化产品设计实现成本降低10%"),
            [
                (Role::Means, "通过优化产品设计"),
                (Role::Outcome, "实现成本降低10%")
            ]
        );
        assert_eq!(
            clauses("为了尽快的满足人员需求,调整人员招聘政策。"),
            [
                (Role::Purpose, "为了尽快的满足人员需求"),
                (Role::Main, "调整人员招聘政策")
            ]
        );
    }

    #[test]
    fn english_means_and_outcome_markers() {
        assert_eq!(
            clauses("Reduce churn to 3% by launching in-app onboarding"),
            [
                (Role::Main, "Reduce churn to 3%"),
                (Role::Means, "by launching in-app onboarding")
            ]
        );
        assert_eq!(
            clauses("Automate reconciliation so that manual entries fall below 200"),
            [
                (Role::Main, "Automate reconciliation"),
                (Role::Outcome, "so that manual entries fall below 200")
            ]
        );
        assert_eq!(
            clauses("Launch a chatbot to deflect 20% of tickets via the help center"),
            [
                (Role::Main, "Launch a chatbot"),
                (Role::Outcome, "to deflect 20% of tickets"),
                (Role::Means, "via the help center")
            ]
        );
        // `to` before a number or a place, and `through` before a period, mark nothing.
        assert_eq!(
            clauses("Grow ARR from $4M to $5M through Q3"),
            [(Role::Main, "Grow ARR from $4M to $5M through Q3")]
        );
        // …but a word that only starts like a month is a means.
        assert_eq!(
            clauses("Grow signups through marketing campaigns"),
            [
                (Role::Main, "Grow signups"),
                (Role::Means, "through marketing campaigns")
            ]
        );
    }

    #[test]
    fn a_predicate_is_not_a_marker_and_lists_stay_whole() {
        assert_eq!(
            clauses("客户支持团队月度满意度达到85分"),
            [(Role::Main, "客户支持团队月度满意度达到85分")]
        );
        assert_eq!(
            clauses("通过销售管理、渠道优化等措施"),
            [(Role::Means, "通过销售管理、渠道优化等措施")]
        );
        assert_eq!(
            clauses("将返工率比去年降低30%"),
            [(Role::Outcome, "将返工率比去年降低30%")]
        );
    }
}
