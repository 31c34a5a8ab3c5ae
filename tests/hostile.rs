//! Hostile input: whatever people point okrlint at gets a clear message or a correct result,
//! never a panic, a hang or a damaged file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn okrlint() -> Command {
    let mut cmd = Command::cargo_bin("okrlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("okrlint-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The run ends with a report and an exit code of 0 or 1: no crash, no error.
fn lints(path: &Path) -> String {
    let output = okrlint()
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "--fail-on",
            "never",
        ])
        .arg(path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn empty_bom_only_and_whitespace_only_files_have_nothing_to_report() {
    for file in ["empty.txt", "only-bom.txt", "whitespace-only.txt"] {
        let out = lints(&Path::new("fixtures/hostile").join(file));
        assert_eq!(out, "No problems found in 1 file.\n", "{file}");
    }
}

#[test]
fn mixed_line_endings_control_characters_rtl_and_combining_marks_are_read() {
    let mixed = lints(Path::new("fixtures/hostile/mixed-line-endings.txt"));
    assert!(
        mixed.contains("No problems found"),
        "CRLF, CR and LF lines all read as lines: {mixed}"
    );
    let control = lints(Path::new("fixtures/hostile/control-characters.txt"));
    assert!(control.contains("in 1 file."));
    let rtl = lints(Path::new("fixtures/hostile/rtl-combining.md"));
    assert!(rtl.contains("in 1 file."));
}

/// Labels joined to their text by multi-byte dashes and dots, the way drafts pasted from word
/// processors write them: read, never sliced inside a character.
#[test]
fn labels_joined_by_wide_dashes_are_read() {
    let dir = scratch("dashes");
    let file = dir.join("dashes.md");
    std::fs::write(
        &file,
        "## O–提升客户留存\nO—negative blood stock\n- KR–1: Fill rate 95%\n- KR．2：复购率达到30%\nO‐1 grow\n",
    )
    .unwrap();
    assert!(lints(&file).contains("in 1 file."));
}

#[test]
fn columns_are_right_in_every_format_with_emoji_and_extension_b_characters() {
    // Line 6 is `  - KR3：😀让𠀀客户更满意`: M001 points at its text, which starts after
    // `  - KR3：`: 8 code points, 10 bytes. 😀 and 𠀀 are one code point and four bytes each.
    let path = "fixtures/hostile/emoji-ext-b.md";
    let text = std::fs::read_to_string(path).unwrap();
    let line_start = text.find("  - KR3").unwrap();
    let offset = line_start + "  - KR3：".len();
    let select = [
        "check",
        "--isolated",
        "--select",
        "M001",
        "--fail-on",
        "never",
        "--format",
    ];
    let run = |format: &str| {
        okrlint()
            .args(select)
            .arg(format)
            .arg(path)
            .output()
            .unwrap()
            .stdout
    };
    let concise = String::from_utf8(run("concise")).unwrap();
    assert!(
        concise.starts_with(&format!("{path}:6:9: M001")),
        "{concise}"
    );
    let json: Value = serde_json::from_slice(&run("json")).unwrap();
    let span = &json["files"][0]["diagnostics"][0]["span"];
    assert_eq!(
        span["start"],
        serde_json::json!({"line": 6, "column": 9, "offset": offset})
    );
    // The end: after `😀让𠀀客户更满意`, 8 more code points.
    assert_eq!(span["end"]["column"], 17);
    let sarif: Value = serde_json::from_slice(&run("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(9), Some(17))
    );
    let rdjson: Value = serde_json::from_slice(&run("rdjson")).unwrap();
    let range = &rdjson["diagnostics"][0]["location"]["range"];
    let end_bytes = "  - KR3：😀让𠀀客户更满意".len() + 1;
    assert_eq!(range["start"]["column"], 11);
    assert_eq!(range["end"]["column"].as_u64(), Some(end_bytes as u64));
    let github = String::from_utf8(run("github")).unwrap();
    assert!(
        github.contains(",line=6,col=9,endLine=6,endColumn=17,"),
        "{github}"
    );
}

#[test]
fn a_single_one_megabyte_line() {
    let dir = scratch("long-line");
    let path = dir.join("long.txt");
    let long: String = "提升客户满意度并降低投诉".repeat(30_000);
    std::fs::write(
        &path,
        format!("O1：提升服务\nKR1：{long}达到90分\nKR2：投诉量比上季度减少30%\n"),
    )
    .unwrap();
    assert!(
        lints(&path).contains("C004"),
        "an overlong key result is reported, not a crash"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_hundred_thousand_key_results_under_one_objective() {
    let dir = scratch("many");
    let path = dir.join("many.txt");
    let mut text = String::from("研发部 2026年第一季度\nO1：提升平台稳定性\n");
    for i in 1..=100_000 {
        text.push_str(&format!("KR{i}：第{i}号服务可用性达到99.9%\n"));
    }
    std::fs::write(&path, text).unwrap();
    let out = lints(&path);
    assert!(out.contains("S003"), "too many key results is a finding");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_lists_nested_ten_thousand_deep() {
    let dir = scratch("deep");
    let path = dir.join("deep.md");
    let mut text = String::from("# 研发部 2026年第一季度\n\n");
    for depth in 0..10_000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("- 提升平台稳定性\n");
    }
    std::fs::write(&path, text).unwrap();
    lints(&path);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file past the 4 GiB limit is refused before it is read: a sparse file, so the test costs
/// no disk.
#[test]
fn a_file_over_four_gigabytes_is_refused_by_name() {
    let dir = scratch("over-limit");
    let path = dir.join("enormous.md");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(okrlint::source::MAX_BYTES + 1).unwrap();
    drop(file);
    okrlint()
        .args(["check", "--isolated"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("enormous.md: too large to lint"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_fifty_megabyte_file() {
    let dir = scratch("huge");
    let path = dir.join("huge.md");
    let block =
        "# 研发部 2026年第一季度\n\n说明：本部门的目标与关键结果如下，所有数据以季度末统计为准。\n"
            .repeat(4)
            + "- O1：提升平台稳定性\n  - KR1：核心接口可用性达到99.9%\n  - KR2：P1故障数降低到每月2次以内\n";
    let text = block.repeat(50 * 1024 * 1024 / block.len() + 1);
    assert!(text.len() >= 50 * 1024 * 1024);
    std::fs::write(&path, text).unwrap();
    lints(&path);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_dangling_link_do_not_hang_or_crash_a_walk() {
    let dir = scratch("links");
    std::fs::write(
        dir.join("okr.md"),
        "O1：提升\nKR1：满意度达到90分\nKR2：投诉减少30%\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.md"), dir.join("dangling.md")).unwrap();
    okrlint()
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "--fail-on",
            "never",
        ])
        .arg(&dir)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("in 1 file."));
    okrlint()
        .args(["check", "--isolated"])
        .arg(dir.join("dangling.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("dangling.md"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_that_vanishes_is_an_error_naming_it() {
    let dir = scratch("vanish");
    let path = dir.join("gone.md");
    std::fs::write(&path, "O1：x\n").unwrap();
    std::fs::remove_file(&path).unwrap();
    okrlint()
        .args(["check", "--isolated"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gone.md"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn inputs_the_fuzzer_crashed_on_are_read() {
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz")).unwrap()
    {
        let path = entry.unwrap().path();
        let output = okrlint()
            .args(["check", "--isolated", "--fail-on", "never"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            matches!(output.status.code(), Some(0) | Some(2)),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&output.stderr).contains("panicked"),
            "{}",
            path.display()
        );
    }
}
