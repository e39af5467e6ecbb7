//! Headless Neovim as a real client of `mutual lsp`: it opens an example,
//! waits for diagnostics, asks for hover and definition, and writes what it
//! got as JSON (`tests/lsp/nvim/init.lua`), which this test reads.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod support;

use serde_json::Value;
use support::{binary, require_client, root};

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

/// "line:character" (0-based, UTF-16) of the first `needle` in `text`,
/// moved `skip` bytes into it.
fn position(text: &str, needle: &str, skip: usize) -> String {
    let at = text.find(needle).unwrap() + skip;
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    format!("{line}:{}", text[line_start..at].encode_utf16().count())
}

#[test]
fn neovim_gets_diagnostics_hover_and_definition() {
    if !require_client("nvim") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let project = std::fs::canonicalize(dir.path()).unwrap();
    copy_dir(&root().join("examples"), &project);
    // The example without its review line, so that one warning is expected.
    let file = project.join("library-workshops.mutual");
    let text: String = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("review every"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, &text).unwrap();
    let out = project.join("nvim-result.json");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(root().join("tests/lsp/nvim/init.lua"))
        .arg(&file)
        .current_dir(&project)
        .env("MUTUAL_BIN", binary())
        .env("MUTUAL_ROOT", &project)
        .env("MUTUAL_OUT", &out)
        .env("MUTUAL_HOVER", position(&text, "channel wmil", 9))
        .env("MUTUAL_DEFINITION", position(&text, "party wmil {", 7))
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
    assert_eq!(result["offset_encoding"], "utf-16");

    // Diagnostics arrived, in our shape.
    let diagnostics = result["diagnostics"].as_array().expect("diagnostics");
    for d in diagnostics {
        assert_eq!(d["source"], "mutual", "{d:#}");
        assert!(d["code"].is_string(), "{d:#}");
    }
    assert!(
        !diagnostics.iter().any(|d| d["severity"] == 1),
        "the example is a partnership: {diagnostics:#?}"
    );
    let review = diagnostics
        .iter()
        .find(|d| d["code"] == "missing-review")
        .unwrap_or_else(|| panic!("no missing-review in {diagnostics:#?}"));
    let title = position(&text, "\"Editing workshops", 0);
    assert_eq!(
        format!(
            "{}:{}",
            review["range"]["start"]["line"], review["range"]["start"]["character"]
        ),
        title
    );

    // Hover on `wmil` in the channel line: the party brought in from the import.
    let hover = result["hover"]["contents"]["value"]
        .as_str()
        .expect("hover text");
    assert!(
        hover.starts_with("**Wikimedia Israel** (party `wmil`)"),
        "{hover}"
    );
    assert!(hover.contains("Role: **partner**"), "{hover}");
    assert!(hover.contains("Kind: `chapter`"), "{hover}");

    // Definition of `wmil` in `party wmil {`: the imported file.
    let definition = &result["definition"];
    let location = if definition.is_array() {
        &definition[0]
    } else {
        definition
    };
    let uri = location["uri"].as_str().expect("a location");
    assert!(uri.ends_with("/parties/wikimedia-il.mutual"), "{uri}");
    assert_eq!(
        location["range"]["start"],
        serde_json::json!({ "line": 5, "character": 6 })
    );
    assert_eq!(
        location["range"]["end"],
        serde_json::json!({ "line": 5, "character": 10 })
    );
}
