//! Periods declared in headings: `2026年第一季度`, `2026 Q1`, `2026年上半年`, `FY2026`, `H2`.

use std::sync::LazyLock;

use regex::Regex;

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let year = r"(?:19|20)\d{2}";
    let quarter = r"(?:第?[一二三四1-4]季度|[Qq][1-4])";
    let half = r"(?:[上下]半年|[Hh][12])";
    let pattern = format!(
        r"(?x)
        (?:FY|fy)\s?(?:{year}|\d{{2}})(?:\s*[-–/]?\s*(?:{quarter}|{half}))?   # FY2026, FY24-Q2
        | {year}\s*年?\s*(?:度\s*)?[-–/]?\s*(?:{quarter}|{half})          # 2026年第一季度, 2026 Q1
        | (?:{quarter}|{half})\s*[-–/]?\s*{year}\b                          # Q3 2026
        | {year}\s*年度?                                                    # 2026年, 2026年度
        | (?:本|下)季度 | 本年度 | {quarter} | {half}                       # 第一季度, H2, 上半年
        "
    );
    Regex::new(&pattern).expect("the period pattern is valid")
});

/// The byte range of the first period named in a heading's text.
pub fn find_period(text: &str) -> Option<(usize, usize)> {
    // Every period has a digit, 季, 半 or 本年度 in it; most headings have none of them.
    // No Han character is a digit: the Unicode tables are looked at only for the others.
    let cue = |c: char| matches!(c, '季' | '半') || !super::is_cjk(c) && c.is_numeric();
    if !text.contains(cue) && !text.contains("本年度") {
        return None;
    }
    PERIOD
        .find_iter(text)
        .find(|m| standalone(text, m.start(), m.end()))
        .map(|m| (m.start(), m.end()))
}

/// `Q1` in `Q1目标` counts, `H1` inside `SH1` or `Q12` does not.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let found = &text[start..end];
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let clean_start = !alnum(found.chars().next()) || !alnum(text[..start].chars().next_back());
    let clean_end = !alnum(found.chars().next_back()) || !alnum(text[end..].chars().next());
    clean_start && clean_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Option<&str> {
        find_period(text).map(|(s, e)| &text[s..e])
    }

    #[test]
    fn periods_in_headings() {
        assert_eq!(period("2026年第一季度 公司级OKR"), Some("2026年第一季度"));
        assert_eq!(period("研发部门 2026 Q1"), Some("2026 Q1"));
        assert_eq!(period("2026年上半年OKR"), Some("2026年上半年"));
        assert_eq!(period("FY2026 OKRs"), Some("FY2026"));
        assert_eq!(period("FY24-Q2 Engineering"), Some("FY24-Q2"));
        assert_eq!(period("H2 目标"), Some("H2"));
        assert_eq!(period("Q3 2026 Platform team"), Some("Q3 2026"));
        assert_eq!(period("2026年度OKR"), Some("2026年度"));
    }

    #[test]
    fn no_period() {
        assert_eq!(period("OKR制定举例"), None);
        assert_eq!(period("研发部门"), None);
        assert_eq!(period("SH1 team"), None);
        assert_eq!(period("2B业务"), None);
    }
}
