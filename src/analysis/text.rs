//! Text comparisons that ignore what readers ignore: width, case, spacing and punctuation.

use crate::syntax::fold_width;

/// The text with full-width forms folded, letters lower-cased, and spaces and punctuation
/// removed: `KR：提升 NPS。` and `提升nps` compare equal.
pub fn normalised(text: &str) -> String {
    text.chars()
        .map(fold_width)
        .filter(|c| crate::syntax::is_word_char(*c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A text's character bigrams, sorted: what [`similarity`] compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bigrams {
    pairs: Vec<(char, char)>,
    chars: usize,
}

impl Bigrams {
    pub fn of(normalised: &str) -> Bigrams {
        let chars: Vec<char> = normalised.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        Bigrams {
            pairs,
            chars: chars.len(),
        }
    }
}

/// Dice similarity of two texts' character bigrams, from 0.0 to 1.0. Identical texts of one
/// character are equal; otherwise a text too short for a bigram matches nothing.
pub fn similarity(a: &Bigrams, b: &Bigrams) -> f64 {
    if a == b {
        return 1.0;
    }
    let total = a.pairs.len() + b.pairs.len();
    if a.pairs.is_empty() || b.pairs.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.pairs.len() && j < b.pairs.len() {
        match a.pairs[i].cmp(&b.pairs[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / total as f64
}

/// The highest similarity two texts of these lengths (in characters) can reach: a cheap
/// test that skips most pairs.
pub fn similarity_bound(a: &Bigrams, b: &Bigrams) -> f64 {
    let (short, long) = (a.chars.min(b.chars), a.chars.max(b.chars));
    if short < 2 {
        return if a == b { 1.0 } else { 0.0 };
    }
    2.0 * (short - 1) as f64 / (short + long - 2) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similar(a: &str, b: &str) -> f64 {
        similarity(&Bigrams::of(&normalised(a)), &Bigrams::of(&normalised(b)))
    }

    #[test]
    fn normalising_ignores_width_case_and_punctuation() {
        assert_eq!(normalised("提升 NPS，到５０。"), normalised("提升nps到50"));
    }

    #[test]
    fn similarity_of_near_copies() {
        assert_eq!(
            similar("客户问题解决时间缩短至2天。", "客户问题解决时间缩短至2天"),
            1.0
        );
        assert!(
            similar(
                "回顾销售活动指标，每周向团队发送总结报告。",
                "回顾销售渠道指标，每周向团队发送总结报告。"
            ) < 0.9
        );
        assert!(similar("页面加载时间降低至1秒", "页面加载时间降低至1秒钟") > 0.9);
    }

    #[test]
    fn the_bound_is_never_below_the_similarity() {
        let pairs = [
            ("页面加载时间降低至1秒", "页面加载时间降低至1秒钟"),
            ("提升满意度", "满意度提升到九十分以上"),
        ];
        for (a, b) in pairs {
            let (a, b) = (Bigrams::of(&normalised(a)), Bigrams::of(&normalised(b)));
            assert!(similarity_bound(&a, &b) >= similarity(&a, &b));
        }
    }
}
