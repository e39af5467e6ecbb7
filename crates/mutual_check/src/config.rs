//! `mutual.toml`: discovery and parsing into [`crate::Options`].
//!
//! ```toml
//! [rules]
//! missing-review = "error"     # error | warning | info | hint | off
//! nonfree-license = "off"
//!
//! [check]
//! today = "2026-11-23"         # fix the date for reproducible CI
//! expires-soon-days = 60
//! exclude = ["drafts/**"]
//!
//! [vocabulary]
//! party-kinds = ["cooperative"]
//! resource-kinds = ["licences"]
//! ```
//!
//! The file is found by walking up from the checked file's folder
//! ([`Config::discover`]); the folder holding it is the project root that
//! imports may not leave.
//!
//! Decisions where the specification is silent:
//!
//! - A rule name under `[rules]` that names no rule is not an error: it is
//!   reported as an `unknown-rule` warning pointing at the key
//!   ([`Config::unknown_rules`]), like a misspelt `allow`. Its value must
//!   still be a valid level.
//! - `today` may be written as a string (`"2026-11-23"`) or as a TOML date
//!   (`2026-11-23`).
//! - The kinds added under `[vocabulary]` must be single words that could be
//!   written after `kind`, `invests` or `gains` in an agreement.
//! - Every other key, a value of the wrong type, and `syntax-error` set to
//!   anything but `"error"` are errors ([`ConfigError`]) naming the key and
//!   its line.

use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use mutual_syntax::suggest::closest;
use mutual_syntax::Span;

use crate::date::CalendarDate;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::loader::FileLoader;
use crate::options::Options;
use crate::source::SourceFile;

/// The name of the configuration file.
pub const FILE_NAME: &str = "mutual.toml";

/// The sections of `mutual.toml`.
const SECTIONS: &[&str] = &["rules", "check", "vocabulary"];
/// The keys of `[check]`.
const CHECK_KEYS: &[&str] = &["today", "expires-soon-days", "exclude"];
/// The keys of `[vocabulary]`.
const VOCABULARY_KEYS: &[&str] = &["party-kinds", "resource-kinds"];
/// The levels a rule can be given.
const LEVELS: &str = "error, warning, info, hint or off";

/// A parsed `mutual.toml`.
#[derive(Clone, Debug)]
pub struct Config {
    /// The file, as given or found.
    pub path: PathBuf,
    /// The folder holding the file: the project root.
    pub root: PathBuf,
    /// The file's text, for diagnostics that point into it.
    pub source: Arc<SourceFile>,
    /// `[rules]`, in the order written.
    pub rules: Vec<RuleSetting>,
    /// `[check] today`.
    pub today: Option<CalendarDate>,
    /// `[check] expires-soon-days`.
    pub expires_soon_days: Option<u32>,
    /// `[check] exclude`: globs of files and folders not to check.
    pub exclude: Vec<String>,
    /// `[vocabulary] party-kinds`.
    pub party_kinds: Vec<String>,
    /// `[vocabulary] resource-kinds`.
    pub resource_kinds: Vec<String>,
}

/// One line of `[rules]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSetting {
    /// The rule name as written (it may name no rule).
    pub name: String,
    /// The level; `None` is `off`.
    pub level: Option<Severity>,
    /// The key in `mutual.toml` (quotes included if it is quoted).
    pub span: Span,
}

/// A `mutual.toml` that cannot be used: unreadable, not TOML, an unknown
/// key or a bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; 0 when the file could not be read at all.
    pub line: u32,
    /// 1-based, in characters; 0 when the file could not be read at all.
    pub column: u32,
    /// The key at fault, if one is.
    pub key: Option<String>,
    /// One line, in plain words.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses the text of a `mutual.toml` found at `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let source = SourceFile::new(path, text);
        // A byte-order mark is not TOML: parse after it, and shift spans.
        let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let parser = Parser {
            path,
            source: &source,
            bom,
        };
        let body = text.get(bom..).unwrap_or("");
        let root = match parse_tree(body) {
            Ok(node) => node,
            Err((at, message)) => {
                let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
                return Err(parser.error_at(at + bom, None, message));
            }
        };
        let mut config = Config {
            path: path.to_path_buf(),
            root: folder_of(path),
            source: Arc::clone(&source),
            rules: Vec::new(),
            today: None,
            expires_soon_days: None,
            exclude: Vec::new(),
            party_kinds: Vec::new(),
            resource_kinds: Vec::new(),
        };
        let Node::Table(sections) = root else {
            return Err(parser.error_at(0, None, "this is not a TOML table".into()));
        };
        for (key, value) in &sections {
            match key.name.as_str() {
                "rules" => parser.rules(key, value, &mut config)?,
                "check" => parser.check(key, value, &mut config)?,
                "vocabulary" => parser.vocabulary(key, value, &mut config)?,
                other => {
                    let hint = match closest(other, SECTIONS.iter().copied()) {
                        Some(s) => format!(" (did you mean [{s}]?)"),
                        None => ": the sections are [rules], [check] and [vocabulary]".into(),
                    };
                    return Err(parser.error(key, format!("unknown key `{other}`{hint}")));
                }
            }
        }
        Ok(config)
    }

    /// Reads and parses a `mutual.toml`.
    pub fn load(path: &Path, loader: &dyn FileLoader) -> Result<Config, ConfigError> {
        let text = loader.read(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            key: None,
            message: format!("could not read the file: {e}"),
        })?;
        Config::parse(path, &text)
    }

    /// The `mutual.toml` that applies to files of `start_dir`: the first one
    /// found in that folder or the folders above it.
    pub fn discover(start_dir: &Path, loader: &dyn FileLoader) -> Option<PathBuf> {
        let exists = |p: &Path| loader.canonicalize(p).is_ok() || loader.read(p).is_ok();
        // Walk the path as given first, so that a relative folder gives a
        // relative path; `..` cannot be walked up by taking components off.
        let lexical = !start_dir
            .components()
            .any(|c| matches!(c, Component::ParentDir));
        if lexical {
            for dir in start_dir.ancestors() {
                let candidate = dir.join(FILE_NAME);
                if exists(&candidate) {
                    return Some(candidate);
                }
            }
            if start_dir.is_absolute() {
                return None;
            }
        }
        let here = if start_dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            start_dir
        };
        let absolute = loader.canonicalize(here).ok()?;
        absolute
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| exists(candidate))
    }

    /// Sets the options this file fixes: rule levels (of rules that exist),
    /// today, expires-soon-days and the extra vocabulary. The command line
    /// is applied afterwards, so it wins.
    pub fn apply(&self, options: &mut Options) {
        for setting in &self.rules {
            if crate::rules::find(&setting.name).is_some() {
                options.levels.insert(setting.name.clone(), setting.level);
            }
        }
        if let Some(today) = self.today {
            options.today = today;
        }
        if let Some(days) = self.expires_soon_days {
            options.expires_soon_days = days;
        }
        for kind in &self.party_kinds {
            if !options.extra_party_kinds.contains(kind) {
                options.extra_party_kinds.push(kind.clone());
            }
        }
        for kind in &self.resource_kinds {
            if !options.extra_resource_kinds.contains(kind) {
                options.extra_resource_kinds.push(kind.clone());
            }
        }
    }

    /// `unknown-rule` warnings for the `[rules]` keys that name no rule,
    /// pointing at the key, with a "did you mean" fix where a rule has a
    /// close name. Levelled as `[rules] unknown-rule` says; none when it is
    /// `off`.
    pub fn unknown_rules(&self) -> Vec<Diagnostic> {
        let Some(rule) = crate::rules::find("unknown-rule") else {
            return Vec::new();
        };
        let level = self
            .rules
            .iter()
            .rev()
            .find(|s| s.name == rule.name)
            .map_or(Some(rule.default_severity), |s| s.level);
        let Some(severity) = level else {
            return Vec::new();
        };
        let names: Vec<&str> = crate::rules::ALL.iter().map(|r| r.name).collect();
        let mut out = Vec::new();
        for setting in &self.rules {
            if crate::rules::find(&setting.name).is_some() {
                continue;
            }
            let suggestion = closest(&setting.name, names.iter().copied());
            let message = match suggestion {
                Some(s) => format!(
                    "`{}` in [rules] is not a rule, so this setting does nothing: did you mean `{s}`?",
                    setting.name
                ),
                None => format!(
                    "`{}` in [rules] is not a rule, so this setting does nothing (`mutual rules` lists every rule)",
                    setting.name
                ),
            };
            let mut d = Diagnostic::new(rule, &self.source, setting.span, message);
            d.severity = severity;
            if let Some(s) = suggestion {
                d = d.with_fix(Fix::replace(
                    format!("Change to `{s}`"),
                    self.unquoted(setting.span),
                    s,
                ));
            }
            out.push(d);
        }
        out
    }

    /// The span inside the quotes of a quoted key.
    fn unquoted(&self, span: Span) -> Span {
        let text = self.source.text.get(span.range()).unwrap_or("");
        let quoted = text.len() >= 2
            && ((text.starts_with('"') && text.ends_with('"'))
                || (text.starts_with('\'') && text.ends_with('\'')));
        if quoted {
            Span {
                start: span.start + 1,
                end: span.end - 1,
            }
        } else {
            span
        }
    }
}

/// The folder holding a file (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Turns the parsed tree into settings, with errors that point into the file.
struct Parser<'a> {
    path: &'a Path,
    source: &'a SourceFile,
    /// Bytes of a byte-order mark skipped before parsing: spans from the
    /// TOML parser are shifted by it.
    bom: usize,
}

impl Parser<'_> {
    fn error_at(&self, offset: usize, key: Option<&str>, message: String) -> ConfigError {
        let offset = offset.min(self.source.text.len());
        let (line, column) = self.source.line_col(offset);
        ConfigError {
            path: self.path.to_path_buf(),
            line,
            column,
            key: key.map(str::to_string),
            message,
        }
    }

    fn error(&self, key: &Key, message: String) -> ConfigError {
        self.error_at(self.span(key).start as usize, Some(&key.name), message)
    }

    /// Where a key is written in the file.
    fn span(&self, key: &Key) -> Span {
        key.span.as_ref().map_or(Span::empty(0), |s| {
            Span::new(s.start + self.bom, s.end + self.bom)
        })
    }

    /// The entries of a section, which must be a table.
    fn section<'n>(&self, key: &Key, value: &'n Node) -> Result<&'n [(Key, Node)], ConfigError> {
        match value {
            Node::Table(entries) => Ok(entries),
            _ => Err(self.error(
                key,
                format!(
                    "`{}` must be a section: write it as [{}]",
                    key.name, key.name
                ),
            )),
        }
    }

    fn rules(&self, section: &Key, value: &Node, config: &mut Config) -> Result<(), ConfigError> {
        for (key, value) in self.section(section, value)? {
            let word = match value {
                Node::Str(s) => Some(s.as_str()),
                _ => None,
            };
            let level = match word {
                Some("off") => None,
                Some(w) => match Severity::parse(w) {
                    Some(s) => Some(s),
                    None => {
                        return Err(self.error(
                            key,
                            format!("`{}` in [rules] must be {LEVELS}, not `{w}`", key.name),
                        ))
                    }
                },
                None => {
                    return Err(self.error(
                        key,
                        format!(
                            "`{}` in [rules] must be one of the words {LEVELS}, in quotes",
                            key.name
                        ),
                    ))
                }
            };
            if key.name == "syntax-error" && level != Some(Severity::Error) {
                return Err(self.error(
                    key,
                    "`syntax-error` in [rules] can only be \"error\": a file that cannot be read cannot be checked, so this rule cannot be re-levelled or switched off".into(),
                ));
            }
            config.rules.push(RuleSetting {
                name: key.name.clone(),
                level,
                span: self.span(key),
            });
        }
        Ok(())
    }

    fn check(&self, section: &Key, value: &Node, config: &mut Config) -> Result<(), ConfigError> {
        for (key, value) in self.section(section, value)? {
            match key.name.as_str() {
                "today" => {
                    let date = match value {
                        Node::Str(s) | Node::Date(s) => CalendarDate::parse(s),
                        _ => None,
                    };
                    match date {
                        Some(d) => config.today = Some(d),
                        None => {
                            return Err(self.error(
                                key,
                                "`today` in [check] must be a date that exists, written YYYY-MM-DD, like \"2026-11-23\"".into(),
                            ))
                        }
                    }
                }
                "expires-soon-days" => match value {
                    Node::Int(n) => match u32::try_from(*n) {
                        Ok(days) => config.expires_soon_days = Some(days),
                        Err(_) => {
                            return Err(self.error(
                                key,
                                format!("`expires-soon-days` in [check] must be a whole number of days, 0 or more, not {n}"),
                            ))
                        }
                    },
                    _ => {
                        return Err(self.error(
                            key,
                            "`expires-soon-days` in [check] must be a whole number of days, 0 or more, like 60".into(),
                        ))
                    }
                },
                "exclude" => {
                    config.exclude = self.strings(key, "check", value, "[\"drafts/**\"]")?;
                }
                other => {
                    return Err(self.unknown(key, other, "check", CHECK_KEYS));
                }
            }
        }
        Ok(())
    }

    fn vocabulary(
        &self,
        section: &Key,
        value: &Node,
        config: &mut Config,
    ) -> Result<(), ConfigError> {
        for (key, value) in self.section(section, value)? {
            let (target, example) = match key.name.as_str() {
                "party-kinds" => (&mut config.party_kinds, "[\"cooperative\"]"),
                "resource-kinds" => (&mut config.resource_kinds, "[\"licences\"]"),
                other => {
                    return Err(self.unknown(key, other, "vocabulary", VOCABULARY_KEYS));
                }
            };
            let kinds = self.strings(key, "vocabulary", value, example)?;
            if let Some(bad) = kinds.iter().find(|k| !is_kind_word(k)) {
                return Err(self.error(
                    key,
                    format!(
                        "`{bad}` in [vocabulary] {} is not a single word that can follow `kind`, `invests` or `gains`: use letters, digits, `-` and `_`, like `user-group`",
                        key.name
                    ),
                ));
            }
            *target = kinds;
        }
        Ok(())
    }

    /// A list of strings.
    fn strings(
        &self,
        key: &Key,
        section: &str,
        value: &Node,
        example: &str,
    ) -> Result<Vec<String>, ConfigError> {
        let list = match value {
            Node::Array(items) => items
                .iter()
                .map(|item| match item {
                    Node::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect::<Option<Vec<String>>>(),
            _ => None,
        };
        list.ok_or_else(|| {
            self.error(
                key,
                format!(
                    "`{}` in [{section}] must be a list of strings, like {example}",
                    key.name
                ),
            )
        })
    }

    fn unknown(&self, key: &Key, name: &str, section: &str, known: &[&str]) -> ConfigError {
        let hint = match closest(name, known.iter().copied()) {
            Some(s) => format!(" (did you mean `{s}`?)"),
            None => format!(
                ": the keys of [{section}] are {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.error(key, format!("unknown key `{name}` in [{section}]{hint}"))
    }
}

/// Whether a word added to the vocabulary can be written in an agreement:
/// an identifier that is not a keyword.
fn is_kind_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first.is_alphabetic() || first == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && !mutual_syntax::is_keyword(word)
}

// ---------------------------------------------------------------------------
// A TOML tree that keeps the span of every key, read from `toml_edit`'s
// parsed document (which keeps the spans of what it parsed).

/// A key and where it is written.
#[derive(Clone, Debug)]
struct Key {
    name: String,
    span: Option<Range<usize>>,
}

#[derive(Clone, Debug)]
enum Node {
    Str(String),
    Int(i64),
    /// A float or a boolean: no setting takes one.
    Other,
    /// A TOML date or date-time, as written.
    Date(String),
    Array(Vec<Node>),
    Table(Vec<(Key, Node)>),
}

/// Parses a TOML text into a tree of [`Node`]s, keeping the span of every
/// key. An error carries the byte offset where the text stops being TOML.
fn parse_tree(text: &str) -> Result<Node, (usize, String)> {
    let document = toml_edit::ImDocument::parse(text)
        .map_err(|e| (e.span().map_or(0, |s| s.start), e.message().to_string()))?;
    Ok(table_node(document.as_table()))
}

fn key(key: &toml_edit::Key) -> Key {
    Key {
        name: key.get().to_string(),
        span: key.span(),
    }
}

fn table_node(table: &dyn toml_edit::TableLike) -> Node {
    Node::Table(
        table
            .iter()
            .filter_map(|(name, _)| table.get_key_value(name))
            .map(|(k, item)| (key(k), item_node(item)))
            .collect(),
    )
}

fn item_node(item: &toml_edit::Item) -> Node {
    match item {
        toml_edit::Item::None => Node::Other,
        toml_edit::Item::Value(value) => value_node(value),
        toml_edit::Item::Table(table) => table_node(table),
        toml_edit::Item::ArrayOfTables(tables) => {
            Node::Array(tables.iter().map(|table| table_node(table)).collect())
        }
    }
}

fn value_node(value: &toml_edit::Value) -> Node {
    match value {
        toml_edit::Value::String(s) => Node::Str(s.value().clone()),
        toml_edit::Value::Integer(n) => Node::Int(*n.value()),
        toml_edit::Value::Float(_) | toml_edit::Value::Boolean(_) => Node::Other,
        toml_edit::Value::Datetime(d) => Node::Date(d.value().to_string()),
        toml_edit::Value::Array(items) => Node::Array(items.iter().map(value_node).collect()),
        toml_edit::Value::InlineTable(table) => table_node(table),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::DiskLoader;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("mutual.toml"), text)
    }

    /// The error of a broken file, as `line: message`, and its key.
    fn error(text: &str) -> (String, Option<String>) {
        match parse(text) {
            Ok(_) => panic!("expected an error for:\n{text}"),
            Err(e) => (format!("{}:{}: {}", e.line, e.column, e.message), e.key),
        }
    }

    #[test]
    fn the_documented_example_parses() {
        let text = r#"[rules]
missing-review = "error"     # error | warning | info | hint | off
nonfree-license = "off"

[check]
today = "2026-11-23"         # fix the date for reproducible CI
expires-soon-days = 60
exclude = ["drafts/**"]

[vocabulary]
party-kinds = ["cooperative"]
resource-kinds = ["licences"]
"#;
        let config = parse(text).unwrap();
        assert_eq!(
            config.rules,
            vec![
                RuleSetting {
                    name: "missing-review".into(),
                    level: Some(Severity::Error),
                    span: Span::new(8, 22),
                },
                RuleSetting {
                    name: "nonfree-license".into(),
                    level: None,
                    span: Span::new(75, 90),
                },
            ]
        );
        assert_eq!(&text[8..22], "missing-review");
        assert_eq!(&text[75..90], "nonfree-license");
        assert_eq!(config.today, CalendarDate::new(2026, 11, 23));
        assert_eq!(config.expires_soon_days, Some(60));
        assert_eq!(config.exclude, vec!["drafts/**".to_string()]);
        assert_eq!(config.party_kinds, vec!["cooperative".to_string()]);
        assert_eq!(config.resource_kinds, vec!["licences".to_string()]);
        assert_eq!(config.root, PathBuf::from("."));
        assert_eq!(config.path, PathBuf::from("mutual.toml"));
    }

    #[test]
    fn an_empty_file_sets_nothing() {
        let config = parse("# nothing yet\n").unwrap();
        assert!(config.rules.is_empty());
        assert_eq!(config.today, None);
        assert_eq!(config.expires_soon_days, None);
        let mut options = Options::default();
        let before = options.clone();
        config.apply(&mut options);
        assert_eq!(options.today, before.today);
        assert_eq!(options.expires_soon_days, 60);
        assert!(options.levels.is_empty());
    }

    #[test]
    fn every_level_and_off() {
        let config = parse(
            "[rules]\nmissing-term = \"error\"\nmissing-exit = \"warning\"\nmissing-review = \"info\"\nexpired = \"hint\"\nexpires-soon = \"off\"\nsyntax-error = \"error\"\n",
        )
        .unwrap();
        let levels: Vec<(&str, Option<Severity>)> = config
            .rules
            .iter()
            .map(|s| (s.name.as_str(), s.level))
            .collect();
        assert_eq!(
            levels,
            vec![
                ("missing-term", Some(Severity::Error)),
                ("missing-exit", Some(Severity::Warning)),
                ("missing-review", Some(Severity::Info)),
                ("expired", Some(Severity::Hint)),
                ("expires-soon", None),
                ("syntax-error", Some(Severity::Error)),
            ]
        );
        let mut options = Options::default();
        config.apply(&mut options);
        let rule = |name| crate::rules::find(name).unwrap();
        assert_eq!(options.level(rule("missing-term")), Some(Severity::Error));
        assert_eq!(options.level(rule("missing-exit")), Some(Severity::Warning));
        assert_eq!(options.level(rule("missing-review")), Some(Severity::Info));
        assert_eq!(options.level(rule("expired")), Some(Severity::Hint));
        assert_eq!(options.level(rule("expires-soon")), None);
        assert_eq!(options.level(rule("syntax-error")), Some(Severity::Error));
    }

    #[test]
    fn settings_for_rules_that_do_not_exist_are_kept_but_not_applied() {
        let config = parse("[rules]\nmissing-reveiw = \"off\"\n").unwrap();
        assert_eq!(config.rules.len(), 1);
        let mut options = Options::default();
        config.apply(&mut options);
        assert!(options.levels.is_empty());
    }

    #[test]
    fn the_other_ways_to_write_tables_and_keys() {
        let config = parse(
            "rules = { \"missing-review\" = \"off\" }\ncheck.today = 2026-01-31\ncheck.expires-soon-days = 0\n",
        )
        .unwrap();
        assert_eq!(config.rules[0].name, "missing-review");
        assert_eq!(config.rules[0].span, Span::new(10, 26));
        assert_eq!(config.today, CalendarDate::new(2026, 1, 31));
        assert_eq!(config.expires_soon_days, Some(0));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_spans_stay_right() {
        let text = "\u{FEFF}[rules]\nexpired = \"off\"\n";
        let config = parse(text).unwrap();
        assert_eq!(&text[config.rules[0].span.range()], "expired");
        let (at, _) = error("\u{FEFF}[check]\ncolour = 1\n");
        assert!(at.starts_with("2:1: "), "{at}");
    }

    #[test]
    fn crlf_files_parse() {
        let config = parse("[check]\r\ntoday = \"2026-02-28\"\r\n").unwrap();
        assert_eq!(config.today, CalendarDate::new(2026, 2, 28));
        let (at, _) = error("[check]\r\n\r\ncolour = 1\r\n");
        assert!(at.starts_with("3:1: "), "{at}");
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        assert_eq!(
            error("[check]\ntoday = \"2026-11-23\"\ncolour = \"red\"\n"),
            (
                "3:1: unknown key `colour` in [check]: the keys of [check] are `today`, `expires-soon-days`, `exclude`".into(),
                Some("colour".into())
            )
        );
        assert_eq!(
            error("[check]\ntodya = \"2026-11-23\"\n"),
            (
                "2:1: unknown key `todya` in [check] (did you mean `today`?)".into(),
                Some("todya".into())
            )
        );
        assert_eq!(
            error("[vocabulary]\nparty-kind = [\"cooperative\"]\n"),
            (
                "2:1: unknown key `party-kind` in [vocabulary] (did you mean `party-kinds`?)"
                    .into(),
                Some("party-kind".into())
            )
        );
        assert_eq!(
            error("# settings\n\n[rule]\nexpired = \"off\"\n"),
            (
                "3:2: unknown key `rule` (did you mean [rules]?)".into(),
                Some("rule".into())
            )
        );
        assert_eq!(
            error("colour = \"red\"\n"),
            (
                "1:1: unknown key `colour`: the sections are [rules], [check] and [vocabulary]"
                    .into(),
                Some("colour".into())
            )
        );
    }

    #[test]
    fn bad_levels_are_errors() {
        assert_eq!(
            error("[rules]\nexpired = \"warning\"\nmissing-review = \"loud\"\n"),
            (
                "3:1: `missing-review` in [rules] must be error, warning, info, hint or off, not `loud`".into(),
                Some("missing-review".into())
            )
        );
        assert_eq!(
            error("[rules]\nmissing-review = false\n"),
            (
                "2:1: `missing-review` in [rules] must be one of the words error, warning, info, hint or off, in quotes".into(),
                Some("missing-review".into())
            )
        );
        // Case matters, as everywhere in Mutual.
        assert!(error("[rules]\nexpired = \"Error\"\n")
            .0
            .starts_with("2:1: "));
    }

    #[test]
    fn syntax_error_can_only_be_an_error() {
        for value in ["\"off\"", "\"warning\"", "\"hint\""] {
            let (at, key) = error(&format!("[rules]\nsyntax-error = {value}\n"));
            assert!(
                at.starts_with("2:1: `syntax-error` in [rules] can only be \"error\""),
                "{at}"
            );
            assert_eq!(key.as_deref(), Some("syntax-error"));
        }
    }

    #[test]
    fn bad_dates_are_errors() {
        let message = "`today` in [check] must be a date that exists, written YYYY-MM-DD, like \"2026-11-23\"";
        for value in [
            "\"2026-02-30\"",
            "\"23/11/2026\"",
            "\"2026-1-5\"",
            "20261123",
            "2026-11-23T10:00:00",
            "\"\"",
        ] {
            assert_eq!(
                error(&format!("[check]\n\ntoday = {value}\n")),
                (format!("3:1: {message}"), Some("today".into())),
                "{value}"
            );
        }
    }

    #[test]
    fn bad_expires_soon_days_are_errors() {
        assert_eq!(
            error("[check]\nexpires-soon-days = -5\n"),
            (
                "2:1: `expires-soon-days` in [check] must be a whole number of days, 0 or more, not -5".into(),
                Some("expires-soon-days".into())
            )
        );
        for value in ["2.5", "\"60\"", "true", "[60]", "99999999999"] {
            let (at, key) = error(&format!("[check]\nexpires-soon-days = {value}\n"));
            assert!(
                at.starts_with(
                    "2:1: `expires-soon-days` in [check] must be a whole number of days, 0 or more"
                ),
                "{value}: {at}"
            );
            assert_eq!(key.as_deref(), Some("expires-soon-days"));
        }
    }

    #[test]
    fn exclude_must_be_a_list_of_strings() {
        for value in ["\"drafts/**\"", "[1, 2]", "[\"a\", 2]", "{ a = 1 }"] {
            assert_eq!(
                error(&format!("[check]\nexclude = {value}\n")),
                (
                    "2:1: `exclude` in [check] must be a list of strings, like [\"drafts/**\"]"
                        .into(),
                    Some("exclude".into())
                ),
                "{value}"
            );
        }
        assert!(parse("[check]\nexclude = []\n").unwrap().exclude.is_empty());
    }

    #[test]
    fn vocabulary_must_be_lists_of_words() {
        assert_eq!(
            error("[vocabulary]\nresource-kinds = \"licences\"\n"),
            (
                "2:1: `resource-kinds` in [vocabulary] must be a list of strings, like [\"licences\"]".into(),
                Some("resource-kinds".into())
            )
        );
        assert_eq!(
            error("[vocabulary]\nparty-kinds = [\"co op\"]\n"),
            (
                "2:1: `co op` in [vocabulary] party-kinds is not a single word that can follow `kind`, `invests` or `gains`: use letters, digits, `-` and `_`, like `user-group`".into(),
                Some("party-kinds".into())
            )
        );
        assert!(error("[vocabulary]\nparty-kinds = [\"\"]\n")
            .0
            .starts_with("2:1: "));
        assert!(error("[vocabulary]\nresource-kinds = [\"to\"]\n")
            .0
            .starts_with("2:1: "));
        let config =
            parse("[vocabulary]\nparty-kinds = [\"coopérative\", \"user_group2\"]\n").unwrap();
        assert_eq!(config.party_kinds.len(), 2);
    }

    #[test]
    fn sections_must_be_tables() {
        assert_eq!(
            error("rules = \"off\"\n"),
            (
                "1:1: `rules` must be a section: write it as [rules]".into(),
                Some("rules".into())
            )
        );
    }

    #[test]
    fn toml_errors_have_a_line() {
        let e = parse("[check]\ntoday = \"2026-11-23\ncolour\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.key, None);
        assert!(!e.message.contains('\n'));
        let e = parse("[rules]\nexpired = \"off\"\nexpired = \"info\"\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.message.contains("duplicate"), "{e}");
    }

    #[test]
    fn the_error_reads_as_one_line() {
        let e = Config::parse(Path::new("mutual.toml"), "[check]\n\ncolour = 1\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "mutual.toml:3:1: unknown key `colour` in [check]: the keys of [check] are `today`, `expires-soon-days`, `exclude`"
        );
        let e = Config::load(Path::new("/no/such/folder/mutual.toml"), &DiskLoader).unwrap_err();
        assert_eq!(e.line, 0);
        assert!(
            e.to_string()
                .starts_with("/no/such/folder/mutual.toml: could not read the file: "),
            "{e}"
        );
    }

    #[test]
    fn apply_sets_options_and_the_command_line_wins() {
        let config = parse(
            "[rules]\nexpired = \"error\"\n[check]\ntoday = \"2026-01-01\"\nexpires-soon-days = 10\n[vocabulary]\nparty-kinds = [\"cooperative\"]\nresource-kinds = [\"licences\", \"licences\"]\n",
        )
        .unwrap();
        let mut options = Options::default();
        options
            .levels
            .insert("expired".into(), Some(Severity::Info));
        config.apply(&mut options);
        assert_eq!(options.today, CalendarDate::new(2026, 1, 1).unwrap());
        assert_eq!(options.expires_soon_days, 10);
        assert_eq!(options.levels.get("expired"), Some(&Some(Severity::Error)));
        assert_eq!(options.extra_party_kinds, vec!["cooperative".to_string()]);
        assert_eq!(options.extra_resource_kinds, vec!["licences".to_string()]);
        // The command line comes after: `--today` and `--ignore` win.
        options.today = CalendarDate::new(2026, 11, 23).unwrap();
        options.ignore.push("expired".into());
        assert_eq!(options.today.to_string(), "2026-11-23");
        assert_eq!(options.level(crate::rules::find("expired").unwrap()), None);
        // Applying twice adds no kind twice.
        config.apply(&mut options);
        assert_eq!(options.extra_party_kinds.len(), 1);
    }

    #[test]
    fn discovery_walks_up_from_a_nested_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let nested = root.join("agreements/2026/drafts");
        std::fs::create_dir_all(&nested).unwrap();
        // Nothing inside the temporary folder yet (one above it may exist).
        assert!(Config::discover(&nested, &DiskLoader).is_none_or(|p| !p.starts_with(root)));
        std::fs::write(root.join(FILE_NAME), "[check]\nexpires-soon-days = 5\n").unwrap();
        let found = Config::discover(&nested, &DiskLoader).unwrap();
        assert_eq!(found, root.join(FILE_NAME));
        // The first one walking up wins.
        let inner = root.join("agreements").join(FILE_NAME);
        std::fs::write(&inner, "").unwrap();
        assert_eq!(Config::discover(&nested, &DiskLoader), Some(inner.clone()));
        assert_eq!(
            Config::discover(&root.join("agreements"), &DiskLoader),
            Some(inner)
        );
        let config = Config::load(&found, &DiskLoader).unwrap();
        assert_eq!(config.root, root);
        assert_eq!(config.expires_soon_days, Some(5));
    }

    #[test]
    fn discovery_from_a_path_with_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join("c")).unwrap();
        std::fs::write(root.join("c").join(FILE_NAME), "").unwrap();
        // `a/b/../../c` is `c`, not `a`.
        let found = Config::discover(&root.join("a/b/../../c"), &DiskLoader).unwrap();
        assert_eq!(
            std::fs::canonicalize(found).unwrap(),
            std::fs::canonicalize(root.join("c").join(FILE_NAME)).unwrap()
        );
    }

    /// Files in memory, with a working folder for relative paths.
    struct Memory {
        cwd: &'static str,
        files: Vec<&'static str>,
    }

    impl FileLoader for Memory {
        fn read(&self, path: &Path) -> std::io::Result<String> {
            let path = self.canonicalize(path)?;
            if self.files.iter().any(|f| Path::new(f) == path) {
                Ok(String::new())
            } else {
                Err(std::io::ErrorKind::NotFound.into())
            }
        }

        fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
            let mut out = PathBuf::new();
            for c in Path::new(self.cwd).join(path).components() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    c => out.push(c),
                }
            }
            let is_file = self.files.iter().any(|f| Path::new(f) == out);
            let is_dir = self.files.iter().any(|f| Path::new(f).starts_with(&out));
            if is_file || is_dir || out.file_name() != Some(FILE_NAME.as_ref()) {
                Ok(out)
            } else {
                Err(std::io::ErrorKind::NotFound.into())
            }
        }
    }

    #[test]
    fn discovery_from_relative_folders() {
        let here = Memory {
            cwd: "/p/a",
            files: vec!["/p/a/mutual.toml"],
        };
        assert_eq!(
            Config::discover(Path::new("b/c"), &here),
            Some(PathBuf::from("mutual.toml"))
        );
        assert_eq!(
            Config::discover(Path::new(""), &here),
            Some(PathBuf::from("mutual.toml"))
        );
        let above = Memory {
            cwd: "/p/a",
            files: vec!["/p/mutual.toml"],
        };
        assert_eq!(
            Config::discover(Path::new("b"), &above),
            Some(PathBuf::from("/p/mutual.toml"))
        );
        assert_eq!(
            Config::discover(Path::new("../a/b"), &above),
            Some(PathBuf::from("/p/mutual.toml"))
        );
        let none = Memory {
            cwd: "/p/a",
            files: vec!["/q/mutual.toml"],
        };
        assert_eq!(Config::discover(Path::new("b"), &none), None);
    }

    #[test]
    fn unknown_rules_point_at_the_key() {
        let text = "[rules]\nexpired = \"off\"\n\"missing-reveiw\" = \"error\"\nno-such-thing-at-all = \"off\"\n";
        let config = parse(text).unwrap();
        let found = config.unknown_rules();
        if crate::rules::find("unknown-rule").is_none() {
            assert!(found.is_empty());
            return;
        }
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.range()], "\"missing-reveiw\"");
        assert!(
            found[0].message.contains("did you mean `missing-review`?"),
            "{}",
            found[0].message
        );
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(&text[fix.edits[0].span.range()], "missing-reveiw");
        assert_eq!(fix.edits[0].replacement, "missing-review");
        assert_eq!(&text[found[1].span.range()], "no-such-thing-at-all");
        assert!(found[1].fix.is_none());
        assert!(Arc::ptr_eq(&found[0].source, &config.source));
        // Switched off in the same file: nothing.
        let off = parse("[rules]\nunknown-rule = \"off\"\nmissing-reveiw = \"error\"\n").unwrap();
        assert!(off.unknown_rules().is_empty());
    }

    #[test]
    fn every_key_keeps_its_span_including_dates_and_inline_tables() {
        let text = "[check]\ntoday = 2026-11-23\n[vocabulary]\nparty-kinds = [\"co-op\"]\n";
        let Ok(Node::Table(sections)) = parse_tree(text) else {
            panic!("not a table");
        };
        let spans: Vec<&str> = sections
            .iter()
            .flat_map(|(_, node)| match node {
                Node::Table(entries) => entries.clone(),
                _ => Vec::new(),
            })
            .map(|(k, _)| &text[k.span.clone().expect("a span")])
            .collect();
        assert_eq!(spans, ["today", "party-kinds"]);
        let Node::Table(check) = &sections[0].1 else {
            panic!("[check] is not a table");
        };
        assert!(matches!(&check[0].1, Node::Date(d) if d == "2026-11-23"));
        // A key inside an inline table has its own span.
        let Ok(Node::Table(top)) = parse_tree("rules = { missing-term = \"off\" }\n") else {
            panic!("not a table");
        };
        let Node::Table(inner) = &top[0].1 else {
            panic!("not an inline table");
        };
        assert_eq!(inner[0].0.span, Some(10..22));
    }
}
