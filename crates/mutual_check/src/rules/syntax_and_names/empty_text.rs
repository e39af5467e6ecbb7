use mutual_syntax::ast::{ClauseKind, Item, PartyItem, PartyItemKind, Text};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::syntax_and_names::{is_blank, party_label};

declare_rule! {
    /// ## What it checks
    ///
    /// A text that is there to say something is empty (`""`) or holds only
    /// spaces. These texts are checked:
    ///
    /// - the agreement's title, `purpose`, `creates`, `measure`,
    ///   `wind-down`, and the texts of `exit` and `review`;
    /// - the description of every goal, and the name of every party;
    /// - in a party block: `contact`, the description of each `invests` and
    ///   `gains` line, each `license`, and the text of each `commits`;
    /// - the descriptions of `channel`, `escalation` and `decides`;
    /// - each `risk` and its `mitigation`;
    /// - the reason of each `allow`.
    ///
    /// The path of an `import` is not checked here: an empty path is a file
    /// that cannot be found (`import-not-found`).
    ///
    /// ## Why it matters for a partnership
    ///
    /// An empty text looks like an answer but says nothing: a purpose nobody
    /// wrote, a contact with no name, a waiver with no reason. Other checks
    /// see that the line is there and are satisfied, while the people who
    /// read the agreement learn nothing. Either write what was agreed, or,
    /// where the text is optional, leave it out.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit evenings" {
    ///   purpose ""
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit evenings" {
    ///   purpose "Members of the reading club learn to write Wikipedia articles"
    ///   party chapter "Wikimedia Österreich" {
    ///     invests time "A trainer at the club"
    ///     gains members "New editors"
    ///   }
    ///   party library "Stadtbibliothek Graz" {
    ///     invests venue "The reading room"
    ///     gains mission "Reading promotion"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "empty-text", group: SyntaxAndNames, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut found: Vec<(&Text, String, Option<usize>, Option<&str>)> = Vec::new();
    // Top-level definitions of the checked file.
    for item in &ctx.parse().file.items {
        match item {
            Item::Goal(goal) => found.push((
                &goal.description,
                format!("the goal `{}` has an empty description: say what the goal is, so that every side reads it the same way", goal.id.name),
                None,
                None,
            )),
            Item::Party(def) => {
                found.push((
                    &def.name,
                    format!("the party `{}` has an empty name: write the name people know it by", def.id.name),
                    None,
                    None,
                ));
                let label = if is_blank(&def.name.value) {
                    format!("`{}`", def.id.name)
                } else {
                    def.name.value.clone()
                };
                if let Some(body) = &def.body {
                    for (text, message) in party_texts(&body.items, &label) {
                        found.push((text, message, None, None));
                    }
                }
            }
            _ => {}
        }
    }
    for a in &ctx.model.agreements {
        let i = Some(a.index);
        found.push((
            &a.ast.title,
            "this agreement has an empty title: give it a name the sides will recognise"
                .to_string(),
            i,
            None,
        ));
        for clause in a.clauses() {
            match &clause.kind {
                ClauseKind::Purpose(t) => found.push((t, "the purpose is empty: say in a sentence what this partnership is for".into(), i, None)),
                ClauseKind::Creates(t) => found.push((t, "`creates` is empty: say what the partnership creates that no side has alone".into(), i, None)),
                ClauseKind::Measure(t) => found.push((t, "the measure is empty: say how the sides will know that the partnership worked".into(), i, None)),
                ClauseKind::WindDown(t) => found.push((t, "the wind-down is empty: say what happens to the shared work when the agreement ends".into(), i, None)),
                ClauseKind::Exit { description, .. } => found.push((description, "the exit text is empty: say how a side can leave the agreement".into(), i, None)),
                ClauseKind::Review { description: Some(t), .. } => found.push((t, "the review's description is empty: say who reviews what, or leave the text out".into(), i, None)),
                ClauseKind::Goal(goal) => found.push((
                    &goal.description,
                    format!("the goal `{}` has an empty description: say what the goal is, so that every side reads it the same way", goal.id.name),
                    i,
                    None,
                )),
                ClauseKind::Channel { description: Some(t), .. } => found.push((t, "the channel's description is empty: say how the sides talk (a call, a mailing list…), or leave the text out".into(), i, None)),
                ClauseKind::Escalation { description: Some(t), .. } => found.push((t, "the escalation's description is empty: say who takes up a problem and how, or leave the text out".into(), i, None)),
                ClauseKind::Decides { description: Some(t), .. } => found.push((t, "the description of how decisions are made is empty: say how, or leave the text out".into(), i, None)),
                ClauseKind::Risk { description, mitigation } => {
                    found.push((description, "a risk is written with an empty text: say what could go wrong".into(), i, None));
                    if let Some(m) = mitigation {
                        let risk = if is_blank(&description.value) {
                            "a risk".to_string()
                        } else {
                            format!("the risk \"{}\"", description.value)
                        };
                        found.push((m, format!("the mitigation of {risk} is empty: say what the sides will do if it happens"), i, None));
                    }
                }
                ClauseKind::Allow(allow) => found.push((
                    &allow.reason,
                    format!("the waiver of `{}` gives no reason: say why the rule does not apply here, for the people who review the agreement", allow.rule.name),
                    i,
                    None,
                )),
                _ => {}
            }
        }
        for party in &a.parties {
            let id = Some(party.id.name.as_str());
            if let Some(name) = &party.block.name {
                found.push((
                    name,
                    format!(
                        "the party `{}` has an empty name: write the name people know it by",
                        party.id.name
                    ),
                    i,
                    id,
                ));
            }
            for (text, message) in party_texts(&party.block.body.items, &party_label(party)) {
                found.push((text, message, i, id));
            }
        }
    }
    for (text, message, agreement, party) in found {
        if !is_blank(&text.value) {
            continue;
        }
        let mut d = ctx.diagnostic(&RULE, text.span, message);
        if let Some(a) = agreement {
            d = d.in_agreement(a);
        }
        if let Some(p) = party {
            d = d.about_party(p);
        }
        out.push(d);
    }
}

/// The texts of a party's lines, with the message if they are empty.
fn party_texts<'a>(items: &'a [PartyItem], name: &str) -> Vec<(&'a Text, String)> {
    let mut out = Vec::new();
    for item in items {
        match &item.kind {
            PartyItemKind::Contact(t) => out.push((
                t,
                format!("the contact of {name} is empty: name a person and how to reach them"),
            )),
            PartyItemKind::Invests(flow) | PartyItemKind::Gains(flow) => {
                let (what, verb) = if matches!(item.kind, PartyItemKind::Invests(_)) {
                    ("investment", "gives")
                } else {
                    ("gain", "gets")
                };
                let resource = &flow.resource.name;
                if let Some(t) = &flow.description {
                    out.push((
                        t,
                        format!("the description of {name}'s {what} ({resource}) is empty: say what it {verb}, or leave the text out"),
                    ));
                }
                if let Some(t) = &flow.license {
                    out.push((
                        t,
                        format!("the license of {name}'s {resource} is empty: name the license the sides agreed on, such as CC-BY-SA-4.0"),
                    ));
                }
            }
            PartyItemKind::Commits { text, .. } => out.push((
                text,
                format!("{name} commits to an empty text: say what it is on the hook for"),
            )),
            PartyItemKind::Allow(allow) => out.push((
                &allow.reason,
                format!("the waiver of `{}` gives no reason: say why the rule does not apply to {name}, for the people who review the agreement", allow.rule.name),
            )),
            _ => {}
        }
    }
    out
}
