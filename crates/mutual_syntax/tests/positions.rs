//! `LineIndex`: byte offsets ↔ lines and columns in UTF-8, UTF-16 and
//! UTF-32, with Hebrew, Arabic, emoji (surrogate pairs in UTF-16), CRLF and
//! a leading byte-order mark. Out-of-range input is clamped, never a panic.

use mutual_syntax::{Encoding, LineIndex, Position};

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// Texts that exercise every kind of character and line ending.
const TEXTS: &[&str] = &[
    "",
    "a",
    "\n",
    "\r\n",
    "ש😀x",
    "agreement \"ספרייה\" {\n  purpose \"مرحبا بالعالم\"\n}\n",
    "party bibliothèque \"Bibliothèque\" {\r\n  kind library\r\n}\r\n",
    "\u{FEFF}agreement \"😀😀\" {\n}\n",
    "\u{FEFF}\r\n\u{FEFF}x\r\n",
    "\u{FEFF}",
    "a\n\nb\r\n\r\nc",
    "😀\n😀😀\r\n👩‍👩‍👧 family\n",
    "עברית English عربي 中文 🎉\r\nend",
    "no line end at the end 🎉",
    "tab\tand \u{0}nul and \u{10FFFF}",
];

fn pos(line: u32, character: u32) -> Position {
    Position { line, character }
}

fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        3
    } else {
        0
    }
}

/// Offsets that name a place a person can point at: every character
/// boundary, except inside the BOM and between a `\r` and its `\n`.
fn visible_offsets(text: &str) -> Vec<usize> {
    (bom_len(text)..=text.len())
        .filter(|&o| text.is_char_boundary(o))
        .filter(|&o| !(o > 0 && text.as_bytes()[o - 1] == b'\r' && text[o..].starts_with('\n')))
        .collect()
}

/// The width of a character in an encoding.
fn width(c: char, encoding: Encoding) -> u32 {
    match encoding {
        Encoding::Utf8 => c.len_utf8() as u32,
        Encoding::Utf16 => c.len_utf16() as u32,
        Encoding::Utf32 => 1,
    }
}

/// The expected position of an offset, computed the slow way.
fn slow_position(text: &str, offset: usize, encoding: Encoding) -> Position {
    let before = &text[bom_len(text)..offset];
    let line = before.matches('\n').count() as u32;
    let line_text = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let character = line_text.chars().map(|c| width(c, encoding)).sum();
    pos(line, character)
}

#[test]
fn known_values() {
    let text = "ש😀x";
    let index = LineIndex::new(text);
    let x = text.find('x').unwrap();
    assert_eq!(x, 6);
    assert_eq!(index.position(text, x, Encoding::Utf16), pos(0, 3));
    assert_eq!(index.position(text, x, Encoding::Utf8), pos(0, 6));
    assert_eq!(index.position(text, x, Encoding::Utf32), pos(0, 2));
    assert_eq!(index.line_col(text, x), (1, 3));
    for encoding in ENCODINGS {
        assert_eq!(
            index.offset(text, index.position(text, x, encoding), encoding),
            x
        );
    }
    // The emoji starts at byte 2: UTF-16 column 1, and it is two units wide.
    assert_eq!(index.position(text, 2, Encoding::Utf16), pos(0, 1));
    assert_eq!(index.offset(text, pos(0, 1), Encoding::Utf16), 2);
    assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf16), 6);
    assert_eq!(index.offset(text, pos(0, 4), Encoding::Utf16), 7);
}

#[test]
fn known_values_with_arabic_and_hebrew() {
    let text = "a\n  purpose \"مرحبا\" # ספרייה\n";
    let index = LineIndex::new(text);
    let hash = text.find('#').unwrap();
    // Line 2: two blanks, `purpose`, a blank, a quote, five Arabic letters
    // (two bytes each), a quote, a blank: 18 characters, 23 bytes.
    assert_eq!(index.position(text, hash, Encoding::Utf32), pos(1, 18));
    assert_eq!(index.position(text, hash, Encoding::Utf16), pos(1, 18));
    assert_eq!(index.position(text, hash, Encoding::Utf8), pos(1, 23));
    assert_eq!(index.line_col(text, hash), (2, 19));
    // Then a blank and six Hebrew letters (two bytes each).
    let end = text.len() - 1;
    assert_eq!(index.position(text, end, Encoding::Utf32), pos(1, 26));
    assert_eq!(index.position(text, end, Encoding::Utf16), pos(1, 26));
    assert_eq!(index.position(text, end, Encoding::Utf8), pos(1, 37));
}

#[test]
fn round_trip_at_every_char_boundary() {
    for text in TEXTS {
        let index = LineIndex::new(text);
        assert_eq!(index.len(), text.len());
        assert_eq!(index.is_empty(), text.is_empty());
        for encoding in ENCODINGS {
            let mut last = None;
            for offset in visible_offsets(text) {
                let p = index.position(text, offset, encoding);
                assert_eq!(
                    p,
                    slow_position(text, offset, encoding),
                    "{text:?} at {offset} in {encoding:?}"
                );
                assert_eq!(
                    index.offset(text, p, encoding),
                    offset,
                    "{text:?} at {offset} in {encoding:?} ({p:?})"
                );
                assert!(last < Some(p), "positions go forward: {text:?} at {offset}");
                last = Some(p);
            }
        }
    }
}

#[test]
fn line_col_is_one_based_and_counts_characters() {
    for text in TEXTS {
        let index = LineIndex::new(text);
        for offset in visible_offsets(text) {
            let p = slow_position(text, offset, Encoding::Utf32);
            assert_eq!(
                index.line_col(text, offset),
                (p.line + 1, p.character + 1),
                "{text:?} at {offset}"
            );
        }
    }
}

#[test]
fn the_bom_never_counts_as_a_column() {
    let text = "\u{FEFF}agreement";
    let index = LineIndex::new(text);
    for encoding in ENCODINGS {
        // The first visible character, and every offset before it.
        for offset in 0..=3 {
            assert_eq!(
                index.position(text, offset, encoding),
                pos(0, 0),
                "{offset}"
            );
        }
        assert_eq!(index.offset(text, pos(0, 0), encoding), 3);
        assert_eq!(index.position(text, 4, encoding), pos(0, 1));
        assert_eq!(index.offset(text, pos(0, 1), encoding), 4);
    }
    assert_eq!(index.line_col(text, 3), (1, 1));
    assert_eq!(index.line_col(text, 0), (1, 1));
    // Only a leading BOM is special: one further on is a character.
    let text = "a\n\u{FEFF}b";
    let index = LineIndex::new(text);
    assert_eq!(
        index.position(text, text.len() - 1, Encoding::Utf16),
        pos(1, 1)
    );
    assert_eq!(
        index.position(text, text.len() - 1, Encoding::Utf8),
        pos(1, 3)
    );
}

#[test]
fn crlf_gives_the_same_columns_as_lf() {
    let lf = "agreement \"ש😀\" {\n  purpose \"مرحبا\"\n\n}\n";
    let crlf = lf.replace('\n', "\r\n");
    let (lf_index, crlf_index) = (LineIndex::new(lf), LineIndex::new(&crlf));
    assert_eq!(lf_index.line_count(), crlf_index.line_count());
    let lf_chars: Vec<usize> = lf.char_indices().map(|(i, _)| i).collect();
    let crlf_chars: Vec<usize> = crlf
        .char_indices()
        .filter(|&(_, c)| c != '\r')
        .map(|(i, _)| i)
        .collect();
    assert_eq!(lf_chars.len(), crlf_chars.len());
    for encoding in ENCODINGS {
        for (&a, &b) in lf_chars.iter().zip(&crlf_chars) {
            assert_eq!(
                lf_index.position(lf, a, encoding),
                crlf_index.position(&crlf, b, encoding),
                "{encoding:?}"
            );
        }
    }
    // The offset between `\r` and `\n` is the end of the line's text.
    let text = "ab\r\ncd";
    let index = LineIndex::new(text);
    for encoding in ENCODINGS {
        assert_eq!(index.position(text, 2, encoding), pos(0, 2));
        assert_eq!(index.position(text, 3, encoding), pos(0, 2));
        assert_eq!(index.position(text, 4, encoding), pos(1, 0));
    }
}

#[test]
fn line_ranges_and_counts() {
    let text = "\u{FEFF}ab\r\n\nש😀\r\nlast";
    let index = LineIndex::new(text);
    assert_eq!(index.line_count(), 4);
    let lines: Vec<&str> = (0..4)
        .map(|l| &text[index.line_range(text, l).unwrap()])
        .collect();
    assert_eq!(lines, ["\u{FEFF}ab", "", "ש😀", "last"]);
    assert_eq!(index.line_range(text, 4), None);
    assert_eq!(index.line_range(text, u32::MAX), None);
    assert_eq!(LineIndex::new("").line_count(), 1);
    assert_eq!(LineIndex::new("x\n").line_count(), 2);
}

#[test]
fn out_of_range_positions_clamp() {
    let text = "ab😀\r\nש\n";
    let index = LineIndex::new(text);
    for encoding in ENCODINGS {
        // A line past the end is the end of the text.
        assert_eq!(index.offset(text, pos(3, 0), encoding), text.len());
        assert_eq!(
            index.offset(text, pos(u32::MAX, u32::MAX), encoding),
            text.len()
        );
        // A column past the end of a line is the end of that line, before
        // its line ending.
        assert_eq!(index.offset(text, pos(0, 99), encoding), 6);
        assert_eq!(index.offset(text, pos(0, u32::MAX), encoding), 6);
        assert_eq!(index.offset(text, pos(1, 99), encoding), 10);
        // The last line (empty, after the final line end).
        assert_eq!(index.offset(text, pos(2, 5), encoding), text.len());
        // An offset past the end is the end.
        let end = index.position(text, text.len(), encoding);
        assert_eq!(end, pos(2, 0));
        assert_eq!(index.position(text, text.len() + 1, encoding), end);
        assert_eq!(index.position(text, usize::MAX, encoding), end);
    }
    assert_eq!(index.line_col(text, usize::MAX), (3, 1));
}

#[test]
fn offsets_inside_a_character_are_its_start() {
    let text = "ש😀x";
    let index = LineIndex::new(text);
    for encoding in ENCODINGS {
        assert_eq!(index.position(text, 1, encoding), pos(0, 0));
        for inside in 3..=5 {
            assert_eq!(
                index.position(text, inside, encoding),
                index.position(text, 2, encoding)
            );
        }
    }
    // A UTF-16 column in the middle of a surrogate pair, or a UTF-8 column in
    // the middle of a character, is that character's start.
    assert_eq!(index.offset(text, pos(0, 2), Encoding::Utf16), 2);
    assert_eq!(index.offset(text, pos(0, 1), Encoding::Utf8), 0);
    assert_eq!(index.offset(text, pos(0, 4), Encoding::Utf8), 2);
}

#[test]
fn positions_of_every_column_map_back() {
    // position(offset(p)) == p for every column that falls on a character
    // boundary, on every line, in every encoding.
    for text in TEXTS {
        let index = LineIndex::new(text);
        for line in 0..index.line_count() {
            let range = index.line_range(text, line).unwrap();
            let start = range.start + if line == 0 { bom_len(text) } else { 0 };
            let line_text = &text[start..range.end];
            for encoding in ENCODINGS {
                let mut column = 0;
                let mut columns = vec![0];
                for c in line_text.chars() {
                    column += width(c, encoding);
                    columns.push(column);
                }
                for character in columns {
                    let p = pos(line, character);
                    let offset = index.offset(text, p, encoding);
                    assert_eq!(index.position(text, offset, encoding), p, "{text:?} {p:?}");
                }
            }
        }
    }
}

#[test]
fn a_different_text_than_the_indexed_one_does_not_panic() {
    // Misuse, but positions must still never panic.
    let index = LineIndex::new("a long text\nwith two lines 😀\n");
    for text in [
        "",
        "ש",
        "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
        "\u{FEFF}",
    ] {
        for offset in 0..40 {
            for encoding in ENCODINGS {
                let p = index.position(text, offset, encoding);
                let o = index.offset(text, p, encoding);
                assert!(o <= text.len() && text.is_char_boundary(o));
                let o = index.offset(text, pos(1, 3), encoding);
                assert!(o <= text.len() && text.is_char_boundary(o));
            }
        }
    }
}
