//! How the checker reads files: through a [`FileLoader`], so that the CLI
//! reads the disk and the language server reads its open buffers first.

use std::io;
use std::path::{Path, PathBuf};

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
