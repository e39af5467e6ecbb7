//! What a rule sees: the model, the options, the checked file.

use std::sync::Arc;

use mutual_syntax::{Parse, Span};

use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::options::Options;
use crate::project::FileId;
use crate::rule::RuleMeta;
use crate::source::SourceFile;
use crate::vocabulary::{PARTY_KINDS, RESOURCE_KINDS};

pub struct Context<'p> {
    pub model: &'p Model<'p>,
    pub options: &'p Options,
}

impl<'p> Context<'p> {
    /// The checked file.
    pub fn source(&self) -> &'p Arc<SourceFile> {
        &self.model.file().source
    }

    /// The checked file's syntax tree and syntax errors.
    pub fn parse(&self) -> &'p Parse {
        &self.model.file().parse
    }

    /// Any file of the project.
    pub fn source_of(&self, file: FileId) -> &'p Arc<SourceFile> {
        &self.model.project.file(file).source
    }

    /// A diagnostic of `rule` in the checked file.
    pub fn diagnostic(
        &self,
        rule: &'static RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.source(), span, message)
    }

    /// The text of a span of the checked file.
    pub fn text(&self, span: Span) -> &'p str {
        self.source().text.get(span.range()).unwrap_or("")
    }

    /// Every party kind: built-in and `[vocabulary] party-kinds`.
    pub fn party_kinds(&self) -> impl Iterator<Item = &str> {
        PARTY_KINDS
            .iter()
            .copied()
            .chain(self.options.extra_party_kinds.iter().map(String::as_str))
    }

    /// Every resource kind: built-in and `[vocabulary] resource-kinds`.
    pub fn resource_kinds(&self) -> impl Iterator<Item = &str> {
        RESOURCE_KINDS
            .iter()
            .map(|(k, _)| *k)
            .chain(self.options.extra_resource_kinds.iter().map(String::as_str))
    }
}
