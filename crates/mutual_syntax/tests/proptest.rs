//! The parser never panics, and every parse keeps its invariants (spans
//! inside the text, on character boundaries, inside their parents; an error
//! for every error node), over:
//! - random bytes (read as lossy UTF-8);
//! - random strings from a small alphabet of the language's tokens;
//! - random edits (delete, insert, replace a range) of the example files in
//!   `examples/` and of this crate's fixtures.
//!
//! Also: `LineIndex` round-trips over random texts with CRLF, a BOM and wide
//! characters.

mod support;

use std::path::Path;
use std::sync::OnceLock;

use mutual_syntax::ast::{ClauseKind, Item, PartyItemKind};
use mutual_syntax::{Encoding, LineIndex, Parse};
use proptest::prelude::*;
use proptest::sample::select;

use support::{check_invariants, fixtures_dir, mutual_files};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// Parses, and checks everything that must hold whatever the input.
fn parse_and_check(text: &str) -> Result<Parse, TestCaseError> {
    let parse = mutual_syntax::parse(text);
    if let Err(problems) = check_invariants(text, &parse) {
        return Err(TestCaseError::fail(format!("{problems}\nin {text:?}")));
    }
    let error_nodes = count_error_nodes(&parse);
    prop_assert!(
        error_nodes == 0 || !parse.errors.is_empty(),
        "{error_nodes} error nodes but no syntax error, in {text:?}"
    );
    // Positions of every error can be computed.
    let index = LineIndex::new(text);
    for e in &parse.errors {
        let (line, col) = index.line_col(text, e.span.start as usize);
        prop_assert!(line >= 1 && col >= 1);
        prop_assert!(line <= index.line_count());
    }
    // Parsing is a function of the text.
    prop_assert_eq!(&mutual_syntax::parse(text).errors, &parse.errors);
    Ok(parse)
}

fn count_error_nodes(parse: &Parse) -> usize {
    let party_errors = |items: &[mutual_syntax::ast::PartyItem]| {
        items
            .iter()
            .filter(|i| matches!(i.kind, PartyItemKind::Error))
            .count()
    };
    let mut n = 0;
    for item in &parse.file.items {
        match item {
            Item::Error(_) => n += 1,
            Item::Party(p) => n += p.body.as_ref().map_or(0, |b| party_errors(&b.items)),
            Item::Agreement(a) => {
                for c in &a.body.items {
                    match &c.kind {
                        ClauseKind::Error => n += 1,
                        ClauseKind::Party(p) => n += party_errors(&p.body.items),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    n
}

// ------------------------------------------------------------ inputs --

/// Words and pieces the language is made of, and some it is not.
const TOKENS: &[&str] = &[
    "agreement",
    "import",
    "party",
    "goal",
    "status",
    "purpose",
    "binding",
    "term",
    "to",
    "open-ended",
    "review",
    "every",
    "exit",
    "notice",
    "wind-down",
    "creates",
    "measure",
    "kind",
    "anonymous",
    "contact",
    "pursues",
    "invests",
    "gains",
    "from",
    "license",
    "commits",
    "by",
    "signed",
    "channel",
    "escalation",
    "decides",
    "all",
    "risk",
    "mitigation",
    "allow",
    "because",
    "yes",
    "no",
    "draft",
    "active",
    "{",
    "}",
    "\"",
    "\"\"",
    "\"text\"",
    "\"ש😀\"",
    "\"a\\\"b\"",
    "\"\\u{1F600}\"",
    "\"\\q\"",
    "\"\\u{}\"",
    "\\",
    "#",
    "# comment",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    ",",
    "->",
    "<->",
    "<",
    "-",
    ">",
    "2026-03-01",
    "2026-3-01",
    "2026-02-30",
    "12",
    "1.5",
    "40",
    "99999999999",
    "days",
    "month",
    "hours",
    "EUR",
    "wmil",
    "library",
    "ספרייה",
    "bibliothèque",
    "a_b",
    "x-",
    "missing-measure",
    "\u{FEFF}",
    "😀",
    "\u{0}",
    "é",
    "stauts",
    "}}",
    "{{",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(select(TOKENS), 0..80).prop_map(|tokens| {
        let mut s = String::new();
        for (i, t) in tokens.iter().enumerate() {
            // Words next to each other mostly get a blank between them.
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(t);
        }
        s
    })
}

/// Example files and ok fixtures, read once. `examples/` may be empty.
fn sources() -> &'static [(String, String)] {
    static SOURCES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        mutual_files(&examples)
            .into_iter()
            .chain(mutual_files(&fixtures_dir().join("ok")))
            .chain(mutual_files(&fixtures_dir().join("err")))
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                Some((p.display().to_string(), text))
            })
            .collect()
    })
}

#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, len: usize, text: String },
}

fn insertion() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(TOKENS).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..40usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), insertion()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<usize>(), 0..20usize, insertion()).prop_map(|(at, len, text)| Edit::Replace {
            at,
            len,
            text
        }),
    ]
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, edit: &Edit) {
    let at_of = |text: &str, at: usize| floor(text, at % (text.len() + 1));
    match edit {
        Edit::Delete { at, len } => {
            let start = at_of(text, *at);
            let end = floor(text, start + len);
            text.replace_range(start..end, "");
        }
        Edit::Insert { at, text: new } => {
            let start = at_of(text, *at);
            text.insert_str(start, new);
        }
        Edit::Replace { at, len, text: new } => {
            let start = at_of(text, *at);
            let end = floor(text, start + len);
            text.replace_range(start..end, new);
        }
    }
}

// ---------------------------------------------------------- properties --

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        parse_and_check(&text)?;
    }

    #[test]
    fn random_unicode(text in any::<String>()) {
        parse_and_check(&text)?;
    }

    #[test]
    fn random_tokens(text in token_soup()) {
        parse_and_check(&text)?;
    }

    #[test]
    fn random_edits_of_real_files(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let sources = sources();
        if sources.is_empty() {
            return Ok(());
        }
        let (_name, original) = &sources[which.index(sources.len())];
        let mut text = original.clone();
        for e in &edits {
            apply(&mut text, e);
        }
        parse_and_check(&text)?;
    }

    #[test]
    fn line_index_round_trips(
        parts in prop::collection::vec(
            prop_oneof![
                select(&["\n", "\r\n", "ש", "😀", "مرحبا", "é", "x", " ", "\t", "👩‍👩‍👧", "\u{FEFF}"][..])
                    .prop_map(str::to_string),
                any::<char>().prop_map(String::from),
            ],
            0..60,
        ),
        bom in any::<bool>(),
        probes in prop::collection::vec((any::<u32>(), any::<u32>(), any::<usize>()), 1..20),
    ) {
        let text = format!("{}{}", if bom { "\u{FEFF}" } else { "" }, parts.concat());
        let index = LineIndex::new(&text);
        let bom_len = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for offset in (bom_len..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                let inside_crlf = offset > 0
                    && text.as_bytes()[offset - 1] == b'\r'
                    && text[offset..].starts_with('\n');
                let p = index.position(&text, offset, encoding);
                let back = index.offset(&text, p, encoding);
                if inside_crlf {
                    prop_assert_eq!(back, offset - 1);
                } else {
                    prop_assert_eq!(back, offset, "{:?} {:?}", encoding, p);
                }
            }
            // Any position and any offset, however far out, clamp.
            for &(line, character, offset) in &probes {
                let p = mutual_syntax::Position { line: line % 8, character: character % 40 };
                for p in [p, mutual_syntax::Position { line, character }] {
                    let o = index.offset(&text, p, encoding);
                    prop_assert!(o <= text.len() && text.is_char_boundary(o));
                }
                for offset in [offset, offset % (text.len() + 1)] {
                    let p = index.position(&text, offset, encoding);
                    prop_assert!(p.line < index.line_count());
                }
            }
        }
    }
}

/// The example files are in the rotation (when there are any).
#[test]
fn sources_are_found() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let n = mutual_files(&examples).len();
    assert!(sources().len() >= n);
    assert!(!sources().is_empty());
}
