//! A file's text and its positions, shared by every diagnostic that points
//! into it.

use std::path::PathBuf;
use std::sync::Arc;

use mutual_syntax::LineIndex;

/// The text of one file as read, with its line index. Diagnostics hold an
/// `Arc` of it so that every output can compute positions in any encoding.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it or as an import resolved it.
    pub path: PathBuf,
    pub text: Arc<str>,
    pub line_index: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Arc<Self> {
        let text = text.into();
        let line_index = LineIndex::new(&text);
        Arc::new(SourceFile {
            path: path.into(),
            text,
            line_index,
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        self.line_index.line_col(&self.text, offset)
    }
}
