//! Word segmentation with jieba-rs, on a trimmed dictionary plus our lexicon terms, built
//! once per process and only when a text has Chinese in it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use super::lexicon::{Classes, WordClass, lexicon};
use super::vocabulary::Vocabulary;
use crate::source::Span;

/// A word of an item's text, with its absolute span, jieba's tag and our classes.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    pub text: &'t str,
    pub span: Span,
    pub tag: &'t str,
    pub classes: Classes,
}

impl Word<'_> {
    pub fn is(&self, class: WordClass) -> bool {
        self.classes.has(class)
    }

    /// Punctuation, spaces and symbols: what separates clauses and is never a predicate.
    pub fn is_punctuation(&self) -> bool {
        !self
            .text
            .chars()
            .any(|c| crate::syntax::is_word_char(c) || "%％‰".contains(c))
    }

    /// jieba says verb (`v`, not the nominal `vn`).
    pub fn is_plain_verb(&self) -> bool {
        self.tag == "v"
    }
}

/// Frequency given to lexicon terms the dictionary lacks: enough to keep each one whole.
const TERM_FREQUENCY: usize = 3000;

/// The segmenter for the built-in lexicons.
static SEGMENTER: LazyLock<Jieba> = LazyLock::new(built_in);

/// Segmenters for configured vocabularies, built once each and kept for the process.
static CONFIGURED: LazyLock<Mutex<FxHashMap<Vocabulary, &'static Jieba>>> =
    LazyLock::new(Default::default);

/// The segmenter for a vocabulary: the built-in one, or one that also keeps the
/// vocabulary's words whole.
fn segmenter(vocabulary: &Vocabulary) -> &'static Jieba {
    if vocabulary.is_empty() {
        return &SEGMENTER;
    }
    let mut configured = CONFIGURED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    configured.entry(vocabulary.clone()).or_insert_with(|| {
        let mut jieba = built_in();
        for (word, frequency, tag) in vocabulary.segmenter_words() {
            jieba.add_word(
                word,
                Some(frequency.unwrap_or(TERM_FREQUENCY)),
                Some(tag.unwrap_or("n")),
            );
        }
        // Kept for the process: a run meets few configurations, and words borrow from it.
        Box::leak(Box::new(jieba))
    })
}

/// How many times the Chinese dictionary has been loaded in this process: text with no
/// Chinese must never pay for it.
pub fn dictionary_loads() -> usize {
    DICTIONARY_LOADS.load(Ordering::Relaxed)
}

static DICTIONARY_LOADS: AtomicUsize = AtomicUsize::new(0);

fn built_in() -> Jieba {
    DICTIONARY_LOADS.fetch_add(1, Ordering::Relaxed);
    let dictionary = include_str!("../../rules/lexicon/zh/segmenter.txt");
    let mut jieba = Jieba::with_dict(&mut dictionary.as_bytes())
        .expect("the built-in dictionary is well-formed");
    let lex = lexicon();
    for term in lex.terms() {
        // Single characters are already in the dictionary; raising them would split words.
        // Number idioms only mark numerals that are not quantities; they are not words to keep.
        let classes = lex.classes(term);
        if term.chars().count() > 1 && !jieba.has_word(term) && !classes.has(WordClass::NumberIdiom)
        {
            jieba.add_word(term, Some(TERM_FREQUENCY), Some(tag_for(classes)));
        }
    }
    jieba
}

fn tag_for(classes: Classes) -> &'static str {
    let verbish = [
        WordClass::ActivityVerb,
        WordClass::Direction,
        WordClass::Result,
        WordClass::Vague,
        WordClass::Maintain,
        WordClass::Gain,
    ];
    if verbish.iter().any(|c| classes.has(*c)) {
        "v"
    } else if classes.has(WordClass::Hedge) {
        "d"
    } else {
        "n"
    }
}

/// True when the text has a Chinese character, the only case that needs the segmenter.
fn needs_segmenter(text: &str) -> bool {
    text.chars().any(crate::syntax::is_cjk)
}

/// The words of `text`, which starts at byte `base` of its source, classed by `vocabulary`.
/// Text with no Chinese is split at spaces and punctuation without loading the segmenter.
pub fn words<'t>(text: &'t str, base: usize, vocabulary: &Vocabulary) -> Vec<Word<'t>> {
    if !needs_segmenter(text) {
        return plain_words(text, base, vocabulary);
    }
    let mut words: Vec<Word<'t>> = Vec::new();
    for t in segmenter(vocabulary).tag(text, false) {
        let span = Span::new(base + t.byte_start, base + t.byte_end);
        // 错误/率, 认知/度, 例/数: a measure's ending split off by the segmenter rejoins its word.
        if let Some(last) = words.last_mut().filter(|w| joins_measure_ending(w, t.word)) {
            let joined = &text[last.span.start - base..t.byte_end];
            *last = Word {
                text: joined,
                span: last.span.cover(span),
                tag: "n",
                classes: vocabulary.classes(joined),
            };
            continue;
        }
        words.push(Word {
            text: t.word,
            span,
            tag: t.tag,
            classes: vocabulary.classes(t.word),
        });
    }
    words
}

fn joins_measure_ending(previous: &Word<'_>, next: &str) -> bool {
    matches!(next, "率" | "额" | "量" | "度" | "数")
        && previous.text.chars().all(crate::syntax::is_cjk)
        && !previous.is_punctuation()
}

fn plain_words<'t>(text: &'t str, base: usize, vocabulary: &Vocabulary) -> Vec<Word<'t>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric() || c == '%') {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                words.push(Word {
                    text: word,
                    span: Span::new(base + s, base + i),
                    tag: "eng",
                    classes: vocabulary.classes(word),
                });
                start = None;
            }
            _ => {}
        }
        if !c.is_alphanumeric() && c != '%' && !c.is_whitespace() && i < text.len() {
            words.push(Word {
                text: &text[i..i + c.len_utf8()],
                span: Span::new(base + i, base + i + c.len_utf8()),
                tag: "x",
                classes: Classes::default(),
            });
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_terms_stay_whole_and_spans_are_absolute() {
        let text = "确保反馈问题1小时内得到解决";
        let words = words(text, 100, &Vocabulary::default());
        let solved = words
            .iter()
            .find(|w| w.text == "得到解决")
            .expect("a lexicon term is one word");
        assert!(solved.is(WordClass::Result));
        assert_eq!(solved.span.start, 100 + text.find("得到解决").unwrap());
    }

    #[test]
    fn text_without_chinese_is_split_plainly() {
        let words: Vec<&str> = words("NPS 50, ship v2", 0, &Vocabulary::default())
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["NPS", "50", ",", "ship", "v2"]);
    }
}
