//! Every format on one fixed set of diagnostics, as insta snapshots.
//!
//! The diagnostics are built by hand (not by running the rules), so that the
//! snapshots change only when a format changes. The agreement puts Hebrew
//! and an emoji before the tokens diagnostics point at: columns must count
//! characters, not bytes. Titles carry `%`, `:`, `,`, markup and a line
//! break, to exercise every format's escaping.

use std::sync::Arc;

use mutual_check::rule::{Group, RuleMeta};
use mutual_check::{
    rules, AgreementSummary, Diagnostic, Edit, FileReport, Fix, PartySummary, Role, Severity,
    SourceFile, Verdict,
};
use mutual_report::{render_file, render_other, Format, ReportOptions, Reporter};
use mutual_syntax::Span;
use serde_json::Value;

const RENTAL: &str = "\
import \"parties/wikimedia.mutual\"

agreement \"Rent: 50% <off>, & more\\n::add-mask::x\" {
  party hall \"אולם 🎉 Hall\" {
    invests venue \"The hall\" to wmil
    gains money 100 EUR \"שכר 🎉 דירה\" from wmill
  }
  party wmil {
    invests money 100 EUR \"Rent\" to hall
    commits \"לשלם 🎉 בזמן\" by soon
  }
  allow no-goal because \"🎉 later\"
}
";

const PARTIES: &str = "party wmil \"Wikimedia Israel\" {\n  kind chapter\n}\n";

const CLEAN: &str = "agreement \"Workshops\" {\n  party a {}\n  party b {}\n}\n";

const CONFIG: &str = "[rules]\nno-benfit = \"off\"\n";

/// The rule of that name; a stand-in if the catalogue does not have it (yet).
fn rule(name: &'static str) -> &'static RuleMeta {
    fn nothing(_: &mutual_check::Context<'_>, _: &mut Vec<Diagnostic>) {}
    rules::find(name).unwrap_or_else(|| {
        Box::leak(Box::new(RuleMeta {
            name,
            group: Group::Hygiene,
            default_severity: Severity::Warning,
            docs: "## What it checks\n\nA stand-in.\n",
            check: nothing,
        }))
    })
}

/// The span of the `nth` occurrence of `needle`.
fn span(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"));
    Span::new(start, start + needle.len())
}

fn diag(
    name: &'static str,
    severity: Severity,
    source: &Arc<SourceFile>,
    at: Span,
    message: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(rule(name), source, at, message);
    d.severity = severity;
    d
}

struct Fixture {
    reports: Vec<FileReport>,
    config: Arc<SourceFile>,
    config_diagnostics: Vec<Diagnostic>,
}

fn fixture() -> Fixture {
    let rental = SourceFile::new("agreements/rental.mutual", RENTAL);
    let parties = SourceFile::new("agreements/parties/wikimedia.mutual", PARTIES);
    let clean = SourceFile::new("agreements/clean.mutual", CLEAN);
    let config = SourceFile::new("mutual.toml", CONFIG);
    let title = "Rent: 50% <off>, & more\n::add-mask::x";
    let mut diagnostics = vec![
        diag(
            "paid-service",
            Severity::Error,
            &rental,
            span(RENTAL, "hall", 0),
            &format!("“{title}”: hall only gains money from wmil, and they share no goal: wmil is buying a service"),
        )
        .in_agreement(0)
        .about_party("hall")
        .with_help("If the two sides work towards something together, add a goal both pursue.")
        .with_related(&rental, span(RENTAL, "wmil", 2), "wmil pays here")
        .with_related(&parties, span(PARTIES, "wmil", 0), "wmil is defined here"),
        diag(
            "unknown-party",
            Severity::Error,
            &rental,
            span(RENTAL, "wmill", 0),
            "No party is called “wmill”: did you mean “wmil”?",
        )
        .in_agreement(0)
        .with_fix(Fix::replace("Replace with “wmil”", span(RENTAL, "wmill", 0), "wmil")),
        diag(
            "syntax-error",
            Severity::Error,
            &rental,
            span(RENTAL, "soon", 0),
            "expected a date (YYYY-MM-DD) after `by`",
        ),
        diag(
            "no-benefit",
            Severity::Error,
            &rental,
            span(RENTAL, "wmil", 2),
            "wmil gains nothing: it is making a donation",
        )
        .in_agreement(0)
        .about_party("wmil")
        .with_fix(Fix::unsafe_(
            "Add a `gains` line",
            vec![Edit {
                span: span(RENTAL, "  }\n  allow", 0).start.into_span(),
                replacement: "    gains other \"TODO: what does this party gain?\"\n".into(),
            }],
        )),
        diag(
            "missing-governance",
            Severity::Info,
            &rental,
            span(RENTAL, "\"Rent: 50%", 0),
            "Nobody decides: no `decides` clause",
        )
        .in_agreement(0),
        diag(
            "unused-allow",
            Severity::Hint,
            &rental,
            span(RENTAL, "no-goal", 0),
            "This `allow no-goal` waives nothing",
        )
        .in_agreement(0)
        .unnecessary(),
        // Twice the same: the fingerprints must still differ.
        diag(
            "empty-text",
            Severity::Warning,
            &rental,
            span(RENTAL, "\"🎉 later\"", 0),
            "The reason says next to nothing",
        )
        .in_agreement(0),
        diag(
            "empty-text",
            Severity::Warning,
            &rental,
            span(RENTAL, "\"🎉 later\"", 0),
            "The reason says next to nothing",
        )
        .in_agreement(0),
    ];
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let rental_report = FileReport {
        source: Arc::clone(&rental),
        diagnostics,
        agreements: vec![AgreementSummary {
            title: title.to_string(),
            span: Span::new(0, RENTAL.len()),
            title_span: span(RENTAL, "\"Rent: 50%", 0),
            verdict: Verdict::Service,
            parties: vec![
                PartySummary {
                    id: "hall".into(),
                    name: "אולם 🎉 Hall".into(),
                    span: span(RENTAL, "hall", 0),
                    role: Role::Provider,
                    invests: 1,
                    gains: 1,
                },
                PartySummary {
                    id: "wmil".into(),
                    name: "Wikimedia Israel".into(),
                    span: span(RENTAL, "wmil", 2),
                    role: Role::Donor,
                    invests: 1,
                    gains: 0,
                },
            ],
        }],
    };
    let clean_report = FileReport {
        source: Arc::clone(&clean),
        diagnostics: Vec::new(),
        agreements: vec![AgreementSummary {
            title: "Workshops".into(),
            span: Span::new(0, CLEAN.len()),
            title_span: span(CLEAN, "\"Workshops\"", 0),
            verdict: Verdict::Partnership,
            parties: Vec::new(),
        }],
    };
    let config_diagnostics = vec![diag(
        "unknown-rule",
        Severity::Warning,
        &config,
        span(CONFIG, "no-benfit", 0),
        "There is no rule “no-benfit”: did you mean “no-benefit”?",
    )];
    Fixture {
        reports: vec![clean_report, rental_report],
        config,
        config_diagnostics,
    }
}

trait IntoSpan {
    fn into_span(self) -> Span;
}

impl IntoSpan for u32 {
    fn into_span(self) -> Span {
        Span::new(self as usize, self as usize)
    }
}

fn options(format: Format) -> ReportOptions {
    let mut options = ReportOptions::new(format);
    options.statistics = true;
    options.width = 80;
    options
}

/// The whole output of a format, and what it sends to standard error.
fn output_with(options: ReportOptions) -> (String, Option<String>) {
    let f = fixture();
    let mut reporter = Reporter::new(options.clone(), Vec::new()).expect("header");
    reporter
        .add(render_other(&f.config, &f.config_diagnostics, &options))
        .expect("config");
    for report in &f.reports {
        reporter.add(render_file(report, &options)).expect("file");
    }
    let (bytes, stderr) = reporter.finish().expect("footer");
    (String::from_utf8(bytes).expect("UTF-8"), stderr)
}

fn output(format: Format) -> String {
    output_with(options(format)).0
}

#[test]
fn human() {
    insta::assert_snapshot!(output(Format::Human));
}

#[test]
fn human_quiet_has_no_summary() {
    let mut options = options(Format::Human);
    options.quiet = true;
    options.statistics = false;
    let (out, _) = output_with(options);
    assert!(!out.contains("files checked"), "{out}");
    assert!(out.contains("error[paid-service]"), "{out}");
}

#[test]
fn human_in_colour_uses_escape_codes_only_when_asked() {
    let mut options = options(Format::Human);
    options.color = true;
    let (out, _) = output_with(options);
    assert!(out.contains('\u{1b}'));
    assert!(!output(Format::Human).contains('\u{1b}'));
}

#[test]
fn short() {
    insta::assert_snapshot!(output(Format::Short));
}

#[test]
fn short_columns_count_characters() {
    let out = output(Format::Short);
    // `wmill` follows "    gains money 100 EUR "שכר 🎉 דירה" from ": 42 characters.
    assert!(
        out.contains("agreements/rental.mutual:6:43: error[unknown-party]"),
        "{out}"
    );
}

#[test]
fn json() {
    let out = output(Format::Json);
    let value: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["version"], 1);
    assert_eq!(value["summary"]["files"], 2);
    insta::assert_snapshot!(out);
}

#[test]
fn json_without_statistics_has_no_statistics_key() {
    let mut options = options(Format::Json);
    options.statistics = false;
    let (out, stderr) = output_with(options);
    let value: Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(value.get("statistics").is_none());
    assert!(stderr.is_none());
}

#[test]
fn json_with_no_file_is_still_a_document() {
    let options = options(Format::Json);
    let reporter = Reporter::new(options, Vec::new()).expect("header");
    let (bytes, _) = reporter.finish().expect("footer");
    let value: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(value["files"], Value::Array(Vec::new()));
}

#[test]
fn sarif() {
    let (out, stderr) = output_with(options(Format::Sarif));
    let mut value: Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(stderr.is_some_and(|s| s.contains("paid-service")));
    // The rule list grows with the catalogue: check it here and leave it
    // out of the snapshot.
    let run = &mut value["runs"][0];
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .expect("rules");
    assert_eq!(rules.len(), mutual_check::rules::ALL.len());
    for rule in &rules {
        for key in [
            "id",
            "shortDescription",
            "fullDescription",
            "help",
            "helpUri",
            "defaultConfiguration",
        ] {
            assert!(rule.get(key).is_some(), "{key} missing in {rule}");
        }
    }
    for result in run["results"].as_array_mut().expect("results") {
        let index = result["ruleIndex"].as_i64().expect("index");
        if index >= 0 {
            assert_eq!(rules[index as usize]["id"], result["ruleId"]);
            result["ruleIndex"] = Value::String("<checked>".into());
        }
    }
    run["tool"]["driver"]["rules"] = Value::String(format!("<{} rules>", "all the"));
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).expect("JSON"));
}

#[test]
fn github() {
    let out = output(Format::Github);
    let diagnostics = 9;
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), diagnostics, "{out}");
    for line in &commands {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn gitlab() {
    let out = output(Format::Gitlab);
    let value: Value = serde_json::from_str(&out).expect("valid JSON");
    let issues = value.as_array().expect("an array");
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint"))
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(
        fingerprints.len(),
        issues.len(),
        "fingerprints are distinct"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn gitlab_fingerprints_ignore_line_numbers() {
    let moved = format!("# a comment that moves everything down\n{RENTAL}");
    let original = SourceFile::new("a.mutual", RENTAL);
    let shifted = SourceFile::new("a.mutual", moved.as_str());
    let at = |s: &Arc<SourceFile>, text: &str| {
        vec![diag(
            "unknown-party",
            Severity::Error,
            s,
            span(text, "wmill", 0),
            "No party is called “wmill”",
        )]
    };
    let a = mutual_report::gitlab::fingerprints(&at(&original, RENTAL));
    let b = mutual_report::gitlab::fingerprints(&at(&shifted, &moved));
    assert_eq!(a, b);
}

#[test]
fn junit() {
    insta::assert_snapshot!(output(Format::Junit));
}

#[test]
fn junit_with_fail_on_never_has_no_failure() {
    let mut options = options(Format::Junit);
    options.fail_on = None;
    let (out, _) = output_with(options);
    assert!(!out.contains("<failure"), "{out}");
    assert!(out.contains("failures=\"0\""), "{out}");
}

#[test]
fn every_format_renders_an_empty_run() {
    for format in Format::ALL {
        let reporter = Reporter::new(ReportOptions::new(format), Vec::new()).expect("header");
        let (bytes, _) = reporter.finish().expect("footer");
        let text = String::from_utf8(bytes).expect("UTF-8");
        if matches!(format, Format::Json | Format::Sarif | Format::Gitlab) {
            serde_json::from_str::<Value>(&text)
                .unwrap_or_else(|e| panic!("{}: {e}\n{text}", format.name()));
        }
    }
}
