//! Every capability, through the real main loop, asserting what it answers.

mod support;

use serde_json::{json, Value};
use support::{apply_edits, file_uri, find, range, Client};

const MAIN: &str = r#"agreement "Workshops" {
  status draft
  goal city "City history"
  party wmil "Wikimedia Israel" {
    kind chapter
    contact "Dana <dana@example.org>"
    pursues city
    invests time 40 hours "Trainers"
    gains members "New editors"
  }
  party library "City Library" {
    kind library
    contact "Avi <avi@example.org>"
    pursues city
    invests venue "Computer lab" to wmil
    gains visitors "New people" from wmil
    commits "Book the lab"
  }
  channel wmil <-> library
  decides wmil, library
  allow single-party because "Two sides"
}
"#;

const URI: &str = "untitled:main";

/// The 0-based UTF-16 column of the `nth` (0-based) `needle` on `line`.
fn col(text: &str, line: usize, needle: &str, nth: usize) -> u32 {
    let l = text.lines().nth(line).unwrap();
    let mut from = 0;
    let mut at = 0;
    for _ in 0..=nth {
        at = from
            + l[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} on line {line}"));
        from = at + needle.len();
    }
    l[..at].encode_utf16().count() as u32
}

fn word_range(text: &str, line: usize, needle: &str, nth: usize) -> Value {
    let c = col(text, line, needle, nth);
    range(
        line as u32,
        c,
        line as u32,
        c + needle.encode_utf16().count() as u32,
    )
}

#[test]
fn diagnostics_carry_code_link_tags_and_fix() {
    let mut c = Client::start();
    let diags = c.open_and_check(URI, MAIN);
    let unused = find(&diags, "unused-allow");
    assert_eq!(
        unused["range"],
        word_range(MAIN, 20, r#"allow single-party because "Two sides""#, 0)
    );
    assert_eq!(unused["severity"], 2);
    assert_eq!(unused["source"], "mutual");
    assert_eq!(
        unused["codeDescription"]["href"],
        "https://github.com/mutual-lint/mutual/blob/main/docs/rules/unused-allow.md"
    );
    assert_eq!(unused["tags"], json!([1]));
    assert_eq!(unused["data"]["fix"]["title"], "Remove this `allow`");
    assert_eq!(
        unused["data"]["fix"]["edits"][0]["range"],
        range(20, 0, 21, 0)
    );
    assert_eq!(unused["data"]["fix"]["edits"][0]["newText"], "");
    // A party rule points at the party's id and has no tag.
    let no_commitment = find(&diags, "no-commitment");
    assert_eq!(no_commitment["range"], word_range(MAIN, 3, "wmil", 0));
    assert!(no_commitment.get("tags").is_none_or(Value::is_null));
    // The published version is the document's.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [
            { "range": range(9, 2, 9, 2), "text": "  commits \"Run ten workshops\"\n  " }
        ]}),
    );
    let published = c.published(URI);
    assert_eq!(published["version"], 2);
    let diags = published["diagnostics"].as_array().unwrap();
    assert!(
        !diags.iter().any(|d| d["code"] == "no-commitment"),
        "{diags:#?}"
    );
    c.shutdown().unwrap();
}

#[test]
fn related_information_points_at_the_other_place() {
    let mut c = Client::start();
    let text = "goal g \"One\"\ngoal g \"Two\"\n";
    let diags = c.open_and_check(URI, text);
    let dup = find(&diags, "duplicate-definition");
    assert_eq!(dup["range"], range(1, 5, 1, 6));
    assert_eq!(dup["relatedInformation"][0]["location"]["uri"], URI);
    assert_eq!(
        dup["relatedInformation"][0]["location"]["range"],
        range(0, 5, 0, 6)
    );
    c.shutdown().unwrap();
}

#[test]
fn code_actions_apply_the_fix_and_waive_at_the_right_level() {
    let mut c = Client::start();
    let diags = c.open_and_check(URI, MAIN);
    let actions = |c: &mut Client, d: &Value| -> Vec<Value> {
        c.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": d["range"],
                    "context": { "diagnostics": [d] } }),
        )
        .unwrap()
        .as_array()
        .cloned()
        .unwrap()
    };
    let edits = |a: &Value| a["edit"]["changes"][URI].as_array().cloned().unwrap();

    // unused-allow: its own fix, preferred, removes the line.
    let unused = find(&diags, "unused-allow").clone();
    let got = actions(&mut c, &unused);
    assert_eq!(got[0]["title"], "Remove this `allow`");
    assert_eq!(got[0]["kind"], "quickfix");
    assert_eq!(got[0]["isPreferred"], true);
    let fixed = apply_edits(MAIN, &edits(&got[0]));
    assert!(!fixed.contains("single-party"));
    assert_eq!(fixed.lines().count(), MAIN.lines().count() - 1);

    // A party rule: the waiver goes at the end of the party's block.
    let party = find(&diags, "no-commitment").clone();
    let got = actions(&mut c, &party);
    let waive = got
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Waive `no-commitment`")
        })
        .unwrap();
    assert_eq!(
        waive["title"],
        "Waive `no-commitment` for Wikimedia Israel here"
    );
    let waived = apply_edits(MAIN, &edits(waive));
    assert!(
        waived.contains("    gains members \"New editors\"\n    allow no-commitment because \"\"\n  }\n  party library"),
        "{waived}"
    );

    // An agreement rule: at the end of the agreement.
    let agreement = find(&diags, "missing-review").clone();
    let got = actions(&mut c, &agreement);
    let waive = got
        .iter()
        .find(|a| a["title"] == "Waive `missing-review` here")
        .unwrap();
    let waived = apply_edits(MAIN, &edits(waive));
    assert!(
        waived.ends_with(
            "  allow single-party because \"Two sides\"\n  allow missing-review because \"\"\n}\n"
        ),
        "{waived}"
    );

    // Never for a syntax error.
    let broken = "agreement \"B\" {\n  party {\n}\n";
    let diags = c.open_and_check("untitled:broken", broken);
    let syntax = find(&diags, "syntax-error").clone();
    let got = c
        .request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": "untitled:broken" }, "range": syntax["range"],
                    "context": { "diagnostics": [syntax] } }),
        )
        .unwrap();
    assert!(
        !got.as_array()
            .unwrap()
            .iter()
            .any(|a| a["title"].as_str().unwrap().starts_with("Waive")),
        "{got:#}"
    );
    c.shutdown().unwrap();
}

fn hover_text(c: &mut Client, uri: &str, line: u32, character: u32) -> String {
    let h = c.at("textDocument/hover", uri, line, character);
    assert_eq!(h["contents"]["kind"], "markdown");
    h["contents"]["value"].as_str().unwrap().to_string()
}

#[test]
fn hover_explains_parties_goals_keywords_kinds_and_rules() {
    let mut c = Client::start();
    c.open_and_check(URI, MAIN);
    let party = hover_text(&mut c, URI, 3, col(MAIN, 3, "wmil", 0) + 1);
    assert_eq!(
        party,
        "**Wikimedia Israel** (party `wmil`)\n\nKind: `chapter`  \nRole: **partner** in \"Workshops\"\n\n\
         Invests:\n- `time` 40 hours: Trainers\n\nGains:\n- `members`: New editors\n\n\
         Pursues:\n- `city`: City history\n\nCommits to: nothing\n"
    );
    // The same party where it is referred to.
    let again = hover_text(&mut c, URI, 18, col(MAIN, 18, "wmil", 0));
    assert_eq!(again, party);
    let h = c.at("textDocument/hover", URI, 18, col(MAIN, 18, "wmil", 0));
    assert_eq!(h["range"], word_range(MAIN, 18, "wmil", 0));

    let library = hover_text(&mut c, URI, 10, col(MAIN, 10, "library", 0));
    assert!(
        library.contains("- `venue`: Computer lab (to `wmil`)"),
        "{library}"
    );
    assert!(
        library.contains("- `visitors`: New people (from `wmil`)"),
        "{library}"
    );
    assert!(
        library.contains("Commits to:\n- Book the lab\n"),
        "{library}"
    );

    let goal = hover_text(&mut c, URI, 13, col(MAIN, 13, "city", 0));
    assert_eq!(
        goal,
        "**goal `city`**: City history\n\nPursued by: Wikimedia Israel (`wmil`), City Library (`library`)\n"
    );
    let keyword = hover_text(&mut c, URI, 18, 4);
    assert!(
        keyword.starts_with("**`channel`** (keyword)\n\nHow parties talk"),
        "{keyword}"
    );
    let resource = hover_text(&mut c, URI, 14, col(MAIN, 14, "venue", 0));
    assert_eq!(
        resource,
        "**`venue`** (resource kind)\n\na room, a hall, a space"
    );
    let kind = hover_text(&mut c, URI, 11, col(MAIN, 11, "library", 0) + 2);
    assert_eq!(kind, "**`library`** (party kind)\n\na library");
    let rule = hover_text(&mut c, URI, 20, col(MAIN, 20, "single-party", 0) + 3);
    assert!(
        rule.starts_with(
            "**`single-party`** (Mutuality: is this a partnership?, error by default)"
        ),
        "{rule}"
    );
    assert!(rule.contains("## What it checks"), "{rule}");
    let title = hover_text(&mut c, URI, 0, 12);
    assert!(title.starts_with("**Workshops**\n\nVerdict: **"), "{title}");
    // Nothing in a string that is not a title.
    let nothing = c.at("textDocument/hover", URI, 7, col(MAIN, 7, "Trainers", 0));
    assert_eq!(nothing, Value::Null);
    c.shutdown().unwrap();
}

#[test]
fn highlight_references_and_rename_in_one_file() {
    let mut c = Client::start();
    c.open_and_check(URI, MAIN);
    let wmil_at = [(3, 0), (14, 0), (15, 0), (18, 0), (19, 0)];
    let h = c.at(
        "textDocument/documentHighlight",
        URI,
        18,
        col(MAIN, 18, "wmil", 0) + 2,
    );
    let got: Vec<(Value, Value)> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["range"].clone(), x["kind"].clone()))
        .collect();
    let want: Vec<(Value, Value)> = wmil_at
        .iter()
        .map(|&(l, n)| {
            (
                word_range(MAIN, l, "wmil", n),
                json!(if l == 3 { 3 } else { 2 }),
            )
        })
        .collect();
    assert_eq!(got, want);

    let refs = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 9 },
                    "context": { "includeDeclaration": false } }),
        )
        .unwrap();
    let got: Vec<Value> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"].clone())
        .collect();
    let want: Vec<Value> = wmil_at[1..]
        .iter()
        .map(|&(l, n)| word_range(MAIN, l, "wmil", n))
        .collect();
    assert_eq!(got, want);
    assert!(refs.as_array().unwrap().iter().all(|l| l["uri"] == URI));

    let prepare = c.at(
        "textDocument/prepareRename",
        URI,
        13,
        col(MAIN, 13, "city", 0),
    );
    assert_eq!(
        prepare,
        json!({ "range": word_range(MAIN, 13, "city", 0), "placeholder": "city" })
    );
    assert_eq!(c.at("textDocument/prepareRename", URI, 1, 3), Value::Null);

    let edit = c
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 8 },
                    "newName": "history" }),
        )
        .unwrap();
    let renamed = apply_edits(MAIN, edit["changes"][URI].as_array().unwrap());
    assert_eq!(renamed, MAIN.replace("city", "history"));
    let bad = c.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 8 },
                "newName": "party" }),
    );
    assert_eq!(bad.unwrap_err().0, -32602);
    c.shutdown().unwrap();
}

#[test]
fn definition_references_and_rename_across_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    let parties_text =
        "party wmil \"Wikimedia Israel\" {\n  kind chapter\n}\ngoal free \"Free knowledge\"\n";
    let main_text = "import \"shared/parties.mutual\"\n\nagreement \"A\" {\n  party wmil {\n    pursues free\n  }\n  party lib \"Library\" {\n    pursues free\n  }\n  channel wmil <-> lib\n}\n";
    std::fs::create_dir_all(dir_path.join("shared")).unwrap();
    std::fs::write(dir_path.join("shared/parties.mutual"), parties_text).unwrap();
    std::fs::write(dir_path.join("main.mutual"), main_text).unwrap();
    let parties = file_uri(&dir_path.join("shared/parties.mutual"));
    let main = file_uri(&dir_path.join("main.mutual"));

    let mut c = Client::start_with(support::capabilities(), Some(&dir_path));
    c.open_and_check(&main, main_text);
    // A party block without a name goes to the top-level definition.
    let def = c.at("textDocument/definition", &main, 3, 9);
    assert_eq!(def, json!({ "uri": parties, "range": range(0, 6, 0, 10) }));
    let def = c.at("textDocument/definition", &main, 9, 11);
    assert_eq!(def, json!({ "uri": parties, "range": range(0, 6, 0, 10) }));
    let def = c.at("textDocument/definition", &main, 7, 14);
    assert_eq!(def, json!({ "uri": parties, "range": range(3, 5, 3, 9) }));
    // An import's path goes to the file.
    let def = c.at("textDocument/definition", &main, 0, 12);
    assert_eq!(def, json!({ "uri": parties, "range": range(0, 0, 0, 0) }));
    // A party defined in the agreement goes to its block.
    let def = c.at("textDocument/definition", &main, 9, 19);
    assert_eq!(def, json!({ "uri": main, "range": range(6, 8, 6, 11) }));

    // References from the definition (the imported file is not even open).
    let refs = c
        .request(
            "textDocument/references",
            json!({ "textDocument": { "uri": parties }, "position": { "line": 3, "character": 6 },
                    "context": { "includeDeclaration": true } }),
        )
        .unwrap();
    let mut got: Vec<(String, Value)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["uri"].as_str().unwrap().to_string(), l["range"].clone()))
        .collect();
    got.sort_by_key(|(u, r)| (u.clone(), r["start"]["line"].as_u64()));
    let mut want = vec![
        (main.clone(), range(4, 12, 4, 16)),
        (main.clone(), range(7, 12, 7, 16)),
        (parties.clone(), range(3, 5, 3, 9)),
    ];
    want.sort_by_key(|(u, r)| (u.clone(), r["start"]["line"].as_u64()));
    assert_eq!(got, want);

    let edit = c
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": main }, "position": { "line": 3, "character": 9 },
                    "newName": "wmi" }),
        )
        .unwrap();
    let changes = &edit["changes"];
    assert_eq!(
        apply_edits(parties_text, changes[&parties].as_array().unwrap()),
        parties_text.replace("wmil", "wmi")
    );
    assert_eq!(
        apply_edits(main_text, changes[&main].as_array().unwrap()),
        main_text.replace("wmil", "wmi")
    );
    c.shutdown().unwrap();
}

#[test]
fn a_change_in_an_imported_file_checks_the_importer_again() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    let parties_text = "goal free \"Free knowledge\"\n";
    let main_text = "import \"parties.mutual\"\n\nagreement \"A\" {\n  party a \"A\" {\n    pursues free\n  }\n}\n";
    std::fs::write(dir_path.join("parties.mutual"), parties_text).unwrap();
    std::fs::write(dir_path.join("main.mutual"), main_text).unwrap();
    let parties = file_uri(&dir_path.join("parties.mutual"));
    let main = file_uri(&dir_path.join("main.mutual"));
    let mut c = Client::start();
    let diags = c.open_and_check(&main, main_text);
    assert!(
        !diags.iter().any(|d| d["code"] == "unknown-goal"),
        "{diags:#?}"
    );
    c.open_and_check(&parties, parties_text);
    c.forget_notifications();
    // Rename the goal in the open (unsaved) imported file.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": parties, "version": 2 },
                "contentChanges": [{ "range": range(0, 5, 0, 9), "text": "libre" }] }),
    );
    let diags = c.diagnostics(&main);
    let unknown = find(&diags, "unknown-goal");
    assert_eq!(unknown["range"], range(4, 12, 4, 16));
    c.shutdown().unwrap();
}

fn labels(c: &mut Client, uri: &str, text_with_cursor: &str) -> Vec<String> {
    let at = text_with_cursor.find('|').unwrap();
    let text = text_with_cursor.replace('|', "");
    let line = text[..at].matches('\n').count() as u32;
    let character = text[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count() as u32;
    c.open(uri, &text);
    let got = c.at("textDocument/completion", uri, line, character);
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    got.as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_fits_the_position() {
    let mut c = Client::start();
    let body = |inner: &str| {
        format!(
            "goal top \"Top\"\nagreement \"C\" {{\n  goal city \"City\"\n  party wmil \"W\" {{\n    {inner}\n  }}\n  party lib \"L\" {{\n  }}\n}}\n"
        )
    };
    let kinds = labels(&mut c, "untitled:c1", &body("invests |"));
    assert!(
        kinds.contains(&"money".into()) && kinds.contains(&"venue".into()),
        "{kinds:?}"
    );
    assert!(!kinds.contains(&"library".into()));
    let kinds = labels(&mut c, "untitled:c2", &body("kind li|"));
    assert!(
        kinds.contains(&"library".into()) && kinds.contains(&"user-group".into()),
        "{kinds:?}"
    );
    let parties = labels(&mut c, "untitled:c3", &body("gains content from |"));
    assert_eq!(parties, vec!["wmil", "lib"]);
    let goals = labels(&mut c, "untitled:c4", &body("pursues |"));
    assert_eq!(goals, vec!["city", "top"]);
    let goals = labels(&mut c, "untitled:c5", &body("pursues city, |"));
    assert_eq!(goals, vec!["city", "top"]);
    let rules = labels(&mut c, "untitled:c6", &body("allow |"));
    assert!(
        rules.contains(&"missing-review".into()) && rules.contains(&"no-benefit".into()),
        "{rules:?}"
    );
    assert!(!rules.contains(&"syntax-error".into()));
    let party_words = labels(&mut c, "untitled:c7", &body("|"));
    assert_eq!(
        party_words,
        vec![
            "kind",
            "anonymous",
            "contact",
            "pursues",
            "invests",
            "gains",
            "commits",
            "signed",
            "allow"
        ]
    );
    let agreement_words = labels(
        &mut c,
        "untitled:c8",
        "agreement \"C\" {\n  party a \"A\" {\n  }\n  |\n}\n",
    );
    assert!(
        agreement_words.contains(&"status".into()) && agreement_words.contains(&"wind-down".into())
    );
    assert!(!agreement_words.contains(&"invests".into()));
    let top = labels(&mut c, "untitled:c9", "agreement \"C\" {\n}\n|");
    assert_eq!(top, vec!["import", "party", "goal", "agreement"]);
    let channel = labels(
        &mut c,
        "untitled:c10",
        "agreement \"C\" {\n  party a \"A\" {\n  }\n  party b \"B\" {\n  }\n  channel |\n}\n",
    );
    assert_eq!(channel, vec!["a", "b", "all"]);
    let to = labels(
        &mut c,
        "untitled:c11",
        "agreement \"C\" {\n  party a \"A\" {\n  }\n  party b \"B\" {\n  }\n  channel a -> |\n}\n",
    );
    assert_eq!(to, vec!["a", "b"]);
    // Nothing inside a description.
    let none = labels(&mut c, "untitled:c12", &body("commits \"Run |\""));
    assert!(none.is_empty(), "{none:?}");

    // Paths inside `import "…"`.
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::create_dir_all(dir_path.join("parties")).unwrap();
    std::fs::write(dir_path.join("parties/wmil.mutual"), "").unwrap();
    std::fs::write(dir_path.join("other.mutual"), "").unwrap();
    std::fs::write(dir_path.join("notes.txt"), "").unwrap();
    let main = file_uri(&dir_path.join("main.mutual"));
    let paths = labels(&mut c, &main, "import \"|\"\n");
    assert_eq!(paths, vec!["other.mutual", "parties/"]);
    let paths = labels(&mut c, &main, "import \"parties/w|\"\n");
    assert_eq!(paths, vec!["wmil.mutual"]);
    c.shutdown().unwrap();
}

#[test]
fn document_and_workspace_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(
        dir_path.join("closed.mutual"),
        "party library \"City Library\"\n",
    )
    .unwrap();
    let mut c = Client::start_with(support::capabilities(), Some(&dir_path));
    c.open_and_check(URI, MAIN);
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    let outline: Vec<(Value, Value, Vec<Value>)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].clone(),
                s["kind"].clone(),
                s["children"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| json!([c["name"], c["kind"]]))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        outline,
        vec![(
            json!("Workshops"),
            json!(3),
            vec![
                json!(["city", 14]),
                json!(["wmil", 5]),
                json!(["library", 5])
            ]
        )]
    );
    assert_eq!(
        symbols[0]["selectionRange"],
        word_range(MAIN, 0, "\"Workshops\"", 0)
    );
    assert_eq!(
        symbols[0]["children"][1]["selectionRange"],
        word_range(MAIN, 3, "wmil", 0)
    );

    let found = c
        .request("workspace/symbol", json!({ "query": "libr" }))
        .unwrap();
    let mut got: Vec<(String, String, Value)> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["location"]["uri"].as_str().unwrap().to_string(),
                s["containerName"].clone(),
            )
        })
        .collect();
    got.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert_eq!(
        got,
        vec![
            (
                "library".to_string(),
                file_uri(&dir_path.join("closed.mutual")),
                Value::Null
            ),
            ("library".to_string(), URI.to_string(), json!("Workshops")),
        ]
    );
    c.shutdown().unwrap();
}

#[test]
fn formatting_is_one_edit_or_none() {
    let mut c = Client::start();
    let messy = "agreement   \"F\"{status draft   # not yet\n\n\n\n purpose \"Teach\"}";
    c.open("untitled:fmt", messy);
    let edits = c
        .request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": "untitled:fmt" }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .unwrap();
    assert_eq!(
        edits,
        json!([{ "range": range(0, 0, 4, 17), "newText": "agreement \"F\" {\n  status draft   # not yet\n\n  purpose \"Teach\"\n}\n" }])
    );
    c.open("untitled:bad", "agreement \"F\" {\n  status\n");
    let edits = c
        .request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": "untitled:bad" }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .unwrap();
    assert_eq!(edits, Value::Null);
    c.shutdown().unwrap();
}

#[test]
fn semantic_tokens_decode_to_the_right_kinds() {
    let mut c = Client::start();
    let text = "agreement \"T\" { # c\n  term 2026-01-01 to 2027-01-01\n  party a \"A\" {\n    invests money 20 EUR to b\n  }\n  party b \"B\" {\n  }\n  channel a <-> b\n}\n";
    c.open_and_check(URI, text);
    let legend = c.initialize_result["capabilities"]["semanticTokensProvider"]["legend"].clone();
    let types: Vec<String> = serde_json::from_value(legend["tokenTypes"].clone()).unwrap();
    let mods: Vec<String> = serde_json::from_value(legend["tokenModifiers"].clone()).unwrap();
    let tokens = c
        .request(
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": URI } }),
        )
        .unwrap();
    let data: Vec<u32> = serde_json::from_value(tokens["data"].clone()).unwrap();
    let mut decoded = Vec::new();
    let (mut line, mut start) = (0, 0);
    for t in data.chunks(5) {
        if t[0] > 0 {
            start = 0;
        }
        line += t[0];
        start += t[1];
        let word: String = text
            .lines()
            .nth(line as usize)
            .unwrap()
            .chars()
            .skip(start as usize)
            .take(t[2] as usize)
            .collect();
        let modifiers: Vec<&str> = (0..mods.len())
            .filter(|i| t[4] & (1 << i) != 0)
            .map(|i| mods[i].as_str())
            .collect();
        decoded.push(format!(
            "{line}:{start} {word} {}{}",
            types[t[3] as usize],
            if modifiers.is_empty() {
                String::new()
            } else {
                format!(" [{}]", modifiers.join(","))
            }
        ));
    }
    assert_eq!(
        decoded,
        vec![
            "0:0 agreement keyword",
            "0:10 \"T\" string",
            "0:16 # c comment",
            "1:2 term keyword",
            "1:7 2026-01-01 number [date]",
            "1:18 to keyword",
            "1:21 2027-01-01 number [date]",
            "2:2 party keyword",
            "2:8 a class [declaration]",
            "2:10 \"A\" string",
            "3:4 invests keyword",
            "3:12 money type",
            "3:18 20 number",
            "3:25 to keyword",
            "3:28 b class",
            "5:2 party keyword",
            "5:8 b class [declaration]",
            "5:10 \"B\" string",
            "7:2 channel keyword",
            "7:10 a class",
            "7:12 <-> operator",
            "7:16 b class",
        ]
    );
    c.shutdown().unwrap();
}

#[test]
fn inlay_hints_count_flows_and_show_the_verdict() {
    let mut c = Client::start();
    c.open_and_check(URI, MAIN);
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": URI }, "range": range(0, 0, 30, 0) }),
        )
        .unwrap();
    let got: Vec<(Value, String)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"].clone(),
                h["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, json!({ "line": 0, "character": 21 }));
    assert!(got[0].1.starts_with("verdict: "), "{got:?}");
    assert_eq!(
        got[1],
        (
            json!({ "line": 3, "character": 12 }),
            "invests 1 · gains 1".to_string()
        )
    );
    assert_eq!(
        got[2],
        (
            json!({ "line": 10, "character": 15 }),
            "invests 1 · gains 1".to_string()
        )
    );

    let solo = "agreement \"Solo\" {\n  party a \"A\" {\n    invests time \"Help\"\n  }\n}\n";
    c.open_and_check("untitled:solo", solo);
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": "untitled:solo" }, "range": range(0, 0, 5, 0) }),
        )
        .unwrap();
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, vec!["verdict: one-sided", "invests 1 · gains 0"]);
    // Only the hints inside the range asked for.
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({ "textDocument": { "uri": "untitled:solo" }, "range": range(1, 0, 2, 0) }),
        )
        .unwrap();
    assert_eq!(hints.as_array().unwrap().len(), 1);
    c.shutdown().unwrap();
}

#[test]
fn pull_clients_pull_and_get_nothing_pushed() {
    let mut caps = support::capabilities();
    caps["textDocument"]["diagnostic"] = json!({ "dynamicRegistration": false });
    caps["workspace"]["diagnostics"] = json!({ "refreshSupport": true });
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(dir_path.join("goals.mutual"), "goal free \"Free\"\n").unwrap();
    let main_text =
        "import \"goals.mutual\"\nagreement \"A\" {\n  party a \"A\" {\n    pursues free\n  }\n}\n";
    std::fs::write(dir_path.join("main.mutual"), main_text).unwrap();
    let goals = file_uri(&dir_path.join("goals.mutual"));
    let main = file_uri(&dir_path.join("main.mutual"));
    let mut c = Client::start_with(caps, None);
    let provider = &c.initialize_result["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["interFileDependencies"], true);
    assert_eq!(provider["identifier"], "mutual");
    c.open(&main, main_text);
    c.open(&goals, "goal free \"Free\"\n");
    c.sync();
    let report = c
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": main } }),
        )
        .unwrap();
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().unwrap().clone();
    assert!(
        items.iter().any(|d| d["code"] == "single-party"),
        "{items:#?}"
    );
    assert!(
        items.iter().any(|d| d["code"] == "no-commitment"),
        "{items:#?}"
    );
    assert!(
        !items.iter().any(|d| d["code"] == "unknown-goal"),
        "{items:#?}"
    );
    // A change to the imported file asks the client to pull again.
    c.server_requests.clear();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": goals, "version": 2 },
                "contentChanges": [{ "range": range(0, 5, 0, 9), "text": "libre" }] }),
    );
    c.server_request("workspace/diagnostic/refresh");
    let report = c
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": main } }),
        )
        .unwrap();
    assert!(
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unknown-goal"),
        "{report:#}"
    );
    assert_eq!(
        c.published_within(&main, std::time::Duration::from_millis(300)),
        None
    );
    c.shutdown().unwrap();
}

#[test]
fn a_mutual_toml_change_checks_every_open_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = std::fs::canonicalize(dir.path()).unwrap();
    let main = file_uri(&dir_path.join("main.mutual"));
    std::fs::write(dir_path.join("main.mutual"), MAIN).unwrap();
    let mut c = Client::start_with(support::capabilities(), Some(&dir_path));
    // The client is asked to watch `mutual.toml` files.
    let registration = c.server_request("client/registerCapability");
    assert!(registration.params.to_string().contains("**/mutual.toml"));
    let diags = c.open_and_check(&main, MAIN);
    find(&diags, "no-commitment");
    std::fs::write(
        dir_path.join("mutual.toml"),
        "[rules]\nno-commitment = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&dir_path.join("mutual.toml")), "type": 1 }] }),
    );
    let diags = c.diagnostics(&main);
    assert!(
        !diags.iter().any(|d| d["code"] == "no-commitment"),
        "{diags:#?}"
    );
    // Editing the open mutual.toml applies at once, before it is saved.
    let toml = file_uri(&dir_path.join("mutual.toml"));
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": toml, "languageId": "toml", "version": 1,
                "text": "[rules]\nno-commitment = \"off\"\n" } }),
    );
    let _ = c.diagnostics(&main);
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": toml, "version": 2 },
                "contentChanges": [{ "text": "[rules]\nno-commitment = \"error\"\n" }] }),
    );
    let diags = c.diagnostics(&main);
    assert_eq!(find(&diags, "no-commitment")["severity"], 1);
    // The open mutual.toml gets its own diagnostics: rules that do not
    // exist, and why it cannot be read.
    c.forget_notifications();
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": toml, "version": 3 },
                "contentChanges": [{ "text": "[rules]\nno-comitment = \"off\"\n" }] }),
    );
    let toml_diags = c.diagnostics(&toml);
    let unknown = find(&toml_diags, "unknown-rule");
    assert_eq!(
        unknown["range"]["start"],
        json!({ "line": 1, "character": 0 })
    );
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("no-commitment"),
        "{unknown:#}"
    );
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": toml, "version": 4 },
                "contentChanges": [{ "text": "[rules]\nno-commitment = \"loud\"\n" }] }),
    );
    let toml_diags = c.diagnostics(&toml);
    assert_eq!(toml_diags.len(), 1, "{toml_diags:#?}");
    assert_eq!(toml_diags[0]["severity"], 1);
    assert_eq!(toml_diags[0]["range"]["start"]["line"], 1);
    // The broken file is not used: the rule is back to its default level.
    let diags = c.diagnostics(&main);
    assert_eq!(find(&diags, "no-commitment")["severity"], 2);
    c.shutdown().unwrap();
}
