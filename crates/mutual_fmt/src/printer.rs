//! The printer: the tree and the comments in, the canonical text out.
//!
//! Everything is printed as a sequence of *elements*: a one-line item
//! (`status draft`), a block header (`party wmil {`) or a closing brace. Each
//! element takes with it, in text order:
//!
//! - its **leading** comments: those not yet printed that start before it,
//!   on lines of their own above it;
//! - the comments written *inside* it (between its first and last token, for
//!   a block header up to its `{`), moved onto lines of their own just above
//!   it, since the element is printed on one line;
//! - its **trailing** comment: a comment after its last token with nothing
//!   but spaces or tabs in between, kept at the end of its line.
//!
//! Comments left before a closing brace or the end of the file are
//! **dangling**: they are printed on their own lines before the brace, at the
//! indentation of the block's items.
//!
//! Elements are printed in text order and comments are taken with a cursor in
//! text order, so every comment is printed exactly once.

use mutual_syntax::ast::*;

/// The gap between a line's last token and its trailing comment.
const BEFORE_TRAILING: &str = "   ";
const INDENT: &str = "  ";

pub(crate) fn print(text: &str, file: &File) -> String {
    let mut p = Printer {
        src: text,
        comments: &file.comments,
        next: 0,
        out: String::with_capacity(text.len() + 64),
        last_end: 0,
        block_start: true,
    };
    p.file(file);
    let mut body = p.out;
    if file.line_ending == LineEnding::CrLf {
        body = body.replace('\n', "\r\n");
    }
    if file.has_bom {
        body.insert(0, '\u{FEFF}');
    }
    body
}

struct Printer<'a> {
    src: &'a str,
    comments: &'a [Comment],
    /// The first comment not printed yet.
    next: usize,
    /// The output so far, with `\n` line ends (converted at the end).
    out: String,
    /// Where in the source the last printed thing ended: the gap from there
    /// to the next thing tells whether the author left a blank line.
    last_end: usize,
    /// Nothing printed yet in the current block: no blank line goes here.
    block_start: bool,
}

impl<'a> Printer<'a> {
    // ------------------------------------------------------------ items --

    fn file(&mut self, file: &File) {
        let mut prev: Option<&Item> = None;
        for item in &file.items {
            let forced = prev.is_some_and(|prev| !same_group(prev, item));
            match item {
                Item::Import(import) => {
                    let line = format!("import {}", self.text(&import.path));
                    self.line_element(0, import.span, forced, &line);
                }
                Item::Goal(goal) => {
                    let line = self.goal(goal);
                    self.line_element(0, goal.span, forced, &line);
                }
                Item::Party(def) => {
                    let head = format!("party {} {}", def.id.name, self.text(&def.name));
                    match &def.body {
                        None => self.line_element(0, def.span, forced, &head),
                        Some(body) => self.block(0, def.span, forced, &head, body, |p| {
                            p.party_items(1, &body.items)
                        }),
                    }
                }
                Item::Agreement(agreement) => {
                    let head = format!("agreement {}", self.text(&agreement.title));
                    self.block(0, agreement.span, forced, &head, &agreement.body, |p| {
                        p.clauses(1, &agreement.body.items)
                    });
                }
                // Refused before printing; keep the words if it ever happens.
                Item::Error(span) => {
                    let raw = self.raw(*span);
                    self.line_element(0, *span, forced, raw);
                }
            }
            prev = Some(item);
        }
        self.dangling(0, self.src.len());
    }

    fn clauses(&mut self, depth: usize, clauses: &[Clause]) {
        let mut prev_party = false;
        for clause in clauses {
            let is_party = matches!(clause.kind, ClauseKind::Party(_));
            let forced = is_party || prev_party;
            if let ClauseKind::Party(party) = &clause.kind {
                let mut head = format!("party {}", party.id.name);
                if let Some(name) = &party.name {
                    head.push(' ');
                    head.push_str(self.text(name));
                }
                self.block(depth, clause.span, forced, &head, &party.body, |p| {
                    p.party_items(depth + 1, &party.body.items)
                });
            } else {
                let line = self.clause(&clause.kind, clause.span);
                self.line_element(depth, clause.span, forced, &line);
            }
            prev_party = is_party;
        }
    }

    fn party_items(&mut self, depth: usize, items: &[PartyItem]) {
        for item in items {
            let line = self.party_item(&item.kind, item.span);
            self.line_element(depth, item.span, false, &line);
        }
    }

    // --------------------------------------------------------- elements --

    /// A block: its header line ending with `{`, its items (printed by
    /// `items`), its dangling comments and its `}`. A block with no items
    /// and no comment inside is printed on one line, `head {}`.
    fn block<T>(
        &mut self,
        depth: usize,
        span: Span,
        forced_blank: bool,
        head: &str,
        body: &Block<T>,
        items: impl FnOnce(&mut Self),
    ) {
        // An unclosed block is refused before printing; end it at its span.
        let close = body.close.unwrap_or(Span::empty(span.end as usize));
        let has_comment = self
            .pending()
            .iter()
            .any(|c| c.span.start >= body.open.start && c.span.start < close.start);
        if body.items.is_empty() && !has_comment {
            let whole = Span {
                start: span.start,
                end: close.end.max(body.open.end),
            };
            self.line_element(depth, whole, forced_blank, &format!("{head} {{}}"));
            return;
        }
        let header = Span {
            start: span.start,
            end: body.open.end,
        };
        self.line_element(depth, header, forced_blank, &format!("{head} {{"));
        self.block_start = true;
        items(self);
        self.dangling(depth + 1, close.start as usize);
        self.push_line(depth, "}");
        self.last_end = close.end as usize;
        self.trailing();
        self.block_start = false;
    }

    /// One element printed on one line: its leading comments, the comments
    /// inside its span, the line itself and its trailing comment.
    fn line_element(&mut self, depth: usize, span: Span, forced_blank: bool, line: &str) {
        let start = span.start as usize;
        let end = span.end as usize;
        let mut forced = forced_blank;
        while let Some(c) = self.peek().filter(|c| (c.span.start as usize) < start) {
            self.blank_before(c.span.start as usize, forced);
            forced = false;
            self.push_line(depth, &c.text);
            self.last_end = c.span.end as usize;
            self.next += 1;
        }
        self.blank_before(start, forced);
        // Comments between the element's tokens: each on its own line above.
        while let Some(c) = self.peek().filter(|c| (c.span.start as usize) < end) {
            self.push_line(depth, &c.text);
            self.next += 1;
        }
        self.push_line(depth, line);
        self.last_end = end;
        self.trailing();
    }

    /// The comments left before `before` (a `}` or the end of the file).
    fn dangling(&mut self, depth: usize, before: usize) {
        while let Some(c) = self.peek().filter(|c| (c.span.start as usize) < before) {
            self.blank_before(c.span.start as usize, false);
            self.push_line(depth, &c.text);
            self.last_end = c.span.end as usize;
            self.next += 1;
        }
    }

    /// Appends the next comment to the line just printed if only spaces and
    /// tabs separate them in the source.
    fn trailing(&mut self) {
        let Some(c) = self.peek() else { return };
        let gap = self.src.get(self.last_end..c.span.start as usize);
        if !gap.is_some_and(|g| g.bytes().all(|b| b == b' ' || b == b'\t')) {
            return;
        }
        // `push_line` ended the line with `\n`: put the comment before it.
        self.out.pop();
        self.out.push_str(BEFORE_TRAILING);
        self.out.push_str(&c.text);
        self.out.push('\n');
        self.last_end = c.span.end as usize;
        self.next += 1;
    }

    /// Prints a blank line before the thing starting at `next_start` when
    /// one is forced, or when the author left at least one there; never as
    /// the first line of a block or of the file.
    fn blank_before(&mut self, next_start: usize, forced: bool) {
        if std::mem::replace(&mut self.block_start, false) {
            return;
        }
        let authored = self
            .src
            .get(self.last_end..next_start)
            .is_some_and(|gap| gap.bytes().filter(|&b| b == b'\n').count() >= 2);
        if forced || authored {
            self.out.push('\n');
        }
    }

    fn push_line(&mut self, depth: usize, line: &str) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn peek(&self) -> Option<&'a Comment> {
        self.comments.get(self.next)
    }

    fn pending(&self) -> &'a [Comment] {
        self.comments.get(self.next..).unwrap_or_default()
    }

    // ------------------------------------------------------------ words --

    fn clause(&self, kind: &ClauseKind, span: Span) -> String {
        let mut w = Words::default();
        w.word(kind.keyword());
        match kind {
            ClauseKind::Status { value, .. } => w.word(value.as_str()),
            ClauseKind::Purpose(text)
            | ClauseKind::WindDown(text)
            | ClauseKind::Creates(text)
            | ClauseKind::Measure(text) => w.word(self.text(text)),
            ClauseKind::Binding { value, .. } => w.word(if *value { "yes" } else { "no" }),
            ClauseKind::Term { start, end } => {
                w.word(self.date(start));
                match end {
                    TermEnd::Date(date) => {
                        w.word("to");
                        w.word(self.date(date));
                    }
                    TermEnd::OpenEnded(_) => w.word("open-ended"),
                }
            }
            ClauseKind::Review { every, description } => {
                w.word("every");
                self.duration(&mut w, every);
                self.opt_text(&mut w, description);
            }
            ClauseKind::Exit {
                notice,
                description,
            } => {
                if let Some(notice) = notice {
                    w.word("notice");
                    self.duration(&mut w, notice);
                }
                w.word(self.text(description));
            }
            ClauseKind::Goal(goal) => return self.goal(goal),
            ClauseKind::Channel {
                ends,
                every,
                description,
            } => {
                endpoints(&mut w, ends);
                if let Some(every) = every {
                    w.word("every");
                    self.duration(&mut w, every);
                }
                self.opt_text(&mut w, description);
            }
            ClauseKind::Escalation { ends, description } => {
                endpoints(&mut w, ends);
                self.opt_text(&mut w, description);
            }
            ClauseKind::Decides {
                deciders,
                description,
            } => {
                match deciders {
                    Deciders::All(_) => w.word("all"),
                    Deciders::Parties(ids) => w.list(ids),
                }
                self.opt_text(&mut w, description);
            }
            ClauseKind::Risk {
                description,
                mitigation,
            } => {
                w.word(self.text(description));
                if let Some(mitigation) = mitigation {
                    w.word("mitigation");
                    w.word(self.text(mitigation));
                }
            }
            ClauseKind::Allow(allow) => return self.allow(allow),
            // Refused before printing; keep the words if it ever happens.
            ClauseKind::Party(_) | ClauseKind::Error => return self.raw(span).to_string(),
        }
        w.0
    }

    fn party_item(&self, kind: &PartyItemKind, span: Span) -> String {
        let mut w = Words::default();
        w.word(kind.keyword());
        match kind {
            PartyItemKind::Kind(id) => w.word(&id.name),
            PartyItemKind::Anonymous => {}
            PartyItemKind::Contact(text) => w.word(self.text(text)),
            PartyItemKind::Pursues(ids) => w.list(ids),
            PartyItemKind::Invests(flow) => {
                self.flow(&mut w, flow, "to");
                if let Some(license) = &flow.license {
                    w.word("license");
                    w.word(self.text(license));
                }
            }
            PartyItemKind::Gains(flow) => self.flow(&mut w, flow, "from"),
            PartyItemKind::Commits { text, by } => {
                w.word(self.text(text));
                if let Some(by) = by {
                    w.word("by");
                    w.word(self.date(by));
                }
            }
            PartyItemKind::Signed(date) => w.word(self.date(date)),
            PartyItemKind::Allow(allow) => return self.allow(allow),
            PartyItemKind::Error => return self.raw(span).to_string(),
        }
        w.0
    }

    fn flow(&self, w: &mut Words, flow: &Flow, direction: &str) {
        w.word(&flow.resource.name);
        if let Some(quantity) = &flow.quantity {
            w.word(&quantity.amount.text);
            w.word(&quantity.unit.name);
        }
        self.opt_text(w, &flow.description);
        if let Some(counterpart) = &flow.counterpart {
            w.word(direction);
            w.word(&counterpart.name);
        }
    }

    fn goal(&self, goal: &GoalDef) -> String {
        format!("goal {} {}", goal.id.name, self.text(&goal.description))
    }

    fn allow(&self, allow: &Allow) -> String {
        format!(
            "allow {} because {}",
            allow.rule.name,
            self.text(&allow.reason)
        )
    }

    fn opt_text(&self, w: &mut Words, text: &Option<Text>) {
        if let Some(text) = text {
            w.word(self.text(text));
        }
    }

    /// A duration as written: its digits (leading zeros and all) and its unit.
    fn duration(&self, w: &mut Words, duration: &Duration) {
        let raw = self.raw(duration.span);
        let digits = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
        match raw.get(..digits).filter(|d| !d.is_empty()) {
            Some(count) => w.word(count),
            None => w.word(&duration.count.to_string()),
        }
        w.word(&duration.unit_text);
    }

    /// A string literal exactly as written, quotes and escapes included.
    fn text(&self, text: &Text) -> &'a str {
        self.raw(text.span)
    }

    /// A date exactly as written.
    fn date(&self, date: &Date) -> &'a str {
        self.raw(date.span)
    }

    fn raw(&self, span: Span) -> &'a str {
        self.src.get(span.range()).unwrap_or_default()
    }
}

/// Whether two neighbouring top-level items may stand without a blank line
/// between them: imports, goals and party definitions without a body each
/// form groups of one-line items.
fn same_group(prev: &Item, next: &Item) -> bool {
    match (prev, next) {
        (Item::Import(_), Item::Import(_)) | (Item::Goal(_), Item::Goal(_)) => true,
        (Item::Party(a), Item::Party(b)) => a.body.is_none() && b.body.is_none(),
        _ => false,
    }
}

fn endpoints(w: &mut Words, ends: &Endpoints) {
    match ends {
        Endpoints::All(_) => w.word("all"),
        Endpoints::Link { from, to, both, .. } => {
            w.word(&from.name);
            w.word(if *both { "<->" } else { "->" });
            w.word(&to.name);
        }
    }
}

/// Words joined by single spaces.
#[derive(Default)]
struct Words(String);

impl Words {
    fn word(&mut self, word: &str) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(word);
    }

    /// `a, b, c`
    fn list(&mut self, ids: &[Ident]) {
        for (i, id) in ids.iter().enumerate() {
            self.word(&id.name);
            if i + 1 < ids.len() {
                self.0.push(',');
            }
        }
    }
}
