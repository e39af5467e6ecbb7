//! How the checker reads files: through a [`FileLoader`], so that the CLI
//! reads the disk and the language server reads its open buffers first.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Reads files for the checker. The checker itself does no I/O.
pub trait FileLoader: Sync {
    /// The text of a file.
    fn read(&self, path: &Path) -> io::Result<String>;
    /// The absolute path with every symbolic link resolved.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;
}

/// Reads the disk.
#[derive(Clone, Copy, Debug, Default)]
pub struct DiskLoader;

impl FileLoader for DiskLoader {
    fn read(&self, path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// Reads the disk, like [`DiskLoader`], and remembers the canonical path of
/// every folder it resolves. One run of `mutual check` resolves the same
/// project root and the same few folders for thousands of files, and
/// `std::fs::canonicalize` costs a system call per component of the path.
///
/// A file that is not a symbolic link is resolved as its folder's canonical
/// path (from memory) and its name, which costs one `lstat`; a symbolic link
/// is resolved in full by the system, so the check that an import stays in
/// the project root sees where it really leads. Meant for one run over a
/// tree that does not change meanwhile (the CLI), not for a long-lived
/// process.
#[derive(Debug, Default)]
pub struct CachingDiskLoader {
    folders: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl CachingDiskLoader {
    pub fn new() -> Self {
        Self::default()
    }

    fn remembered(&self, path: &Path) -> Option<PathBuf> {
        self.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .cloned()
    }

    fn remember(&self, path: &Path, canonical: &Path) {
        self.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), canonical.to_path_buf());
    }
}

impl FileLoader for CachingDiskLoader {
    fn read(&self, path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if let Some(known) = self.remembered(path) {
            return Ok(known);
        }
        // Only a path ending in a plain name is split; `.`, `..` and `/`
        // (always folders) are resolved in full and remembered.
        let Some(Component::Normal(name)) = path.components().next_back() else {
            let canonical = std::fs::canonicalize(path)?;
            self.remember(path, &canonical);
            return Ok(canonical);
        };
        let meta = std::fs::symlink_metadata(path)?;
        if meta.file_type().is_symlink() {
            return std::fs::canonicalize(path);
        }
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let canonical = self.folder(folder)?.join(name);
        if meta.is_dir() {
            self.remember(path, &canonical);
        }
        Ok(canonical)
    }
}

impl CachingDiskLoader {
    /// The canonical path of a folder (symbolic link or not), remembered.
    fn folder(&self, path: &Path) -> io::Result<PathBuf> {
        if let Some(known) = self.remembered(path) {
            return Ok(known);
        }
        let canonical = self.canonicalize(path)?;
        self.remember(path, &canonical);
        Ok(canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caching loader resolves every path exactly as the system does,
    /// symbolic links to files and folders included, and fails where it
    /// fails.
    #[cfg(unix)]
    #[test]
    fn caching_loader_agrees_with_the_system() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::write(root.join("a/b/x.mutual"), "").unwrap();
        std::fs::write(root.join("a/y.mutual"), "").unwrap();
        std::fs::write(outside.path().join("z.mutual"), "").unwrap();
        symlink(root.join("a/b"), root.join("link-to-b")).unwrap();
        symlink(root.join("a/y.mutual"), root.join("a/b/link-to-y.mutual")).unwrap();
        symlink(outside.path(), root.join("a/out")).unwrap();
        symlink(outside.path().join("z.mutual"), root.join("a/z.mutual")).unwrap();
        let loader = CachingDiskLoader::new();
        let paths = [
            root.to_path_buf(),
            root.join("a"),
            root.join("a/b"),
            root.join("a/b/"),
            root.join("a/b/x.mutual"),
            root.join("a/./b/x.mutual"),
            root.join("a/b/../y.mutual"),
            root.join("a/b/link-to-y.mutual"),
            root.join("link-to-b/x.mutual"),
            root.join("link-to-b/../y.mutual"),
            root.join("a/out/z.mutual"),
            root.join("a/z.mutual"),
            root.join("a/missing.mutual"),
            root.join("a/missing/x.mutual"),
            root.join("a/y.mutual/x.mutual"),
            root.join("a/b/.."),
            PathBuf::from("/"),
            PathBuf::from("."),
            PathBuf::from("Cargo.toml"),
            PathBuf::from("src/../Cargo.toml"),
        ];
        // Twice: the second round is answered from memory.
        for _ in 0..2 {
            for path in &paths {
                let expected = std::fs::canonicalize(path).ok();
                assert_eq!(
                    loader.canonicalize(path).ok(),
                    expected,
                    "{}",
                    path.display()
                );
            }
        }
    }
}
