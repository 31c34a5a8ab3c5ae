//! Baselines: the starting point a change is measured from. 比去年, 同比, 环比, 较上季度,
//! 从A到B, 由A提升至B, 去年的X倍; in English `from A to B`, `vs last quarter`, `YoY`,
//! `over the baseline of`.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::lexicon;
use crate::source::Span;

/// A baseline, with the start and target values of a `从A到B` form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub span: Span,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// The verb between the values, when it says up or down (从80%降低到90%).
    pub direction: Option<Direction>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

const VALUE: &str = r"[0-9０-９]+(?:[.．][0-9０-９]+)?";

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:比|较|相比于?|相较于?|对比|与)\s*
          (?:去年|上年|上一年|前一年|往年|以往|过去|上个?季度|上一季度|上个?月|上一个?月|上周|上期|上一周期|年初|季初|月初
            |基线|基准|目前|当前|现在|现状|同期|上半年|(?:19|20)[0-9]{2}\s*年)
        | 同比|环比|去年同期|上年同期|去年的|上年的|基线|基准值
        ",
    )
    .expect("valid baseline pattern")
});

static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:从|由)\s*(?P<from>{VALUE})\s*(?P<from_unit>[^\s到至，,。；;]{{0,4}}?)\s*(?P<verb>提升|提高|增长|增加|上升|降低|下降|减少|缩短|压缩|降|升|增|减|优化|改善)?\s*(?:到|至)\s*(?P<to>{VALUE})(?P<to_unit>%|％|个?(?:工作日|小时|分钟|天|周|月|年|元|万元|亿元|分|秒|人|家|个|次))?"
    ))
    .expect("valid from-to pattern")
});

static ENGLISH_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let lead = r"(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to|against|over|than|up\s+from|down\s+from)";
    let period = r"(?:(?:the\s+)?(?:last|previous|prior|same)\s+(?:year|quarter|month|week|period|half|sprint)|(?:Q[1-4]|H[12])(?:\s+(?:19|20)[0-9]{2})?|FY\s?[0-9]{2,4})";
    // A bare year only after a lead that can only compare: `over 1950 stores` is a count.
    let year_lead = r"(?:vs\.?|versus|compared\s+(?:with|to)|relative\s+to)";
    Regex::new(&format!(
        r"(?i-u:\b{lead}\s+{period}\b|\b{year_lead}\s+(?:19|20)[0-9]{{2}}\b|\b(?:YoY|QoQ|MoM|WoW|year[- ]over[- ]year|quarter[- ]over[- ]quarter|month[- ]over[- ]month)\b|\b(?:over\s+|from\s+)?the\s+baseline(?:\s+of)?\b|\b(?:below|above|under|over|than)\s+the\s+(?:19|20)[0-9]{{2}}\s+(?:level|figure|average)s?\b)|(?i-u:\b(?:up|down)\s+from\s+)[$€£¥]?[0-9][0-9,.]*"
    ))
    .expect("valid English baseline pattern")
});

static ENGLISH_FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
    // `%` ends a value without a word boundary after it; the words do need one.
    let unit = r"(?:%|\s?(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?|ms|points?|pts)\b)";
    let magnitude = r"(?:k|m|bn|b|million|billion|thousand)";
    Regex::new(&format!(
        r"(?i-u:\bfrom\s+)[$€£¥]?(?i-u:(?P<from>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<from_magnitude>{magnitude}\b)?(?P<from_unit>{unit})?\s+to\s+(?:under\s+|below\s+|above\s+|over\s+|less\s+than\s+|more\s+than\s+)?)[$€£¥]?(?i-u:(?P<to>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<to_magnitude>{magnitude}\b)?(?P<to_unit>{unit})?)"
    ))
    .expect("valid English from-to pattern")
});

/// Finds baselines in `text`, which starts at byte `base` of its source.
pub fn find(text: &str, base: usize) -> Vec<Baseline> {
    // Every baseline holds one of these; most key results have none.
    let cue = |c: char| {
        matches!(
            c,
            '比' | '较' | '同' | '环' | '去' | '上' | '基' | '从' | '由' | '对' | '与'
        )
    };
    // English baselines are prose: lowercase words (`vs last quarter`, `from 4% to 6%`), not the
    // capitals Chinese text brings in (KPI, Q1).
    let english = text.bytes().any(|b| b.is_ascii_lowercase());
    if !text.contains(cue) && !english {
        return Vec::new();
    }
    // Each pattern is tried only on text with the words it cannot match without: a search
    // for captures costs more than the whole text's scan.
    let from_to = text.contains(['从', '由']) && text.contains(['到', '至']);
    let mut found: Vec<Baseline> = Vec::new();
    if from_to {
        found.extend(FROM_TO.captures_iter(text).map(|caps| {
            let whole = caps.get(0).expect("a match has a whole");
            Baseline {
                span: Span::new(base + whole.start(), base + whole.end()),
                from: value(&caps, "from", "from_unit"),
                to: value(&caps, "to", "to_unit").or_else(|| value(&caps, "to", "from_unit")),
                direction: caps.name("verb").and_then(|v| direction_of(v.as_str())),
            }
        }));
    }
    if english && has_word_from(text) {
        found.extend(ENGLISH_FROM_TO.captures_iter(text).map(|caps| {
            let whole = caps.get(0).expect("a match has a whole");
            let (from, to) = english_values(&caps);
            Baseline {
                span: Span::new(base + whole.start(), base + whole.end()),
                from,
                to,
                direction: english_direction(&text[..whole.start()]),
            }
        }));
    }
    // Every Chinese reference holds 比, 较 or 与, or names its period outright.
    let reference = text.contains(['比', '较', '与'])
        || ["去年", "上年", "基线", "基准"]
            .iter()
            .any(|w| text.contains(w));
    let references = reference
        .then(|| REFERENCE.find_iter(text))
        .into_iter()
        .flatten()
        .chain(
            english
                .then(|| ENGLISH_REFERENCE.find_iter(text))
                .into_iter()
                .flatten(),
        );
    for m in references {
        let span = Span::new(base + m.start(), base + m.end());
        if !found.iter().any(|b| b.span.overlaps(span)) {
            found.push(Baseline {
                span,
                from: None,
                to: None,
                direction: None,
            });
        }
    }
    found.sort_by_key(|b| b.span.start);
    found
}

/// Whether `from`, in any case, stands in the text.
fn has_word_from(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"from"))
}

/// A `从A到B` value in one scale: durations in minutes (从4小时缩短到30分钟), the rest as
/// written. When the target has no unit it is read in the start's unit.
fn value(caps: &regex::Captures<'_>, number_group: &str, unit_group: &str) -> Option<f64> {
    let n = number(caps.name(number_group)?.as_str())?;
    let unit = caps.name(unit_group).map_or("", |u| u.as_str());
    if unit_group == "to_unit" && unit.is_empty() {
        return None;
    }
    Some(n * minutes_in(unit).unwrap_or(1.0))
}

fn minutes_in(unit: &str) -> Option<f64> {
    let unit = unit.trim_start_matches('个');
    Some(match unit {
        "秒" => 1.0 / 60.0,
        "分钟" => 1.0,
        "小时" => 60.0,
        "天" | "日" | "工作日" => 1440.0,
        "周" => 10080.0,
        "月" => 43200.0,
        "年" => 525_600.0,
        _ => return None,
    })
}

/// The values of `from A to B`, in one scale: durations in minutes; a value with no unit is
/// read in the other's (`from 94 to 70 days`).
fn english_values(caps: &regex::Captures<'_>) -> (Option<f64>, Option<f64>) {
    let unit = |group: &str| {
        caps.name(group)
            .map(|u| u.as_str().trim().to_ascii_lowercase())
    };
    let (from_unit, to_unit) = (unit("from_unit"), unit("to_unit"));
    let scale = |own: &Option<String>| {
        let unit = own.as_ref().or(from_unit.as_ref()).or(to_unit.as_ref());
        unit.and_then(|u| english_minutes_in(u)).unwrap_or(1.0)
    };
    let number = |group: &str, magnitude: &str| {
        let n = caps
            .name(group)?
            .as_str()
            .replace(',', "")
            .parse::<f64>()
            .ok()?;
        let times =
            caps.name(magnitude)
                .map_or(1.0, |m| match m.as_str().to_ascii_lowercase().as_str() {
                    "k" | "thousand" => 1e3,
                    "m" | "million" => 1e6,
                    _ => 1e9,
                });
        Some(n * times)
    };
    (
        number("from", "from_magnitude").map(|n| n * scale(&from_unit)),
        number("to", "to_magnitude").map(|n| n * scale(&to_unit)),
    )
}

/// A duration unit of `from A to B`, in minutes, as the pattern captures it.
fn english_minutes_in(unit: &str) -> Option<f64> {
    Some(match unit {
        "ms" => 1.0 / 60_000.0,
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0 / 60.0,
        "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        "day" | "days" => 1440.0,
        "week" | "weeks" => 10080.0,
        "month" | "months" => 43200.0,
        "year" | "years" => 525_600.0,
        _ => return None,
    })
}

/// The direction the verb of change of `from A to B`'s clause says (raise … from, cut …
/// from), if any: the first such word since the clause began, by its base form (`cutting`,
/// `fell`). `improve` says no direction: latency improves downwards.
fn english_direction(before: &str) -> Option<Direction> {
    const UP: [&str; 11] = [
        "increase", "raise", "grow", "lift", "boost", "expand", "extend", "rise", "climb",
        "double", "triple",
    ];
    const DOWN: [&str; 13] = [
        "reduce", "decrease", "cut", "lower", "shorten", "shrink", "drop", "fall", "decline",
        "slash", "trim", "minimize", "halve",
    ];
    let clause_start = before
        .char_indices()
        .rfind(|(_, c)| matches!(c, ',' | ';' | ':' | '，' | '；' | '。'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let clause = &before[clause_start..];
    let clause = clause.rfind(" and ").map_or(clause, |at| &clause[at + 5..]);
    let lex = lexicon();
    clause
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            let base = lex.base_form(w);
            if UP.contains(&&*base) {
                Some(Direction::Up)
            } else if DOWN.contains(&&*base) {
                Some(Direction::Down)
            } else {
                None
            }
        })
}

/// The direction a Chinese verb of change says; 优化 and 改善 say none (a time improves by
/// falling).
/// Which way a Chinese change verb moves its measure; 优化 and 改善 say no way.
pub(super) fn direction_of(verb: &str) -> Option<Direction> {
    if ["降低", "下降", "减少", "缩短", "压缩", "压降", "降", "减"].contains(&verb) {
        Some(Direction::Down)
    } else if ["优化", "改善"].contains(&verb) {
        None
    } else {
        Some(Direction::Up)
    }
}

fn number(text: &str) -> Option<f64> {
    let ascii: String = text
        .chars()
        .map(crate::syntax::fold_width)
        .map(|c| if c == '．' { '.' } else { c })
        .collect();
    ascii.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find(text, 0)
            .iter()
            .map(|b| &text[b.span.range()])
            .collect()
    }

    #[test]
    fn references_and_from_to() {
        assert_eq!(spans("成本比去年降低10%"), ["比去年"]);
        assert_eq!(spans("月营收环比增长超过X%"), ["环比"]);
        assert_eq!(spans("单件成本同比降低8%"), ["同比"]);
        assert_eq!(spans("投诉量较上季度减少30%"), ["较上季度"]);
        assert_eq!(spans("收入达到去年的X倍"), ["去年的"]);
        assert_eq!(spans("标准设计时间比过去工具软件缩短1小时"), ["比过去"]);
        let from_to = find("OEE从72%提升到85%", 0);
        assert_eq!(from_to.len(), 1);
        assert_eq!(
            (from_to[0].from, from_to[0].to, from_to[0].direction),
            (Some(72.0), Some(85.0), Some(Direction::Up))
        );
        let down = find("由80%降低至90%", 0);
        assert_eq!(down[0].direction, Some(Direction::Down));
        let minutes = find("恢复时间从4小时缩短到30分钟", 0);
        assert_eq!((minutes[0].from, minutes[0].to), (Some(240.0), Some(30.0)));
    }

    #[test]
    fn english_references_and_from_to() {
        assert_eq!(spans("Increase organic traffic by 40% YoY"), ["YoY"]);
        assert_eq!(spans("Lift NPS by 5 points vs Q2"), ["vs Q2"]);
        assert_eq!(spans("Cut churn 10% vs last quarter"), ["vs last quarter"]);
        assert_eq!(
            spans("Reach a failure rate below 5%, over the baseline of 11%"),
            ["over the baseline of"]
        );
        let up = find("Raise conversion from 4.2% to 6% by end of Q3", 0);
        assert_eq!(
            (up[0].from, up[0].to, up[0].direction),
            (Some(4.2), Some(6.0), Some(Direction::Up))
        );
        let minutes = find("Cut deploy time from 2 hours to under 15 minutes", 0);
        assert_eq!(
            (minutes[0].from, minutes[0].to, minutes[0].direction),
            (Some(120.0), Some(15.0), Some(Direction::Down))
        );
        let money = find("Grow ARR from $900K to $1.2M", 0);
        assert_eq!(
            (money[0].from, money[0].to),
            (Some(900_000.0), Some(1_200_000.0))
        );
        let percent = find("Lift conversion from 4% to 6%", 0);
        assert_eq!(
            &"Lift conversion from 4% to 6%"[percent[0].span.range()],
            "from 4% to 6%"
        );
        // The clause's own verb, whole words: not `lower-tier`, not `cut` in another clause.
        let up = find("Grow lower-tier accounts from 10 to 20", 0);
        assert_eq!(up[0].direction, Some(Direction::Up));
        let other = find("Cut costs, and move users from 100 to 200", 0);
        assert_eq!(other[0].direction, None);
        let improve = find("Improve p95 latency from 800 ms to 300 ms", 0);
        assert_eq!(improve[0].direction, None);
        let days = find("Shorten the sales cycle from 94 to 70 days", 0);
        assert_eq!(
            (days[0].from, days[0].to),
            (Some(94.0 * 1440.0), Some(70.0 * 1440.0))
        );
    }

    #[test]
    fn a_full_width_comma_before_from_to_opens_the_clause() {
        // The clause starts after the comma, whatever its width (a fuzzer found a panic here).
        assert_eq!(
            english_direction("Raise check，out conversion "),
            None,
            "`out conversion` has no verb of change"
        );
        assert_eq!(
            english_direction("Cut，raise conversion "),
            Some(Direction::Up)
        );
    }

    #[test]
    fn no_baseline() {
        for text in [
            "资料退回率降低至5%",
            "客户满意度达到85分",
            "页面加载时间降低至1秒",
            "Reduce p95 latency to 200 ms",
            "Move from reactive to preventive maintenance",
            "Sign more than 2000 new users",
            "Open over 1950 stores",
        ] {
            assert!(spans(text).is_empty(), "{text}");
        }
    }
}
