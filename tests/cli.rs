//! The command line's contract: arguments, exit codes, and what reaches stdout and stderr.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn okrlint() -> Command {
    let mut cmd = Command::cargo_bin("okrlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

fn json_stdout(args: &[&str]) -> Value {
    let output = okrlint().args(args).output().unwrap();
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn the_sample_has_findings_and_exits_1() {
    okrlint()
        .args(["check", "fixtures/sample.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[M002]: 目标值仍是占位符“X”"))
        .stdout(
            predicate::str::is_match(
                r"\nFound \d+ problems \(\d+ errors, \d+ warnings, \d+ infos\) in 1 file\.\n$",
            )
            .unwrap(),
        );
}

#[test]
fn a_clean_file_exits_0() {
    okrlint()
        .args(["check", "fixtures/rules/M004/good.md"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file.\n");
}

#[test]
fn findings_exit_1_and_fail_on_sets_the_bar() {
    // S003/bad.md has warnings only.
    let warnings_only = "fixtures/rules/S003/bad.md";
    okrlint().args(["check", warnings_only]).assert().code(1);
    okrlint()
        .args(["check", "--fail-on", "error", warnings_only])
        .assert()
        .code(0);
    okrlint()
        .args(["check", "--fail-on", "info", warnings_only])
        .assert()
        .code(1);
    okrlint()
        .args(["check", "--fail-on", "never", "fixtures/rules/S001/bad.md"])
        .assert()
        .code(0);
    okrlint()
        .args(["check", "--fail-on", "error", "fixtures/rules/S001/bad.md"])
        .assert()
        .code(1);
}

#[test]
fn concise_is_one_line_per_finding() {
    okrlint()
        .args(["check", "--format", "concise", "fixtures/rules/S006/bad.md"])
        .assert()
        .code(1)
        .stdout(
            "fixtures/rules/S006/bad.md:1:3: M003 [warning] 文档没有声明周期，2 个关键结果没有时间范围\n\
             fixtures/rules/S006/bad.md:5:5: S006 [error] 关键结果没有内容\n\
             fixtures/rules/S006/bad.md:6:3: S006 [error] 目标没有内容\n\
             Found 3 problems (2 errors, 1 warning) in 1 file.\n",
        );
}

#[test]
fn quiet_drops_the_summary() {
    okrlint()
        .args([
            "check",
            "-q",
            "--format",
            "concise",
            "fixtures/rules/M001/good.txt",
        ])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn full_output_labels_the_phrase_and_ends_with_a_summary() {
    okrlint()
        .args([
            "check",
            "fixtures/rules/S002/good.txt",
            "fixtures/rules/S002/bad.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[S002]: 目标没有关键结果"))
        .stdout(predicate::str::contains(
            "--> fixtures/rules/S002/bad.txt:2:1",
        ))
        .stdout(predicate::str::contains("= help: "))
        .stdout(predicate::str::ends_with(
            "Found 6 problems (3 errors, 3 warnings) in 2 files.\n",
        ));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let bad = "fixtures/rules/S002/bad.txt";
    let escape = predicate::str::contains("\u{1b}[");
    okrlint()
        .args(["check", "--color", "always", bad])
        .assert()
        .stdout(escape.clone());
    okrlint()
        .args(["check", "--color", "never", bad])
        .assert()
        .stdout(escape.clone().not());
    okrlint()
        .args(["check", bad])
        .env("NO_COLOR", "1")
        .assert()
        .stdout(escape.clone().not());
    // Not a terminal: `auto` stays plain.
    okrlint().args(["check", bad]).assert().stdout(escape.not());
}

#[test]
fn json_report_follows_the_contract() {
    let report = json_stdout(&["check", "--format", "json", "fixtures/rules/S005/bad.txt"]);
    assert_eq!(report["version"], 1);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 5, "infos": 0})
    );
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let first = diagnostics.iter().find(|d| d["code"] == "S005").unwrap();
    assert_eq!(report["files"][0]["path"], "fixtures/rules/S005/bad.txt");
    assert_eq!(first["code"], "S005");
    assert_eq!(first["name"], "numbering-gap");
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        first["span"]["start"],
        serde_json::json!({"line": 4, "column": 3, "offset": 76})
    );
    assert_eq!(first["fix"]["applicability"], "safe");
    assert_eq!(first["fix"]["edits"][0]["replacement"], "2");
    assert_eq!(first["labels"][0]["message"], "应为 KR2");
}

#[test]
fn json_lines_carry_their_path() {
    let output = okrlint()
        .args([
            "check",
            "--format",
            "json-lines",
            "fixtures/rules/S006/bad.md",
        ])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let codes: Vec<&str> = lines.iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["M003", "S006", "S006"]);
    assert!(
        lines
            .iter()
            .all(|l| l["path"] == "fixtures/rules/S006/bad.md")
    );
}

#[test]
fn folders_are_walked_in_path_order() {
    okrlint()
        .args([
            "check",
            "--format",
            "concise",
            "-q",
            "--fail-on",
            "never",
            "fixtures/rules/S007",
        ])
        .assert()
        .code(0)
        .stdout(
            "fixtures/rules/S007/bad-en.txt:5:6: S007 [warning] the same key result as on line 4\n\
             fixtures/rules/S007/bad.txt:3:5: F003 [info] 其他关键结果不以“。”结尾，这一条有\n\
             fixtures/rules/S007/bad.txt:3:5: M003 [warning] 文档没有声明周期，5 个关键结果没有时间范围\n\
             fixtures/rules/S007/bad.txt:4:5: S007 [warning] 与第 3 行的关键结果重复\n\
             fixtures/rules/S007/bad.txt:6:4: S007 [warning] 与第 2 行的目标重复\n\
             fixtures/rules/S007/good.txt:3:5: M003 [warning] 文档没有声明周期，5 个关键结果没有时间范围\n",
        );
}

#[test]
fn rules_lists_every_rule() {
    let listing = okrlint().arg("rules").output().unwrap();
    let text = String::from_utf8(listing.stdout).unwrap();
    for rule in okrlint::rules::ALL {
        assert!(
            text.lines()
                .any(|l| l.starts_with(rule.code) && l.contains(rule.name)),
            "{} missing",
            rule.code
        );
    }
    let json = json_stdout(&["rules", "--format", "json"]);
    assert_eq!(json.as_array().unwrap().len(), okrlint::rules::ALL.len());
    assert_eq!(json[0]["code"], "P001");
}

#[test]
fn explain_takes_a_code_or_a_name() {
    for name in ["S005", "s005", "numbering-gap"] {
        okrlint()
            .args(["explain", name])
            .assert()
            .code(0)
            .stdout(predicate::str::starts_with(
                "S005 (numbering-gap) — default severity: warning",
            ))
            .stdout(predicate::str::contains("## Why it matters"));
    }
    okrlint()
        .args(["explain", "no-such-rule"])
        .assert()
        .code(2)
        .stderr("okrlint: error: no rule is called `no-such-rule`; `okrlint rules` lists them\n");
}

#[test]
fn inspect_shows_the_outline() {
    okrlint()
        .args(["inspect", "fixtures/sample.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("fixtures/sample.txt\ntitle OKR制定举例\nsection 公司级OKR (line 2)\n  unit (unnamed) [score "))
        .stdout(predicate::str::contains("    O1 (line 3) 优化成本结构,提升公司盈利 [score "))
        .stdout(predicate::str::contains("      KR1 (line 4) 通过优化产品设计,实现产品标准成本比去年降低10%。 [outcome · score 85]\n"))
        .stdout(predicate::str::contains("          clauses     [means 通过优化产品设计]  [outcome 实现产品标准成本比去年降低10%]\n"));
    let json = json_stdout(&["inspect", "--format", "json", "fixtures/sample.txt"]);
    let doc = &json["documents"][0];
    assert_eq!(json["version"], 1);
    assert_eq!(doc["title"], "OKR制定举例");
    let objectives = doc["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 25);
    let key_results: usize = objectives
        .iter()
        .map(|o| o["key_results"].as_array().unwrap().len())
        .sum();
    assert_eq!(key_results, 82);
    assert_eq!(objectives[0]["id"], "O1");
    assert_eq!(objectives[0]["section"], "公司级OKR");
    assert_eq!(objectives[0]["unit"], Value::Null);
    assert_eq!(objectives[3]["unit"], "研发部门");
    let first = &objectives[0]["key_results"][0];
    assert_eq!(first["line"], 4);
    assert_eq!(first["has_number"], true);
    assert_eq!(first["has_placeholder"], false);
    assert_eq!(first["has_deadline"], false);
    assert_eq!(first["kind"], "outcome");
    assert_eq!(first["facts"]["numbers"][0]["text"], "10%");
    assert_eq!(first["facts"]["baselines"][0]["text"], "比去年");
    assert_eq!(first["facts"]["clauses"][1]["role"], "outcome");
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    okrlint()
        .args(["check", "fixtures/no-such-file.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "okrlint: error: fixtures/no-such-file.md: ",
        ));
}

#[test]
fn invalid_utf8_is_an_error_naming_the_file_and_offset() {
    okrlint()
        .args(["check", "fixtures/hostile/invalid-utf8.txt"])
        .assert()
        .code(2)
        .stderr("okrlint: error: fixtures/hostile/invalid-utf8.txt:1:6: not valid UTF-8 (first bad byte at offset 11)\n");
}

#[test]
fn a_named_binary_file_is_an_error() {
    okrlint()
        .args(["check", "fixtures/hostile/binary.okr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "binary.okr: looks binary (NUL byte at offset 2)",
        ));
}

#[test]
fn unreadable_files_met_while_walking_are_skipped_with_a_warning() {
    okrlint()
        .args(["check", "--format", "concise", "fixtures/hostile"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "okrlint: warning: skipped fixtures/hostile/binary.okr",
        ))
        .stderr(predicate::str::contains(
            "okrlint: warning: skipped fixtures/hostile/invalid-utf8.txt",
        ))
        .stdout(predicate::str::contains(
            "fixtures/hostile/bom-crlf.txt:2:1: P001",
        ));
}

#[test]
fn empty_and_bom_only_files_have_nothing_to_report() {
    okrlint()
        .args([
            "check",
            "fixtures/hostile/empty.txt",
            "fixtures/hostile/only-bom.txt",
        ])
        .assert()
        .code(0)
        .stdout("No problems found in 2 files.\n");
}

#[test]
fn a_bom_does_not_shift_columns() {
    okrlint()
        .args(["check", "--format", "concise", "-q", "fixtures/hostile/bom-crlf.txt"])
        .assert()
        .stdout(
            "fixtures/hostile/bom-crlf.txt:2:1: P001 [warning] 条目标记不规范：字母应大写，标记后缺少冒号\n\
             fixtures/hostile/bom-crlf.txt:2:5: M003 [warning] 文档没有声明周期，2 个关键结果没有时间范围\n\
             fixtures/hostile/bom-crlf.txt:3:10: M006 [info] 变化量“30%”没有基线\n",
        );
}

#[test]
fn usage_errors_exit_2() {
    okrlint()
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    okrlint().arg("frobnicate").assert().code(2);
}

#[test]
fn score_prints_a_table_with_tiers() {
    okrlint()
        .args(["score", "fixtures/rules/M001/good.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "fixtures/rules/M001/good.txt\nscore  tier     item\n",
        ))
        .stdout(
            predicate::str::is_match(r"\n\s+\d+  good\s+KR1 季度客户满意度从78分提升到85分\n")
                .unwrap(),
        )
        .stdout(predicate::str::is_match(r"\n\s+\d+  \w+\s+document\n$").unwrap());
}

#[test]
fn score_json_adds_up_the_parts() {
    let json = json_stdout(&["score", "--format", "json", "fixtures/sample.txt"]);
    let unit = &json["documents"][0]["units"][0];
    let objective = &unit["objectives"][0];
    let first = &objective["key_results"][0];
    // 通过优化产品设计,实现产品标准成本比去年降低10%: measurable, an outcome, a baseline, clear
    // wording, and no time frame (the sample declares no period).
    assert_eq!(
        first["parts"],
        serde_json::json!({"measurable": 35, "outcome": 25, "time_bound": 0, "baseline": 10, "clear": 15})
    );
    assert_eq!(first["score"], 85);
    assert_eq!(first["tier"], "good");
    for objective in unit["objectives"].as_array().unwrap() {
        let scores: Vec<u64> = objective["key_results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["score"].as_u64().unwrap())
            .collect();
        let mean = (scores.iter().sum::<u64>() as f64 / scores.len() as f64).round() as u64;
        assert_eq!(
            objective["score"], mean,
            "an objective with no structural fault scores the mean of its key results"
        );
    }
}
