//! Diagnostics: what the checker says, where, and how to fix it.
//!
//! Spans are byte ranges into a [`SourceFile`]; lines and columns are computed
//! only by the outputs, from the source's [`mutual_syntax::LineIndex`].

use std::sync::Arc;

use mutual_syntax::Span;
use serde::Serialize;

use crate::rule::RuleMeta;
use crate::source::SourceFile;

/// How serious a diagnostic is. Ordered from the most to the least serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(word: &str) -> Option<Severity> {
        Some(match word {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
}

/// Another place worth looking at: the first definition, the other party.
#[derive(Clone, Debug)]
pub struct Related {
    pub source: Arc<SourceFile>,
    pub span: Span,
    pub message: String,
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the author intended (a typo fixed, `->` made `<->`).
    Safe,
    /// Changes meaning or inserts a placeholder the author must fill in.
    Unsafe,
}

/// One text replacement in the diagnostic's file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A change that resolves a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// One finding of one rule.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    /// Set by the pipeline from the rule's default and the configuration.
    pub severity: Severity,
    /// One line, in plain words, naming the parties and goals involved.
    pub message: String,
    /// What to do about it, when that is not obvious from the message.
    pub help: Option<String>,
    pub source: Arc<SourceFile>,
    pub span: Span,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
    /// The diagnostic points at something unused (shown faded in editors).
    pub unnecessary: bool,
    /// The agreement (index among the file's agreements) it is about, if any:
    /// an agreement-level `allow` covers it.
    pub agreement: Option<usize>,
    /// The party (id) it is about, if any: that party's `allow` covers it.
    pub party: Option<String>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static RuleMeta,
        source: &Arc<SourceFile>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity,
            message: message.into(),
            help: None,
            source: Arc::clone(source),
            span,
            related: Vec::new(),
            fix: None,
            unnecessary: false,
            agreement: None,
            party: None,
        }
    }

    pub fn in_agreement(mut self, index: usize) -> Self {
        self.agreement = Some(index);
        self
    }

    pub fn about_party(mut self, id: &str) -> Self {
        self.party = Some(id.to_string());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(
        mut self,
        source: &Arc<SourceFile>,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            source: Arc::clone(source),
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn unnecessary(mut self) -> Self {
        self.unnecessary = true;
        self
    }

    /// The sort key of every output: file, position, rule.
    pub fn sort_key(&self) -> (&std::path::Path, u32, u32, &'static str) {
        (
            &self.source.path,
            self.span.start,
            self.span.end,
            self.rule.name,
        )
    }
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            edits,
            applicability: Applicability::Safe,
        }
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            title: title.into(),
            edits,
            applicability: Applicability::Unsafe,
        }
    }

    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Fix::safe(
            title,
            vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        )
    }
}
