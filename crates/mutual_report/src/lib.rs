//! The output formats of `mutual check`.
//!
//! This is the only crate that knows miette and the JSON, SARIF, GitLab and
//! JUnit schemas; the checker's types stay plain. One module per format:
//!
//! | format | module | shape |
//! |---|---|---|
//! | `human` | [`human`] | miette's graphical report, then a summary |
//! | `short` | [`short`] | `path:line:col: level[rule] message`, one per line |
//! | `json` | [`json`] | our own stable schema (`docs/json-output.md`) |
//! | `sarif` | [`sarif`] | SARIF 2.1.0, columns in code points |
//! | `github` | [`github`] | GitHub Actions workflow commands, escaped |
//! | `gitlab` | [`gitlab`] | GitLab Code Quality JSON |
//! | `junit` | [`junit`] | JUnit XML |
//!
//! Output is produced in two steps so that files can be checked in parallel
//! while memory stays flat: [`render_file`] turns one file's
//! [`FileReport`] into a [`Rendered`] piece of output (pure, callable from
//! any thread, after which the report and its source text can be dropped),
//! and a [`Reporter`] writes the pieces, in the order it is given them,
//! between the format's header and footer. Only counts, per-rule statistics
//! and the verdicts of agreements that are not partnerships are kept until
//! the end (and, for JUnit, whose root element carries totals, the rendered
//! test suites).

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
mod text;

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use mutual_check::{Diagnostic, FileReport, Severity, SourceFile, Verdict};
use mutual_syntax::Span;
use serde::Serialize;

/// The name every format gives the tool.
pub const TOOL_NAME: &str = "mutual";
/// The tool's version, as shown in SARIF.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The tool's home page.
pub const TOOL_URI: &str = "https://github.com/mutual-lint/mutual";

/// An output format of `mutual check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Short,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Human,
        Format::Short,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Junit,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Short => "short",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Junit => "junit",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the format is a single document (JSON, SARIF, GitLab, JUnit)
    /// that nothing may be appended to: statistics then go into the document
    /// (JSON) or to standard error (the others).
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Format::Json | Format::Sarif | Format::Gitlab | Format::Junit
        )
    }
}

/// How to render.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub format: Format,
    /// Colour (human only). The caller decides: a terminal, no `NO_COLOR`.
    pub color: bool,
    /// The width the human format wraps at.
    pub width: usize,
    /// The least severe level that fails the run (`--fail-on`); `None` for
    /// `never`. JUnit marks test cases with such diagnostics as failed.
    pub fail_on: Option<Severity>,
    /// Only the diagnostics: no summary (human).
    pub quiet: bool,
    /// Counts per rule after the output (in JSON: under `statistics`).
    pub statistics: bool,
}

impl ReportOptions {
    pub fn new(format: Format) -> Self {
        ReportOptions {
            format,
            color: false,
            width: 100,
            fail_on: Some(Severity::Error),
            quiet: false,
            statistics: false,
        }
    }

    /// Whether a diagnostic of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        self.fail_on.is_some_and(|level| severity <= level)
    }
}

/// Diagnostics per level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub hint: usize,
}

impl Counts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
            Severity::Hint => self.hint += 1,
        }
    }

    pub fn merge(&mut self, other: Counts) {
        self.error += other.error;
        self.warning += other.warning;
        self.info += other.info;
        self.hint += other.hint;
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.info + self.hint
    }

    /// How many are at `level` or more serious.
    pub fn at_or_above(&self, level: Severity) -> usize {
        [
            (Severity::Error, self.error),
            (Severity::Warning, self.warning),
            (Severity::Info, self.info),
            (Severity::Hint, self.hint),
        ]
        .into_iter()
        .filter(|(s, _)| *s <= level)
        .map(|(_, n)| n)
        .sum()
    }
}

/// An agreement that is not a partnership, for the human summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictNote {
    pub path: String,
    pub title: String,
    pub verdict: Verdict,
}

/// One file's piece of the output, ready to be written.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// The format's items for this file (diagnostics, a file object, a
    /// result, a test suite), written in order with the format's separator.
    items: Vec<String>,
    /// A checked file (not a `mutual.toml` reporting unknown rules).
    checked: bool,
    counts: Counts,
    per_rule: BTreeMap<&'static str, usize>,
    verdicts: Vec<VerdictNote>,
    junit: junit::SuiteCounts,
}

impl Rendered {
    /// Diagnostics per level in this piece.
    pub fn counts(&self) -> Counts {
        self.counts
    }
}

/// Renders one checked file. Pure: call it from any thread.
pub fn render_file(report: &FileReport, options: &ReportOptions) -> Rendered {
    let mut rendered = render(report, options);
    rendered.checked = true;
    if options.format != Format::Human || options.quiet {
        // Only the human summary names them.
        return rendered;
    }
    rendered.verdicts = report
        .agreements
        .iter()
        .filter(|a| a.verdict != Verdict::Partnership)
        .map(|a| VerdictNote {
            path: display_path(&report.source.path),
            title: a.title.clone(),
            verdict: a.verdict,
        })
        .collect();
    rendered
}

/// Renders diagnostics about a file that is not itself checked: a
/// `mutual.toml` naming rules that do not exist. It does not count as a
/// checked file.
pub fn render_other(
    source: &Arc<SourceFile>,
    diagnostics: &[Diagnostic],
    options: &ReportOptions,
) -> Rendered {
    let report = FileReport {
        source: Arc::clone(source),
        diagnostics: diagnostics.to_vec(),
        agreements: Vec::new(),
    };
    render(&report, options)
}

fn render(report: &FileReport, options: &ReportOptions) -> Rendered {
    let diagnostics = &report.diagnostics;
    let mut counts = Counts::default();
    let mut per_rule = BTreeMap::new();
    for d in diagnostics {
        counts.add(d.severity);
        *per_rule.entry(d.rule.name).or_insert(0) += 1;
    }
    let mut junit = junit::SuiteCounts::default();
    let items = match options.format {
        Format::Human => human::render(diagnostics, options),
        Format::Short => diagnostics.iter().map(short::line_nl).collect(),
        Format::Json => vec![json::render_file(report, options)],
        Format::Sarif => sarif::render_results(diagnostics),
        Format::Github => diagnostics.iter().map(github::line).collect(),
        Format::Gitlab => gitlab::render(&report.source, diagnostics),
        Format::Junit => {
            let (suite, suite_counts) = junit::render_suite(report, options);
            junit = suite_counts;
            vec![suite]
        }
    };
    Rendered {
        items,
        checked: false,
        counts,
        per_rule,
        verdicts: Vec::new(),
        junit,
    }
}

/// Writes rendered files between the format's header and footer.
pub struct Reporter<W: Write> {
    options: ReportOptions,
    out: W,
    items: usize,
    files: usize,
    counts: Counts,
    per_rule: BTreeMap<&'static str, usize>,
    verdicts: Vec<VerdictNote>,
    /// JUnit's root element carries the totals: its suites wait here.
    junit: Option<(String, junit::SuiteCounts)>,
}

impl<W: Write> Reporter<W> {
    /// Starts the output (writes the format's header).
    pub fn new(options: ReportOptions, mut out: W) -> io::Result<Self> {
        match options.format {
            Format::Json => out.write_all(json::header().as_bytes())?,
            Format::Sarif => out.write_all(sarif::header().as_bytes())?,
            Format::Gitlab => out.write_all(b"[")?,
            _ => {}
        }
        let junit = (options.format == Format::Junit).then(Default::default);
        Ok(Reporter {
            options,
            out,
            items: 0,
            files: 0,
            counts: Counts::default(),
            per_rule: BTreeMap::new(),
            verdicts: Vec::new(),
            junit,
        })
    }

    /// Writes one file's piece.
    pub fn add(&mut self, rendered: Rendered) -> io::Result<()> {
        if rendered.checked {
            self.files += 1;
        }
        self.counts.merge(rendered.counts);
        for (rule, n) in rendered.per_rule {
            *self.per_rule.entry(rule).or_insert(0) += n;
        }
        self.verdicts.extend(rendered.verdicts);
        if let Some((suites, totals)) = &mut self.junit {
            for item in &rendered.items {
                suites.push_str(item);
            }
            totals.merge(rendered.junit);
            return Ok(());
        }
        let separator = match self.options.format {
            Format::Json => "\n    ",
            Format::Sarif => "\n        ",
            Format::Gitlab => "\n  ",
            _ => "",
        };
        for item in &rendered.items {
            if !separator.is_empty() {
                if self.items > 0 {
                    self.out.write_all(b",")?;
                }
                self.out.write_all(separator.as_bytes())?;
            }
            self.out.write_all(item.as_bytes())?;
            self.items += 1;
        }
        Ok(())
    }

    /// Diagnostics per level so far.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Files checked so far.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Diagnostics per rule so far, by rule name.
    pub fn statistics(&self) -> Vec<(&'static str, usize)> {
        let mut stats: Vec<_> = self.per_rule.iter().map(|(r, n)| (*r, *n)).collect();
        stats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        stats
    }

    /// Ends the output (writes the format's footer, the summary and the
    /// statistics where the format has room for them) and returns the
    /// writer. For the document formats other than JSON, the statistics
    /// asked for are returned as text for standard error.
    pub fn finish(mut self) -> io::Result<(W, Option<String>)> {
        let stats = self.statistics();
        let closed = if self.items > 0 { "\n" } else { "" };
        let mut to_stderr = None;
        match self.options.format {
            Format::Json => {
                let summary = json::Summary::new(self.files, self.counts);
                let statistics = self.options.statistics.then_some(stats.as_slice());
                let footer = json::footer(closed, &summary, statistics);
                self.out.write_all(footer.as_bytes())?;
            }
            Format::Sarif => {
                self.out.write_all(closed.as_bytes())?;
                self.out.write_all(sarif::FOOTER.as_bytes())?;
            }
            Format::Gitlab => {
                self.out.write_all(closed.as_bytes())?;
                self.out.write_all(b"]\n")?;
            }
            Format::Junit => {
                if let Some((suites, totals)) = &self.junit {
                    self.out
                        .write_all(junit::document(suites, *totals).as_bytes())?;
                }
            }
            Format::Human => {
                if !self.options.quiet {
                    let summary = human::summary(self.files, self.counts, &self.verdicts);
                    self.out.write_all(summary.as_bytes())?;
                }
            }
            Format::Short | Format::Github => {}
        }
        if self.options.statistics && self.options.format != Format::Json {
            let text = statistics_text(&stats);
            if self.options.format.is_document() {
                to_stderr = Some(text);
            } else {
                self.out.write_all(text.as_bytes())?;
            }
        }
        self.out.flush()?;
        Ok((self.out, to_stderr))
    }
}

/// `--statistics` as text: one line per rule, most frequent first.
pub fn statistics_text(stats: &[(&'static str, usize)]) -> String {
    let width = stats
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::from("Diagnostics per rule:\n");
    if stats.is_empty() {
        out.push_str("  none\n");
    }
    for (rule, n) in stats {
        out.push_str(&format!("  {n:>width$}  {rule}\n"));
    }
    out
}

/// A path as shown in every output: as given, without a leading `./`, with
/// forward slashes.
pub fn display_path(path: &Path) -> String {
    let mut p = path;
    while let Ok(rest) = p.strip_prefix(".") {
        if rest.as_os_str().is_empty() {
            break;
        }
        p = rest;
    }
    let s = p.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

/// A span's start and end as 1-based lines and columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Range {
    pub fn of(source: &SourceFile, span: Span) -> Range {
        let (line, column) = source.line_col(span.start as usize);
        let (end_line, end_column) = source.line_col(span.end.max(span.start) as usize);
        Range {
            line,
            column,
            end_line,
            end_column,
        }
    }
}
