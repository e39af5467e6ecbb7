use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::communication::{links, LinkKind};
use crate::rules::edits::insert_in_agreement;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement has no `channel` line at all: it does not say how the
    /// sides keep in touch.
    ///
    /// ## Why it matters for a partnership
    ///
    /// Partners who only talk when something has gone wrong find out too
    /// late. A regular, agreed way of keeping each other informed (a monthly
    /// call, a shared mailing list) is where small problems are caught while
    /// they are still small.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Editing evenings" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Editing evenings" {
    ///   party wmil "Wikimedia Israel" {
    ///     invests time 20 hours "Trainers"
    ///     gains members "New editors"
    ///   }
    ///   party library "City Library" {
    ///     invests venue "The computer lab"
    ///     gains visitors "People coming to the evenings"
    ///   }
    ///   channel wmil <-> library every 1 month "Call before each evening"
    /// }
    /// ```
    ///
    /// ## Fix
    ///
    /// Adds a line `channel all "TODO: how and how often?"` at the end of
    /// the agreement, for you to fill in.
    pub RULE = { name: "missing-channel", group: Communication, severity: Warning, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let (all, channels) = links(a, LinkKind::Channel);
        if all || !channels.is_empty() {
            continue;
        }
        let mut d = ctx
            .diagnostic(
                &RULE,
                a.title_span(),
                "this agreement does not say how the sides keep in touch: problems will surface too late",
            )
            .in_agreement(a.index)
            .with_help("Add a `channel` line, for example `channel all every 1 month \"Coordination call\"`.");
        if let Some(edit) = insert_in_agreement(ctx, a, r#"channel all "TODO: how and how often?""#)
        {
            d = d.with_fix(Fix::unsafe_("Add a `channel` line to fill in", vec![edit]));
        }
        out.push(d);
    }
}
