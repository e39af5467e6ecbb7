//! Loading a file and everything it imports, each file parsed once.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use mutual_syntax::ast::{Item, Text};
use mutual_syntax::{Parse, Span};

use crate::loader::FileLoader;
use crate::source::SourceFile;

/// Index of a file in [`Project::files`]; the checked file is `FileId(0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub usize);

/// The checked file and every file it imports, directly or not.
#[derive(Debug)]
pub struct Project {
    pub files: Vec<ProjectFile>,
    /// The folder imports may not leave.
    pub root: PathBuf,
}

#[derive(Debug)]
pub struct ProjectFile {
    pub source: Arc<SourceFile>,
    pub parse: Parse,
    pub imports: Vec<ResolvedImport>,
}

/// One `import` line and where it led.
#[derive(Debug, Clone)]
pub struct ResolvedImport {
    /// The span of the path string.
    pub span: Span,
    pub path: String,
    pub target: Result<FileId, ImportProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// The file does not exist (or cannot be read: the message says why).
    NotFound(Option<String>),
    /// The path is absolute, or leaves the project root (directly or by a
    /// symbolic link). Such a file is never read.
    OutsideRoot,
}

/// The parses of imported files, kept from one load to the next: the
/// language server checks a document again at every keystroke, and its
/// imports rarely change meanwhile. By canonical path, the text that was
/// parsed and its parse; an entry serves only the very same text, so it is
/// never stale (a file is still read every time, only not parsed again).
#[derive(Debug, Default)]
pub struct ParseCache {
    files: Mutex<HashMap<PathBuf, (Arc<str>, Parse)>>,
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The parse of `text`, the file at `canonical`.
    fn parse(&self, canonical: &Path, text: &Arc<str>) -> Parse {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((known, parse)) = files.get(canonical) {
            if **known == **text {
                return parse.clone();
            }
        }
        let parse = mutual_syntax::parse(text);
        files.insert(canonical.to_path_buf(), (Arc::clone(text), parse.clone()));
        parse
    }
}

impl Project {
    /// Loads `path` (whose text is given: it may be an unsaved buffer or
    /// standard input) and, recursively, its imports.
    pub fn load(
        path: &Path,
        text: impl Into<Arc<str>>,
        root: &Path,
        loader: &dyn FileLoader,
    ) -> Project {
        Project::load_with(path, text, root, loader, None)
    }

    /// [`Project::load`], taking the parses of imported files from `cache`
    /// when their text has not changed (and keeping new ones there). The
    /// file itself is always parsed.
    pub fn load_cached(
        path: &Path,
        text: impl Into<Arc<str>>,
        root: &Path,
        loader: &dyn FileLoader,
        cache: &ParseCache,
    ) -> Project {
        Project::load_with(path, text, root, loader, Some(cache))
    }

    fn load_with(
        path: &Path,
        text: impl Into<Arc<str>>,
        root: &Path,
        loader: &dyn FileLoader,
        cache: Option<&ParseCache>,
    ) -> Project {
        let root = loader
            .canonicalize(root)
            .unwrap_or_else(|_| root.to_path_buf());
        let mut project = Project {
            files: Vec::new(),
            root,
        };
        let mut by_path: HashMap<PathBuf, FileId> = HashMap::new();
        let source = SourceFile::new(path, text);
        let first = project.add(source);
        if let Ok(canonical) = loader.canonicalize(path) {
            by_path.insert(canonical, first);
        }
        let mut queue = vec![first];
        while let Some(id) = queue.pop() {
            let imports: Vec<Text> = import_texts(&project.files[id.0].parse)
                .into_iter()
                .cloned()
                .collect();
            // A bare file name has an empty parent: its folder is ".".
            let base = match project.files[id.0].source.path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let mut resolved = Vec::with_capacity(imports.len());
            for text in imports {
                let target = project
                    .resolve(&base, &text.value, loader)
                    .and_then(|canonical| {
                        if let Some(&known) = by_path.get(&canonical) {
                            return Ok(known);
                        }
                        let joined = base.join(&text.value);
                        match loader.read(&canonical) {
                            Ok(content) => {
                                let source = SourceFile::new(joined, content);
                                let parse = match cache {
                                    Some(cache) => cache.parse(&canonical, &source.text),
                                    None => mutual_syntax::parse(&source.text),
                                };
                                let new = project.add_parsed(source, parse);
                                by_path.insert(canonical, new);
                                queue.push(new);
                                Ok(new)
                            }
                            Err(e) => Err(ImportProblem::NotFound(Some(e.to_string()))),
                        }
                    });
                resolved.push(ResolvedImport {
                    span: text.span,
                    path: text.value.clone(),
                    target,
                });
            }
            project.files[id.0].imports = resolved;
        }
        project
    }

    fn add(&mut self, source: Arc<SourceFile>) -> FileId {
        let parse = mutual_syntax::parse(&source.text);
        self.add_parsed(source, parse)
    }

    fn add_parsed(&mut self, source: Arc<SourceFile>, parse: Parse) -> FileId {
        self.files.push(ProjectFile {
            source,
            parse,
            imports: Vec::new(),
        });
        FileId(self.files.len() - 1)
    }

    /// The canonical path of an import, or why it cannot be followed.
    fn resolve(
        &self,
        base: &Path,
        import: &str,
        loader: &dyn FileLoader,
    ) -> Result<PathBuf, ImportProblem> {
        let import_path = Path::new(import);
        if import_path.is_absolute() || import.starts_with('/') || import.starts_with('\\') {
            return Err(ImportProblem::OutsideRoot);
        }
        let base = loader
            .canonicalize(base)
            .unwrap_or_else(|_| base.to_path_buf());
        let lexical = normalize(&base.join(import_path));
        if !lexical.starts_with(&self.root) {
            return Err(ImportProblem::OutsideRoot);
        }
        match loader.canonicalize(&lexical) {
            Ok(canonical) if canonical.starts_with(&self.root) => Ok(canonical),
            Ok(_) => Err(ImportProblem::OutsideRoot),
            Err(_) => Err(ImportProblem::NotFound(None)),
        }
    }

    pub fn file(&self, id: FileId) -> &ProjectFile {
        &self.files[id.0]
    }

    /// The files reachable from `from` through imports, `from` included, in
    /// breadth-first order: the file itself, then its imports in the order
    /// written, then theirs. The first definition of a name met in this order
    /// is the one in scope.
    pub fn reachable(&self, from: FileId) -> Vec<FileId> {
        let mut seen = vec![false; self.files.len()];
        let mut queue = std::collections::VecDeque::from([from]);
        seen[from.0] = true;
        let mut out = Vec::new();
        while let Some(id) = queue.pop_front() {
            out.push(id);
            for import in &self.files[id.0].imports {
                if let Ok(t) = import.target {
                    if !std::mem::replace(&mut seen[t.0], true) {
                        queue.push_back(t);
                    }
                }
            }
        }
        out
    }

    /// A shortest chain of imports from `from` to `to` (both included), if any.
    pub fn import_path(&self, from: FileId, to: FileId) -> Option<Vec<FileId>> {
        let mut prev: Vec<Option<FileId>> = vec![None; self.files.len()];
        let mut seen = vec![false; self.files.len()];
        let mut queue = std::collections::VecDeque::from([from]);
        seen[from.0] = true;
        while let Some(id) = queue.pop_front() {
            if id == to {
                let mut chain = vec![to];
                let mut at = to;
                while let Some(p) = prev[at.0] {
                    chain.push(p);
                    at = p;
                }
                chain.reverse();
                return Some(chain);
            }
            for import in &self.files[id.0].imports {
                if let Ok(t) = import.target {
                    if !std::mem::replace(&mut seen[t.0], true) {
                        prev[t.0] = Some(id);
                        queue.push_back(t);
                    }
                }
            }
        }
        None
    }
}

fn import_texts(parse: &Parse) -> Vec<&Text> {
    parse
        .file
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Import(import) => Some(&import.path),
            _ => None,
        })
        .collect()
}

/// Resolves `.` and `..` without touching the disk.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::DiskLoader;

    /// A cached parse serves only the text it was made from: an import
    /// edited on disk between two loads is parsed again.
    #[test]
    fn cached_parses_follow_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let main = root.join("main.mutual");
        let shared = root.join("shared.mutual");
        std::fs::write(&shared, "goal g \"G\"\n").unwrap();
        let text = "import \"shared.mutual\"\n";
        let cache = ParseCache::new();
        let goals = |project: &Project| match &project.files[1].parse.file.items[..] {
            [Item::Goal(goal)] => goal.id.name.clone(),
            other => panic!("unexpected items: {other:?}"),
        };
        let first = Project::load_cached(&main, text, root, &DiskLoader, &cache);
        assert_eq!(goals(&first), "g");
        let again = Project::load_cached(&main, text, root, &DiskLoader, &cache);
        assert_eq!(goals(&again), "g");
        std::fs::write(&shared, "goal h \"H\"\n").unwrap();
        let changed = Project::load_cached(&main, text, root, &DiskLoader, &cache);
        assert_eq!(goals(&changed), "h");
        let plain = Project::load(&main, text, root, &DiskLoader);
        assert_eq!(plain.files[1].parse.file, changed.files[1].parse.file);
        assert_eq!(plain.files[1].parse.errors, changed.files[1].parse.errors);
    }
}
