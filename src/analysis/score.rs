//! The score (DESIGN §4): every key result gets 0–100 from its facts, not from a count of
//! findings; objectives, units and documents average what is below them.

use super::Analysis;
use super::clause::Role;
use super::facts::Facts;
use super::kind::Kind;
use super::lexicon::WordClass;
use crate::syntax::{Document, KeyResult, Objective, Unit};

/// Points for each quality of a key result.
pub const MEASURABLE: u32 = 35;
pub const OUTCOME: u32 = 25;
pub const TIME_BOUND: u32 = 15;
pub const BASELINE: u32 = 10;
pub const CLEAR: u32 = 15;

/// Structural penalties on an objective's score.
pub const PENALTY_KEY_RESULT_COUNT: u32 = 10;
pub const PENALTY_EMPTY: u32 = 20;
pub const PENALTY_UNIT_ORPHANS: u32 = 10;
pub const PENALTY_UNIT_OBJECTIVE_COUNT: u32 = 5;

/// The limits structural rules and the score share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub key_results_per_objective: (usize, usize),
    pub objectives_per_unit: usize,
    pub objective_max_chars: usize,
    pub key_result_max_chars: usize,
    /// The same limits for English items, in words.
    pub objective_max_words: usize,
    pub key_result_max_words: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            key_results_per_objective: (2, 5),
            objectives_per_unit: 5,
            objective_max_chars: 30,
            key_result_max_chars: 60,
            objective_max_words: 12,
            key_result_max_words: 25,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Rewrite,
    Weak,
    Fair,
    Good,
}

impl Tier {
    pub fn of(score: u32) -> Tier {
        match score {
            0..=39 => Tier::Rewrite,
            40..=59 => Tier::Weak,
            60..=79 => Tier::Fair,
            _ => Tier::Good,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Rewrite => "rewrite",
            Tier::Weak => "weak",
            Tier::Fair => "fair",
            Tier::Good => "good",
        }
    }
}

/// A key result's points, part by part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts {
    pub measurable: u32,
    pub outcome: u32,
    pub time_bound: u32,
    pub baseline: u32,
    pub clear: u32,
}

impl Parts {
    pub fn total(&self) -> u32 {
        self.measurable + self.outcome + self.time_bound + self.baseline + self.clear
    }
}

/// A key result's score. `has_period` says whether it inherits a period from a heading or
/// the configuration.
pub fn key_result(facts: &Facts, has_period: bool) -> Parts {
    let measurable = facts.has_number() && !facts.has_placeholder();
    // A level target (降低至5%) needs no starting point; a change (降低10%) does.
    let baselined = facts.has_baseline() || (measurable && facts.changes.is_empty());
    Parts {
        measurable: if measurable { MEASURABLE } else { 0 },
        outcome: match facts.kind() {
            Kind::Outcome => OUTCOME,
            Kind::Unclear => OUTCOME / 2,
            Kind::Activity => 0,
        },
        time_bound: if facts.has_deadline() || has_period {
            TIME_BOUND
        } else {
            0
        },
        baseline: if baselined { BASELINE } else { 0 },
        clear: if is_clear(facts) { CLEAR } else { 0 },
    }
}

/// No hedge, and no vague verb in an unmeasured outcome clause.
fn is_clear(facts: &Facts) -> bool {
    facts.terms_of(WordClass::Hedge).next().is_none()
        && unmeasured_vague_terms(facts).next().is_none()
}

/// Vague verbs (优化, 提升, 确保…) in outcome or main clauses that carry no quantity.
pub fn unmeasured_vague_terms(facts: &Facts) -> impl Iterator<Item = &super::facts::Term> {
    facts.terms_of(WordClass::Vague).filter(|term| {
        matches!(term.role, Role::Outcome | Role::Main)
            && facts
                .clause_at(term.span)
                .is_some_and(|c| !facts.clause_is_measured(c))
    })
}

/// Scores for a whole document: per unit, per objective, per key result.
pub struct Scorecard<'d> {
    pub units: Vec<UnitScore<'d>>,
    pub score: Option<u32>,
}

pub struct UnitScore<'d> {
    pub unit: &'d Unit,
    pub section: Option<&'d crate::syntax::Heading>,
    pub objectives: Vec<ObjectiveScore<'d>>,
    pub score: Option<u32>,
}

pub struct ObjectiveScore<'d> {
    pub objective: &'d Objective,
    pub key_results: Vec<(&'d KeyResult, Parts)>,
    pub score: u32,
}

impl<'d> Scorecard<'d> {
    pub fn of(document: &'d Document, analysis: &Analysis, limits: &Limits) -> Scorecard<'d> {
        let mut units = Vec::new();
        for section in &document.sections {
            for unit in &section.units {
                let objectives: Vec<ObjectiveScore<'d>> = unit
                    .objectives
                    .iter()
                    .map(|objective| objective_score(objective, unit, analysis, limits))
                    .collect();
                let score = mean(objectives.iter().map(|o| o.score));
                units.push(UnitScore {
                    unit,
                    section: section.heading.as_ref(),
                    objectives,
                    score,
                });
            }
        }
        let score = mean(units.iter().filter_map(|u| u.score));
        Scorecard { units, score }
    }
}

fn objective_score<'d>(
    objective: &'d Objective,
    unit: &Unit,
    analysis: &Analysis,
    limits: &Limits,
) -> ObjectiveScore<'d> {
    let key_results: Vec<(&'d KeyResult, Parts)> = objective
        .key_results
        .iter()
        .map(|kr| {
            let has_period = analysis.inherits_period(kr);
            (kr, key_result(analysis.facts(&kr.item), has_period))
        })
        .collect();
    let base = mean(key_results.iter().map(|(_, p)| p.total())).unwrap_or(0);
    let (min, max) = limits.key_results_per_objective;
    let count = key_results.len();
    let penalties = [
        (
            count > 0 && !(min..=max).contains(&count),
            PENALTY_KEY_RESULT_COUNT,
        ),
        (objective.item.text.is_empty(), PENALTY_EMPTY),
        (!unit.orphans.is_empty(), PENALTY_UNIT_ORPHANS),
        (
            unit.objectives.len() > limits.objectives_per_unit,
            PENALTY_UNIT_OBJECTIVE_COUNT,
        ),
    ];
    let penalty: u32 = penalties
        .iter()
        .filter(|(applies, _)| *applies)
        .map(|(_, p)| p)
        .sum();
    ObjectiveScore {
        objective,
        key_results,
        score: base.saturating_sub(penalty),
    }
}

/// The rounded mean, or `None` for nothing.
pub fn mean(scores: impl Iterator<Item = u32>) -> Option<u32> {
    let (sum, n) = scores.fold((0, 0), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| (sum + n / 2) / n)
}
