//! Word lists (`rules/lexicon/zh/*.txt`, `rules/lexicon/en/*.txt`), compiled in: one term a
//! line, `#` comments. English terms are base forms; their inflections are matched too.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

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
    /// A bound on a measure: at least, below, no more than. Chinese lists them as directions.
    Comparator,
    /// What others ask of the team: orders, requests, tickets, calls.
    Request,
}

impl WordClass {
    /// The classes of verbs a clause can turn on.
    pub const VERBS: [WordClass; 8] = [
        WordClass::ActivityVerb,
        WordClass::Direction,
        WordClass::Result,
        WordClass::SoftResult,
        WordClass::Gain,
        WordClass::Vague,
        WordClass::Maintain,
        WordClass::Completion,
    ];

    const ALL: [WordClass; 18] = [
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
        WordClass::Comparator,
        WordClass::Request,
    ];

    fn bit(self) -> u32 {
        1 << self as u32
    }

    fn chinese(self) -> &'static str {
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
            WordClass::Request => include_str!("../../rules/lexicon/zh/request-nouns.txt"),
            WordClass::Comparator => "",
        }
    }

    fn english(self) -> &'static str {
        match self {
            WordClass::ActivityVerb => include_str!("../../rules/lexicon/en/activity-verbs.txt"),
            WordClass::Deliverable => include_str!("../../rules/lexicon/en/deliverable-nouns.txt"),
            WordClass::Metric => include_str!("../../rules/lexicon/en/metric-nouns.txt"),
            WordClass::Direction => include_str!("../../rules/lexicon/en/direction-verbs.txt"),
            WordClass::Result => include_str!("../../rules/lexicon/en/result-verbs.txt"),
            WordClass::SoftResult => include_str!("../../rules/lexicon/en/soft-result-verbs.txt"),
            WordClass::Completion => include_str!("../../rules/lexicon/en/completion-words.txt"),
            WordClass::Vague => include_str!("../../rules/lexicon/en/vague-verbs.txt"),
            WordClass::Hedge => include_str!("../../rules/lexicon/en/hedges.txt"),
            WordClass::Absolute => include_str!("../../rules/lexicon/en/absolutes.txt"),
            WordClass::Maintain => include_str!("../../rules/lexicon/en/maintain-words.txt"),
            WordClass::Staff => include_str!("../../rules/lexicon/en/staff-nouns.txt"),
            WordClass::Team => include_str!("../../rules/lexicon/en/team-nouns.txt"),
            WordClass::Partner => include_str!("../../rules/lexicon/en/partner-nouns.txt"),
            WordClass::Gain => include_str!("../../rules/lexicon/en/gain-verbs.txt"),
            WordClass::Comparator => include_str!("../../rules/lexicon/en/comparators.txt"),
            WordClass::Request => include_str!("../../rules/lexicon/en/request-nouns.txt"),
            WordClass::NumberIdiom => "",
        }
    }
}

/// A set of word classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u32);

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
    /// Chinese terms (and the acronyms the Chinese lists hold), as written.
    words: FxHashMap<&'static str, Classes>,
    /// English terms, lower-cased; a phrase's words joined by one space.
    english: FxHashMap<String, Classes>,
    /// Irregular verb forms and their base forms (ran → run).
    irregular: FxHashMap<&'static str, &'static str>,
    /// The first words of English phrases (as soon as possible, roll out).
    phrase_starts: FxHashSet<String>,
    longest_phrase: usize,
}

/// How an English word is inflected: what tells an imperative (Launch), a finite verb after
/// its subject (users triple, tickets resolved) and a modifier (launch event) apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    /// launches, hires: a third-person verb or a plural noun.
    S,
    /// launched, held: a past tense or a participle.
    Past,
    /// launching.
    Ing,
}

impl Lexicon {
    fn built_in() -> Self {
        let mut words: FxHashMap<&'static str, Classes> = FxHashMap::default();
        let mut english: FxHashMap<String, Classes> = FxHashMap::default();
        for class in WordClass::ALL {
            for term in terms(class.chinese()) {
                words.entry(term).or_default().0 |= class.bit();
            }
            for term in terms(class.english()) {
                english.entry(term.to_lowercase()).or_default().0 |= class.bit();
            }
        }
        let irregular = terms(include_str!("../../rules/lexicon/en/irregular-verbs.txt"))
            .filter_map(|line| line.split_once(' '))
            .map(|(form, base)| (form, base.trim()))
            .collect();
        let phrases = english.keys().filter(|k| k.contains(' '));
        let phrase_starts = phrases
            .clone()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_owned)
            .collect();
        let longest_phrase = phrases.map(|k| k.split(' ').count()).max().unwrap_or(1);
        Lexicon {
            words,
            english,
            irregular,
            phrase_starts,
            longest_phrase,
        }
    }

    pub fn classes(&self, word: &str) -> Classes {
        self.entry(word).0
    }

    /// A word's classes, and for an English word how it is inflected.
    pub fn entry(&self, word: &str) -> (Classes, Option<Form>) {
        if is_english(word) {
            let listed = self.words.get(word).copied().unwrap_or_default();
            let english = self.english_entry(word);
            let classes = english.map_or(Classes::default(), |e| e.0);
            return (Classes(listed.0 | classes.0), english.map(|e| e.1));
        }
        (self.chinese_classes(word), None)
    }

    fn chinese_classes(&self, word: &str) -> Classes {
        let mut classes = self.words.get(word).copied().unwrap_or_default();
        // Only words ending in one of these characters get a class from their ending.
        let last = word.chars().next_back();
        const TELLING_ENDINGS: [char; 16] = [
            '率', '额', '量', '数', '间', '长', '期', '本', '用', '入', '分', '价', '度', '感',
            '员', '师',
        ];
        if !last.is_some_and(|c| TELLING_ENDINGS.contains(&c)) {
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

    /// An English word's classes and its form, found under the word itself or its base form
    /// (launches, launched, launching → launch; held → hold; studies → study).
    pub fn english_entry(&self, word: &str) -> Option<(Classes, Form)> {
        remembered(&ENTRIES, word, || self.find_english_entry(word))
    }

    fn find_english_entry(&self, word: &str) -> Option<(Classes, Form)> {
        let lower = word.to_ascii_lowercase();
        self.inflected_entry(&lower).or_else(|| {
            // A prefixed verb is its stem's kind: re-run, co-host, cross-train.
            let stem = ["re-", "co-", "cross-", "pre-"]
                .iter()
                .find_map(|p| lower.strip_prefix(p));
            if let Some(stem) = stem {
                return self.inflected_entry(stem);
            }
            // A quality named by its ending is a measure: discoverability, usability.
            if ["ability", "ibility"].iter().any(|e| lower.ends_with(e)) && lower.len() > 8 {
                return Some((Classes::default().with(WordClass::Metric), Form::Base));
            }
            // Written solid, only an act or a result is redone: relaunch, rebuild, recertify;
            // not reach or refer.
            let stem = lower.strip_prefix("re").filter(|s| s.len() >= 4)?;
            self.inflected_entry(stem).filter(|(classes, _)| {
                classes.has(WordClass::ActivityVerb) || classes.has(WordClass::Result)
            })
        })
    }

    fn inflected_entry(&self, lower: &str) -> Option<(Classes, Form)> {
        let (base, form) = self.base_of(lower, |w| self.english.contains_key(w))?;
        let classes = *self.english.get(base.as_ref())?;
        // A word listed only as a noun has a plural, not a verb's forms: `pricing` is no
        // price.
        let nouns = [
            WordClass::Deliverable,
            WordClass::Metric,
            WordClass::Staff,
            WordClass::Team,
            WordClass::Partner,
            WordClass::Request,
        ];
        let noun_only = nouns.iter().any(|c| classes.has(*c))
            && !WordClass::VERBS.iter().any(|c| classes.has(*c));
        (!noun_only || matches!(form, Form::Base | Form::S)).then_some((classes, form))
    }

    /// The base form `lower` is an inflection of, by `listed`'s judgement, and which form it
    /// is: the word itself, an irregular form (held → hold), or a regular one (launches →
    /// launch).
    fn base_of<'w>(
        &self,
        lower: &'w str,
        listed: impl Fn(&str) -> bool,
    ) -> Option<(Cow<'w, str>, Form)> {
        if listed(lower) {
            return Some((Cow::Borrowed(lower), Form::Base));
        }
        if let Some(base) = self.irregular.get(lower) {
            return listed(base).then_some((Cow::Borrowed(*base), Form::Past));
        }
        base_forms(lower)
            .find(|(base, _)| listed(base))
            .map(|(base, form)| (Cow::Owned(base), form))
    }

    /// The longest English phrase of the lexicon that `words` start with (roll out, as soon as
    /// possible, no more than): how many words it takes, two or more, and its classes.
    pub fn phrase(&self, words: &[&str]) -> Option<(usize, Classes)> {
        let first = self.base_form(words.first()?);
        if !self.phrase_starts.contains(&*first) {
            return None;
        }
        let longest = self.longest_phrase.min(words.len());
        (2..=longest).rev().find_map(|n| {
            let rest = words[1..n].iter().map(|w| w.to_ascii_lowercase());
            let phrase = std::iter::once(first.to_string())
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" ");
            self.english.get(phrase.as_str()).map(|c| (n, *c))
        })
    }

    /// Whether two English words (or phrases) are one: the same without case, spacing or
    /// inflection (`improve`, `Improved`).
    pub fn same_english_word(&self, a: &str, b: &str) -> bool {
        let spaced = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (a, b) = (spaced(a), spaced(b));
        a.eq_ignore_ascii_case(&b) || self.base_form(&a) == self.base_form(&b)
    }

    /// The most words an English phrase of the lexicon has.
    pub fn longest_phrase(&self) -> usize {
        self.longest_phrase
    }

    /// The listed base form of an English word (or a phrase's first word): `cutting` is `cut`,
    /// `fell` is `fall`; an unlisted word is itself, lower-cased.
    pub fn base_form(&self, word: &str) -> Rc<str> {
        remembered(&BASE_FORMS, word, || self.find_base_form(word).into())
    }

    fn find_base_form(&self, word: &str) -> String {
        let lower = word.to_ascii_lowercase();
        let listed = |w: &str| self.english.contains_key(w) || self.phrase_starts.contains(w);
        match self.base_of(&lower, listed) {
            Some((base, _)) => base.into_owned(),
            None => lower,
        }
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

/// Words that name a measure by their ending: 退回率, 满意度, 销售额, 流量, 人数, 响应时间, 单价,
/// 消费频次.
pub fn names_a_measure(word: &str) -> bool {
    const ENDINGS: [&str; 14] = [
        "率", "额", "量", "数", "时间", "时长", "周期", "成本", "费用", "收入", "指数", "得分",
        "价", "频次",
    ];
    // Qualities and forces, not measures; amounts said in words (尽量, 大量), not measured.
    const NOT: [&str; 10] = [
        "质量", "力量", "能量", "分量", "尽量", "大量", "少量", "适量", "批量", "考量",
    ];
    let chars = word.chars().count();
    (chars >= 2 && !NOT.contains(&word) && ENDINGS.iter().any(|e| word.ends_with(e) && word != *e))
        // 满意度, 清晰度; two-character 制度, 年度, 程度 are not measures. 归属感, 获得感: a
        // felt state, measured by asking.
        || (chars >= 3 && (word.ends_with('度') || word.ends_with('感')))
}

/// A word okrlint reads with the English lexicons: ASCII with a letter in it.
pub fn is_english(word: &str) -> bool {
    word.is_ascii() && word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The base forms a lower-cased English word may be an inflection of, most likely first.
fn base_forms(word: &str) -> impl Iterator<Item = (String, Form)> + '_ {
    let mut candidates: Vec<(String, Form)> = Vec::new();
    // Endings are English: a word with other letters (a₂ed) has none, and its bytes are not
    // its characters.
    if !word.is_ascii() {
        return candidates.into_iter();
    }
    let strip = |suffix: &str| word.strip_suffix(suffix).filter(|stem| stem.len() >= 2);
    let undouble = |stem: &str| {
        let bytes = stem.as_bytes();
        let doubled = bytes.len() >= 3 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
        doubled.then(|| stem[..stem.len() - 1].to_owned())
    };
    if let Some(stem) = strip("ies").or_else(|| strip("ied")) {
        let form = if word.ends_with('s') {
            Form::S
        } else {
            Form::Past
        };
        candidates.push((format!("{stem}y"), form));
    }
    if let Some(stem) = strip("es") {
        candidates.push((stem.to_owned(), Form::S));
    }
    if let Some(stem) = strip("s").filter(|s| !s.ends_with('s')) {
        candidates.push((stem.to_owned(), Form::S));
    }
    for (suffix, form) in [("ed", Form::Past), ("ing", Form::Ing)] {
        if let Some(stem) = strip(suffix) {
            candidates.push((stem.to_owned(), form));
            candidates.push((format!("{stem}e"), form));
            candidates.extend(undouble(stem).map(|s| (s, form)));
        }
    }
    candidates.into_iter()
}

/// The terms of a list: trimmed lines, comments and blank lines skipped.
pub fn terms(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|term| !term.is_empty())
}

/// A short list of content words that one judgement reads (`rules/lexicon/zh/kind/`,
/// `rules/lexicon/en/kind/`, `rules/lexicon/zh/quantity/`), read once on first use. Unlike the
/// class lists, its terms are never added to the segmenter.
pub type WordList = LazyLock<Box<[&'static str]>>;

/// A [`WordList`] from a file under `rules/lexicon/`: `word_list!("zh/kind/receipts.txt")`.
macro_rules! word_list {
    ($path:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::analysis::lexicon::terms(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/rules/lexicon/",
                $path
            )))
            .collect()
        })
    };
}
pub(crate) use word_list;

type Remembered<T> = RefCell<FxHashMap<Box<str>, T>>;

thread_local! {
    // What English words were found to be, by the one lexicon of the process: words recur
    // through a run, and finding a base form tries several spellings.
    static ENTRIES: Remembered<Option<(Classes, Form)>> = RefCell::default();
    static BASE_FORMS: Remembered<Rc<str>> = RefCell::default();
}

/// `find`'s answer for `word`, remembered for the thread (up to a few thousand words).
fn remembered<T: Clone>(
    memory: &'static std::thread::LocalKey<Remembered<T>>,
    word: &str,
    find: impl FnOnce() -> T,
) -> T {
    const WORDS: usize = 8192;
    if let Some(known) = memory.with_borrow(|m| m.get(word).cloned()) {
        return known;
    }
    let found = find();
    memory.with_borrow_mut(|m| {
        if m.len() >= WORDS {
            m.clear();
        }
        m.insert(word.into(), found.clone());
    });
    found
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
    fn english_words_are_found_under_their_base_forms() {
        let lex = lexicon();
        for (word, class, form) in [
            ("launches", WordClass::ActivityVerb, Form::S),
            ("Launched", WordClass::ActivityVerb, Form::Past),
            ("launching", WordClass::ActivityVerb, Form::Ing),
            ("shipped", WordClass::ActivityVerb, Form::Past),
            ("held", WordClass::ActivityVerb, Form::Past),
            ("identified", WordClass::ActivityVerb, Form::Past),
            ("writing", WordClass::ActivityVerb, Form::Ing),
            ("customers", WordClass::Partner, Form::S),
            ("families", WordClass::Partner, Form::S),
            ("improve", WordClass::Vague, Form::Base),
            ("cross-trained", WordClass::ActivityVerb, Form::Past),
            ("hired", WordClass::ActivityVerb, Form::Past),
            ("Relaunch", WordClass::ActivityVerb, Form::Base),
            ("rebuilt", WordClass::ActivityVerb, Form::Past),
        ] {
            let (classes, found) = lex.english_entry(word).expect(word);
            assert!(classes.has(class), "{word}");
            assert_eq!(found, form, "{word}");
        }
        assert!(lex.english_entry("unlisted").is_none());
        // Only acts are redone: a vague word is not one.
        assert!(lex.english_entry("reimprove").is_none());
        // Not English letters: no endings to strip, and no panic on multi-byte characters.
        assert!(lex.english_entry("a₂ed").is_none());
        assert!(lex.english_entry("x₂₂ing").is_none());
        assert!(lex.classes("NPS").has(WordClass::Metric));
    }

    #[test]
    fn measures_are_named_by_their_ending_but_amounts_in_words_are_not() {
        for word in ["退回率", "销售额", "流量", "满意度", "响应时间"] {
            assert!(names_a_measure(word), "{word}");
        }
        for word in ["尽量", "大量", "质量", "制度", "率"] {
            assert!(!names_a_measure(word), "{word}");
        }
    }

    /// Each short list is read by a judgement, holds terms, and holds each once.
    #[test]
    fn every_word_list_is_read_and_well_formed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let code = [
            "src/analysis/kind.rs",
            "src/analysis/kind/english.rs",
            "src/analysis/quantity.rs",
        ]
        .map(|file| std::fs::read_to_string(root.join(file)).expect("the code is there"))
        .concat();
        for folder in ["zh/kind", "en/kind", "zh/quantity", "en/quantity"] {
            let lists = root.join("rules/lexicon").join(folder);
            for entry in std::fs::read_dir(&lists).expect("the lists are there") {
                let path = entry.expect("a list can be listed").path();
                let name = format!("{folder}/{}", path.file_name().unwrap().display());
                assert!(
                    code.contains(&format!("word_list!(\"{name}\")")),
                    "{name} is read"
                );
                let text: &'static str = std::fs::read_to_string(&path).unwrap().leak();
                let list: Vec<&str> = terms(text).collect();
                let unique: FxHashSet<&str> = list.iter().copied().collect();
                assert!(!list.is_empty(), "{name} has terms");
                assert_eq!(unique.len(), list.len(), "{name} lists a term twice");
            }
        }
    }

    #[test]
    fn comments_and_blank_lines_are_not_terms() {
        let list: Vec<&str> = terms("# why\n完成\n\n  组织  # inline\n").collect();
        assert_eq!(list, ["完成", "组织"]);
    }
}
