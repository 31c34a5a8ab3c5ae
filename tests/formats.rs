//! The machine formats: SARIF (validated against the 2.1.0 schema), GitHub workflow commands,
//! reviewdog's rdjson, and `--statistics`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn okrlint() -> Command {
    let mut cmd = Command::cargo_bin("okrlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    String::from_utf8(okrlint().args(args).output().unwrap().stdout).unwrap()
}

fn sarif_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--isolated", "--format", "sarif"];
    all.extend(args);
    serde_json::from_str(&stdout_of(&all)).expect("SARIF is JSON")
}

#[test]
fn sarif_validates_against_the_schema_and_describes_every_rule() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let log = sarif_of(&[
        "fixtures/sample.txt",
        "fixtures/rules/S005/bad.txt",
        "fixtures/rules/P001/bad.txt",
    ]);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), okrlint::rules::ALL.len());
    assert!(rules.iter().all(|r| {
        r["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("## Why it matters")
    }));
    let results = run["results"].as_array().unwrap();
    let s005 = results.iter().find(|r| r["ruleId"] == "S005").unwrap();
    assert_eq!(
        s005["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/rules/S005/bad.txt"
    );
    assert_eq!(
        s005["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert!(
        s005["fixes"][0]["artifactChanges"][0]["replacements"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    assert_eq!(
        rules[s005["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "S005"
    );
}

#[test]
fn sarif_fingerprints_survive_lines_inserted_above() {
    let dir = std::env::temp_dir().join(format!("okrlint-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let original = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/rules/M001/bad.txt"
    ))
    .unwrap();
    let path = dir.join("okr.txt");
    let fingerprints = |text: &str| -> Vec<(String, String)> {
        std::fs::write(&path, text).unwrap();
        let log = sarif_of(&[path.to_str().unwrap()]);
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().to_owned(),
                    r["partialFingerprints"]["okrlint/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                )
            })
            .collect()
    };
    let before = fingerprints(&original);
    let after = fingerprints(&format!(
        "<!-- 新增的说明 -->\n\n备注：草稿第二版\n{original}"
    ));
    assert!(!before.is_empty());
    assert_eq!(before, after);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn github_annotations_escape_and_say_when_some_will_not_show() {
    let out = stdout_of(&[
        "check",
        "--isolated",
        "--format",
        "github",
        "fixtures/rules/S002/bad.txt",
    ]);
    assert!(out.contains("::error file=fixtures/rules/S002/bad.txt,line=2,col=1,endLine=2,endColumn=3,title=okrlint (S002)::目标没有关键结果%0A"), "{out}");
    assert!(
        out.contains("fixtures/rules/S002/bad.txt:2:1: S002 [error] 目标没有关键结果\n"),
        "the log has every finding"
    );
    assert!(
        !out.contains("::notice title=okrlint::"),
        "few findings: every annotation shows"
    );
    // The sample has 35 warnings of one rule alone: more than GitHub shows.
    let many = stdout_of(&[
        "check",
        "--isolated",
        "--format",
        "github",
        "fixtures/sample.txt",
    ]);
    let warnings = many.lines().filter(|l| l.starts_with("::warning ")).count();
    assert!(warnings > 10);
    assert!(
        many.contains("::notice title=okrlint::GitHub shows 10 annotations of each kind;"),
        "{}",
        many.lines().last().unwrap()
    );
}

#[test]
fn rdjson_counts_columns_in_bytes_and_carries_fixes() {
    let report: Value = serde_json::from_str(&stdout_of(&[
        "check",
        "--isolated",
        "--format",
        "rdjson",
        "--select",
        "P001",
        "fixtures/rules/P001/bad.txt",
    ]))
    .unwrap();
    assert_eq!(report["source"]["name"], "okrlint");
    let first = &report["diagnostics"][0];
    assert_eq!(first["code"]["value"], "P001");
    assert_eq!(first["severity"], "WARNING");
    // Line 3 is `Kr1：…`: the marker starts at byte column 1 and its colon ends at byte 7.
    assert_eq!(
        first["location"]["range"],
        serde_json::json!({"start": {"line": 3, "column": 1}, "end": {"line": 3, "column": 7}})
    );
    assert_eq!(first["suggestions"][0]["text"], "KR1");
    let eighth = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["location"]["range"]["start"]["line"] == 8)
        .unwrap();
    // `ＫＲ1：`: two full-width letters are six bytes.
    assert_eq!(eighth["location"]["range"]["end"]["column"], 11);
}

#[test]
fn statistics_count_findings_per_rule() {
    okrlint()
        .args([
            "check",
            "--isolated",
            "--statistics",
            "fixtures/rules/S005/bad.txt",
        ])
        .assert()
        .code(1)
        .stdout("     4  S005  numbering-gap\n     1  M003  missing-time-frame\n");
    let json: Value = serde_json::from_str(&stdout_of(&[
        "check",
        "--isolated",
        "--statistics",
        "--format",
        "json",
        "fixtures/rules/S005/bad.txt",
    ]))
    .unwrap();
    assert_eq!(
        json[0],
        serde_json::json!({"code": "S005", "name": "numbering-gap", "count": 4})
    );
}

#[test]
fn every_format_exits_by_fail_on() {
    for format in [
        "full",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "rdjson",
    ] {
        okrlint()
            .args([
                "check",
                "--isolated",
                "--format",
                format,
                "fixtures/rules/S002/bad.txt",
            ])
            .assert()
            .code(1);
        okrlint()
            .args([
                "check",
                "--isolated",
                "--format",
                format,
                "--fail-on",
                "never",
                "fixtures/rules/S002/bad.txt",
            ])
            .assert()
            .code(0);
        okrlint()
            .args([
                "check",
                "--isolated",
                "--format",
                format,
                "fixtures/rules/M004/good.md",
            ])
            .assert()
            .code(0);
        okrlint()
            .args([
                "check",
                "--isolated",
                "--format",
                format,
                "fixtures/no-such.md",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no-such.md"));
    }
}
