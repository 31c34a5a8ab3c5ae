//! Loading text: UTF-8 validation, the byte-order mark, line endings and the one line index
//! that turns byte offsets into lines and columns.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

const BOM: &str = "\u{feff}";

/// A half-open byte range into a [`Source`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn empty_at(offset: usize) -> Self {
        Span::new(offset, offset)
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the two share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Why a file could not be turned into text.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        /// Where the bad byte is, for people.
        at: LineCol,
    },
    Binary {
        path: PathBuf,
        offset: usize,
    },
    /// Over [`MAX_BYTES`]: offsets are kept in 32 bits.
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
}

/// The largest text okrlint reads: 4 GiB less a byte, so that a line's start fits in 32 bits.
pub const MAX_BYTES: u64 = u32::MAX as u64;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, error } => write!(f, "{}: cannot read: {error}", path.display()),
            LoadError::InvalidUtf8 { path, offset, at } => write!(
                f,
                "{}:{}:{}: not valid UTF-8 (first bad byte at offset {offset})",
                path.display(),
                at.line,
                at.column
            ),
            LoadError::Binary { path, offset } => write!(
                f,
                "{}: looks binary (NUL byte at offset {offset})",
                path.display()
            ),
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{}: too large to lint ({bytes} bytes; the limit is {MAX_BYTES})",
                path.display()
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// One document's text, as read, with its line index.
///
/// The text keeps everything the file had (a BOM, CR/LF line endings): spans are byte offsets
/// into the file itself, so a fix can be written back without touching anything else.
#[derive(Debug, Clone)]
pub struct Source {
    path: PathBuf,
    text: String,
    lines: LineIndex,
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        Source {
            path: path.into(),
            text,
            lines,
        }
    }

    /// Reads and validates a file.
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        let io_error = |error| LoadError::Io {
            path: path.to_owned(),
            error,
        };
        // The open file's size, not the path's: the path is looked up once.
        let mut file = File::open(path).map_err(io_error)?;
        let size = file.metadata().map_err(io_error)?.len();
        // Refused before reading: a file over the limit is not worth the memory.
        if size > MAX_BYTES {
            return Err(LoadError::TooLarge {
                path: path.to_owned(),
                bytes: size,
            });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or_default());
        file.read_to_end(&mut bytes).map_err(io_error)?;
        Source::from_bytes(path, bytes)
    }

    /// Validates bytes read from `path` (which only names them in errors).
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, LoadError> {
        if bytes.len() as u64 > MAX_BYTES {
            return Err(LoadError::TooLarge {
                path: path.to_owned(),
                bytes: bytes.len() as u64,
            });
        }
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(LoadError::Binary {
                path: path.to_owned(),
                offset,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
            LoadError::InvalidUtf8 {
                path: path.to_owned(),
                offset,
                at: LineIndex::new(valid).line_col(valid, offset, ColumnUnit::CodePoints),
            }
        })?;
        Ok(Source::new(path, text))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The whole text, BOM included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset where content starts: 3 after a BOM, else 0.
    pub fn content_start(&self) -> usize {
        self.lines.content_start
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }
}

/// A position for people and tools: 1-based line, 1-based column in the unit asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values: what people, SARIF and GitHub count.
    CodePoints,
    /// UTF-16 code units: what LSP counts by default.
    Utf16,
    /// UTF-8 bytes: what rdjson and some editors count.
    Bytes,
}

/// Line starts of a text. Lines end at LF, CRLF or a lone CR.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of each line's first byte (the first line starts after a BOM), in 32 bits:
    /// texts are at most [`MAX_BYTES`] long, and a large file has millions of lines.
    starts: Vec<u32>,
    /// One bit a line: whether it ends in CRLF. A line ends one byte (two after a CRLF)
    /// before the next one starts, so only the kind of ending needs keeping.
    crlf: Vec<u64>,
    /// Where the last line ends: the text's length.
    text_end: usize,
    content_start: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let content_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let bytes = text.as_bytes();
        // Sized once: a large file's index is never copied as it grows.
        let breaks = memchr::memchr2_iter(b'\n', b'\r', bytes).count();
        let mut starts: Vec<u32> = Vec::with_capacity(breaks + 1);
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        starts.push(offset(content_start));
        let mut crlf = vec![0u64; breaks / 64 + 1];
        let mut after_cr = None;
        for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[content_start..]) {
            let i = content_start + i;
            // The `\n` of a CRLF ends the line its `\r` began to end.
            if bytes[i] == b'\n' && after_cr == Some(i) {
                continue;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                let line = starts.len() - 1;
                crlf[line / 64] |= 1 << (line % 64);
                after_cr = Some(i + 1);
                starts.push(offset(i + 2));
            } else {
                starts.push(offset(i + 1));
            }
        }
        LineIndex {
            starts,
            crlf,
            text_end: text.len(),
            content_start,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line holding `offset`; offsets past the end map to the last line.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte range of a 0-based line's content, without its terminator.
    pub fn line_span(&self, line: usize) -> Span {
        Span::new(self.start(line), self.end(line))
    }

    /// Byte range of a 0-based line including its terminator.
    pub fn full_line_span(&self, line: usize) -> Span {
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text_end, |&s| s as usize);
        Span::new(self.start(line), end)
    }

    fn start(&self, line: usize) -> usize {
        self.starts[line] as usize
    }

    /// Where a 0-based line's content ends, before its terminator.
    fn end(&self, line: usize) -> usize {
        match self.starts.get(line + 1).map(|&s| s as usize) {
            Some(next) if self.crlf[line / 64] & (1 << (line % 64)) != 0 => next - 2,
            Some(next) => next - 1,
            None => self.text_end,
        }
    }

    /// 1-based line and column of a byte offset. An offset inside a line terminator or a
    /// multi-byte character counts up to the character that holds it.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.start(line);
        let prefix_end = floor_char_boundary(text, offset.max(start));
        let prefix = &text[start..prefix_end];
        let column = match unit {
            ColumnUnit::CodePoints => prefix.chars().count(),
            ColumnUnit::Utf16 => prefix.encode_utf16().count(),
            ColumnUnit::Bytes => prefix.len(),
        };
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The byte offset of a 0-based line and 0-based column, or `None` past the line's end.
    pub fn offset_of(
        &self,
        text: &str,
        line: usize,
        column: usize,
        unit: ColumnUnit,
    ) -> Option<usize> {
        let span = (line < self.starts.len()).then(|| self.line_span(line))?;
        let mut counted = 0;
        for (i, ch) in text[span.range()].char_indices() {
            if counted >= column {
                return (counted == column).then_some(span.start + i);
            }
            counted += match unit {
                ColumnUnit::CodePoints => 1,
                ColumnUnit::Utf16 => ch.len_utf16(),
                ColumnUnit::Bytes => ch.len_utf8(),
            };
        }
        (counted == column).then_some(span.end)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        let lines: Vec<&str> = (0..4).map(|l| &text[index.line_span(l).range()]).collect();
        assert_eq!(lines, ["a", "b", "c", "d"]);
        assert_eq!(
            index.line_col(text, 7, ColumnUnit::CodePoints),
            LineCol { line: 4, column: 1 }
        );
        // Runs of line ends: `\r\r\n` is a lone CR then a CRLF; `\n\r` ends two lines.
        let text = "a\r\r\nb\n\rc\r\n";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = (0..index.line_count())
            .map(|l| &text[index.line_span(l).range()])
            .collect();
        assert_eq!(lines, ["a", "", "b", "", "c", ""]);
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}KR1：x";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_col(text, 3, ColumnUnit::CodePoints),
            LineCol { line: 1, column: 1 }
        );
        assert_eq!(index.line_col(text, 6, ColumnUnit::CodePoints).column, 4);
    }

    #[test]
    fn columns_in_each_unit() {
        // 目 is 3 bytes and 1 UTF-16 unit; 𠀀 (Extension B) is 4 bytes and 2 UTF-16 units.
        let text = "目𠀀x";
        let index = LineIndex::new(text);
        let at_x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, at_x, ColumnUnit::CodePoints).column, 3);
        assert_eq!(index.line_col(text, at_x, ColumnUnit::Utf16).column, 4);
        assert_eq!(index.line_col(text, at_x, ColumnUnit::Bytes).column, 8);
        assert_eq!(index.offset_of(text, 0, 3, ColumnUnit::Utf16), Some(at_x));
        assert_eq!(
            index.offset_of(text, 0, 2, ColumnUnit::Utf16),
            None,
            "inside a surrogate pair"
        );
        assert_eq!(
            index.offset_of(text, 0, 4, ColumnUnit::CodePoints),
            None,
            "past the end"
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Source::from_bytes(Path::new("x.md"), b"ok\r\nok\xff".to_vec()).unwrap_err();
        assert!(matches!(err, LoadError::InvalidUtf8 { offset: 6, .. }));
        assert_eq!(
            err.to_string(),
            "x.md:2:3: not valid UTF-8 (first bad byte at offset 6)"
        );
    }
}
