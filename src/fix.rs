//! Applying fixes: the edits of the fixable findings, as many as do not overlap, round after
//! round until nothing more can be fixed. Pure: reads text, returns text.

use crate::rules::{Applicability, Diagnostic, Settings};
use crate::source::Source;

/// Fixing rounds before giving up on fixes that keep producing new findings.
const MAX_ROUNDS: usize = 10;

/// Text after fixing, and how many findings were fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub fixed: usize,
}

/// Lints `source` and applies fixes (unsafe ones too when asked), re-linting after each
/// round, since one fix can make way for another.
pub fn fix(source: &Source, settings: &Settings, unsafe_fixes: bool) -> Fixed {
    let mut text = source.text().to_owned();
    let mut fixed = 0;
    for _ in 0..MAX_ROUNDS {
        let current = Source::new(source.path(), text);
        let diagnostics = crate::check(&current, settings);
        let (next, applied) = apply(current.text(), &diagnostics, unsafe_fixes);
        text = next;
        fixed += applied;
        if applied == 0 {
            break;
        }
    }
    Fixed { text, fixed }
}

/// Applies the fixes of `diagnostics` whose edits overlap no fix taken before them, in
/// source order. Returns the new text and how many fixes were applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> (String, usize) {
    let mut taken: Vec<(usize, usize, &str)> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            continue;
        }
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|&(s, end, _)| {
                e.span.start < end && s < e.span.end || (e.span.is_empty() && e.span.start == s)
            })
        });
        let inside = fix.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        if overlaps || !inside || fix.edits.is_empty() {
            continue;
        }
        taken.extend(
            fix.edits
                .iter()
                .map(|e| (e.span.start, e.span.end, e.replacement.as_ref())),
        );
        applied += 1;
    }
    taken.sort_by_key(|&(start, end, _)| (start, end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, replacement) in taken {
        out.push_str(&text[at..start]);
        out.push_str(replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Fixed {
        fix(
            &Source::new("t.txt", text.to_owned()),
            &Settings::default(),
            false,
        )
    }

    #[test]
    fn fixes_apply_and_a_second_run_changes_nothing() {
        let text = "研发部 2026年第一季度\r\nO1：提升平台稳定性\r\nKr1 核心接口可用性达到99.9%\r\nKR3:故障恢复时间缩短到30分钟以内\r\n";
        let once = fixed(text);
        assert_eq!(
            once.text,
            "研发部 2026年第一季度\r\nO1：提升平台稳定性\r\nKR1：核心接口可用性达到99.9%\r\nKR2：故障恢复时间缩短到30分钟以内\r\n"
        );
        assert!(once.fixed >= 2);
        assert_eq!(
            fixed(&once.text),
            Fixed {
                text: once.text.clone(),
                fixed: 0
            }
        );
    }

    #[test]
    fn a_bom_and_line_endings_are_kept() {
        let text = "\u{feff}O1：提升\r\nKR1：满意度达到90分,投诉下降\rKR2：投诉量减少30%\n";
        let out = fixed(text).text;
        assert!(out.starts_with('\u{feff}'));
        assert_eq!(out.matches("\r\n").count(), 1);
        assert_eq!(out.matches('\r').count(), 2);
        assert!(out.contains("满意度达到90分，投诉下降"));
    }
}
