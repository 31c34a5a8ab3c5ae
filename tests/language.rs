//! A file with no Chinese in it never loads the Chinese dictionary. One test in its own
//! binary, because the count is the process's.

mod common;

use okrlint::analysis::segment::dictionary_loads;
use okrlint::rules::Settings;

fn check(path: &str) -> usize {
    okrlint::check(&common::fixture(path), &Settings::default()).len()
}

#[test]
fn only_text_with_chinese_loads_the_dictionary() {
    for english in [
        "fixtures/kr-cases-en/01_saas_growth.txt",
        "fixtures/kr-cases-en/02_platform_engineering.md",
        "fixtures/outlines/english.md",
    ] {
        assert!(check(english) > 0, "{english} has findings to report");
        assert_eq!(dictionary_loads(), 0, "{english} loaded the dictionary");
    }
    check("fixtures/sample.txt");
    assert_eq!(dictionary_loads(), 1, "Chinese text loads it, once");
    check("fixtures/sample.md");
    assert_eq!(dictionary_loads(), 1);
}
