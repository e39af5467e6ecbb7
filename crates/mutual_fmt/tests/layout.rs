//! The layout rules of `docs/formatting.md`, one by one, and snapshots of a
//! few messy files.

mod support;

use mutual_fmt::{format, FormatError};

fn fmt(input: &str) -> String {
    support::check_formatting(input)
}

// ------------------------------------------------------------ snapshots --

#[test]
fn snapshot_everything_on_one_line() {
    let input = r#"import "parties/wikimedia-il.mutual" agreement "Workshops" { status active purpose "Teach editing" binding no term 2026-03-01 to 2027-02-28 party wmil { pursues free_knowledge invests time 40 hours "Trainers" gains members "New editors" } party library "City Library" { kind library invests venue "Lab" gains visitors "People" } channel wmil <-> library every 1 month "Call" decides wmil,library }"#;
    insta::assert_snapshot!(fmt(input));
}

#[test]
fn snapshot_ragged_spacing_and_blank_lines() {
    let input = "\n\n\n# Header comment\n\n\n\nimport   \"a.mutual\"\nimport \"b.mutual\"\n\n\n\ngoal   g1 \"One\"\n   goal g2\t\"Two\"\nparty   p \"P\"   party q \"Q\" {kind   library\n\n\n\n   contact \"q@example.org\"}\nagreement \"A\"{\n\n\n\tstatus    draft\n\n\n\n\tpurpose\t\"Why\"\n      review   every   6   months\n  party p{}\n  party q   {\n\n   signed 2026-01-02\n\n  }\n      risk \"Fire\"\n      mitigation \"Water\"\n\n\n}\n\n\n";
    insta::assert_snapshot!(fmt(input));
}

#[test]
fn snapshot_comments_everywhere() {
    let input = r#"# file header
import "x.mutual"   # trailing on an import
# leading the agreement
agreement # inside the header
  "Comments" {   # after the brace
  # leading status
  status draft # trailing status
  purpose "A # inside a string is text"
  party wmil { # after the party brace
    invests time # inside a clause
      40 hours "Trainers"   # trailing invests
    # dangling in the party
  } # after the party
  risk "Rain" mitigation "Tent"
  # dangling in the agreement
}   # after the agreement
# end of file
"#;
    insta::assert_snapshot!(fmt(input));
}

// ---------------------------------------------------------------- rules --

#[test]
fn strings_numbers_dates_and_durations_are_printed_as_written() {
    let input = "agreement \"Caf\\u{E9} \\\"quoted\\\" \\\\ \\t\" {\n  review   every 006   month\n  party a {\n    invests money 0010.50 EUR \"x\"\n    signed 2026-02-30\n  }\n}\n";
    let out = fmt(input);
    assert!(
        out.contains("agreement \"Caf\\u{E9} \\\"quoted\\\" \\\\ \\t\" {"),
        "{out}"
    );
    assert!(out.contains("review every 006 month"), "{out}");
    assert!(out.contains("invests money 0010.50 EUR \"x\""), "{out}");
    assert!(out.contains("signed 2026-02-30"), "{out}");
}

#[test]
fn blank_lines_are_kept_once_and_forced_around_parties() {
    let input = "agreement \"A\" {\n  status draft\n\n\n\n  purpose \"P\"\n  measure \"M\"\n  party a {\n    kind x\n\n\n    signed 2026-01-01\n  }\n  party b {\n    kind y\n  }\n  risk \"R\"\n}\n";
    assert_eq!(
        fmt(input),
        "agreement \"A\" {\n  status draft\n\n  purpose \"P\"\n  measure \"M\"\n\n  party a {\n    kind x\n\n    signed 2026-01-01\n  }\n\n  party b {\n    kind y\n  }\n\n  risk \"R\"\n}\n"
    );
}

#[test]
fn no_blank_line_after_an_opening_or_before_a_closing_brace() {
    let input = "agreement \"A\" {\n\n\n  status draft\n\n\n}\n";
    assert_eq!(fmt(input), "agreement \"A\" {\n  status draft\n}\n");
}

#[test]
fn top_level_items_are_separated_but_one_line_groups_stay_together() {
    let input = "import \"a\"\nimport \"b\"\ngoal g \"G\"\ngoal h \"H\"\nparty p \"P\"\nparty q \"Q\"\nparty r \"R\" {\n  kind x\n}\nagreement \"A\" {}\nagreement \"B\" {}\n";
    assert_eq!(
        fmt(input),
        "import \"a\"\nimport \"b\"\n\ngoal g \"G\"\ngoal h \"H\"\n\nparty p \"P\"\nparty q \"Q\"\n\nparty r \"R\" {\n  kind x\n}\n\nagreement \"A\" {}\n\nagreement \"B\" {}\n"
    );
    // A blank line the author left inside a group is kept.
    assert_eq!(
        fmt("import \"a\"\n\n\nimport \"b\"\n"),
        "import \"a\"\n\nimport \"b\"\n"
    );
}

#[test]
fn a_party_without_a_body_has_no_braces_and_an_empty_body_is_kept() {
    assert_eq!(fmt("party p   \"P\"\n"), "party p \"P\"\n");
    assert_eq!(fmt("party p \"P\" {\n\n}\n"), "party p \"P\" {}\n");
    assert_eq!(
        fmt("agreement \"A\" { party p {   } }"),
        "agreement \"A\" {\n  party p {}\n}\n"
    );
}

#[test]
fn an_empty_block_with_a_comment_keeps_its_lines() {
    assert_eq!(
        fmt("agreement \"A\" {\n# nothing yet\n}\n"),
        "agreement \"A\" {\n  # nothing yet\n}\n"
    );
    assert_eq!(
        fmt("agreement \"A\" { # nothing yet\n}\n"),
        "agreement \"A\" {   # nothing yet\n}\n"
    );
}

#[test]
fn comments_inside_a_clause_move_above_it() {
    let input =
        "agreement \"A\" {\n  channel a # first\n  <-> # second\n  b \"Call\" # trailing\n}\n";
    assert_eq!(
        fmt(input),
        "agreement \"A\" {\n  # first\n  # second\n  channel a <-> b \"Call\"   # trailing\n}\n"
    );
}

#[test]
fn comment_text_is_kept_byte_for_byte() {
    let input = "#   spaced\t tab \"quote\" {brace}   \nagreement \"A\" {}   #trailing  \n";
    let out = fmt(input);
    assert_eq!(out, input);
}

#[test]
fn crlf_stays_crlf_and_the_bom_stays() {
    let input = "\u{FEFF}# c\r\nagreement \"A\" {\r\n\r\n\r\n  status draft   # t\r\n\r\n\r\n  purpose \"P\"\n}";
    assert_eq!(
        fmt(input),
        "\u{FEFF}# c\r\nagreement \"A\" {\r\n  status draft   # t\r\n\r\n  purpose \"P\"\r\n}\r\n"
    );
}

#[test]
fn the_output_ends_with_exactly_one_line_ending() {
    assert_eq!(fmt("goal g \"G\""), "goal g \"G\"\n");
    assert_eq!(fmt("goal g \"G\"\n\n\n\n"), "goal g \"G\"\n");
    assert_eq!(fmt("goal g \"G\"\r\n\r\n"), "goal g \"G\"\r\n");
    assert_eq!(fmt("# only a comment"), "# only a comment\n");
}

#[test]
fn an_empty_file_stays_empty() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("\n\n  \t\n"), "");
    assert_eq!(fmt("\u{FEFF}"), "\u{FEFF}");
}

#[test]
fn a_file_with_syntax_errors_is_refused_with_its_errors() {
    let input = "agreement \"A\" {\n  status maybe\n  purpose \"unclosed\n}\n";
    let parse = mutual_syntax::parse(input);
    assert!(!parse.errors.is_empty());
    match format(input) {
        Err(FormatError::Syntax(errors)) => assert_eq!(errors, parse.errors),
        other => panic!("expected the syntax errors, got {other:?}"),
    }
    let missing_brace = "agreement \"A\" {\n  status draft\n";
    assert!(matches!(format(missing_brace), Err(FormatError::Syntax(e)) if !e.is_empty()));
}

#[test]
fn lists_and_arrows_get_single_spaces() {
    let input = "agreement \"A\" {\n  decides a ,b,   c\n  escalation a->b\n  party a { pursues g1 ,g2 }\n}\n";
    assert_eq!(
        fmt(input),
        "agreement \"A\" {\n  decides a, b, c\n  escalation a -> b\n\n  party a {\n    pursues g1, g2\n  }\n}\n"
    );
}
