//! Text comparisons that ignore what readers ignore: width, case, spacing and punctuation.

use std::hash::Hasher;

use crate::syntax::fold_width;

/// The characters a reader compares: full-width forms folded, letters lower-cased, spaces
/// and punctuation left out, so that `KR：提升 NPS。` and `提升nps` compare equal.
fn compared_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(fold_width)
        .filter(|c| crate::syntax::is_word_char(*c))
        .map(|c| c.to_ascii_lowercase())
}

/// The text as a reader compares it: `KR：提升 NPS。` is `提升nps`.
pub fn normalised(text: &str) -> String {
    compared_chars(text).collect()
}

/// Whether two texts are the same once width, case, spacing and punctuation are set aside.
pub fn same_text(a: &str, b: &str) -> bool {
    compared_chars(a).eq(compared_chars(b))
}

/// What comparing a text needs, taken in one pass over it: a hash of its compared
/// characters (for exact copies) and their bigrams, sorted (for near copies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub hash: u64,
    pairs: Vec<u64>,
    chars: usize,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let mut hasher = rustc_hash::FxHasher::default();
        // A text has no more characters than bytes: the pairs never outgrow this.
        let mut pairs = Vec::with_capacity(text.len());
        let mut previous: Option<char> = None;
        let mut chars = 0;
        for c in compared_chars(text) {
            hasher.write_u32(c as u32);
            if let Some(p) = previous {
                pairs.push(u64::from(p) << 32 | u64::from(c));
            }
            previous = Some(c);
            chars += 1;
        }
        pairs.sort_unstable();
        Fingerprint {
            hash: hasher.finish(),
            pairs,
            chars,
        }
    }
}

/// Dice similarity of two texts' character bigrams, from 0.0 to 1.0. Identical texts of one
/// character are equal; otherwise a text too short for a bigram matches nothing.
pub fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
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
pub fn similarity_bound(a: &Fingerprint, b: &Fingerprint) -> f64 {
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
        similarity(&Fingerprint::of(a), &Fingerprint::of(b))
    }

    #[test]
    fn normalising_ignores_width_case_and_punctuation() {
        assert!(same_text("提升 NPS，到５０。", "提升nps到50"));
        assert!(!same_text("提升 NPS 到50", "提升 NPS 到500"));
        assert_eq!(
            Fingerprint::of("提升 NPS，到５０。").hash,
            Fingerprint::of("提升nps到50").hash
        );
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
            let (a, b) = (Fingerprint::of(a), Fingerprint::of(b));
            assert!(similarity_bound(&a, &b) >= similarity(&a, &b));
        }
    }
}
