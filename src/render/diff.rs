//! `--diff`: what fixing would change, as a unified diff.

use similar::TextDiff;

use crate::source::Source;

/// The unified diff from a file's text to its fixed text; empty when nothing changes.
pub fn unified(source: &Source, fixed: &str) -> String {
    if source.text() == fixed {
        return String::new();
    }
    let path = source.path().display().to_string();
    let (old, new) = if source.path().is_absolute() {
        (path.clone(), path)
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    TextDiff::from_lines(source.text(), fixed)
        .unified_diff()
        .context_radius(2)
        .header(&old, &new)
        .to_string()
}
