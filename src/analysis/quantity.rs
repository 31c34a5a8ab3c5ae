//! Quantities: Arabic, full-width and Chinese numerals with their units, percentages,
//! multiples and comparators. Not quantities: dates and periods (time frames), ordinals
//! (第一), idioms (千家万户), identifiers (2B业务, P0, ISO 9001, KR1) and spans of the means
//! (近两年).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::lexicon::{WordClass, WordList, lexicon, terms, word_list};
use crate::source::Span;
use crate::syntax::fold_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Percent,
    Multiple,
    Money,
    Duration,
    Score,
    Count,
    /// A bare number (NPS 50).
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The number with its magnitude and unit: `10%`, `5万元`, `1个工作日`.
    pub span: Span,
    /// The value as written, magnitude applied (`5万` is 50,000); `None` for ranges.
    pub value: Option<f64>,
    pub unit: Unit,
}

/// The numerals of a text, as byte ranges, left to right: `百分之N` (with `点` and decimals),
/// digits with thousands separators, a decimal part and a range (`1,200`, `3.5`, `10-20`), or
/// a run of Chinese numerals (`三`, `一千二百`). A hand-written scanner: it runs on every item.
fn numerals(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(c) = text[at..].chars().next() {
            let rest = &text[at..];
            let length = if is_digit(c) {
                Some(arabic_length(rest))
            } else if c == '半' {
                half_length(&text[..at], rest)
            } else if is_chinese_numeral(c) {
                Some(per_cent_length(rest).unwrap_or_else(|| run(rest, is_chinese_numeral)))
            } else {
                None
            };
            match length {
                Some(length) => {
                    let start = at;
                    at += length;
                    return Some((start, at));
                }
                None => at += c.len_utf8(),
            }
        }
        None
    })
}

/// 半 is a number before a unit of time (半天, 半小时, 半个月), not in a period (上半年, 下半天)
/// nor before other words (半数): the length of the 半.
fn half_length(before: &str, rest: &str) -> Option<usize> {
    const UNITS: [&str; 5] = ["天", "日", "小时", "个月", "个工作日"];
    let after = &rest['半'.len_utf8()..];
    let of_time = UNITS.iter().any(|u| after.starts_with(u));
    let in_period = before.ends_with(['上', '下']);
    (of_time && !in_period).then_some('半'.len_utf8())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

const CHINESE_NUMERALS: [char; 17] = [
    '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万',
    '亿',
];

fn is_chinese_numeral(c: char) -> bool {
    CHINESE_NUMERALS.contains(&c)
}

/// The Chinese numerals that scale a number (1,200万, 3千): alone, they are no amount.
fn is_magnitude_numeral(c: char) -> bool {
    matches!(c, '万' | '亿' | '千' | '百')
}

/// The length of the longest start of `text` whose characters all pass `test`.
fn run(text: &str, test: impl Fn(char) -> bool) -> usize {
    text.find(|c: char| !test(c)).unwrap_or(text.len())
}

/// `百分之三十`, `千分之五`, `百分之九十九点九`.
fn per_cent_length(text: &str) -> Option<usize> {
    let after = ["百分之", "千分之", "万分之"]
        .iter()
        .find_map(|p| text.strip_prefix(p))?;
    let whole = run(after, |c| {
        is_chinese_numeral(c) && !matches!(c, '千' | '万' | '亿')
    });
    if whole == 0 {
        return None;
    }
    let decimals = after[whole..].strip_prefix('点').map_or(0, |d| {
        let digits = run(d, |c| {
            is_chinese_numeral(c) && !matches!(c, '两' | '十' | '百' | '千' | '万' | '亿')
        });
        if digits > 0 {
            '点'.len_utf8() + digits
        } else {
            0
        }
    });
    Some(text.len() - after.len() + whole + decimals)
}

/// Digits, then groups of three after a comma, a decimal part, and a range's second number.
fn arabic_length(text: &str) -> usize {
    let mut end = run(text, is_digit);
    while let Some(group) = text[end..].strip_prefix([',', '，']) {
        let three: Vec<char> = group.chars().take(3).collect();
        if three.len() < 3 || !three.iter().all(|c| is_digit(*c)) {
            break;
        }
        end = text.len() - group.len() + three.iter().map(|c| c.len_utf8()).sum::<usize>();
    }
    end += decimal_length(&text[end..]);
    let range = text[end..].trim_start();
    if let Some(second) = range
        .strip_prefix(['-', '~', '～', '–'])
        .map(str::trim_start)
        .filter(|s| s.starts_with(is_digit))
    {
        let digits = run(second, is_digit);
        end = text.len() - second.len() + digits + decimal_length(&second[digits..]);
    }
    end
}

/// `.5` or `．5` after a number's digits.
fn decimal_length(text: &str) -> usize {
    text.strip_prefix(['.', '．']).map_or(0, |d| {
        let digits = run(d, is_digit);
        if digits > 0 {
            text.len() - d.len() + digits
        } else {
            0
        }
    })
}

/// After a number: its magnitude (万, 亿, k), then its unit, each after optional spaces.
/// Units by their first character, each list in the file's order.
static UNITS: LazyLock<FxHashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut units: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
    for unit in terms(include_str!("../../rules/lexicon/zh/units.txt")) {
        if let Some(first) = unit.chars().next() {
            units.entry(first).or_default().push(unit);
        }
    }
    units
});

/// The length of the unit (and the spaces before it) that `after` starts with.
fn unit(after: &str) -> Option<usize> {
    let (spaces, rest) = split_spaces(after);
    // `10s of publications` is a rough count, not ten seconds.
    if rest.starts_with("s of ") {
        return None;
    }
    let units = UNITS.get(&rest.chars().next()?)?;
    // Units that begin ordinary words must end one (3x, not 3xl; 5s, not 5sites); kg, ms
    // and pp may be inflected (500kgs, 2ppts).
    let word_like = |u: &str| u == "x" || LATIN_DURATIONS.contains(&u);
    Some(spaces + first_fitting(rest, units, word_like)?)
}

/// Units of time written in Latin letters right after a number: 1.5s, 24h, 30min.
pub(super) const LATIN_DURATIONS: [&str; 8] = ["s", "sec", "secs", "min", "mins", "h", "hr", "hrs"];

/// Multipliers written after a number in any text, and after a currency sign only.
const MAGNITUDES: [&str; 5] = ["k", "K", "w", "W", "M"];
const CURRENCY_MAGNITUDES: [&str; 4] = ["bn", "B", "billion", "million"];

/// The length of `text`'s leading spaces, and the rest of it.
fn split_spaces(text: &str) -> (usize, &str) {
    let rest = text.trim_start();
    (text.len() - rest.len(), rest)
}

/// The length of the first of `words` that `text` starts with; a word for which `whole`
/// holds must end there (`x` in `3x` ends a word; in `3xl` it does not).
fn first_fitting(text: &str, words: &[&str], whole: impl Fn(&str) -> bool) -> Option<usize> {
    let ends = |w: &str| {
        let next = text.as_bytes().get(w.len());
        !next.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    words
        .iter()
        .find(|w| text.starts_with(**w) && (!whole(w) || ends(w)))
        .map(|w| w.len())
}

/// A run of 万, 亿, 千 and 百 (1,200万, 3千万), or one Latin multiplier standing alone (5k); after
/// a currency sign also bn, B, billion and million. With the spaces before it.
fn magnitude(after: &str, currency: bool) -> Option<usize> {
    let (spaces, rest) = split_spaces(after);
    let currency_magnitude = currency
        .then(|| first_fitting(rest, &CURRENCY_MAGNITUDES, |_| true))
        .flatten();
    let chinese = Some(run(rest, is_magnitude_numeral)).filter(|&n| n > 0);
    let length = currency_magnitude
        .or(chinese)
        .or_else(|| first_fitting(rest, &MAGNITUDES, |_| true))?;
    Some(spaces + length)
}

/// English number words and multipliers: `three`, `nine thousand`, `a hundred`, `double`.
static ENGLISH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    let scale = r"(?:hundred|thousand|million|billion)";
    Regex::new(&format!(
        r"(?i-u)\b(?:(?:{word}(?:-{word})?|a)\s+{scale}|{word}(?:-{word})?|a\s+dozen|dozens|double|triple|quadruple|twice|once|halve|(?:by|in)\s+half|a\s+third)\b"
    ))
    .expect("valid English number pattern")
});

/// `once` is a count when bounded (`at least once`) or counted per period (`once a week`),
/// not when it joins a clause (`once the app ships`).
fn counts_once(text: &str, start: usize, end: usize) -> bool {
    const PERIODS: [&str; 10] = [
        "day",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "term",
        "semester",
        "season",
        "sprint",
    ];
    let previous = text[..start].trim_end().rsplit(' ').next().unwrap_or("");
    let mut following = text[end..].split_whitespace();
    let (next, then) = (
        following.next().unwrap_or(""),
        following.next().unwrap_or(""),
    );
    let said = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let then = then.trim_end_matches([',', '.', ';']);
    said(previous, &["least", "most", "exactly"])
        || said(next, &["daily", "weekly", "monthly", "yearly"])
        || said(next, &["a", "per", "every", "each"]) && said(then, &PERIODS)
}

/// Chinese numerals that are only an article before these (一个平台, 一套体系, 一批车辆),
/// unless a cadence counts them (每月一份报告).
const ARTICLE_CLASSIFIERS: [&str; 6] = ["个", "套", "项", "种", "份", "批"];

/// Finds quantities in `text` (at byte `base` of its source), skipping `excluded` spans
/// (time frames and placeholders found before).
pub fn find(text: &str, base: usize, excluded: &[Span]) -> Vec<Quantity> {
    // Idioms and titles only matter where a number stands; most texts have none of either.
    let idioms = std::cell::OnceCell::new();
    let titles = std::cell::OnceCell::new();
    let mut found: Vec<Quantity> = Vec::new();
    for (start, end) in numerals(text) {
        // The magnitude of the previous quantity (万 in 1,200万元) is not another number.
        if found.last().is_some_and(|q| base + start < q.span.end) {
            continue;
        }
        let absolute = Span::new(base + start, base + end);
        let numeral = &text[start..end];
        // Idioms are written in Chinese numerals: a number in digits is never one.
        if excluded.iter().any(|s| s.overlaps(absolute))
            || !numeral.is_ascii()
                && idioms
                    .get_or_init(|| idiom_spans(text))
                    .iter()
                    .any(|&(s, e)| s < end && start < e)
        {
            continue;
        }
        if let Some(ratio_end) = ratio_end(text, start, end) {
            found.push(Quantity {
                span: Span::new(base + start, base + ratio_end),
                value: None,
                unit: Unit::Plain,
            });
            continue;
        }
        let currency = text[..start].trim_end().ends_with(['$', '€', '¥', '£']);
        let after = &text[end..];
        // After a currency sign, B and bn are billions (¥1.2B); elsewhere 2B is a name (2B业务).
        let magnitude_end = magnitude(after, currency).map_or(end, |length| end + length);
        let magnitude = (magnitude_end > end).then(|| text[end..magnitude_end].trim_start());
        let unit = unit(&text[magnitude_end..]).map(|length| {
            let unit_end = magnitude_end + length;
            (text[magnitude_end..unit_end].trim_start(), unit_end)
        });
        // 3成本 is no 30%.
        let unit = unit.filter(|(u, e)| {
            *u != "成"
                || !text[*e..].starts_with(|c: char| {
                    matches!(
                        c,
                        '本' | '为' | '功' | '立' | '长' | '员' | '果' | '熟' | '交' | '就' | '型'
                    )
                })
        });
        // The 1920s is a decade, not seconds; so is `their 30s`; 5s管理 and 4s店 are names.
        let decade = is_year_digits(numeral)
            || numeral.len() == 2
                && numeral.ends_with('0')
                && ["their ", "the ", "in "]
                    .iter()
                    .any(|w| text[..start].ends_with(w));
        let named = |e: usize| {
            text[e..]
                .chars()
                .next()
                .is_some_and(|c| crate::syntax::is_cjk(c) && !matches!(c, '内' | '以' | '之'))
        };
        let unit = unit.filter(|&(u, e)| u != "s" || !decade && !named(e));
        let unit_text = unit.map(|(u, _)| u);
        let unit_end = unit.map(|(_, e)| e);
        let is_chinese =
            !numeral.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if is_chinese && !chinese_is_quantity(numeral, unit_text, text, start, unit_end) {
            continue;
        }
        if !is_chinese
            && is_identifier(text, start, end, unit_text.is_some() || magnitude.is_some())
        {
            continue;
        }
        let unit = if currency {
            Unit::Money
        } else {
            classify_unit(unit_text, numeral)
        };
        if is_ordinal_or_means_span(text, start, numeral, unit)
            || is_year(numeral, unit_text)
            || titles
                .get_or_init(|| title_spans(text))
                .iter()
                .any(|t: &std::ops::Range<usize>| t.contains(&start))
        {
            continue;
        }
        let suffix_len = unit_end.unwrap_or(magnitude_end) - end;
        found.push(Quantity {
            span: Span::new(base + start, base + end + suffix_len),
            value: value_of(numeral, magnitude),
            unit,
        });
    }
    // Number words are lowercase, or capitalised (`Double`): text with no lowercase Latin
    // letter has none.
    if text.bytes().any(|b| b.is_ascii_lowercase()) {
        found.extend(english_words(text, base, excluded, &found));
        found.sort_by_key(|q| q.span.start);
    }
    found
}

/// Quantities written in English words, where no other quantity or excluded span stands.
fn english_words(text: &str, base: usize, excluded: &[Span], found: &[Quantity]) -> Vec<Quantity> {
    let taken = |s: Span| {
        excluded
            .iter()
            .chain(found.iter().map(|q| &q.span))
            .any(|t| t.overlaps(s))
    };
    ENGLISH_NUMBER
        .find_iter(text)
        .map(|m| (m, Span::new(base + m.start(), base + m.end())))
        // `one of the`, `one-off`: no count.
        .filter(|(m, span)| {
            !taken(*span)
                && !text[m.end()..].starts_with(" of")
                && !text[m.end()..].starts_with('-')
                && (!m.as_str().eq_ignore_ascii_case("once")
                    || counts_once(text, m.start(), m.end()))
        })
        .map(|(m, span)| {
            let words = m.as_str().to_ascii_lowercase();
            let multiplier = [
                "double",
                "triple",
                "quadruple",
                "twice",
                "halve",
                "by half",
                "in half",
                "a third",
            ]
            .contains(&words.as_str());
            Quantity {
                span,
                value: None,
                unit: if multiplier {
                    Unit::Multiple
                } else {
                    Unit::Count
                },
            }
        })
        .collect()
}

/// Words with numerals that are not quantities (千家万户, 一站式), as one pattern.
static IDIOMS: LazyLock<Regex> = LazyLock::new(|| {
    let mut idioms: Vec<&str> = lexicon().of(WordClass::NumberIdiom).collect();
    // Longest first, so 一次性 wins over 一次.
    idioms.sort_by_key(|i| std::cmp::Reverse(i.len()));
    let alternatives: Vec<String> = idioms.iter().map(|i| regex::escape(i)).collect();
    Regex::new(&alternatives.join("|")).expect("idioms are literal")
});

fn idiom_spans(text: &str) -> Vec<(usize, usize)> {
    IDIOMS
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// A Chinese numeral is a quantity with a unit (两名, 一次, 三家), as 百分之N, or as 零 used as a
/// value (事故为零, 零事故). Not: bare (万亿行业), magnitudes alone (X万元), an article (一个平台),
/// or part of a metric's name (一次合格率).
fn chinese_is_quantity(
    numeral: &str,
    unit: Option<&str>,
    text: &str,
    start: usize,
    unit_end: Option<usize>,
) -> bool {
    if numeral.contains("分之") {
        return true;
    }
    // 周一例会, 星期三: a weekday, not a count (每周一次 still counts).
    let weekday = ["一", "二", "三", "四", "五", "六"].contains(&numeral)
        && ["周", "星期", "礼拜"]
            .iter()
            .any(|w| text[..start].ends_with(w))
        && unit != Some("次");
    if weekday {
        return false;
    }
    if numeral.chars().all(is_magnitude_numeral) {
        return false;
    }
    if let Some(unit_end) = unit_end {
        let name: String = text[unit_end..]
            .chars()
            .take_while(|c| crate::syntax::is_cjk(*c))
            .take(5)
            .collect();
        // 一次合格率 names a rate; 六年级 is a grade, not six years.
        if name.contains('率') || unit == Some("年") && name.starts_with('级') {
            return false;
        }
    }
    if numeral == "零" || numeral == "〇" {
        let before = text[..start].chars().next_back();
        return !before.is_some_and(|c| {
            matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
        });
    }
    match unit {
        Some(unit) if numeral == "一" && ARTICLE_CLASSIFIERS.contains(&unit) => {
            after_cadence(&text[..start])
        }
        Some(_) => true,
        None => false,
    }
}

/// Whether a cadence (每月, 每次, 双周) stands earlier in the clause that ends with `before`;
/// 每个, 每位 mean "each", not "every so often".
fn after_cadence(before: &str) -> bool {
    let clause = before
        .rfind(['，', ',', '；', ';', '。'])
        .map_or(before, |at| &before[at..]);
    let periodic = clause.match_indices('每').any(|(at, _)| {
        clause[at + '每'.len_utf8()..].trim_start().starts_with([
            '天', '日', '周', '月', '季', '年', '次', '期', '班', '轮', '学', '半',
        ])
    });
    periodic || clause.contains("双周")
}

/// A public service number (110, 12345, 311) before a word that names its line (110联动,
/// 911 dispatchers, the 311 web portal) or after dialling it (拨打12345); not a count (120余家,
/// 211 new merchants) nor a price ($999).
fn names_a_service_line(text: &str, start: usize, end: usize) -> bool {
    static CHINESE: WordList = word_list!("zh/quantity/service-numbers.txt");
    static CHINESE_WORDS: WordList = word_list!("zh/quantity/service-words.txt");
    static ENGLISH: WordList = word_list!("en/quantity/service-numbers.txt");
    static ENGLISH_WORDS: WordList = word_list!("en/quantity/service-words.txt");
    let (number, before, after) = (&text[start..end], &text[..start], &text[end..]);
    if before.trim_end().ends_with(['$', '€', '¥', '£']) {
        return false;
    }
    let chinese = CHINESE.contains(&number)
        && (CHINESE_WORDS.iter().any(|w| after.starts_with(w)) || before.ends_with("拨打"));
    let dialled = || {
        let lower = before.to_ascii_lowercase();
        lower.ends_with("dial ") || lower.ends_with("call ")
    };
    let names_line = || {
        after.starts_with(' ')
            && after
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .take(2)
                .any(|w| ENGLISH_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let english = ENGLISH.contains(&number) && (names_line() || dialled());
    chinese || english
}

/// A ratio set as a level (师生比1:20, ROI不低于1:3, 投入产出比达到1：4) is one quantity: where it
/// ends, when the numeral at `start..end` opens one. Without a ratio's name before it, a
/// clock time (在9:30前) is none, and `1:1 coaching` is a format.
fn ratio_end(text: &str, start: usize, end: usize) -> Option<usize> {
    const NAMES: [&str; 5] = ["比", "比例", "比率", "ROI", "ratio"];
    const LEVELS: [&str; 9] = [
        "为",
        "达到",
        "于",
        "保持",
        "控制在",
        "保持在",
        "at",
        "at least",
        "of",
    ];
    let mut ratio_end = end;
    while let Some(side) = text[ratio_end..].strip_prefix([':', '：']) {
        let digits = run(side, is_digit);
        if digits == 0 {
            break;
        }
        ratio_end = text.len() - side.len() + digits + decimal_length(&side[digits..]);
    }
    if ratio_end == end {
        return None;
    }
    let lead = text[..start].trim_end();
    // 比8:00提前 compares two times.
    let compares_times = ["提前", "推迟", "延后", "早", "晚"]
        .iter()
        .any(|w| text[ratio_end..].starts_with(w));
    let named = NAMES.iter().any(|n| lead.ends_with(n)) && !compares_times;
    let levelled = LEVELS.iter().any(|l| lead.ends_with(l));
    let second = text[end..ratio_end].trim_start_matches([':', '：']);
    let clock = second.len() == 2 && text[start..end].len() <= 2;
    (named || levelled && !clock).then_some(ratio_end)
}

/// Digits glued to letters are names and codes: 2B, 5G, P0, KR1, v2, #123, ISO 9001; so are numbers
/// that name a line, a version, a generation or a hotline: 3号线, 2026版, 第2代, 12345热线.
fn is_identifier(text: &str, start: usize, end: usize, has_unit: bool) -> bool {
    if !has_unit && names_a_service_line(text, start, end) {
        return true;
    }
    // `the 2026/27 season`, `FY2025/26`: a year across two, named.
    let numeral = &text[start..end];
    let split_year = is_year_digits(numeral)
        && text[end..].strip_prefix('/').is_some_and(|r| {
            r.len() >= 2
                && r.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && !r[2..].starts_with(|c: char| c.is_ascii_digit())
        })
        || numeral.len() == 2
            && text[..start]
                .strip_suffix('/')
                .is_some_and(|b| b.len() >= 4 && is_year_digits(&b[b.len() - 4..]));
    if split_year {
        return true;
    }
    // `24/7`: always, not two numbers.
    if text[start..].starts_with("24/7")
        || text[..start].ends_with("24/") && &text[start..end] == "7"
    {
        return true;
    }
    // …and a hotline's number (12345热线).
    if text[end..].starts_with(['号', '版', '代']) || text[end..].starts_with("热线") {
        return true;
    }
    // `10s of publications`, `100s of users`: a rough count.
    if text[end..].starts_with("s of ") {
        return false;
    }
    // `1:1 coaching`, `7:30`: a format or a clock time, on either side of the colon.
    let clock = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    if text[end..].strip_prefix(':').is_some_and(clock)
        || text[..start]
            .strip_suffix(':')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphabetic() || c == '#') {
        return true;
    }
    // `Part-145`, `COVID-19`: a name (with a capital) joined to its number by a hyphen; not
    // `top-10`.
    let named = text[..start].strip_suffix('-').is_some_and(|b| {
        let name = b
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        name.starts_with(|c: char| c.is_ascii_uppercase())
    });
    if named {
        return true;
    }
    // The English words around the number: `the 2024 level` and `the 2025 annual report` are
    // years naming a thing (`the 2000 remaining tenants` are counted); `the 2.0 release` and
    // `release 4.2` are dotted numbers naming a release (not `2.5 updates`).
    const DATED: [&str; 25] = [
        "level",
        "figure",
        "average",
        "baseline",
        "budget",
        "exam",
        "cohort",
        "class",
        "season",
        "edition",
        "report",
        "plan",
        "survey",
        "review",
        "audit",
        "roadmap",
        "strategy",
        "census",
        "contract",
        "agreement",
        "tender",
        "catalogue",
        "catalog",
        "calendar",
        "schedule",
    ];
    const RELEASES: [&str; 3] = ["release", "version", "update"];
    let is_one_of = |word: &str, words: &[&str]| words.iter().any(|d| word.eq_ignore_ascii_case(d));
    // The next three words as written, punctuation kept: on the stack, as every number in
    // digits passes here.
    let mut following = text[end..].strip_prefix(' ').unwrap_or("").split(' ');
    let raw_after = [following.next(), following.next(), following.next()];
    fn bare(raw: &str) -> &str {
        raw.trim_end_matches(|c: char| !c.is_ascii_alphabetic())
    }
    let first_after = raw_after[0].map(bare);
    let word_before = text[..start]
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next());
    let numeral = &text[start..end];
    let year = is_year_digits(numeral);
    // The dated word ends its noun phrase: `the 2000 survey responses` are counted.
    const PHRASE_ENDS: [&str; 10] = [
        "by", "in", "of", "to", "for", "on", "at", "with", "from", "and",
    ];
    let dated = (0..2).any(|i| {
        raw_after[i].is_some_and(|raw| {
            let word = bare(raw);
            let ends = word.len() < raw.len()
                || raw_after[i + 1].is_none_or(|next| PHRASE_ENDS.contains(&bare(next)));
            is_one_of(word, &DATED) && ends
        })
    });
    // `Update 1.5k listings` and `Release 2.5M in funding` are verbs before a count.
    let release = first_after.is_some_and(|w| is_one_of(w, &RELEASES))
        || !has_unit && word_before.is_some_and(|w| is_one_of(w, &["release", "version"]));
    if year && text[..start].ends_with("the ") && dated || numeral.contains('.') && release {
        return true;
    }
    let after = text[end..].chars().next();
    if !has_unit && after.is_some_and(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    // `ISO 9001`, `iPhone 15`, `Tier 1`: a name and one space, when the name is no metric (NPS
    // 50 is). A lowercase word is prose: `at least 40`, `from 18,000`.
    if !has_unit && before == Some(' ') {
        let word: String = text[..start - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let preceding = text[..start - 1 - word.len()].trim_end();
        // A capital that only opens a sentence (`Ship 2 tests`) is no name; one that opens an
        // aside (`(Phase 3)`) is.
        // Not a word that gives a value: `(Target 5000)`, `(Approx 30 sites)`.
        const VALUED: [&str; 8] = [
            "target",
            "goal",
            "approx",
            "approximately",
            "around",
            "about",
            "total",
            "baseline",
        ];
        let names_aside = !VALUED.iter().any(|v| word.eq_ignore_ascii_case(v));
        let opens_sentence = preceding
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || names_aside && matches!(c, '(' | '（' | '[')));
        let capitals = word.chars().filter(|c| c.is_ascii_uppercase()).count();
        let named = capitals > 1
            || capitals == 1
                && !(opens_sentence && word.starts_with(|c: char| c.is_ascii_uppercase()));
        return named && !lexicon().classes(&word).has(WordClass::Metric);
    }
    false
}

/// The byte ranges of titles (《3-6岁儿童学习与发展指南》, "Learn to Ride in 3 Days"), inside
/// which numbers are part of a name; an unclosed 《 runs to the end. Found once per text, not
/// once per number.
fn title_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    static NAME_HEADS: WordList = word_list!("zh/quantity/name-heads.txt");
    let mut titles = Vec::new();
    for (open, close) in [('《', '》'), ('"', '"'), ('“', '”')] {
        let mut rest = 0;
        while let Some(at) = text[rest..]
            .find(open)
            .map(|at| rest + at + open.len_utf8())
        {
            let end = text[at..].find(close).map(|length| at + length);
            if open == '《' {
                titles.push(at..end.unwrap_or(text.len()));
            } else if let Some(end) = end {
                // Quotation marks hold a title when it opens with a capital, as names do;
                // a quoted phrase (“最多跑一次”, "3 clicks") is no title.
                // `"Top 3"` is a rank to reach, not a name.
                let rank = text[at..end]
                    .strip_prefix("Top ")
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                // A quoted phrase before a noun it names is one too (“1+X”证书); a count
                // quoted for emphasis (签约“10个”项目) is not.
                let rest = text[at..end]
                    .trim_start_matches(|c: char| c.is_ascii_digit() || is_chinese_numeral(c));
                let counted = rest.len() < text[at..end].len()
                    && ARTICLE_CLASSIFIERS
                        .iter()
                        .chain(&["家", "场", "次", "所", "件", "条", "名", "位", "类"])
                        .any(|c| rest == *c);
                let names = !counted
                    && NAME_HEADS
                        .iter()
                        .any(|head| text[end + close.len_utf8()..].starts_with(head));
                if (text[at..].starts_with(|c: char| c.is_ascii_uppercase()) && !rank) || names {
                    titles.push(at..end);
                }
            }
            rest = end.map_or(text.len(), |end| end + close.len_utf8());
        }
    }
    titles
}

/// 2027年 is a date, wherever it stands.
fn is_year(numeral: &str, unit: Option<&str>) -> bool {
    unit == Some("年") && is_year_digits(numeral)
}

/// Four digits that read as a year of this century or the last: 1998, 2026.
fn is_year_digits(numeral: &str) -> bool {
    numeral.len() == 4 && (numeral.starts_with("19") || numeral.starts_with("20"))
}

/// 第一, 第3代 are ordinals; 近两年, 过去3年 describe the means, not a target; 每一次 is "every
/// time", but 每两周 and 每2小时 count the periods between events.
fn is_ordinal_or_means_span(text: &str, start: usize, numeral: &str, unit: Unit) -> bool {
    let before = &text[..start];
    let interval = unit == Unit::Duration && numeral != "一";
    before.ends_with('第')
        || ["近", "过去", "最近"].iter().any(|w| before.ends_with(w))
        || before.ends_with('每') && !interval
}

fn classify_unit(unit: Option<&str>, numeral: &str) -> Unit {
    if numeral.contains("分之") {
        return Unit::Percent;
    }
    match unit {
        Some("%" | "％" | "‰" | "个百分点" | "百分点" | "pp" | "bp" | "bps") => {
            Unit::Percent
        }
        Some("倍" | "番" | "一半" | "半" | "成" | "x" | "×") => Unit::Multiple,
        Some(u) if u.ends_with('元') || u.starts_with('块') || u.starts_with("美") => {
            Unit::Money
        }
        Some(u)
            if [
                "工作日",
                "自然日",
                "小时",
                "分钟",
                "毫秒",
                "秒",
                "ms",
                "个月",
                "天",
                "周",
                "年",
            ]
            .iter()
            .any(|d| u.ends_with(d)) =>
        {
            Unit::Duration
        }
        Some(u) if LATIN_DURATIONS.contains(&u) => Unit::Duration,
        Some("分" | "分值") => Unit::Score,
        Some(_) => Unit::Count,
        None => Unit::Plain,
    }
}

/// A numeral in digits, full-width or not, with its separators left out (1,200 → 1200).
/// Written into a buffer on the stack: nearly every key result has a number in it.
fn parse_digits(numeral: &str) -> Option<f64> {
    let mut digits = [0u8; 64];
    let mut length = 0;
    for c in numeral.chars().map(fold_width) {
        let c = if c == '．' { '.' } else { c };
        if c == ',' || c == '，' {
            continue;
        }
        // Anything but ASCII is no part of a number; longer numerals are no amounts.
        if !c.is_ascii() || length == digits.len() {
            return None;
        }
        digits[length] = c as u8;
        length += 1;
    }
    std::str::from_utf8(&digits[..length]).ok()?.parse().ok()
}

fn value_of(numeral: &str, magnitude: Option<&str>) -> Option<f64> {
    let base = if numeral
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        if numeral.contains(['-', '~', '～', '–']) {
            return None;
        }
        parse_digits(numeral)?
    } else {
        let (scale, digits) = match numeral.split_once("分之") {
            Some((per, digits)) => (chinese_value(per)?, digits),
            None => (1.0, numeral),
        };
        let value = chinese_value(digits)?;
        if scale > 1.0 {
            value / scale * 100.0
        } else {
            value
        }
    };
    let factor = magnitude.map_or(1.0, |m| {
        m.chars()
            .map(|c| match c {
                '万' | 'w' | 'W' => 1e4,
                '亿' => 1e8,
                '千' | 'k' | 'K' => 1e3,
                '百' => 1e2,
                'M' => 1e6,
                _ => 1.0,
            })
            .product()
    });
    Some(base * factor)
}

/// The value of a Chinese numeral such as 三, 十二, 两百, 三千五百万.
fn chinese_value(numeral: &str) -> Option<f64> {
    if numeral == "半" {
        return Some(0.5);
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as f64)
            .or((c == '两').then_some(2.0))
            .or((c == '〇').then_some(0.0))
    };
    let mut total = 0.0;
    let mut section = 0.0;
    let mut pending: Option<f64> = None;
    for c in numeral.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 1e4,
            '亿' => 1e8,
            _ => return None,
        };
        if unit >= 1e4 {
            total = (total + section + pending.take().unwrap_or(0.0)) * unit;
            section = 0.0;
        } else {
            section += pending.take().unwrap_or(1.0) * unit;
        }
    }
    Some(total + section + pending.unwrap_or(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_are_read_whole() {
        fn read(text: &str) -> Vec<&str> {
            numerals(text).map(|(s, e)| &text[s..e]).collect()
        }
        assert_eq!(
            read("百分之三十，千分之五点五，百分比"),
            ["百分之三十", "千分之五点五", "百"]
        );
        assert_eq!(
            read("1,234,5678 和 1，234．5"),
            ["1,234,567", "8", "1，234．5"]
        );
        assert_eq!(
            read("3 - 5% 与 2.5-3.75倍，7–9人"),
            ["3 - 5", "2.5-3.75", "7–9"]
        );
        assert_eq!(read("3.，5-，一千二百万"), ["3", "5", "一千二百万"]);
        assert_eq!(read("１，２３４，５６７"), ["１，２３４，５６７"]);
    }

    #[test]
    fn one_of_a_thing_is_an_article_unless_a_cadence_counts_it() {
        assert!(quantities("更换一批老化的消防器材").is_empty());
        assert!(quantities("编写一份应急预案").is_empty());
        assert_eq!(quantities("每季度提交一份安全评估"), ["一份"]);
        assert_eq!(quantities("双周发布一个迭代版本"), ["一个"]);
        // 每位 is "each", no cadence.
        assert!(quantities("为每位员工建立一份成长档案").is_empty());
    }

    #[test]
    fn numbers_in_titles_and_asides_that_name_things_are_no_quantities() {
        assert!(quantities("Finish the data center move (Stage 2) by May").is_empty());
        assert!(quantities("Run the \"Learn to Surf in 2 Days\" campaign in April").is_empty());
        assert!(quantities("Launch “Summer of 5K” before June").is_empty());
        // A quoted phrase is no title: "3 clicks" still counts, and so do a rank and a value
        // in an aside.
        assert_eq!(quantities("Reach \"Top 3\" in the category"), ["3"]);
        assert!(quantities("Publish the \"Top 100 Employers\" report").is_empty());
        assert_eq!(quantities("Hit 40 signups (Target 5000)"), ["40", "5000"]);
        assert_eq!(quantities("Cut checkout to \"3 clicks\""), ["3"]);
    }

    fn quantities(text: &str) -> Vec<&str> {
        use super::super::time::{self, TimeKind};
        let time: Vec<Span> = time::find(text, 0)
            .iter()
            .filter(|t| t.kind != TimeKind::Window)
            .map(|t| t.span)
            .collect();
        find(text, 0, &time)
            .iter()
            .map(|q| &text[q.span.range()])
            .collect()
    }

    #[test]
    fn numbers_with_their_units() {
        assert_eq!(quantities("坏账率由30bp压降至20bps"), ["30bp", "20bps"]);
        assert_eq!(quantities("实现产品标准成本比去年降低10%。"), ["10%"]);
        assert_eq!(
            quantities("拜访至少10家机构,至少与3家机构建立研发合作关系"),
            ["10家", "3家"]
        );
        assert_eq!(quantities("月营收达到1,200万元"), ["1,200万元"]);
        assert_eq!(quantities("可用性达到99.95%"), ["99.95%"]);
        assert_eq!(quantities("满意度达到８５分"), ["８５分"]);
        assert_eq!(quantities("新增两名工程师，组织一次分享"), ["两名", "一次"]);
        assert_eq!(quantities("投诉率降低百分之二十"), ["百分之二十"]);
        assert_eq!(quantities("差评率低于千分之三"), ["千分之三"]);
        assert_eq!(quantities("差评数量较去年下降五成"), ["五成"]);
        assert_eq!(quantities("转化率提升10-20%"), ["10-20%"]);
        assert_eq!(quantities("供应能力提高2倍"), ["2倍"]);
        assert_eq!(quantities("重伤事故为零"), ["零"]);
        assert_eq!(quantities("通知时长缩短至半天以内"), ["半天"]);
        assert_eq!(quantities("半小时内响应"), ["半小时"]);
        assert_eq!(quantities("Migrate the 2000 remaining tenants"), ["2000"]);
        assert_eq!(
            quantities("Collect the 2000 survey responses by June"),
            ["2000"]
        );
        assert_eq!(quantities("Update 1.5k product listings"), ["1.5k"]);
        assert_eq!(quantities("Cut waste by 500kgs per month"), ["500kg"]);
        assert_eq!(
            quantities("Cold start p90 down to 1.5s (was 2.9s)"),
            ["1.5s", "2.9s"]
        );
        assert_eq!(quantities("24h内响应，延迟低于200ms"), ["24h", "200ms"]);
        assert!(quantities("扩建5sites").is_empty());
        assert_eq!(
            quantities("确保客户反馈在1个工作日内得到解决"),
            ["1个工作日"]
        );
        assert_eq!(quantities("NPS 50"), ["50"]);
        assert_eq!(quantities("Win at least 40 mid-market logos"), ["40"]);
        assert_eq!(quantities("Ship 2 A/B tests every sprint"), ["2"]);
        assert_eq!(quantities("Grow pipeline to 4x quota"), ["4x"]);
        assert_eq!(quantities("Land ¥1.2B in contracts"), ["1.2B"]);
        assert_eq!(
            quantities("Serve nine thousand households"),
            ["nine thousand"]
        );
        assert_eq!(
            quantities("Double the upgrades, hire forty nurses"),
            ["Double", "forty"]
        );
        assert_eq!(quantities("Cut support threads in half"), ["in half"]);
        assert!(quantities("Weekly 1:1 coaching for every agent").is_empty());
        assert_eq!(quantities("Earn coverage in 10s of publications"), ["10"]);
        assert_eq!(
            quantities("Grow users from 18,000 to 25,000"),
            ["18,000", "25,000"]
        );
    }

    #[test]
    fn what_is_not_a_quantity() {
        for text in [
            "云及AI 2B业务至少在X个万亿行业成为第一",
            "实施“产品进入千家万户”战略",
            "通过近两年全球学术论文研究",
            "3月底前，设计并实施新政策",
            "通过ISO 9001监督审核",
            "降低P0故障",
            "5G网络建设",
            "推出第二代平台",
            "建立一个统一的一站式平台",
            "上半年完成系统上线",
            "Pass the Part-66 audit",
            "Rejections below the 2024 level",
            "完成二次供水泵房改造",
            "一至六年级家长学校",
            "推行5s现场管理",
            "Grow share among buyers in their 30s",
            "Ship before the 2.0 release",
            "Drop iOS 15 in release 4.2",
            "Publish the 2025 transparency report",
            "Survey the 1920s textile store",
            "Publish the 2025 annual report by May",
            "半数门店完成改造",
            "首次设计错误率",
            "制定2027年大宗原材料套期保值方案",
            "尽快改善焊接工序的一次合格率",
            "采购降本金额达到【待定】万元",
            "完成3号线防错装置改造",
            "发布《员工合规手册》2026版",
            "完成《3-6岁儿童学习与发展指南》培训",
            "Close issue #123",
            "Reach Tier 1 status",
            "Migrate to Windows 11",
            "Make this one of the best teams",
        ] {
            assert!(
                quantities(text).iter().all(|q| q.is_empty()),
                "{text}: {:?}",
                quantities(text)
            );
        }
        assert_eq!(quantities("首次设计错误率控制在5%"), ["5%"]);
    }

    #[test]
    fn values_apply_their_magnitude() {
        let q = find("收入50万元", 0, &[]);
        assert_eq!(q[0].value, Some(500_000.0));
        assert_eq!(q[0].unit, Unit::Money);
        assert_eq!(chinese_value("三千五百万"), Some(35_000_000.0));
        assert_eq!(chinese_value("十二"), Some(12.0));
    }

    #[test]
    fn a_quoted_phrase_before_the_noun_it_names_is_a_name() {
        assert!(quantities("“十四五”规划重点任务按期完成").is_empty());
        assert!(quantities("推进“1+X”证书试点").is_empty());
        assert_eq!(quantities("“最多跑一次”改革事项占比达到90%"), ["90%"]);
        // Before anything else a quoted phrase keeps its numbers, and a count quoted for
        // emphasis is still one.
        assert_eq!(quantities("实现“3分钟”响应"), ["3分钟"]);
        assert_eq!(quantities("签约“10个”项目"), ["10个"]);
        assert!(quantities("打造“五星”品牌服务网点").is_empty());
    }

    #[test]
    fn once_counts_when_bounded_or_per_period() {
        assert_eq!(
            quantities("Visit every site at least once before May"),
            ["once"]
        );
        assert_eq!(quantities("Once the app ships, cut calls by 20%"), ["20%"]);
        assert!(quantities("Retire the old DB once every customer is migrated").is_empty());
    }

    #[test]
    fn weekdays_and_hotlines_are_no_quantities() {
        assert!(quantities("每周整理周报并在周一晨会上通报").is_empty());
        assert!(quantities("星期三下午开放参观").is_empty());
        assert!(quantities("12345热线接通率提升").is_empty());
        // A count per week still counts.
        assert_eq!(quantities("每周一次安全巡查"), ["一次"]);
    }

    #[test]
    fn service_numbers_before_a_word_are_names() {
        assert!(quantities("完善119消防与120急救的联动机制").is_empty());
        assert!(quantities("引导群众拨打12315投诉").is_empty());
        assert!(quantities("Staff the 911 dispatch desk around the clock").is_empty());
        assert!(quantities("Publish the 311 service guide").is_empty());
        // With a unit, or alone, the same digits count.
        assert_eq!(quantities("新建120个社区服务站"), ["120个"]);
        assert_eq!(quantities("累计巡查达到110次"), ["110次"]);
        assert_eq!(quantities("Grow members to 311"), ["311"]);
        // A number on the English list is no name in Chinese, nor the other way round.
        assert_eq!(quantities("新增911户签约家庭"), ["911户"]);
        assert_eq!(quantities("Ship 120 crates"), ["120"]);
        // Only before a word that names the line: a rough count or a price is a number.
        assert_eq!(quantities("走访120余家重点企业"), ["120"]);
        assert_eq!(quantities("改造老旧小区120栋"), ["120"]);
        assert_eq!(quantities("Onboard 211 new merchants"), ["211"]);
        assert_eq!(quantities("Launch a $999 starter bundle"), ["999"]);
    }

    #[test]
    fn a_ratio_set_as_a_level_is_one_quantity() {
        assert_eq!(quantities("生师比控制在18:1以内"), ["18:1"]);
        assert_eq!(quantities("配比调整为3：2"), ["3：2"]);
        assert_eq!(quantities("投资回报不低于1:4"), ["1:4"]);
        assert_eq!(quantities("Hold the staffing ratio at 1:6"), ["1:6"]);
        // A clock time, and a format with no ratio named, are no quantity.
        assert!(quantities("门诊不晚于8:30开诊").is_empty());
        assert!(quantities("Offer 1:1 mentoring to new hires").is_empty());
        // 比 before a clock time compares times.
        assert!(quantities("首班车发车时间比7:00提前").is_empty());
    }

    #[test]
    fn a_year_before_what_it_dates_and_always_are_no_quantities() {
        assert!(quantities("Sign the 2028 supply agreement by June").is_empty());
        assert!(quantities("Answer the help line 24/7").is_empty());
        assert_eq!(quantities("Renew 2028 contracts by June"), ["2028"]);
        assert!(quantities("Announce the 2027/28 season by May").is_empty());
        assert!(quantities("Share the 2027 exhibition calendar by May").is_empty());
        assert_eq!(quantities("Visit every branch once per semester"), ["once"]);
    }
}
