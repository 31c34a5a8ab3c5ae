//! Configuration files and suppression comments, end to end through the command line.

use assert_cmd::Command;
use predicates::prelude::*;

fn okrlint() -> Command {
    let mut cmd = Command::cargo_bin("okrlint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// `path:line:col: CODE [severity]` of each finding, summary dropped.
fn findings(args: &[&str]) -> Vec<String> {
    let output = okrlint()
        .args(["check", "--format", "concise", "-q", "--fail-on", "never"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            l.split(" [").next().unwrap().to_owned()
                + " ["
                + l.split(" [").nth(1).unwrap().split(']').next().unwrap()
                + "]"
        })
        .collect()
}

#[test]
fn the_closest_configuration_applies_and_extend_builds_on_its_base() {
    let found = findings(&["fixtures/config-tree"]);
    // The root's period default silences M003 everywhere; C004 is ignored everywhere.
    assert!(
        found
            .iter()
            .all(|f| !f.contains("M003") && !f.contains("C004")),
        "{found:?}"
    );
    // The team's configuration raises M001 to an error and skips drafts/.
    assert!(
        found.contains(&"fixtures/config-tree/company.txt:4:5: M001 [warning]".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"fixtures/config-tree/team/team.md:5:9: M001 [error]".to_owned()),
        "{found:?}"
    );
    assert!(found.iter().all(|f| !f.contains("drafts")), "{found:?}");
}

#[test]
fn fail_on_comes_from_the_configuration_unless_the_command_line_says() {
    // The root configuration fails only on errors; company.txt has warnings only.
    okrlint()
        .args(["check", "fixtures/config-tree/company.txt"])
        .assert()
        .code(0);
    okrlint()
        .args([
            "check",
            "--fail-on",
            "warning",
            "fixtures/config-tree/company.txt",
        ])
        .assert()
        .code(1);
    okrlint()
        .args(["check", "fixtures/config-tree/team/team.md"])
        .assert()
        .code(1);
}

#[test]
fn isolated_and_config_flags() {
    let isolated = findings(&["--isolated", "fixtures/config-tree/company.txt"]);
    assert!(
        isolated.iter().any(|f| f.contains("M003")),
        "no configuration: no default period: {isolated:?}"
    );
    let explicit = findings(&[
        "--config",
        "fixtures/config-tree/team/okrlint.toml",
        "fixtures/config-tree/company.txt",
    ]);
    assert!(
        explicit.iter().any(|f| f.ends_with("M001 [error]")),
        "{explicit:?}"
    );
}

#[test]
fn selection_flags_take_codes_names_and_groups() {
    let only_m001 = findings(&[
        "--isolated",
        "--select",
        "missing-number",
        "fixtures/config-tree/company.txt",
    ]);
    assert_eq!(
        only_m001,
        ["fixtures/config-tree/company.txt:4:5: M001 [warning]"]
    );
    let groups = findings(&[
        "--isolated",
        "--select",
        "C",
        "--ignore",
        "C002,C005",
        "fixtures/config-tree/company.txt",
    ]);
    assert_eq!(
        groups,
        ["fixtures/config-tree/company.txt:4:12: C001 [warning]"]
    );
    let extended = findings(&[
        "--isolated",
        "--select",
        "M001",
        "--extend-select",
        "C002",
        "fixtures/config-tree/company.txt",
    ]);
    assert_eq!(extended.len(), 2, "{extended:?}");
    okrlint()
        .args(["check", "--select", "Q42", "fixtures/sample.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`Q42`"));
}

#[test]
fn a_broken_configuration_exits_2_pointing_at_its_line() {
    okrlint()
        .args(["check", "fixtures/config-broken"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: invalid type: string \"five\", expected usize",
        ))
        .stderr(predicate::str::contains(
            "--> fixtures/config-broken/okrlint.toml:5:23",
        ))
        .stderr(predicate::str::contains(
            "5 | objectives-per-unit = \"five\"",
        ));
}

#[test]
fn init_writes_a_configuration_that_reads_back_and_never_overwrites() {
    let dir = std::env::temp_dir().join(format!("okrlint-init-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut init = Command::cargo_bin("okrlint").unwrap();
    init.current_dir(&dir).arg("init").assert().code(0);
    let written = std::fs::read_to_string(dir.join("okrlint.toml")).unwrap();
    assert!(written.contains("[rules.severity]") && written.contains("# M001 = \"warning\""));
    let document = dir.join("okr.txt");
    std::fs::write(
        &document,
        "O1：提升客户满意度\nKR1：季度客户满意度从78分提升到85分\nKR2：投诉量比上季度减少30%\n",
    )
    .unwrap();
    let mut check = Command::cargo_bin("okrlint").unwrap();
    check
        .current_dir(&dir)
        .args(["check", "okr.txt"])
        .assert()
        .code(1);
    let mut again = Command::cargo_bin("okrlint").unwrap();
    again.current_dir(&dir).arg("init").assert().code(2);
    assert_eq!(
        std::fs::read_to_string(dir.join("okrlint.toml")).unwrap(),
        written
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn each_suppression_form_silences_what_it_names() {
    assert_eq!(
        findings(&[
            "--isolated",
            "--select",
            "M001,M004,X001",
            "fixtures/suppression/next-line.txt"
        ]),
        [
            "fixtures/suppression/next-line.txt:4:5: M004 [warning]",
            "fixtures/suppression/next-line.txt:6:5: M001 [warning]"
        ]
    );
    assert_eq!(
        findings(&[
            "--isolated",
            "--select",
            "M001,X001",
            "fixtures/suppression/range.md"
        ]),
        ["fixtures/suppression/range.md:9:4: M001 [warning]"]
    );
    let file = findings(&["--isolated", "fixtures/suppression/file.txt"]);
    assert!(
        file.iter()
            .all(|f| !f.contains("M001") && !f.contains("C001")),
        "{file:?}"
    );
    assert!(
        file.iter().any(|f| f.contains("M004")),
        "an unnamed rule still reports: {file:?}"
    );
    let all = findings(&["--isolated", "fixtures/suppression/all-rules.md"]);
    assert!(all.iter().all(|f| !f.contains(":5:")), "{all:?}");
}

#[test]
fn a_suppression_that_silences_nothing_is_x001() {
    assert_eq!(
        findings(&[
            "--isolated",
            "--select",
            "X001",
            "fixtures/rules/X001/bad.md"
        ]),
        [
            "fixtures/rules/X001/bad.md:4:3: X001 [warning]",
            "fixtures/rules/X001/bad.md:7:1: X001 [warning]"
        ]
    );
    // With X001 off, stale suppressions pass silently.
    assert!(
        findings(&[
            "--isolated",
            "--select",
            "M001",
            "fixtures/rules/X001/bad.md"
        ])
        .is_empty()
    );
}
