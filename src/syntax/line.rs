//! One line at a time: its Markdown container (heading, list item, quote, table row) and
//! its content, with comments cut out. Offsets are absolute byte offsets into the text.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{one_of, satisfy};
use nom::combinator::{opt, recognize};
use nom::sequence::terminated;
use nom::{IResult, Parser};

use super::marker::{chinese_numeral_value, is_inline_space};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A plain line.
    Plain,
    /// `#`…`######`, with its level.
    Heading(u8),
    /// `-`, `*`, `+`, `1.`, `1)`, `1、`, `一、`, `（一）`, with its indentation in columns and
    /// whether a bullet (not a number) opens it.
    ListItem { indent: usize, bulleted: bool },
    /// A line of a `| … |` table.
    TableRow,
}

#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// The line without its terminator.
    pub span: Span,
    pub container: Container,
    /// What the line says after its container prefix and emphasis, trimmed, comments removed.
    pub content: Span,
    /// Part of a fenced code block or front matter: never an item.
    pub verbatim: bool,
    /// Nothing on the line but spaces and `<!-- … -->` comments.
    pub blank: bool,
}

impl Line {
    /// What a note on this line covers: its content, or the whole line when the content is
    /// empty (a bare bullet).
    pub fn note_span(&self) -> Span {
        if self.content.is_empty() {
            self.span
        } else {
            self.content
        }
    }
}

/// Strips the container prefix of a line's text and reports it, with the content's offset.
pub fn container(text: &str) -> (Container, usize) {
    if let Ok((rest, level)) = heading_prefix(text) {
        return (Container::Heading(level), text.len() - rest.len());
    }
    let indent_len = text.len() - text.trim_start_matches(is_inline_space).len();
    let body = &text[indent_len..];
    if body.starts_with('|') {
        return (Container::TableRow, indent_len);
    }
    if let Ok((rest, prefix)) = list_prefix(body) {
        let indent = text[..indent_len]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let bulleted = prefix.starts_with(is_bullet);
        return (
            Container::ListItem { indent, bulleted },
            text.len() - rest.len(),
        );
    }
    (Container::Plain, indent_len)
}

fn heading_prefix(input: &str) -> IResult<&str, u8> {
    let (rest, hashes) = take_while_m_n(1, 6, |c| c == '#')(input)?;
    let (rest, _) = alt((recognize(satisfy(is_inline_space)), tag_end)).parse(rest)?;
    Ok((rest, hashes.len() as u8))
}

fn tag_end(input: &str) -> IResult<&str, &str> {
    if input.is_empty() {
        Ok((input, input))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Eof,
        )))
    }
}

/// A bullet or an enumerator, then an optional task checkbox.
fn list_prefix(input: &str) -> IResult<&str, &str> {
    // Most lines are no list items: told by their first character, before any parser is built.
    let opens =
        |c: char| is_bullet(c) || is_opening_paren(c) || c.is_ascii_digit() || is_ordinal(c);
    if !input.starts_with(opens) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::OneOf,
        )));
    }
    let bullet = terminated(recognize(satisfy(is_bullet)), satisfy(is_inline_space));
    let arabic = terminated(
        recognize((
            take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
            one_of(".)"),
        )),
        satisfy(is_inline_space),
    );
    // 1、 and 一、; and 1）, whose full-width closer needs no space after it.
    let enumerated = alt((
        recognize((
            alt((
                take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                chinese_ordinal,
            )),
            tag("、"),
        )),
        recognize((
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            tag("）"),
        )),
    ));
    let parenthesised = recognize((
        satisfy(is_opening_paren),
        alt((
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            chinese_ordinal,
        )),
        one_of(")）"),
    ));
    let (rest, prefix) = alt((bullet, arabic, enumerated, parenthesised)).parse(input)?;
    let (rest, _) = take_while(is_inline_space)(rest)?;
    let (rest, _) = opt(terminated(
        recognize((tag("["), one_of(" xX"), tag("]"))),
        take_while(is_inline_space),
    ))
    .parse(rest)?;
    Ok((rest, prefix))
}

fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+' | '•' | '·')
}

fn is_opening_paren(c: char) -> bool {
    matches!(c, '(' | '（')
}

/// The characters of a Chinese ordinal (一, 十二, 二十三).
fn is_ordinal(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn chinese_ordinal(input: &str) -> IResult<&str, &str> {
    let (rest, numeral) = take_while_m_n(1, 3, is_ordinal)(input)?;
    match chinese_numeral_value(numeral) {
        Some(_) => Ok((rest, numeral)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        ))),
    }
}

/// Removes Markdown emphasis that wraps a whole line or opens it (`**研发部门**`, `**O1：**…`).
/// Returns the trimmed range within `text`.
pub fn strip_emphasis(text: &str) -> (usize, usize) {
    let mut start = 0;
    let mut end = text.len();
    for mark in ["**", "__"] {
        if text[start..end].starts_with(mark) {
            start += mark.len();
            if text[start..end].ends_with(mark) && end - start >= mark.len() {
                end -= mark.len();
            }
        }
    }
    (start, end)
}

/// True for a table separator row such as `|---|:--:|`.
pub fn is_table_separator(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A thematic break (`---`, `***`, `___`), which carries nothing.
pub fn is_thematic_break(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers() {
        assert_eq!(container("## 研发部门"), (Container::Heading(2), 3));
        assert_eq!(
            container("#标签"),
            (Container::Plain, 0),
            "a hashtag is not a heading"
        );
        assert_eq!(
            container("  - [x] KR1：x"),
            (
                Container::ListItem {
                    indent: 2,
                    bulleted: true
                },
                8
            )
        );
        let numbered = Container::ListItem {
            indent: 0,
            bulleted: false,
        };
        assert_eq!(container("1. KR1"), (numbered, 3));
        assert_eq!(container("一、研发部门"), (numbered, 6));
        assert_eq!(container("2）体检报告"), (numbered, 4));
        assert_eq!(container("（二）产品部门"), (numbered, 9));
        assert_eq!(container("| 目标 | 关键结果 |"), (Container::TableRow, 0));
        assert_eq!(container("KR1:x"), (Container::Plain, 0));
        assert_eq!(
            container("1.5倍"),
            (Container::Plain, 0),
            "a decimal is not an enumerator"
        );
    }

    #[test]
    fn emphasis() {
        assert_eq!(strip_emphasis("**研发部门**"), (2, 14));
        assert_eq!(strip_emphasis("**O1：**提升"), (2, 15));
    }
}
