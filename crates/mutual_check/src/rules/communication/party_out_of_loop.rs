use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::rules::communication::{links, LinkKind};

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has channels, none of them is `channel all`, and a
    /// party appears in none of them. Reported once for each party left out.
    ///
    /// When a channel names a party that is not in the agreement (a typo,
    /// which `unknown-party` reports), this rule waits until the name is
    /// fixed: the misspelt party is probably the one that looks left out.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A side that is in no channel hears about changes last, or not at
    /// all, and has no agreed way to speak up. In agreements with several
    /// parties this is easy to miss: two sides talk every week and the third
    /// finds out at the event. Add the side to a channel, or use
    /// `channel all`.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Edit-a-thon" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party ngo "Women in Science Forum" {
    ///     invests promotion "Invitations to its members"
    ///     gains mission "Women scientists become better known"
    ///   }
    ///   party archive "University Archive" {
    ///     invests venue "The reading room"
    ///     gains visitors "New users of the archive"
    ///   }
    ///   channel wmil <-> ngo every 2 weeks "Call of the coordinators"
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Edit-a-thon" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party ngo "Women in Science Forum" {
    ///     invests promotion "Invitations to its members"
    ///     gains mission "Women scientists become better known"
    ///   }
    ///   party archive "University Archive" {
    ///     invests venue "The reading room"
    ///     gains visitors "New users of the archive"
    ///   }
    ///   channel all every 2 weeks "Call of all the coordinators"
    /// }
    /// ```
    pub RULE = { name: "party-out-of-loop", group: Communication, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let (all, channels) = links(a, LinkKind::Channel);
        let Some(first) = channels.first() else {
            continue;
        };
        // A misspelt end (reported by `unknown-party`) may be the party
        // that looks left out: do not pile a second warning on the typo.
        let unknown_end = channels
            .iter()
            .any(|l| a.party(&l.from.name).is_none() || a.party(&l.to.name).is_none());
        if all || unknown_end {
            continue;
        }
        for party in &a.parties {
            let me = party.id.name.as_str();
            if channels
                .iter()
                .any(|l| l.from.name == me || l.to.name == me)
            {
                continue;
            }
            out.push(
                ctx.diagnostic(
                    &RULE,
                    party.id.span,
                    format!(
                        "{} is in no channel: it has no agreed way to hear about changes or to raise a problem",
                        party.name
                    ),
                )
                .in_agreement(a.index)
                .about_party(me)
                .with_related(ctx.source(), first.from.span, "the first channel")
                .with_help(format!(
                    "Add a channel between {} and the others, or make it `channel all`.",
                    party.name
                )),
            );
        }
    }
}
