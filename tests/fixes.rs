//! `--fix` and `--diff`: what they change, what they never touch, and that a second run finds
//! nothing left to fix.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn okrlint_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("okrlint").unwrap();
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// A scratch folder with a copy of a fixture in it.
fn scratch(name: &str, fixture: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("okrlint-fix-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(Path::new(fixture).file_name().unwrap());
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture), &file).unwrap();
    (dir, file)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn fix_on_a_crlf_file_with_a_bom_keeps_both_and_is_idempotent() {
    let (dir, file) = scratch("bom", "fixtures/hostile/bom-crlf.txt");
    okrlint_in(&dir)
        .args(["check", "--isolated", "--fix", "bom-crlf.txt"])
        .assert()
        .stderr(predicate::str::contains("Fixed "));
    let once = std::fs::read(&file).unwrap();
    assert!(once.starts_with(b"\xef\xbb\xbf"), "the BOM stays");
    assert_eq!(
        once.windows(2).filter(|w| w == b"\r\n").count(),
        3,
        "CRLF line endings stay"
    );
    assert!(String::from_utf8_lossy(&once).contains("KR1：满意度达到90分"));
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    okrlint_in(&dir)
        .args(["check", "--isolated", "--fix", "bom-crlf.txt"])
        .assert()
        .stderr(predicate::str::contains("Fixed ").not());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        once,
        "a second --fix changes nothing"
    );
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        modified,
        "an unchanged file is not rewritten"
    );
    assert_eq!(entries(&dir), ["bom-crlf.txt"], "no temporary file is left");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fix_reports_what_remains() {
    let (dir, _) = scratch("remains", "fixtures/rules/S005/bad.txt");
    okrlint_in(&dir)
        .args([
            "check",
            "--isolated",
            "--fix",
            "--format",
            "concise",
            "bad.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("S005").not())
        .stdout(predicate::str::contains("M003"));
    let fixed = std::fs::read_to_string(dir.join("bad.txt")).unwrap();
    assert!(
        fixed.contains("KR2：官方账号粉丝数增长到20万") && fixed.contains("O3：降低获客成本"),
        "{fixed}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn diff_prints_the_change_and_writes_nothing() {
    let (dir, file) = scratch("diff", "fixtures/rules/P001/bad.txt");
    let before = std::fs::read(&file).unwrap();
    okrlint_in(&dir)
        .args(["check", "--isolated", "--diff", "bad.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "--- a/bad.txt\n+++ b/bad.txt\n",
        ))
        .stdout(predicate::str::contains(
            "\n-Kr1：日活跃用户从50万增长到80万\n",
        ))
        .stdout(predicate::str::contains(
            "\n+KR1：日活跃用户从50万增长到80万\n",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    okrlint_in(&dir)
        .args([
            "check",
            "--isolated",
            "--diff",
            "--select",
            "M002",
            "bad.txt",
        ])
        .assert()
        .code(0)
        .stdout("");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fix_on_a_read_only_file_fails_cleanly_and_leaves_it_untouched() {
    let (dir, file) = scratch("readonly", "fixtures/rules/P001/bad.txt");
    let before = std::fs::read(&file).unwrap();
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).unwrap();
    okrlint_in(&dir)
        .args(["check", "--isolated", "--fix", "bad.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.txt: cannot write: the file is read-only",
        ));
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(entries(&dir), ["bad.txt"], "no temporary file is left");
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&file, permissions).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Objectives numbered by letter are renumbered in letters.
#[test]
fn lettered_objectives_are_renumbered_in_letters() {
    Command::cargo_bin("okrlint")
        .unwrap()
        .args(["check", "--isolated", "--unsafe-fixes", "--fix", "-"])
        .write_stdin(
            "Objective A: Grow\nKR1: Win 3 logos\nObjective C: Keep\nKR1: Churn below 2%\n",
        )
        .assert()
        .stdout("Objective A: Grow\nKR1: Win 3 logos\nObjective B: Keep\nKR1: Churn below 2%\n");
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    Command::cargo_bin("okrlint")
        .unwrap()
        .args([
            "check",
            "--isolated",
            "--fix",
            "--stdin-filename",
            "draft.md",
            "-",
        ])
        .write_stdin(
            "O1：提升平台稳定性\nKr1：核心接口可用性达到99.9%\nKR2：故障恢复时间缩短到30分钟以内\n",
        )
        .assert()
        .stdout(
            "O1：提升平台稳定性\nKR1：核心接口可用性达到99.9%\nKR2：故障恢复时间缩短到30分钟以内\n",
        );
}
