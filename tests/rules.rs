//! Every rule: its fixtures (bad and good, with snapshots of what users see), its docs and
//! their examples, and the README's table, all read from the one registry.

mod common;

use codespan_reporting::term::termcolor::Buffer;
use okrlint::render;
use okrlint::rules::{ALL, Diagnostic, Rule, Settings};
use okrlint::source::Source;

fn check(source: &Source) -> Vec<Diagnostic> {
    okrlint::check(source, &Settings::default())
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.rule.code).collect()
}

/// The `full` output without colour: what a person sees.
fn full_output(source: &Source, diagnostics: &[Diagnostic]) -> String {
    let mut buffer = Buffer::no_color();
    render::full::render(&mut buffer, source, diagnostics).unwrap();
    String::from_utf8(buffer.into_inner()).unwrap()
}

/// `fixtures/rules/CODE/bad.*` or `good.*`.
fn rule_fixture(rule: &Rule, kind: &str) -> Source {
    let folder = common::root().join("fixtures/rules").join(rule.code);
    let file = std::fs::read_dir(&folder)
        .unwrap_or_else(|_| panic!("{} has a fixture folder", rule.code))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_stem().is_some_and(|s| s == kind))
        .unwrap_or_else(|| panic!("{} has a {kind} fixture", rule.code));
    common::fixture(common::relative(&file))
}

/// Checks a rule's bad fixture (`bad{suffix}.*`) and good one: the bad triggers the rule,
/// the good does not, and both outputs match their snapshots. Returns every finding.
fn fixture_pair(rule: &Rule, suffix: &str) -> Vec<Diagnostic> {
    let bad = rule_fixture(rule, &format!("bad{suffix}"));
    let good = rule_fixture(rule, &format!("good{suffix}"));
    let bad_findings = check(&bad);
    let good_findings = check(&good);
    assert!(
        codes(&bad_findings).contains(&rule.code),
        "{}: bad{suffix} fixture gives {:?}",
        rule.code,
        codes(&bad_findings)
    );
    assert!(
        !codes(&good_findings).contains(&rule.code),
        "{}: good{suffix} fixture gives {:?}",
        rule.code,
        codes(&good_findings)
    );
    insta::assert_snapshot!(
        format!("{}-bad{suffix}", rule.code),
        full_output(&bad, &bad_findings)
    );
    insta::assert_snapshot!(
        format!("{}-good{suffix}", rule.code),
        full_output(&good, &good_findings)
    );
    bad_findings.into_iter().chain(good_findings).collect()
}

#[test]
fn bad_fixtures_trigger_their_rule_and_good_ones_do_not() {
    for rule in ALL {
        fixture_pair(rule, "");
    }
}

/// Whether a text has Chinese in it.
fn has_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：；（）".contains(c))
}

/// The rules judge English items too, and speak English to them: each wording and structure
/// rule has a bad and a good English fixture (`bad-en.*`, `good-en.*`), snapshotted like the
/// Chinese ones. The F rules are Chinese typography and have none.
#[test]
fn rules_judge_english_items_and_answer_in_english() {
    for rule in ALL
        .iter()
        .filter(|r| r.code.starts_with(['M', 'C', 'S', 'P']))
    {
        for d in fixture_pair(rule, "-en") {
            let said = [&*d.message, &*d.label, d.help.as_deref().unwrap_or("")];
            let related = d.related.iter().map(|l| &*l.message);
            for text in said.into_iter().chain(related) {
                assert!(
                    !has_chinese(text),
                    "{}: {text:?} is not English",
                    d.rule.code
                );
            }
        }
    }
}

#[test]
fn docs_have_every_section_and_their_examples_hold() {
    for rule in ALL {
        for heading in [
            "## What it checks",
            "## Why it matters",
            "## Bad",
            "## Good",
        ] {
            assert!(
                rule.docs.contains(heading),
                "{} docs lack {heading}",
                rule.code
            );
        }
        let bad = Source::new(
            "bad.txt",
            rule.example("Bad").expect("a Bad example").to_owned(),
        );
        let good = Source::new(
            "good.txt",
            rule.example("Good").expect("a Good example").to_owned(),
        );
        assert!(
            codes(&check(&bad)).contains(&rule.code),
            "{}: its Bad example is not flagged",
            rule.code
        );
        assert!(
            !codes(&check(&good)).contains(&rule.code),
            "{}: its Good example is flagged",
            rule.code
        );
        // The wording rules show an English pair too.
        if rule.code.starts_with(['M', 'C']) {
            let example = |heading| {
                let text = rule
                    .example(heading)
                    .unwrap_or_else(|| panic!("{}: no `{heading}` example", rule.code));
                codes(&check(&Source::new("example.txt", text.to_owned()))).contains(&rule.code)
            };
            assert!(
                example("Bad, in English"),
                "{}: English Bad not flagged",
                rule.code
            );
            assert!(
                !example("Good, in English"),
                "{}: English Good flagged",
                rule.code
            );
        }
    }
}

#[test]
fn codes_and_names_are_unique_and_each_rule_has_its_own_file() {
    for (i, rule) in ALL.iter().enumerate() {
        assert!(
            ALL[..i]
                .iter()
                .all(|r| r.code != rule.code && r.name != rule.name),
            "{rule:?} is listed twice"
        );
        let file = common::root()
            .join("src/rules")
            .join(format!("{}.rs", rule.name.replace('-', "_")));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{} lives in {}", rule.code, file.display()));
        assert!(
            text.contains(&format!("code: \"{}\"", rule.code)),
            "{} is defined in {}",
            rule.code,
            file.display()
        );
    }
}

#[test]
fn every_fix_edits_inside_the_text_and_yields_a_clean_rule() {
    for rule in ALL.iter().filter(|r| r.docs.contains("The fix")) {
        let bad = rule_fixture(rule, "bad");
        let mut text = bad.text().to_owned();
        let mut edits: Vec<_> = check(&bad)
            .into_iter()
            .filter(|d| d.rule.code == rule.code)
            .flat_map(|d| d.fix.expect("a fixable rule's findings carry fixes").edits)
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for edit in edits {
            text.replace_range(edit.span.range(), &edit.replacement);
        }
        let fixed = Source::new(bad.path(), text);
        assert!(
            !codes(&check(&fixed)).contains(&rule.code),
            "{}: fixed text still flagged:\n{}",
            rule.code,
            fixed.text()
        );
    }
}

#[test]
fn readme_rule_table_is_generated_from_the_registry() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("README marks the rule table start")
        + "<!-- rules:start -->\n".len();
    let end = readme
        .find("<!-- rules:end -->")
        .expect("README marks the rule table end");
    assert_eq!(
        &readme[start..end],
        render::rule_docs::markdown_table(),
        "README's rule table is stale: paste `okrlint rules --format markdown` between the markers"
    );
}

/// Periods declared in English headings (`FY24-Q2`, `2026 H1`, `Q3 2026`) are inherited by
/// the key results under them, as Chinese ones are: no M003. Without them, M003 speaks English.
#[test]
fn english_heading_periods_are_inherited() {
    let source = common::fixture("fixtures/languages/english-periods.md");
    let document = okrlint::syntax::parse(&source);
    let analysis = okrlint::analysis::Analysis::of(&source, &document, &Default::default());
    let inherited: Vec<&str> = document
        .key_results()
        .map(|kr| source.slice(analysis.inherited_period(kr).expect("a period")))
        .collect();
    assert_eq!(
        inherited,
        [
            "FY24-Q2", "FY24-Q2", "2026 H1", "2026 H1", "Q3 2026", "Q3 2026"
        ]
    );
    assert!(!codes(&check(&source)).contains(&"M003"));

    let undated = source
        .text()
        .replace("FY24-Q2", "")
        .replace("2026 H1", "")
        .replace("Q3 2026", "");
    let undated = Source::new(source.path(), undated);
    let m003: Vec<Diagnostic> = check(&undated)
        .into_iter()
        .filter(|d| d.rule.code == "M003")
        .collect();
    assert_eq!(m003.len(), 1, "one document-level finding");
    assert!(
        m003[0]
            .message
            .starts_with("the document declares no period")
    );
}
