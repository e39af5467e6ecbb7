//! The position service: byte offsets ↔ lines and columns.
//!
//! Every tool converts positions here and nowhere else:
//! - the checker and miette work in byte offsets ([`crate::Span`]);
//! - humans, JSON and SARIF get 1-based lines and columns counted in Unicode
//!   characters ([`LineIndex::line_col`]);
//! - the language server gets 0-based positions in UTF-16 or UTF-8 code
//!   units, whichever was negotiated ([`LineIndex::position`]).
//!
//! A leading byte-order mark is invisible: it never counts as a column. Lines
//! end at `\n`; a `\r` before it belongs to the line ending, so CRLF files get
//! the same columns as LF files. Out-of-range input is clamped, never a panic.

use line_index::{LineCol, TextSize, WideEncoding, WideLineCol};

/// How a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16 (the LSP default).
    Utf16,
    /// Unicode scalar values (characters): JSON, SARIF, humans.
    Utf32,
}

/// A 0-based line and a 0-based column in some [`Encoding`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// Line starts and non-ASCII characters of one text, built once per text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    inner: line_index::LineIndex,
    bom_len: u32,
    lines: u32,
}

const BOM: char = '\u{FEFF}';

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            inner: line_index::LineIndex::new(text),
            bom_len: if text.starts_with(BOM) {
                BOM.len_utf8() as u32
            } else {
                0
            },
            lines: 1 + memchr::memchr_iter(b'\n', text.as_bytes()).count() as u32,
        }
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        u32::from(self.inner.len()) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The 0-based position of a byte offset. An offset past the end is the
    /// end; an offset inside a character is that character's start.
    /// An offset before the end of a BOM is the start of the first line, and
    /// an offset inside a line ending (between `\r` and `\n`) is the end of
    /// that line's text.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset =
            floor_char_boundary(text, offset.min(self.len())).max(self.bom_len as usize);
        let line_col = |offset: usize| {
            self.inner
                .try_line_col(TextSize::from(offset as u32))
                .unwrap_or(LineCol { line: 0, col: 0 })
        };
        let mut raw = line_col(offset);
        if let Some(line) = self.line_range(text, raw.line) {
            if offset > line.end {
                offset = line.end;
                raw = line_col(offset);
            }
        }
        let on_bom_line = raw.line == 0 && self.bom_len > 0;
        let character = match wide(encoding) {
            None => raw
                .col
                .saturating_sub(if on_bom_line { self.bom_len } else { 0 }),
            Some(enc) => {
                let col = self.inner.to_wide(enc, raw).map_or(raw.col, |w| w.col);
                col.saturating_sub(u32::from(on_bom_line))
            }
        };
        Position {
            line: raw.line,
            character,
        }
    }

    /// The byte offset of a 0-based position. A line past the end is the end
    /// of the text; a column past the end of its line is the line's end (before
    /// its line ending); a column inside a character is that character's start.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(range) = self.inner.line(position.line) else {
            return self.len();
        };
        let line_start = u32::from(range.start()) as usize;
        let line_end = line_content_end(text, line_start, u32::from(range.end()) as usize);
        let bom = if position.line == 0 { self.bom_len } else { 0 };
        let col = match wide(encoding) {
            None => position.character.saturating_add(bom),
            Some(enc) => {
                let wide_col = position.character.saturating_add(u32::from(bom > 0));
                self.inner
                    .to_utf8(
                        enc,
                        WideLineCol {
                            line: position.line,
                            col: wide_col,
                        },
                    )
                    .map_or(u32::MAX, |lc| lc.col)
            }
        };
        let offset = line_start.saturating_add(col as usize).min(line_end);
        floor_char_boundary(text, offset)
    }

    /// 1-based line and 1-based column counted in characters, for people,
    /// JSON and SARIF.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let p = self.position(text, offset, Encoding::Utf32);
        (p.line + 1, p.character + 1)
    }

    /// The byte range of a 0-based line without its line ending.
    pub fn line_range(&self, text: &str, line: u32) -> Option<std::ops::Range<usize>> {
        let range = self.inner.line(line)?;
        let start = u32::from(range.start()) as usize;
        Some(start..line_content_end(text, start, u32::from(range.end()) as usize))
    }

    /// The number of lines (a text without any line end has one).
    pub fn line_count(&self) -> u32 {
        self.lines
    }
}

fn wide(encoding: Encoding) -> Option<WideEncoding> {
    match encoding {
        Encoding::Utf8 => None,
        Encoding::Utf16 => Some(WideEncoding::Utf16),
        Encoding::Utf32 => Some(WideEncoding::Utf32),
    }
}

fn line_content_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = end.min(bytes.len());
    if end > start && bytes[end - 1] == b'\n' {
        end -= 1;
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
    }
    end
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
