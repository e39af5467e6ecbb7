use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    ///
    /// The agreement names fewer than two parties.
    ///
    /// ## Why it matters for a partnership
    ///
    /// A partnership takes at least two sides, each bringing something and
    /// each getting something out of it. With one side only, what is written
    /// is a plan or a promise, not a partnership, and the verdict is
    /// `one-sided`. Often the other side was simply forgotten: add a `party`
    /// block for it.
    ///
    /// ## Fires on
    ///
    /// ```mutual,fires
    /// agreement "Photo walk" {
    ///   goal photos "Free photos of the old town"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues photos
    ///     invests time 10 hours "Guides for the walk"
    ///     gains content "Photos of the old town"
    ///     commits "Lead the walk"
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    ///
    /// ```mutual,passes
    /// agreement "Photo walk" {
    ///   goal photos "Free photos of the old town"
    ///   party wmil "Wikimedia Israel" {
    ///     pursues photos
    ///     invests time 10 hours "Guides for the walk"
    ///     gains content "Photos of the old town"
    ///     commits "Lead the walk"
    ///   }
    ///   party club "Old Town Camera Club" {
    ///     pursues photos
    ///     invests expertise "Members who know the old town's corners"
    ///     gains members "Newcomers who join the club"
    ///     commits "Bring at least ten photographers"
    ///   }
    /// }
    /// ```
    pub RULE = { name: "single-party", group: Mutuality, severity: Error, check: check }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for a in &ctx.model.agreements {
        let message = match a.parties.as_slice() {
            [] => "this agreement names no party at all: a partnership needs at least two sides"
                .to_string(),
            [only] => format!(
                "{} is the only party of this agreement: a partnership needs at least two sides",
                only.name
            ),
            _ => continue,
        };
        let mut d = ctx
            .diagnostic(&RULE, a.title_span(), message)
            .in_agreement(a.index)
            .with_help("Add a `party` block for every other side of the agreement.");
        if let [only] = a.parties.as_slice() {
            d = d.with_related(ctx.source(), only.id.span, "the only party");
        }
        out.push(d);
    }
}
