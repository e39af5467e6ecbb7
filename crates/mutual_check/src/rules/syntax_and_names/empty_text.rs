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
    // Texts are visited in the order of the file; a message is only written
    // for a text that is blank (almost none are).
    let mut report = |text: &Text,
                      agreement: Option<usize>,
                      party: Option<&str>,
                      message: &dyn Fn() -> String| {
        if !is_blank(&text.value) {
            return;
        }
        let mut d = ctx.diagnostic(&RULE, text.span, message());
        if let Some(a) = agreement {
            d = d.in_agreement(a);
        }
        if let Some(p) = party {
            d = d.about_party(p);
        }
        out.push(d);
    };
    // Top-level definitions of the checked file.
    for item in &ctx.parse().file.items {
        match item {
            Item::Goal(goal) => report(&goal.description, None, None, &|| {
                format!("the goal `{}` has an empty description: say what the goal is, so that every side reads it the same way", goal.id.name)
            }),
            Item::Party(def) => {
                report(&def.name, None, None, &|| {
                    format!(
                        "the party `{}` has an empty name: write the name people know it by",
                        def.id.name
                    )
                });
                let label = || {
                    if is_blank(&def.name.value) {
                        format!("`{}`", def.id.name)
                    } else {
                        def.name.value.clone()
                    }
                };
                if let Some(body) = &def.body {
                    party_texts(&body.items, &label, &mut |text, message| {
                        report(text, None, None, message)
                    });
                }
            }
            _ => {}
        }
    }
    for a in &ctx.model.agreements {
        let i = Some(a.index);
        report(&a.ast.title, i, None, &|| {
            "this agreement has an empty title: give it a name the sides will recognise".to_string()
        });
        for clause in a.clauses() {
            match &clause.kind {
                ClauseKind::Purpose(t) => report(t, i, None, &|| {
                    "the purpose is empty: say in a sentence what this partnership is for".into()
                }),
                ClauseKind::Creates(t) => report(t, i, None, &|| {
                    "`creates` is empty: say what the partnership creates that no side has alone"
                        .into()
                }),
                ClauseKind::Measure(t) => report(t, i, None, &|| {
                    "the measure is empty: say how the sides will know that the partnership worked"
                        .into()
                }),
                ClauseKind::WindDown(t) => report(t, i, None, &|| {
                    "the wind-down is empty: say what happens to the shared work when the agreement ends".into()
                }),
                ClauseKind::Exit { description, .. } => report(description, i, None, &|| {
                    "the exit text is empty: say how a side can leave the agreement".into()
                }),
                ClauseKind::Review {
                    description: Some(t),
                    ..
                } => report(t, i, None, &|| {
                    "the review's description is empty: say who reviews what, or leave the text out"
                        .into()
                }),
                ClauseKind::Goal(goal) => report(&goal.description, i, None, &|| {
                    format!("the goal `{}` has an empty description: say what the goal is, so that every side reads it the same way", goal.id.name)
                }),
                ClauseKind::Channel {
                    description: Some(t),
                    ..
                } => report(t, i, None, &|| {
                    "the channel's description is empty: say how the sides talk (a call, a mailing list…), or leave the text out".into()
                }),
                ClauseKind::Escalation {
                    description: Some(t),
                    ..
                } => report(t, i, None, &|| {
                    "the escalation's description is empty: say who takes up a problem and how, or leave the text out".into()
                }),
                ClauseKind::Decides {
                    description: Some(t),
                    ..
                } => report(t, i, None, &|| {
                    "the description of how decisions are made is empty: say how, or leave the text out".into()
                }),
                ClauseKind::Risk {
                    description,
                    mitigation,
                } => {
                    report(description, i, None, &|| {
                        "a risk is written with an empty text: say what could go wrong".into()
                    });
                    if let Some(m) = mitigation {
                        report(m, i, None, &|| {
                            let risk = if is_blank(&description.value) {
                                "a risk".to_string()
                            } else {
                                format!("the risk \"{}\"", description.value)
                            };
                            format!("the mitigation of {risk} is empty: say what the sides will do if it happens")
                        });
                    }
                }
                ClauseKind::Allow(allow) => report(&allow.reason, i, None, &|| {
                    format!("the waiver of `{}` gives no reason: say why the rule does not apply here, for the people who review the agreement", allow.rule.name)
                }),
                _ => {}
            }
        }
        for party in &a.parties {
            let id = Some(party.id.name.as_str());
            if let Some(name) = &party.block.name {
                report(name, i, id, &|| {
                    format!(
                        "the party `{}` has an empty name: write the name people know it by",
                        party.id.name
                    )
                });
            }
            party_texts(
                &party.block.body.items,
                &|| party_label(party),
                &mut |text, message| report(text, i, id, message),
            );
        }
    }
}

/// Hands each text of a party's lines to `found`, with its message should
/// it be empty (`name` gives the party's label for the message).
fn party_texts<'a>(
    items: &'a [PartyItem],
    name: &dyn Fn() -> String,
    found: &mut dyn FnMut(&'a Text, &dyn Fn() -> String),
) {
    for item in items {
        match &item.kind {
            PartyItemKind::Contact(t) => found(t, &|| {
                format!(
                    "the contact of {} is empty: name a person and how to reach them",
                    name()
                )
            }),
            PartyItemKind::Invests(flow) | PartyItemKind::Gains(flow) => {
                let (what, verb) = if matches!(item.kind, PartyItemKind::Invests(_)) {
                    ("investment", "gives")
                } else {
                    ("gain", "gets")
                };
                let resource = &flow.resource.name;
                if let Some(t) = &flow.description {
                    found(t, &|| {
                        format!("the description of {}'s {what} ({resource}) is empty: say what it {verb}, or leave the text out", name())
                    });
                }
                if let Some(t) = &flow.license {
                    found(t, &|| {
                        format!("the license of {}'s {resource} is empty: name the license the sides agreed on, such as CC-BY-SA-4.0", name())
                    });
                }
            }
            PartyItemKind::Commits { text, .. } => found(text, &|| {
                format!(
                    "{} commits to an empty text: say what it is on the hook for",
                    name()
                )
            }),
            PartyItemKind::Allow(allow) => found(&allow.reason, &|| {
                format!("the waiver of `{}` gives no reason: say why the rule does not apply to {}, for the people who review the agreement", allow.rule.name, name())
            }),
            _ => {}
        }
    }
}
