//! The "Syntax and names" rules: fixtures in `tests/rules/<rule>/`, plus
//! focused tests for imports (folders, loops, symbolic links, absolute
//! paths), waivers and the project's own vocabulary.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use mutual_check::{check_text, DiskLoader, FileLoader, FileReport, Options};

// ------------------------------------------------------------ helpers --

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// [`support::render`] of the given rules only, so that a focused test
/// does not change when other rules word things differently.
fn render_only(report: &FileReport, rules: &[&str]) -> String {
    let diagnostics = report
        .diagnostics
        .iter()
        .filter(|d| rules.contains(&d.rule.name))
        .cloned()
        .collect();
    let only = FileReport {
        source: report.source.clone(),
        diagnostics,
        agreements: report.agreements.clone(),
    };
    support::render(&only)
}

/// A small agreement between `wmil` (brought in from elsewhere) and a library.
const WITH_WMIL: &str = r#"
agreement "Workshops" {
  party wmil {
    invests time "Trainers"
    gains members "New editors"
  }
  party library "Tel Aviv City Library" {
    invests venue "The computer lab"
    gains visitors "New people at the library"
  }
}
"#;

const WMIL: &str = "party wmil \"Wikimedia Israel\" {\n  kind chapter\n}\n";

/// Reads the disk and remembers every file it read.
#[derive(Default)]
struct RecordingLoader {
    reads: Mutex<Vec<PathBuf>>,
}

impl FileLoader for RecordingLoader {
    fn read(&self, path: &Path) -> std::io::Result<String> {
        if let Ok(mut reads) = self.reads.lock() {
            reads.push(path.to_path_buf());
        }
        DiskLoader.read(path)
    }
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        DiskLoader.canonicalize(path)
    }
}

// ----------------------------------------------------------- fixtures --

#[test]
fn invalid_date() {
    support::fires_and_passes_in_place!("invalid-date");
}

#[test]
fn duplicate_definition() {
    support::fires_and_passes_in_place!("duplicate-definition");
}

#[test]
fn unknown_party() {
    support::fires_and_passes_in_place!("unknown-party", fixes: support::fixes_on_lines);
}

#[test]
fn unknown_goal() {
    support::fires_and_passes_in_place!("unknown-goal", fixes: support::fixes_on_lines);
}

#[test]
fn unknown_kind() {
    support::fires_and_passes_in_place!("unknown-kind", fixes: support::fixes_on_lines);
}

#[test]
fn import_not_found() {
    support::fires_and_passes_in_place!("import-not-found");
}

#[test]
fn import_cycle() {
    support::fires_and_passes_in_place!("import-cycle");
}

#[test]
fn import_outside_root() {
    support::fires_and_passes_in_place!("import-outside-root");
}

#[test]
fn duplicate_clause() {
    support::fires_and_passes_in_place!("duplicate-clause", fixes: support::fixes_on_lines);
}

#[test]
fn unknown_rule() {
    support::fires_and_passes_in_place!("unknown-rule", fixes: support::fixes_on_lines);
}

#[test]
fn invalid_license() {
    support::fires_and_passes_in_place!("invalid-license", fixes: support::fixes_on_lines);
}

#[test]
fn empty_text() {
    support::fires_and_passes_in_place!("empty-text");
}

// ------------------------------------------------------------ imports --

#[test]
fn import_from_a_sibling_folder_stays_inside_the_root() {
    let (_dir, report) = support::check_files(
        &files(&[
            (
                "agreements/workshops.mutual",
                &format!("import \"../shared/parties.mutual\"\n{WITH_WMIL}"),
            ),
            ("shared/parties.mutual", WMIL),
        ]),
        &support::options(),
    );
    let rules = support::rules_of(&report);
    assert!(
        !rules
            .iter()
            .any(|r| r.starts_with("import-") || *r == "unknown-party"),
        "{}",
        support::render(&report)
    );
}

#[test]
fn importing_the_same_file_twice_is_harmless() {
    let (_dir, report) = support::check_files(
        &files(&[
            (
                "main.mutual",
                &format!(
                    "import \"parties.mutual\"\nimport \"./parties.mutual\"\nimport \"all.mutual\"\n{WITH_WMIL}"
                ),
            ),
            ("all.mutual", "import \"parties.mutual\"\n"),
            ("parties.mutual", WMIL),
        ]),
        &support::options(),
    );
    let rules = support::rules_of(&report);
    assert!(
        !rules.iter().any(|r| r.starts_with("import-")
            || r.starts_with("duplicate-")
            || *r == "unknown-party"),
        "{}",
        support::render(&report)
    );
}

#[test]
fn a_file_importing_itself_is_a_loop() {
    let (_dir, report) = support::check_files(
        &files(&[("main.mutual", &format!("import \"main.mutual\"\n{WMIL}"))]),
        &support::options(),
    );
    assert_eq!(
        support::count(&report, "import-cycle"),
        1,
        "{}",
        support::render(&report)
    );
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "these files import each other in a loop: main.mutual → main.mutual"
    );
}

#[test]
fn a_loop_across_folders_names_every_file_by_its_path() {
    let (_dir, report) = support::check_files(
        &files(&[
            ("agreements/main.mutual", "import \"../shared/a.mutual\"\n"),
            ("shared/a.mutual", "import \"deeper/b.mutual\"\n"),
            (
                "shared/deeper/b.mutual",
                "import \"../../agreements/main.mutual\"\n",
            ),
        ]),
        &support::options(),
    );
    insta::assert_snapshot!("import-cycle__across_folders", support::render(&report));
}

#[test]
fn a_loop_among_imported_files_is_reported_where_it_is() {
    // main → b → c → b: the loop does not pass through main.mutual, so it is
    // reported when b.mutual or c.mutual is checked, not here.
    let (_dir, report) = support::check_files(
        &files(&[
            ("main.mutual", &format!("import \"b.mutual\"\n{WITH_WMIL}")),
            ("b.mutual", "import \"c.mutual\"\n"),
            ("c.mutual", &format!("import \"b.mutual\"\n{WMIL}")),
        ]),
        &support::options(),
    );
    assert_eq!(
        support::count(&report, "import-cycle"),
        0,
        "{}",
        support::render(&report)
    );
    assert_eq!(
        support::count(&report, "unknown-party"),
        0,
        "{}",
        support::render(&report)
    );
    let (dir, report) = support::check_files(
        &files(&[
            ("b.mutual", "import \"c.mutual\"\n"),
            ("c.mutual", &format!("import \"b.mutual\"\n{WMIL}")),
        ]),
        &support::options(),
    );
    assert_eq!(
        support::count(&report, "import-cycle"),
        1,
        "{}",
        support::render(&report)
    );
    drop(dir);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_root_is_refused_unread() {
    let outside = tempfile::tempdir().expect("folder");
    let secret = outside.path().join("secret.mutual");
    std::fs::write(&secret, WMIL).expect("write");
    let root = tempfile::tempdir().expect("folder");
    std::os::unix::fs::symlink(&secret, root.path().join("link.mutual")).expect("symlink");
    std::fs::create_dir(root.path().join("shared")).expect("folder");
    std::os::unix::fs::symlink(outside.path(), root.path().join("shared/elsewhere"))
        .expect("symlink");
    let main = root.path().join("main.mutual");
    let text =
        format!("import \"link.mutual\"\nimport \"shared/elsewhere/secret.mutual\"\n{WITH_WMIL}");
    std::fs::write(&main, &text).expect("write");
    let loader = RecordingLoader::default();
    let report = check_text(
        &main,
        text.as_str(),
        root.path(),
        &loader,
        &support::options(),
    );
    assert_eq!(
        support::count(&report, "import-outside-root"),
        2,
        "{}",
        support::render(&report)
    );
    let reads = loader.reads.lock().expect("lock");
    let outside_real = std::fs::canonicalize(outside.path()).expect("canonical");
    assert!(
        reads
            .iter()
            .all(|p| !p.starts_with(&outside_real) && !p.starts_with(outside.path())),
        "a file outside the root was read: {reads:?}"
    );
}

#[test]
fn an_absolute_path_is_refused_even_inside_the_root() {
    let root = tempfile::tempdir().expect("folder");
    let parties = root.path().join("parties.mutual");
    std::fs::write(&parties, WMIL).expect("write");
    let main = root.path().join("main.mutual");
    let text = format!("import \"{}\"\n{WITH_WMIL}", parties.display());
    std::fs::write(&main, &text).expect("write");
    let loader = RecordingLoader::default();
    let report = check_text(
        &main,
        text.as_str(),
        root.path(),
        &loader,
        &support::options(),
    );
    assert_eq!(
        support::count(&report, "import-outside-root"),
        1,
        "{}",
        support::render(&report)
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "import-outside-root")
        .expect("diagnostic");
    assert!(d.message.contains("is an absolute path"), "{}", d.message);
    assert!(loader.reads.lock().expect("lock").is_empty());
}

#[test]
fn a_duplicate_inside_an_imported_file_points_at_the_import() {
    let (_dir, report) = support::check_files(
        &files(&[
            (
                "main.mutual",
                &format!("import \"parties.mutual\"\n{WITH_WMIL}"),
            ),
            (
                "parties.mutual",
                &format!("{WMIL}goal g \"One\"\ngoal g \"Two\"\n"),
            ),
        ]),
        &support::options(),
    );
    insta::assert_snapshot!(
        "duplicate-definition__inside_an_import",
        render_only(&report, &["duplicate-definition"])
    );
}

// ------------------------------------------------------- the rest --

#[test]
fn a_project_can_add_kinds() {
    let block = r#"
agreement "Workshops" {
  party coop "Haifa Makers" {
    kind cooperative
    invests workshop-space "The maker space"
    gains members "New makers"
  }
  party chapter "Wikimedia Israel" {
    kind chapter
    invests time "Trainers"
    gains content "Photos"
  }
}
"#;
    let plain = support::check_block(block);
    assert_eq!(
        support::count(&plain, "unknown-kind"),
        2,
        "{}",
        support::render(&plain)
    );
    let options = Options {
        extra_party_kinds: vec!["cooperative".into()],
        extra_resource_kinds: vec!["workshop-space".into()],
        ..support::options()
    };
    let (_dir, report) = support::check_files(&support::split_files(block), &options);
    assert_eq!(
        support::count(&report, "unknown-kind"),
        0,
        "{}",
        support::render(&report)
    );
}

#[test]
fn a_party_waiver_covers_only_that_party() {
    let report = support::check_block(
        r#"
agreement "Workshops" {
  party chapter "Wikimedia Israel" {
    pursues nowhere
    invests time "Trainers"
    gains members "New editors"
    signed 2026-02-30
    allow invalid-date because "The paper copy says the 28th; fixed at the next review"
  }
  party library "Tel Aviv City Library" {
    pursues nowhere
    invests venue "The computer lab"
    gains visitors "New people at the library"
    signed 2026-02-31
    allow unknown-goal because "The goal is written at the first meeting"
  }
}
"#,
    );
    insta::assert_snapshot!(
        "waivers__per_party",
        render_only(&report, &["invalid-date", "unknown-goal", "unused-allow"])
    );
}

#[test]
fn a_brought_in_party_keeps_the_kind_of_its_definition() {
    // The kind is checked where it is written: in the definition, once.
    let report = support::check_block(&format!(
        "party wmil \"Wikimedia Israel\" {{\n  kind chaptr\n}}\n{WITH_WMIL}{WITH_WMIL}"
    ));
    assert_eq!(
        support::count(&report, "unknown-kind"),
        1,
        "{}",
        support::render(&report)
    );
}

#[test]
fn duplicate_clause_fix_keeps_crlf() {
    let text = "agreement \"Workshops\" {\r\n  status draft\r\n  status draft\r\n}\r\n";
    // Not `check_block`: it splits lines and would drop the CR.
    let (_dir, report) =
        support::check_files(&files(&[("main.mutual", text)]), &support::options());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.name == "duplicate-clause")
        .expect("diagnostic");
    let fix = d.fix.as_ref().expect("fix");
    let mut fixed = text.to_string();
    for e in &fix.edits {
        fixed.replace_range(e.span.range(), &e.replacement);
    }
    assert_eq!(
        fixed,
        "agreement \"Workshops\" {\r\n  status draft\r\n}\r\n"
    );
}

#[test]
fn empty_text_sees_invisible_spaces() {
    let report = support::check_block(
        "agreement \"Workshops\" {\n  purpose \"\u{200B}\u{00A0}\"\n  creates \"Something new\"\n}\n",
    );
    assert_eq!(
        support::count(&report, "empty-text"),
        1,
        "{}",
        support::render(&report)
    );
}
