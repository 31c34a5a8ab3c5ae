//! English key results. The predicate decides: most often the first word, an imperative
//! ("Launch the referral program", "Reduce churn to 3%"), else a finite verb after its
//! subject ("P0 bugs resolved within 24 hours", "Daily active users triple"). A clause with
//! no predicate is judged by what it measures ("Churn below 2% in H1").

use super::{Evidence, Judgement, Kind, Verdict, content_words, decide, decisive};
use crate::analysis::clause::{Clause, Role};
use crate::analysis::lexicon::{Form, WordClass, lexicon};
use crate::analysis::segment::Word;
use crate::source::Span;

pub fn judge(words: &[Word<'_>], clauses: &[Clause], evidence: Evidence<'_>) -> Judgement {
    let mut verdicts: Vec<(usize, Verdict)> = Vec::new();
    for i in decisive(clauses) {
        let body = content_words(words, &clauses[i]);
        let Some(mut verdict) = judge_clause(&body, &clauses[i], evidence) else {
            continue;
        };
        // "Run 3 workshops, each with at least 20 attendees": a clause that goes per event
        // sizes the activity before it.
        let after_activity = verdicts
            .last()
            .is_some_and(|(_, v)| v.kind == Kind::Activity);
        if after_activity && verdict.kind == Kind::Outcome && goes_per_event(&body) {
            verdict.kind = Kind::Activity;
        }
        verdicts.push((i, verdict));
    }
    decide(verdicts, clauses)
}

/// Classes that make a word a verb the clause can turn on.
const VERBS: [WordClass; 8] = [
    WordClass::ActivityVerb,
    WordClass::Direction,
    WordClass::Result,
    WordClass::SoftResult,
    WordClass::Gain,
    WordClass::Vague,
    WordClass::Maintain,
    WordClass::Completion,
];

/// Words that open a phrase of their own, or stand between a verb and what it governs:
/// after a verb they show it is not a noun modifier ("resolved within", "sent to").
const FUNCTION_WORDS: [&str; 40] = [
    "to", "at", "by", "in", "on", "of", "for", "from", "with", "within", "below", "above",
    "under", "over", "than", "and", "or", "after", "before", "per", "each", "every", "the", "a",
    "an", "our", "their", "its", "all", "no", "up", "down", "into", "across", "as", "vs",
    "among", "this", "these", "those",
];

fn is_function_word(word: &Word<'_>) -> bool {
    FUNCTION_WORDS
        .iter()
        .any(|f| word.text.eq_ignore_ascii_case(f))
}

fn form(word: &Word<'_>) -> Option<Form> {
    lexicon().english_entry(word.text).map(|(_, form)| form)
}

fn is_verb(word: &Word<'_>) -> bool {
    VERBS.iter().any(|c| word.is(*c)) && !word.is(WordClass::Comparator)
}

/// A word inside a quantity or placeholder ("two", "18,000", "X").
fn is_measure(word: &Word<'_>, evidence: Evidence<'_>) -> bool {
    word.tag == "m"
        || evidence
            .measures
            .iter()
            .any(|m| m.start <= word.span.start && word.span.end <= m.end)
}

fn judge_clause(body: &[&Word<'_>], clause: &Clause, evidence: Evidence<'_>) -> Option<Verdict> {
    let inside = |s: &Span| clause.span.start <= s.start && s.end <= clause.span.end;
    let measured = evidence.measures.iter().any(inside);
    let body = &body[leading_hedges(body)..];
    let verdict = |kind, word: &Word<'_>, class| {
        Some(Verdict {
            kind,
            span: word.span,
            class,
        })
    };
    // A completion or compliance rate counts the team's own work done.
    if let Some(done) = body.iter().find(|w| w.is(WordClass::Completion)) {
        return verdict(Kind::Activity, done, WordClass::Completion);
    }
    let predicate = predicate(body, evidence);
    if let Some(window) = evidence.windows.iter().find(|w| inside(w)) {
        // A service level: something handled within a window ("Patients triaged within 10
        // minutes of arrival"); "Reply to every email within a day" stays the team's act.
        let before = predicate.unwrap_or(body.len());
        if before > 0 {
            let subject = body[..before]
                .iter()
                .rev()
                .find(|w| w.span.end <= window.start && !is_function_word(w) && w.tag != "m");
            let own = |w: &Word<'_>| {
                w.is(WordClass::Deliverable) || w.is(WordClass::Team) || w.is(WordClass::Staff)
            };
            if let Some(subject) = subject.filter(|w| !own(w)) {
                return verdict(Kind::Outcome, subject, WordClass::Result);
            }
        }
    }
    let Some(at) = predicate else {
        return nominal(body, clause, measured);
    };
    let (word, object) = (body[at], object(&body[at + 1..], evidence));
    let holds_metric = body.iter().any(|w| w.is(WordClass::Metric));
    if word.is(WordClass::Result) {
        return verdict(Kind::Outcome, word, WordClass::Result);
    }
    if word.is(WordClass::SoftResult) {
        // "80% of agents pass" is measured; "agents understand pricing" restates training.
        return if measured {
            verdict(Kind::Outcome, word, WordClass::SoftResult)
        } else {
            None
        };
    }
    if word.is(WordClass::Gain) {
        return verdict(gain(&object, &body[at + 1..]), word, WordClass::Gain);
    }
    if word.is(WordClass::Direction) && (measured || holds_metric) {
        return verdict(counted(&object), word, WordClass::Direction);
    }
    if word.is(WordClass::ActivityVerb) {
        return verdict(Kind::Activity, word, WordClass::ActivityVerb);
    }
    // A light verb (improve, maintain, drive) names no act: what it works on decides.
    let aims_at_measure = measured
        || holds_metric
        || body[at + 1..].iter().any(|w| w.is(WordClass::Partner));
    if aims_at_measure {
        verdict(Kind::Outcome, word, WordClass::Metric)
    } else {
        verdict(Kind::Activity, word, WordClass::Vague)
    }
}

/// How many words open the clause only to soften it: "Try to", "Successfully".
fn leading_hedges(body: &[&Word<'_>]) -> usize {
    body.iter()
        .take_while(|w| {
            w.is(WordClass::Hedge) || (w.text.ends_with("ly") && w.classes.is_empty())
        })
        .count()
}

/// The index of the clause's predicate. The first word when it is a verb (an imperative or
/// a gerund: "Launch", "Publishing") unless it modifies the noun after it and a finite verb
/// follows ("Support tickets resolved within…", "The launch event generates…"); otherwise
/// the first verb after its subject that modifies nothing ("users triple after…", "close
/// completed in…").
fn predicate(body: &[&Word<'_>], evidence: Evidence<'_>) -> Option<usize> {
    let modifies_next = |i: usize| {
        body.get(i + 1)
            .is_some_and(|n| !is_function_word(n) && !is_measure(n, evidence))
    };
    let finite = |i: usize| {
        is_verb(body[i])
            && matches!(form(body[i]), Some(Form::Past | Form::S | Form::Base))
            && !modifies_next(i)
    };
    let later = (1..body.len()).find(|&i| finite(i));
    let first = body.first()?;
    let imperative = is_verb(first) && form(first) != Some(Form::S);
    let noun_like = [
        WordClass::ActivityVerb,
        WordClass::Vague,
        WordClass::Gain,
        WordClass::Completion,
    ];
    let modifier = modifies_next(0)
        && later.is_some_and(|i| matches!(form(body[i]), Some(Form::Past | Form::S)))
        && noun_like.iter().any(|c| first.is(*c))
        && !first.is(WordClass::Direction);
    if imperative && !modifier {
        return Some(0);
    }
    later
}

/// What the predicate acts on: the words after it up to the next phrase (of, in, with,
/// to…), a comparator or a number; determiners skipped.
fn object<'a, 'w>(after: &[&'a Word<'w>], evidence: Evidence<'_>) -> Vec<&'a Word<'w>> {
    const DETERMINERS: [&str; 10] = [
        "the", "a", "an", "our", "their", "its", "all", "every", "each", "this",
    ];
    after
        .iter()
        .copied()
        .skip_while(|w| {
            is_measure(w, evidence)
                || w.is(WordClass::Comparator)
                || DETERMINERS.iter().any(|d| w.text.eq_ignore_ascii_case(d))
        })
        .take_while(|w| {
            !is_function_word(w) && !w.is(WordClass::Comparator) && !is_measure(w, evidence)
        })
        .collect()
}

/// Adding customers, partners or revenue is a result; adding staff or tools is an input.
/// The object's head (its last word) decides first: "reference customers" are won,
/// "tier-2 agents" are hired. With no such head, anything won in the rest of the clause
/// ("Close €3.5M in new enterprise bookings").
fn gain(object: &[&Word<'_>], rest: &[&Word<'_>]) -> Kind {
    if let Some(head) = object.last() {
        if head.is(WordClass::Staff) {
            return Kind::Activity;
        }
        if head.is(WordClass::Partner) || head.is(WordClass::Metric) {
            return Kind::Outcome;
        }
    }
    let won = |w: &&Word<'_>| w.is(WordClass::Partner) || w.is(WordClass::Metric);
    if !rest.iter().any(|w| w.is(WordClass::Staff)) && rest.iter().any(won) {
        Kind::Outcome
    } else {
        Kind::Activity
    }
}

/// A change counts work when what changes is the team's output ("Increase blog posts to 8
/// a month"), and is a result otherwise ("Double the number of self-serve upgrades").
fn counted(object: &[&Word<'_>]) -> Kind {
    let head = object.last();
    let counts_work = head.is_some_and(|w| w.is(WordClass::Deliverable))
        && !object.iter().any(|w| w.is(WordClass::Metric));
    if counts_work {
        Kind::Activity
    } else {
        Kind::Outcome
    }
}

/// A clause with no predicate: a measure and its level ("Zero P0 incidents", "Churn below
/// 2%") is a result, unless what it counts is the team's output ("10 blog posts a month");
/// an unmeasured deliverable ("Q3 roadmap") is a task.
fn nominal(body: &[&Word<'_>], clause: &Clause, measured: bool) -> Option<Verdict> {
    let metric = body.iter().find(|w| w.is(WordClass::Metric));
    let deliverable = body.iter().rev().find(|w| w.is(WordClass::Deliverable));
    let (kind, word, class) = match (measured, metric, deliverable) {
        (true, Some(metric), _) => (Kind::Outcome, *metric, WordClass::Metric),
        (_, None, Some(deliverable)) => (Kind::Activity, *deliverable, WordClass::Deliverable),
        (true, None, None) => (Kind::Outcome, *body.first()?, WordClass::Metric),
        // After "ensure" or "so that", a state is the result to make true.
        (false, _, _) if clause.role == Role::Outcome => {
            (Kind::Outcome, *body.first()?, WordClass::Result)
        }
        _ => return None,
    };
    Some(Verdict {
        kind,
        span: word.span,
        class,
    })
}

/// A clause that starts "each", "per" or "every": it sizes each event of what came before.
fn goes_per_event(body: &[&Word<'_>]) -> bool {
    body.first()
        .is_some_and(|w| ["each", "per", "every"].iter().any(|p| w.text.eq_ignore_ascii_case(p)))
}
