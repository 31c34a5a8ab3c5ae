//! Word segmentation with jieba-rs, on a trimmed dictionary plus our lexicon terms, built
//! once per process and only when a text has Chinese in it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};

use jieba_rs::Jieba;
use rustc_hash::FxHashMap;

use super::lexicon::{Classes, Form, WordClass, lexicon};
use super::vocabulary::Vocabulary;
use crate::source::Span;

/// A word of an item's text, with its absolute span, jieba's tag and our classes.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    pub text: &'t str,
    pub span: Span,
    pub tag: &'t str,
    pub classes: Classes,
    /// How a listed English word is inflected (launch, launches, launched, launching).
    pub form: Option<Form>,
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
            .any(|c| crate::syntax::is_word_char(c) || matches!(c, '%' | '％' | '‰'))
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
    // Words are jieba's tags, some joined: never more of them, so one reservation is enough.
    let tags = segmenter(vocabulary).tag(text, false);
    let mut words: Vec<Word<'t>> = Vec::with_capacity(tags.len());
    let mut tags = tags.into_iter().peekable();
    while let Some(t) = tags.next() {
        let span = Span::new(base + t.byte_start, base + t.byte_end);
        let following = tags.peek().map(|n| n.word);
        let joins = |w: &&mut Word<'_>| joins_measure_ending(w, t.word, following);
        if let Some(last) = words.last_mut().filter(joins) {
            let joined = &text[last.span.start - base..t.byte_end];
            *last = Word {
                text: joined,
                span: last.span.cover(span),
                tag: "n",
                classes: vocabulary.classes(joined),
                form: None,
            };
            continue;
        }
        let (classes, form) = vocabulary.entry(t.word);
        words.push(Word {
            text: t.word,
            span,
            tag: t.tag,
            classes,
            form,
        });
    }
    words
}

/// 错误/率, 认知/度, 例/数, 归属/感: a measure's ending split off by the segmenter rejoins its
/// word; so does the 者 of an agent noun (开发/者, 贡献/者). A 感 that opens 感控 or 感染
/// (修订/感/控制度: revise the infection-control rules) stays with what `following` it.
fn joins_measure_ending(previous: &Word<'_>, next: &str, following: Option<&str>) -> bool {
    let opens_word = next == "感" && following.is_some_and(|f| f.starts_with(['控', '染']));
    matches!(next, "率" | "额" | "量" | "度" | "数" | "感" | "者")
        && !opens_word
        && previous.text.chars().all(crate::syntax::is_cjk)
        && !previous.is_punctuation()
}

/// English (or any text without Chinese): words are runs of letters and digits, joined by
/// an apostrophe, a hyphen or a slash (trial-to-paid, A/B), numbers keep their separators
/// and decimals (18,000, 4.2%), and the lexicon's phrases are one word (roll out, as soon as
/// possible). Every other symbol is a word of its own.
fn plain_words<'t>(text: &'t str, base: usize, vocabulary: &Vocabulary) -> Vec<Word<'t>> {
    let mut words = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let at = text.len() - rest.len();
        let len = if c.is_alphanumeric() {
            token_length(rest)
        } else {
            c.len_utf8()
        };
        let token = &rest[..len];
        if !c.is_whitespace() {
            let tag = if c.is_ascii_digit() {
                "m"
            } else if c.is_alphanumeric() {
                "eng"
            } else {
                "x"
            };
            let (classes, form) = vocabulary.entry(token);
            words.push(Word {
                text: token,
                span: Span::new(base + at, base + at + len),
                tag,
                classes,
                form,
            });
        }
        rest = &rest[len..];
    }
    unclass_names(&mut words);
    join_phrases(text, base, words, vocabulary)
}

/// A capitalised word inside a sentence, before a number, names a thing (Open Lift 4, the
/// Route 66 flights, "Cold Case 19"): it is none of our verbs or nouns. A metric keeps its
/// class (Grow Sales 20%).
fn unclass_names(words: &mut [Word<'_>]) {
    for i in 1..words.len().saturating_sub(1) {
        let word = &words[i];
        let titled = word.text.starts_with(|c: char| c.is_ascii_uppercase())
            && word.text.bytes().any(|b| b.is_ascii_lowercase());
        let named = titled
            && words[i - 1].tag == "eng"
            && words[i + 1].tag == "m"
            && !word.is(WordClass::Metric);
        if named {
            words[i].classes = Classes::default();
            words[i].form = None;
        }
    }
}

/// The length of the word `text` starts with, looking at each character once.
fn token_length(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    let mut end = 0;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            _ if c.is_alphanumeric() => true,
            '\'' | '’' | '-' | '/' => {
                previous.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)
            }
            ',' | '.' => {
                previous.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            '%' => previous.is_some_and(|p| p.is_ascii_digit()),
            _ => false,
        };
        if !joins {
            break;
        }
        end = at + c.len_utf8();
        previous = Some(c);
    }
    end
}

/// Merges the lexicon's phrases into one word each.
fn join_phrases<'t>(
    text: &'t str,
    base: usize,
    words: Vec<Word<'t>>,
    vocabulary: &Vocabulary,
) -> Vec<Word<'t>> {
    let lex = lexicon();
    let mut joined = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let run: Vec<&str> = words[i..]
            .iter()
            .take_while(|w| w.tag == "eng")
            .take(lex.longest_phrase())
            .map(|w| w.text)
            .collect();
        match lex.phrase(&run) {
            Some((n, classes)) => {
                let span = words[i].span.cover(words[i + n - 1].span);
                let phrase = &text[span.start - base..span.end - base];
                joined.push(Word {
                    text: phrase,
                    span,
                    tag: "eng",
                    classes: vocabulary.adjusted(phrase, classes),
                    form: lex.entry(phrase).1,
                });
                i += n;
            }
            None => {
                joined.push(words[i]);
                i += 1;
            }
        }
    }
    joined
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
    fn split_endings_rejoin_their_word() {
        let texts = |text: &'static str| -> Vec<&'static str> {
            words(text, 0, &Vocabulary::default())
                .iter()
                .map(|w| w.text)
                .collect()
        };
        assert_eq!(texts("贡献者归属感提升"), ["贡献者", "归属感", "提升"]);
        // 修订/感控制度 revises the infection-control rules; 设计感 is a felt quality.
        let revised = texts("修订感控制度");
        assert!(!revised.contains(&"修订感"), "{revised:?}");
        assert!(texts("提升首页视觉设计感").contains(&"设计感"));
    }

    #[test]
    fn text_without_chinese_is_split_plainly() {
        let words: Vec<&str> = words("NPS 50, ship v2", 0, &Vocabulary::default())
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["NPS", "50", ",", "ship", "v2"]);
    }

    #[test]
    fn english_numbers_compounds_and_phrases_are_one_word_each() {
        let words: Vec<&str> = words(
            "Grow trial-to-paid users from 18,000 to 25,000 (4.2%) as soon as possible; rolled out",
            0,
            &Vocabulary::default(),
        )
        .iter()
        .map(|w| w.text)
        .collect();
        assert_eq!(
            words,
            [
                "Grow",
                "trial-to-paid",
                "users",
                "from",
                "18,000",
                "to",
                "25,000",
                "(",
                "4.2%",
                ")",
                "as soon as possible",
                ";",
                "rolled out"
            ]
        );
        let rolled_out = &super::words("rolled out", 0, &Vocabulary::default())[0];
        assert!(rolled_out.is(WordClass::ActivityVerb));
    }
}
