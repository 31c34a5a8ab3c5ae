//! Text comparisons that ignore what readers ignore: width, case, spacing and punctuation.

use std::collections::HashMap;

use crate::syntax::fold_width;

/// The text with full-width forms folded, letters lower-cased, and spaces and punctuation
/// removed: `KR：提升 NPS。` and `提升nps` compare equal.
pub fn normalised(text: &str) -> String {
    text.chars()
        .map(fold_width)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Dice similarity of two normalised texts' character bigrams, from 0.0 to 1.0.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let mut counts: HashMap<(char, char), i32> = HashMap::new();
    for pair in a.windows(2) {
        *counts.entry((pair[0], pair[1])).or_default() += 1;
    }
    let mut shared = 0;
    for pair in b.windows(2) {
        if let Some(n) = counts.get_mut(&(pair[0], pair[1])).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    2.0 * f64::from(shared) / (a.len() + b.len() - 2) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_width_case_and_punctuation() {
        assert_eq!(normalised("提升 NPS，到５０。"), normalised("提升nps到50"));
    }

    #[test]
    fn similarity_of_near_copies() {
        let a = normalised("客户问题解决时间缩短至2天。");
        let b = normalised("客户问题解决时间缩短至2天");
        assert_eq!(similarity(&a, &b), 1.0);
        let c = normalised("回顾销售活动指标，每周向团队发送总结报告。");
        let d = normalised("回顾销售渠道指标，每周向团队发送总结报告。");
        assert!(similarity(&c, &d) < 0.9, "two metrics are two key results");
        assert!(
            similarity(
                &normalised("页面加载时间降低至1秒"),
                &normalised("页面加载时间降低至1秒钟")
            ) > 0.9
        );
    }
}
