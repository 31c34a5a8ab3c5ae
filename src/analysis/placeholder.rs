//! Placeholders where a number or date belongs: X亿, X%, XX个, N倍, X月, TBD, 待定, 若干,
//! 某月, ？%, 【】, ___. A name slot (X产品, A区域) is not one.

use std::sync::LazyLock;

use regex::Regex;

use crate::source::Span;

/// What may follow a slot that stands for a number: magnitudes, units, classifiers, date parts.
const NUMBER_FOLLOWERS: &str = r"(?:万|亿|千|百|%|％|‰|倍|个|名|家|次|场|人|位|元|块|天|日|号|月|年|周|小时|分钟|课时|学时|分|秒|条|篇|项|件|宗|台|套|款|种|份|所|单|笔|张|页|批|轮|期|类|级|星|吨|公里|起|例|户|点|季度|门|辆|座|栋|间|节|箱|k|K|w|W|M)";

/// What may come before a slot that stands for a number: comparators and targets.
const NUMBER_LEADERS: &str = r"(?:达到|达|超过|超|至|到|为|低于|高于|不低于|不高于|不少于|不多于|不超过|少于|多于|小于|大于|至少|增长|降低|提升|提高|减少|控制在|突破|第)";

static SLOT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        [Xx]{{1,3}}|[Ｘｘ]{{1,3}}|××?|N
        | (?:TBD|TBC|待定|待确定|待确认|若干|某某|某(?:{NUMBER_FOLLOWERS})|[?？]{{1,3}})
        | (?:【\s*(?:[^】]{{0,6}})\s*】|\[\s*[A-Za-z?]{{0,8}}\s*\]|_{{2,}})
        "
    );
    Regex::new(&pattern).expect("valid placeholder pattern")
});

static FOLLOWS_NUMBER_SLOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*{NUMBER_FOLLOWERS}")).expect("valid follower pattern")
});
static LEADS_NUMBER_SLOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{NUMBER_LEADERS}\s*$")).expect("valid leader pattern"));

/// Finds placeholders in `text`, which starts at byte `base` of its source.
pub fn find(text: &str, base: usize) -> Vec<Span> {
    let mut found = Vec::new();
    // Every slot starts with one of these; most key results have none.
    let cue = |c: char| {
        matches!(
            c,
            'X' | 'x'
                | 'Ｘ'
                | 'ｘ'
                | '×'
                | 'N'
                | 'T'
                | '待'
                | '若'
                | '某'
                | '?'
                | '？'
                | '【'
                | '['
                | '_'
        )
    };
    if !text.contains(cue) {
        return found;
    }
    // Which kind of slot a match is shows in its first character: no groups need capturing.
    for m in SLOT.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        let letter = matches!(
            m.as_str().chars().next(),
            Some('X' | 'x' | 'Ｘ' | 'ｘ' | '×' | 'N')
        );
        // A ratio with a side left open (投入产出比1:X) is one slot, its known side with it.
        if let Some((ratio_start, ratio_end)) = letter.then(|| ratio(text, start, end)).flatten() {
            found.push(Span::new(base + ratio_start, base + ratio_end));
            continue;
        }
        let keep = match m.as_str().chars().next() {
            _ if letter => letter_slot(text, start, end),
            Some('【' | '[' | '_') => bracket_slot(m.as_str()),
            _ => word_slot(text, start, end, m.as_str()),
        };
        if keep {
            found.push(Span::new(base + start, base + end));
        }
    }
    found
}

/// Verbs after which a slot can only be a value: 达到X TEU.
static LEADS_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:达到|超过|不低于|不高于|不少于|不多于|不超过|低于|高于|控制在|突破|提高到|提升到|降低到|降至|增至)\s*$").expect("valid value-leader pattern")
});

/// `X` alone between non-letters, with a unit after it or a comparator before it.
fn letter_slot(text: &str, start: usize, end: usize) -> bool {
    let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    // `$XXk`, `€Nm`: an amount after a currency sign, with its magnitude.
    let magnitude = ["k", "K", "m", "M", "bn", "B"]
        .iter()
        .find(|m| text[end..].starts_with(*m))
        .map_or(0, |m| m.len());
    let amount = magnitude > 0
        && text[..start].ends_with(['$', '€', '£', '¥'])
        && !ascii_letter(text[end + magnitude..].chars().next());
    if amount {
        return true;
    }
    if ascii_letter(text[..start].chars().next_back()) || ascii_letter(text[end..].chars().next()) {
        return false;
    }
    let after = &text[end..];
    let at_clause_end = after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '。' | '，' | ',' | '；' | ';' | '！' | '!'));
    let before = &text[..start];
    // After a target verb a slot is a value even before an ASCII unit (达到X TEU); a Chinese
    // noun after it makes it a name (达到X产品的标准).
    let value_follows = after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| !crate::syntax::is_cjk(c));
    (FOLLOWS_NUMBER_SLOT.is_match(after) && !names_a_thing(after))
        || (LEADS_NUMBER_SLOT.is_match(before) && at_clause_end)
        || (LEADS_VALUE.is_match(before) && value_follows)
        || english_slot(text, start, end)
}

/// The span of a ratio one side of which is the slot at `start..end` (1:X, X：1), when it
/// is one: a number, a colon and the slot, with nothing alphanumeric around them.
fn ratio(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (before, after) = (text[..start].trim_end(), text[end..].trim_start());
    let (ratio_start, ratio_end) = if let Some(head) = before.strip_suffix([':', '：']) {
        let head = head.trim_end();
        let number_start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (number_start < head.len()).then_some((number_start, end))?
    } else {
        let tail = after.strip_prefix([':', '：'])?.trim_start();
        let number = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (number > 0).then_some((start, text.len() - tail.len() + number))?
    };
    let alphanumeric = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    // 阶段1：X平台上线: a label's number, then a name slot; not 1:X以上, 1:X的标准.
    let names = text[ratio_end..]
        .chars()
        .next()
        .is_some_and(|c| crate::syntax::is_cjk(c) && !"以的左及或之".contains(c));
    let clean = !alphanumeric(text[..ratio_start].chars().next_back())
        && !alphanumeric(text[ratio_end..].chars().next())
        && !names;
    clean.then_some((ratio_start, ratio_end))
}

/// Nouns that open with a classifier and make the slot before them a name, as 产品 does in
/// X产品: X项目 is a project's name, X门户 a portal's; X项 and X门 count.
fn names_a_thing(after: &str) -> bool {
    const NOUNS: [&str; 2] = ["项目", "门户"];
    let after = after.trim_start();
    NOUNS.iter().any(|n| after.starts_with(n))
}

/// In English a number slot is a word of its own: after a currency sign (`$N`), or between
/// prose words (`sign XX new partners`, `the other N tickets`, `to X per week`, `??? percent`).
/// After a name it is part of the name (`Product X`).
fn english_slot(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    if before.ends_with(['$', '€', '¥', '£']) {
        return true;
    }
    let prose =
        |word: &str| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    let next = text[end..]
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    let (rest, previous) = before
        .rsplit_once(' ')
        .map_or(("", before), |(rest, word)| (rest, word));
    let opens_sentence = rest
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        && previous.starts_with(|c: char| c.is_ascii_uppercase())
        && previous[1..].chars().all(|c| c.is_ascii_lowercase());
    let value_leader = [
        "reach", "reaches", "above", "below", "under", "over", "exceed", "exceeds", "hit", "hits",
        "than", "least", "most",
    ]
    .contains(&previous.to_ascii_lowercase().as_str());
    // `registrations reach N (baseline pending)`: after a target word, a slot ending its clause.
    let ends_clause = text[end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '—' | '–'));
    (prose(previous) || opens_sentence) && prose(next) || value_leader && ends_clause
}

/// `【】`, `【待定】`, `【X】`: an empty or placeholder bracket, not a quoted name (【重要】).
fn bracket_slot(bracket: &str) -> bool {
    let inner = bracket
        .trim_start_matches('【')
        .trim_end_matches('】')
        .trim();
    let inner = inner.trim_start_matches('[').trim_end_matches(']').trim();
    bracket.starts_with('_')
        || inner.is_empty()
        || [
            "number", "target", "value", "amount", "date", "tbd", "x", "n", "?",
        ]
        .contains(&inner.to_ascii_lowercase().as_str())
        || [
            "待定",
            "X",
            "x",
            "XX",
            "TBD",
            "数值",
            "数字",
            "目标值",
            "填写",
            "N",
            "？",
            "?",
        ]
        .contains(&inner)
}

/// A lone `？` only stands for a number next to a unit or after a comparator; `??` and `???`
/// ask nothing.
fn word_slot(text: &str, start: usize, end: usize, word: &str) -> bool {
    if !word.starts_with(['?', '？']) || word.chars().count() >= 2 {
        return true;
    }
    FOLLOWS_NUMBER_SLOT.is_match(&text[end..])
        || LEADS_NUMBER_SLOT.is_match(&text[..start])
        || english_slot(text, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(text: &str) -> Vec<&str> {
        find(text, 0).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn placeholders_where_numbers_belong() {
        assert_eq!(slots("实现产品日交互次数超过X亿。"), ["X"]);
        assert_eq!(slots("月营收环比增长超过X%"), ["X"]);
        assert_eq!(slots("收入达到去年的X倍"), ["X"]);
        assert_eq!(slots("非关键人员X月到岗"), ["X"]);
        assert_eq!(slots("实现销售XX万元"), ["XX"]);
        assert_eq!(slots("安全培训XX课时"), ["XX"]);
        assert_eq!(slots("完成X项智能化改造"), ["X"]);
        assert_eq!(slots("完成全部xx门新课程的大纲审核"), ["xx"]);
        assert_eq!(slots("自动化率达到N%"), ["N"]);
        assert_eq!(slots("成本降低××万元"), ["××"]);
        assert_eq!(slots("转化率达到x"), ["x"]);
        assert_eq!(slots("预算TBD"), ["TBD"]);
        assert_eq!(slots("目标值待定"), ["待定"]);
        assert_eq!(slots("新增若干客户"), ["若干"]);
        assert_eq!(slots("某月某日前上线"), ["某月", "某日"]);
        assert_eq!(slots("留存率达到？%"), ["？"]);
        assert_eq!(slots("Phishing click rate below ???"), ["???"]);
        assert_eq!(slots("Is this number right?"), Vec::<&str>::new());
        assert_eq!(slots("营收达到【】万元"), ["【】"]);
        assert_eq!(slots("营收达到___万元"), ["___"]);
        assert_eq!(slots("美西航线订舱量达到X TEU"), ["X"]);
    }

    #[test]
    fn english_placeholders() {
        assert_eq!(slots("Increase average contract value to $N."), ["N"]);
        assert_eq!(slots("Sign XX new reseller partners"), ["XX"]);
        assert_eq!(slots("Close the other N long-standing tickets"), ["N"]);
        assert_eq!(slots("Grow trial sign-ups to X per week"), ["X"]);
        assert_eq!(slots("Attendance reaches ??? percent"), ["???"]);
        assert_eq!(slots("Reduce spend by £[number]"), ["[number]"]);
        assert_eq!(
            slots("Summer registrations reach N (baseline pending)"),
            ["N"]
        );
        assert_eq!(slots("Keep churn below X."), ["X"]);
        assert_eq!(
            slots("Benchmark against the [target] percentile"),
            ["[target]"]
        );
        for text in [
            "Grow Product X trial sign-ups",
            "Ship [Beta] to users",
            "Is it done?",
            "Move the team to Plan N",
            "Upgrade to Windows X (pilot)",
            "Move payroll to X.",
        ] {
            assert_eq!(slots(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn name_slots_and_letters_in_words_are_not_placeholders() {
        for text in [
            "提升X产品销售",
            "完成X项目（网剧）全部特效镜头制作",
            "完成X系列减速器样机",
            "获得100名MQLs",
            "NPS达到50",
            "提升A区域销售",
            "某些客户",
            "是否上线？",
            "【重要】完成迁移",
            "Xbox 用户",
        ] {
            assert!(slots(text).is_empty(), "{text}: {:?}", slots(text));
        }
    }

    #[test]
    fn a_ratio_with_an_open_side_is_one_slot() {
        assert_eq!(slots("师生比达到1：X"), ["1：X"]);
        assert_eq!(slots("投入产出比不低于X:1。"), ["X:1"]);
        assert_eq!(slots("医护比达到1：X以上"), ["1：X"]);
        // A label's number is no ratio's side, nor is one before a name slot.
        assert!(slots("KR1:X产品上线").is_empty());
        assert!(slots("阶段1：X平台上线").is_empty());
    }
}
