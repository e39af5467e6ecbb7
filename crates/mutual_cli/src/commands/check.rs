//! `mutual check`: find the files, check them in parallel, print in order.
//!
//! 1. **Inputs.** Each path argument is a folder (walked for `*.mutual`,
//!    honouring `.gitignore` even outside a git repository, and `.ignore`;
//!    hidden files skipped), a file (checked whatever its name), or `-`
//!    (standard input, named by `--stdin-filename`). No path means `.`, or
//!    `-` when `--stdin-filename` is given.
//! 2. **Configuration.** Per file, the first `mutual.toml` in its folder or
//!    above (`--config` for all files, `--no-config` for none), looked up
//!    once per folder and parsed once per file. Its folder is the project
//!    root for imports; without one, the root is the folder named on the
//!    command line (a file's own folder, the current folder for standard
//!    input). Its `exclude` globs (relative to its folder; a pattern
//!    without `/` matches at any depth) drop walked files, never files named
//!    on the command line. Its `unknown-rule` warnings are reported once.
//! 3. **Checking.** The sorted file list is checked with rayon in batches;
//!    each file is read once, checked and rendered by a worker, and only its
//!    rendered output comes back; the batch is then written in order. So
//!    the output is the same whatever the number of threads, and memory
//!    holds one batch of reports, never every file's text.
//! 4. **Exit code.** 0 nothing at or above `--fail-on`, 1 something, 2 the
//!    tool could not do its job (a missing or unreadable path, a file that
//!    is not UTF-8, a broken `mutual.toml`, a bad flag): one line on
//!    standard error each, the other files still checked, and no `--output`
//!    file written (an existing one is left as it was).

use std::collections::HashMap;
use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use mutual_check::config::Config;
use mutual_check::{rules, CachingDiskLoader, FileLoader, Options, Severity};
use mutual_report::{display_path, render_file, render_other, Format, ReportOptions, Reporter};
use rayon::prelude::*;

use crate::atomic_write::write_atomic;
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::commands::explain::unknown_rule;

/// The name standard input goes by without `--stdin-filename`.
const STDIN_NAME: &str = "<stdin>";

/// Files checked per batch: enough to keep every thread busy, few enough
/// that a batch's rendered output is small.
const BATCH: usize = 512;

pub fn run(args: CheckArgs) -> ExitCode {
    match Run::new(args) {
        Ok(run) => run.execute(),
        Err(message) => {
            eprintln!("mutual: {message}");
            ExitCode::from(2)
        }
    }
}

/// One file to check.
struct Job {
    path: PathBuf,
    /// The project root when no `mutual.toml` applies.
    fallback_root: PathBuf,
    /// The text of standard input.
    stdin: Option<String>,
    /// Index into [`Run::settings`].
    settings: usize,
}

/// What applies to the files under one `mutual.toml` (or under none).
struct Settings {
    options: Options,
    /// The project root: the `mutual.toml`'s folder.
    root: Option<PathBuf>,
    /// Its folder, canonical, for matching `exclude`.
    canonical_root: Option<PathBuf>,
    exclude: Option<GlobSet>,
}

struct Run {
    args: CheckArgs,
    report: ReportOptions,
    /// `[0]` is "no `mutual.toml`"; the others one per file found.
    settings: Vec<Settings>,
    /// Config file (canonical) → index in `settings`, or `None` if broken.
    by_config: HashMap<PathBuf, Option<usize>>,
    /// Folder → its `mutual.toml`, if any.
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
    /// `--config`: the index of its settings.
    fixed: Option<usize>,
    /// `unknown-rule` warnings of each `mutual.toml`, in the order found.
    config_diagnostics: Vec<mutual_report::Rendered>,
    /// Something went wrong that makes the exit code 2.
    broken: bool,
    /// Reads the files; remembers the canonical path of each folder, so
    /// that a file costs one `lstat` to resolve, not one call per folder
    /// of its path.
    loader: CachingDiskLoader,
}

impl Run {
    fn new(args: CheckArgs) -> Result<Run, String> {
        for name in args.select.iter().flatten().chain(&args.ignore) {
            if rules::find(name).is_none() {
                return Err(unknown_rule(name));
            }
        }
        let format = match args.format {
            CheckFormat::Human => Format::Human,
            CheckFormat::Short => Format::Short,
            CheckFormat::Json => Format::Json,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Github => Format::Github,
            CheckFormat::Gitlab => Format::Gitlab,
            CheckFormat::Junit => Format::Junit,
        };
        let mut report = ReportOptions::new(format);
        report.fail_on = match args.fail_on {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
        report.quiet = args.quiet;
        report.statistics = args.statistics;
        report.color = args.output.is_none()
            && io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        report.width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&w| w >= 40)
            .unwrap_or(100);
        let mut run = Run {
            args,
            report,
            settings: Vec::new(),
            by_config: HashMap::new(),
            by_folder: HashMap::new(),
            fixed: None,
            config_diagnostics: Vec::new(),
            broken: false,
            loader: CachingDiskLoader::new(),
        };
        let plain = run.settings_for(None);
        run.settings.push(plain);
        if let Some(path) = run.args.config.clone() {
            run.fixed = Some(run.load_config(&path)?);
        }
        Ok(run)
    }

    fn execute(mut self) -> ExitCode {
        let jobs = self.jobs();
        let mut buffer = Vec::new();
        // `--output` is written at the end, whole, and only if the run
        // could do its job; standard output is written as files are done.
        let result = if self.args.output.is_some() {
            self.check_all(jobs, &mut buffer)
        } else {
            self.check_all(jobs, io::BufWriter::new(io::stdout().lock()))
        };
        let counts = match result {
            Ok(counts) => counts,
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return ExitCode::from(2),
            Err(err) => {
                eprintln!("mutual: could not write the output: {err}");
                return ExitCode::from(2);
            }
        };
        if self.broken {
            if let Some(output) = &self.args.output {
                eprintln!(
                    "mutual: {} was not written, since not every file could be checked",
                    output.display()
                );
            }
            return ExitCode::from(2);
        }
        if let Some(output) = &self.args.output {
            if let Err(err) = write_atomic(output, &buffer) {
                eprintln!(
                    "mutual: could not write {}: {}",
                    output.display(),
                    describe(&err)
                );
                return ExitCode::from(2);
            }
        }
        let failing = self
            .report
            .fail_on
            .map_or(0, |level| counts.at_or_above(level));
        ExitCode::from(if failing > 0 { 1 } else { 0 })
    }

    /// Checks every job and writes the report; returns the counts.
    fn check_all<W: Write>(&mut self, jobs: Vec<Job>, out: W) -> io::Result<mutual_report::Counts> {
        let mut reporter = Reporter::new(self.report.clone(), out)?;
        for rendered in self.config_diagnostics.drain(..) {
            reporter.add(rendered)?;
        }
        for batch in jobs.chunks(BATCH) {
            let check = |job: &Job| {
                check_one(
                    job,
                    &self.settings[job.settings],
                    &self.report,
                    &self.loader,
                )
            };
            // One file (a pre-commit hook, an editor's save) is checked on
            // this thread: starting the thread pool would cost more.
            let results: Vec<Result<mutual_report::Rendered, String>> = if batch.len() == 1 {
                batch.iter().map(check).collect()
            } else {
                batch.par_iter().map(check).collect()
            };
            for result in results {
                match result {
                    Ok(rendered) => reporter.add(rendered)?,
                    Err(message) => {
                        eprintln!("mutual: {message}");
                        self.broken = true;
                    }
                }
            }
        }
        let counts = reporter.counts();
        let (mut out, to_stderr) = reporter.finish()?;
        out.flush()?;
        if let Some(text) = to_stderr {
            eprint!("{text}");
        }
        Ok(counts)
    }

    /// The files to check, sorted, each with its settings.
    fn jobs(&mut self) -> Vec<Job> {
        let mut paths = self.args.paths.clone();
        if paths.is_empty() {
            paths.push(PathBuf::from(if self.args.stdin_filename.is_some() {
                "-"
            } else {
                "."
            }));
        }
        let mut stdin_job = None;
        let mut found: Vec<(PathBuf, PathBuf, bool)> = Vec::new();
        for path in &paths {
            if path.as_os_str() == "-" {
                if stdin_job.is_none() {
                    stdin_job = self.stdin_job();
                }
                continue;
            }
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    for file in self.walk(path) {
                        found.push((file, path.clone(), false));
                    }
                }
                Ok(_) => found.push((path.clone(), folder_of(path), true)),
                Err(err) => {
                    eprintln!("mutual: {}: {}", display_path(path), describe(&err));
                    self.broken = true;
                }
            }
        }
        // Sorted by path; a file both named and found in a folder is taken
        // as named.
        // Each path's sort key is made once: comparing two paths splits
        // both into components, which was most of the time of sorting
        // 10,000 of them.
        let keys: Option<Vec<Vec<u8>>> = found.iter().map(|f| sort_key(&f.0)).collect();
        match keys {
            Some(keys) => {
                let mut order: Vec<usize> = (0..found.len()).collect();
                order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(found[b].2.cmp(&found[a].2)));
                order.dedup_by(|a, b| keys[*a] == keys[*b]);
                let mut slots: Vec<Option<(PathBuf, PathBuf, bool)>> =
                    found.into_iter().map(Some).collect();
                found = order.into_iter().filter_map(|i| slots[i].take()).collect();
            }
            None => {
                found.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)));
                found.dedup_by(|a, b| a.0 == b.0);
            }
        }
        let mut jobs: Vec<Job> = stdin_job.into_iter().collect();
        // Files come sorted, so folder by folder: the settings of the
        // previous file's folder are usually this one's.
        let mut last: Option<(PathBuf, Option<usize>)> = None;
        for (path, fallback_root, explicit) in found {
            let folder = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let settings = match &last {
                Some((known, settings)) if known.as_os_str() == folder.as_os_str() => *settings,
                _ => {
                    let settings = self.settings_of_folder(folder);
                    last = Some((folder.to_path_buf(), settings));
                    settings
                }
            };
            let Some(settings) = settings else {
                // Its mutual.toml is broken (already reported).
                continue;
            };
            if !explicit && self.excluded(&path, settings) {
                continue;
            }
            jobs.push(Job {
                path,
                fallback_root,
                stdin: None,
                settings,
            });
        }
        jobs
    }

    fn stdin_job(&mut self) -> Option<Job> {
        let mut bytes = Vec::new();
        if let Err(err) = io::stdin().read_to_end(&mut bytes) {
            eprintln!("mutual: standard input: {}", describe(&err));
            self.broken = true;
            return None;
        }
        let path = self
            .args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from(STDIN_NAME));
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!("mutual: {}: not UTF-8 text", display_path(&path));
            self.broken = true;
            return None;
        };
        let folder = match &self.args.stdin_filename {
            Some(name) => folder_of(name),
            None => PathBuf::from("."),
        };
        let settings = self.settings_of_folder(&folder)?;
        Some(Job {
            path,
            fallback_root: PathBuf::from("."),
            stdin: Some(text),
            settings,
        })
    }

    /// The `*.mutual` files under a folder (`jobs` sorts them, with the
    /// other inputs).
    fn walk(&mut self, folder: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in ignore::WalkBuilder::new(folder).require_git(false).build() {
            match entry {
                Ok(entry) => {
                    let is_file = entry.file_type().is_some_and(|t| t.is_file());
                    if is_file && entry.path().extension().is_some_and(|e| e == "mutual") {
                        files.push(entry.into_path());
                    }
                }
                Err(err) => {
                    eprintln!("mutual: {}", one_line(&err.to_string()));
                    self.broken = true;
                }
            }
        }
        files
    }

    /// The settings of files in `folder`; `None` when its `mutual.toml` is
    /// broken.
    fn settings_of_folder(&mut self, folder: &Path) -> Option<usize> {
        if self.args.no_config {
            return Some(0);
        }
        if let Some(fixed) = self.fixed {
            return Some(fixed);
        }
        let config = match self.by_folder.get(folder) {
            Some(found) => found.clone(),
            None => {
                let found = Config::discover(folder, &self.loader);
                self.by_folder.insert(folder.to_path_buf(), found.clone());
                found
            }
        };
        match config {
            None => Some(0),
            Some(path) => match self.load_config(&path) {
                Ok(index) => Some(index),
                Err(message) => {
                    if !message.is_empty() {
                        eprintln!("mutual: {message}");
                    }
                    self.broken = true;
                    None
                }
            },
        }
    }

    /// Loads a `mutual.toml` once and returns the index of its settings,
    /// or its one-line error (empty when it was already returned once).
    fn load_config(&mut self, path: &Path) -> Result<usize, String> {
        let key = self
            .loader
            .canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf());
        if let Some(known) = self.by_config.get(&key) {
            return known.ok_or_else(String::new);
        }
        let loaded = Config::load(path, &self.loader)
            .map_err(|err| one_line(&err.to_string()))
            .and_then(|config| {
                let exclude = exclude_globs(&config)?;
                Ok((config, exclude))
            });
        let index = match loaded {
            Ok((config, exclude)) => {
                let mut settings = self.settings_for(Some(&config));
                settings.exclude = exclude;
                let unknown: Vec<_> = config
                    .unknown_rules()
                    .into_iter()
                    .filter_map(|mut d| {
                        // --select and --ignore apply to these too.
                        d.severity = settings.options.level(d.rule)?;
                        Some(d)
                    })
                    .collect();
                if !unknown.is_empty() {
                    self.config_diagnostics.push(render_other(
                        &config.source,
                        &unknown,
                        &self.report,
                    ));
                }
                self.settings.push(settings);
                Ok(self.settings.len() - 1)
            }
            Err(message) => Err(message),
        };
        self.by_config.insert(key, index.as_ref().ok().copied());
        index
    }

    /// Options from a `mutual.toml` (if any), then the command line.
    fn settings_for(&self, config: Option<&Config>) -> Settings {
        let mut options = Options::default();
        if let Some(config) = config {
            config.apply(&mut options);
        }
        if let Some(today) = self.args.today {
            options.today = today;
        }
        options.select = self.args.select.clone();
        options.ignore = self.args.ignore.clone();
        Settings {
            options,
            root: config.map(|c| c.root.clone()),
            canonical_root: config.and_then(|c| self.loader.canonicalize(&c.root).ok()),
            exclude: None,
        }
    }

    /// Whether a walked file matches its `mutual.toml`'s `exclude`, itself
    /// or through one of its folders.
    fn excluded(&self, path: &Path, settings: usize) -> bool {
        let settings = &self.settings[settings];
        let (Some(globs), Some(root)) = (&settings.exclude, &settings.canonical_root) else {
            return false;
        };
        let Some(canonical) = canonical_file(path, &self.loader) else {
            return false;
        };
        let Ok(relative) = canonical.strip_prefix(root) else {
            return false;
        };
        relative
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .any(|p| globs.is_match(p))
    }
}

/// Checks one file and renders its report. A panic in the checker (a bug)
/// costs that file only.
fn check_one(
    job: &Job,
    settings: &Settings,
    report: &ReportOptions,
    loader: &CachingDiskLoader,
) -> Result<mutual_report::Rendered, String> {
    let name = display_path(&job.path);
    let text: Arc<str> = match &job.stdin {
        Some(text) => Arc::from(text.as_str()),
        None => {
            let bytes = fs::read(&job.path).map_err(|e| format!("{name}: {}", describe(&e)))?;
            let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
            Arc::from(text)
        }
    };
    let root = settings.root.as_ref().unwrap_or(&job.fallback_root);
    panic::catch_unwind(AssertUnwindSafe(|| {
        let checked = mutual_check::check_text(&job.path, text, root, loader, &settings.options);
        render_file(&checked, report)
    }))
    .map_err(|_| format!("{name}: internal error while checking this file (please report it)"))
}

/// The `exclude` globs of a `mutual.toml`, or the one-line error of a bad one.
fn exclude_globs(config: &Config) -> Result<Option<GlobSet>, String> {
    if config.exclude.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for pattern in &config.exclude {
        let mut p = pattern.trim_start_matches("./").trim_start_matches('/');
        p = p.trim_end_matches('/');
        let full = if p.contains('/') {
            p.to_string()
        } else {
            format!("**/{p}")
        };
        let glob = GlobBuilder::new(&full)
            .literal_separator(true)
            .build()
            .map_err(|err| {
                let line = config
                    .source
                    .text
                    .find(&format!("\"{pattern}\""))
                    .map(|at| config.source.line_col(at));
                let place = match line {
                    Some((line, column)) => {
                        format!("{}:{line}:{column}", display_path(&config.path))
                    }
                    None => display_path(&config.path),
                };
                let reason = match err.kind() {
                    globset::ErrorKind::UnclosedClass => "a `[` is not closed".to_string(),
                    globset::ErrorKind::UnclosedAlternates => "a `{` is not closed".to_string(),
                    _ => err.kind().to_string(),
                };
                one_line(&format!(
                    "{place}: `{pattern}` in `exclude` of [check] is not a valid glob: {reason}"
                ))
            })?;
        builder.add(glob);
    }
    builder.build().map(Some).map_err(|err| {
        format!(
            "{}: `exclude` of [check]: {err}",
            display_path(&config.path)
        )
    })
}

/// Bytes that sort and compare like the path (`Path`'s order: component by
/// component, `/` < `.` < `..` < names, a name before its extensions): each
/// component is a kind byte and its name, ended by a 0 byte, which no name
/// holds. `None` for a path with a Windows prefix (`C:`), whose order this
/// does not reproduce.
fn sort_key(path: &Path) -> Option<Vec<u8>> {
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        match component {
            Component::Prefix(_) => return None,
            Component::RootDir => key.push(1),
            Component::CurDir => key.push(2),
            Component::ParentDir => key.push(3),
            Component::Normal(name) => {
                key.push(4);
                key.extend_from_slice(name.as_encoded_bytes());
            }
        }
        key.push(0);
    }
    Some(key)
}

/// The folder of a file ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file's canonical path (its folder canonicalised, so a symbolic link
/// to a file is matched by its own name).
fn canonical_file(path: &Path, loader: &CachingDiskLoader) -> Option<PathBuf> {
    let folder = loader.canonicalize(&folder_of(path)).ok()?;
    Some(folder.join(path.file_name()?))
}

/// An I/O error in plain words.
fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "not UTF-8 text".into(),
        _ => one_line(&err.to_string()),
    }
}

/// Error messages are one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sort key orders and equates paths exactly as `Path` does.
    #[test]
    fn sort_keys_order_like_paths() {
        let paths = [
            "",
            "/",
            ".",
            "..",
            "a",
            "a/",
            "a/b",
            "a//b",
            "a/./b",
            "./a/b",
            "a/b/..",
            "a-b",
            "a.b",
            "a b",
            "a/b-c",
            "a/b/c",
            "ab",
            "/a",
            "/a/b",
            "../a",
            "é",
            "e",
            "Z",
            "a/..b",
            "batch000/agreement00001.mutual",
            "batch000/agreement0001.mutual",
            "batch0/x",
            "batch000.mutual",
        ];
        for a in paths {
            for b in paths {
                let (pa, pb) = (Path::new(a), Path::new(b));
                let (ka, kb) = (sort_key(pa).unwrap(), sort_key(pb).unwrap());
                assert_eq!(ka.cmp(&kb), pa.cmp(pb), "{a:?} vs {b:?}");
                assert_eq!(ka == kb, pa == pb, "{a:?} vs {b:?}");
            }
        }
    }
}
