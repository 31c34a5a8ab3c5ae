//! Walking a repository of OKR files: .gitignore, hidden folders, `[files]` globs, binary and
//! non-UTF-8 files, and output in path order whatever the thread count.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// A generated tree of 2,000 files; returns the paths okrlint must lint, relative to `root`.
fn generate(root: &Path) -> BTreeSet<String> {
    let document =
        "O1：提升客户满意度\nKR1：季度客户满意度从78分提升到85分\nKR2：客户投诉量比上季度减少30%\n";
    let mut expected = BTreeSet::new();
    std::fs::write(root.join(".gitignore"), "ignored/\n*.tmp.md\n").unwrap();
    std::fs::write(
        root.join("okrlint.toml"),
        "[files]\nexclude = [\"archive/**\"]\n",
    )
    .unwrap();
    for i in 0..2000 {
        let team = format!("teams/t{}", i % 7);
        let (folder, name, bytes, linted): (String, String, Vec<u8>, bool) = match i % 10 {
            0 => ("ignored".into(), format!("{i}.md"), document.into(), false),
            1 => (team, format!("{i}.tmp.md"), document.into(), false),
            2 => (".hidden".into(), format!("{i}.md"), document.into(), false),
            3 => (
                "archive/2025".into(),
                format!("{i}.txt"),
                document.into(),
                false,
            ),
            4 => (team, format!("{i}.md"), b"O1\0binary".to_vec(), false),
            5 => (team, format!("{i}.txt"), b"O1\xff\xfe".to_vec(), false),
            6 => (team, format!("{i}.json"), b"{}".to_vec(), false),
            7 => (
                format!("{team}/okr"),
                format!("{i}.okr"),
                document.into(),
                true,
            ),
            _ => (team, format!("{i}.md"), document.into(), true),
        };
        std::fs::create_dir_all(root.join(&folder)).unwrap();
        std::fs::write(root.join(&folder).join(&name), bytes).unwrap();
        if linted {
            expected.insert(format!("{folder}/{name}"));
        }
    }
    expected
}

fn linted_paths(root: &Path, threads: &str, more: &[&str]) -> (Vec<String>, String) {
    let output = Command::cargo_bin("okrlint")
        .unwrap()
        .current_dir(root)
        .args(["check", "--format", "json", "--threads", threads])
        .args(more)
        .arg(".")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let paths = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("./")
                .to_owned()
        })
        .collect();
    (paths, String::from_utf8(output.stderr).unwrap())
}

#[test]
fn a_generated_tree_yields_exactly_the_right_files_in_path_order() {
    let root = std::env::temp_dir().join(format!("okrlint-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let expected = generate(&root);
    let (one, stderr) = linted_paths(&root, "1", &[]);
    let set: BTreeSet<String> = one.iter().cloned().collect();
    assert_eq!(set, expected);
    let mut sorted = one.clone();
    sorted.sort();
    assert_eq!(one, sorted, "files are reported in path order");
    // Binary and non-UTF-8 files met while walking are skipped with a warning each.
    assert_eq!(
        stderr.matches("okrlint: warning: skipped").count(),
        400,
        "{stderr}"
    );
    let (two, _) = linted_paths(&root, "2", &[]);
    assert_eq!(one, two, "the thread count does not change the output");
    // Hidden folders are walked when asked.
    let (with_hidden, _) = linted_paths(&root, "2", &["--hidden"]);
    let hidden: BTreeSet<String> = with_hidden
        .into_iter()
        .filter(|p| !set.contains(p))
        .collect();
    assert_eq!(hidden.len(), 200);
    assert!(
        hidden.iter().all(|p| p.starts_with(".hidden/")),
        "{hidden:?}"
    );
    std::fs::remove_dir_all(&root).unwrap();
}
