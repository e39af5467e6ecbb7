//! The Mutual checker.
//!
//! ```text
//! text ─ mutual_syntax::parse ─▶ Project (file + imports, each parsed once)
//!      ─ Model::build ─▶ model (scope, agreements, parties, flows)
//!      ─ rules ─▶ diagnostics ─ levels, waivers ─▶ verdicts ─▶ FileReport
//! ```
//!
//! The checker does no I/O of its own: files come through a [`FileLoader`].
//! The CLI and the language server call [`check`] the same way, so a file
//! that is clean in the editor is clean in CI.

pub mod config;
pub mod context;
pub mod date;
pub mod diagnostic;
pub mod loader;
pub mod model;
pub mod options;
pub mod project;
pub mod rule;
pub mod rules;
pub mod source;
pub mod verdict;
pub mod vocabulary;
mod waivers;

use std::path::Path;
use std::sync::Arc;

use mutual_syntax::Span;

pub use context::Context;
pub use date::CalendarDate;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use loader::{CachingDiskLoader, DiskLoader, FileLoader};
pub use model::Model;
pub use options::Options;
pub use project::{FileId, ParseCache, Project};
pub use rule::{Group, RuleMeta};
pub use source::SourceFile;
pub use verdict::{Role, Verdict};

/// The outcome of checking one file.
#[derive(Debug)]
pub struct FileReport {
    pub source: Arc<SourceFile>,
    /// Sorted by position, then rule; only diagnostics in this file.
    pub diagnostics: Vec<Diagnostic>,
    pub agreements: Vec<AgreementSummary>,
}

/// An agreement's verdict and its parties' roles.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AgreementSummary {
    pub title: String,
    #[serde(skip)]
    pub span: Span,
    /// The span of the title string.
    #[serde(skip)]
    pub title_span: Span,
    pub verdict: Verdict,
    pub parties: Vec<PartySummary>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct PartySummary {
    pub id: String,
    pub name: String,
    #[serde(skip)]
    pub span: Span,
    pub role: Role,
    pub invests: usize,
    pub gains: usize,
}

/// Loads `path` (with the given text) and its imports, then checks it.
pub fn check_text(
    path: &Path,
    text: impl Into<Arc<str>>,
    root: &Path,
    loader: &dyn FileLoader,
    options: &Options,
) -> FileReport {
    let project = Project::load(path, text, root, loader);
    check(&project, options)
}

/// Checks the project's first file.
pub fn check(project: &Project, options: &Options) -> FileReport {
    let model = Model::build(project);
    check_model(&model, options)
}

/// Checks a model already built (the language server keeps it for hover).
pub fn check_model(model: &Model<'_>, options: &Options) -> FileReport {
    let ctx = Context { model, options };
    let mut raw = Vec::new();
    for rule in rules::ALL.iter() {
        if options.level(rule).is_some() {
            (rule.check)(&ctx, &mut raw);
        }
    }
    let source = Arc::clone(ctx.source());
    raw.retain(|d| Arc::ptr_eq(&d.source, &source));
    for d in &mut raw {
        if let Some(severity) = options.level(d.rule) {
            d.severity = severity;
        }
    }
    let roles: Vec<Vec<Role>> = model
        .agreements
        .iter()
        .map(|a| {
            let here: Vec<&Diagnostic> = raw
                .iter()
                .filter(|d| d.agreement == Some(a.index))
                .collect();
            a.parties.iter().map(|p| verdict::role(p, &here)).collect()
        })
        .collect();
    let mut diagnostics = waivers::apply(&ctx, raw);
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.message == b.message);
    let agreements = model
        .agreements
        .iter()
        .zip(roles)
        .map(|(a, roles)| {
            let here: Vec<&Diagnostic> = diagnostics
                .iter()
                // Diagnostics outside every agreement (an import, a top-level
                // definition) concern them all.
                .filter(|d| d.agreement.is_none_or(|i| i == a.index))
                .collect();
            AgreementSummary {
                title: a.title().to_string(),
                span: a.ast.span,
                title_span: a.title_span(),
                verdict: verdict::verdict(a, &here),
                parties: a
                    .parties
                    .iter()
                    .zip(roles)
                    .map(|(p, role)| PartySummary {
                        id: p.id.name.clone(),
                        name: p.name.clone(),
                        span: p.id.span,
                        role,
                        invests: p.invests.len(),
                        gains: p.gains.len(),
                    })
                    .collect(),
            }
        })
        .collect();
    FileReport {
        source,
        diagnostics,
        agreements,
    }
}
