//! Words a configuration adds to the built-in lexicons (`[vocab]` in `okrlint.toml`).

use super::lexicon::{Classes, Form, WordClass, is_english, lexicon};

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
    #[inline]
    pub fn is_empty(&self) -> bool {
        let Vocabulary {
            accept,
            vague,
            hedge,
            activity,
            dictionary,
        } = self;
        accept.is_empty()
            && vague.is_empty()
            && hedge.is_empty()
            && activity.is_empty()
            && dictionary.is_empty()
    }

    /// A word's classes: the built-in ones, with this vocabulary's additions; an accepted word
    /// has none, so nothing flags it.
    pub fn classes(&self, word: &str) -> Classes {
        self.entry(word).0
    }

    /// A word's classes, with this vocabulary's additions, and for an English word how it is
    /// inflected.
    pub fn entry(&self, word: &str) -> (Classes, Option<Form>) {
        let (classes, form) = lexicon().entry(word);
        (self.adjusted(word, classes), form)
    }

    /// A word's (or a phrase's) built-in classes, with this vocabulary's additions. English
    /// is compared without case and by base form: `accept = ["improve"]` covers `Improved`.
    #[inline]
    pub fn adjusted(&self, word: &str, classes: Classes) -> Classes {
        // Called for every word: most runs configure no words, and pay one test for it.
        if self.is_empty() {
            classes
        } else {
            self.adjusted_by_lists(word, classes)
        }
    }

    fn adjusted_by_lists(&self, word: &str, mut classes: Classes) -> Classes {
        let listed = |list: &[String]| {
            list.iter()
                .any(|w| w == word || (is_english(word) && lexicon().same_english_word(w, word)))
        };
        if listed(&self.accept) {
            return Classes::default();
        }
        for (list, class) in [
            (&self.vague, WordClass::Vague),
            (&self.hedge, WordClass::Hedge),
            (&self.activity, WordClass::ActivityVerb),
        ] {
            if listed(list) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_matched_without_case_and_by_base_form() {
        let vocabulary = Vocabulary {
            accept: vec!["improve".to_owned(), "as soon as possible".to_owned()],
            hedge: vec!["ideally".to_owned()],
            ..Vocabulary::default()
        };
        assert!(vocabulary.classes("Improved").is_empty());
        assert!(vocabulary.classes("Ideally").has(WordClass::Hedge));
        let phrase = lexicon().classes("as soon as possible");
        assert!(!phrase.is_empty());
        assert!(
            vocabulary
                .adjusted("As soon  as possible", phrase)
                .is_empty()
        );
    }
}
