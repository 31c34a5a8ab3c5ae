//! Builds the outline tree from classified lines.
//!
//! Two passes: every line is first classified on its own (blank, heading, marked item,
//! unmarked text, table row); then the lines are placed in the tree, with one look ahead
//! to tell a heading-like line that opens a unit from a note.

use std::sync::LazyLock;

use regex::Regex;

use super::line::{self, Container, Line};
use super::marker::{ParsedMarker, parse_marker};
use super::period::find_period;
use super::table::{self, TableShape};
use super::tree::*;
use crate::source::{Source, Span};

/// What one line is, on its own.
#[derive(Debug, Clone)]
enum Class {
    Blank,
    /// A line that can only be a note: a code block, a structural label such as `关键结果：`.
    Note,
    Marked(ParsedMarker),
    Text,
    TableRow,
}

/// What the first pass keeps of each line: enough to look ahead, in a few bytes a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Blank,
    Note,
    /// An item's kind and its number, if it has one.
    Marked(ItemKind, Option<u32>),
    TableRow,
    Text {
        container: TextContainer,
        heading_like: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextContainer {
    Heading,
    ListItem,
    Other,
}

impl Shape {
    fn of(source: &Source, line: &Line, class: &Class) -> Shape {
        match class {
            Class::Blank => Shape::Blank,
            Class::Note => Shape::Note,
            Class::Marked(marker) => Shape::Marked(marker.kind, marker.number.map(|n| n.value)),
            Class::TableRow => Shape::TableRow,
            Class::Text => Shape::Text {
                container: match line.container {
                    Container::Heading(_) => TextContainer::Heading,
                    Container::ListItem { .. } => TextContainer::ListItem,
                    _ => TextContainer::Other,
                },
                heading_like: is_heading_like(source.slice(line.content)),
            },
        }
    }

    fn is_significant(self) -> bool {
        self != Shape::Blank
    }

    /// The line's class again, from its shape: only a marker is read a second time.
    fn class(self, source: &Source, line: &Line) -> Class {
        match self {
            Shape::Blank => Class::Blank,
            Shape::Note => Class::Note,
            Shape::Marked(..) => parse_marker(source.slice(line.content))
                .map(Class::Marked)
                .expect("a line read as marked once reads so again"),
            Shape::TableRow => Class::TableRow,
            Shape::Text { .. } => Class::Text,
        }
    }
}

/// Two passes over the lines: the first keeps each line's shape, to know whether the
/// document has markers and which lines open content; the second places the lines.
pub fn build(source: &Source, lines: impl Iterator<Item = Line> + Clone) -> Document {
    let shapes: Vec<Shape> = lines
        .clone()
        .map(|line| Shape::of(source, &line, &classify(source, &line)))
        .collect();
    let nested_lists = !shapes.iter().any(|s| matches!(s, Shape::Marked(..)));
    let opens = opening_lines(&shapes, nested_lists);
    let mut builder = Builder {
        source,
        doc: Document::default(),
        last: Attach::Document,
        objective_depth: None,
        objective_bulleted: false,
        marked_key_result: None,
        list_indents: Vec::new(),
        title_possible: true,
        nested_lists,
    };
    let mut lines = lines.enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        if shapes[i] == Shape::TableRow {
            let mut rows = vec![line.content];
            while let Some((_, row)) = lines.next_if(|(j, _)| shapes[*j] == Shape::TableRow) {
                rows.push(row.content);
            }
            builder.table(&rows);
            continue;
        }
        let class = shapes[i].class(source, &line);
        builder.line(&line, &class, opens[i], &shapes[i + 1..]);
    }
    builder.doc
}

fn classify(source: &Source, line: &Line) -> Class {
    let content = source.slice(line.content);
    if line.blank {
        return Class::Blank;
    }
    if line.verbatim {
        return Class::Note;
    }
    // A bare bullet or heading mark, a thematic break: nothing to read, but not nothing.
    if content.is_empty() || line::is_thematic_break(content) {
        return Class::Note;
    }
    if line.container == Container::TableRow {
        return Class::TableRow;
    }
    if let Some(marker) = parse_marker(content) {
        // `关键结果：` alone labels the list below it; `KR2：` alone is an empty item.
        let bare = marker.number.is_none() && marker.text_start >= content.len();
        return if bare {
            Class::Note
        } else {
            Class::Marked(marker)
        };
    }
    if is_structural_label(content) {
        return Class::Note;
    }
    Class::Text
}

/// `关键结果：`, `Objectives`, `OKR`: labels of the outline's parts, not names of units.
fn is_structural_label(text: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(目标|关键结果|关键成果|objectives?|key\s*results?|okrs?|krs?)\s*[:：]?$")
            .expect("valid label pattern")
    });
    LABEL.is_match(text.trim())
}

/// A note's shape: a short label and a colon (`注：…`, `数据来源：…`, `Owner: Alice`), or an
/// aside in parentheses.
fn is_note_like(text: &str) -> bool {
    let text = text.trim();
    let labelled = text.split_once([':', '：']).is_some_and(|(label, _)| {
        let label = label.trim();
        let short = if label.is_ascii() {
            label.split_whitespace().count() <= 3
        } else {
            label.chars().count() <= 6
        };
        !label.is_empty() && short
    });
    labelled || text.starts_with(['(', '（'])
}

/// A line that could name a section or unit: short, no sentence punctuation, no marker.
fn is_heading_like(text: &str) -> bool {
    let body = text.trim_end_matches([':', '：']);
    let chars = body.chars().count();
    (1..=40).contains(&chars)
        && !body.contains(['。', '，', ',', '；', ';', '！', '!', '？', '?', '：', ':'])
}

/// For each line, whether it is followed (past blank lines) by outline content: the test a
/// heading-like line must pass to open a unit rather than be a note.
fn opening_lines(shapes: &[Shape], nested_lists: bool) -> Vec<bool> {
    let mut opens = vec![false; shapes.len()];
    let mut next_opens_content = false;
    for i in (0..shapes.len()).rev() {
        opens[i] = next_opens_content;
        next_opens_content = match shapes[i] {
            Shape::Blank => continue,
            Shape::Marked(kind, _) => kind == ItemKind::Objective || !nested_lists,
            Shape::TableRow => true,
            Shape::Text {
                container,
                heading_like,
            } => match container {
                TextContainer::Heading => true,
                TextContainer::ListItem if nested_lists => true,
                _ => opens[i] && heading_like,
            },
            Shape::Note => false,
        };
    }
    opens
}

/// Where a note goes: the last thing placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attach {
    Document,
    Section,
    Unit,
    Objective,
    KeyResult,
    Orphan,
}

/// What an unmarked list item among marked key results is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sibling {
    KeyResult,
    Note,
    Objective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadingRole {
    Title,
    Section,
    Unit,
}

struct Builder<'s> {
    source: &'s Source,
    doc: Document,
    last: Attach,
    /// The list depth of the current objective, when it was a list item.
    objective_depth: Option<usize>,
    /// The current objective was a bulleted item (`- O1.`): a numbered list beside it holds
    /// its key results.
    objective_bulleted: bool,
    /// The current objective's last marked key result: its list depth, when it was a list
    /// item, and its number.
    marked_key_result: Option<(Option<usize>, Option<u32>)>,
    /// Indentation of the open list levels.
    list_indents: Vec<usize>,
    title_possible: bool,
    /// The document has no O/KR markers: top-level list items are objectives.
    nested_lists: bool,
}

impl Builder<'_> {
    /// Places a line; `following` are the shapes of the lines after it.
    fn line(&mut self, line: &Line, class: &Class, opens: bool, following: &[Shape]) {
        let depth = self.list_depth(line.container, class);
        match class {
            Class::Blank => {}
            Class::Note | Class::TableRow => self.note(line.note_span()),
            Class::Marked(marker) => {
                let item = self.marked_item(line, marker);
                match marker.kind {
                    ItemKind::Objective => {
                        self.objective(item, depth);
                        self.objective_bulleted = is_bulleted(line);
                    }
                    ItemKind::KeyResult => {
                        self.key_result(item);
                        self.marked_key_result = Some((depth, marker.number.map(|n| n.value)));
                    }
                }
            }
            Class::Text => self.text(line, opens, following, depth),
        }
    }

    /// Depth of a list item within its list (0 = top level); `None` for other lines,
    /// which also close any open list.
    fn list_depth(&mut self, container: Container, class: &Class) -> Option<usize> {
        match container {
            Container::ListItem { indent, .. } => {
                while self.list_indents.last().is_some_and(|&top| top > indent) {
                    self.list_indents.pop();
                }
                if self.list_indents.last() != Some(&indent) {
                    self.list_indents.push(indent);
                }
                Some(self.list_indents.len() - 1)
            }
            _ => {
                if !matches!(class, Class::Blank | Class::Note) {
                    self.list_indents.clear();
                }
                None
            }
        }
    }

    fn text(&mut self, line: &Line, opens: bool, following: &[Shape], depth: Option<usize>) {
        let text = self.source.slice(line.content);
        if let Container::Heading(level) = line.container {
            self.heading(line, level, next_is_heading(following));
            return;
        }
        let numbered = depth.is_some() && !is_bulleted(line);
        match self.among_key_results(depth, text, following) {
            Some(Sibling::KeyResult) => {
                let item = self.unmarked_item(line);
                self.key_result(item);
                return;
            }
            Some(Sibling::Note) => {
                self.note(line.content);
                return;
            }
            Some(Sibling::Objective) => {
                let item = self.unmarked_item(line);
                self.objective(item, depth);
                return;
            }
            None => {}
        }
        let under_objective = self.is_list_item_under_objective(depth, numbered);
        let list_item_is_content = depth.is_some() && (self.nested_lists || under_objective);
        if opens && is_heading_like(text) && !list_item_is_content {
            self.heading(line, 0, next_is_heading(following));
            return;
        }
        let Some(depth) = depth else {
            self.note(line.content);
            return;
        };
        let item = self.unmarked_item(line);
        if self.nested_lists && depth == 0 {
            self.objective(item, Some(depth));
        } else if under_objective {
            self.key_result(item);
        } else {
            self.note(line.content);
        }
    }

    /// True for a list item one level below the current objective (any top-level item when
    /// the objective was a heading or a plain line), or a numbered item beside a bulleted
    /// objective (`- O1.` then `1. …`), unless that objective's key results are marked: then
    /// an unmarked item is something else (`二、应用开发组`).
    fn is_list_item_under_objective(&self, depth: Option<usize>, numbered: bool) -> bool {
        let Some(depth) = depth else { return false };
        if !matches!(self.last, Attach::Objective | Attach::KeyResult)
            || self.marked_key_result.is_some()
        {
            return false;
        }
        match self.objective_depth {
            Some(objective_depth) => {
                depth == objective_depth + 1
                    || numbered && self.objective_bulleted && depth == objective_depth
            }
            None => depth == 0,
        }
    }

    /// What a list item between marked key results is, at their depth (`- KR1：…`,
    /// `- 血型库存保持在7天以上`, `- KR2：…`): never a unit's name, however short. A note
    /// (`- 注：…`, `- Owner: Alice`, `- (see appendix)`) or a short label (`- 挑战目标`,
    /// `- Stretch`) stays a note; wording with no number before numbering that starts over
    /// (`- Improve reliability`, `- KR1：…`) opens an objective; anything else is a key result
    /// whose marker was left off.
    fn among_key_results(
        &self,
        depth: Option<usize>,
        text: &str,
        following: &[Shape],
    ) -> Option<Sibling> {
        let Some(Shape::Marked(ItemKind::KeyResult, next)) =
            following.iter().find(|s| s.is_significant())
        else {
            return None;
        };
        let (marked_depth, previous) = self.marked_key_result?;
        if depth.is_none() || self.last != Attach::KeyResult || depth != marked_depth {
            return None;
        }
        let counted = text
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        let restarts =
            matches!((previous, next), (Some(previous), Some(next)) if *next <= previous);
        let label = if text.is_ascii() {
            text.split_whitespace().count() <= 2
        } else {
            text.chars().count() <= 6
        };
        Some(if is_note_like(text) || label && !counted && !restarts {
            Sibling::Note
        } else if restarts && !counted {
            Sibling::Objective
        } else {
            Sibling::KeyResult
        })
    }

    fn heading(&mut self, line: &Line, level: u8, next_is_heading: bool) {
        let text = trim_closing_hashes(self.source, line.content);
        let found = find_period(self.source.slice(text));
        let period = found.map(|(s, e)| Span::new(text.start + s, text.start + e));
        let heading = Heading {
            level,
            text,
            period,
        };
        let is_section = is_section_name(self.source.slice(text), found);
        let role = if is_section {
            HeadingRole::Section
        } else if self.title_possible && (level == 1 || (level == 0 && next_is_heading)) {
            HeadingRole::Title
        } else {
            HeadingRole::Unit
        };
        self.title_possible = false;
        self.objective_depth = None;
        match role {
            HeadingRole::Title => {
                self.doc.title = Some(heading);
                self.last = Attach::Document;
            }
            HeadingRole::Section => {
                self.doc.sections.push(Section {
                    heading: Some(heading),
                    ..Section::default()
                });
                self.last = Attach::Section;
            }
            HeadingRole::Unit => {
                self.section().units.push(Unit {
                    heading: Some(heading),
                    ..Unit::default()
                });
                self.last = Attach::Unit;
            }
        }
    }

    fn section(&mut self) -> &mut Section {
        section(&mut self.doc)
    }

    fn unit(&mut self) -> &mut Unit {
        unit(&mut self.doc)
    }

    fn objective(&mut self, item: Item, depth: Option<usize>) {
        self.title_possible = false;
        self.objective_depth = depth;
        self.marked_key_result = None;
        let objective = Objective {
            item,
            key_results: Vec::new(),
        };
        push_small(&mut self.unit().objectives, objective);
        self.last = Attach::Objective;
    }

    fn key_result(&mut self, item: Item) {
        self.title_possible = false;
        let unit = self.unit();
        match unit.objectives.last_mut() {
            Some(objective) => {
                push_small(&mut objective.key_results, KeyResult { item });
                self.last = Attach::KeyResult;
            }
            None => {
                push_small(&mut unit.orphans, KeyResult { item });
                self.last = Attach::Orphan;
            }
        }
    }

    fn note(&mut self, span: Span) {
        let last = self.last;
        self.doc.add_note(span, |doc| match last {
            Attach::Document => &mut doc.notes,
            Attach::Section => &mut section(doc).notes,
            Attach::Unit => &mut unit(doc).notes,
            Attach::Objective => &mut last_objective(doc).item.notes,
            Attach::KeyResult => {
                &mut last_objective(doc)
                    .key_results
                    .last_mut()
                    .expect("last placed was a key result")
                    .item
                    .notes
            }
            Attach::Orphan => {
                &mut unit(doc)
                    .orphans
                    .last_mut()
                    .expect("last placed was an orphan")
                    .item
                    .notes
            }
        });
    }

    fn marked_item(&self, line: &Line, marker: &ParsedMarker) -> Item {
        marked_item(self.source, line.content, marker)
    }

    fn unmarked_item(&self, line: &Line) -> Item {
        Item {
            span: line.content,
            marker: None,
            text: line.content,
            notes: Notes::default(),
        }
    }

    /// Places an OKR table's rows.
    fn table(&mut self, rows: &[Span]) {
        match table::shape(self.source, rows) {
            Some(shape) => {
                // The header and separator rows are the table's notes.
                self.note(rows[0]);
                self.note(rows[1]);
                self.table_rows(rows, &shape);
            }
            None => rows.iter().for_each(|&row| self.note(row)),
        }
        self.list_indents.clear();
    }

    fn table_rows(&mut self, rows: &[Span], shape: &TableShape) {
        for &row in &rows[2..] {
            let cells = table::cells(self.source, row);
            let objective_cell = cells
                .get(shape.objective_column)
                .copied()
                .filter(|c| !c.is_empty());
            let key_results = cells
                .get(shape.key_result_column)
                .map(|cell| table::split_key_results(self.source, *cell))
                .unwrap_or_default();
            if objective_cell.is_none() && key_results.is_empty() {
                // A row with neither is still read: a note on what came before.
                self.note(row);
                continue;
            }
            if let Some(cell) = objective_cell {
                let item = self.cell_item(cell);
                self.objective(item, None);
            }
            for part in key_results {
                let item = self.cell_item(part);
                self.key_result(item);
            }
        }
    }

    fn cell_item(&self, cell: Span) -> Item {
        match parse_marker(self.source.slice(cell)) {
            Some(marker) => marked_item(self.source, cell, &marker),
            None => Item {
                span: cell,
                marker: None,
                text: cell,
                notes: Notes::default(),
            },
        }
    }
}

/// Pushes onto a list that grows by doubling from one rather than from four: most of an
/// outline's lists hold one to three items, and in a large file the unused room adds up.
/// A list item opened by a bullet, not by a number.
fn is_bulleted(line: &Line) -> bool {
    matches!(line.container, Container::ListItem { bulleted: true, .. })
}

fn push_small<T>(list: &mut Vec<T>, item: T) {
    if list.len() == list.capacity() {
        list.reserve_exact(list.len().max(1));
    }
    list.push(item);
}

/// The last section, made when there is none yet.
fn section(doc: &mut Document) -> &mut Section {
    if doc.sections.is_empty() {
        doc.sections.push(Section::default());
    }
    doc.sections.last_mut().expect("a section was just ensured")
}

/// The last unit, made when there is none yet.
fn unit(doc: &mut Document) -> &mut Unit {
    let section = section(doc);
    if section.units.is_empty() {
        section.units.push(Unit::default());
    }
    section.units.last_mut().expect("a unit was just ensured")
}

fn last_objective(doc: &mut Document) -> &mut Objective {
    unit(doc)
        .objectives
        .last_mut()
        .expect("last placed was under an objective")
}

fn marked_item(source: &Source, content: Span, marker: &ParsedMarker) -> Item {
    let at = |offset: usize| content.start + offset;
    let text = trim_span(source, Span::new(at(marker.text_start), content.end));
    let number = marker.number.map(|n| Number {
        value: n.value,
        span: Span::new(at(n.start), at(n.end)),
        form: n.form,
    });
    Item {
        span: content,
        marker: Some(Marker {
            kind: marker.kind,
            label: Span::new(content.start, at(marker.label_end)),
            separator: Span::new(at(marker.separator.0), at(marker.separator.1)),
            number,
            parent_number: marker.parent_number,
            style: marker.style,
            problems: marker.problems.iter().copied().collect(),
        }),
        text,
        notes: Notes::default(),
    }
}

fn trim_span(source: &Source, span: Span) -> Span {
    let text = source.slice(span);
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.start + text.trim_end().len();
    if start >= end {
        Span::empty_at(span.end.min(start))
    } else {
        Span::new(start, end)
    }
}

fn trim_closing_hashes(source: &Source, span: Span) -> Span {
    let text = source.slice(span);
    let trimmed = text.trim_end_matches('#').trim_end();
    if trimmed.is_empty() {
        span
    } else {
        Span::new(span.start, span.start + trimmed.len())
    }
}

/// Whether the next significant line, of those that follow, is text.
fn next_is_heading(following: &[Shape]) -> bool {
    following
        .iter()
        .find(|s| s.is_significant())
        .is_some_and(|s| matches!(s, Shape::Text { .. }))
}

/// 公司级OKR, 部门级OKR, Team-level OKRs: names of levels, not of units.
/// `period` is where `text` names its period, which the name is read without.
fn is_section_name(text: &str, period: Option<(usize, usize)>) -> bool {
    static SECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            (级|层级|层面)\s*(okrs?|目标)?\s*$
            | ^\s*(公司|集团|部门|团队|个人|company|corporate|team|department|individual)s?
              (\s*[-\s]?\s*level)?\s*(okrs?|目标)\s*$
            | level\s*okrs?\s*$",
        )
        .expect("valid section pattern")
    });
    let without_period = match period {
        Some((s, e)) => format!("{}{}", &text[..s], &text[e..]),
        None => text.to_owned(),
    };
    SECTION.is_match(without_period.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_names() {
        for name in [
            "公司级OKR",
            "部门级OKR",
            "2026年第一季度 公司级OKR",
            "Team-level OKRs",
            "团队OKR",
            "公司层面",
        ] {
            assert!(is_section_name(name, find_period(name)), "{name}");
        }
        for name in ["OKR制定举例", "研发部门", "研发部门OKR", "Engineering"] {
            assert!(!is_section_name(name, find_period(name)), "{name}");
        }
    }

    #[test]
    fn heading_like() {
        assert!(is_heading_like("研发部门"));
        assert!(is_heading_like("研发部门："));
        assert!(!is_heading_like("完成报告，提交审批"));
        assert!(!is_heading_like(&"长".repeat(41)));
    }
}
