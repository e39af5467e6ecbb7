//! Syntax error messages in plain words.
//!
//! A span the grammar swallowed as a bad clause is parsed again, strictly,
//! from the rule of its block. pest then says how far it got and which rules
//! it expected there; a table turns those into words a partnership manager
//! reads ("expected a party id after `party`, found the keyword `goal`").

use pest::error::{ErrorVariant, InputLocation};
use pest::Parser;

use crate::ast::Span;
use crate::keywords::{
    is_keyword, AGREEMENT_CLAUSE_KEYWORDS, IDENTITY_KEYWORDS, PARTY_LINE_KEYWORDS,
    TOP_LEVEL_KEYWORDS,
};
use crate::parser::{MutualParser, Rule};
use crate::SyntaxError;

/// The block a bad span was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Level {
    File,
    Agreement,
    Party,
    Identity,
}

impl Level {
    fn strict_rule(self) -> Rule {
        match self {
            Level::File => Rule::strict_item,
            Level::Agreement => Rule::strict_clause,
            Level::Party => Rule::strict_party,
            Level::Identity => Rule::strict_identity,
        }
    }

    /// What may start an item of this block, in words.
    fn item_words(self) -> &'static str {
        match self {
            Level::File => "`agreement`, `party`, `goal` or `import`",
            Level::Agreement => "a clause such as `purpose`, `term`, `party` or `channel`",
            Level::Party => "a party line such as `invests`, `gains`, `pursues` or `commits`",
            Level::Identity => "`kind`, `anonymous` or `contact`",
        }
    }

    fn starters(self) -> &'static [&'static str] {
        match self {
            Level::File => TOP_LEVEL_KEYWORDS,
            Level::Agreement => AGREEMENT_CLAUSE_KEYWORDS,
            Level::Party => PARTY_LINE_KEYWORDS,
            Level::Identity => IDENTITY_KEYWORDS,
        }
    }
}

/// The furthest point the strict rule reached from `start`, and what it
/// expected there. `None` when the strict rule unexpectedly succeeds.
fn strict_failure(text: &str, start: usize, end: usize, rule: Rule) -> Option<(usize, Vec<Rule>)> {
    let input = text.get(start..end)?;
    let err = MutualParser::parse(rule, input).err()?;
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((p, _)) => p,
    };
    let positives = match err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    Some((start + pos, positives))
}

/// `parse_text` is `text` with its comments blanked out, as the grammar
/// reads it; the message describes `text`.
pub(crate) fn describe(
    text: &str,
    parse_text: &str,
    level: Level,
    bad: Span,
    prev: Option<Span>,
) -> SyntaxError {
    let bad_start = bad.start as usize;
    let bad_end = bad.end as usize;
    let mut read_from = bad_start;
    let mut failure = strict_failure(parse_text, bad_start, bad_end, level.strict_rule());
    // A bad span that continues the line of the previous clause is most
    // likely the tail of that clause (`invests time 40 "…"`): read it again
    // from the clause's start, and keep that reading if it got further.
    if let Some(prev) = prev.filter(|p| same_line(text, p.end as usize, bad_start)) {
        if let Some((pos, expected)) = strict_failure(
            parse_text,
            prev.start as usize,
            bad_end,
            level.strict_rule(),
        ) {
            if pos >= bad_start {
                failure = Some((pos, expected));
                read_from = prev.start as usize;
            }
        }
    }
    let Some((pos, expected)) = failure else {
        return SyntaxError {
            span: first_token(text, bad_start),
            message: "this line could not be read".into(),
            help: None,
        };
    };
    // A text left open before the point of failure is the first mistake,
    // and usually the cause of what follows.
    if let Some(open) = unterminated_string(text, bad_start, bad_end.max(pos)) {
        if (open.start as usize) < pos {
            return unterminated_error(open);
        }
    }
    let before_end = previous_token_end(text, pos);
    let before = previous_token(text, before_end);
    let mut found = first_token(text, pos);
    let mut found_text = describe_found(&text[found.range()]);
    // The clause was cut short at the end of its line (`agreement "A"` with
    // the `{` forgotten, `invests time 40   # hours?`): say so right after
    // its last token, not at a comment or on the next line.
    let at_line_end = text[found.range()].starts_with(['\n', '\r', '#'])
        || (read_from < pos && !found.is_empty() && text[before_end..pos].contains('\n'));
    if at_line_end {
        found = line_end_after(text, before_end);
        found_text = "the end of the line".into();
    }
    let words = expected_words(&expected, level, before);
    let mut message = format!("expected {words}");
    if let Some(b) =
        before.filter(|b| is_keyword(b) || *b == "," || *b == "->" || *b == "<->" || is_number(b))
    {
        message.push_str(&format!(" after `{b}`"));
    }
    message.push_str(&format!(", found {found_text}"));
    let help = help_for(&expected, level, &text[found.range()], pos == bad_start);
    SyntaxError {
        span: found,
        message,
        help,
    }
}

/// The error for a text without its closing quote, as the lowering of a
/// well-formed clause reports it.
pub(crate) fn unterminated_error(span: Span) -> SyntaxError {
    SyntaxError {
        span,
        message: "this text has no closing quote".into(),
        help: Some("a text stays on one line: end it with `\"`".to_string()),
    }
}

/// A block's `{` is missing: the block's header ends at `after`, and its
/// first line starts at `at`.
pub(crate) fn missing_open_brace(text: &str, after: usize, at: usize) -> SyntaxError {
    let (span, found) = if text[after..at].contains('\n') {
        (
            line_end_after(text, after),
            "the end of the line".to_string(),
        )
    } else {
        let span = first_token(text, at);
        (span, describe_found(&text[span.range()]))
    };
    SyntaxError {
        span,
        message: format!("expected `{{`, found {found}"),
        help: Some(
            "a block's lines go between `{` and `}`: add `{` at the end of its first line".into(),
        ),
    }
}

/// The first text in `start..end` that its line ends before closing, from
/// its opening quote to the end of its line. Comments are skipped.
fn unterminated_string(text: &str, start: usize, end: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    let mut open: Option<usize> = None;
    while i < end {
        match (bytes[i], open) {
            (b'\n' | b'\r', Some(o)) => return Some(Span::new(o, i)),
            // An escape: the next character cannot close the text (unless
            // it is the line end, which leaves the text open).
            (b'\\', Some(_)) if !matches!(bytes.get(i + 1), Some(b'\n' | b'\r') | None) => {
                i += 1;
            }
            (b'"', Some(_)) => open = None,
            (b'"', None) => open = Some(i),
            (b'#', None) => {
                while i < end && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    open.map(|o| {
        let line_end = text[o..].find(['\n', '\r']).map_or(text.len(), |p| o + p);
        Span::new(o, line_end)
    })
}

fn is_number(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// The blanks after `at` up to the end of its line or a comment; when there
/// are none, the line ending (or the comment's `#`) itself.
fn line_end_after(text: &str, at: usize) -> Span {
    let rest = &text[at..];
    let blanks = rest.find(['\n', '\r', '#']).unwrap_or(rest.len());
    if blanks > 0 {
        return Span::new(at, at + blanks);
    }
    let ending = if rest.starts_with("\r\n") {
        2
    } else {
        rest.chars().next().map_or(0, char::len_utf8)
    };
    Span::new(at, at + ending)
}

fn same_line(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|between| !between.contains('\n'))
}

fn describe_found(token: &str) -> String {
    if token.is_empty() {
        "the end of the file".into()
    } else if token == "\n" || token == "\r\n" {
        "the end of the line".into()
    } else if token.starts_with('"') {
        "a text in quotes".into()
    } else if is_keyword(token) {
        format!("the keyword `{token}`")
    } else {
        format!("`{token}`")
    }
}

fn expected_words(expected: &[Rule], level: Level, before: Option<&str>) -> String {
    let starters = expected
        .iter()
        .filter(|r| keyword_of(**r).is_some_and(|k| level.starters().contains(&k)));
    let mut words: Vec<String> = Vec::new();
    fn push(words: &mut Vec<String>, w: String) {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    if starters.count() >= 3 {
        push(&mut words, level.item_words().to_string());
    }
    for rule in expected {
        // A block read without its `{` is a recovery, not something to write.
        if matches!(
            rule,
            Rule::missing_open_clause | Rule::missing_open_party | Rule::missing_open_identity
        ) {
            continue;
        }
        if let Some(k) = keyword_of(*rule) {
            if !level.starters().contains(&k) || words.is_empty() {
                push(&mut words, format!("`{k}`"));
            }
            continue;
        }
        if *rule != Rule::EOI {
            push(&mut words, rule_words(*rule, before).to_string());
        }
    }
    if expected.contains(&Rule::EOI) && !words.is_empty() {
        push(&mut words, "the end of the line".to_string());
    }
    if words.is_empty() && expected.contains(&Rule::EOI) {
        return "the end of the line".into();
    }
    if words.is_empty() {
        return "something else here".into();
    }
    join_or(&words)
}

fn join_or(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {}", rest.join(", "), last),
    }
}

fn rule_words(rule: Rule, before: Option<&str>) -> &'static str {
    match rule {
        Rule::ident => match before {
            Some("party") | Some("to") | Some("from") | Some("->") | Some("<->")
            | Some("channel") | Some("escalation") | Some("decides") => "a party id",
            Some("pursues") | Some("goal") => "a goal id",
            Some("invests") | Some("gains") => "a resource kind such as `time`, `money` or `venue`",
            Some("kind") => "a party kind such as `library` or `company`",
            Some(",") => "another id",
            Some(b) if b.starts_with(|c: char| c.is_ascii_digit()) => {
                "a unit such as `hours` or `EUR`"
            }
            _ => "a name",
        },
        Rule::string => match before {
            Some("agreement") => "the agreement's title in quotes",
            Some("import") => "a file path in quotes",
            _ => "a text in quotes",
        },
        Rule::date => "a date written as year-month-day (like 2026-03-01)",
        Rule::open_brace => "`{`",
        Rule::close_brace => "`}`",
        Rule::status_value => "`draft`, `proposed`, `signed`, `active` or `ended`",
        Rule::integer | Rule::duration => "a duration such as `6 months`",
        Rule::duration_unit => "`days`, `weeks`, `months` or `years`",
        Rule::number | Rule::quantity => "a number",
        Rule::arrow => "`<->` or `->`",
        Rule::endpoints => "two party ids joined by `<->` or `->`, or `all`",
        Rule::ident_list => "one or more ids separated by commas",
        Rule::rule_name => "a rule name such as `missing-review`",
        Rule::EOI => "the end of the file",
        _ => "something else",
    }
}

fn keyword_of(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::kw_agreement => "agreement",
        Rule::kw_import => "import",
        Rule::kw_party => "party",
        Rule::kw_goal => "goal",
        Rule::kw_status => "status",
        Rule::kw_purpose => "purpose",
        Rule::kw_binding => "binding",
        Rule::kw_term => "term",
        Rule::kw_to => "to",
        Rule::kw_open_ended => "open-ended",
        Rule::kw_review => "review",
        Rule::kw_every => "every",
        Rule::kw_exit => "exit",
        Rule::kw_notice => "notice",
        Rule::kw_wind_down => "wind-down",
        Rule::kw_creates => "creates",
        Rule::kw_measure => "measure",
        Rule::kw_kind => "kind",
        Rule::kw_anonymous => "anonymous",
        Rule::kw_contact => "contact",
        Rule::kw_pursues => "pursues",
        Rule::kw_invests => "invests",
        Rule::kw_gains => "gains",
        Rule::kw_from => "from",
        Rule::kw_license => "license",
        Rule::kw_commits => "commits",
        Rule::kw_by => "by",
        Rule::kw_signed => "signed",
        Rule::kw_channel => "channel",
        Rule::kw_escalation => "escalation",
        Rule::kw_decides => "decides",
        Rule::kw_all => "all",
        Rule::kw_risk => "risk",
        Rule::kw_mitigation => "mitigation",
        Rule::kw_allow => "allow",
        Rule::kw_because => "because",
        Rule::kw_yes => "yes",
        Rule::kw_no => "no",
        // A clause that failed where it starts is reported as the clause.
        Rule::import_item => "import",
        Rule::goal_def => "goal",
        Rule::party_def | Rule::party_head | Rule::party_block | Rule::strict_party_block => {
            "party"
        }
        Rule::agreement_head | Rule::agreement => "agreement",
        Rule::status_clause => "status",
        Rule::purpose_clause => "purpose",
        Rule::binding_clause => "binding",
        Rule::term_clause => "term",
        Rule::review_clause => "review",
        Rule::exit_clause => "exit",
        Rule::wind_down_clause => "wind-down",
        Rule::creates_clause => "creates",
        Rule::measure_clause => "measure",
        Rule::channel_clause => "channel",
        Rule::escalation_clause => "escalation",
        Rule::decides_clause => "decides",
        Rule::risk_clause => "risk",
        Rule::allow_clause => "allow",
        Rule::kind_item => "kind",
        Rule::anonymous_item => "anonymous",
        Rule::contact_item => "contact",
        Rule::pursues_item => "pursues",
        Rule::invests_item => "invests",
        Rule::gains_item => "gains",
        Rule::commits_item => "commits",
        Rule::signed_item => "signed",
        _ => return None,
    })
}

fn help_for(expected: &[Rule], level: Level, found: &str, at_start: bool) -> Option<String> {
    if expected.contains(&Rule::ident) && is_keyword(found) {
        return Some(format!(
            "`{found}` is a reserved word of the language and cannot be used as a name; choose another, such as `{found}_1`"
        ));
    }
    if expected.contains(&Rule::date) && found.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(
            "write dates with a four-digit year and two-digit month and day: 2026-03-01".into(),
        );
    }
    if level == Level::Identity && Level::Party.starters().contains(&found) {
        return Some(format!(
            "a party defined outside an agreement only says who it is (`kind`, `anonymous`, `contact`); write `{found}` in the party's block inside an agreement"
        ));
    }
    if level == Level::Agreement
        && Level::Party.starters().contains(&found)
        && !Level::Agreement.starters().contains(&found)
    {
        return Some(format!(
            "`{found}` is a line of a party: write it inside the party's block, between its `{{` and `}}`"
        ));
    }
    if at_start {
        if let Some(kw) = crate::suggest::closest(found, level.starters().iter().copied()) {
            return Some(format!("did you mean `{kw}`?"));
        }
    }
    None
}

/// The token at `pos` (after blanks on its line): a quoted text, a word, a
/// line end, or one character.
fn first_token(text: &str, pos: usize) -> Span {
    let rest = text.get(pos..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let pos = pos + blanks;
    let rest = &rest[blanks..];
    let len = if rest.is_empty() {
        0
    } else if rest.starts_with("\r\n") {
        2
    } else if let Some(after) = rest.strip_prefix('"') {
        1 + after
            .find(['"', '\n', '\r'])
            .map_or(after.len(), |p| p + 1)
            .min(after.len())
    } else if rest.starts_with("<->") {
        3
    } else if rest.starts_with("->") {
        2
    } else {
        let word = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if word > 0 {
            word
        } else {
            rest.chars().next().map_or(0, char::len_utf8)
        }
    };
    Span::new(pos, pos + len)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || c == '.'
}

/// The end of the token before `pos`, skipping white space and comments
/// (a comment runs from a `#` outside a text to the end of its line).
fn previous_token_end(text: &str, pos: usize) -> usize {
    let mut head = text.get(..pos).unwrap_or("");
    loop {
        head = head.trim_end();
        let line_start = head.rfind('\n').map_or(0, |p| p + 1);
        match comment_start(&head[line_start..]) {
            Some(c) => head = &head[..line_start + c],
            None => return head.len(),
        }
    }
}

/// Where a comment starts in one line, if it has one.
fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return Some(i),
            _ => {}
        }
    }
    None
}

/// The token that ends at `end` (see [`previous_token_end`]).
fn previous_token(text: &str, end: usize) -> Option<&str> {
    let head = text.get(..end)?;
    if head.ends_with('"') {
        return Some("\"");
    }
    if head.ends_with("<->") {
        return Some("<->");
    }
    if head.ends_with("->") {
        return Some("->");
    }
    if head.ends_with(',') || head.ends_with('{') || head.ends_with('}') {
        return head.get(head.len() - 1..);
    }
    let start = head.rfind(|c: char| !is_word_char(c)).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &head[start..];
    (!word.is_empty()).then_some(word)
}
