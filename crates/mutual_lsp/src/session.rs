//! The server's state: open documents, settings per file, and the
//! [`Snapshot`] that read handlers get.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lsp_types::Uri;
use mutual_check::{FileLoader, Options, ParseCache, Project};
use mutual_syntax::{Encoding, LineIndex};

use crate::convert;

/// What kind of file a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// An agreement file.
    Mutual,
    /// A `mutual.toml`.
    Config,
    /// Anything else the client opened with us (ignored).
    Other,
}

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub uri: Uri,
    pub text: Arc<str>,
    pub version: i32,
    pub line_index: Arc<LineIndex>,
    /// The canonical path, for `file:` URIs only.
    pub path: Option<PathBuf>,
    pub kind: DocKind,
}

impl Document {
    pub fn new(uri: Uri, text: impl Into<Arc<str>>, version: i32, language: &str) -> Document {
        let text = text.into();
        let path = convert::uri_to_path(&uri).map(|p| convert::canonical(&p));
        let kind = classify(&uri, path.as_deref(), language);
        Document {
            line_index: Arc::new(LineIndex::new(&text)),
            uri,
            text,
            version,
            path,
            kind,
        }
    }

    /// The same document with another text, and that text's line index.
    pub fn with_text(&self, text: String, line_index: Arc<LineIndex>, version: i32) -> Document {
        Document {
            uri: self.uri.clone(),
            line_index,
            text: text.into(),
            version,
            path: self.path.clone(),
            kind: self.kind,
        }
    }
}

fn classify(uri: &Uri, path: Option<&Path>, language: &str) -> DocKind {
    let name = path
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .unwrap_or_else(|| uri.as_str().rsplit('/').next().unwrap_or("").to_string());
    if name == "mutual.toml" {
        DocKind::Config
    } else if name.ends_with(".mutual") || language == "mutual" || language.is_empty() {
        DocKind::Mutual
    } else if path.is_none() && language != "toml" {
        // An untitled buffer the client says is ours.
        DocKind::Mutual
    } else {
        DocKind::Other
    }
}

/// Whether a path or URI names a `mutual.toml`.
pub fn is_config_uri(uri: &Uri) -> bool {
    uri.as_str().ends_with("/mutual.toml") || uri.as_str() == "mutual.toml"
}

/// The settings that apply to one file.
#[derive(Clone, Debug)]
pub struct Settings {
    pub options: Options,
    /// The project root: the folder of `mutual.toml`, else the workspace
    /// folder holding the file, else the file's folder. `None` for untitled
    /// buffers.
    pub root: Option<PathBuf>,
}

/// `mutual.toml` files already read, by path, and which one applies to each
/// folder. Cleared whenever a `mutual.toml` changes.
#[derive(Debug, Default)]
pub struct ConfigCache {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Result<(Options, PathBuf), String>>,
    /// Config errors already reported, so each is told once.
    pub reported: Vec<String>,
}

impl ConfigCache {
    pub fn clear(&mut self) {
        self.by_dir.clear();
        self.loaded.clear();
        self.reported.clear();
    }
}

/// Everything a read handler may look at: cheap to clone (every field is an
/// `Arc` or small), so handlers could move to a thread pool.
#[derive(Clone)]
pub struct Snapshot {
    pub docs: Arc<HashMap<Uri, Arc<Document>>>,
    /// Texts of open `file:` documents by canonical path.
    pub overlay: Arc<HashMap<PathBuf, Arc<str>>>,
    pub encoding: Encoding,
    pub workspace_folders: Arc<Vec<PathBuf>>,
    pub configs: Arc<Mutex<ConfigCache>>,
    pub client: Arc<ClientSupport>,
    /// The options used when no `mutual.toml` applies (the date is fixed by
    /// tests through this).
    pub base_options: Arc<Options>,
    /// Parses of imported files, reused while their text is the same, so
    /// that a keystroke parses the edited document only.
    pub parses: Arc<ParseCache>,
}

/// What the client said it supports, as far as we care.
#[derive(Clone, Debug, Default)]
pub struct ClientSupport {
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub related_information: bool,
    pub watch_files_dynamic: bool,
    pub hierarchical_symbols: bool,
}

impl Snapshot {
    /// The document, or an error for the client.
    pub fn open_doc(&self, uri: &Uri) -> Result<Arc<Document>, crate::HandlerError> {
        if let Some(doc) = self.docs.get(uri) {
            return Ok(Arc::clone(doc));
        }
        // Not open: read it from disk when it is a file.
        if let Some(path) = convert::uri_to_path(uri) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Ok(Arc::new(Document::new(uri.clone(), text, 0, "mutual")));
            }
        }
        Err(crate::HandlerError::invalid_params(format!(
            "the document {} is not open",
            uri.as_str()
        )))
    }

    /// The loader for files of the project: open buffers first, then disk.
    pub fn loader(&self) -> OverlayLoader<'_> {
        OverlayLoader {
            overlay: &self.overlay,
        }
    }

    /// The settings of a file (`None` path: an untitled buffer).
    pub fn settings(&self, path: Option<&Path>) -> Settings {
        let Some(path) = path else {
            return Settings {
                options: (*self.base_options).clone(),
                root: None,
            };
        };
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let loader = self.loader();
        let mut cache = match self.configs.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        let config = cache
            .by_dir
            .entry(dir.clone())
            .or_insert_with(|| crate::config::discover(&dir, &loader))
            .clone();
        let workspace_root = || {
            self.workspace_folders
                .iter()
                .filter(|f| path.starts_with(f))
                .max_by_key(|f| f.as_os_str().len())
                .cloned()
                .unwrap_or_else(|| dir.clone())
        };
        let Some(config_path) = config else {
            return Settings {
                options: (*self.base_options).clone(),
                root: Some(workspace_root()),
            };
        };
        let loaded = cache
            .loaded
            .entry(config_path.clone())
            .or_insert_with(|| crate::config::load(&config_path, &loader, &self.base_options))
            .clone();
        match loaded {
            Ok((options, root)) => Settings {
                options,
                root: Some(root),
            },
            Err(message) => {
                if !cache.reported.contains(&message) {
                    crate::log(&message);
                    cache.reported.push(message);
                }
                let root = config_path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(workspace_root);
                Settings {
                    options: (*self.base_options).clone(),
                    root: Some(root),
                }
            }
        }
    }

    /// Loads a document and its imports.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let settings = self.settings(doc.path.as_deref());
        let project = match (&doc.path, &settings.root) {
            (Some(path), Some(root)) => Project::load_cached(
                path,
                Arc::clone(&doc.text),
                root,
                &self.loader(),
                &self.parses,
            ),
            _ => Project::load(
                Path::new(doc.uri.as_str()),
                Arc::clone(&doc.text),
                Path::new(""),
                &NoFiles,
            ),
        };
        Analysis {
            project,
            options: settings.options,
            doc_uri: doc.uri.clone(),
            doc_path: doc.path.clone(),
        }
    }

    /// Loads a file of the workspace that may not be open.
    pub fn analyze_path(&self, path: &Path) -> Option<Analysis> {
        let path = convert::canonical(path);
        let uri = convert::path_to_uri(&path)?;
        if let Some(doc) = self.docs.get(&uri) {
            return Some(self.analyze(doc));
        }
        let text = self.loader().read(&path).ok()?;
        let doc = Document::new(uri, text, 0, "mutual");
        Some(self.analyze(&doc))
    }

    /// The URI of a file of a project: the open document's own URI for the
    /// checked file, else a `file:` URI of its path.
    pub fn uri_of(&self, analysis: &Analysis, file: mutual_check::FileId) -> Option<Uri> {
        if file.0 == 0 {
            return Some(analysis.doc_uri.clone());
        }
        let source = &analysis.project.file(file).source;
        convert::path_to_uri(&convert::canonical(&source.path))
    }

    /// Every `*.mutual` file under the workspace folders (bounded).
    pub fn workspace_files(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for folder in self.workspace_folders.iter() {
            walk(folder, &mut out, 0);
        }
        out.sort();
        out.dedup();
        out
    }
}

const MAX_WORKSPACE_FILES: usize = 5000;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 20 || out.len() >= MAX_WORKSPACE_FILES {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, out, depth + 1);
        } else if name.ends_with(".mutual") && out.len() < MAX_WORKSPACE_FILES {
            out.push(convert::canonical(&path));
        }
    }
}

/// A document loaded with its imports, and the options that apply to it.
pub struct Analysis {
    pub project: Project,
    pub options: Options,
    pub doc_uri: Uri,
    pub doc_path: Option<PathBuf>,
}

impl Analysis {
    pub fn model(&self) -> mutual_check::Model<'_> {
        mutual_check::Model::build(&self.project)
    }

    pub fn report(&self) -> mutual_check::FileReport {
        mutual_check::check_model(&self.model(), &self.options)
    }

    pub fn source(&self) -> &Arc<mutual_check::SourceFile> {
        &self.project.file(mutual_check::FileId(0)).source
    }

    /// What identifies a file of the project across analyses: its canonical
    /// path, or the URI of an untitled buffer.
    pub fn file_key(&self, file: mutual_check::FileId) -> String {
        if file.0 == 0 {
            return match &self.doc_path {
                Some(p) => p.to_string_lossy().into_owned(),
                None => self.doc_uri.as_str().to_string(),
            };
        }
        convert::canonical(&self.project.file(file).source.path)
            .to_string_lossy()
            .into_owned()
    }
}

/// Open buffers first, then the disk.
pub struct OverlayLoader<'a> {
    overlay: &'a HashMap<PathBuf, Arc<str>>,
}

impl FileLoader for OverlayLoader<'_> {
    fn read(&self, path: &Path) -> io::Result<String> {
        let key = convert::canonical(path);
        match self.overlay.get(&key).or_else(|| self.overlay.get(path)) {
            Some(text) => Ok(text.to_string()),
            None => std::fs::read_to_string(path),
        }
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        match std::fs::canonicalize(path) {
            Ok(p) => Ok(p),
            Err(err) => {
                // An unsaved buffer that is not on disk yet.
                let normal = convert::normalize(path);
                if self.overlay.contains_key(&normal) {
                    Ok(normal)
                } else {
                    Err(err)
                }
            }
        }
    }
}

/// The loader of untitled buffers: they have no folder, so no imports.
struct NoFiles;

impl FileLoader for NoFiles {
    fn read(&self, _path: &Path) -> io::Result<String> {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            "an unsaved buffer cannot import files",
        ))
    }

    fn canonicalize(&self, _path: &Path) -> io::Result<PathBuf> {
        Err(io::Error::new(
            io::ErrorKind::NotFound,
            "an unsaved buffer cannot import files",
        ))
    }
}
