//! Word lists (`rules/lexicon/zh/*.txt`), compiled in: one term a line, `#` comments.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// What a word can be. A word may belong to several classes (提升 is vague and a direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordClass {
    ActivityVerb,
    Deliverable,
    Metric,
    Direction,
    Result,
    SoftResult,
    Completion,
    Vague,
    Hedge,
    Absolute,
    Maintain,
    Staff,
    Team,
    NumberIdiom,
    Partner,
    Gain,
}

impl WordClass {
    const ALL: [WordClass; 16] = [
        WordClass::ActivityVerb,
        WordClass::Deliverable,
        WordClass::Metric,
        WordClass::Direction,
        WordClass::Result,
        WordClass::SoftResult,
        WordClass::Completion,
        WordClass::Vague,
        WordClass::Hedge,
        WordClass::Absolute,
        WordClass::Maintain,
        WordClass::Staff,
        WordClass::Team,
        WordClass::NumberIdiom,
        WordClass::Partner,
        WordClass::Gain,
    ];

    fn bit(self) -> u16 {
        1 << self as u16
    }

    fn list(self) -> &'static str {
        match self {
            WordClass::ActivityVerb => include_str!("../../rules/lexicon/zh/activity-verbs.txt"),
            WordClass::Deliverable => include_str!("../../rules/lexicon/zh/deliverable-nouns.txt"),
            WordClass::Metric => include_str!("../../rules/lexicon/zh/metric-nouns.txt"),
            WordClass::Direction => include_str!("../../rules/lexicon/zh/direction-verbs.txt"),
            WordClass::Result => include_str!("../../rules/lexicon/zh/result-verbs.txt"),
            WordClass::SoftResult => include_str!("../../rules/lexicon/zh/soft-result-verbs.txt"),
            WordClass::Completion => include_str!("../../rules/lexicon/zh/completion-words.txt"),
            WordClass::Vague => include_str!("../../rules/lexicon/zh/vague-verbs.txt"),
            WordClass::Hedge => include_str!("../../rules/lexicon/zh/hedges.txt"),
            WordClass::Absolute => include_str!("../../rules/lexicon/zh/absolutes.txt"),
            WordClass::Maintain => include_str!("../../rules/lexicon/zh/maintain-words.txt"),
            WordClass::Staff => include_str!("../../rules/lexicon/zh/staff-nouns.txt"),
            WordClass::Team => include_str!("../../rules/lexicon/zh/team-nouns.txt"),
            WordClass::NumberIdiom => include_str!("../../rules/lexicon/zh/number-idioms.txt"),
            WordClass::Partner => include_str!("../../rules/lexicon/zh/partner-nouns.txt"),
            WordClass::Gain => include_str!("../../rules/lexicon/zh/gain-verbs.txt"),
        }
    }
}

/// A set of word classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    pub fn has(self, class: WordClass) -> bool {
        self.0 & class.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn with(self, class: WordClass) -> Classes {
        Classes(self.0 | class.bit())
    }

    pub fn iter(self) -> impl Iterator<Item = WordClass> {
        WordClass::ALL.into_iter().filter(move |c| self.has(*c))
    }
}

/// Every listed term with its classes.
pub struct Lexicon {
    words: FxHashMap<&'static str, Classes>,
}

impl Lexicon {
    fn built_in() -> Self {
        let mut words: FxHashMap<&'static str, Classes> = FxHashMap::default();
        for class in WordClass::ALL {
            for term in terms(class.list()) {
                words.entry(term).or_default().0 |= class.bit();
            }
        }
        Lexicon { words }
    }

    pub fn classes(&self, word: &str) -> Classes {
        let mut classes = self.words.get(word).copied().unwrap_or_default();
        // Only words ending in one of these characters get a class from their ending.
        let last = word.chars().next_back();
        if !last.is_some_and(|c| "率额量数间长期本用入分价度员师".contains(c)) {
            return classes;
        }
        if names_a_measure(word) {
            classes.0 |= WordClass::Metric.bit();
        }
        // 研究员, 工程师, 设计师: people hired are inputs (会员 and 学员 are listed as partners).
        let person = (word.ends_with('员') || word.ends_with('师')) && word.chars().count() >= 2;
        if person && !classes.has(WordClass::Partner) {
            classes.0 |= WordClass::Staff.bit();
        }
        // 评估率, 执行率: the rate of an activity is how much of the work was done.
        let stem = word.strip_suffix('率').unwrap_or("");
        if !stem.is_empty()
            && self
                .words
                .get(stem)
                .is_some_and(|c| c.has(WordClass::ActivityVerb))
        {
            classes.0 |= WordClass::Completion.bit();
        }
        classes
    }

    /// Every term, for the segmenter to keep whole.
    pub fn terms(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.keys().copied()
    }

    /// Terms of one class, for scanning raw text.
    pub fn of(&self, class: WordClass) -> impl Iterator<Item = &'static str> + '_ {
        self.words
            .iter()
            .filter(move |(_, c)| c.has(class))
            .map(|(w, _)| *w)
    }
}

/// Words that name a measure by their ending: 退回率, 满意度, 销售额, 流量, 人数, 响应时间, 单价.
pub fn names_a_measure(word: &str) -> bool {
    const ENDINGS: [&str; 13] = [
        "率", "额", "量", "数", "时间", "时长", "周期", "成本", "费用", "收入", "指数", "得分",
        "价",
    ];
    // Qualities and forces, not measures.
    const NOT: [&str; 4] = ["质量", "力量", "能量", "分量"];
    let chars = word.chars().count();
    (chars >= 2 && !NOT.contains(&word) && ENDINGS.iter().any(|e| word.ends_with(e) && word != *e))
        // 满意度, 清晰度; two-character 制度, 年度, 程度 are not measures.
        || (chars >= 3 && word.ends_with('度'))
}

/// The terms of a list: trimmed lines, comments and blank lines skipped.
pub fn terms(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|term| !term.is_empty())
}

/// The built-in lexicon, built once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::built_in);
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_every_class_they_are_listed_in() {
        let lex = lexicon();
        let classes = lex.classes("提升");
        assert!(classes.has(WordClass::Vague) && classes.has(WordClass::Direction));
        assert!(lex.classes("报告").has(WordClass::Deliverable));
        assert!(lex.classes("未列出的词").is_empty());
    }

    #[test]
    fn comments_and_blank_lines_are_not_terms() {
        let list: Vec<&str> = terms("# why\n完成\n\n  组织  # inline\n").collect();
        assert_eq!(list, ["完成", "组织"]);
    }
}
