//! The editor packages of `editors/`, checked with the real tools:
//!
//! - VS Code: the manifest; `extension.js` activated with stand-ins for the
//!   VS Code API (`editors/vscode/test/activate.js`); the TextMate grammar
//!   run by `vscode-textmate` and `vscode-oniguruma`, the libraries VS Code
//!   itself tokenizes with (`editors/vscode/test/tokenize.js`), over every
//!   example and over edge cases.
//! - Neovim: headless Neovim loads `editors/neovim/mutual.lua` as a user
//!   would, opens examples and reports the file type, the syntax groups and
//!   the language-server client (`editors/neovim/test/check.lua`).
//! - Helix: `languages.toml` parses and names the server.
//! - Emacs: `mutual-mode.el` is balanced and registers the server with
//!   eglot; byte-compiled and tried only where `emacs` is installed (CI does
//!   not install it).
//!
//! The grammar tests need the npm packages `vscode-textmate` and
//! `vscode-oniguruma` in `$MUTUAL_NODE_MODULES` (default
//! `$MUTUAL_CI_TOOLS/node/node_modules`, and `~/.cache/mutual-ci` for
//! `$MUTUAL_CI_TOOLS`: where `.ci/run` installs them).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;

use serde_json::Value;
use support::{binary, require_client, root, which};

fn vscode_dir() -> PathBuf {
    root().join("editors/vscode")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The folder holding `vscode-textmate` and `vscode-oniguruma`, or `None`
/// (skipped loudly; a failure under `CI=true`).
fn node_modules() -> Option<PathBuf> {
    let dir = std::env::var_os("MUTUAL_NODE_MODULES")
        .map(PathBuf::from)
        .or_else(|| {
            let tools = std::env::var_os("MUTUAL_CI_TOOLS")
                .map(PathBuf::from)
                .or_else(|| {
                    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/mutual-ci"))
                })?;
            Some(tools.join("node/node_modules"))
        })
        .unwrap_or_else(|| PathBuf::from("~/.cache/mutual-ci/node/node_modules"));
    let missing: Vec<&str> = ["vscode-textmate", "vscode-oniguruma"]
        .into_iter()
        .filter(|m| !dir.join(m).join("package.json").is_file())
        .collect();
    if missing.is_empty() {
        return Some(dir);
    }
    let msg = format!(
        "the npm packages {missing:?} are not in {} (set MUTUAL_NODE_MODULES, or run \
         `npm install --prefix ~/.cache/mutual-ci/node vscode-textmate vscode-oniguruma`; \
         CI installs them via .ci/run)",
        dir.display()
    );
    if under_ci() {
        panic!("{msg}");
    }
    eprintln!("\n!!!! SKIPPED: {msg}\n");
    None
}

/// Runs a Node script and parses the JSON it prints.
fn node_json(args: &[&std::ffi::OsStr]) -> Value {
    let out = Command::new("node")
        .args(args)
        .current_dir(root())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "node {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

// ---------------------------------------------------------------------------
// VS Code: the manifest and the extension

#[test]
fn vscode_manifest_declares_the_language_grammar_and_settings() {
    let dir = vscode_dir();
    let package = read_json(&dir.join("package.json"));
    assert_eq!(package["name"], "mutual");
    assert_eq!(package["publisher"], "mutual-lint");
    let engine = package["engines"]["vscode"]
        .as_str()
        .expect("engines.vscode");
    assert!(engine.starts_with('^'), "{engine}");
    assert!(package["version"].is_string());
    let main = package["main"].as_str().expect("main");
    assert!(dir.join(main).is_file(), "{main}");
    assert!(
        package["dependencies"]["vscode-languageclient"].is_string(),
        "the extension needs vscode-languageclient"
    );
    let events = package["activationEvents"]
        .as_array()
        .expect("activationEvents");
    assert!(
        events.contains(&Value::from("onLanguage:mutual")),
        "{events:?}"
    );

    let contributes = &package["contributes"];
    let languages = contributes["languages"].as_array().expect("languages");
    let language = languages
        .iter()
        .find(|l| l["id"] == "mutual")
        .expect("the language `mutual`");
    assert_eq!(language["extensions"], serde_json::json!([".mutual"]));
    let configuration = language["configuration"]
        .as_str()
        .expect("a configuration file");
    let configuration = read_json(&dir.join(configuration));
    assert_eq!(configuration["comments"]["lineComment"], "#");
    assert_eq!(configuration["brackets"], serde_json::json!([["{", "}"]]));
    let pairs = configuration["autoClosingPairs"].as_array().expect("pairs");
    for open in ["{", "\""] {
        assert!(pairs.iter().any(|p| p["open"] == open), "{open} {pairs:?}");
    }
    assert!(configuration["indentationRules"]["increaseIndentPattern"].is_string());
    assert!(configuration["indentationRules"]["decreaseIndentPattern"].is_string());

    let grammars = contributes["grammars"].as_array().expect("grammars");
    let grammar = grammars
        .iter()
        .find(|g| g["language"] == "mutual")
        .expect("a grammar for `mutual`");
    assert_eq!(grammar["scopeName"], "source.mutual");
    let path = grammar["path"].as_str().expect("grammar path");
    let tm = read_json(&dir.join(path));
    assert_eq!(tm["scopeName"], "source.mutual");

    let properties = &contributes["configuration"]["properties"];
    assert_eq!(properties["mutual.path"]["type"], "string");
    assert_eq!(properties["mutual.path"]["default"], "mutual");
    assert_eq!(
        properties["mutual.trace.server"]["enum"],
        serde_json::json!(["off", "messages", "verbose"])
    );
    assert_eq!(properties["mutual.trace.server"]["default"], "off");
    // The server path is a program to run: a workspace it does not trust
    // may not choose it.
    assert_eq!(
        package["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"],
        serde_json::json!(["mutual.path"])
    );
    let commands = contributes["commands"].as_array().expect("commands");
    assert!(commands
        .iter()
        .any(|c| c["command"] == "mutual.restartServer"));
}

#[test]
fn vscode_extension_starts_mutual_lsp() {
    if !require_client("node") {
        return;
    }
    let script = vscode_dir().join("test/activate.js");
    let result = node_json(&[script.as_os_str()]);
    assert_eq!(
        result["commands"],
        serde_json::json!(["mutual.restartServer"])
    );
    let clients = result["clients"].as_array().expect("clients");
    // Activation, the change of `mutual.path`, the restart command, and the
    // change to a program that does not exist.
    assert_eq!(clients.len(), 4, "{result:#}");
    for client in clients {
        assert_eq!(
            client["id"], "mutual",
            "the id behind `mutual.trace.server`"
        );
        assert_eq!(client["watcher"], "**/{mutual.toml,*.mutual}");
        assert_eq!(
            client["documentSelector"],
            serde_json::json!([
                { "scheme": "file", "language": "mutual" },
                { "scheme": "untitled", "language": "mutual" }
            ])
        );
        assert_eq!(
            client["stopped"], true,
            "every client is stopped: {client:#}"
        );
        // No `transport`: the client would add `--stdio`.
        assert_eq!(client["serverOptions"]["run"]["transport"], Value::Null);
        assert_eq!(
            client["serverOptions"]["run"]["args"],
            serde_json::json!(["lsp"])
        );
    }
    let command = |i: usize| clients[i]["serverOptions"]["run"]["command"].clone();
    assert_eq!(command(0), "mutual");
    assert_eq!(command(1), "/work/space/target/release/mutual");
    assert_eq!(command(2), "/work/space/target/release/mutual");
    assert_eq!(command(3), "no-such-program");
    assert_eq!(clients[0]["started"], true);
    assert_eq!(clients[3]["started"], false);
    let errors = result["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = errors[0].as_str().unwrap();
    assert!(
        error.contains("no-such-program lsp") && error.contains("mutual.path"),
        "{error}"
    );

    // The regular expressions of language-configuration.json, in JavaScript.
    let config = &result["languageConfiguration"];
    assert_eq!(
        config["words"],
        serde_json::json!([
            "channel",
            "wmil",
            "library-2",
            "every",
            "1",
            "month",
            "wind-down",
            "2026-09-01"
        ])
    );
    assert_eq!(
        config["increase"],
        serde_json::json!([true, true, true, false, false])
    );
    assert_eq!(config["decrease"], serde_json::json!([true, true, false]));
}

// ---------------------------------------------------------------------------
// VS Code: the TextMate grammar

#[derive(Debug)]
struct Token {
    text: String,
    scopes: Vec<String>,
}

#[derive(Debug)]
struct Line {
    text: String,
    tokens: Vec<Token>,
    depth: u64,
}

impl Token {
    fn has(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }
    fn has_prefix(&self, prefix: &str) -> bool {
        self.scopes.iter().any(|s| s.starts_with(prefix))
    }
}

impl Line {
    /// The token whose text is `text`, the `nth` such (0-based).
    fn token(&self, text: &str, nth: usize) -> &Token {
        self.tokens
            .iter()
            .filter(|t| t.text == text)
            .nth(nth)
            .unwrap_or_else(|| {
                panic!(
                    "no token {text:?} (#{nth}) in {:?}: {:#?}",
                    self.text, self.tokens
                )
            })
    }
}

/// Tokenizes `files` with the extension's grammar.
fn tokenize(modules: &Path, files: &[PathBuf]) -> BTreeMap<PathBuf, Vec<Line>> {
    let script = vscode_dir().join("test/tokenize.js");
    let mut args: Vec<&std::ffi::OsStr> = vec![script.as_os_str(), modules.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let result = node_json(&args);
    let mut out = BTreeMap::new();
    for (path, lines) in result["files"].as_object().expect("files") {
        let lines = lines
            .as_array()
            .expect("lines")
            .iter()
            .map(|line| Line {
                text: line["text"].as_str().unwrap().to_owned(),
                depth: line["depth"].as_u64().unwrap(),
                tokens: line["tokens"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| Token {
                        text: t["text"].as_str().unwrap().to_owned(),
                        scopes: t["scopes"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|s| s.as_str().unwrap().to_owned())
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        out.insert(PathBuf::from(path), lines);
    }
    out
}

fn example_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            example_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "mutual") {
            out.push(path);
        }
    }
}

/// The line of `lines` that starts (after indentation) with `start`.
fn line<'a>(lines: &'a [Line], start: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line starting with {start:?}"))
}

const KEYWORDS: &[&str] = &[
    "agreement",
    "import",
    "party",
    "goal",
    "status",
    "purpose",
    "binding",
    "term",
    "to",
    "open-ended",
    "review",
    "every",
    "exit",
    "notice",
    "wind-down",
    "creates",
    "measure",
    "kind",
    "anonymous",
    "contact",
    "pursues",
    "invests",
    "gains",
    "from",
    "license",
    "commits",
    "by",
    "signed",
    "channel",
    "escalation",
    "decides",
    "all",
    "risk",
    "mitigation",
    "allow",
    "because",
    "yes",
    "no",
];

#[test]
fn vscode_grammar_tokenizes_every_example() {
    if !require_client("node") {
        return;
    }
    let Some(modules) = node_modules() else {
        return;
    };
    let mut files = Vec::new();
    example_files(&root().join("examples"), &mut files);
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    let result = tokenize(&modules, &files);
    assert_eq!(result.len(), files.len());

    for (path, lines) in &result {
        for (n, line) in lines.iter().enumerate() {
            let at = format!("{}:{}", path.display(), n + 1);
            // Nothing open at the end of a line: no string leaks onward.
            assert_eq!(
                line.depth, 1,
                "{at}: the line leaves a rule open: {:?}",
                line.text
            );
            // The tokens cover the line exactly.
            let joined: String = line.tokens.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(joined, line.text, "{at}");
            for token in &line.tokens {
                // The examples are valid syntax: nothing is marked invalid.
                assert!(!token.has_prefix("invalid"), "{at}: {token:?}");
                // Every word gets a scope of its own.
                if !token.text.trim().is_empty() {
                    assert!(token.scopes.len() >= 2, "{at}: unscoped {token:?}");
                }
                // A reserved word outside strings and comments is a keyword,
                // a declaration or a constant.
                let in_text = token.has_prefix("string") || token.has_prefix("comment");
                if !in_text && KEYWORDS.contains(&token.text.as_str()) {
                    assert!(
                        token.has_prefix("keyword.")
                            || token.has_prefix("storage.type.")
                            || token.has_prefix("constant.language."),
                        "{at}: {token:?}"
                    );
                }
            }
        }
    }

    let workshops = &result[&root().join("examples/library-workshops.mutual")];
    // A comment.
    let first = &workshops[0].tokens;
    assert!(
        first[0].has("punctuation.definition.comment.mutual"),
        "{first:?}"
    );
    assert!(
        first
            .iter()
            .all(|t| t.has("comment.line.number-sign.mutual")),
        "{first:?}"
    );
    // The import keyword, its string, and the comment after it.
    let import = line(workshops, "import ");
    assert!(import
        .token("import", 0)
        .has("keyword.control.import.mutual"));
    let path = import.token("parties/wikimedia-il.mutual", 0);
    assert!(path.has("string.quoted.double.mutual"), "{path:?}");
    assert!(import
        .token("\"", 0)
        .has("punctuation.definition.string.begin.mutual"));
    assert!(import
        .token("\"", 1)
        .has("punctuation.definition.string.end.mutual"));
    assert!(import
        .tokens
        .last()
        .unwrap()
        .has("comment.line.number-sign.mutual"));
    // A declaration keyword and a string.
    let agreement = line(workshops, "agreement ");
    assert!(agreement
        .token("agreement", 0)
        .has("storage.type.agreement.mutual"));
    let title = agreement.token("Editing workshops at the Holon City Library", 0);
    assert!(title.has("string.quoted.double.mutual"), "{title:?}");
    assert!(agreement
        .token("{", 0)
        .has("punctuation.section.block.begin.bracket.curly.mutual"));
    // The status value.
    let status = line(workshops, "status ");
    assert!(status.token("status", 0).has("keyword.other.status.mutual"));
    assert!(status
        .token("active", 0)
        .has("constant.language.status.active.mutual"));
    // Dates, and `to` between them (a keyword, not a party).
    let term = line(workshops, "term ");
    assert!(term
        .token("2026-09-01", 0)
        .has("constant.numeric.date.mutual"));
    assert!(term
        .token("2027-08-31", 0)
        .has("constant.numeric.date.mutual"));
    assert!(term.token("to", 0).has("keyword.other.to.mutual"));
    // A duration.
    let review = line(workshops, "review ");
    assert!(review.token("6", 0).has("constant.numeric.integer.mutual"));
    assert!(review
        .token("months", 0)
        .has("keyword.other.unit.duration.mutual"));
    assert!(review.token("months", 0).has("meta.duration.mutual"));
    // Party ids: defined, brought in, and in a channel.
    let wmil = line(workshops, "party wmil");
    assert!(wmil.token("party", 0).has("storage.type.party.mutual"));
    assert!(wmil.token("wmil", 0).has("entity.name.type.party.mutual"));
    let library = line(workshops, "party library");
    assert!(library
        .token("library", 0)
        .has("entity.name.type.party.mutual"));
    assert!(library
        .token("הספרייה העירונית חולון", 0)
        .has("string.quoted.double.mutual"));
    let channel = line(workshops, "channel ");
    assert!(channel
        .token("wmil", 0)
        .has("entity.name.type.party.mutual"));
    assert!(channel
        .token("library", 0)
        .has("entity.name.type.party.mutual"));
    assert!(channel
        .token("<->", 0)
        .has("keyword.operator.arrow.both-ways.mutual"));
    // Goal ids.
    let goal = line(workshops, "goal ");
    assert!(goal
        .token("holon_history", 0)
        .has("variable.other.enummember.goal.mutual"));
    let pursues = line(workshops, "pursues free_knowledge");
    assert!(pursues
        .token("free_knowledge", 0)
        .has("variable.other.enummember.goal.mutual"));
    assert!(pursues
        .token("holon_history", 0)
        .has("variable.other.enummember.goal.mutual"));
    assert!(pursues
        .token(",", 0)
        .has("punctuation.separator.comma.mutual"));
    // Resource kinds, party kinds and quantities.
    let invests = line(workshops, "invests time");
    assert!(invests.token("time", 0).has("support.type.resource.mutual"));
    assert!(invests.token("60", 0).has("constant.numeric.mutual"));
    assert!(invests.token("hours", 0).has("keyword.other.unit.mutual"));
    assert!(line(workshops, "kind ")
        .token("library", 0)
        .has("support.type.party-kind.mutual"));
    assert!(line(workshops, "gains visitors")
        .token("visitors", 0)
        .has("support.type.resource.mutual"));

    // A rule name after `allow`, and a non-ASCII party id.
    let university = &result[&root().join("examples/university-class.mutual")];
    let allow = line(university, "allow ");
    assert!(allow.token("allow", 0).has("keyword.other.allow.mutual"));
    assert!(allow
        .token("review-longer-than-term", 0)
        .has("entity.name.function.rule.mutual"));
    let cultural = &result[&root().join("examples/library-cultural-event.mutual")];
    let bibliotheque = line(cultural, "party bibliothèque");
    assert!(bibliotheque
        .token("bibliothèque", 0)
        .has("entity.name.type.party.mutual"));
    // `all` in a channel.
    let multi = &result[&root().join("examples/multilateral-edit-a-thon.mutual")];
    assert!(line(multi, "channel all")
        .token("all", 0)
        .has("constant.language.all.mutual"));
}

#[test]
fn vscode_grammar_edge_cases() {
    if !require_client("node") {
        return;
    }
    let Some(modules) = node_modules() else {
        return;
    };
    let text = [
        r#"agreement "Tit\"le \u{1F600} \\ \n \t \q \u{} end" { # "not a string""#,
        r#"  purpose "an unterminated string"#,
        r#"  status signed"#,
        r#"  purpose "ends with a backslash \"#,
        r#"  term 2026-01-01 open-ended"#,
        r#"  party ספרייה "#,
        r#"  invests money 2000.50 EUR "x" to wmil license "CC0-1.0""#,
        r#"  gains visibility from library"#,
        r#"  escalation a -> b "one way""#,
        r#"  decides a, b"#,
        r#"  binding yes"#,
        r#"  risk "a # in a string" mitigation "x"   # a comment"#,
        r#"  exit notice 30 days "x""#,
        r#"}"#,
    ]
    .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let lf = dir.path().join("edge.mutual");
    let crlf = dir.path().join("edge-crlf.mutual");
    std::fs::write(&lf, format!("{text}\n")).unwrap();
    std::fs::write(&crlf, format!("{}\r\n", text.replace('\n', "\r\n"))).unwrap();
    let result = tokenize(&modules, &[lf.clone(), crlf.clone()]);
    let lines = &result[&lf];
    let crlf_lines = &result[&crlf];
    for (a, b) in lines.iter().zip(crlf_lines) {
        assert_eq!(a.text, b.text);
        let scopes = |l: &Line| {
            l.tokens
                .iter()
                .map(|t| t.scopes.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(scopes(a), scopes(b), "CRLF changes nothing: {:?}", a.text);
    }
    for l in lines {
        assert_eq!(l.depth, 1, "{:?} leaves a rule open", l.text);
    }

    // Escapes: valid ones, and invalid ones.
    let title = &lines[0];
    for escape in [r#"\""#, r"\u{1F600}", r"\\", r"\n", r"\t"] {
        let t = title.token(escape, 0);
        assert!(t.has("constant.character.escape.mutual"), "{t:?}");
        assert!(t.has("string.quoted.double.mutual"), "{t:?}");
    }
    for escape in [r"\q", r"\u"] {
        let t = title.token(escape, 0);
        assert!(
            t.has("invalid.illegal.unrecognized-string-escape.mutual"),
            "{t:?}"
        );
    }
    // The comment after the string; the quotes in it are no string.
    let comment = title.tokens.last().unwrap();
    assert!(
        comment.has("comment.line.number-sign.mutual"),
        "{comment:?}"
    );
    assert!(!comment.has_prefix("string"), "{comment:?}");

    // An unterminated string ends at the end of its line, its opening quote
    // marked; the next line is tokenized as usual.
    let open = &lines[1];
    let quote = open.token("\"", 0);
    assert!(
        quote.has("invalid.illegal.unterminated-string.mutual"),
        "{quote:?}"
    );
    assert!(open
        .token("an unterminated string", 0)
        .has_prefix("string.quoted.double"));
    assert!(lines[2]
        .token("status", 0)
        .has("keyword.other.status.mutual"));
    assert!(lines[2]
        .token("signed", 0)
        .has("constant.language.status.signed.mutual"));
    let backslash = lines[3].tokens.last().unwrap();
    assert_eq!(backslash.text, "\\");
    assert!(
        backslash.has("invalid.illegal.unrecognized-string-escape.mutual"),
        "{backslash:?}"
    );
    assert!(lines[4].token("term", 0).has("keyword.other.term.mutual"));

    assert!(lines[4]
        .token("2026-01-01", 0)
        .has("constant.numeric.date.mutual"));
    assert!(lines[4]
        .token("open-ended", 0)
        .has("constant.language.open-ended.mutual"));
    assert!(lines[5]
        .token("ספרייה", 0)
        .has("entity.name.type.party.mutual"));
    let invests = &lines[6];
    assert!(invests
        .token("money", 0)
        .has("support.type.resource.mutual"));
    assert!(invests.token("2000.50", 0).has("constant.numeric.mutual"));
    assert!(invests.token("EUR", 0).has("keyword.other.unit.mutual"));
    assert!(invests.token("to", 0).has("keyword.other.to.mutual"));
    assert!(invests
        .token("wmil", 0)
        .has("entity.name.type.party.mutual"));
    assert!(invests
        .token("license", 0)
        .has("keyword.other.license.mutual"));
    assert!(lines[7].token("from", 0).has("keyword.other.from.mutual"));
    assert!(lines[7]
        .token("library", 0)
        .has("entity.name.type.party.mutual"));
    assert!(lines[8]
        .token("->", 0)
        .has("keyword.operator.arrow.one-way.mutual"));
    assert!(lines[8].token("b", 0).has("entity.name.type.party.mutual"));
    assert!(lines[9].token("a", 0).has("entity.name.type.party.mutual"));
    assert!(lines[9].token("b", 0).has("entity.name.type.party.mutual"));
    assert!(lines[10]
        .token("yes", 0)
        .has("constant.language.boolean.yes.mutual"));
    let risk = &lines[11];
    assert!(risk
        .token("a # in a string", 0)
        .has("string.quoted.double.mutual"));
    assert!(risk
        .token("mitigation", 0)
        .has("keyword.other.mitigation.mutual"));
    assert!(risk
        .tokens
        .last()
        .unwrap()
        .has("comment.line.number-sign.mutual"));
    assert!(lines[12]
        .token("30", 0)
        .has("constant.numeric.integer.mutual"));
    assert!(lines[12]
        .token("days", 0)
        .has("keyword.other.unit.duration.mutual"));
    assert!(lines[13]
        .token("}", 0)
        .has("punctuation.section.block.end.bracket.curly.mutual"));
}

// ---------------------------------------------------------------------------
// Neovim

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// PATH with the folder of the built `mutual` first.
fn path_with_binary() -> std::ffi::OsString {
    let bin = binary();
    let mut dirs = vec![bin.parent().unwrap().to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap()
}

/// The syntax group of the stretch `text` on the line that starts with
/// `start`, from the result of check.lua.
fn group<'a>(lines: &'a [Value], start: &str, text: &str) -> &'a str {
    let line = lines
        .iter()
        .find(|l| {
            let joined: String = l
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s[0].as_str().unwrap())
                .collect();
            joined.trim_start().starts_with(start)
        })
        .unwrap_or_else(|| panic!("no line starting with {start:?}"));
    line.as_array()
        .unwrap()
        .iter()
        .find(|s| s[0].as_str().unwrap().trim() == text)
        .and_then(|s| s[1].as_str())
        .unwrap_or_else(|| panic!("no stretch {text:?} in {line}"))
}

#[test]
fn neovim_detects_highlights_and_starts_the_server() {
    if !require_client("nvim") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let project = std::fs::canonicalize(dir.path()).unwrap();
    copy_dir(&root().join("examples"), &project);
    std::fs::write(
        project.join("mutual.toml"),
        "[check]\ntoday = \"2026-11-23\"\n",
    )
    .unwrap();
    let out = project.join("nvim-result.json");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(root().join("editors/neovim/test/check.lua"))
        .args(["library-workshops.mutual", "university-class.mutual"])
        .current_dir(&project)
        .env("PATH", path_with_binary())
        .env("MUTUAL_OUT", &out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("Neovim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let result = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("Neovim wrote no result ({e}); exit status {status}"));
    let result: Value = serde_json::from_str(&result).unwrap();
    assert_eq!(result["errors"], serde_json::json!([]), "{result:#}");

    assert_eq!(result["filetype"], "mutual");
    assert_eq!(result["current_syntax"], "mutual");
    assert_eq!(result["commentstring"], "# %s");
    assert_eq!(result["shiftwidth"], 2);
    assert_eq!(result["other_filetype"], "mutual");

    let lines = result["lines"].as_array().expect("lines");
    assert_eq!(
        group(
            lines,
            "# Editing workshops",
            "# Editing workshops hosted by a city library. Wikimedia Israel brings the"
        ),
        "mutualComment"
    );
    assert_eq!(group(lines, "import", "import"), "mutualInclude");
    assert_eq!(
        group(lines, "import", "\"parties/wikimedia-il.mutual\""),
        "mutualString"
    );
    assert_eq!(group(lines, "agreement", "agreement"), "mutualDeclaration");
    assert_eq!(
        group(
            lines,
            "agreement",
            "\"Editing workshops at the Holon City Library\""
        ),
        "mutualString"
    );
    assert_eq!(group(lines, "status", "status"), "mutualKeyword");
    assert_eq!(group(lines, "status", "active"), "mutualStatusValue");
    assert_eq!(group(lines, "term", "2026-09-01"), "mutualDate");
    assert_eq!(group(lines, "term", "to"), "mutualKeyword");
    assert_eq!(group(lines, "term", "2027-08-31"), "mutualDate");
    assert_eq!(group(lines, "party wmil", "wmil"), "mutualPartyName");
    assert_eq!(group(lines, "party library", "library"), "mutualPartyName");
    assert_eq!(group(lines, "goal", "holon_history"), "mutualGoalName");
    assert_eq!(
        group(lines, "pursues free_knowledge", "free_knowledge"),
        "mutualGoalList"
    );
    assert_eq!(group(lines, "invests time", "time"), "mutualResourceKind");
    assert_eq!(group(lines, "kind", "library"), "mutualPartyKind");
    assert_eq!(group(lines, "channel", "<->"), "mutualArrow");
    assert_eq!(group(lines, "channel", "library"), "mutualPartyList");

    // The server runs for both files: one client, rooted at mutual.toml.
    let clients = result["clients"].as_array().expect("clients");
    assert_eq!(clients.len(), 1, "{clients:#?}");
    let client = &clients[0];
    assert_eq!(client["name"], "mutual");
    assert_eq!(client["cmd"], serde_json::json!(["mutual", "lsp"]));
    assert_eq!(client["initialized"], true);
    assert_eq!(client["root_dir"], project.to_str().unwrap());
    let other = result["other_clients"].as_array().expect("other clients");
    assert_eq!(other.len(), 1, "{other:#?}");
    assert_eq!(
        other[0]["id"], client["id"],
        "the second file shares the client"
    );
}

// ---------------------------------------------------------------------------
// Helix and Emacs

#[test]
fn helix_languages_toml_names_the_server() {
    if !require_client("python3") {
        return;
    }
    let file = root().join("editors/helix/languages.toml");
    let out = Command::new("python3")
        .args([
            "-c",
            "import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], 'rb'))))",
        ])
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(toml["language-server"]["mutual"]["command"], "mutual");
    assert_eq!(
        toml["language-server"]["mutual"]["args"],
        serde_json::json!(["lsp"])
    );
    let language = &toml["language"][0];
    assert_eq!(language["name"], "mutual");
    assert_eq!(language["scope"], "source.mutual");
    assert_eq!(language["file-types"], serde_json::json!(["mutual"]));
    assert_eq!(language["comment-token"], "#");
    assert_eq!(language["roots"], serde_json::json!(["mutual.toml"]));
    assert_eq!(language["language-servers"], serde_json::json!(["mutual"]));
    // No tree-sitter grammar exists, so none is named.
    assert!(language.get("grammar").is_none());
}

/// Checks that the parentheses of Emacs Lisp `text` balance, outside
/// strings, comments and character literals; returns the number of
/// top-level forms.
fn elisp_forms(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let (mut i, mut depth, mut forms, mut line) = (0, 0usize, 0, 1);
    while i < chars.len() {
        match chars[i] {
            '\n' => line += 1,
            ';' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if chars.get(i) == Some(&'\n') {
                        line += 1;
                    }
                    i += 1;
                }
                assert!(i < chars.len(), "unterminated string");
            }
            '?' => {
                i += if chars.get(i + 1) == Some(&'\\') {
                    3
                } else {
                    2
                };
                continue;
            }
            '(' | '[' => {
                if depth == 0 {
                    forms += 1;
                }
                depth += 1;
            }
            ')' | ']' => {
                assert!(depth > 0, "line {line}: a closing parenthesis too many");
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    assert_eq!(depth, 0, "parentheses left open at the end");
    forms
}

#[test]
fn emacs_mode_is_well_formed_and_registers_eglot() {
    let file = root().join("editors/emacs/mutual-mode.el");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(elisp_forms(&text) >= 10);
    for needle in [
        "(define-derived-mode mutual-mode prog-mode \"Mutual\"",
        "(add-to-list 'auto-mode-alist '(\"\\\\.mutual\\\\'\" . mutual-mode))",
        "(add-to-list 'eglot-server-programs '(mutual-mode \"mutual\" \"lsp\"))",
        "(setq-local comment-start \"# \")",
        "(modify-syntax-entry ?# \"<\" table)",
        "(provide 'mutual-mode)",
    ] {
        assert!(text.contains(needle), "mutual-mode.el lacks {needle}");
    }
    for keyword in KEYWORDS {
        assert!(
            text.contains(&format!("\"{keyword}\"")),
            "keyword {keyword} missing"
        );
    }

    if which("emacs").is_none() {
        // CI does not install Emacs: this part runs where it is installed.
        eprintln!("\n!!!! SKIPPED (part): `emacs` is not installed; mutual-mode.el was not byte-compiled\n");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&file, dir.path().join("mutual-mode.el")).unwrap();
    let example = root().join("examples/library-workshops.mutual");
    let script = format!(
        r#"(progn
  (defun mutual-test-faces (pos)
    (let ((face (get-text-property pos 'face))) (if (listp face) face (list face))))
  (unless (byte-compile-file "{el}") (kill-emacs 3))
  (load "{elc}" nil t)
  (require 'eglot nil t)
  (find-file "{example}")
  (unless (eq major-mode 'mutual-mode) (kill-emacs 4))
  (font-lock-ensure)
  (goto-char (point-min))
  (search-forward "agreement \"")
  (unless (memq 'font-lock-keyword-face (mutual-test-faces (match-beginning 0))) (kill-emacs 5))
  (unless (nth 3 (syntax-ppss)) (kill-emacs 6))
  (search-forward "party wmil")
  (unless (memq 'font-lock-type-face (mutual-test-faces (1- (point)))) (kill-emacs 7))
  (when (featurep 'eglot)
    (unless (assq 'mutual-mode eglot-server-programs) (kill-emacs 8)))
  (kill-emacs 0))"#,
        el = dir.path().join("mutual-mode.el").display(),
        elc = dir.path().join("mutual-mode.elc").display(),
        example = example.display(),
    );
    let out = Command::new("emacs")
        .args(["--batch", "-Q", "--eval", &script])
        .output()
        .expect("emacs runs");
    assert!(
        out.status.success(),
        "emacs exited with {:?}:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}
