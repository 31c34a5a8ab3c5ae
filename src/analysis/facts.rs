//! Facts about one item's text, gathered from every recogniser. Rules compare these facts;
//! they never re-read the text.

use super::baseline::{self, Baseline};
use super::clause::{self, Clause, Role};

use super::kind::{self, Judgement, Kind};
use super::language::{Language, Script};
use super::lexicon::WordClass;
use super::placeholder;
use super::quantity::{self, Quantity, Unit};
use super::segment::{self, Word};
use super::time::{self, TimeFrame};
use super::vocabulary::Vocabulary;
use crate::source::Span;

/// A word that matters to wording rules, with the role of the clause it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub span: Span,
    pub class: WordClass,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct Facts {
    pub quantities: Vec<Quantity>,
    pub placeholders: Vec<Span>,
    pub time_frames: Vec<TimeFrame>,
    pub baselines: Vec<Baseline>,
    pub clauses: Vec<Clause>,
    /// Vague verbs, hedges, absolutes and maintain-words.
    pub terms: Vec<Term>,
    /// Quantities stated as a change (降低10%), not as a level (降低至5%).
    pub changes: Vec<Span>,
    pub judgement: Judgement,
    pub language: Language,
}

/// Change verbs: a quantity right after one of these is an amount of change. Adding
/// (新增5个, 增加3名) is a count, not a change of a measure.
const CHANGE_VERBS: [&str; 11] = [
    "降低", "下降", "减少", "缩短", "压缩", "提高", "提升", "增长", "上升", "节约", "节省",
];

impl Facts {
    /// Reads the facts of `text`, which starts at byte `base` of its source.
    pub fn of(text: &str, base: usize, vocabulary: &Vocabulary) -> Facts {
        let mut facts = Facts::measures_of(text, base);
        facts.baselines = baseline::find(text, base);
        let words = segment::words(text, base, vocabulary);
        facts.clauses = clause::split(&words, facts.language.dominant);
        // A placeholder for a date (完成时间待定) says when, not how much: no measure.
        let measures_amount = |p: &&Span| {
            let (start, end) = (p.start - base, p.end - base);
            !is_date_slot(&text[..start], &text[start..end], &text[end..])
        };
        // How many periods apart events fall (每两周, every 6 hours) is no measure of the work.
        let intervals: Vec<Span> = facts
            .time_frames
            .iter()
            .filter(|t| t.kind == time::TimeKind::Cadence)
            .filter(|t| {
                time::interval_start(&text[t.span.start - base..t.span.end - base]).is_some()
            })
            .map(|t| t.span)
            .collect();
        let mut measures: Vec<Span> = facts
            .quantities
            .iter()
            .map(|q| q.span)
            .filter(|q| {
                !intervals
                    .iter()
                    .any(|t| t.start <= q.start && q.end <= t.end)
            })
            .chain(facts.placeholders.iter().filter(measures_amount).copied())
            .collect();
        // `below the 2024 level` measures against a baseline, with no number of its own.
        if measures.is_empty() && facts.language.dominant == Some(Script::English) {
            measures.extend(facts.baselines.iter().map(|b| b.span));
        }
        measures.sort_by_key(|m| m.start);
        clause::take_stray_values(&mut facts.clauses, &words, &measures);
        let evidence = kind::Evidence {
            measures: &measures,
            time_frames: &facts.time_frames,
        };
        facts.judgement = kind::judge(&words, &facts.clauses, evidence, facts.language.dominant);
        facts.terms = terms(&words, &facts.clauses, &facts.quantities);
        if facts.language.dominant == Some(Script::English) {
            let verbs = english_verb_spans(&words, &facts.clauses, &facts.judgement);
            facts.terms.retain(|t| {
                !matches!(t.class, WordClass::Vague | WordClass::Maintain)
                    || verbs.contains(&t.span)
            });
        }
        facts.changes = facts
            .quantities
            .iter()
            .filter(|q| is_change(&text[..q.span.start - base]))
            .map(|q| q.span)
            .collect();
        facts
    }

    /// Only the time frames, placeholders and quantities of a text: no words, clauses or
    /// judgement.
    pub fn measures_of(text: &str, base: usize) -> Facts {
        let placeholders = placeholder::find(text, base);
        // X月底前 is a placeholder date, not a deadline.
        let reading = time::read(text, base);
        let time_frames: Vec<TimeFrame> = reading
            .frames
            .into_iter()
            .filter(|t| {
                !placeholders
                    .iter()
                    .any(|p| p.end == t.span.start || p.overlaps(t.span))
            })
            .collect();
        let excluded: Vec<Span> = time_frames
            .iter()
            .filter(|t| t.kind != time::TimeKind::Window)
            .map(|t| match t.kind {
                // `four times a week`: the count of events is a number; in `every 2 hours`
                // the number of periods is one.
                time::TimeKind::Cadence => {
                    let cadence = &text[t.span.start - base..t.span.end - base];
                    match time::interval_start(cadence) {
                        Some(at) => Span::new(t.span.start, t.span.start + at),
                        None => {
                            let count = time::event_count_length(cadence);
                            Span::new(t.span.start + count, t.span.end)
                        }
                    }
                }
                _ => t.span,
            })
            .chain(placeholders.iter().copied())
            .chain(reading.other_dates)
            .collect();
        let quantities = quantity::find(text, base, &excluded);
        Facts {
            quantities,
            placeholders,
            time_frames,
            baselines: Vec::new(),
            clauses: Vec::new(),
            terms: Vec::new(),
            changes: Vec::new(),
            judgement: Judgement {
                kind: Kind::Unclear,
                deciding: None,
                verdicts: Vec::new(),
            },
            language: Language::of(text),
        }
    }

    /// The same facts for the same text standing `delta` bytes further on: facts depend on an
    /// item's own text only, so they can be kept and moved.
    pub fn shifted(&self, delta: usize) -> Facts {
        let at = |s: Span| Span::new(s.start + delta, s.end + delta);
        let mut facts = self.clone();
        facts
            .quantities
            .iter_mut()
            .for_each(|q| q.span = at(q.span));
        facts.placeholders.iter_mut().for_each(|p| *p = at(*p));
        facts
            .time_frames
            .iter_mut()
            .for_each(|t| t.span = at(t.span));
        facts.baselines.iter_mut().for_each(|b| b.span = at(b.span));
        facts.clauses.iter_mut().for_each(|c| c.span = at(c.span));
        facts.terms.iter_mut().for_each(|t| t.span = at(t.span));
        facts.changes.iter_mut().for_each(|c| *c = at(*c));
        let judgement = &mut facts.judgement;
        judgement
            .deciding
            .iter_mut()
            .chain(judgement.verdicts.iter_mut())
            .for_each(|(_, v)| v.span = at(v.span));
        facts
    }

    /// A concrete quantity (a placeholder is not one).
    pub fn has_number(&self) -> bool {
        !self.quantities.is_empty()
    }

    pub fn has_placeholder(&self) -> bool {
        !self.placeholders.is_empty()
    }

    /// The item's own text says by when, how often, or within how long.
    pub fn has_deadline(&self) -> bool {
        !self.time_frames.is_empty()
    }

    pub fn has_baseline(&self) -> bool {
        !self.baselines.is_empty()
    }

    pub fn kind(&self) -> Kind {
        self.judgement.kind
    }

    /// The clause a span falls in.
    pub fn clause_at(&self, span: Span) -> Option<&Clause> {
        self.clauses
            .iter()
            .find(|c| c.span.start <= span.start && span.end <= c.span.end)
    }

    /// Whether a clause holds a quantity or a placeholder.
    pub fn clause_is_measured(&self, clause: &Clause) -> bool {
        let inside = |s: &Span| clause.span.start <= s.start && s.end <= clause.span.end;
        self.quantities.iter().any(|q| inside(&q.span)) || self.placeholders.iter().any(inside)
    }

    pub fn terms_of(&self, class: WordClass) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.class == class)
    }
}

/// Whether a placeholder stands for a date after the words that name one: 完成时间待定,
/// 上线日期：X月. Not an amount of time (处理时间待定, 响应时间【】分钟).
fn is_date_slot(before: &str, placeholder: &str, after: &str) -> bool {
    // What takes time is measured (处理时间); when a thing happens is a date (开业时间).
    const TAKES_TIME: [&str; 11] = [
        "处理", "响应", "等待", "恢复", "停机", "解决", "审批", "办理", "排队", "加载", "平均",
    ];
    const DURATIONS: [&str; 6] = ["分钟", "小时", "天", "个工作日", "工作日", "秒"];
    let before = before.trim_end_matches([' ', ':', '：', '为']);
    let at_a_time = before
        .strip_suffix("时间")
        .is_some_and(|head| !TAKES_TIME.iter().any(|t| head.ends_with(t)));
    let names_a_date = before.ends_with("日期") || before.ends_with("时间点") || at_a_time;
    let after = after.trim_start();
    let a_word = !placeholder.contains(['X', 'x', 'Ｘ', 'ｘ', 'N', '×']);
    let a_duration = DURATIONS.iter().any(|d| after.starts_with(d));
    names_a_date && !a_duration && (a_word || after.starts_with(['月', '日', '号']))
}

fn is_change(before: &str) -> bool {
    let before = before.trim_end().trim_end_matches('了').trim_end();
    // English: `cut churn by 20%`, `traffic up 15%`.
    let english = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .is_some_and(|w| {
            ["by", "up", "down"]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c))
        });
    english || CHANGE_VERBS.iter().any(|v| before.ends_with(v))
}

/// Where an English vague or maintain word counts, as a verb: leading its clause ("Improve
/// the process", "Try to keep…") or read as the predicate; not modifying a noun ("support
/// calls", "drive time").
fn english_verb_spans(words: &[Word<'_>], clauses: &[Clause], judgement: &Judgement) -> Vec<Span> {
    let leading = clauses.iter().filter_map(|c| {
        words[c.words.0..c.words.1]
            .iter()
            .find(|w| !w.is_punctuation() && !w.is(WordClass::Hedge))
            .map(|w| w.span)
    });
    let predicates = judgement.verdicts.iter().map(|(_, v)| v.span);
    leading.chain(predicates).collect()
}

fn terms(words: &[Word<'_>], clauses: &[Clause], quantities: &[Quantity]) -> Vec<Term> {
    const CLASSES: [WordClass; 4] = [
        WordClass::Vague,
        WordClass::Hedge,
        WordClass::Absolute,
        WordClass::Maintain,
    ];
    // Clauses are in text order: the one a span may fall in is the last that starts before it.
    let role_at = |span: Span| {
        let at = clauses.partition_point(|c| c.span.start <= span.start);
        at.checked_sub(1)
            .map(|i| &clauses[i])
            .filter(|c| span.end <= c.span.end)
            .map_or(Role::Main, |c| c.role)
    };
    // The word before a span, spaces skipped.
    let word_before = |span: Span| {
        let at = words.partition_point(|w| w.span.end <= span.start);
        words[..at].iter().rev().find(|w| !w.text.trim().is_empty())
    };
    let mut terms: Vec<Term> = Vec::new();
    for word in words.iter().filter(|w| !w.classes.is_empty()) {
        for class in CLASSES.into_iter().filter(|c| word.is(*c)) {
            terms.push(Term {
                span: word.span,
                class,
                role: role_at(word.span),
            });
        }
    }
    // 100% and 零 are all-or-nothing targets too; past 100% (net revenue retention of 110%)
    // a percentage is a level like any other, and a starting value (从100%…, from 0 to …)
    // is no target.
    let starts_from = |q: &Quantity| {
        let at = words.partition_point(|w| w.span.end <= q.span.start);
        // `from $0`: the currency sign stands between.
        let before = words[..at].iter().rev().find(|w| !w.is_punctuation());
        before.is_some_and(|w| matches!(w.text, "从" | "由") || w.text.eq_ignore_ascii_case("from"))
    };
    for q in quantities.iter().filter(|q| !starts_from(q)) {
        let absolute =
            matches!((q.unit, q.value), (Unit::Percent, Some(100.0))) || q.value == Some(0.0);
        if absolute && !terms.iter().any(|t| t.span == q.span) {
            terms.push(Term {
                span: q.span,
                class: WordClass::Absolute,
                role: role_at(q.span),
            });
        }
    }
    // `1,000 more customers`, `2x better`: a quantity right before a comparative gives it its
    // standard (not one before a comma: 降低10%，尽快…).
    let ends_a_quantity = |w: &Word<'_>| quantities.iter().any(|q| q.span.end == w.span.end);
    terms.retain(|t| {
        t.class != WordClass::Hedge || !word_before(t.span).is_some_and(ends_a_quantity)
    });
    terms.sort_by_key(|t| t.span.start);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms_of(text: &str, class: WordClass) -> Vec<&str> {
        let facts = Facts::of(text, 0, &Vocabulary::default());
        facts
            .terms_of(class)
            .map(|t| &text[t.span.range()])
            .collect()
    }

    fn quantities(text: &str) -> Vec<String> {
        Facts::of(text, 0, &Vocabulary::default())
            .quantities
            .iter()
            .map(|q| text[q.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn a_comparative_after_a_quantity_is_no_hedge() {
        assert_eq!(
            terms_of("Add 1,000 more paying customers", WordClass::Hedge),
            Vec::<&str>::new()
        );
        assert_eq!(terms_of("Get more signups", WordClass::Hedge), ["more"]);
        assert_eq!(
            terms_of("Fix bugs as soon as possible", WordClass::Hedge),
            ["as soon as possible"]
        );
    }

    #[test]
    fn dates_that_are_no_time_frame_are_no_quantity_either() {
        // A baseline's date, and a named period restated in parentheses.
        assert!(quantities("投诉量较3月末明显下降").is_empty());
        assert!(quantities("营收较2025年12月有所增长").is_empty());
        assert!(quantities("双十一期间（11月1日-11日）完成全部备货").is_empty());
        assert!(quantities("暑期档（7-8月）入园人次明显增长").is_empty());
        assert_eq!(quantities("投诉量较3月末下降20%"), ["20%"]);
        assert_eq!(
            quantities("双十一期间（11月1日-11日）GMV达到5000万元"),
            ["5000万元"]
        );
        // A date to meet inside parentheses is a deadline, and a scope is still a number.
        let facts = Facts::of("完成建档（6月30日前）", 0, &Vocabulary::default());
        assert!(facts.has_deadline() && !facts.has_number());
        assert_eq!(quantities("完成3个月的试点"), ["3个月"]);
    }

    #[test]
    fn a_cadences_number_of_periods_is_a_quantity() {
        assert_eq!(quantities("每三天盘点一次库存"), ["三天", "一次"]);
        assert_eq!(quantities("每隔2小时记录水温"), ["2小时"]);
        assert_eq!(quantities("Back up the ledger every 6 hours"), ["6"]);
        assert_eq!(quantities("Rotate the keys every three months"), ["three"]);
        // Every one period, or every period, has no number.
        assert!(quantities("每一季度召开质量分析会").is_empty());
        assert!(quantities("Rotate the keys every month").is_empty());
        assert!(quantities("Rotate the keys every other month").is_empty());
        assert!(quantities("Rotate the keys every 1 month").is_empty());
        // The interval is a number, not the measure the work aims at.
        let facts = Facts::of(
            "Snapshot the ledger every 4 hours",
            0,
            &Vocabulary::default(),
        );
        assert!(facts.has_number() && facts.kind() != Kind::Outcome);
    }

    #[test]
    fn a_hedge_after_a_comma_is_still_one() {
        assert_eq!(
            terms_of("投诉率降低10%，尽快完成整改", WordClass::Hedge),
            ["尽快"]
        );
    }

    #[test]
    fn english_vague_words_count_where_they_are_verbs() {
        assert_eq!(
            terms_of("Improve the release process", WordClass::Vague),
            ["Improve"]
        );
        assert!(terms_of("Answer 90% of support calls", WordClass::Vague).is_empty());
    }
}
