//! The language of an item's text, by script alone: Han characters against Latin words. An
//! item is judged in its dominant language; a mixed one still has its quantities and time
//! phrases recognised in both.

use serde::Serialize;

/// A language okrlint judges items in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Script {
    #[serde(rename = "zh")]
    Chinese,
    #[serde(rename = "en")]
    English,
}

/// What an item is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The language with more of the text; `None` for text with neither (only digits and
    /// symbols, or only terms like KPI).
    pub dominant: Option<Script>,
    /// Both languages are present as prose.
    pub mixed: bool,
}

/// Han characters per Latin word: a Chinese word is about two characters long.
const HAN_PER_WORD: usize = 2;

impl Language {
    pub fn of(text: &str) -> Language {
        let (han, words) = count_scripts(text);
        let dominant = match (han, words) {
            (0, 0) => None,
            _ if words * HAN_PER_WORD > han => Some(Script::English),
            _ => Some(Script::Chinese),
        };
        Language {
            dominant,
            mixed: han > 0 && words > 0,
        }
    }
}

/// Han characters, and Latin words that are prose, in one pass. Capital-only terms and codes
/// (KPI, DAU, Q1, P0) appear in Chinese text too and say nothing about its language: a word
/// counts when it has a lowercase letter.
fn count_scripts(text: &str) -> (usize, usize) {
    let (mut han, mut words) = (0, 0);
    let (mut in_word, mut prose) = (false, false);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '\'' {
            in_word = true;
            prose |= c.is_ascii_lowercase();
            continue;
        }
        if in_word && prose {
            words += 1;
        }
        (in_word, prose) = (false, false);
        if crate::syntax::is_cjk(c) {
            han += 1;
        }
    }
    if in_word && prose {
        words += 1;
    }
    (han, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dominant(text: &str) -> Option<Script> {
        Language::of(text).dominant
    }

    #[test]
    fn terms_in_capitals_do_not_make_chinese_text_mixed() {
        let language = Language::of("Q1内DAU提升到100万，KPI达成率不低于95%");
        assert_eq!(language.dominant, Some(Script::Chinese));
        assert!(!language.mixed);
    }

    #[test]
    fn english_prose_is_english() {
        assert_eq!(
            Language::of("Raise trial-to-paid conversion from 4.2% to 6% by end of Q3"),
            Language {
                dominant: Some(Script::English),
                mixed: false
            }
        );
    }

    #[test]
    fn mixed_text_goes_by_the_larger_share() {
        let chinese = Language::of("完成新版onboarding流程上线，新用户7日留存提升到40%");
        assert_eq!(chinese.dominant, Some(Script::Chinese));
        assert!(chinese.mixed);
        let english = Language::of("Ship the new onboarding flow to all users in 华东区 by Q2");
        assert_eq!(english.dominant, Some(Script::English));
        assert!(english.mixed);
    }

    #[test]
    fn text_without_prose_has_no_language() {
        assert_eq!(dominant("100% / 99.9%"), None);
        assert_eq!(dominant("KPI ≥ 95%"), None);
    }
}
