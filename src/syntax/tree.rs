//! The outline tree. Every node keeps the byte spans it was read from.

use crate::source::Span;

#[derive(Debug, Default, Clone)]
pub struct Document {
    pub title: Option<Heading>,
    pub sections: Vec<Section>,
    /// `<!-- … -->` comments, in order.
    pub comments: Vec<Comment>,
    /// Lines before the first section that belong to no item.
    pub notes: Notes,
    /// Every note in the document, in order; each part of the tree holds the run of its own.
    note_spans: Vec<Span>,
}

/// A heading or heading-like line. `level` is the Markdown `#` count, 0 for plain text.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    /// The heading's text, without its `#` marks; the line it stands on is the text's.
    pub text: Span,
    pub period: Option<Span>,
}

/// A part of the document such as 公司级OKR or 部门级OKR. The first section has no heading
/// when units or objectives come before any section heading.
#[derive(Debug, Default, Clone)]
pub struct Section {
    pub heading: Option<Heading>,
    pub units: Vec<Unit>,
    pub notes: Notes,
}

/// An organisational unit such as 研发部门. A section's objectives that come before any unit
/// heading form a unit with no heading (the company level in the sample).
#[derive(Debug, Default, Clone)]
pub struct Unit {
    pub heading: Option<Heading>,
    pub objectives: Vec<Objective>,
    /// Key results that came before any objective of this unit.
    pub orphans: Vec<KeyResult>,
    pub notes: Notes,
}

#[derive(Debug, Clone)]
pub struct Objective {
    pub item: Item,
    pub key_results: Vec<KeyResult>,
}

#[derive(Debug, Clone)]
pub struct KeyResult {
    pub item: Item,
}

/// What objectives and key results share.
#[derive(Debug, Clone)]
pub struct Item {
    /// From the marker (or the start of the text, for an unmarked item) to the end of the text.
    pub span: Span,
    /// `None` for an item known by its place: a list item under an objective, a table cell.
    pub marker: Option<Marker>,
    /// The item's text, trimmed; empty when the item has none.
    pub text: Span,
    /// Lines after the item that belong to it.
    pub notes: Notes,
}

/// The notes of one part of the tree: a run of the document's notes, which
/// [`Document::notes_of`] reads. A note goes to the last thing placed, so each part's notes
/// are consecutive, and a large file needs no list of notes per part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Notes {
    first: u32,
    count: u32,
}

impl Notes {
    pub fn len(self) -> usize {
        self.count as usize
    }

    pub fn is_empty(self) -> bool {
        self.count == 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Objective,
    KeyResult,
}

/// An item marker such as `O1:`, `KR1.2：`, `目标一：` or `Key Result 3 -`.
#[derive(Debug, Clone)]
pub struct Marker {
    pub kind: ItemKind,
    /// The marker's label without its separator: `KR1`, `目标一`.
    pub label: Span,
    /// The colon (or other separator) after the label; where one is missing, the gap
    /// where it belongs.
    pub separator: Span,
    /// The item's own number (`3` in `KR3`, `O1-KR3` and `KR1.3`).
    pub number: Option<Number>,
    /// The objective's number written into a key result marker (`1` in `O1-KR3` and `KR1.3`).
    pub parent_number: Option<u32>,
    pub style: MarkerStyle,
    /// Ways in which the marker departs from its canonical form.
    pub problems: MarkerProblems,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub value: u32,
    pub span: Span,
    pub form: NumberForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    Ascii,
    FullWidth,
    Chinese,
    /// `Objective A`: A is 1.
    Letter,
}

/// The family a marker belongs to, which decides its canonical spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `O1`, `KR1`, `O1-KR1`, `KR1.2`
    Letters,
    /// `目标一`, `关键结果1`, `关键成果(KR)1`
    Chinese,
    /// `Objective 1`, `Key Result 1`
    English,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerProblem {
    /// `Kr1`, `o1`: letters not in upper case.
    LetterCase,
    /// `ＫＲ１`: full-width letters or digits.
    FullWidth,
    /// `K1`: a key result marker missing its `R`.
    MissingLetter,
    /// `KR1 text`: no colon after the marker.
    MissingColon,
    /// `KR1、text`, `KR1. text`: a separator other than a colon.
    OtherSeparator,
}

impl MarkerProblem {
    const ALL: [MarkerProblem; 5] = [
        MarkerProblem::LetterCase,
        MarkerProblem::FullWidth,
        MarkerProblem::MissingLetter,
        MarkerProblem::MissingColon,
        MarkerProblem::OtherSeparator,
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of marker problems, one bit each: every marked item has one, and most are empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkerProblems(u8);

impl MarkerProblems {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn contains(&self, problem: &MarkerProblem) -> bool {
        self.0 & problem.bit() != 0
    }

    /// The problems, in the order of [`MarkerProblem`]'s variants.
    pub fn iter(&self) -> impl Iterator<Item = &'static MarkerProblem> + use<> {
        let bits = self.0;
        MarkerProblem::ALL
            .iter()
            .filter(move |p| bits & p.bit() != 0)
    }
}

impl FromIterator<MarkerProblem> for MarkerProblems {
    fn from_iter<I: IntoIterator<Item = MarkerProblem>>(problems: I) -> Self {
        MarkerProblems(problems.into_iter().fold(0, |bits, p| bits | p.bit()))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Comment {
    pub span: Span,
    /// The text between `<!--` and `-->`.
    pub body: Span,
}

impl Document {
    /// The spans of a part's notes.
    pub fn notes_of(&self, notes: Notes) -> &[Span] {
        &self.note_spans[notes.first as usize..][..notes.len()]
    }

    /// Every note, in document order.
    pub fn all_notes(&self) -> &[Span] {
        &self.note_spans
    }

    /// Adds a note to the end of the document's, as the next of `notes`' run.
    pub(super) fn add_note(&mut self, span: Span, notes: impl FnOnce(&mut Document) -> &mut Notes) {
        let index = u32::try_from(self.note_spans.len()).expect("fewer than 2³² notes");
        self.note_spans.push(span);
        let notes = notes(self);
        if notes.is_empty() {
            notes.first = index;
        }
        debug_assert_eq!(
            notes.first + notes.count,
            index,
            "a part's notes are consecutive"
        );
        notes.count += 1;
    }

    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.sections.iter().flat_map(|s| s.units.iter())
    }

    pub fn objectives(&self) -> impl Iterator<Item = &Objective> {
        self.units().flat_map(|u| u.objectives.iter())
    }

    pub fn key_results(&self) -> impl Iterator<Item = &KeyResult> {
        self.units().flat_map(Unit::key_results)
    }

    /// Every objective and key result, objectives first.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.objectives()
            .map(|o| &o.item)
            .chain(self.key_results().map(|k| &k.item))
    }

    /// True when the text had anything that reads as an OKR outline.
    pub fn has_items(&self) -> bool {
        self.units()
            .any(|u| !u.objectives.is_empty() || !u.orphans.is_empty())
    }
}

impl Unit {
    /// The unit's key results: orphans first, then each objective's.
    pub fn key_results(&self) -> impl Iterator<Item = &KeyResult> {
        self.orphans
            .iter()
            .chain(self.objectives.iter().flat_map(|o| o.key_results.iter()))
    }
}

impl Marker {
    /// The label as it should be written: upper-case half-width letters and digits, the
    /// missing `R` restored. Chinese and English labels only have their digits folded.
    pub fn canonical_label(&self, written: &str) -> String {
        let folded = written.chars().map(super::fold_width);
        match self.style {
            MarkerStyle::Letters => {
                let mut label: String = folded
                    .filter(|c| !c.is_whitespace())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                if self.problems.contains(&MarkerProblem::MissingLetter) {
                    label.insert(1, 'R');
                }
                label
            }
            MarkerStyle::Chinese | MarkerStyle::English => folded.collect(),
        }
    }
}

impl ItemKind {
    /// `O` or `KR`, as in ids.
    pub fn prefix(self) -> &'static str {
        match self {
            ItemKind::Objective => "O",
            ItemKind::KeyResult => "KR",
        }
    }

    /// 目标 or 关键结果, as in messages.
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Objective => "目标",
            ItemKind::KeyResult => "关键结果",
        }
    }
}

impl Item {
    /// A short id: `O2`, `KR3`; items with no number are numbered by their place (1-based).
    pub fn id(&self, kind: ItemKind, place: usize) -> String {
        let number = self
            .marker
            .as_ref()
            .and_then(|m| m.number)
            .map_or(place as u32, |n| n.value);
        format!("{}{}", kind.prefix(), number)
    }

    /// Where a finding about the whole item points: its marker's label, or its text.
    pub fn handle(&self) -> crate::source::Span {
        self.marker.as_ref().map_or(self.span, |m| m.label)
    }
}
