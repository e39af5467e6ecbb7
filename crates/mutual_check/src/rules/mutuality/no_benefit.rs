use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::model::{AgreementModel, PartyModel};
use crate::rules::edits::insert_in_party;
use crate::rules::mutuality::join_names;

declare_rule! {
    /// ## What it checks
    ///
    /// A party gets nothing out of the agreement: its block has no `gains`
    /// line (a line gaining from the party itself does not count). The
    /// message names what the arrangement looks like instead: a side that
    /// gives without getting anything back is making a donation, and a
    /// person (`kind person`) who gives only time or expertise is
    /// volunteering.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A partnership benefits every side, not necessarily in the same way:
    /// one side may gain new editors, another visitors or progress on its own
    /// mission. A side that gains nothing is generous, and that is welcome,
    /// but it is a donor or a volunteer, not a partner. Such arrangements
    /// rarely last: nothing keeps that side committed when times get hard.
    /// If the side does gain something, write it down.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "A room for meet-ups" {
    ///   goal meetups "A place where local editors meet"
    ///   party editors "Haifa Wikipedians" {
    ///     pursues meetups
    ///     invests time "Organising the meet-ups"
    ///     gains venue "A room every month" from shop
    ///   }
    ///   party shop "Carmel Print Shop" {
    ///     kind company
    ///     invests venue "The back room, once a month" to editors
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "A room for meet-ups" {
    ///   goal meetups "A place where local editors meet"
    ///   party editors "Haifa Wikipedians" {
    ///     pursues meetups
    ///     invests time "Organising the meet-ups"
    ///     invests promotion "A thank-you on the group's page" to shop
    ///     gains venue "A room every month" from shop
    ///   }
    ///   party shop "Carmel Print Shop" {
    ///     kind company
    ///     invests venue "The back room, once a month" to editors
    ///     gains visitors "Editors who become customers"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `gains other "TODO: what does this party gain?"` at the
    /// end of the party's block, for you to fill in. The fix only marks the
    /// gap; it cannot know what the party gains.
    pub RULE = { name: "no-benefit", group: Mutuality, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        for party in a.parties.iter().filter(|p| p.gains.is_empty()) {
            let mut d = ctx
                .diagnostic(&RULE, party.id.span, message(party))
                .in_agreement(a.index)
                .about_party(&party.id.name)
                .with_help(help(a, party));
            if let Some(edit) = insert_in_party(
                ctx,
                party,
                r#"gains other "TODO: what does this party gain?""#,
            ) {
                d = d.with_fix(Fix::unsafe_("Add a `gains` line to fill in", vec![edit]));
            }
            out.push(d);
        }
    }
}

/// The message, naming the shape the party's part takes.
fn message(party: &PartyModel<'_>) -> String {
    let name = &party.name;
    if party.invests.is_empty() {
        format!(
            "{name} gains nothing from this agreement and invests nothing in it: a partnership benefits every side"
        )
    } else if party.is_person() && party.gives_only_time_or_expertise() {
        format!(
            "{name} gives time or expertise and gains nothing in return: that is volunteering, not a partnership"
        )
    } else {
        format!(
            "{name} invests but gains nothing from this agreement: a side that only gives is making a donation, not a partnership"
        )
    }
}

/// When other parties direct something to this one, its gain may just be
/// unwritten: say so.
fn help(a: &AgreementModel<'_>, party: &PartyModel<'_>) -> String {
    let me = party.id.name.as_str();
    let mut givers: Vec<&str> = a
        .parties
        .iter()
        .filter(|p| p.id.name != me)
        .filter(|p| p.invests.iter().any(|f| f.counterpart() == Some(me)))
        .map(|p| p.name.as_str())
        .collect();
    givers.dedup();
    if givers.is_empty() {
        // An anonymous side cannot be credited: do not suggest visibility.
        let examples = if party.anonymous {
            "progress on its mission, skills, access…"
        } else {
            "visibility, new members, progress on its mission…"
        };
        return format!(
            "If this side does gain something ({examples}), add a `gains` line for it."
        );
    }
    let verb = if givers.len() == 1 {
        "directs"
    } else {
        "direct"
    };
    format!(
        "{} {verb} an investment to {}: if that is what it gains, write it as a `gains … from` line",
        join_names(&givers),
        party.name
    )
}
