//! Rule selectors: a code (`S005`), a name (`numbering-gap`), a group letter (`M`) or `ALL`.

use super::{ALL, Rule};

/// The rules a selector names, or `None` when it names none.
pub fn resolve(selector: &str) -> Option<Vec<&'static Rule>> {
    let selector = selector.trim();
    if selector.eq_ignore_ascii_case("all") {
        return Some(ALL.to_vec());
    }
    if let Some(rule) = super::find(selector) {
        return Some(vec![rule]);
    }
    let mut letters = selector.chars();
    let group = letters
        .next()
        .filter(|c| c.is_ascii_alphabetic() && letters.next().is_none())?;
    let rules: Vec<&'static Rule> = ALL
        .iter()
        .copied()
        .filter(|r| r.group().eq_ignore_ascii_case(&group))
        .collect();
    (!rules.is_empty()).then_some(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(selector: &str) -> Option<Vec<&'static str>> {
        resolve(selector).map(|rules| rules.iter().map(|r| r.code).collect())
    }

    #[test]
    fn codes_names_groups_and_all() {
        assert_eq!(codes("s005"), Some(vec!["S005"]));
        assert_eq!(codes("numbering-gap"), Some(vec!["S005"]));
        assert_eq!(codes("P"), Some(vec!["P001"]));
        assert!(codes("M").is_some_and(|c| c.len() == 8 && c.iter().all(|c| c.starts_with('M'))));
        assert_eq!(codes("ALL").map(|c| c.len()), Some(ALL.len()));
        assert_eq!(codes("Z"), None);
        assert_eq!(codes("no-such-rule"), None);
    }
}
