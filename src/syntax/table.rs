//! OKR tables: a header naming an objective column and a key-result column, a separator
//! row, then one objective per row with its key results in one cell.

use super::marker::is_inline_space;
use crate::source::{Source, Span};

/// Which columns hold what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableShape {
    pub objective_column: usize,
    pub key_result_column: usize,
}

/// The shape of an OKR table, or `None` for any other table.
pub fn shape(source: &Source, rows: &[Span]) -> Option<TableShape> {
    let header = rows.first()?;
    let separator = rows.get(1)?;
    if !super::line::is_table_separator(source.slice(*separator)) {
        return None;
    }
    let names: Vec<String> = cells(source, *header)
        .iter()
        .map(|&cell| normalise_header(source.slice(cell)))
        .collect();
    let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    Some(TableShape {
        objective_column: find(&["目标", "objective", "objectives", "o"])?,
        key_result_column: find(&[
            "关键结果",
            "关键成果",
            "keyresult",
            "keyresults",
            "kr",
            "krs",
        ])?,
    })
}

/// `目标(O)` → `目标`, `Key Results` → `keyresults`.
fn normalise_header(text: &str) -> String {
    let compact: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !"()（）*_".contains(*c))
        .collect();
    ["kr", "o"]
        .iter()
        .find_map(|tag| {
            compact
                .strip_suffix(tag)
                .filter(|stem| !stem.is_empty() && !stem.is_ascii())
        })
        .map_or_else(|| compact.clone(), str::to_owned)
}

/// The trimmed cells of a table row, without the outer pipes.
pub fn cells(source: &Source, row: Span) -> Vec<Span> {
    let text = source.slice(row);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                cells.push(trim(text, row.start, start, i));
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    if start < text.len() {
        cells.push(trim(text, row.start, start, text.len()));
    }
    // A row written `| a | b |` has an empty piece before its first pipe.
    if text.trim_start().starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    cells
}

fn trim(text: &str, base: usize, start: usize, end: usize) -> Span {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_inline_space).len();
    let kept = piece.trim_matches(is_inline_space).len();
    Span::new(base + start + lead, base + start + lead + kept)
}

/// Splits a key-result cell at `;`, `；` and `<br>`.
pub fn split_key_results(source: &Source, cell: Span) -> Vec<Span> {
    let text = source.slice(cell);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let separator_len = if rest.starts_with(';') {
            1
        } else if rest.starts_with('；') {
            '；'.len_utf8()
        } else {
            line_break_len(rest)
        };
        if separator_len > 0 {
            parts.push(trim(text, cell.start, start, i));
            i += separator_len;
            start = i;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    parts.push(trim(text, cell.start, start, text.len()));
    parts.retain(|p| !p.is_empty());
    parts
}

/// Length of a `<br>`, `<br/>` or `<br />` at the start of `text`, else 0.
fn line_break_len(text: &str) -> usize {
    let lower: String = text.chars().take(6).collect::<String>().to_lowercase();
    ["<br />", "<br/>", "<br>"]
        .iter()
        .find(|b| lower.starts_with(**b))
        .map_or(0, |b| b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::new("t.md", text.to_owned())
    }

    #[test]
    fn finds_the_okr_columns() {
        let s = source("| 负责人 | 目标(O) | 关键结果（KR） |\n|---|---|---|");
        let rows = [
            Span::new(0, s.text().find('\n').unwrap()),
            Span::new(s.text().find('\n').unwrap() + 1, s.text().len()),
        ];
        assert_eq!(
            shape(&s, &rows),
            Some(TableShape {
                objective_column: 1,
                key_result_column: 2
            })
        );
    }

    #[test]
    fn splits_cells_and_key_results() {
        let s = source("| O1：提升 | 用户达到10万；留存40%<br>NPS 50 |");
        let cells = cells(&s, Span::new(0, s.text().len()));
        let texts: Vec<&str> = cells.iter().map(|c| s.slice(*c)).collect();
        assert_eq!(texts, ["O1：提升", "用户达到10万；留存40%<br>NPS 50"]);
        let parts: Vec<&str> = split_key_results(&s, cells[1])
            .iter()
            .map(|c| s.slice(*c))
            .collect();
        assert_eq!(parts, ["用户达到10万", "留存40%", "NPS 50"]);
    }
}
