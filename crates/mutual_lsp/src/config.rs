//! `mutual.toml`, through the checker's own discovery and parsing, so that
//! the editor and the CLI read the same settings.

use std::path::{Path, PathBuf};

use mutual_check::config::Config;
use mutual_check::{FileLoader, Options};

/// The `mutual.toml` that applies to files of `dir`: the first found walking up.
pub fn discover(dir: &Path, loader: &dyn FileLoader) -> Option<PathBuf> {
    Config::discover(dir, loader)
}

/// The options a `mutual.toml` sets on top of `base`, and the project root
/// (its folder). A broken file is an error message naming the file.
pub fn load(
    path: &Path,
    loader: &dyn FileLoader,
    base: &Options,
) -> Result<(Options, PathBuf), String> {
    let config = Config::load(path, loader).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut options = base.clone();
    config.apply(&mut options);
    Ok((options, config.root.clone()))
}
