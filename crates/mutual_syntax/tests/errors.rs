//! Broken inputs: the exact message, help, line and column (1-based,
//! columns in characters) of every syntax error, and the tree that is still
//! recovered around it.

use mutual_syntax::ast::{ClauseKind, Item, PartyItemKind};
use mutual_syntax::{parse, LineIndex, Parse};

/// One error as a person reads it.
#[derive(Debug, PartialEq)]
struct Seen {
    line: u32,
    col: u32,
    message: String,
    help: Option<String>,
}

fn seen(text: &str, parse: &Parse) -> Vec<Seen> {
    let index = LineIndex::new(text);
    parse
        .errors
        .iter()
        .map(|e| {
            let (line, col) = index.line_col(text, e.span.start as usize);
            Seen {
                line,
                col,
                message: e.message.clone(),
                help: e.help.clone(),
            }
        })
        .collect()
}

/// Asserts that `text` gives exactly one error, there, with these words.
#[track_caller]
fn one_error(text: &str, line: u32, col: u32, message: &str, help: Option<&str>) -> Parse {
    let parse = parse(text);
    let got = seen(text, &parse);
    let want = vec![Seen {
        line,
        col,
        message: message.to_string(),
        help: help.map(str::to_string),
    }];
    assert_eq!(got, want, "in:\n{text}");
    parse
}

/// The source text an error points at.
#[track_caller]
fn pointed_at<'t>(text: &'t str, parse: &Parse) -> &'t str {
    &text[parse.errors[0].span.range()]
}

fn agreements(parse: &Parse) -> Vec<&mutual_syntax::ast::Agreement> {
    parse
        .file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Agreement(a) => Some(a),
            _ => None,
        })
        .collect()
}

fn clause_keywords(agreement: &mutual_syntax::ast::Agreement) -> Vec<&'static str> {
    agreement
        .body
        .items
        .iter()
        .map(|c| match c.kind {
            ClauseKind::Error => "<error>",
            ref k => k.keyword(),
        })
        .collect()
}

const UNCLOSED_PARTY: &str = "this party block is never closed: its `}` is missing";
const UNCLOSED_PARTY_HELP: &str = "add `}` on its own line after the party's last line";
const UNCLOSED_AGREEMENT: &str = "this agreement block is never closed: its `}` is missing";
const UNCLOSED_AGREEMENT_HELP: &str = "add `}` on its own line after the agreement's last line";
const NO_CLOSING_QUOTE: &str = "this text has no closing quote";
const NO_CLOSING_QUOTE_HELP: &str = "a text stays on one line: end it with `\"`";
const DATE_HELP: &str =
    "write dates with a four-digit year and two-digit month and day: 2026-03-01";
const BAD_UNICODE: &str = "this `\\u{…}` escape is not a valid character";
const BAD_UNICODE_HELP: &str = "write 1 to 6 hex digits of a Unicode character, like `\\u{00E9}`";
const MISSING_OPEN_HELP: &str =
    "a block's lines go between `{` and `}`: add `{` at the end of its first line";
const CLAUSE_WORDS: &str = "a clause such as `purpose`, `term`, `party` or `channel`";
const ITEM_WORDS: &str = "`agreement`, `party`, `goal` or `import`";

// ------------------------------------------------------------ braces --

#[test]
fn missing_closing_brace_of_a_party_in_an_agreement() {
    let text = "agreement \"A\" {\n  party a \"A\" {\n    kind library\n  channel a <-> b\n}\n";
    let parse = one_error(text, 2, 15, UNCLOSED_PARTY, Some(UNCLOSED_PARTY_HELP));
    assert_eq!(pointed_at(text, &parse), "{");
    // The party ends where the agreement's clauses start again, and the
    // agreement keeps its own closing brace.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["party", "channel"]);
    assert!(a.body.close.is_some());
    let ClauseKind::Party(p) = &a.body.items[0].kind else {
        panic!()
    };
    assert!(p.body.close.is_none());
    assert_eq!(p.body.items.len(), 1);
}

#[test]
fn missing_closing_brace_of_a_top_level_party() {
    let text = "party a \"A\" {\n  kind library\n\nagreement \"B\" {\n  status draft\n}\n";
    let parse = one_error(text, 1, 13, UNCLOSED_PARTY, Some(UNCLOSED_PARTY_HELP));
    let [Item::Party(p), Item::Agreement(b)] = &parse.file.items[..] else {
        panic!("{:#?}", parse.file.items)
    };
    assert_eq!(p.body.as_ref().unwrap().items.len(), 1);
    assert_eq!(clause_keywords(b), ["status"]);
}

#[test]
fn missing_closing_brace_of_an_agreement_at_the_end_of_the_file() {
    let text = "agreement \"A\" {\n  status draft\n  purpose \"p\"\n";
    let parse = one_error(
        text,
        1,
        15,
        UNCLOSED_AGREEMENT,
        Some(UNCLOSED_AGREEMENT_HELP),
    );
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["status", "purpose"]);
    assert!(a.body.close.is_none());
}

#[test]
fn missing_closing_brace_of_an_agreement_before_the_next_one() {
    let text = "agreement \"A\" {\n  status draft\n\nagreement \"B\" {\n  status active\n}\n";
    let parse = one_error(
        text,
        1,
        15,
        UNCLOSED_AGREEMENT,
        Some(UNCLOSED_AGREEMENT_HELP),
    );
    let [a, b] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(a.title.value, "A");
    assert_eq!(clause_keywords(a), ["status"]);
    assert_eq!(b.title.value, "B");
    assert_eq!(clause_keywords(b), ["status"]);
    assert!(b.body.close.is_some());
}

#[test]
fn missing_closing_brace_of_an_agreement_before_an_import() {
    let text = "agreement \"A\" {\n  status draft\nimport \"x.mutual\"\n";
    let parse = one_error(
        text,
        1,
        15,
        UNCLOSED_AGREEMENT,
        Some(UNCLOSED_AGREEMENT_HELP),
    );
    assert!(matches!(
        parse.file.items[..],
        [Item::Agreement(_), Item::Import(_)]
    ));
}

#[test]
fn missing_opening_brace_of_an_agreement() {
    let text = "agreement \"A\"\n  status draft\n  purpose \"p\"\n}\n";
    let parse = one_error(
        text,
        1,
        14,
        "expected `{`, found the end of the line",
        Some(MISSING_OPEN_HELP),
    );
    // The agreement is read as if the brace were there.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["status", "purpose"]);
    assert!(a.body.open.is_empty());
    assert!(a.body.close.is_some());
}

#[test]
fn missing_opening_brace_after_trailing_blanks_and_a_comment() {
    let text = "agreement \"A\"   # the brace is missing\n  status draft\n}\n";
    one_error(
        text,
        1,
        14,
        "expected `{`, found the end of the line",
        Some(MISSING_OPEN_HELP),
    );
}

#[test]
fn missing_opening_brace_of_a_party() {
    let text = "agreement \"A\" {\n  party a \"A\"\n    kind library\n    gains content \"c\"\n  }\n  channel a -> b\n}\n";
    let parse = one_error(
        text,
        2,
        14,
        "expected `{`, found the end of the line",
        Some(MISSING_OPEN_HELP),
    );
    // The party's `}` closes the party, not the agreement.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["party", "channel"]);
    let ClauseKind::Party(p) = &a.body.items[0].kind else {
        panic!()
    };
    assert_eq!(p.body.items.len(), 2);
    assert!(p.body.close.is_some());
}

#[test]
fn missing_opening_brace_of_a_top_level_party() {
    let text = "party a \"A\"\n  kind library\n}\n";
    let parse = one_error(
        text,
        1,
        12,
        "expected `{`, found the end of the line",
        Some(MISSING_OPEN_HELP),
    );
    let [Item::Party(p)] = &parse.file.items[..] else {
        panic!()
    };
    assert_eq!(p.body.as_ref().unwrap().items.len(), 1);
}

#[test]
fn an_agreement_head_without_its_brace_on_a_line_of_its_own() {
    // No clause follows on the next line, so nothing is read as its body:
    // the whole broken agreement is one error, not one per line.
    let text = "agreement \"A\"\n  what is this\n  status draft\n}\n";
    one_error(text, 1, 14, "expected `{`, found the end of the line", None);
}

// ------------------------------------------------------------- dates --

#[test]
fn bad_date_shape_in_a_term() {
    let text = "agreement \"A\" {\n  term 2026-3-01 to 2027-02-28\n  status draft\n}\n";
    let parse = one_error(
        text,
        2,
        8,
        "expected a date written as year-month-day (like 2026-03-01) after `term`, found `2026-3-01`",
        Some(DATE_HELP),
    );
    assert_eq!(pointed_at(text, &parse), "2026-3-01");
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["<error>", "status"]);
}

#[test]
fn bad_date_shape_after_to_by_and_signed() {
    let text = "agreement \"A\" {\n  term 2026-03-01 to 2027-2-28\n  party a \"A\" {\n    commits \"Run it\" by 2026-12-1\n    signed 26-02-20\n  }\n}\n";
    let parse = parse(text);
    let date = |after: &str, found: &str| {
        format!(
            "expected a date written as year-month-day (like 2026-03-01) after `{after}`, found `{found}`"
        )
    };
    assert_eq!(
        seen(text, &parse),
        [
            Seen {
                line: 2,
                col: 22,
                message: date("to", "2027-2-28"),
                help: Some(DATE_HELP.into())
            },
            Seen {
                line: 4,
                col: 25,
                message: date("by", "2026-12-1"),
                help: Some(DATE_HELP.into())
            },
            Seen {
                line: 5,
                col: 12,
                message: date("signed", "26-02-20"),
                help: Some(DATE_HELP.into())
            },
        ]
    );
}

#[test]
fn a_date_that_does_not_exist_is_not_a_syntax_error() {
    // `2026-02-30` has the right shape; the checker's `invalid-date` reports it.
    let parse = parse("agreement \"A\" {\n  term 2026-02-30 to 2026-13-45\n}\n");
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
}

// ----------------------------------------------------------- strings --

#[test]
fn unterminated_string() {
    let text = "agreement \"A\" {\n  purpose \"abc\n  status draft\n}\n";
    let parse = one_error(text, 2, 11, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
    assert_eq!(pointed_at(text, &parse), "\"abc");
    // The clause keeps what was written, and the next line is read.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["purpose", "status"]);
    let ClauseKind::Purpose(t) = &a.body.items[0].kind else {
        panic!()
    };
    assert_eq!(t.value, "abc");
}

#[test]
fn unterminated_string_with_crlf_stops_before_the_carriage_return() {
    let text = "agreement \"A\" {\r\n  purpose \"abc\r\n}\r\n";
    let parse = one_error(text, 2, 11, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
    assert_eq!(pointed_at(text, &parse), "\"abc");
}

#[test]
fn unterminated_string_ending_in_an_escaped_quote() {
    let text = "agreement \"A\" {\n  purpose \"abc \\\"\n}\n";
    let parse = one_error(text, 2, 11, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
    assert_eq!(pointed_at(text, &parse), "\"abc \\\"");
}

#[test]
fn unterminated_string_ending_in_a_backslash_at_the_end_of_the_file() {
    let text = "agreement \"A\" {\n  purpose \"abc\\";
    let parse = parse(text);
    assert_eq!(
        seen(text, &parse),
        [
            Seen {
                line: 1,
                col: 15,
                message: UNCLOSED_AGREEMENT.into(),
                help: Some(UNCLOSED_AGREEMENT_HELP.into())
            },
            Seen {
                line: 2,
                col: 11,
                message: NO_CLOSING_QUOTE.into(),
                help: Some(NO_CLOSING_QUOTE_HELP.into())
            },
        ]
    );
}

#[test]
fn unterminated_title_swallows_the_brace_and_is_one_error() {
    let text = "agreement \"Title {\n  status draft\n}\n";
    let parse = one_error(text, 1, 11, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(a.title.value, "Title {");
    assert_eq!(clause_keywords(a), ["status"]);
}

#[test]
fn unterminated_string_inside_a_broken_line() {
    // The broken line is reported at its unterminated text, the first mistake.
    let text = "import \"a.mutual\nagreement \"A\" {\n}\n";
    let parse = one_error(text, 1, 8, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
    assert_eq!(parse.file.items.len(), 2);
    let text = "goal \"abc\n";
    one_error(
        text,
        1,
        6,
        "expected a goal id after `goal`, found a text in quotes",
        None,
    );
    let text = "agreement \"abc";
    one_error(text, 1, 11, NO_CLOSING_QUOTE, Some(NO_CLOSING_QUOTE_HELP));
}

#[test]
fn bad_escape() {
    let text = "agreement \"A\" {\n  purpose \"a\\qb\"\n}\n";
    let parse = one_error(
        text,
        2,
        13,
        "`\\q` is not an escape a text can use",
        Some("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write `\\\\` for a backslash"),
    );
    assert_eq!(pointed_at(text, &parse), "\\q");
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["purpose"]);
}

#[test]
fn bad_escape_after_wide_characters_counts_characters() {
    let text = "agreement \"A\" {\n  purpose \"ש😀\\é\"\n}\n";
    let parse = one_error(
        text,
        2,
        14,
        "`\\é` is not an escape a text can use",
        Some("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write `\\\\` for a backslash"),
    );
    assert_eq!(pointed_at(text, &parse), "\\é");
}

#[test]
fn bad_unicode_escapes() {
    for (escape, pointed) in [
        ("\\u{}", "\\u{}"),
        ("\\u{110000}", "\\u{110000}"),
        ("\\u{D800}", "\\u{D800}"),
        ("\\u{DFFF}", "\\u{DFFF}"),
        ("\\u{1234567}", "\\u{1234567}"),
        ("\\u{zz}", "\\u{zz}"),
        ("\\u{ 41}", "\\u{ 41}"),
        ("\\u12", "\\u"),
        ("\\u{41", "\\u"),
    ] {
        let text = format!("agreement \"A\" {{\n  purpose \"x{escape}y\"\n}}\n");
        let parse = one_error(&text, 2, 13, BAD_UNICODE, Some(BAD_UNICODE_HELP));
        assert_eq!(pointed_at(&text, &parse), pointed, "{escape}");
    }
}

#[test]
fn good_escapes() {
    let text =
        "agreement \"\\\" \\\\ \\n \\t \\u{1F600} \\u{e9} \\u{5D0} \\u{0} \\u{10FFFF}\" {\n}\n";
    let parse = parse(text);
    assert!(parse.errors.is_empty(), "{:?}", parse.errors);
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(a.title.value, "\" \\ \n \t 😀 é א \0 \u{10FFFF}");
}

// ------------------------------------------------------------- names --

const RESERVED_GOAL: &str =
    "`goal` is a reserved word of the language and cannot be used as a name; choose another, such as `goal_1`";

#[test]
fn keyword_used_as_a_party_id() {
    let text =
        "agreement \"A\" {\n  party goal \"X\" {\n    kind library\n  }\n  status draft\n}\n";
    let parse = one_error(
        text,
        2,
        9,
        "expected a party id after `party`, found the keyword `goal`",
        Some(RESERVED_GOAL),
    );
    assert_eq!(pointed_at(text, &parse), "goal");
    // The party's whole block is one error; the next clause is read.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["<error>", "status"]);
}

#[test]
fn keyword_used_as_a_top_level_name() {
    one_error(
        "party goal \"X\" {\n  kind ngo\n}\n",
        1,
        7,
        "expected a party id after `party`, found the keyword `goal`",
        Some(RESERVED_GOAL),
    );
    one_error(
        "goal party \"X\"\n",
        1,
        6,
        "expected a goal id after `goal`, found the keyword `party`",
        Some("`party` is a reserved word of the language and cannot be used as a name; choose another, such as `party_1`"),
    );
}

#[test]
fn keyword_used_as_a_channel_end() {
    one_error(
        "agreement \"A\" {\n  channel a -> from\n}\n",
        2,
        16,
        "expected a party id after `->`, found the keyword `from`",
        Some("`from` is a reserved word of the language and cannot be used as a name; choose another, such as `from_1`"),
    );
}

#[test]
fn missing_party_name() {
    let text = "agreement \"A\" {\n  party {\n    kind library\n  }\n  status draft\n}\n";
    let parse = one_error(
        text,
        2,
        9,
        "expected a party id after `party`, found `{`",
        None,
    );
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["<error>", "status"]);
    one_error(
        "agreement \"A\" {\n  party \"Library\" {\n  }\n}\n",
        2,
        9,
        "expected a party id after `party`, found a text in quotes",
        None,
    );
    one_error(
        "party \"Library\"\n",
        1,
        7,
        "expected a party id after `party`, found a text in quotes",
        None,
    );
}

#[test]
fn missing_name_of_a_top_level_party() {
    // A top-level party must have a display name.
    one_error(
        "party lib\n",
        1,
        10,
        "expected a text in quotes, found the end of the line",
        None,
    );
    one_error(
        "party lib {\n  kind library\n}\n",
        1,
        11,
        "expected a text in quotes, found `{`",
        None,
    );
}

#[test]
fn missing_agreement_title() {
    one_error(
        "agreement {\n  status draft\n}\n",
        1,
        11,
        "expected the agreement's title in quotes after `agreement`, found `{`",
        None,
    );
}

// ------------------------------------------------------- stray tokens --

#[test]
fn stray_closing_brace_at_top_level() {
    let text = "agreement \"A\" {\n  status draft\n}\n}\n\nagreement \"B\" {\n}\n";
    let parse = one_error(
        text,
        4,
        1,
        &format!("expected {ITEM_WORDS}, found `}}`"),
        None,
    );
    assert_eq!(pointed_at(text, &parse), "}");
    assert_eq!(agreements(&parse).len(), 2);
}

#[test]
fn stray_word_in_an_agreement() {
    let text = "agreement \"A\" {\n  status draft\n  hello\n  purpose \"p\"\n}\n";
    let parse = one_error(
        text,
        3,
        3,
        &format!("expected {CLAUSE_WORDS}, found `hello`"),
        None,
    );
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["status", "<error>", "purpose"]);
}

#[test]
fn stray_words_after_a_complete_clause() {
    let text = "agreement \"A\" {\n  purpose \"p\" and more\n  status draft\n}\n";
    let parse = one_error(
        text,
        2,
        15,
        "expected the end of the line, found `and`",
        None,
    );
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["purpose", "<error>", "status"]);
}

#[test]
fn stray_word_in_a_party() {
    one_error(
        "agreement \"A\" {\n  party a \"A\" {\n    hello\n  }\n}\n",
        3,
        5,
        "expected a party line such as `invests`, `gains`, `pursues` or `commits`, found `hello`",
        None,
    );
}

#[test]
fn party_line_in_an_agreement() {
    one_error(
        "agreement \"A\" {\n  invests time \"t\"\n}\n",
        2,
        3,
        &format!("expected {CLAUSE_WORDS}, found the keyword `invests`"),
        Some("`invests` is a line of a party: write it inside the party's block, between its `{` and `}`"),
    );
}

#[test]
fn role_in_a_top_level_party() {
    one_error(
        "party a \"A\" {\n  gains members \"m\"\n}\n",
        2,
        3,
        "expected `kind`, `anonymous` or `contact`, found the keyword `gains`",
        Some("a party defined outside an agreement only says who it is (`kind`, `anonymous`, `contact`); write `gains` in the party's block inside an agreement"),
    );
}

// ---------------------------------------------------------- misspelt --

#[test]
fn misspelt_keyword() {
    let text = "agreement \"A\" {\n  stauts draft\n  purpose \"p\"\n}\n";
    let parse = one_error(
        text,
        2,
        3,
        &format!("expected {CLAUSE_WORDS}, found `stauts`"),
        Some("did you mean `status`?"),
    );
    assert_eq!(pointed_at(text, &parse), "stauts");
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(clause_keywords(a), ["<error>", "purpose"]);
}

#[test]
fn misspelt_keywords_on_consecutive_lines_are_each_reported() {
    let text = "agreement \"A\" {\n  stauts draft\n  purpse \"p\"\n  Binding yes\n}\n";
    let parse = parse(text);
    let got: Vec<_> = seen(text, &parse)
        .into_iter()
        .map(|s| (s.line, s.col, s.help))
        .collect();
    assert_eq!(
        got,
        [
            (2, 3, Some("did you mean `status`?".to_string())),
            (3, 3, Some("did you mean `purpose`?".to_string())),
            (4, 3, Some("did you mean `binding`?".to_string())),
        ]
    );
}

#[test]
fn misspelt_keywords_at_every_level() {
    one_error(
        "agreemnt \"A\" {\n  status draft\n}\n",
        1,
        1,
        &format!("expected {ITEM_WORDS}, found `agreemnt`"),
        Some("did you mean `agreement`?"),
    );
    one_error(
        "agreement \"A\" {\n  party a \"A\" {\n    invets time\n  }\n}\n",
        3,
        5,
        "expected a party line such as `invests`, `gains`, `pursues` or `commits`, found `invets`",
        Some("did you mean `invests`?"),
    );
    one_error(
        "party a \"A\" {\n  contcat \"a@example.org\"\n}\n",
        2,
        3,
        "expected `kind`, `anonymous` or `contact`, found `contcat`",
        Some("did you mean `contact`?"),
    );
}

// ------------------------------------------------------------- units --

#[test]
fn missing_unit_after_a_number() {
    let text = "agreement \"A\" {\n  party a \"A\" {\n    invests money 2000 \"cash\"\n    gains members \"m\"\n  }\n}\n";
    let parse = one_error(
        text,
        3,
        24,
        "expected a unit such as `hours` or `EUR` after `2000`, found a text in quotes",
        None,
    );
    // The line keeps what could be read; the next line is read.
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    let ClauseKind::Party(p) = &a.body.items[0].kind else {
        panic!()
    };
    let kinds: Vec<_> = p.body.items.iter().map(|i| i.kind.keyword()).collect();
    assert_eq!(kinds, ["invests", "", "gains"]);
    assert!(matches!(&p.body.items[0].kind, PartyItemKind::Invests(f) if f.quantity.is_none()));
}

#[test]
fn missing_unit_at_the_end_of_the_line() {
    let text = "agreement \"A\" {\n  party a \"A\" {\n    invests time 40   # hours?\n  }\n}\n";
    let parse = one_error(
        text,
        3,
        20,
        "expected a unit such as `hours` or `EUR` after `40`, found the end of the line",
        None,
    );
    assert_eq!(pointed_at(text, &parse), "   ");
}

#[test]
fn missing_unit_of_a_duration() {
    one_error(
        "agreement \"A\" {\n  review every 6 \"Twice a year\"\n}\n",
        2,
        18,
        "expected `days`, `weeks`, `months` or `years` after `6`, found a text in quotes",
        None,
    );
    one_error(
        "agreement \"A\" {\n  exit notice 30\n}\n",
        2,
        17,
        "expected `days`, `weeks`, `months` or `years` after `30`, found the end of the line",
        None,
    );
}

// ---------------------------------------------------- several at once --

#[test]
fn three_separate_mistakes_give_exactly_three_errors() {
    let text = "\
import \"parties/wikimedia-il.mutual\"

goal shared \"A shared goal\"

agreement \"Three mistakes\" {
  stauts active
  purpose \"Monthly workshops\"
  term 2026-03-01 to 2027-02-28

  party wmil {
    pursues shared
    invests time 40 \"Two trainers\"
    gains members \"New editors\"
  }

  party library \"City Library\" {
    kind library
    invests venue \"Computer lab\"
    gains visitors \"New people\"
    signed 2026-2-24
  }

  channel wmil <-> library every 1 month \"Coordination call\"
  decides all
}

party city \"The city\" {
  kind government
}

agreement \"Second agreement\" {
  status draft
}
";
    let parse = parse(text);
    let got: Vec<_> = seen(text, &parse)
        .into_iter()
        .map(|s| (s.line, s.col))
        .collect();
    assert_eq!(got, [(6, 3), (12, 21), (20, 12)], "{:#?}", parse.errors);

    // Everything else is still there.
    let items = &parse.file.items;
    assert_eq!(items.len(), 5);
    assert!(matches!(items[0], Item::Import(_)));
    assert!(matches!(items[1], Item::Goal(_)));
    assert!(matches!(items[3], Item::Party(_)));
    let [a, b] = agreements(&parse)[..] else {
        panic!()
    };
    assert_eq!(
        clause_keywords(a),
        ["<error>", "purpose", "term", "party", "party", "channel", "decides"]
    );
    let parties: Vec<_> = a
        .body
        .items
        .iter()
        .filter_map(|c| match &c.kind {
            ClauseKind::Party(p) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(parties.len(), 2);
    let lines = |p: &mutual_syntax::ast::PartyBlock| {
        p.body
            .items
            .iter()
            .map(|i| i.kind.keyword())
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(parties[0]), ["pursues", "invests", "", "gains"]);
    assert_eq!(lines(parties[1]), ["kind", "invests", "gains", ""]);
    assert!(parties.iter().all(|p| p.body.close.is_some()));
    assert_eq!(clause_keywords(b), ["status"]);
}

#[test]
fn errors_come_in_text_order() {
    let text = "}\nagreement \"A\" {\n  purpose \"x\\q\"\n  stauts draft\n  party a \"A\" {\n    kind \"k\"\n  }\n";
    let parse = parse(text);
    let starts: Vec<_> = parse.errors.iter().map(|e| e.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    assert_eq!(parse.errors.len(), 5, "{:#?}", parse.errors);
}

// -------------------------------------------------- BOM and line ends --

#[test]
fn columns_ignore_the_bom_and_crlf() {
    for (prefix, newline) in [
        ("", "\n"),
        ("\u{FEFF}", "\n"),
        ("", "\r\n"),
        ("\u{FEFF}", "\r\n"),
    ] {
        let text = format!("{prefix}stauts{newline}agreement \"ש😀\" {{{newline}  stauts draft{newline}}}{newline}");
        let parse = parse(&text);
        let got: Vec<_> = seen(&text, &parse)
            .into_iter()
            .map(|s| (s.line, s.col))
            .collect();
        assert_eq!(got, [(1, 1), (3, 3)], "{prefix:?} {newline:?}");
        assert_eq!(pointed_at(&text, &parse), "stauts");
    }
    let text = "\u{FEFF}agreement \"A\" {\r\n  purpose \"ש😀x\" junk\r\n}\r\n";
    one_error(
        text,
        2,
        17,
        "expected the end of the line, found `junk`",
        None,
    );
}

#[test]
fn a_file_is_never_rejected_as_a_whole() {
    for text in [
        "",
        "\u{FEFF}",
        "\"",
        "{",
        "}",
        "\\",
        "agreement",
        "agreement \"",
        "#",
        "\r\n",
        "\r",
    ] {
        let parse = parse(text);
        for e in &parse.errors {
            assert_ne!(
                e.message, "this file could not be read from here on",
                "{text:?}"
            );
        }
    }
}

#[test]
fn a_broken_clause_goes_on_over_lines_that_cannot_start_a_clause() {
    let text = "agreement \"A\" {\n  party a \"A\" {\n    invests money 2000\n      \"cash\" to b\n    gains members\n  }\n}\n";
    let parse = one_error(
        text,
        3,
        23,
        "expected a unit such as `hours` or `EUR` after `2000`, found the end of the line",
        None,
    );
    let [a] = agreements(&parse)[..] else {
        panic!()
    };
    let ClauseKind::Party(p) = &a.body.items[0].kind else {
        panic!()
    };
    let kinds: Vec<_> = p.body.items.iter().map(|i| i.kind.keyword()).collect();
    assert_eq!(kinds, ["invests", "", "gains"]);
    // The error node covers the number and the continuation line.
    assert_eq!(
        &text[p.body.items[1].span.range()],
        "2000\n      \"cash\" to b"
    );
}

#[test]
fn deep_nesting_does_not_crash() {
    for n in [10, 1_000, 100_000] {
        for text in [
            "{".repeat(n),
            format!("agreement \"A\" {{\n  x {}\n}}\n", "{".repeat(n)),
            "agreement \"A\" {\n  party a \"A\" {\n".repeat(n.min(2_000)),
        ] {
            let parse = parse(&text);
            assert!(!parse.errors.is_empty());
        }
    }
}
