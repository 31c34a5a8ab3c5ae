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
use crate::syntax::{Document, Heading, KeyResult, Objective};

/// Items analysed together: one objective with its key results, or the key results of a
/// unit that come before any objective. Rules that read facts see one group at a time, so a
/// document's facts are never all held at once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Group<'a> {
    /// The group's objective; none for a unit's orphans.
    pub objectives: &'a [Objective],
    pub orphans: &'a [KeyResult],
    /// The period the group's key results inherit from the headings above them.
    pub period: Option<Span>,
}

impl<'a> Group<'a> {
    /// The group's key results, in document order.
    pub fn key_results(&self) -> impl Iterator<Item = &'a KeyResult> + use<'a> {
        self.orphans
            .iter()
            .chain(self.objectives.iter().flat_map(|o| o.key_results.iter()))
    }
}

/// Every group of a document, in document order: its key results come in the order of
/// [`Document::key_results`].
pub fn groups(document: &Document) -> impl Iterator<Item = Group<'_>> + Clone {
    let title_period = period(document.title.as_ref());
    document.sections.iter().flat_map(move |section| {
        let section_period = period(section.heading.as_ref()).or(title_period);
        section.units.iter().flat_map(move |unit| {
            let period = period(unit.heading.as_ref()).or(section_period);
            let orphans = (!unit.orphans.is_empty()).then_some(Group {
                objectives: &[],
                orphans: &unit.orphans,
                period,
            });
            let objectives = unit.objectives.chunks(1).map(move |objective| Group {
                objectives: objective,
                orphans: &[],
                period,
            });
            orphans.into_iter().chain(objectives)
        })
    })
}

/// What M003 keeps of a key result once its group's facts are gone: whether it is dated,
/// and the language it is written in, which a finding about it speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dating {
    pub dated: bool,
    pub script: Option<language::Script>,
}

/// Facts for the key results and objectives of a document, or of one [`Group`] of it.
pub struct Analysis {
    /// Key results' facts in document order (that of [`Group::key_results`]), then
    /// objectives' in theirs.
    facts: Vec<Facts>,
    key_result_count: usize,
    /// The item each of `facts` is about, in the same order.
    items: Vec<Span>,
    /// The period each key result inherits from a heading, if any, in the same order.
    periods: Vec<Option<Span>>,
    /// For each key result, in order: whether it has a time frame of its own or inherits
    /// one, and its language. A summary keeps this for the whole document after the facts
    /// are gone.
    dated: Vec<Dating>,
    /// Whether any heading, or the configuration, declares a period.
    pub declares_period: bool,
    default_period: bool,
}

impl Analysis {
    /// Every item's facts, for a whole document at once.
    pub fn of(source: &Source, document: &Document, options: &Options) -> Analysis {
        Analyser::new(source, document, options).analyse(groups(document))
    }

    /// The facts of an item, by its span. An objective's facts hold only its time frames,
    /// placeholders and quantities: nothing judges an objective's wording.
    pub fn facts(&self, item: &crate::syntax::Item) -> &Facts {
        &self.facts[self.position(item.span).expect("facts of an analysed item")]
    }

    /// Key results' facts, in the order of [`Group::key_results`] (for a whole document,
    /// that of [`Document::key_results`]).
    pub fn key_result_facts(&self) -> &[Facts] {
        &self.facts[..self.key_result_count]
    }

    /// For each key result, in order: whether it has a time frame, its own or inherited.
    pub fn dated(&self) -> &[Dating] {
        &self.dated
    }

    /// Whether a key result inherits a period, from a heading or the configuration.
    pub fn inherits_period(&self, key_result: &KeyResult) -> bool {
        self.default_period || self.inherited_period(key_result).is_some()
    }

    /// The period a key result inherits from the headings above it.
    pub fn inherited_period(&self, key_result: &KeyResult) -> Option<Span> {
        let at = self.position(key_result.item.span)?;
        self.periods.get(at).copied()?
    }

    fn build<'d>(
        source: &Source,
        groups: impl Iterator<Item = Group<'d>> + Clone,
        declares_period: bool,
        options: &Options,
        mut facts_of: impl FnMut(Span) -> Facts,
    ) -> Analysis {
        // Sized once: a group's facts are large, and would be copied as the vectors grew.
        let key_results: usize = groups.clone().map(|g| g.key_results().count()).sum();
        let items = key_results + groups.clone().map(|g| g.objectives.len()).sum::<usize>();
        let mut analysis = Analysis {
            facts: Vec::with_capacity(items),
            key_result_count: 0,
            items: Vec::with_capacity(items),
            periods: Vec::with_capacity(key_results),
            dated: Vec::with_capacity(key_results),
            declares_period,
            default_period: options.default_period.is_some(),
        };
        for group in groups.clone() {
            for key_result in group.key_results() {
                let facts = facts_of(key_result.item.text);
                analysis.periods.push(group.period);
                analysis.dated.push(Dating {
                    dated: facts.has_deadline()
                        || analysis.default_period
                        || group.period.is_some(),
                    script: facts.language.dominant,
                });
                analysis.add(key_result.item.span, facts);
            }
        }
        analysis.key_result_count = analysis.facts.len();
        for objective in groups.flat_map(|g| g.objectives) {
            let text = objective.item.text;
            let facts = Facts::measures_of(source.slice(text), text.start);
            analysis.add(objective.item.span, facts);
        }
        analysis
    }

    /// Where an item's facts are. Key results and objectives are each added in text order, so
    /// each is searched by halves; no two items start at one byte, so a start found is the
    /// item's. Should an outline ever attach items out of order, a plain search still finds it.
    fn position(&self, item: Span) -> Option<usize> {
        let (key_results, objectives) = self.items.split_at(self.key_result_count);
        let by_halves = |items: &[Span]| items.binary_search_by_key(&item.start, |s| s.start).ok();
        by_halves(key_results)
            .or_else(|| by_halves(objectives).map(|at| self.key_result_count + at))
            .or_else(|| self.items.iter().position(|s| *s == item))
    }

    fn add(&mut self, item: Span, facts: Facts) {
        self.items.push(item);
        self.facts.push(facts);
    }
}

/// Analyses a document one [`Group`] at a time, and sums up what outlasts each group's facts.
pub struct Analyser<'a> {
    source: &'a Source,
    options: &'a Options,
    declares_period: bool,
    cache: Option<&'a mut FactsCache>,
}

impl<'a> Analyser<'a> {
    pub fn new(source: &'a Source, document: &Document, options: &'a Options) -> Self {
        Analyser {
            source,
            options,
            declares_period: declares_period(document, options),
            cache: None,
        }
    }

    /// The same as [`Analyser::new`], reusing the facts of key result texts seen before: an
    /// editor re-analyses a document after every keystroke, and most of its items are as
    /// they were.
    pub fn cached(
        source: &'a Source,
        document: &Document,
        options: &'a Options,
        cache: &'a mut FactsCache,
    ) -> Self {
        if cache.options != *options || cache.facts.len() > FactsCache::CAPACITY {
            *cache = FactsCache {
                options: options.clone(),
                facts: FxHashMap::default(),
            };
        }
        Analyser {
            cache: Some(cache),
            ..Analyser::new(source, document, options)
        }
    }

    /// The facts of one group.
    pub fn group(&mut self, group: Group<'_>) -> Analysis {
        self.analyse(std::iter::once(group))
    }

    fn analyse<'d>(&mut self, groups: impl Iterator<Item = Group<'d>> + Clone) -> Analysis {
        let (source, options) = (self.source, self.options);
        let mut cache = self.cache.as_deref_mut();
        let facts_of = |span: Span| {
            let text = source.slice(span);
            match cache.as_deref_mut() {
                Some(cache) => cache.facts_of(text, span.start, options),
                None => Facts::of(text, span.start, &options.vocabulary),
            }
        };
        Analysis::build(source, groups, self.declares_period, options, facts_of)
    }

    /// What outlasts the groups' facts: `dated`, every key result's in document order.
    pub fn summary(&self, dated: Vec<Dating>) -> Analysis {
        Analysis {
            facts: Vec::new(),
            key_result_count: 0,
            items: Vec::new(),
            periods: Vec::new(),
            dated,
            declares_period: self.declares_period,
            default_period: self.options.default_period.is_some(),
        }
    }
}

/// Key results' facts by their text, for [`Analyser::cached`].
#[derive(Default)]
pub struct FactsCache {
    options: Options,
    facts: FxHashMap<String, Facts>,
}

impl FactsCache {
    /// Texts kept before the cache starts over.
    const CAPACITY: usize = 20_000;

    fn facts_of(&mut self, text: &str, base: usize, options: &Options) -> Facts {
        // Most texts are cached: look up by `&str`, allocate only on a miss.
        if let Some(relative) = self.facts.get(text) {
            return relative.shifted(base);
        }
        let relative = Facts::of(text, 0, &options.vocabulary);
        let facts = relative.shifted(base);
        self.facts.insert(text.to_owned(), relative);
        facts
    }
}

/// Whether any heading, or the configuration, declares a period.
fn declares_period(document: &Document, options: &Options) -> bool {
    options.default_period.is_some()
        || period(document.title.as_ref()).is_some()
        || document
            .sections
            .iter()
            .any(|s| period(s.heading.as_ref()).is_some())
        || document
            .units()
            .any(|u| period(u.heading.as_ref()).is_some())
}

fn period(heading: Option<&Heading>) -> Option<Span> {
    heading.and_then(|h| h.period)
}
