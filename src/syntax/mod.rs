//! The outline grammar: from text to a tree of sections, units, objectives and key results.
//!
//! The parser never fails. A line it cannot place becomes a note on the item above, and a
//! marker it can only half read is kept with its problems recorded for P001.

mod line;
mod marker;
mod outline;
mod period;
mod table;
pub mod tree;

pub use marker::{chinese_numeral, fold_width, is_cjk, is_word_char};
pub use tree::*;

use crate::source::{Source, Span};
use line::Line;

/// Parses a source into its outline.
pub fn parse(source: &Source) -> Document {
    let comments = comments(source);
    let mut document = outline::build(source, lines(source, &comments));
    document.comments = comments;
    document
}

/// Every `<!-- … -->`; an unclosed one runs to the end of the text.
fn comments(source: &Source) -> Vec<Comment> {
    let text = source.text();
    let mut comments = Vec::new();
    let mut from = source.content_start();
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let body_start = open + 4;
        let (body_end, end) = match text[body_start..].find("-->") {
            Some(i) => (body_start + i, body_start + i + 3),
            None => (text.len(), text.len()),
        };
        comments.push(Comment {
            span: Span::new(open, end),
            body: Span::new(body_start, body_end),
        });
        from = end;
    }
    comments
}

/// Every line, classified by its container, one at a time: a large file's lines are never
/// all held at once. Cloned, it starts again where it stands.
fn lines<'a>(
    source: &'a Source,
    comments: &'a [Comment],
) -> impl Iterator<Item = Line> + Clone + 'a {
    let index = source.lines();
    let mut in_fence = false;
    (0..index.line_count()).map(move |n| {
        let span = index.line_span(n);
        let visible = visible_part(span, comments);
        let text = source.slice(visible);
        let lead = text.trim_start();
        let is_fence = lead.starts_with("```") || lead.starts_with("~~~");
        let verbatim = in_fence || is_fence;
        if is_fence {
            in_fence = !in_fence;
        }
        let (container, prefix_len) = if verbatim {
            (line::Container::Plain, 0)
        } else {
            line::container(text)
        };
        let after_prefix = &text[prefix_len..];
        let trimmed_start = prefix_len + (after_prefix.len() - after_prefix.trim_start().len());
        let trimmed_end = text.trim_end().len().max(trimmed_start);
        let (emphasis_start, emphasis_end) =
            line::strip_emphasis(&text[trimmed_start..trimmed_end]);
        let content = Span::new(
            visible.start + trimmed_start + emphasis_start,
            visible.start + trimmed_start + emphasis_end,
        );
        // Trimmed already, unless emphasis marks stood around spaces (`** 研发部门 **`).
        let emphasised = (emphasis_start, emphasis_end) != (0, trimmed_end - trimmed_start);
        Line {
            span,
            container,
            content: if emphasised {
                trim(source, content)
            } else {
                content
            },
            verbatim,
            blank: lead.is_empty(),
        }
    })
}

fn trim(source: &Source, span: Span) -> Span {
    let text = source.slice(span);
    let start = span.start + (text.len() - text.trim_start().len());
    Span::new(start, start.max(span.start + text.trim_end().len()))
}

/// The part of a line outside comments: after a comment that opens the line, before the
/// first comment that starts later in it.
fn visible_part(line: Span, comments: &[Comment]) -> Span {
    let mut start = line.start;
    let first = comments.partition_point(|c| c.span.end <= line.start);
    for comment in &comments[first..] {
        if comment.span.start >= line.end {
            break;
        }
        if comment.span.start <= start {
            start = comment.span.end.min(line.end).max(start);
        } else {
            return Span::new(start, comment.span.start);
        }
    }
    Span::new(start, line.end.max(start))
}
