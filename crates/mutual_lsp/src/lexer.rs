//! A small tolerant lexer over the text, for what the tree does not keep:
//! keyword positions (semantic tokens, hover on a keyword) and the tokens
//! before the cursor (completion). It never fails.

use mutual_syntax::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// An identifier or a keyword.
    Word,
    /// A string; `terminated` is false when it runs to the end of its line.
    Str {
        terminated: bool,
    },
    Comment,
    Number,
    Date,
    OpenBrace,
    CloseBrace,
    Comma,
    /// `->` or `<->`.
    Arrow,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub span: Span,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.range()).unwrap_or("")
    }
}

pub fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Every token of the text, comments included, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = match c {
            '\u{FEFF}' => continue,
            c if c.is_whitespace() => continue,
            '#' => {
                while let Some(&(_, c)) = chars.peek() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                    chars.next();
                }
                TokKind::Comment
            }
            '"' => {
                let mut terminated = false;
                while let Some(&(_, c)) = chars.peek() {
                    if c == '\n' || c == '\r' {
                        break;
                    }
                    chars.next();
                    if c == '\\' {
                        if let Some(&(_, n)) = chars.peek() {
                            if n != '\n' && n != '\r' {
                                chars.next();
                            }
                        }
                    } else if c == '"' {
                        terminated = true;
                        break;
                    }
                }
                TokKind::Str { terminated }
            }
            '{' => TokKind::OpenBrace,
            '}' => TokKind::CloseBrace,
            ',' => TokKind::Comma,
            '<' if text[start..].starts_with("<->") => {
                chars.next();
                chars.next();
                TokKind::Arrow
            }
            '-' if text[start..].starts_with("->") => {
                chars.next();
                TokKind::Arrow
            }
            c if c.is_ascii_digit() => {
                if is_date(&bytes[start..]) {
                    for _ in 0..9 {
                        chars.next();
                    }
                    TokKind::Date
                } else {
                    let mut seen_dot = false;
                    while let Some(&(i, c)) = chars.peek() {
                        if c.is_ascii_digit() {
                            chars.next();
                        } else if c == '.'
                            && !seen_dot
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                        {
                            seen_dot = true;
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    TokKind::Number
                }
            }
            c if is_word_start(c) => {
                while let Some(&(i, c)) = chars.peek() {
                    if c == '-' && text[i..].starts_with("->") {
                        break;
                    }
                    if is_word_char(c) {
                        chars.next();
                    } else {
                        break;
                    }
                }
                TokKind::Word
            }
            _ => TokKind::Other,
        };
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        out.push(Token {
            kind,
            span: Span::new(start, end),
        });
    }
    out
}

fn is_date(b: &[u8]) -> bool {
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && !b.get(10).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The token containing `offset` (a token ending at `offset` counts, so the
/// cursor right after a word is on it).
pub fn token_at(tokens: &[Token], offset: usize) -> Option<Token> {
    tokens
        .iter()
        .find(|t| t.span.start as usize <= offset && offset < t.span.end as usize)
        .or_else(|| {
            tokens
                .iter()
                .find(|t| t.span.end as usize == offset && t.kind == TokKind::Word)
        })
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_every_kind() {
        let text =
            "party a { invests money 20 EUR \"x \\\" y\" to b # c\n} 2026-01-02 a->b a <-> b 1.5";
        let kinds: Vec<_> = tokens(text)
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (TokKind::Word, "party"),
                (TokKind::Word, "a"),
                (TokKind::OpenBrace, "{"),
                (TokKind::Word, "invests"),
                (TokKind::Word, "money"),
                (TokKind::Number, "20"),
                (TokKind::Word, "EUR"),
                (TokKind::Str { terminated: true }, "\"x \\\" y\""),
                (TokKind::Word, "to"),
                (TokKind::Word, "b"),
                (TokKind::Comment, "# c"),
                (TokKind::CloseBrace, "}"),
                (TokKind::Date, "2026-01-02"),
                (TokKind::Word, "a"),
                (TokKind::Arrow, "->"),
                (TokKind::Word, "b"),
                (TokKind::Word, "a"),
                (TokKind::Arrow, "<->"),
                (TokKind::Word, "b"),
                (TokKind::Number, "1.5"),
            ]
        );
    }

    #[test]
    fn unterminated_strings_stop_at_the_line_end() {
        let text = "import \"par\nparty";
        let toks = tokens(text);
        assert_eq!(toks[1].kind, TokKind::Str { terminated: false });
        assert_eq!(toks[1].text(text), "\"par");
        assert_eq!(toks[2].text(text), "party");
    }
}
