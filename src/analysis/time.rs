//! Time frames in an item's own text: deadlines and dates, periods, cadences, and windows set
//! for each event. Not time frames: a duration that is the measured value (响应时间控制在1小时内),
//! a metric's window (月用户流量, 月度满意度) or a baseline (比去年).

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{WordClass, lexicon};
use super::quantity::LATIN_DURATIONS;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeKind {
    /// By when: 3月底前, 2026年底, 第一季度末.
    Deadline,
    /// Which period: Q1, 上半年, 本季度, 2026年.
    Period,
    /// How often: 每周, 每季度, 双周.
    Cadence,
    /// Within how long for each event: 在1个工作日内得到解决.
    Window,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeFrame {
    pub span: Span,
    pub kind: TimeKind,
}

const NUM: &str = r"(?:[0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3})";

/// Events whose date everyone on the team knows.
const EVENTS: &str = r"(?:大促|双十一|双11|618|春节|国庆|节前|开学|期中|期末|到期|续约|开业|旺季|年会|结账|开始|开幕|结束|春耕|春播|夏收|秋收|汛期|入汛|雨季|供暖季|国庆节|中秋节?|元旦|五一|端午节?|清明节?)";

/// Each pattern with the cues it cannot match without: one character of each group (see
/// [`cue_mask`]). A text that lacks a group skips the pattern.
static PATTERNS: LazyLock<Vec<(TimeKind, Vec<u64>, Regex)>> = LazyLock::new(|| {
    let n = NUM;
    // A span of time may be half a unit (半小时内); a month or a count may not.
    let span = format!("(?:{NUM}|半)");
    let units = r"(?:个?工作日|个?自然日|个?小时|分钟|天|日|周|个月)";
    let edge = r"(?:底|末|初|中旬|上旬|下旬|结束)?\s*(?:前|之前|以前|内|截止|为止)?";
    let quarter = r"(?:第?[一二三四1-4]季度|[Qq][1-4])";
    let half = r"(?:[上下]半年|[Hh][12])";
    let year = r"(?:19|20)[0-9]{2}\s*(?:年|财年)";
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    // `09/30`, `9/30/2026`; not `1/3`, which reads as a fraction.
    let slash_date = r"(?:(?:0[1-9]|1[0-2])/[0-3][0-9]|[1-9]/(?:1[3-9]|2[0-9]|3[01]))(?:/(?:[0-9]{2}){1,2})?|[1-9]/[0-9]{1,2}/(?:[0-9]{2}){1,2}";
    let date = format!(
        r"(?:{month}\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:\s+[0-9]{{4}})?|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|{slash_date}|{month}(?:\s+[0-9]{{4}})?|(?:19|20)[0-9]{{2}})"
    );
    let period = r"(?:Q[1-4](?:\s+[0-9]{4})?|H[12](?:\s+[0-9]{4})?|FY\s?[0-9]{2,4}(?:-?Q[1-4])?|EO[QYM]|(?:year|quarter|month|season|term|semester|sprint)[- ]end)";
    let span_word = r"(?:quarter|year|month|half|sprint|semester|term|week|fy|fiscal\s+year)";
    let count = r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)";
    let event = r"(?:release|launch|kickoff|championship|tournament|surge|holidays?|renewal|audit|conference|season|semester|term|board\s+meeting|spring|summer|fall|autumn|winter|deadline|cutover|go-live|service\s+change|practice|election|primary|harvest|planting)";
    // Days everyone knows the date of, named without an article.
    let named_day = r"(?:(?:peak|holiday)\s+season|black\s+friday|cyber\s+monday|christmas|thanksgiving|new\s+year(?:'s)?(?:\s+day)?)";
    let clock = r"(?:[0-9]{1,2}(?::[0-9]{2})?\s?[ap]\.?m\.?)";
    let english: [(TimeKind, Needs, String); 6] = [
        (
            TimeKind::Deadline,
            &[&['a']],
            format!(
                r"(?i-u:\b(?:by|before|until|through|no\s+later\s+than|ahead\s+of|starting(?:\s+in)?|due|on)\s+(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:{month}|{period}|{span_word}|(?:19|20)[0-9]{{2}})|{date}|{period}|{named_day}|{clock}|(?:the|first|next)\s+(?:[A-Za-z0-9.-]+\s+){{0,2}}{event}|the\s+(?:agreed\s+)?{date}\s+(?:deadline|date|cut-?off|close|shutdown))\b)"
            ),
        ),
        // A scheduled run the reader knows the date of (before the October payroll run), or a
        // numbered week as a due date (no later than week 40; `through week 24` is a window).
        (
            TimeKind::Deadline,
            &[&['a']],
            // …or each one's own date (before their certificate lapses, before its expiry date),
            // or a day everyone on the team knows (two weeks before race day, ahead of opening
            // night).
            format!(
                r"(?i-u:\b(?:by|before|ahead\s+of)\s+the\s+(?:[A-Za-z0-9.-]+\s+){{1,2}}(?:run|cycle)\b|\b(?:by|before|no\s+later\s+than)\s+week\s+[0-9]{{1,2}}\b|\b(?:by|before)\s+(?:the|their|its|each)\s+(?:[a-z-]+\s+){{0,2}}(?:expiry|expiration|due)\s+dates?\b|\bbefore\s+(?:their|its|the)\s+(?:[a-z-]+\s+){{0,2}}(?:expires|expire|lapses|lapse)\b|\bbefore\s+(?:they|it)\s+(?:expires?|lapses?)\b|\bbefore\s+(?:its\s+|their\s+)?expiry\b|\b(?:{count}\s+(?:days?|weeks?|months?)\s+)?(?:before|ahead\s+of|prior\s+to)\s+[a-z-]+\s+(?:day|night)\b|\b(?:before|ahead\s+of|by)\s+(?:arrival|registration|opening|graduation|check-in|move-in|departure)\b|\b(?:before|by)\s+the\s+doors\s+open\b|\b(?:before|by|ahead\s+of)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:shutdown|freeze)\b)"
            ),
        ),
        (
            TimeKind::Cadence,
            &[&['a']],
            format!(
                r"(?i-u:\b(?:every|each|per)\s+(?:(?:other|{count})\s+)?(?:business\s+|school\s+|working\s+|calendar\s+)?(?:hour|day|night|morning|evening|weekend|week|fortnight|month|quarter|year|season|sprint|semester|term|shift|weekday|grading\s+period|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b(?:hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|quarterly|annually|yearly|twice-yearly)\b|\b(?:once|twice|{count}\s+times)\s+(?:(?:a|per)\s+(?:day|week|month|quarter|year)|daily|weekly|monthly|quarterly|yearly)\b|\ba\s+(?:day|week|fortnight|month|quarter|year)\b)"
            ),
        ),
        // A named month (in November, during early March) is the period of the work.
        (
            TimeKind::Period,
            &[&['a']],
            format!(
                r"(?i-u:\b(?:this|next)\s+(?:quarter|half|year|month|semester|term|sprint|fiscal\s+year)\b|\b(?:in|during|throughout)\s+(?:early\s+|mid-|late\s+)?(?-i:{month})\b)"
            ),
        ),
        // Before or after each event (48 hours before every appointment): a window per event.
        (
            TimeKind::Window,
            &[&['a']],
            r"(?i-u:\b(?:before|after|ahead\s+of)\s+(?:every|each)\s+[a-z]+)".to_owned(),
        ),
        (
            TimeKind::Window,
            &[&['a']],
            format!(
                r"(?i-u:\bwithin\s+(?:(?:their|its|his|her)\s+(?:first\s+)?)?(?:{count}\s+(?:business\s+|school\s+|working\s+|calendar\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)|(?:the|its|their|a)\s+{count}-(?:business-|working-|calendar-)?(?:minute|hour|day|week|month)\s+(?:[a-z]+\s+)?(?:window|limit|deadline|period))\b)"
            ),
        ),
    ];
    let mut patterns: Vec<(TimeKind, Needs, String)> = english.into();
    let chinese: [(TimeKind, Needs, String); 12] = [
        (
            TimeKind::Window,
            &[&['内'], NUMERALS],
            // T+1日内: one day after the event, in the notation of settlements.
            format!(r"(?:在\s*)?(?:[Tt]\s*\+\s*)?{span}\s*{units}\s*(?:之内|以内|内)"),
        ),
        (
            TimeKind::Window,
            &[&['内', '当']],
            r"(?:首|第一)(?:周|月|个月|天|日)\s*(?:之内|以内|内)|当[日天场]".to_owned(),
        ),
        (
            TimeKind::Deadline,
            &[&['月'], NUMERALS],
            format!(r"(?:{year}\s*)?{n}\s*月\s*(?:{n}\s*[日号])?\s*{edge}"),
        ),
        (
            TimeKind::Deadline,
            &[&['前'], &['0']],
            r"(?:[0-9]{1,2}\s*[点时日号]|[0-9]{1,2}[:：][0-9]{2})\s*(?:前|之前|以前)".to_owned(),
        ),
        (
            TimeKind::Deadline,
            &[&['前']],
            r"(?:上线|发布|交付|验收|投产)\s*(?:前|之前|以前)".to_owned(),
        ),
        (
            TimeKind::Deadline,
            &[&['年'], &['0']],
            format!(
                r"{year}\s*(?:底|末|初|年底|年末|年中|{half}|{quarter}|全年)?\s*(?:前|之前|以前|内)?"
            ),
        ),
        (
            TimeKind::Deadline,
            &[&['F', 'f'], &['0']],
            format!(r"(?i:FY)\s?[0-9]{{2,4}}(?:\s*[-–]?\s*(?:{quarter}|{half}))?"),
        ),
        (
            TimeKind::Deadline,
            &[&['前', '底', '末', '结'], &['季', 'Q', 'q', 'H', 'h', '半']],
            format!(
                r"(?:{quarter}|{half})\s*(?:底|末|结束)\s*(?:前|之前|以前)?|(?:{quarter}|{half})\s*(?:前|之前|以前)"
            ),
        ),
        (
            TimeKind::Deadline,
            &[&['底', '末', '中'], &['年', '月', '季', '周']],
            // 周末 alone is the weekend; 周末前 is a date.
            r"(?:年|月|季度?)(?:底|末)\s*(?:前|之前|以前)?|周(?:底|末)\s*(?:前|之前|以前)|年中"
                .to_owned(),
        ),
        // Before or after an event the reader knows the date of, for each event: 大促前,
        // 开学后第三周前, 到期前90天 (whose 90天 is a lead time, a quantity).
        (
            TimeKind::Window,
            &[&['前', '后']],
            format!(r"{EVENTS}\s*(?:前|后)\s*(?:第?{span}\s*{units})?\s*(?:前|之前|以前|内)?"),
        ),
        (
            TimeKind::Period,
            &[&['季', '年', '月', '周', '学', '半', 'Q', 'q', 'H', 'h']],
            format!(
                r"(?:本|今|当|下)\s*(?:季度|年度?|月|周|半年|学期)\s*(?:内|末|底)?|{quarter}|{half}|年度内|年内|季度内|月内|学期内"
            ),
        ),
        (
            TimeKind::Cadence,
            &[&['每', '双', '隔', '按', '逐']],
            format!(
                r"每\s*{n}\s*分钟|每\s*(?:个)?\s*(?:{n}\s*个?)?\s*(?:工作日|自然日|天|日|周|星期|半个?月|月|季度|季|半年|年|学期|双周|两周|小时|班|轮|迭代|[Ss]print)|双周|隔周|按(?:日|周|月|季度?|年)|逐(?:日|周|月)"
            ),
        ),
    ];
    patterns.extend(chinese);
    patterns
        .into_iter()
        .map(|(kind, needs, pattern)| {
            (
                kind,
                needs
                    .iter()
                    .map(|group| cue_mask(group.iter().copied()))
                    .collect(),
                Regex::new(&pattern).expect("valid time pattern"),
            )
        })
        .collect()
});

/// What a pattern needs: a group of cue characters, one of which must occur, for each group.
type Needs = &'static [&'static [char]];

/// Numerals, Arabic (as `0`) or Chinese, and the 半 of 半小时, as one group of cues.
const NUMERALS: &[char] = &['0', '一', '半'];

/// Which cue characters occur, as a bit set: one pass over a text instead of one per pattern.
/// The cues are the characters time phrases hinge on, one bit each.
fn cue_mask(chars: impl Iterator<Item = char>) -> u64 {
    chars
        // Below U+3000 only Latin letters and digits are cues.
        .filter(|c| c.is_ascii_alphanumeric() || *c >= '\u{3000}')
        .filter_map(cue_bit)
        .fold(0, |mask, bit| mask | 1 << bit)
}

fn cue_bit(c: char) -> Option<u64> {
    Some(match c {
        '内' => 0,
        '当' => 1,
        '月' => 2,
        '前' => 3,
        '年' => 4,
        'F' => 5,
        'f' => 6,
        '底' => 7,
        '末' => 8,
        '结' => 9,
        '中' => 10,
        '后' => 11,
        '季' => 12,
        '周' => 13,
        '学' => 14,
        '半' => 15,
        'Q' => 16,
        'q' => 17,
        'H' => 18,
        'h' => 19,
        '每' => 20,
        '双' => 21,
        '隔' => 22,
        '按' => 23,
        '逐' => 24,
        // Any other lowercase Latin letter: the English patterns' cue. Chinese text brings
        // capitals (KPI, Q1, DAU) but seldom English prose.
        'a'..='z' => 25,
        // Any digit, Arabic or full-width, is one cue; so is any Chinese numeral.
        '0'..='9' | '０'..='９' => 26,
        '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => 27,
        _ => return None,
    })
}

/// Words before a time phrase that make it a baseline (比去年, 较2025年).
const BASELINE_LEADS: [&str; 6] = ["比", "较", "同比", "相比", "对比", "与"];

/// What [`read`] finds in a text.
#[derive(Debug, Default)]
pub struct Reading {
    pub frames: Vec<TimeFrame>,
    /// Dates that are no time frame of the item: a baseline's (较3月末), or a named period's
    /// restated (双十一期间（11月1日-11日）). Their numerals are no quantities either.
    pub other_dates: Vec<Span>,
}

/// Finds the time frames of `text`, which starts at byte `base` of its source.
pub fn find(text: &str, base: usize) -> Vec<TimeFrame> {
    read(text, base).frames
}

/// The time frames of `text`, which starts at byte `base` of its source, and the dates in it
/// that are none.
pub fn read(text: &str, base: usize) -> Reading {
    let mut reading = Reading::default();
    // Phrases read as something else (a baseline: 较3月末) keep later patterns off them too.
    let mut blocked: Vec<(usize, usize)> = Vec::new();
    let cues = cue_mask(text.chars());
    for (kind, needs, pattern) in PATTERNS.iter() {
        if needs.iter().any(|group| cues & group == 0) {
            continue;
        }
        for m in pattern.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let overlaps = |s: usize, e: usize| s < end && start < e;
            if reading
                .frames
                .iter()
                .any(|f| overlaps(f.span.start - base, f.span.end - base))
                || blocked.iter().any(|&(s, e)| overlaps(s, e))
            {
                continue;
            }
            let is_date = matches!(kind, TimeKind::Deadline | TimeKind::Period);
            if is_baseline(text, start, end) {
                let end = end + year_after(&text[end..]);
                blocked.push((start, end));
                if is_date {
                    reading
                        .other_dates
                        .push(Span::new(base + start, base + end));
                }
                continue;
            }
            if !ascii_clean(text, start, end) {
                continue;
            }
            if let Some((s, e)) =
                restated_named_period(text, start, end).filter(|_| *kind == TimeKind::Deadline)
            {
                blocked.push((s, e));
                reading.other_dates.push(Span::new(base + s, base + e));
                continue;
            }
            if !counts(*kind, text, start, end) {
                // A window that defines a metric (6个月内的售罄率) holds no period either.
                if *kind == TimeKind::Window {
                    blocked.push((start, end));
                }
                continue;
            }
            reading.frames.push(TimeFrame {
                span: Span::new(base + start, base + end),
                kind: *kind,
            });
        }
    }
    reading.frames.sort_by_key(|f| f.span.start);
    reading
}

/// Whether `before` ends with a rate's name: a window after it defines the rate (`callback
/// rate within 30 days`); `$2M in pipeline within 60 days` is still a window on the work.
fn after_rate(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    ["rate", "rates", "ratio", "percentage"]
        .iter()
        .any(|r| word.eq_ignore_ascii_case(r))
}

/// Whether a verb of change opens `before` (`Reduce the defect rate within 3 months`): then
/// the window bounds the change, not the rate.
fn changes_rate(before: &str) -> bool {
    const CHANGES: [&str; 10] = [
        "reduce", "cut", "lift", "raise", "improve", "increase", "lower", "grow", "boost", "halve",
    ];
    let first = before.split_whitespace().next().unwrap_or("");
    CHANGES.iter().any(|c| first.eq_ignore_ascii_case(c))
}

/// Dates in parentheses after a named period (双十一期间（11月1日-11日）, 暑期档（7-8月）)
/// restate the period a metric is counted over: the span of the date range, when the date at
/// `start..end` of `text` stands in one.
fn restated_named_period(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = &text[..start];
    let open = before.rfind(['（', '('])?;
    let close = text[start..].find(['）', ')']).map(|at| start + at)?;
    // A span, not a date to meet (建档（6月30日前）); after a period's name, not a word that
    // ends like one (建档, 归档, 夏季).
    let inside = &text[open..close];
    let span = inside.contains(['-', '–', '—', '~', '至']) && !inside.contains('前');
    let named = before[..open].trim_end();
    let restates = span
        && !before[open..].contains(['）', ')'])
        && (named.ends_with("期间")
            || ["期档", "节档", "假档", "季档"]
                .iter()
                .any(|n| named.ends_with(n)));
    restates.then(|| date_range(text, start, end))
}

/// The date at `start..end` of `text` with the other end of its range (11月1日-11日, 7-8月),
/// and nothing else beside it.
fn date_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    const DASHES: [char; 6] = ['-', '–', '—', '~', '至', '到'];
    let is_date = |c: char| c.is_ascii_digit() || matches!(c, '月' | '日' | '号');
    let mut range = (start, end);
    // `7-` before `8月`: the date's run back to the dash, then the run before it.
    if let Some(before_dash) = text[..start].trim_end().strip_suffix(DASHES) {
        let before_dash = before_dash.trim_end();
        let run_start = before_dash.trim_end_matches(is_date).len();
        if run_start < before_dash.len() {
            range.0 = run_start;
        }
    }
    // `-11日` after `11月1日`.
    if let Some(after_dash) = text[end..].trim_start().strip_prefix(DASHES) {
        let after_dash = after_dash.trim_start();
        let run = after_dash.len() - after_dash.trim_start_matches(is_date).len();
        if run > 0 {
            range.1 = text.len() - after_dash.len() + run;
        }
    }
    range
}

/// A season before a noun, on or in it, names a thing, not a time: `on the spring
/// diagnostic`; `by the spring benchmark` is still a date.
fn names_a_season_thing(phrase: &str, after: &str) -> bool {
    const SEASONS: [&str; 5] = ["spring", "summer", "fall", "autumn", "winter"];
    const JOINS: [&str; 12] = [
        "and", "or", "so", "to", "with", "for", "in", "at", "on", "of", "across", "through",
    ];
    let last = phrase.rsplit(' ').next().unwrap_or("");
    let next = after.strip_prefix(' ').map(|a| {
        a.split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
    });
    let on = phrase
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("on "));
    on && SEASONS.iter().any(|s| last.eq_ignore_ascii_case(s))
        && next
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_lowercase()) && !JOINS.contains(&n))
}

/// Whether a phrase ends in a day of a named month: `by June 30`, `before Sept. 1`.
fn after_month(phrase: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut words = phrase.split_whitespace().rev();
    words.next();
    words.next().is_some_and(|month| {
        let month = month.to_ascii_lowercase();
        MONTHS.iter().any(|m| month.starts_with(m))
    })
}

/// `Q1` in `Q1目标` is a period; in `SQ12` it is not.
fn ascii_clean(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let found = &text[start..end];
    (!alnum(found.chars().next()) || !alnum(text[..start].chars().next_back()))
        && (!alnum(found.chars().next_back()) || !alnum(text[end..].chars().next()))
}

/// The same in English, as whole words: `vs Q2`, `over H1 2025`, `than last year`.
const ENGLISH_BASELINE_LEADS: [&str; 10] = [
    "vs",
    "vs.",
    "versus",
    "over",
    "than",
    "from",
    "compared with",
    "compared to",
    "relative to",
    "against",
];

/// Whether the phrase at `start..end` of `text` is a baseline's period: after a comparison's
/// lead (比去年, 较3月末, `vs Q2`), or after a starting value and `in` (see [`value_in`]).
fn is_baseline(text: &str, start: usize, end: usize) -> bool {
    if value_in(text, start, end) {
        return true;
    }
    let before = text[..start].trim_end();
    // `vs. H2 FY26`: the year of a compared period is the comparison's too.
    let before = before
        .rsplit_once(' ')
        .filter(|(rest, last)| {
            let last = last.as_bytes();
            let compared = rest
                .rsplit(' ')
                .next()
                .is_some_and(|lead| COMPARES.iter().any(|v| lead.eq_ignore_ascii_case(v)));
            compared
                && last.len() == 2
                && matches!(last[0], b'Q' | b'H' | b'q' | b'h')
                && last[1].is_ascii_digit()
        })
        .map_or(before, |(rest, _)| rest.trim_end());
    // 较去年末, 比上年底: the time is the reference's own.
    let reference = before
        .strip_suffix('去')
        .or_else(|| before.strip_suffix('上'))
        .unwrap_or(before);
    BASELINE_LEADS.iter().any(|lead| reference.ends_with(lead))
        || ENGLISH_BASELINE_LEADS.iter().any(|lead| {
            let at = before.len().saturating_sub(lead.len());
            before
                .get(at..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(lead))
                && !before[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
        })
}

/// Checks that depend on the phrase's surroundings.
fn counts(kind: TimeKind, text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start();
    let next = after.chars().next();
    // T+1日内 is Chinese, though it opens with a letter.
    let english = text[start..].starts_with(|c: char| c.is_ascii_alphabetic())
        && !text[start..end].contains(crate::syntax::is_cjk);
    match kind {
        // `within 2 days of each report` and `within 60 days` both bound each event.
        // …but a window after a rate defines the rate (`callback rate within 30 days`).
        TimeKind::Window if english => !after_rate(&text[..start]) || changes_rate(&text[..start]),
        TimeKind::Cadence if english => english_cadence_counts(text, start, end),
        // A window holds only when an event follows it (…内得到解决); at the end of a clause
        // it is the measured value (时间控制在1小时内), before 的 or a rate a metric's
        // definition (入职90天内主动离职率).
        TimeKind::Window => {
            // 课程结束后满意度不低于4.5分: a level after a bare 开始/结束 defines a metric.
            let phrase = &text[start..end];
            let bare_edge = ["开始", "开幕", "结束"]
                .iter()
                .any(|e| phrase.starts_with(e))
                && !phrase.contains(|c: char| {
                    c.is_ascii_digit() || "一二两三四五六七八九十半".contains(c)
                });
            let levelled = COMPARATORS.iter().any(|c| after.contains(c))
                || after.contains(['≥', '≤', '>', '<']);
            !(bare_edge && levelled)
                && next.is_some_and(|c| {
                    (crate::syntax::is_cjk(c) || c.is_ascii_alphabetic()) && c != '的'
                })
                && (!names_a_rate(after) || handles_in_time(after))
        }
        // 3个月 is a duration, not March; 13月 is no month; a bare year inside a clause names
        // a thing (制定2027年…方案), at its start the period (2026年营收达到…).
        TimeKind::Deadline => {
            let phrase = &text[start..end];
            // `grow by 2000 users`: a count, not a year; `by June 30 so that…` is a date.
            let counts_things = phrase.ends_with(|c: char| c.is_ascii_digit())
                && !after_month(phrase)
                && text[end..]
                    .strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()));
            !counts_things
                && !names_a_season_thing(phrase, &text[end..])
                && !text[..start].ends_with('个')
                && month_is_valid(phrase)
                && (!is_bare_year(phrase) || at_clause_start(text, start))
        }
        // 每月不多于5起 and 阅读量达到每月两本 are a rate's unit, not a cadence of work; but a
        // frequency raised to 每月两次 is how often the work happens.
        TimeKind::Cadence => {
            // 每10分钟巡检一次 times the work; 每10分钟产出不少于50件 is a rate of output.
            let by_minutes = text[start..end].ends_with("分钟");
            let clause = after
                .split(['，', ',', '。', '；', ';'])
                .next()
                .unwrap_or("");
            if by_minutes && !clause.contains(['次', '遍', '轮', '趟']) {
                return false;
            }
            let bounded = COMPARATORS.iter().any(|c| after.starts_with(c));
            (!bounded || follows_work(&text[..start])) && !is_rate_unit(&text[..start])
        }
        // `(Q3: 3.8M)` gives the figure a period had: a baseline, not the key result's time.
        TimeKind::Period => {
            let opened = text[..start].trim_end().ends_with(['(', '（']);
            let valued = after.strip_prefix([':', '：']).is_some_and(|v| {
                v.trim_start()
                    .trim_start_matches(['$', '€', '£', '¥'])
                    .starts_with(|c: char| c.is_ascii_digit())
            });
            // `next year's budget` names the year of a thing.
            let possessive = text[end..].starts_with(['\'', '’']);
            !(possessive || opened && valued)
        }
    }
}

/// Words that only compare: a period after one is the comparison's (`vs. H2 FY26`).
const COMPARES: [&str; 3] = ["vs", "vs.", "versus"];

/// The length of a year that follows a period (` FY26` in `H2 FY26`, ` 2025` in `Q3 2025`).
fn year_after(after: &str) -> usize {
    let rest = after.trim_start_matches(' ');
    let fiscal = rest.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("FY"));
    let digits_at = if fiscal { 2 } else { 0 };
    let digits = rest[digits_at..].len()
        - rest[digits_at..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let year = if fiscal {
        (2..=4).contains(&digits)
    } else {
        digits == 4
    };
    let ends = !rest[digits_at + digits..].starts_with(|c: char| c.is_ascii_alphanumeric());
    if year && ends && rest.len() < after.len() {
        after.len() - rest.len() + digits_at + digits
    } else {
        0
    }
}

/// Whether a value and `in` stand before the phrase at `start..end` as a baseline's: after
/// `from`, `vs` or `was` (`up from 850 in Q3`, `vs 5% in January`, `was 81% in H2`), or alone
/// in parentheses (`(42 in June)`). The phrase may hold its own `in` (`in March`). Values
/// listed by period (`(2 in March, 3 in June)`) give the work's own periods, and a bound's
/// value is the target's (`fewer than 200 in Q4`).
fn value_in(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let mut words = text[..start].split_whitespace().rev();
    let inside = phrase
        .get(..3)
        .is_some_and(|p| p.eq_ignore_ascii_case("in "));
    let last = if inside { Some("in") } else { words.next() };
    let (value, lead) = (words.next(), words.next());
    let valued = last.is_some_and(|w| w.eq_ignore_ascii_case("in"))
        && value.is_some_and(|v| {
            v.trim_start_matches(['(', '（', '$', '€', '£'])
                .starts_with(|c: char| c.is_ascii_digit())
        });
    let opened = value.is_some_and(|v| v.starts_with(['(', '（']));
    let closes = text[end..].trim_start().starts_with([')', '）']);
    let from = lead.is_some_and(|l| {
        let l = l.trim_start_matches(['(', '（']).to_ascii_lowercase();
        ["from", "was"].contains(&l.as_str()) || COMPARES.contains(&l.as_str())
    });
    // `cut churn to 2%, lower than 3.5% in Q1`: a comparison set off by a comma.
    let than = lead.is_some_and(|l| l.eq_ignore_ascii_case("than"));
    let set_off = words.nth(1).is_some_and(|w| w.ends_with(','));
    let from = from || than && set_off;
    valued && if opened { closes } else { from }
}

/// In a cadence that counts events (`four times a week`, `twice weekly`), the length of the
/// count: a number of its own, which the rest of the cadence does not hide.
pub fn event_count_length(cadence: &str) -> usize {
    let mut words = cadence.split_whitespace();
    let first = words.next().unwrap_or("");
    let counted = if ["twice", "once"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        Some(first)
    } else {
        words.next().filter(|w| w.eq_ignore_ascii_case("times"))
    };
    // Up to the end of the count's last word, whatever the spaces between.
    counted.map_or(0, |w| {
        w.as_ptr() as usize - cadence.as_ptr() as usize + w.len()
    })
}

/// In a cadence every so many periods (每两周, 每隔3天, every 2 hours, every four weeks), where
/// the number of periods starts: a number of its own. 每一周 and `every one` say no more than
/// 每周.
pub fn interval_start(cadence: &str) -> Option<usize> {
    const NUMBER_WORDS: [&str; 13] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "thirty",
    ];
    let english = cadence
        .get(..6)
        .is_some_and(|lead| lead.eq_ignore_ascii_case("every "));
    let rest = if english {
        cadence[6..].trim_start()
    } else {
        cadence
            .strip_prefix("每隔")
            .or_else(|| cadence.strip_prefix('每'))?
    };
    let first_word = rest.split(' ').next().unwrap_or("");
    // `every 1 week` is every week.
    let one = rest.starts_with('1') && !rest[1..].starts_with(|c: char| c.is_ascii_digit());
    let counted = rest.starts_with(|c: char| c.is_ascii_digit() && c != '0') && !one
        || rest.starts_with(['两', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
        || english
            && NUMBER_WORDS
                .iter()
                .any(|n| first_word.eq_ignore_ascii_case(n));
    counted.then_some(cadence.len() - rest.len())
}

/// A cadence adjective before a noun is how often work happens when an act leads it (`Hold
/// monthly safety drills`) or the noun is an event or deliverable (`Quarterly investigator
/// meetings`), not a metric's window (`weekly active users`).
fn schedules_work(previous: &str, after: &str) -> bool {
    let lex = lexicon();
    let acted = lex
        .english_entry(previous)
        .is_some_and(|(classes, _)| classes.has(WordClass::ActivityVerb));
    let noun_phrase: Vec<_> = after
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| lex.classes(w))
        .collect();
    // `monthly revenue forecast` is how a metric is taken.
    let event = noun_phrase.iter().any(|c| c.has(WordClass::Deliverable))
        && !noun_phrase.iter().any(|c| c.has(WordClass::Metric));
    acted || event
}

/// Whether an English cadence is how often the work happens. Not when it names a metric's
/// window: an adjective with no article before its noun (`monthly logo churn`, `weekly active
/// users`); nor when it is a rate's unit, right after the value (`below 200 per month`, `to X
/// per week`, `at least once a month`). `a weekly readout`, `tests every sprint` and
/// `audited weekly` are cadences.
fn english_cadence_counts(text: &str, start: usize, end: usize) -> bool {
    let phrase = &text[start..end];
    let before = text[..start].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    // `API uptime measured monthly`, `satisfaction (quarterly survey)`: how often a metric is
    // taken, not how often work happens.
    let measuring = ["measured", "tracked", "calculated", "averaged", "computed"];
    if measuring.iter().any(|m| previous.eq_ignore_ascii_case(m)) || before.ends_with('(') {
        return false;
    }
    // `30 moves per hour`, `300 orders each hour` are rates; `every hour` or `hourly` on the
    // work itself times it.
    if phrase.ends_with("hour") {
        let per = phrase.to_ascii_lowercase().starts_with("per ");
        // …but `all 12 freezers every hour` checks a fixed set each time.
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let counted = words.iter().take(3).enumerate().any(|(i, w)| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && !words.get(i + 1).is_some_and(|set| {
                    ["all", "the", "both", "our", "each"]
                        .iter()
                        .any(|s| set.eq_ignore_ascii_case(s))
                })
        });
        if per || counted {
            return false;
        }
    }
    let adjective = !phrase.contains(' ');
    if adjective {
        // `texts weekly to every owner`: a preposition after it, no noun.
        const JOINS: [&str; 17] = [
            "to",
            "for",
            "on",
            "in",
            "at",
            "by",
            "with",
            "from",
            "across",
            "and",
            "or",
            "until",
            "during",
            "throughout",
            "through",
            "while",
            "when",
        ];
        // `weekly and monthly active users`: two adjectives joined, and a noun after them.
        const CADENCES: [&str; 6] = [
            "daily",
            "weekly",
            "monthly",
            "quarterly",
            "yearly",
            "annual",
        ];
        let noun_follows = text[end..].strip_prefix(' ').is_some_and(|a| {
            let mut words = a.split(|c: char| !c.is_ascii_alphabetic() && c != '-');
            let word = words.next().unwrap_or("");
            let joins_another = ["and", "or"].contains(&word)
                && words.next().is_some_and(|w| CADENCES.contains(&w));
            a.starts_with(|c: char| c.is_ascii_lowercase())
                && (!JOINS.contains(&word) || joins_another)
        });
        let article = ["a", "an", "the"]
            .iter()
            .any(|a| previous.eq_ignore_ascii_case(a));
        // `the hourly rate`, `hourly active users`: a measure's window, article or not.
        // `weekly cost reviews`, `monthly cost and quality reviews` still time the reviews.
        let mut following = text[end..]
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic() && c != '-');
        let next = following.next().unwrap_or("");
        let then = following.next().unwrap_or("");
        let metric = |w: &str| lexicon().classes(w).has(WordClass::Metric);
        let measure = next.eq_ignore_ascii_case("active")
            || article
                && (metric(next) || ["wage", "wages", "pay"].contains(&next))
                && (then.is_empty() || ["for", "of", "to", "at", "under", "below"].contains(&then));
        return !measure && (!noun_follows || article || schedules_work(previous, &text[end..]));
    }
    // `no more than 6 hours per month` is a rate of time, like `below 200 per month`.
    const DURATIONS: [&str; 8] = [
        "hour", "hours", "hrs", "minute", "minutes", "mins", "day", "days",
    ];
    let timed_value = DURATIONS.contains(&previous)
        && before[..before.len() - previous.len()]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
        || previous.starts_with(|c: char| c.is_ascii_digit())
            && LATIN_DURATIONS
                .contains(&previous.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
    // `two workshops a month`: after the events counted, not `in a month`, `a year ago`
    // or `2 hours a day`.
    if phrase
        .get(..2)
        .is_some_and(|a| a.eq_ignore_ascii_case("a "))
    {
        let plural = previous.len() > 3
            && previous.ends_with('s')
            && previous
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-')
            && !["this", "was", "has", "across", "always", "perhaps"].contains(&previous);
        let ago = text[end..].trim_start().starts_with("ago");
        return plural && !ago && !timed_value;
    }
    // `fewer than 5 sailings per month cancelled`, `no more than 2 missed pickups per week`: a
    // ceiling on a count of events is a rate. The events are named by words of their own
    // (not `below 10% for each term`).
    let capped_count = {
        const LINKS: [&str; 10] = [
            "for", "in", "on", "at", "of", "by", "with", "during", "across", "over",
        ];
        const CAPS: [&str; 6] = ["than", "under", "below", "most", "max", "maximum"];
        let words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
        let wordy =
            |w: &&str| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !LINKS.contains(w);
        let number = words
            .iter()
            .take(3)
            .position(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        number.is_some_and(|at| {
            let cap = words.get(at + 1).map(|w| w.to_ascii_lowercase());
            // `more than` is a floor; `no more than` a ceiling again.
            let said =
                |i: usize, word: &str| words.get(i).is_some_and(|w| w.eq_ignore_ascii_case(word));
            let more = said(at + 2, "more") && !said(at + 3, "no");
            at > 0
                && words[..at].iter().all(wordy)
                && cap.is_some_and(|c| CAPS.contains(&c.as_str()) && !(c == "than" && more))
        })
    };
    let after_value = before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || ["X", "XX", "N", "TBD", "least", "most", "to"].contains(&previous)
        || timed_value
        || capped_count;
    // `at least once a week` bounds how often the work happens; it is still a cadence, unless
    // it defines who a share counts (`70% of families logging in at least once a month`).
    !after_value || event_count_length(phrase) > 0 && previous != "most" && !before.contains('%')
}

const COMPARATORS: [&str; 10] = [
    "不多于",
    "不超过",
    "不少于",
    "不低于",
    "低于",
    "高于",
    "少于",
    "多于",
    "超过",
    "达到",
];

/// Verbs that set a target value; a cadence right after one is the value's unit.
const TARGETS: [&str; 14] = [
    "达到",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增加到",
    "控制在",
    "降低到",
    "降低至",
    "减少到",
    "缩短到",
    "不超过",
    "不少于",
    "保持在",
];

fn is_rate_unit(before: &str) -> bool {
    let before = before.trim_end();
    let before = ["每人", "每位", "人均"]
        .iter()
        .fold(before, |b, p| b.strip_suffix(p).unwrap_or(b))
        .trim_end();
    // 提升至每泊位每日6次: a rate per unit of something, then per day.
    let before = match before.rfind('每') {
        Some(at)
            if before[at..].chars().count() <= 4
                && before[at..].chars().all(crate::syntax::is_cjk) =>
        {
            before[..at].trim_end()
        }
        _ => before,
    };
    let frequency = ["频次", "频率", "次数"].iter().any(|f| before.contains(f));
    TARGETS.iter().any(|t| before.ends_with(t)) && !frequency
}

/// A window before the rate of handling each event (考后5个工作日内完成率100%) bounds each
/// event, unlike the window of a population's rate (入职90天内主动离职率).
fn handles_in_time(after: &str) -> bool {
    let stem: String = after.chars().take_while(|&c| c != '率').collect();
    let lex = lexicon();
    (1..=stem.chars().count().min(3)).any(|n| {
        let tail: String = stem.chars().skip(stem.chars().count() - n).collect();
        let classes = lex.classes(&tail);
        [
            WordClass::Completion,
            WordClass::ActivityVerb,
            WordClass::Result,
        ]
        .iter()
        .any(|c| classes.has(*c))
    })
}

/// Whether the team's own act stands right before a cadence (督导听课每周不少于15节次): then
/// a bound after it counts the work, and the cadence is how often the work happens.
fn follows_work(before: &str) -> bool {
    let lex = lexicon();
    let chars: Vec<char> = before.chars().rev().take(4).collect();
    (2..=chars.len()).any(|n| {
        let tail: String = chars[..n].iter().rev().collect();
        lex.classes(&tail).has(WordClass::ActivityVerb)
    })
}

/// The clause goes on to name a rate (…率) before any punctuation.
fn names_a_rate(after: &str) -> bool {
    let clause: String = after
        .chars()
        .take_while(|c| !"，,。；;、".contains(*c))
        .take(10)
        .collect();
    clause.contains('率')
}

fn is_bare_year(phrase: &str) -> bool {
    let trimmed = phrase.trim_end();
    trimmed.ends_with('年')
        && trimmed
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .count()
            == 1
}

fn at_clause_start(text: &str, start: usize) -> bool {
    text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':' | ' '))
}

fn month_is_valid(phrase: &str) -> bool {
    let Some(at) = phrase.find('月') else {
        return true;
    };
    let digits: String = phrase[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(crate::syntax::fold_width)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits
        .parse::<u32>()
        .map_or(true, |m| (1..=12).contains(&m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TimeKind)> {
        find(text, 0)
            .into_iter()
            .map(|f| (text[f.span.range()].to_owned(), f.kind))
            .collect()
    }

    fn has_time(text: &str) -> bool {
        !find(text, 0).is_empty()
    }

    #[test]
    fn a_window_that_defines_a_metric_holds_no_period_inside_it() {
        assert!(!has_time("注册3个月内的付费转化率达到8%"));
        assert!(!has_time("出院两个月内再入院率低于5%"));
    }

    #[test]
    fn seasons_of_farming_and_floods_are_known_dates() {
        assert_eq!(
            kinds("秋收前完成烘干设备检修"),
            [("秋收前".to_owned(), TimeKind::Window)]
        );
        assert!(has_time("汛期前完成堤坝巡查"));
    }

    #[test]
    fn holidays_half_months_and_rates_per_unit() {
        assert!(has_time("新仓库中秋节前投入使用"));
        assert_eq!(
            kinds("每半月盘点一次库存"),
            [("每半月".to_owned(), TimeKind::Cadence)]
        );
        assert!(!has_time("车位周转率提升至每车位每日5次"));
    }

    #[test]
    fn english_season_ends_first_weeks_and_arrival() {
        assert!(has_time("Add 40 members by season end"));
        assert!(has_time(
            "Pair every new hire with a buddy within their first three weeks"
        ));
        assert!(has_time("Check every cabin before arrival"));
        assert!(has_time("Resurface court 3 before the spring tournament"));
        assert!(!has_time("Fill rate at 95% (was 88% in H1 2028)"));
    }

    #[test]
    fn a_clock_time_is_a_deadline() {
        assert_eq!(
            kinds("下单后次日18:00前送达"),
            [("18:00前".to_owned(), TimeKind::Deadline)]
        );
    }

    #[test]
    fn dates_that_restate_a_named_period_are_no_deadline() {
        assert!(!has_time("618大促期间（6月1日-18日）GMV达到500万元"));
        assert!(!has_time("寒假档（1-2月）营收同比增长10%"));
        assert!(has_time("（6月30日前）完成系统切换"));
        assert!(has_time("完成项目资料建档（6月30日前）"));
        assert!(has_time("淡季（11月-2月）完成全部设备大修"));
        // Only the dates are restated: what else the parentheses hold still counts.
        assert!(has_time("汛期期间（6-9月每周巡查1次）确保无溃堤"));
        // By the minute, a count of times is a cadence, a count of output a rate.
        assert!(!has_time("每10分钟产出合格品不少于50件"));
        assert!(has_time("每30分钟巡查一遍病区"));
    }

    #[test]
    fn english_windows_that_define_a_rate_and_baseline_periods_are_no_time_frames() {
        assert!(!has_time(
            "Readmission rate within 30 days of discharge below 8%"
        ));
        assert!(has_time("Generate $1M in pipeline within 60 days"));
        assert!(has_time("Reduce the defect rate within 3 months"));
        assert!(has_time("Sell more than 200 in June"));
        // A bound's value is the target's, whatever the period's shape.
        assert!(has_time("Sell more than 200 in Q3"));
        assert!(has_time("Cut open tickets to fewer than 150 in Q4"));
        assert!(!has_time("Grow members to 900, up from 812 in Q1"));
        assert!(has_time("Open 5 stores (2 in March, 3 in June)"));
        assert!(!has_time("Limit outages to at most once a month"));
        assert!(!has_time("Grow members to 900 (from 700 in H2)"));
        assert!(!has_time("Cut churn to 3%, vs 5% in January"));
        assert!(!has_time("Raise NPS to 55 (42 in June)"));
        assert!(!has_time("Users who log in may see the banner"));
        assert_eq!(
            kinds("Wash every van at least once a week"),
            [("once a week".to_owned(), TimeKind::Cadence)]
        );
        assert!(!has_time(
            "Get 60% of members logging in at least once a month"
        ));
        assert!(!has_time("实现T+1日内到账率99%"));
    }

    #[test]
    fn a_lead_time_before_a_known_day_is_a_deadline() {
        assert!(has_time(
            "Rehearse the evacuation plan three weeks before race day"
        ));
        assert!(has_time("Freeze the schedule ahead of opening night"));
        assert!(has_time("Renew all licences before they expire"));
    }

    #[test]
    fn a_settlement_window_keeps_its_notation() {
        assert_eq!(
            kinds("对账差异在T+2日内处理完毕"),
            [("在T+2日内".to_owned(), TimeKind::Window)]
        );
    }

    #[test]
    fn english_per_event_windows_named_months_and_own_expiry_dates() {
        use TimeKind::*;
        assert_eq!(
            kinds("Call each guest 24 hours before every check-in"),
            [("before every check".to_owned(), Window)]
        );
        assert_eq!(
            kinds("Hold the open day in October"),
            [("in October".to_owned(), Period)]
        );
        assert_eq!(
            kinds("Renew every permit before its expiration date"),
            [("before its expiration date".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("Inspect all vehicles before their registration lapses"),
            [("before their registration lapses".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("Back up the ledger nightly"),
            [("nightly".to_owned(), Cadence)]
        );
        assert_eq!(
            kinds("Sweep the lobby every night"),
            [("every night".to_owned(), Cadence)]
        );
        // `in` before a word that only begins like a month is no month.
        assert!(!has_time("Grow in Marketing qualified leads"));
    }

    #[test]
    fn same_day_and_on_the_spot_handling_are_windows() {
        assert_eq!(
            kinds("即办件当场办结率不低于95%"),
            [("当场".to_owned(), TimeKind::Window)]
        );
    }

    #[test]
    fn half_a_unit_is_a_window_when_something_happens_in_it() {
        assert_eq!(
            kinds("客户投诉半小时内响应"),
            [("半小时内".to_owned(), TimeKind::Window)]
        );
        // The measured value, not a window.
        assert!(!has_time("通知时长缩短至半天以内"));
    }

    #[test]
    fn deadlines_periods_cadences_and_windows() {
        use TimeKind::*;
        assert_eq!(
            kinds("3月底前，设计并实施新销售佣金政策"),
            [("3月底前".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("6月30日前完成迁移"),
            [("6月30日前".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("2026年底前上线"),
            [("2026年底前".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("2026年营收达到5亿元"),
            [("2026年".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("第一季度末前完成改造"),
            [("第一季度末前".to_owned(), Deadline)]
        );
        assert_eq!(kinds("Q2前上线APS"), [("Q2前".to_owned(), Deadline)]);
        assert_eq!(kinds("上半年开展两次演练"), [("上半年".to_owned(), Period)]);
        assert_eq!(kinds("本季度内完成"), [("本季度内".to_owned(), Period)]);
        assert_eq!(
            kinds("每周向团队发送总结报告"),
            [("每周".to_owned(), Cadence)]
        );
        assert_eq!(
            kinds("通过每季度对上周期典型案例分析"),
            [("每季度".to_owned(), Cadence)]
        );
        assert_eq!(
            kinds("确保客户反馈在1个工作日内得到解决"),
            [("在1个工作日内".to_owned(), Window)]
        );
        assert_eq!(
            kinds("确保反馈问题1小时内得到解决"),
            [("1小时内".to_owned(), Window)]
        );
        assert_eq!(
            kinds("大促前完成全部客服人员的培训"),
            [("大促前".to_owned(), Window)]
        );
        assert_eq!(
            kinds("每月10日前向院领导报送月报"),
            [
                ("每月".to_owned(), Cadence),
                ("10日前".to_owned(), Deadline)
            ]
        );
        assert_eq!(
            kinds("上线后30天内DAU到5万"),
            [("30天内".to_owned(), Window)]
        );
        assert_eq!(
            kinds("P0级bug上线前清零"),
            [("上线前".to_owned(), Deadline)]
        );
        assert_eq!(
            kinds("到期前90天完成续约评估"),
            [("到期前90天".to_owned(), Window)]
        );
        assert_eq!(
            kinds("每场活动开始前48小时完成安保报备"),
            [("开始前48小时".to_owned(), Window)]
        );
        assert_eq!(
            kinds("快件24小时内妥投率≥97%"),
            [("24小时内".to_owned(), Window)]
        );
        assert_eq!(
            kinds("班主任每学期家访覆盖率100%"),
            [("每学期".to_owned(), Cadence)]
        );
        assert_eq!(
            kinds("电话回访频次提高到每月两次"),
            [("每月".to_owned(), Cadence)]
        );
    }

    #[test]
    fn a_bound_on_counted_work_and_a_handling_rate_keep_their_time() {
        // The work is counted per week; each exam's grades are entered within the window.
        assert!(has_time("校级督导听课每周不少于15节次"));
        assert!(has_time("成绩录入在考后5个工作日内完成率100%"));
    }

    #[test]
    fn measured_durations_metric_windows_and_baselines_are_not_time_frames() {
        for text in [
            "IT响应时间控制在1小时内。",
            "客户问题解决时间缩短至2天",
            "实现活动新增月用户流量X万",
            "客户支持团队月度满意度达到85分",
            "周设备停机不多于2小时",
            "成本比去年降低10%",
            "较2025年增长20%",
            "非关键人员X月到岗",
            "通过近两年全球学术论文研究",
            "建立15日需求预测机制",
            "新增3个月以上的长期合同",
            "上线30天内的采用率达到40%",
            "保证关键人员按期到岗",
            "每种特殊物料新增1个供应商",
            "制定2027年大宗原材料套期保值方案",
            "新玩家次日留存率达到45%",
            "客户投诉每月不多于5起",
            "学生人均课外阅读量达到每月两本",
            "志愿者平均服务时长提高到每人每年40小时",
            "新员工入职90天内主动离职率低于5%",
            "会员储值余额较3月末增加300万元",
            "备件库存金额较去年末降低200万元",
            "全年不出现有效投诉",
            "课程结束后学员满意度不低于4.5分",
        ] {
            assert!(!has_time(text), "{text}: {:?}", kinds(text));
        }
    }
}

#[cfg(test)]
mod english_tests {
    use super::*;

    fn phrases(text: &str) -> Vec<(&str, TimeKind)> {
        find(text, 0)
            .into_iter()
            .map(|f| (&text[f.span.range()], f.kind))
            .collect()
    }

    #[test]
    fn deadlines_cadences_and_windows() {
        use TimeKind::*;
        for (text, expected) in [
            ("Migrate all services by May 31.", ("by May 31", Deadline)),
            (
                "Publish an impact report by 31 March.",
                ("by 31 March", Deadline),
            ),
            (
                "Open the office by 2026-09-30.",
                ("by 2026-09-30", Deadline),
            ),
            ("Cut DSO to under 45 by EOY.", ("by EOY", Deadline)),
            ("Migrate 12 services by 2026.", ("by 2026", Deadline)),
            ("Get the SOC 2 report by 09/30.", ("by 09/30", Deadline)),
            (
                "Story-time sessions run twice weekly.",
                ("twice weekly", Cadence),
            ),
            (
                "Achieve certification by end of June.",
                ("by end of June", Deadline),
            ),
            (
                "Hire six agents before September.",
                ("before September", Deadline),
            ),
            (
                "Fix every crash before the next release.",
                ("before the next release", Deadline),
            ),
            ("Hold 12 briefings per quarter.", ("per quarter", Cadence)),
            (
                "Release an event every two weeks.",
                ("every two weeks", Cadence),
            ),
            ("Publish a weekly readout.", ("weekly", Cadence)),
            (
                "Run a session four times a week.",
                ("four times a week", Cadence),
            ),
            (
                "Reply to every email within 1 school day.",
                ("within 1 school day", Window),
            ),
            (
                "Ship the SDK by June 30 so that more teams adopt it.",
                ("by June 30", Deadline),
            ),
            (
                "Go live before the October payroll run.",
                ("before the October payroll run", Deadline),
            ),
            (
                "Tag the docs before the 3.1 release.",
                ("before the 3.1 release", Deadline),
            ),
            (
                "Enrol 500 households by end of FY.",
                ("by end of FY", Deadline),
            ),
            ("Host a quiz every Friday.", ("every Friday", Cadence)),
            (
                "Launch the portal no later than week 40.",
                ("no later than week 40", Deadline),
            ),
            (
                "Raise reading scores by the spring benchmark.",
                ("by the spring", Deadline),
            ),
            (
                "Close each defect within its 5-day limit.",
                ("within its 5-day limit", Window),
            ),
            ("Sell 1.2k plans this quarter.", ("this quarter", Period)),
            (
                "Host a parent night every season.",
                ("every season", Cadence),
            ),
            (
                "Test every athlete before first practice.",
                ("before first practice", Deadline),
            ),
            (
                "Submit the renewal before the deadline.",
                ("before the deadline", Deadline),
            ),
            (
                "Send reminder texts weekly to every owner.",
                ("weekly", Cadence),
            ),
        ] {
            assert_eq!(phrases(text), [expected], "{text}");
        }
    }

    #[test]
    fn metric_windows_and_baselines_are_not_time_frames() {
        for text in [
            "Grow signups by 2000 users",
            "Cut costs by 1/3",
            "API uptime of 99.95% measured monthly",
            "Grow weekly active users to 25,000",
            "Bring monthly logo churn below 1.5%",
            "Manual entries fall below 200 per month",
            "70% of families log in at least once a month",
            "Monthly recurring revenue above $2M",
            "Lift NPS by 5 points vs Q2",
            "a 15% increase over H1 2025",
            "Win at least 40 mid-market logos",
            "Keep FY27 travel spend under $400K",
            "Move up one band on the spring diagnostic",
            "Patient dropout under 10% through week 24",
            "Downtime no more than 6 hours per month",
            "Monthly downloads reach 4.5M (Q3: 3.8M)",
            "Meetings held: 1.2k, up from 850 in Q3",
            "Grow weekly and monthly active users by 15%",
            "Raise monthly on-time delivery rate to 98%",
            "Finalise next year's hiring plan",
            "Downtime under 6h per month",
        ] {
            assert_eq!(phrases(text), [], "{text}");
        }
    }

    #[test]
    fn cadences_by_the_minute_and_the_hour() {
        assert_eq!(
            phrases("机房巡检每15分钟一次"),
            [("每15分钟", TimeKind::Cadence)]
        );
        // Per minute is a rate's unit, not how often work happens.
        let timed = |text: &str| !find(text, 0).is_empty();
        assert!(!timed("系统每分钟处理请求不少于800次"));
        assert!(timed("Refresh the outage map hourly during storms"));
        assert!(timed("Walk the floor every hour"));
        assert!(!timed("Lift picking to 120 lines per hour"));
    }

    #[test]
    fn a_ceiling_on_a_count_per_period_is_a_rate() {
        let timed = |text: &str| !find(text, 0).is_empty();
        assert!(!timed(
            "Fewer than 3 outages per quarter caused by config drift"
        ));
        assert!(!timed("No more than 2 missed pickups per week"));
        // A floor on the team's own work is still how often it happens.
        assert!(timed("Run at least 3 drills per month"));
        assert!(timed("Absence below 8% for each term"));
    }

    #[test]
    fn cadence_adjectives_on_measures_and_rates_per_hour() {
        let timed = |text: &str| !find(text, 0).is_empty();
        assert!(!timed("Keep the hourly rate for contractors under $60"));
        assert!(!timed("Measure hourly active users"));
        assert!(timed("Hold weekly cost reviews"));
        assert!(!timed("Process 300 orders each hour at peak"));
        // A fixed set checked each time, and reports on measures, are timed work.
        assert!(timed("Check all 12 freezers every hour"));
        assert!(timed(
            "Hold monthly cost and quality reviews with all 5 plants"
        ));
        // A ceiling on a count per period is a rate, whoever it picks out.
        assert!(!timed("No more than 2 patient falls each month"));
        assert!(!timed(
            "Reach out to members with fewer than 2 visits per month"
        ));
    }

    #[test]
    fn a_comparison_set_off_by_a_comma_is_a_baseline() {
        let timed = |text: &str| !find(text, 0).is_empty();
        assert!(!timed("Cut churn to 2%, lower than 3.5% in Q1"));
        assert!(timed("Sell more than 200 in Q3"));
        // Over a half and its year is the work's own period.
        assert!(timed("Run 6 customer workshops over H1 FY27"));
    }

    #[test]
    fn known_days_and_compared_periods() {
        let timed = |text: &str| !find(text, 0).is_empty();
        assert!(timed(
            "Visit each depot at least once before the spring harvest"
        ));
        assert!(timed("Pre-sell 400 memberships before the doors open"));
        assert!(!timed("Margin per unit up 4% vs. H2 FY26"));
        assert!(!timed("Average revenue per load of $310 (Q3: $265)"));
        assert!(timed("Hit 50 signups in Q3 FY26"));
    }
}
