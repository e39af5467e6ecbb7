//! Helpers shared by the syntax crate's test files: a readable outline of a
//! tree (for snapshots), a rendering of syntax errors, and the invariants
//! every parse must keep, whatever its input.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mutual_syntax::ast::*;
use mutual_syntax::{LineIndex, Parse, SyntaxError};

/// The folder of this crate's fixtures.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `*.mutual` files of `dir` and its sub-folders, sorted.
pub fn mutual_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(mutual_files(&path));
        } else if path.extension().is_some_and(|e| e == "mutual") {
            out.push(path);
        }
    }
    out.sort();
    out
}

// ------------------------------------------------------------------ outline --

/// A text as it would be written in a file (escapes for `"`, `\`, line feed
/// and tab; every other character as is).
pub fn quote(t: &Text) -> String {
    let mut s = String::from("\"");
    for c in t.value.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

fn date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn duration(d: &Duration) -> String {
    format!("{} {} ({:?})", d.count, d.unit_text, d.unit)
}

fn ends(e: &Endpoints) -> String {
    match e {
        Endpoints::All(_) => "all".into(),
        Endpoints::Link { from, to, both, .. } => {
            format!(
                "{} {} {}",
                from.name,
                if *both { "<->" } else { "->" },
                to.name
            )
        }
    }
}

fn ids(list: &[Ident]) -> String {
    list.iter()
        .map(|i| i.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn opt_text(t: &Option<Text>) -> String {
    t.as_ref()
        .map(|t| format!(" {}", quote(t)))
        .unwrap_or_default()
}

fn flow(keyword: &str, f: &Flow, counterpart: &str) -> String {
    let mut s = format!("{keyword} {}", f.resource.name);
    if let Some(q) = &f.quantity {
        write!(
            s,
            " {} {} (= {})",
            q.amount.text, q.unit.name, q.amount.value
        )
        .unwrap();
    }
    s.push_str(&opt_text(&f.description));
    if let Some(c) = &f.counterpart {
        write!(s, " {counterpart} {}", c.name).unwrap();
    }
    if let Some(l) = &f.license {
        write!(s, " license {}", quote(l)).unwrap();
    }
    s
}

/// A clause as the tree understood it, written back in the language.
pub fn clause_text(kind: &ClauseKind) -> String {
    match kind {
        ClauseKind::Status { value, .. } => format!("status {}", value.as_str()),
        ClauseKind::Purpose(t) => format!("purpose {}", quote(t)),
        ClauseKind::Binding { value, .. } => {
            format!("binding {}", if *value { "yes" } else { "no" })
        }
        ClauseKind::Term { start, end } => match end {
            TermEnd::Date(d) => format!("term {} to {}", date(start), date(d)),
            TermEnd::OpenEnded(_) => format!("term {} open-ended", date(start)),
        },
        ClauseKind::Review { every, description } => {
            format!("review every {}{}", duration(every), opt_text(description))
        }
        ClauseKind::Exit {
            notice,
            description,
        } => match notice {
            Some(n) => format!("exit notice {} {}", duration(n), quote(description)),
            None => format!("exit {}", quote(description)),
        },
        ClauseKind::WindDown(t) => format!("wind-down {}", quote(t)),
        ClauseKind::Creates(t) => format!("creates {}", quote(t)),
        ClauseKind::Measure(t) => format!("measure {}", quote(t)),
        ClauseKind::Goal(g) => format!("goal {} {}", g.id.name, quote(&g.description)),
        ClauseKind::Party(p) => format!("party {}{}", p.id.name, opt_text(&p.name)),
        ClauseKind::Channel {
            ends: e,
            every,
            description,
        } => format!(
            "channel {}{}{}",
            ends(e),
            every
                .as_ref()
                .map(|d| format!(" every {}", duration(d)))
                .unwrap_or_default(),
            opt_text(description)
        ),
        ClauseKind::Escalation {
            ends: e,
            description,
        } => format!("escalation {}{}", ends(e), opt_text(description)),
        ClauseKind::Decides {
            deciders,
            description,
        } => match deciders {
            Deciders::All(_) => format!("decides all{}", opt_text(description)),
            Deciders::Parties(list) => format!("decides {}{}", ids(list), opt_text(description)),
        },
        ClauseKind::Risk {
            description,
            mitigation,
        } => match mitigation {
            Some(m) => format!("risk {} mitigation {}", quote(description), quote(m)),
            None => format!("risk {}", quote(description)),
        },
        ClauseKind::Allow(a) => allow_text(a),
        ClauseKind::Error => "<error>".into(),
    }
}

fn allow_text(a: &Allow) -> String {
    format!("allow {} because {}", a.rule.name, quote(&a.reason))
}

/// A party line as the tree understood it, written back in the language.
pub fn party_item_text(kind: &PartyItemKind) -> String {
    match kind {
        PartyItemKind::Kind(i) => format!("kind {}", i.name),
        PartyItemKind::Anonymous => "anonymous".into(),
        PartyItemKind::Contact(t) => format!("contact {}", quote(t)),
        PartyItemKind::Pursues(list) => format!("pursues {}", ids(list)),
        PartyItemKind::Invests(f) => flow("invests", f, "to"),
        PartyItemKind::Gains(f) => flow("gains", f, "from"),
        PartyItemKind::Commits { text, by } => match by {
            Some(d) => format!("commits {} by {}", quote(text), date(d)),
            None => format!("commits {}", quote(text)),
        },
        PartyItemKind::Signed(d) => format!("signed {}", date(d)),
        PartyItemKind::Allow(a) => allow_text(a),
        PartyItemKind::Error => "<error>".into(),
    }
}

struct Outliner<'a> {
    text: &'a str,
    index: LineIndex,
    comments: &'a [Comment],
    out: String,
}

impl Outliner<'_> {
    fn at(&self, offset: u32) -> String {
        let (l, c) = self.index.line_col(self.text, offset as usize);
        format!("{l}:{c}")
    }

    /// The source of `span` without comments, its white space collapsed.
    fn source(&self, span: Span) -> String {
        let mut s = String::new();
        let mut pos = span.start as usize;
        for c in self.comments {
            let (cs, ce) = (c.span.start as usize, c.span.end as usize);
            if cs >= pos && ce <= span.end as usize {
                s.push_str(&self.text[pos..cs]);
                s.push(' ');
                pos = ce;
            }
        }
        s.push_str(&self.text[pos..span.end as usize]);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// One line: position, what the tree holds, and the source when it
    /// reads differently (escapes, spacing).
    fn line(&mut self, depth: usize, span: Span, what: &str, leaf: bool) {
        let pos = self.at(span.start);
        let pad = "  ".repeat(depth);
        writeln!(self.out, "{pos:>7}  {pad}{what}").unwrap();
        if leaf {
            let src = self.source(span);
            // Durations and quantities carry their parsed value in brackets.
            let plain = strip_brackets(what);
            if src != plain {
                writeln!(self.out, "{:>7}  {pad}  source: {src}", "").unwrap();
            }
        }
    }

    fn block<T>(&mut self, depth: usize, block: &Block<T>, mut each: impl FnMut(&mut Self, &T)) {
        if block.open.is_empty() {
            let pos = self.at(block.open.start);
            writeln!(self.out, "{pos:>7}  {}(`{{` missing)", "  ".repeat(depth)).unwrap();
        }
        for item in &block.items {
            each(self, item);
        }
        match block.close {
            Some(close) => self.line(depth, close, "}", false),
            None => writeln!(self.out, "{:>7}  {}(`}}` missing)", "", "  ".repeat(depth)).unwrap(),
        }
    }

    fn party_items(&mut self, depth: usize, block: &Block<PartyItem>) {
        self.block(depth, block, |o, item| {
            let leaf = !matches!(item.kind, PartyItemKind::Error);
            let what = party_item_text(&item.kind);
            o.line(depth + 1, item.span, &what, leaf);
        });
    }

    fn file(&mut self, file: &File) {
        writeln!(
            self.out,
            "bom: {}, line ends: {:?}, comments: {}",
            file.has_bom,
            file.line_ending,
            file.comments.len()
        )
        .unwrap();
        for item in &file.items {
            match item {
                Item::Import(i) => {
                    self.line(0, i.span, &format!("import {}", quote(&i.path)), true)
                }
                Item::Goal(g) => self.line(
                    0,
                    g.span,
                    &format!("goal {} {}", g.id.name, quote(&g.description)),
                    true,
                ),
                Item::Party(p) => {
                    let head = format!("party {} {}", p.id.name, quote(&p.name));
                    match &p.body {
                        None => self.line(0, p.span, &head, true),
                        Some(body) => {
                            self.line(0, p.span, &format!("{head} {{"), false);
                            self.party_items(0, body);
                        }
                    }
                }
                Item::Agreement(a) => {
                    self.line(
                        0,
                        a.span,
                        &format!("agreement {} {{", quote(&a.title)),
                        false,
                    );
                    self.block(0, &a.body, |o, clause| match &clause.kind {
                        ClauseKind::Party(p) => {
                            let what = format!("{} {{", clause_text(&clause.kind));
                            o.line(1, clause.span, &what, false);
                            o.party_items(1, &p.body);
                        }
                        kind => {
                            let leaf = !matches!(kind, ClauseKind::Error);
                            o.line(1, clause.span, &clause_text(kind), leaf)
                        }
                    });
                }
                Item::Error(span) => self.line(0, *span, "<error>", false),
            }
        }
    }
}

/// Removes ` (…)` annotations the outline adds after values.
fn strip_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if depth == 0 => {
                in_string = true;
                out.push(c);
            }
            ' ' if depth == 0 && chars.peek() == Some(&'(') => {}
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A readable outline of a parsed file: one line per item, clause and
/// party line, with its 1-based position and what the tree holds.
pub fn outline(text: &str, file: &File) -> String {
    let mut o = Outliner {
        text,
        index: LineIndex::new(text),
        comments: &file.comments,
        out: String::new(),
    };
    o.file(file);
    o.out
}

/// Errors with positions, the offending source line and a caret.
pub fn render_errors(text: &str, errors: &[SyntaxError]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for e in errors {
        let (l1, c1) = index.line_col(text, e.span.start as usize);
        let (l2, c2) = index.line_col(text, e.span.end as usize);
        writeln!(out, "{l1}:{c1}-{l2}:{c2}: {}", e.message).unwrap();
        if let Some(help) = &e.help {
            writeln!(out, "  help: {help}").unwrap();
        }
        let line = index
            .line_range(text, l1 - 1)
            .map(|r| text[r].trim_start_matches('\u{FEFF}').to_string())
            .unwrap_or_default();
        let width = if l1 == l2 {
            (c2 - c1).max(1)
        } else {
            (line.chars().count() as u32 + 1 - c1).max(1)
        };
        writeln!(out, "  | {line}").unwrap();
        writeln!(
            out,
            "  | {}{}",
            " ".repeat(c1 as usize - 1),
            "^".repeat(width as usize)
        )
        .unwrap();
    }
    out
}

// --------------------------------------------------------------- invariants --

/// Checks what every parse must satisfy, whatever the input: every span lies
/// within the text, on character boundaries, and inside its parent's span;
/// leaf nodes start with their keyword; errors are sorted.
pub fn check_invariants(text: &str, parse: &Parse) -> Result<(), String> {
    let mut c = Checker {
        text,
        problems: Vec::new(),
    };
    let whole = Span::new(0, text.len());
    for e in &parse.errors {
        c.span(e.span, whole, "error");
        if e.message.trim().is_empty() {
            c.problems.push("an error without a message".into());
        }
    }
    if !parse
        .errors
        .windows(2)
        .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end))
    {
        c.problems.push("errors are not sorted by position".into());
    }
    let mut prev_end = 0u32;
    for item in &parse.file.items {
        let span = item.span();
        c.span(span, whole, "item");
        if span.start < prev_end {
            c.problems
                .push(format!("item {span:?} overlaps the previous one"));
        }
        prev_end = span.end;
        c.item(item);
    }
    // The comment scan and the grammar agree: no comment inside a text.
    let texts = texts_of(&parse.file);
    for comment in &parse.file.comments {
        if let Some(t) = texts
            .iter()
            .find(|t| t.start < comment.span.end && comment.span.start < t.end)
        {
            c.problems.push(format!(
                "comment {:?} overlaps the text {t:?}",
                comment.span
            ));
        }
        c.span(comment.span, whole, "comment");
        if !text
            .get(comment.span.range())
            .is_some_and(|s| s.starts_with('#') && !s.contains(['\n', '\r']))
        {
            c.problems
                .push(format!("comment {:?} is not a `#` line", comment.span));
        }
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(c.problems.join("\n"))
    }
}

/// The spans of every text (string literal) in the tree.
fn texts_of(file: &File) -> Vec<Span> {
    fn party(items: &[PartyItem], out: &mut Vec<Span>) {
        for i in items {
            match &i.kind {
                PartyItemKind::Contact(t) => out.push(t.span),
                PartyItemKind::Invests(f) | PartyItemKind::Gains(f) => {
                    out.extend(f.description.iter().chain(&f.license).map(|t| t.span))
                }
                PartyItemKind::Commits { text, .. } => out.push(text.span),
                PartyItemKind::Allow(a) => out.push(a.reason.span),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            Item::Import(i) => out.push(i.path.span),
            Item::Goal(g) => out.push(g.description.span),
            Item::Party(p) => {
                out.push(p.name.span);
                if let Some(b) = &p.body {
                    party(&b.items, &mut out);
                }
            }
            Item::Agreement(a) => {
                out.push(a.title.span);
                for c in &a.body.items {
                    match &c.kind {
                        ClauseKind::Purpose(t)
                        | ClauseKind::WindDown(t)
                        | ClauseKind::Creates(t)
                        | ClauseKind::Measure(t) => out.push(t.span),
                        ClauseKind::Goal(g) => out.push(g.description.span),
                        ClauseKind::Party(p) => {
                            out.extend(p.name.iter().map(|t| t.span));
                            party(&p.body.items, &mut out);
                        }
                        ClauseKind::Review { description, .. }
                        | ClauseKind::Channel { description, .. }
                        | ClauseKind::Escalation { description, .. }
                        | ClauseKind::Decides { description, .. } => {
                            out.extend(description.iter().map(|t| t.span))
                        }
                        ClauseKind::Exit { description, .. } => out.push(description.span),
                        ClauseKind::Risk {
                            description,
                            mitigation,
                        } => {
                            out.push(description.span);
                            out.extend(mitigation.iter().map(|t| t.span));
                        }
                        ClauseKind::Allow(a) => out.push(a.reason.span),
                        _ => {}
                    }
                }
            }
            Item::Error(_) => {}
        }
    }
    out
}

struct Checker<'a> {
    text: &'a str,
    problems: Vec<String>,
}

impl Checker<'_> {
    fn span(&mut self, span: Span, parent: Span, what: &str) {
        let (s, e) = (span.start as usize, span.end as usize);
        if s > e || e > self.text.len() {
            self.problems.push(format!(
                "{what} span {span:?} is outside the text ({})",
                self.text.len()
            ));
            return;
        }
        if !self.text.is_char_boundary(s) || !self.text.is_char_boundary(e) {
            self.problems.push(format!(
                "{what} span {span:?} is not on character boundaries"
            ));
        }
        if span.start < parent.start || span.end > parent.end {
            self.problems.push(format!(
                "{what} span {span:?} lies outside its parent {parent:?}"
            ));
        }
    }

    fn starts_with(&mut self, span: Span, word: &str) {
        if !self
            .text
            .get(span.range())
            .is_some_and(|s| s.starts_with(word))
        {
            self.problems.push(format!(
                "span {span:?} ({:?}) does not start with `{word}`",
                self.text.get(span.range())
            ));
        }
    }

    fn ident(&mut self, i: &Ident, parent: Span) {
        self.span(i.span, parent, "identifier");
        if self.text.get(i.span.range()) != Some(i.name.as_str()) {
            self.problems.push(format!(
                "identifier `{}` does not match its span {:?}",
                i.name, i.span
            ));
        }
    }

    fn text_node(&mut self, t: &Text, parent: Span) {
        self.span(t.span, parent, "text");
        self.starts_with(t.span, "\"");
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Import(i) => {
                self.starts_with(i.span, "import");
                self.text_node(&i.path, i.span);
            }
            Item::Goal(g) => self.goal(g, g.span),
            Item::Party(p) => {
                self.starts_with(p.span, "party");
                self.ident(&p.id, p.span);
                self.text_node(&p.name, p.span);
                if let Some(body) = &p.body {
                    self.party_block(body, p.span);
                }
            }
            Item::Agreement(a) => {
                self.starts_with(a.span, "agreement");
                self.text_node(&a.title, a.span);
                self.block(&a.body, a.span);
                for clause in &a.body.items {
                    self.span(clause.span, a.span, "clause");
                    self.clause(clause);
                }
            }
            Item::Error(_) => {}
        }
    }

    fn block<T>(&mut self, block: &Block<T>, parent: Span) {
        self.span(block.open, parent, "`{`");
        if let Some(close) = block.close {
            self.span(close, parent, "`}`");
            self.starts_with(close, "}");
        }
        if !block.open.is_empty() {
            self.starts_with(block.open, "{");
        }
    }

    fn goal(&mut self, g: &GoalDef, parent: Span) {
        self.span(g.span, parent, "goal");
        self.starts_with(g.span, "goal");
        self.ident(&g.id, g.span);
        self.text_node(&g.description, g.span);
    }

    fn clause(&mut self, clause: &Clause) {
        let span = clause.span;
        let keyword = clause.kind.keyword();
        if !keyword.is_empty() {
            self.starts_with(span, keyword);
        }
        match &clause.kind {
            ClauseKind::Purpose(t)
            | ClauseKind::WindDown(t)
            | ClauseKind::Creates(t)
            | ClauseKind::Measure(t) => self.text_node(t, span),
            ClauseKind::Goal(g) => self.goal(g, span),
            ClauseKind::Party(p) => {
                self.ident(&p.id, span);
                if let Some(n) = &p.name {
                    self.text_node(n, span);
                }
                self.party_block(&p.body, span);
            }
            ClauseKind::Allow(a) => self.allow(a, span),
            ClauseKind::Risk {
                description,
                mitigation,
            } => {
                self.text_node(description, span);
                if let Some(m) = mitigation {
                    self.text_node(m, span);
                }
            }
            ClauseKind::Channel { ends, .. } | ClauseKind::Escalation { ends, .. } => {
                if let Endpoints::Link { from, to, .. } = ends {
                    self.ident(from, span);
                    self.ident(to, span);
                }
            }
            ClauseKind::Decides {
                deciders: Deciders::Parties(list),
                ..
            } => {
                for i in list {
                    self.ident(i, span);
                }
            }
            _ => {}
        }
    }

    fn allow(&mut self, a: &Allow, parent: Span) {
        self.span(a.span, parent, "allow");
        self.starts_with(a.span, "allow");
        self.ident(&a.rule, a.span);
        self.text_node(&a.reason, a.span);
    }

    fn party_block(&mut self, body: &Block<PartyItem>, parent: Span) {
        self.block(body, parent);
        for item in &body.items {
            self.span(item.span, parent, "party line");
            let keyword = item.kind.keyword();
            if !keyword.is_empty() {
                self.starts_with(item.span, keyword);
            }
            match &item.kind {
                PartyItemKind::Kind(i) => self.ident(i, item.span),
                PartyItemKind::Contact(t) => self.text_node(t, item.span),
                PartyItemKind::Pursues(list) => {
                    for i in list {
                        self.ident(i, item.span);
                    }
                }
                PartyItemKind::Invests(f) | PartyItemKind::Gains(f) => {
                    self.ident(&f.resource, item.span);
                    if let Some(q) = &f.quantity {
                        self.span(q.span, item.span, "quantity");
                        self.ident(&q.unit, q.span);
                    }
                    if let Some(c) = &f.counterpart {
                        self.ident(c, item.span);
                    }
                }
                PartyItemKind::Allow(a) => self.allow(a, item.span),
                _ => {}
            }
        }
    }
}
