//! Hover: a party (kind, investments, gains, goals, commitments, role), a goal
//! (description, who pursues it), a keyword, a resource or party kind, a rule
//! named in `allow`, an agreement's title (its verdict).

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use mutual_check::model::{AgreementModel, FlowLine, Model, PartyModel};
use mutual_check::{rules, vocabulary, FileReport};
use mutual_syntax::ast::{ClauseKind, Ident, Item, PartyItemKind};
use mutual_syntax::Span;

use super::doc_offset;
use crate::lexer::{self, TokKind};
use crate::names::{self, NameKind, SymbolKey};
use crate::session::{Analysis, DocKind, Snapshot};
use crate::{convert, HandlerResult};

pub fn hover(snap: &Snapshot, params: HoverParams) -> HandlerResult<Option<Hover>> {
    let (doc, offset) = doc_offset(snap, &params.text_document_position_params)?;
    if doc.kind != DocKind::Mutual {
        return Ok(None);
    }
    let analysis = snap.analyze(&doc);
    let model = analysis.model();
    let Some((span, markdown)) = content_at(&analysis, &model, offset) else {
        return Ok(None);
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(convert::range(
            &doc.text,
            &doc.line_index,
            span,
            snap.encoding,
        )),
    }))
}

fn content_at(analysis: &Analysis, model: &Model<'_>, offset: usize) -> Option<(Span, String)> {
    let occurrences = names::occurrences(analysis, model);
    if let Some(occ) = names::at(&occurrences, offset) {
        let text = match occ.key.kind() {
            NameKind::Party => party_hover(analysis, model, &occ.key, occ.agreement),
            NameKind::Goal => goal_hover(model, &occ.key, occ.agreement),
        };
        return Some((occ.span, text));
    }
    if let Some(found) = ast_hover(analysis, model, offset) {
        return Some(found);
    }
    let text = &analysis.source().text;
    let tokens = lexer::tokens(text);
    let token = lexer::token_at(&tokens, offset)?;
    if token.kind == TokKind::Word {
        let word = token.text(text);
        if let Some(meaning) = keyword_meaning(word) {
            return Some((token.span, format!("**`{word}`** (keyword)\n\n{meaning}")));
        }
    }
    None
}

/// Kinds, rule names and titles, found in the tree.
fn ast_hover(analysis: &Analysis, model: &Model<'_>, offset: usize) -> Option<(Span, String)> {
    let on = |id: &Ident| id.span.contains(offset);
    let party_kind = |id: &Ident| -> (Span, String) {
        let meaning = party_kind_meaning(&id.name).map_or_else(
            || "not a built-in party kind (a project may add its own in `mutual.toml`)".to_string(),
            str::to_string,
        );
        (
            id.span,
            format!("**`{}`** (party kind)\n\n{meaning}", id.name),
        )
    };
    for item in &model.file().parse.file.items {
        if let Item::Party(def) = item {
            for pi in def.body.iter().flat_map(|b| &b.items) {
                if let PartyItemKind::Kind(k) = &pi.kind {
                    if on(k) {
                        return Some(party_kind(k));
                    }
                }
            }
        }
    }
    for agreement in &model.agreements {
        let a = agreement.ast;
        if a.title.span.contains(offset) {
            let report = mutual_check::check_model(model, &analysis.options);
            return Some((a.title.span, title_hover(agreement, &report)));
        }
        if !a.span.contains(offset) {
            continue;
        }
        for clause in &a.body.items {
            match &clause.kind {
                ClauseKind::Allow(allow) if on(&allow.rule) => {
                    return Some((allow.rule.span, rule_hover(&allow.rule.name)))
                }
                ClauseKind::Party(block) => {
                    for pi in &block.body.items {
                        match &pi.kind {
                            PartyItemKind::Kind(k) if on(k) => return Some(party_kind(k)),
                            PartyItemKind::Invests(f) | PartyItemKind::Gains(f)
                                if on(&f.resource) =>
                            {
                                let name = &f.resource.name;
                                let meaning = vocabulary::resource_meaning(name).unwrap_or(
                                    "not a built-in resource kind (a project may add its own in `mutual.toml`)",
                                );
                                return Some((
                                    f.resource.span,
                                    format!("**`{name}`** (resource kind)\n\n{meaning}"),
                                ));
                            }
                            PartyItemKind::Allow(allow) if on(&allow.rule) => {
                                return Some((allow.rule.span, rule_hover(&allow.rule.name)))
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn title_hover(agreement: &AgreementModel<'_>, report: &FileReport) -> String {
    let summary = report.agreements.get(agreement.index);
    match summary {
        Some(s) => format!(
            "**{}**\n\nVerdict: **{}**: {}",
            s.title,
            s.verdict.as_str(),
            s.verdict.describe()
        ),
        None => format!("**{}**", agreement.title()),
    }
}

fn rule_hover(name: &str) -> String {
    match rules::find(name) {
        Some(rule) => format!(
            "**`{}`** ({}, {} by default)\n\n{}",
            rule.name,
            rule.group.title(),
            rule.default_severity.as_str(),
            rule.markdown().trim_end()
        ),
        None => {
            let names = rules::ALL.iter().map(|r| r.name);
            match mutual_syntax::suggest::closest(name, names) {
                Some(s) => format!("No rule is called `{name}`. Did you mean `{s}`?"),
                None => format!("No rule is called `{name}`."),
            }
        }
    }
}

fn flow_line(f: &FlowLine<'_>, link: &str) -> String {
    let mut s = format!("`{}`", f.resource());
    if let Some(q) = &f.flow.quantity {
        s.push_str(&format!(" {} {}", q.amount.text, q.unit.name));
    }
    if let Some(d) = &f.flow.description {
        s.push_str(&format!(": {}", d.value));
    }
    if let Some(c) = f.counterpart() {
        s.push_str(&format!(" ({link} `{c}`)"));
    }
    if let Some(l) = &f.flow.license {
        s.push_str(&format!(", license {}", l.value));
    }
    s
}

fn party_hover(
    analysis: &Analysis,
    model: &Model<'_>,
    key: &SymbolKey,
    agreement: Option<usize>,
) -> String {
    let party = agreement
        .and_then(|i| model.agreements.get(i))
        .and_then(|a| a.party(key.name()).map(|p| (a, p)));
    match party {
        Some((a, p)) => party_in_agreement(analysis, model, a, p),
        None => top_party(model, key),
    }
}

fn party_in_agreement(
    analysis: &Analysis,
    model: &Model<'_>,
    a: &AgreementModel<'_>,
    p: &PartyModel<'_>,
) -> String {
    let mut s = format!("**{}** (party `{}`)\n\n", p.name, p.id.name);
    let report = mutual_check::check_model(model, &analysis.options);
    let role = report
        .agreements
        .get(a.index)
        .and_then(|s| s.parties.iter().find(|ps| ps.id == p.id.name))
        .map(|ps| ps.role.as_str());
    if let Some(kind) = p.kind() {
        s.push_str(&format!("Kind: `{kind}`"));
        if p.anonymous {
            s.push_str(", anonymous");
        }
        s.push_str("  \n");
    } else if p.anonymous {
        s.push_str("Anonymous  \n");
    }
    if let Some(role) = role {
        s.push_str(&format!("Role: **{role}** in \"{}\"\n", a.title()));
    }
    let list = |title: &str, lines: Vec<String>, s: &mut String| {
        if lines.is_empty() {
            s.push_str(&format!("\n{title}: nothing\n"));
        } else {
            s.push_str(&format!("\n{title}:\n"));
            for l in lines {
                s.push_str(&format!("- {l}\n"));
            }
        }
    };
    list(
        "Invests",
        p.invests.iter().map(|f| flow_line(f, "to")).collect(),
        &mut s,
    );
    list(
        "Gains",
        p.gains.iter().map(|f| flow_line(f, "from")).collect(),
        &mut s,
    );
    list(
        "Pursues",
        p.pursues
            .iter()
            .map(|g| {
                let description = a
                    .goals
                    .iter()
                    .find(|d| d.id.name == g.name)
                    .map(|d| d.description.value.clone())
                    .or_else(|| {
                        model
                            .scope
                            .goals
                            .get(g.name.as_str())
                            .map(|d| d.node.description.value.clone())
                    });
                match description {
                    Some(d) => format!("`{}`: {d}", g.name),
                    None => format!("`{}`", g.name),
                }
            })
            .collect(),
        &mut s,
    );
    list(
        "Commits to",
        p.commits
            .iter()
            .map(|c| match c.by {
                Some(d) => format!(
                    "{} (by {:04}-{:02}-{:02})",
                    c.text.value, d.year, d.month, d.day
                ),
                None => c.text.value.clone(),
            })
            .collect(),
        &mut s,
    );
    s
}

fn top_party(model: &Model<'_>, key: &SymbolKey) -> String {
    let Some(def) = model.scope.parties.get(key.name()) else {
        return format!("party `{}`", key.name());
    };
    let node = def.node;
    let mut s = format!("**{}** (party `{}`)\n\n", node.name.value, node.id.name);
    for item in node.body.iter().flat_map(|b| &b.items) {
        match &item.kind {
            PartyItemKind::Kind(k) => s.push_str(&format!("Kind: `{}`  \n", k.name)),
            PartyItemKind::Anonymous => s.push_str("Anonymous  \n"),
            PartyItemKind::Contact(c) => s.push_str(&format!("Contact: {}  \n", c.value)),
            _ => {}
        }
    }
    let titles: Vec<String> = model
        .agreements
        .iter()
        .filter(|a| a.party(key.name()).is_some_and(|p| p.def.is_some()))
        .map(|a| format!("\"{}\"", a.title()))
        .collect();
    if !titles.is_empty() {
        s.push_str(&format!("\nA party of {}\n", titles.join(", ")));
    }
    s
}

fn goal_hover(model: &Model<'_>, key: &SymbolKey, agreement: Option<usize>) -> String {
    let name = key.name();
    let description = match key {
        SymbolKey::Local { agreement, .. } => model
            .agreements
            .get(*agreement)
            .and_then(|a| a.goals.iter().find(|g| g.id.name == name))
            .map(|g| g.description.value.clone()),
        SymbolKey::Top { .. } => model
            .scope
            .goals
            .get(name)
            .map(|d| d.node.description.value.clone()),
    };
    let mut s = format!("**goal `{name}`**");
    if let Some(d) = description {
        s.push_str(&format!(": {d}"));
    }
    s.push('\n');
    // Who pursues it: in the cursor's agreement, or every agreement of the
    // file that sees this goal (a local goal of the same id hides a
    // top-level one).
    let agreements: Vec<&AgreementModel<'_>> = match (key, agreement) {
        (SymbolKey::Local { agreement, .. }, _) => {
            model.agreements.get(*agreement).into_iter().collect()
        }
        (_, Some(agreement)) => model.agreements.get(agreement).into_iter().collect(),
        _ => model
            .agreements
            .iter()
            .filter(|a| !a.goals.iter().any(|g| g.id.name == name))
            .collect(),
    };
    let pursuers: Vec<String> = agreements
        .iter()
        .flat_map(|a| a.parties.iter())
        .filter(|p| p.pursues_goal(name))
        .map(|p| format!("{} (`{}`)", p.name, p.id.name))
        .collect();
    if pursuers.is_empty() {
        s.push_str("\nPursued by no party.\n");
    } else {
        s.push_str(&format!("\nPursued by: {}\n", pursuers.join(", ")));
    }
    s
}

/// What each party kind means.
pub fn party_kind_meaning(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "chapter" => "a chapter: a local affiliate of a movement (a Wikimedia chapter)",
        "user-group" => "a user group: an informal, volunteer-run affiliate",
        "foundation" => "a foundation",
        "library" => "a library",
        "museum" => "a museum",
        "archive" => "an archive",
        "gallery" => "a gallery",
        "university" => "a university or college",
        "school" => "a school",
        "company" => "a company: a business",
        "government" => "a government body: a ministry, a city, an agency",
        "intergovernmental" => "an intergovernmental organisation (UNESCO, …)",
        "ngo" => "a non-governmental organisation",
        "community" => "a community: a group of people without a formal body",
        "person" => "a person acting for themselves",
        "other" => "any other kind of party",
        _ => return None,
    })
}

/// What each keyword means, in plain words.
pub fn keyword_meaning(word: &str) -> Option<&'static str> {
    Some(match word {
        "agreement" => "An agreement: `agreement \"Title\" { … }` holds the parties, goals and terms of one partnership.",
        "import" => "Brings in the parties and goals defined in another file: `import \"path.mutual\"`, relative to this file.",
        "party" => "A side of the agreement. At the top level it defines a party others can bring in; in an agreement, `party id { … }` brings one in and `party id \"Name\" { … }` defines a new one.",
        "goal" => "A goal the parties can pursue: `goal id \"description\"`.",
        "status" => "Where the agreement stands: `draft`, `proposed`, `signed`, `active` or `ended`.",
        "purpose" => "Why the partnership exists, in one sentence.",
        "binding" => "Whether the agreement is legally binding: `yes` or `no`.",
        "term" => "When the agreement runs: `term START to END` or `term START open-ended`.",
        "to" => "After a date, the end of a term; after an investment, the party it goes to.",
        "open-ended" => "A term with no end date (it then needs an `exit`).",
        "review" => "A regular joint review: `review every 6 months \"…\"`.",
        "every" => "How often: `every N days|weeks|months|years`.",
        "exit" => "How a side can leave: `exit notice 30 days \"…\"`.",
        "notice" => "How long before leaving a side must say so.",
        "wind-down" => "What happens at the end, to content, data and people.",
        "creates" => "What the partnership creates that neither side has alone.",
        "measure" => "How the parties will tell whether it worked.",
        "kind" => "What kind of party this is (`library`, `chapter`, `person`, …).",
        "anonymous" => "The party does not want to be named or credited.",
        "contact" => "Who to talk to at this party.",
        "pursues" => "The goals this party works toward: `pursues goal_a, goal_b`.",
        "invests" => "What this party puts in: `invests KIND [QUANTITY] [\"…\"] [to PARTY] [license \"…\"]`.",
        "gains" => "What this party gets out: `gains KIND [QUANTITY] [\"…\"] [from PARTY]`.",
        "from" => "The party a gain comes from.",
        "license" => "The license of invested content or data, as an SPDX expression (`CC-BY-SA-4.0`).",
        "commits" => "Something this party is on the hook for: `commits \"…\" [by DATE]`.",
        "by" => "The date a commitment is due.",
        "signed" => "The date this party signed.",
        "channel" => "How parties talk: `channel a <-> b every 1 month \"…\"`; `->` is one way, `all` is everyone.",
        "escalation" => "Where problems go: `escalation a <-> b \"…\"`. Trouble tickets should go both ways.",
        "decides" => "Who takes decisions: `decides all` or `decides a, b`.",
        "all" => "Every party of the agreement.",
        "risk" => "Something that could go wrong: `risk \"…\" mitigation \"…\"`.",
        "mitigation" => "What the parties will do about a risk.",
        "allow" => "Waives a rule, with a reason kept for reviewers: `allow RULE because \"…\"`.",
        "because" => "The reason for a waiver.",
        "yes" | "no" => "The value of `binding`.",
        "draft" => "Status: still being written.",
        "proposed" => "Status: proposed to the other sides.",
        "active" => "Status: signed and running.",
        "ended" => "Status: over.",
        _ => return None,
    })
}
