//! Open documents: their text, version and path, kept up to date by full and incremental
//! changes, and the conversions between LSP positions and byte offsets.

use std::path::PathBuf;

use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use crate::source::{ColumnUnit, LineIndex, Source, Span};

pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    /// Where the document lives on disk, for its configuration; `None` for unsaved buffers.
    pub path: Option<PathBuf>,
}

/// A change that could not be applied.
#[derive(Debug, PartialEq, Eq)]
pub struct BadRange;

impl Document {
    pub fn new(uri: Uri, version: i32, text: String) -> Document {
        let path = path_of(&uri);
        Document {
            uri,
            version,
            text,
            path,
        }
    }

    /// The document as a source to lint, named by its path (or its URI).
    pub fn source(&self) -> Source {
        let name = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(self.uri.as_str()));
        Source::new(name, self.text.clone())
    }

    /// Applies changes in order. A change with a range past the text's end leaves the
    /// document as it was before all of them.
    pub fn apply(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        unit: ColumnUnit,
    ) -> Result<(), BadRange> {
        let mut text = self.text.clone();
        for change in changes {
            match change.range {
                None => text = change.text.clone(),
                Some(range) => {
                    let span = span_of(&text, range, unit).ok_or(BadRange)?;
                    text.replace_range(span.range(), &change.text);
                }
            }
        }
        self.text = text;
        self.version = version;
        Ok(())
    }
}

/// The byte span of an LSP range in `text`, or `None` when it lies outside the text.
pub fn span_of(text: &str, range: Range, unit: ColumnUnit) -> Option<Span> {
    let index = LineIndex::new(text);
    let offset = |p: Position| index.offset_of(text, p.line as usize, p.character as usize, unit);
    let (start, end) = (offset(range.start)?, offset(range.end)?);
    (start <= end).then(|| Span::new(start, end))
}

/// The byte offset of an LSP position in a source.
pub fn offset_of(source: &Source, position: Position, unit: ColumnUnit) -> Option<usize> {
    source.lines().offset_of(
        source.text(),
        position.line as usize,
        position.character as usize,
        unit,
    )
}

/// The LSP range of a span.
pub fn range_of(source: &Source, span: Span, unit: ColumnUnit) -> Range {
    let at = |offset| {
        let p = source.lines().line_col(source.text(), offset, unit);
        Position::new(p.line as u32 - 1, p.column as u32 - 1)
    };
    Range::new(at(span.start), at(span.end))
}

fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let decoded = percent_decode(rest);
    Some(PathBuf::from(decoded))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(Some(high)), Some(Some(low))) = (
                bytes.get(i + 1).map(|b| hex(*b)),
                bytes.get(i + 2).map(|b| hex(*b)),
            )
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_changes_in_utf16_and_utf8() {
        let uri: Uri = "file:///tmp/okr%20%E8%8D%89%E7%A8%BF.md".parse().unwrap();
        let mut doc = Document::new(uri, 1, "O1：😀提升\nKR1：x\n".to_owned());
        assert_eq!(doc.path, Some(PathBuf::from("/tmp/okr 草稿.md")));
        // After `O1：😀` is UTF-16 column 5 (😀 is two units).
        doc.apply(
            2,
            &[change(Some(((0, 5), (0, 7))), "改善")],
            ColumnUnit::Utf16,
        )
        .unwrap();
        assert_eq!(doc.text, "O1：😀改善\nKR1：x\n");
        // In UTF-8 the same place is byte 9.
        doc.apply(
            3,
            &[change(Some(((0, 9), (0, 15))), "提升")],
            ColumnUnit::Bytes,
        )
        .unwrap();
        assert_eq!(doc.text, "O1：😀提升\nKR1：x\n");
        assert_eq!(
            doc.apply(4, &[change(Some(((9, 0), (9, 1))), "x")], ColumnUnit::Utf16),
            Err(BadRange)
        );
        assert_eq!(doc.version, 3, "a bad change leaves the document as it was");
        doc.apply(5, &[change(None, "全文")], ColumnUnit::Utf16)
            .unwrap();
        assert_eq!(doc.text, "全文");
    }
}
