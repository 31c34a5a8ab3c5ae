//! Words a configuration adds to the built-in lexicons (`[vocab]` in `okrlint.toml`).

use super::lexicon::{Classes, WordClass, lexicon};

/// A configuration's words: more vague verbs, hedges and activity verbs; words never to flag;
/// and words for the segmenter to keep whole (from a user dictionary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Vocabulary {
    pub accept: Vec<String>,
    pub vague: Vec<String>,
    pub hedge: Vec<String>,
    pub activity: Vec<String>,
    /// Entries of a user dictionary in jieba's format.
    pub dictionary: Vec<DictionaryEntry>,
}

impl Vocabulary {
    pub fn is_empty(&self) -> bool {
        *self == Vocabulary::default()
    }

    /// A word's classes: the built-in ones, with this vocabulary's additions; an accepted word
    /// has none, so nothing flags it.
    pub fn classes(&self, word: &str) -> Classes {
        if self.accept.iter().any(|w| w == word) {
            return Classes::default();
        }
        let mut classes = lexicon().classes(word);
        for (list, class) in [
            (&self.vague, WordClass::Vague),
            (&self.hedge, WordClass::Hedge),
            (&self.activity, WordClass::ActivityVerb),
        ] {
            if list.iter().any(|w| w == word) {
                classes = classes.with(class);
            }
        }
        classes
    }

    /// Every word the segmenter should keep whole, with its frequency and tag.
    pub fn segmenter_words(&self) -> impl Iterator<Item = (&str, Option<usize>, Option<&str>)> {
        let listed = [&self.accept, &self.vague, &self.hedge, &self.activity]
            .into_iter()
            .flatten()
            .map(|w| (w.as_str(), None, None));
        let dictionary = self
            .dictionary
            .iter()
            .map(|(w, f, t)| (w.as_str(), *f, t.as_deref()));
        listed.chain(dictionary)
    }
}

/// A user dictionary's line: a word, and optionally its frequency and tag.
pub type DictionaryEntry = (String, Option<usize>, Option<String>);

/// What the analysis is told by the configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The period every key result inherits when no heading declares one (`[period] default`).
    pub default_period: Option<String>,
    pub vocabulary: Vocabulary,
}
