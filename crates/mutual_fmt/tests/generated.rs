//! Property tests over generated agreements: any valid file, laid out any
//! way (comments between any two tokens, blank lines, tabs, clauses sharing a
//! line, no space around braces and arrows, LF or CRLF, with or without a
//! BOM), formats without losing a word, and formatting it twice changes
//! nothing.

mod support;

use proptest::prelude::*;
use proptest::sample::select;

/// One token of a generated file.
#[derive(Clone, Debug)]
enum Tok {
    /// A keyword, identifier, literal: needs white space next to another word.
    Word(String),
    /// `{` `}` `,` `<->` `->`: may touch its neighbours.
    Punct(&'static str),
}

fn w(word: &str) -> Tok {
    Tok::Word(word.to_string())
}

fn words(list: &[&'static str]) -> impl Strategy<Value = Tok> {
    select(list.to_vec()).prop_map(w)
}

fn ident() -> impl Strategy<Value = Tok> {
    words(&[
        "wmil",
        "library",
        "ספרייה",
        "bibliothèque",
        "a_b",
        "x-1",
        "_p",
        "Straße",
        "goal2",
    ])
}

fn string() -> impl Strategy<Value = Tok> {
    let pieces = [
        "Workshop",
        " ",
        "a",
        "#",
        "# not a comment",
        "\\\"",
        "\\\\",
        "\\n",
        "\\t",
        "\\u{E9}",
        "\\u{1F600}",
        "é",
        "שלום",
        "🎉",
        "{",
        "}",
        "\t",
        "party",
        "  ",
    ];
    proptest::collection::vec(select(pieces.to_vec()), 0..5)
        .prop_map(|parts| Tok::Word(format!("\"{}\"", parts.concat())))
}

fn comment() -> impl Strategy<Value = String> {
    let pieces = [
        "",
        " ",
        "note",
        "#",
        "\"",
        "\"open",
        "{",
        "}",
        "é",
        "\t",
        "  ",
        "status draft",
    ];
    proptest::collection::vec(select(pieces.to_vec()), 0..4)
        .prop_map(|parts| format!("#{}", parts.concat()))
}

fn date() -> impl Strategy<Value = Tok> {
    words(&["2026-01-31", "2027-02-30", "0000-00-00"])
}

fn duration() -> impl Strategy<Value = Vec<Tok>> {
    (
        words(&["1", "6", "12", "030"]),
        words(&[
            "day", "days", "week", "weeks", "month", "months", "year", "years",
        ]),
    )
        .prop_map(|(n, unit)| vec![n, unit])
}

fn quantity() -> impl Strategy<Value = Vec<Tok>> {
    (
        words(&["1", "40", "2000", "1.5", "007"]),
        words(&["hours", "EUR", "photos"]),
    )
        .prop_map(|(n, unit)| vec![n, unit])
}

fn opt(strategy: impl Strategy<Value = Vec<Tok>>) -> impl Strategy<Value = Vec<Tok>> {
    prop::option::of(strategy).prop_map(Option::unwrap_or_default)
}

fn opt_string() -> impl Strategy<Value = Vec<Tok>> {
    opt(string().prop_map(|s| vec![s]))
}

fn then(first: &[Tok], rest: Vec<Vec<Tok>>) -> Vec<Tok> {
    let mut all = first.to_vec();
    all.extend(rest.into_iter().flatten());
    all
}

fn id_list() -> impl Strategy<Value = Vec<Tok>> {
    proptest::collection::vec(ident(), 1..4).prop_map(|ids| {
        let mut toks = Vec::new();
        for (i, id) in ids.into_iter().enumerate() {
            if i > 0 {
                toks.push(Tok::Punct(","));
            }
            toks.push(id);
        }
        toks
    })
}

fn endpoints() -> impl Strategy<Value = Vec<Tok>> {
    prop_oneof![
        Just(vec![w("all")]),
        (ident(), select(vec!["<->", "->"]), ident()).prop_map(|(a, arrow, b)| vec![
            a,
            Tok::Punct(arrow),
            b
        ]),
    ]
}

fn allow() -> impl Strategy<Value = Vec<Tok>> {
    (
        words(&["no-benefit", "missing-measure", "unused_goal"]),
        string(),
    )
        .prop_map(|(rule, reason)| vec![w("allow"), rule, w("because"), reason])
}

fn identity_item() -> impl Strategy<Value = Vec<Tok>> {
    prop_oneof![
        ident().prop_map(|k| vec![w("kind"), k]),
        Just(vec![w("anonymous")]),
        string().prop_map(|s| vec![w("contact"), s]),
    ]
}

fn party_item() -> impl Strategy<Value = Vec<Tok>> {
    let resource = || words(&["time", "money", "content", "expertize", "ספר"]);
    prop_oneof![
        identity_item(),
        id_list().prop_map(|ids| then(&[w("pursues")], vec![ids])),
        (
            resource(),
            opt(quantity()),
            opt_string(),
            opt(ident().prop_map(|p| vec![w("to"), p])),
            opt(string().prop_map(|l| vec![w("license"), l])),
        )
            .prop_map(|(r, q, d, to, l)| then(&[w("invests"), r], vec![q, d, to, l])),
        (
            resource(),
            opt(quantity()),
            opt_string(),
            opt(ident().prop_map(|p| vec![w("from"), p]))
        )
            .prop_map(|(r, q, d, from)| then(&[w("gains"), r], vec![q, d, from])),
        (string(), opt(date().prop_map(|d| vec![w("by"), d])))
            .prop_map(|(s, by)| then(&[w("commits"), s], vec![by])),
        date().prop_map(|d| vec![w("signed"), d]),
        allow(),
    ]
}

fn block(head: Vec<Tok>, items: Vec<Vec<Tok>>) -> Vec<Tok> {
    let mut toks = head;
    toks.push(Tok::Punct("{"));
    toks.extend(items.into_iter().flatten());
    toks.push(Tok::Punct("}"));
    toks
}

fn clause() -> impl Strategy<Value = Vec<Tok>> {
    let text_clause = (
        words(&["purpose", "wind-down", "creates", "measure"]),
        string(),
    )
        .prop_map(|(k, s)| vec![k, s]);
    prop_oneof![
        words(&["draft", "proposed", "signed", "active", "ended"])
            .prop_map(|v| vec![w("status"), v]),
        text_clause,
        words(&["yes", "no"]).prop_map(|v| vec![w("binding"), v]),
        (
            date(),
            prop_oneof![
                date().prop_map(|d| vec![w("to"), d]),
                Just(vec![w("open-ended")])
            ]
        )
            .prop_map(|(start, end)| then(&[w("term"), start], vec![end])),
        (duration(), opt_string()).prop_map(|(d, s)| then(&[w("review"), w("every")], vec![d, s])),
        (
            opt(duration().prop_map(|d| then(&[w("notice")], vec![d]))),
            string()
        )
            .prop_map(|(n, s)| then(&[w("exit")], vec![n, vec![s]])),
        (ident(), string()).prop_map(|(id, s)| vec![w("goal"), id, s]),
        (
            ident(),
            opt_string(),
            proptest::collection::vec(party_item(), 0..5)
        )
            .prop_map(|(id, name, items)| block(then(&[w("party"), id], vec![name]), items)),
        (
            endpoints(),
            opt(duration().prop_map(|d| then(&[w("every")], vec![d]))),
            opt_string()
        )
            .prop_map(|(e, every, s)| then(&[w("channel")], vec![e, every, s])),
        (endpoints(), opt_string()).prop_map(|(e, s)| then(&[w("escalation")], vec![e, s])),
        (prop_oneof![Just(vec![w("all")]), id_list()], opt_string())
            .prop_map(|(who, s)| then(&[w("decides")], vec![who, s])),
        (
            string(),
            opt(string().prop_map(|m| vec![w("mitigation"), m]))
        )
            .prop_map(|(s, m)| then(&[w("risk"), s], vec![m])),
        allow(),
    ]
}

fn item() -> impl Strategy<Value = Vec<Tok>> {
    prop_oneof![
        string().prop_map(|s| vec![w("import"), s]),
        (ident(), string()).prop_map(|(id, s)| vec![w("goal"), id, s]),
        (
            ident(),
            string(),
            prop::option::of(proptest::collection::vec(identity_item(), 0..3))
        )
            .prop_map(|(id, name, body)| {
                let head = vec![w("party"), id, name];
                match body {
                    Some(items) => block(head, items),
                    None => head,
                }
            }),
        (string(), proptest::collection::vec(clause(), 0..8))
            .prop_map(|(title, clauses)| block(vec![w("agreement"), title], clauses)),
    ]
}

/// How the tokens are laid out: the white space in each gap (cycled), where
/// comments go, and the file's line ending and BOM.
#[derive(Clone, Debug)]
struct Layout {
    gaps: Vec<usize>,
    comments: Vec<Option<String>>,
    before_comment: Vec<usize>,
    crlf: bool,
    bom: bool,
    end: usize,
}

const GAPS: &[&str] = &[
    " ",
    " ",
    "\n  ",
    "\n",
    "  ",
    "\t",
    "\n\n",
    "\n\n\n    ",
    " \t ",
    "\n \n",
    "",
];
const BEFORE_COMMENT: &[&str] = &["   ", " ", "", "\t", "\n", "\n\n  "];
const ENDS: &[&str] = &["\n", "", "\n\n\n", " \n", "\n\t"];

fn layout() -> impl Strategy<Value = Layout> {
    (
        proptest::collection::vec(0..GAPS.len(), 1..40),
        proptest::collection::vec(prop::option::weighted(0.15, comment()), 1..40),
        proptest::collection::vec(0..BEFORE_COMMENT.len(), 1..8),
        any::<bool>(),
        any::<bool>(),
        0..ENDS.len(),
    )
        .prop_map(|(gaps, comments, before_comment, crlf, bom, end)| Layout {
            gaps,
            comments,
            before_comment,
            crlf,
            bom,
            end,
        })
}

fn render(items: &[Vec<Tok>], layout: &Layout) -> String {
    let toks: Vec<&Tok> = items.iter().flatten().collect();
    let mut out = String::new();
    if layout.bom {
        out.push('\u{FEFF}');
    }
    let mut comment_no = 0;
    let mut put_comment = |out: &mut String, i: usize| {
        if let Some(Some(c)) = layout.comments.get(i % layout.comments.len()) {
            out.push_str(
                BEFORE_COMMENT[layout.before_comment[comment_no % layout.before_comment.len()]],
            );
            out.push_str(c);
            out.push('\n');
            comment_no += 1;
        }
    };
    for (i, tok) in toks.iter().enumerate() {
        put_comment(&mut out, i);
        if i > 0 {
            let mut gap = GAPS[layout.gaps[i % layout.gaps.len()]];
            let touching = matches!(tok, Tok::Punct(_)) || matches!(toks[i - 1], Tok::Punct(_));
            if gap.is_empty() && !touching {
                gap = " ";
            }
            out.push_str(gap);
        }
        match tok {
            Tok::Word(word) => out.push_str(word),
            Tok::Punct(p) => out.push_str(p),
        }
    }
    put_comment(&mut out, toks.len());
    out.push_str(ENDS[layout.end]);
    if layout.crlf {
        out = out.replace('\n', "\r\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_files_keep_every_word(
        items in proptest::collection::vec(item(), 0..5),
        layout in layout(),
    ) {
        let text = render(&items, &layout);
        let parse = mutual_syntax::parse(&text);
        prop_assert!(parse.errors.is_empty(), "the generator wrote an invalid file: {:?}\n{}", parse.errors, text);
        support::check_formatting(&text);
    }
}
