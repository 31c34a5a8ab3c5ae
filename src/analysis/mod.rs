//! Facts about items, derived from the tree and its text: what the rules compare.
//!
//! Recognisers work on an item's raw text and return byte spans into the source: quantities,
//! placeholders, time frames, baselines, clauses and classed words. [`Facts`] gathers them for
//! one item; [`Analysis`] holds them for a whole document. Nothing here knows about rules or
//! output.

pub mod baseline;
pub mod clause;
pub mod facts;
pub mod kind;
pub mod language;
pub mod lexicon;
pub mod placeholder;
pub mod quantity;
pub mod score;
pub mod segment;
pub mod text;
pub mod time;
pub mod vocabulary;

use rustc_hash::FxHashMap;

pub use facts::Facts;
pub use vocabulary::{Options, Vocabulary};

use crate::source::{Source, Span};
use crate::syntax::{Document, Heading, KeyResult};

/// Facts for every key result and objective of a document.
pub struct Analysis {
    /// Key results' facts in document order (that of [`Document::key_results`]), then
    /// objectives' in theirs.
    facts: Vec<Facts>,
    key_result_count: usize,
    /// Where each item's facts are, by the item's span.
    index: FxHashMap<Span, usize>,
    periods: FxHashMap<Span, Span>,
    /// Whether any heading, or the configuration, declares a period.
    pub declares_period: bool,
    default_period: bool,
}

impl Analysis {
    pub fn of(source: &Source, document: &Document, options: &Options) -> Analysis {
        Analysis::build(source, document, options, |span| {
            Facts::of(source.slice(span), span.start, &options.vocabulary)
        })
    }

    /// The same as [`Analysis::of`], reusing the facts of key result texts seen before: an
    /// editor re-analyses a document after every keystroke, and most of its items are as
    /// they were.
    pub fn of_cached(
        source: &Source,
        document: &Document,
        options: &Options,
        cache: &mut FactsCache,
    ) -> Analysis {
        if cache.options != *options || cache.facts.len() > FactsCache::CAPACITY {
            *cache = FactsCache {
                options: options.clone(),
                facts: FxHashMap::default(),
            };
        }
        Analysis::build(source, document, options, |span| {
            let text = source.slice(span);
            // Most texts are cached: look up by `&str`, allocate only on a miss.
            if let Some(relative) = cache.facts.get(text) {
                return relative.shifted(span.start);
            }
            let relative = Facts::of(text, 0, &options.vocabulary);
            let facts = relative.shifted(span.start);
            cache.facts.insert(text.to_owned(), relative);
            facts
        })
    }

    fn build(
        source: &Source,
        document: &Document,
        options: &Options,
        mut facts_of: impl FnMut(Span) -> Facts,
    ) -> Analysis {
        let mut facts = Vec::new();
        let mut index = FxHashMap::default();
        for key_result in document.key_results() {
            index.insert(key_result.item.span, facts.len());
            facts.push(facts_of(key_result.item.text));
        }
        let key_result_count = facts.len();
        for objective in document.objectives() {
            index.insert(objective.item.span, facts.len());
            let text = objective.item.text;
            facts.push(Facts::measures_of(source.slice(text), text.start));
        }
        let mut periods = FxHashMap::default();
        let title_period = document.title.as_ref().and_then(|h| h.period);
        for section in &document.sections {
            let section_period = period(section.heading.as_ref()).or(title_period);
            for unit in &section.units {
                let unit_period = period(unit.heading.as_ref()).or(section_period);
                for kr in unit.key_results() {
                    if let Some(p) = unit_period {
                        periods.insert(kr.item.span, p);
                    }
                }
            }
        }
        let default_period = options.default_period.is_some();
        let declares_period = default_period
            || title_period.is_some()
            || document
                .sections
                .iter()
                .any(|s| period(s.heading.as_ref()).is_some())
            || document
                .units()
                .any(|u| period(u.heading.as_ref()).is_some());
        Analysis {
            facts,
            key_result_count,
            index,
            periods,
            declares_period,
            default_period,
        }
    }

    /// The facts of an item, by its span. An objective's facts hold only its time frames,
    /// placeholders and quantities: nothing judges an objective's wording.
    pub fn facts(&self, item: &crate::syntax::Item) -> &Facts {
        &self.facts[self.index[&item.span]]
    }

    /// Key results' facts, in the order of [`Document::key_results`].
    pub fn key_result_facts(&self) -> &[Facts] {
        &self.facts[..self.key_result_count]
    }

    /// Whether a key result inherits a period, from a heading or the configuration.
    pub fn inherits_period(&self, key_result: &KeyResult) -> bool {
        self.default_period || self.periods.contains_key(&key_result.item.span)
    }

    /// The period a key result inherits from the headings above it.
    pub fn inherited_period(&self, key_result: &KeyResult) -> Option<Span> {
        self.periods.get(&key_result.item.span).copied()
    }
}

/// Key results' facts by their text, for [`Analysis::of_cached`].
#[derive(Default)]
pub struct FactsCache {
    options: Options,
    facts: FxHashMap<String, Facts>,
}

impl FactsCache {
    /// Texts kept before the cache starts over.
    const CAPACITY: usize = 20_000;
}

fn period(heading: Option<&Heading>) -> Option<Span> {
    heading.and_then(|h| h.period)
}
