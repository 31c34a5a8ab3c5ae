//! What the server tells the editor: diagnostics, quick fixes, the "disable for this line"
//! action, and hover on a key result.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    DiagnosticRelatedInformation, DiagnosticSeverity, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, NumberOrString, Position, TextEdit, Uri, WorkspaceEdit,
};

use super::document::{Document, offset_of, range_of, span_of};
use crate::analysis::Analysis;
use crate::analysis::score;
use crate::rules::{Diagnostic, Settings, Severity};
use crate::source::{ColumnUnit, Source, Span};

/// A finding as the editor shows it.
pub fn diagnostic(
    source: &Source,
    d: &Diagnostic,
    uri: &Uri,
    unit: ColumnUnit,
) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range_of(source, l.span, unit)),
            message: l.message.to_string(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: range_of(source, d.span, unit),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.code.to_owned())),
        source: Some("okrlint".to_owned()),
        message: d.message_and_help("help: "),
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

/// Quick fixes for the findings in the requested range, and a "disable for this line"
/// action for each.
pub fn code_actions(
    document: &Document,
    settings: &Settings,
    unit: ColumnUnit,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let source = document.source();
    let Some(range) = span_of(source.text(), params.range, unit) else {
        return Vec::new();
    };
    let diagnostics = crate::check(&source, settings);
    let touched = diagnostics
        .iter()
        .filter(|d| d.span.start <= range.end && range.start <= d.span.end);
    let mut actions = Vec::new();
    for d in touched {
        let shown = diagnostic(&source, d, &document.uri, unit);
        if let Some(fix) = &d.fix {
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit::new(range_of(&source, e.span, unit), e.replacement.to_string()))
                .collect();
            actions.push(action(
                &format!("{} ({})", fix.description, d.rule.code),
                &document.uri,
                edits,
                shown.clone(),
                true,
            ));
        }
        let disable = disable_edit(&source, d, unit);
        actions.push(action(
            &format!("Disable {} for this line", d.rule.code),
            &document.uri,
            vec![disable],
            shown,
            false,
        ));
    }
    actions
}

fn action(
    title: &str,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diagnostic: lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.to_owned(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// `<!-- okrlint-disable-next-line CODE -->` on a line of its own above the finding's line,
/// indented like it, ending like the document's lines do.
fn disable_edit(source: &Source, d: &Diagnostic, unit: ColumnUnit) -> TextEdit {
    let lines = source.lines();
    let line = lines.line_of(d.span.start);
    let line_span = lines.line_span(line);
    let text = source.slice(line_span);
    let indent: String = text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let ending = source
        .slice(lines.full_line_span(line))
        .strip_prefix(text)
        .filter(|e| !e.is_empty())
        .unwrap_or("\n");
    let at = range_of(source, Span::empty_at(line_span.start), unit);
    TextEdit::new(
        at,
        format!(
            "{indent}<!-- okrlint-disable-next-line {} -->{ending}",
            d.rule.code
        ),
    )
}

/// Hover on a key result: its kind, score and facts, and the docs of its findings.
pub fn hover(
    document: &Document,
    settings: &Settings,
    unit: ColumnUnit,
    position: Position,
) -> Option<Hover> {
    let source = document.source();
    let offset = offset_of(&source, position, unit)?;
    let parsed = crate::syntax::parse(&source);
    let key_result = parsed
        .key_results()
        .find(|k| k.item.span.start <= offset && offset <= k.item.span.end)?;
    let analysis = Analysis::of(&source, &parsed, &settings.analysis);
    let facts = analysis.facts(&key_result.item);
    let parts = score::key_result(facts, analysis.inherits_period(key_result));
    let text = |span: Span| source.slice(span).to_owned();
    let mut lines = vec![
        format!(
            "**{}** · score **{}** ({})",
            facts.kind().as_str(),
            parts.total(),
            score::Tier::of(parts.total()).as_str()
        ),
        String::new(),
        format!(
            "measurable {} · outcome {} · time-bound {} · baseline {} · clear {}",
            parts.measurable, parts.outcome, parts.time_bound, parts.baseline, parts.clear
        ),
    ];
    let facts_list: [(&str, Vec<String>); 5] = [
        (
            "quantities",
            facts.quantities.iter().map(|q| text(q.span)).collect(),
        ),
        (
            "placeholders",
            facts.placeholders.iter().map(|p| text(*p)).collect(),
        ),
        (
            "time",
            facts.time_frames.iter().map(|t| text(t.span)).collect(),
        ),
        (
            "baselines",
            facts.baselines.iter().map(|b| text(b.span)).collect(),
        ),
        (
            "clauses",
            facts.clauses.iter().map(|c| text(c.span)).collect(),
        ),
    ];
    for (name, values) in facts_list.iter().filter(|(_, v)| !v.is_empty()) {
        lines.push(format!("- {name}: {}", values.join(" · ")));
    }
    let findings: Vec<Diagnostic> = crate::check(&source, settings)
        .into_iter()
        .filter(|d| {
            key_result.item.span.start <= d.span.start && d.span.start <= key_result.item.span.end
        })
        .collect();
    for d in &findings {
        lines.push(String::new());
        lines.push(format!(
            "**{} {}**: {}",
            d.rule.code, d.rule.name, d.rule.summary
        ));
        if let Some(help) = &d.help {
            lines.push(help.to_string());
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: lines.join("\n"),
        }),
        range: Some(range_of(&source, key_result.item.span, unit)),
    })
}
