//! Outcome or activity: decided from the structure of the decisive clauses — what is
//! measured (a metric with a target or a direction) against what the team does (an activity
//! verb or a deliverable at the head) — not from a word list alone.

mod english;

use super::baseline::{Direction, direction_of};
use super::clause::{Clause, Role};
use super::language::Script;
use super::lexicon::{WordClass, WordList, names_a_measure, word_list};
use super::segment::Word;
use super::time::{TimeFrame, TimeKind};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Outcome,
    Activity,
    Unclear,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Outcome => "outcome",
            Kind::Activity => "activity",
            Kind::Unclear => "unclear",
        }
    }
}

/// What a clause says, and the word that says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub kind: Kind,
    /// The predicate (or head noun) that decided.
    pub span: Span,
    /// What that word is: an activity verb, a result, a deliverable, a metric…
    pub class: WordClass,
}

/// The key result's kind, the clause that decided it (an index into `clauses`), and each
/// decisive clause's own verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub kind: Kind,
    pub deciding: Option<(usize, Verdict)>,
    pub verdicts: Vec<(usize, Verdict)>,
}

/// The clauses that say what the key result is: outcome and unmarked ones; all of them when
/// every clause is means or purpose.
pub fn decisive(clauses: &[Clause]) -> impl Iterator<Item = usize> + '_ {
    let says = |c: &Clause| matches!(c.role, Role::Outcome | Role::Main);
    let any_says = clauses.iter().any(says);
    (0..clauses.len()).filter(move |&i| !any_says || says(&clauses[i]))
}

/// What a key result's text says, beyond its words: the spans of its quantities and
/// placeholders, and its time frames (per-event windows among them: 在1个工作日内).
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// In text order.
    pub measures: &'a [Span],
    pub time_frames: &'a [TimeFrame],
}

impl Evidence<'_> {
    /// The spans of the per-event windows.
    fn windows(&self) -> impl Iterator<Item = Span> + '_ {
        self.time_frames
            .iter()
            .filter(|t| t.kind == TimeKind::Window)
            .map(|t| t.span)
    }
}

/// Judges a key result from its words and clauses, by the grammar of its language.
pub fn judge(
    words: &[Word<'_>],
    clauses: &[Clause],
    evidence: Evidence<'_>,
    language: Option<Script>,
) -> Judgement {
    match language {
        Some(Script::English) => english::judge(words, clauses, evidence),
        _ => judge_chinese(words, clauses, evidence),
    }
}

fn judge_chinese(words: &[Word<'_>], clauses: &[Clause], evidence: Evidence<'_>) -> Judgement {
    let content = ContentWords::of(words);
    let mut judgement = judge_clauses(
        clauses,
        |clause| judge_clause(content.of_clause(clause), clause, evidence),
        |previous, clause| elaborates(content.of_clause(previous), content.of_clause(clause)),
    );
    // When nothing else decides, a learning state to make true (确保每位兽医熟练掌握超声操作)
    // is the result; after training (完成培训，确保掌握卖点) the training decides.
    if judgement.deciding.is_none()
        && let Some(state) = soft_state(clauses, |c| content.of_clause(c))
    {
        judgement.deciding = Some(state);
        judgement.kind = Kind::Outcome;
    }
    judgement
}

/// The first unmeasured state (掌握, 过关) of a clause marked as an outcome.
fn soft_state<'a, 'w: 'a>(
    clauses: &[Clause],
    content: impl Fn(&Clause) -> &'a [&'a Word<'w>],
) -> Option<(usize, Verdict)> {
    let marked = clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.role == Role::Outcome);
    marked.into_iter().find_map(|(i, clause)| {
        let state = content(clause)
            .iter()
            .find(|w| w.is(WordClass::SoftResult))?;
        let verdict = Verdict {
            kind: Kind::Outcome,
            span: state.span,
            class: WordClass::SoftResult,
        };
        Some((i, verdict))
    })
}

/// The words of a key result that are not punctuation or in parentheses, gathered once; a
/// clause's share of them is a slice, as its words are consecutive. An aside (（标本签收至报告
/// 审核）, "(quarterly survey)") says how something is measured, not what the key result is.
pub(super) struct ContentWords<'a, 'w> {
    all: &'a [Word<'w>],
    content: Vec<&'a Word<'w>>,
}

impl<'a, 'w> ContentWords<'a, 'w> {
    pub(super) fn of(all: &'a [Word<'w>]) -> Self {
        // Reserved whole: collected from a filter, the vector would grow several times.
        let mut content = Vec::with_capacity(all.len());
        let mut depth = 0usize;
        for word in all {
            match word.text {
                "(" | "（" => depth += 1,
                ")" | "）" => depth = depth.saturating_sub(1),
                _ if depth == 0 && !word.is_punctuation() => content.push(word),
                _ => {}
            }
        }
        ContentWords { all, content }
    }

    pub(super) fn of_clause(&self, clause: &Clause) -> &[&'a Word<'w>] {
        // Words stand in text order: the content words from a word on start where it does.
        let from = |at: usize| match self.all.get(at) {
            Some(word) => self
                .content
                .partition_point(|w| w.span.start < word.span.start),
            None => self.content.len(),
        };
        &self.content[from(clause.words.0)..from(clause.words.1)]
    }
}

/// Judges each decisive clause with `judge_clause`, then the key result. A measured main
/// clause that only sizes the activity before it, as `elaborates` tells (开展沙龙12场，每场邀约
/// 不少于20人; "Run 3 workshops, each with at least 20 attendees"), is part of that activity.
fn judge_clauses(
    clauses: &[Clause],
    mut judge_clause: impl FnMut(&Clause) -> Option<Verdict>,
    elaborates: impl Fn(&Clause, &Clause) -> bool,
) -> Judgement {
    let mut verdicts: Vec<(usize, Verdict)> = Vec::new();
    for i in decisive(clauses) {
        let Some(mut verdict) = judge_clause(&clauses[i]) else {
            continue;
        };
        let previous_activity = verdicts
            .last()
            .filter(|(_, v)| v.kind == Kind::Activity)
            .map(|(at, _)| &clauses[*at]);
        if let Some(previous) = previous_activity
            && verdict.kind == Kind::Outcome
            && clauses[i].role == Role::Main
            && elaborates(previous, &clauses[i])
        {
            verdict.kind = Kind::Activity;
        }
        verdicts.push((i, verdict));
    }
    decide(verdicts, clauses)
}

/// The key result's kind from its clauses' verdicts: a marked outcome that is one, else a
/// completion rate, else the first outcome, else the first activity.
fn decide(verdicts: Vec<(usize, Verdict)>, clauses: &[Clause]) -> Judgement {
    let first = |kind| verdicts.iter().copied().find(|(_, v)| v.kind == kind);
    // A completion rate (执行率100%, 覆盖率) says the key result counts the team's own work,
    // unless a marked outcome clause says what that work achieves.
    // A metric held to a level before it (离职率控制在8%以内，配置率100%) is a result of its own.
    let levelled_first = |at: usize| {
        verdicts
            .iter()
            .any(|(i, v)| *i < at && v.kind == Kind::Outcome && v.class == WordClass::Direction)
    };
    let completion = verdicts
        .iter()
        .copied()
        .find(|(i, v)| v.class == WordClass::Completion && !levelled_first(*i));
    let marked_outcome = verdicts
        .iter()
        .copied()
        .find(|(i, v)| v.kind == Kind::Outcome && clauses[*i].role == Role::Outcome);
    let deciding = marked_outcome
        .or(completion)
        .or_else(|| first(Kind::Outcome))
        .or_else(|| first(Kind::Activity));
    Judgement {
        kind: deciding.map_or(Kind::Unclear, |(_, v)| v.kind),
        deciding,
        verdicts,
    }
}

/// Acts that bring someone in: what they bring decides (开发客户 is won, 开发系统 is built).
static ACQUIRES: WordList = word_list!("zh/kind/acquiring-verbs.txt");

/// Whether the object of an act, up to its bound or number, is headed by a partner.
fn wins_partners(object: &[&Word<'_>]) -> bool {
    object
        .iter()
        // A count may come first (开发10家经销商).
        .skip_while(|w| matches!(w.tag, "m" | "q") && !w.text.starts_with('第'))
        // 第三方 is a word, not a number.
        .take_while(|w| !w.is(WordClass::Direction) && (w.tag != "m" || w.text.starts_with('第')))
        .filter(|w| w.tag.starts_with('n') || w.is(WordClass::Partner))
        .last()
        .is_some_and(|head| head.is(WordClass::Partner) && !head.is(WordClass::Staff))
}

/// A pact (协议, 关系, 合作) made with others the clause counts (与五所中小学签订服务协议,
/// 与若干家茶馆建立供货关系): partners won, as 3家机构建立合作关系 is. Connecting systems with
/// them (与3家承运商的数据对接) names no pact.
fn pact_with_counted_others(before: &[&Word<'_>], head: &Word<'_>) -> bool {
    let pact = ["协议", "关系", "合作"]
        .iter()
        .any(|p| head.text.ends_with(p));
    let counted = before.iter().enumerate().any(|(i, w)| {
        w.text == "与"
            && before[i + 1..]
                .iter()
                .take(5)
                .any(|n| n.tag == "m" && !n.text.starts_with('第'))
    });
    pact && counted
}

/// Fixing the team's own findings: 整改, 修订, 关闭, 闭环.
static OWN_FIXES: WordList = word_list!("zh/kind/own-fixes.txt");

/// Verbs that name no act of their own: the clause's meaning comes from what follows them.
const LIGHT: [WordClass; 2] = [WordClass::Vague, WordClass::Maintain];

fn judge_clause(body: &[&Word<'_>], clause: &Clause, evidence: Evidence<'_>) -> Option<Verdict> {
    // What starts in the clause is its own, though a closing bracket (`[number]`, 【X】) may
    // stand past the clause's end.
    let inside = |s: &Span| clause.span.start <= s.start && s.start < clause.span.end;
    let measured = evidence.measures.iter().any(inside);
    let start = after_owner(body).max(after_locative(body));
    let body = &body[start.min(body.len())..];
    let verdict = |kind, word: &Word<'_>, class| {
        Some(Verdict {
            kind,
            span: word.span,
            class,
        })
    };
    if let Some(v) = measured_metric(body, measured, evidence) {
        return Some(v);
    }
    if let Some(window) = evidence.windows().find(|w| inside(w)) {
        // Fixing one's own findings in time (问题在30日内整改完毕) stays the team's task.
        // …unless what is fixed is a request from outside (差评件在3个工作日内完成整改).
        let requested = body
            .iter()
            .any(|w| w.span.end <= window.start && w.is(WordClass::Request));
        let fixes_own = !requested
            && body
                .iter()
                .any(|w| w.span.start >= window.end && OWN_FIXES.contains(&w.text));
        if let Some(subject) = subject_before(body, window).filter(|_| !fixes_own) {
            return verdict(Kind::Outcome, subject, WordClass::Result);
        }
    }
    let mut light: Option<&Word<'_>> = None;
    // Where an unmeasured state stands (掌握, 过关), when it is the clause's predicate.
    let mut state_at: Option<usize> = None;
    let mut unmeasured_state = false;
    for (i, word) in body.iter().enumerate() {
        let rest = &body[i + 1..];
        if is_attribute(word, rest, leads(body, i, evidence)) || per_head_amount(body, i) {
            continue;
        }
        if counts_completion(body, i) {
            return verdict(Kind::Activity, word, WordClass::Completion);
        }
        // 经院务会审议通过: the team's own work approved is still its work.
        let approved = i > 0 && REVIEWS.iter().any(|r| body[i - 1].text.ends_with(r));
        if word.is(WordClass::Result) && !(word.text == "通过" && approved) {
            return verdict(Kind::Outcome, word, WordClass::Result);
        }
        // 有明显提升, 有所提高: a change follows, and the change decides.
        let before_change = || rest.iter().take(2).any(|w| w.is(WordClass::Direction));
        if word.is(WordClass::SoftResult) && !before_change() {
            if measured {
                return verdict(Kind::Outcome, word, WordClass::SoftResult);
            }
            unmeasured_state = true;
            // What follows a predicate state is what is learnt (掌握处方审核技能), not the team's
            // act; a state inside a relative clause (为有需求的客户提供…) is no predicate.
            if !rest.iter().take(3).any(|w| w.text == "的") {
                state_at = Some(i);
                break;
            }
            continue;
        }
        if word.is(WordClass::Gain) {
            return verdict(gain(&body[..i], rest), word, WordClass::Gain);
        }
        // 至少开设1节公开课, 至少向20位会员推介: a bound on an act leaves the act to decide.
        let bounds_act = || {
            word.tag == "d"
                && rest
                    .iter()
                    .find(|w| !matches!(w.tag, "p" | "m" | "q" | "a" | "n" | "r"))
                    .is_some_and(|n| n.is(WordClass::ActivityVerb))
        };
        if word.is(WordClass::Direction) && bounds_act() {
            continue;
        }
        if word.is(WordClass::Direction)
            && (measured || body.iter().any(|w| w.is(WordClass::Metric)))
        {
            return verdict(counted(&body[..i], rest), word, WordClass::Direction);
        }
        if word.is(WordClass::ActivityVerb) {
            // 签订合作协议, 完成…签约: the act is the result.
            let head = rest.last().unwrap_or(word);
            if head.is(WordClass::Result) || pact_with_counted_others(&body[..i], head) {
                return verdict(Kind::Outcome, head, WordClass::Result);
            }
            // 开发客户, 引进企业: customers and partners brought in are won.
            if ACQUIRES.contains(&word.text) && wins_partners(rest) {
                return verdict(Kind::Outcome, word, WordClass::Gain);
            }
            return verdict(Kind::Activity, word, WordClass::ActivityVerb);
        }
        if LIGHT.iter().any(|c| word.is(*c)) || word.is(WordClass::Direction) {
            light = light.or(Some(word));
        }
    }
    // No act of its own: judged by what the clause holds.
    let holds = |class| body.iter().any(|w| w.is(class));
    if measured && (holds(WordClass::Metric) || light.is_some()) {
        let anchor = light.or_else(|| body.iter().copied().find(|w| w.is(WordClass::Metric)))?;
        return verdict(Kind::Outcome, anchor, WordClass::Metric);
    }
    let before_state = &body[..state_at.unwrap_or(body.len())];
    if let Some(deliverable) = before_state
        .iter()
        .rev()
        .find(|w| w.is(WordClass::Deliverable))
    {
        return verdict(
            Kind::Activity,
            light.unwrap_or(deliverable),
            WordClass::Deliverable,
        );
    }
    // 排名第一, 排名前三: a rank to reach is a result, though it holds no quantity.
    if let Some(rank) = body
        .windows(2)
        .find(|pair| pair[0].text == "排名" && pair[1].text.starts_with(['第', '前']))
    {
        return verdict(Kind::Outcome, rank[0], WordClass::Metric);
    }
    // After 确保 or 实现, a state with no act in it is a result to make true (确保小区环境整洁有序);
    // a learning state with no measure (确保掌握卖点) restates training: it decides only when no
    // other clause does (see `soft_state`).
    if clause.role == Role::Outcome && light.is_none() && !unmeasured_state {
        return body
            .first()
            .and_then(|w| verdict(Kind::Outcome, w, WordClass::Result));
    }
    let light = light?;
    // 优化流程, 改善环境: changing what the team owns is its work; 提升满意度 aims at a measure,
    // and so does cutting something down (减少加班, 降低外委维修), measured or not.
    // Cutting the team's own steps (压缩审批环节) is still its work.
    static STEPS: WordList = word_list!("zh/kind/own-steps.txt");
    let cuts_down = direction_of(light.text) == Some(Direction::Down)
        && !body
            .iter()
            .any(|w| STEPS.iter().any(|s| w.text.ends_with(s)));
    // A per-head amount (人均产出) is a measure too.
    if body.iter().any(|w| is_measure_word(w) || w.text == "人均")
        || holds(WordClass::Metric)
        || cuts_down
    {
        verdict(Kind::Outcome, light, WordClass::Metric)
    } else {
        verdict(Kind::Activity, light, WordClass::Vague)
    }
}

/// Whether the word at `at` counts the team's own work done (执行率, 覆盖, 参与): not when it
/// only leads the name of a measure of people reached (活动参与人次), unless the people are
/// the team's own staff (员工参与人数).
fn counts_completion(body: &[&Word<'_>], at: usize) -> bool {
    if !body[at].is(WordClass::Completion) {
        return false;
    }
    // 按时交付率, 及时处理率: how punctually others are served is a quality level; a plan
    // carried out on time (按时执行率) or the team's own findings fixed (按期整改率) stay work.
    static SERVICES: WordList = word_list!("zh/kind/services.txt");
    let punctual = at > 0 && matches!(body[at - 1].text, "按时" | "准时" | "及时" | "按期");
    if punctual && SERVICES.iter().any(|s| body[at].text.contains(s)) {
        return false;
    }
    // 消费频次, 到店频次 (to be split 到/店): how often customers act is their behaviour, not
    // the team's work.
    static CUSTOMER_ACTS: WordList = word_list!("zh/kind/customer-acts.txt");
    let customers_act = CUSTOMER_ACTS.iter().any(|act| {
        at > 0
            && act
                .strip_suffix(body[at - 1].text)
                .is_some_and(|rest| rest.is_empty() || at > 1 && rest == body[at - 2].text)
    });
    if customers_act {
        return false;
    }
    let names_reach = body
        .get(at + 1)
        .is_some_and(|next| next.is(WordClass::Metric));
    !names_reach || body.iter().any(|w| w.is(WordClass::Staff))
}

/// Measures that give the size of something an activity named (规则梳理 … 规则数量).
static SIZES: WordList = word_list!("zh/kind/size-measures.txt");

/// A measured clause that sizes the activity of the clause before it: it goes per event
/// (每场, 每人, or 人均 before a bare amount of an act: 组织培训，人均不少于16学时), gives the
/// size of something that activity named (抽检制度 … 抽检比例), how many it reached (覆盖人数),
/// or a share of it (其中海外不少于两场). A quality rate of it (考核 … 考核通过率) is a result,
/// not a size. `activity` and `body` are the two clauses' content words.
fn elaborates(activity: &[&Word<'_>], body: &[&Word<'_>]) -> bool {
    let acts = activity.iter().any(|w| w.is(WordClass::ActivityVerb));
    let per_head = acts
        && body.first().is_some_and(|w| w.text == "人均")
        && body.get(1).is_some_and(|w| w.is(WordClass::Direction));
    // 每场, 每人, 每月不少于2次: per event, per head or per period; but per a unit of time of
    // output (每分钟动画的人工工时减少30%) a measure is the result.
    let per_time_of_output = body.first().is_some_and(|w| w.text == "每")
        && body
            .get(1)
            .is_some_and(|w| matches!(w.text, "分钟" | "小时"));
    let per_event = body.first().is_some_and(|w| w.text.starts_with('每'))
        && !(per_time_of_output && names_result(body))
        || per_head;
    let measures_it = body.windows(2).any(|pair| {
        let (named, measure) = (pair[0], pair[1]);
        named.text.chars().count() > 1
            && activity.iter().any(|w| w.text == named.text)
            && SIZES.contains(&measure.text)
    });
    // How many it reached sizes it (覆盖500人); reaching more (参与人次明显提升) is its result.
    static GROWS: WordList = word_list!("zh/kind/raising-verbs.txt");
    let reach = body.first().is_some_and(|w| w.is(WordClass::Completion))
        && !body.iter().any(|w| GROWS.contains(&w.text));
    // A share names no result of its own (其中新签客户不少于30家 does).
    let share = body.first().is_some_and(|w| w.text == "其中") && !names_result(body);
    per_event || measures_it || reach || share
}

/// Whether a clause names a result: a measure, partners, a result or a gain; the words that
/// only size something (占比, 比例) do not.
fn names_result(body: &[&Word<'_>]) -> bool {
    body.iter().any(|w| {
        let size = SIZES.contains(&w.text) || w.text == "占比";
        let result = [
            WordClass::Metric,
            WordClass::Partner,
            WordClass::Result,
            WordClass::Gain,
        ]
        .iter()
        .any(|c| w.is(*c))
            || is_measure_word(w);
        result && !size
    })
}

/// A comparator before a count judges by what is counted: 至少一次业务回顾 counts the team's
/// work; 深度报道月均不少于3篇 counts its output. Otherwise a direction on a measure is an
/// outcome.
fn counted(before: &[&Word<'_>], after: &[&Word<'_>]) -> Kind {
    if after.first().is_none_or(|w| w.tag != "m") {
        return Kind::Outcome;
    }
    let things: Vec<&&Word<'_>> = after
        .iter()
        .skip_while(|w| w.tag == "m" || w.tag == "q")
        .take(3)
        .collect();
    if things.iter().any(|w| w.is(WordClass::Result)) {
        return Kind::Outcome;
    }
    let counts_work = things
        .iter()
        .any(|w| w.is(WordClass::ActivityVerb) || w.is(WordClass::Deliverable));
    // The subject's head noun: 深度报道 counts output, 证明材料 does not.
    let head = before.iter().rev().find(|w| w.tag.starts_with('n'));
    let subject_is_work = head.is_some_and(|w| w.is(WordClass::Deliverable))
        && !before
            .iter()
            .any(|w| is_measure_word(w) || w.is(WordClass::Metric));
    if counts_work || subject_is_work {
        Kind::Activity
    } else {
        Kind::Outcome
    }
}

/// Words that name what is measured: 退回率, 满意度, and the bare 时间, 成本, 周期, 单价.
fn is_measure_word(word: &Word<'_>) -> bool {
    static BARE: WordList = word_list!("zh/kind/bare-measures.txt");
    names_a_measure(word.text) || BARE.contains(&word.text)
}

/// The shape of most outcomes: a metric, then a direction or comparator, then a number
/// (首次设计错误率控制在5%). Not when the team's own act comes first (组织…培训不少于4场).
fn measured_metric(body: &[&Word<'_>], measured: bool, evidence: Evidence<'_>) -> Option<Verdict> {
    if !measured || (0..body.len()).any(|i| counts_completion(body, i)) {
        return None;
    }
    let metric = body.iter().position(|w| w.is(WordClass::Metric))?;
    let acted_first = (0..metric).any(|i| {
        body[i].is(WordClass::ActivityVerb)
            && !is_attribute(body[i], &body[i + 1..], leads(body, i, evidence))
    });
    if acted_first {
        return None;
    }
    let direction = body[metric + 1..]
        .iter()
        .position(|w| w.is(WordClass::Direction))?
        + metric
        + 1;
    Some(Verdict {
        kind: counted(&body[..direction], &body[direction + 1..]),
        span: body[direction].span,
        class: WordClass::Direction,
    })
}

/// A service level: something handled within a window (客户反馈在1个工作日内得到解决,
/// 报销单据在提交后3个工作日内完成审核). What is handled stands before the window; a window
/// after a meeting (会议后1个工作日内完成修订), or on the team's own deliverable (8D报告…内关闭),
/// stays the team's task.
fn subject_before<'w>(body: &[&'w Word<'w>], window: Span) -> Option<&'w Word<'w>> {
    let window_start = window.start;
    let before: Vec<&'w Word<'w>> = body
        .iter()
        .copied()
        .take_while(|w| w.span.end <= window_start)
        .collect();
    // A clause led by the team's act (接车后15分钟内完成环车检查), or whose subject is one
    // (风险评估在入院后2小时内完成, 准入审核在T+1日内完成; not a customer's 申请), times the
    // team's own work.
    // The subject stands before 在, whatever event the window counts from (在入院后…).
    let head = match before.iter().rposition(|w| w.text == "在") {
        Some(at) => at.checked_sub(1).map(|i| before[i]),
        None => before.last().copied(),
    };
    // …unless the window counts from a request received (审核在收到后3个工作日内出具意见):
    // then it is a service to whoever sent it.
    static RECEIPTS: WordList = word_list!("zh/kind/receipts.txt");
    let receipt = before.iter().enumerate().find_map(|(i, w)| {
        let counts_from = before[i + 1..].iter().take(3).any(|n| n.text == "后");
        (RECEIPTS.contains(&w.text) && counts_from).then_some(*w)
    });
    let received = receipt.is_some();
    // …or when what is worked on was asked for (客户投诉核查, 信用卡申请审核).
    // …as the head of its words, not naming the team's own system (举报系统, 投诉处理流程).
    let heads_request = |i: usize| {
        before[i].is(WordClass::Request)
            && before
                .get(i + 1)
                .is_none_or(|n| !n.is(WordClass::Deliverable) && !n.tag.starts_with('n'))
    };
    let requested = (0..before.len()).any(heads_request);
    let head = head.filter(|_| !received && !requested);
    if before
        .first()
        .is_some_and(|w| w.is(WordClass::ActivityVerb))
        || head.is_some_and(|w| w.is(WordClass::ActivityVerb) && !w.is(WordClass::Request))
    {
        return None;
    }
    before
        .iter()
        .enumerate()
        .find_map(|(i, w)| {
            let nominal = w.tag.starts_with('n')
                || w.tag == "vn"
                || w.is(WordClass::Metric)
                || w.is(WordClass::Partner)
                || heads_request(i);
            // 举报系统: a request's name on the team's own thing is that thing.
            let names_own = w.is(WordClass::Request) && !heads_request(i);
            let temporal = before
                .get(i + 1)
                .is_some_and(|n| matches!(n.text, "后" | "前" | "时"));
            let own = w.is(WordClass::Team)
                || w.is(WordClass::ActivityVerb)
                || w.is(WordClass::Deliverable);
            (nominal && !temporal && !own && !names_own && w.tag != "t").then_some(*w)
        })
        // With no subject named, a call received is served when the team goes to the caller
        // (接到紧急呼叫后15分钟内上门处置).
        .or_else(|| {
            static ARRIVALS: WordList = word_list!("zh/kind/arrivals.txt");
            let goes = body
                .iter()
                .any(|w| w.span.start >= window.end && ARRIVALS.contains(&w.text));
            receipt.filter(|_| goes)
        })
}

/// Whether the object names those the team works with: 合作小学, 合作农场, 合作社 (not 合作项目,
/// a piece of work).
fn cooperates(object: &[&Word<'_>]) -> bool {
    static WORK: WordList = word_list!("zh/kind/cooperation-work.txt");
    object.iter().enumerate().any(|(i, w)| {
        let partner = if w.text == "合作" {
            object.get(i + 1).copied()
        } else {
            Some(*w).filter(|w| w.text.starts_with("合作") && w.text.chars().count() > 2)
        };
        partner.is_some_and(|p| {
            (p.tag.starts_with('n') || p.tag == "l")
                && !p.is(WordClass::Deliverable)
                && !WORK.contains(&p.text)
        })
    })
}

/// Adding customers or partners is an outcome; adding staff, tools or entry points is not.
/// The head noun (the object's last word) decides first: 客户成功经理 are staff. With no
/// noun after the verb (私行客户新增X户) the subject says what is added.
fn gain(subject: &[&Word<'_>], object: &[&Word<'_>]) -> Kind {
    let head = object
        .iter()
        .rev()
        .find(|w| !w.is_punctuation() && w.tag != "m" && w.tag != "q");
    if let Some(head) = head {
        if head.is(WordClass::Staff) {
            return Kind::Activity;
        }
        if head.is(WordClass::Partner) || head.is(WordClass::Metric) {
            return Kind::Outcome;
        }
    }
    let won = |w: &&&Word<'_>| w.is(WordClass::Partner) || w.is(WordClass::Metric);
    if object.iter().any(|w| w.is(WordClass::Staff)) {
        Kind::Activity
    } else if cooperates(object)
        || object.iter().any(|w| won(&w))
        || subject.iter().any(|w| won(&w))
    {
        Kind::Outcome
    } else {
        Kind::Activity
    }
}

/// An act counted per head and raised (人均月交付故事点从22提升到28, 人均日处理工单量提高到
/// 45): output per person is a measure of productivity, and the change decides.
fn per_head_amount(body: &[&Word<'_>], at: usize) -> bool {
    // Per head, and output: training or taking part is input however it is counted.
    static INPUTS: WordList = word_list!("zh/kind/input-acts.txt");
    body[at].is(WordClass::ActivityVerb)
        && !INPUTS.contains(&body[at].text)
        && body[at.saturating_sub(2)..at]
            .iter()
            .any(|w| w.text == "人均")
        && body[at + 1..].iter().any(|w| w.is(WordClass::Direction))
}

/// Reviews inside the organisation that a piece of the team's own work passes (方案经评审通过);
/// an outside body's approval (经药监局审批通过) or a client's acceptance is a result.
static REVIEWS: WordList = word_list!("zh/kind/internal-reviews.txt");

/// Whether the word at `at` opens its clause, once the time it opens with is passed
/// (年底前完成所有设备的检修).
fn leads(body: &[&Word<'_>], at: usize, evidence: Evidence<'_>) -> bool {
    body[..at].iter().all(|w| {
        evidence
            .time_frames
            .iter()
            .any(|t| t.span.start <= w.span.start && w.span.end <= t.span.end)
    })
}

/// An activity verb that describes rather than states: inside a noun phrase (标准设计时间,
/// 设计团队, 研发周期), a relative clause (用户自发发布的笔记) or a time clause (版本上线后).
fn is_attribute(word: &Word<'_>, rest: &[&Word<'_>], leads: bool) -> bool {
    if !word.is(WordClass::ActivityVerb) {
        return false;
    }
    let Some(next) = rest.first() else {
        return false;
    };
    // jieba reads it as a noun before a noun or a span of time (试点门店, 上线30天内的…).
    // …and only a span that a later time hangs on (上线30天内, 上线后30天的): in 上线24小时自助
    // 借还机 the hours belong to a name.
    let time_span = next.tag == "m"
        && rest
            .get(1)
            .is_some_and(|w| matches!(w.text, "天" | "日" | "周" | "月" | "个月" | "小时"))
        && rest.get(2).is_some_and(|w| {
            matches!(
                w.text,
                "内" | "以内" | "之内" | "后" | "以后" | "之后" | "的"
            )
        });
    let before_noun = next.is(WordClass::Staff) || next.is(WordClass::Team);
    if word.tag == "n" && (before_noun || time_span) {
        return true;
    }
    // A nominal verb between a modifier and a deliverable names the thing (自助分析平台,
    // 数据治理工具); leading the clause it is the act (培训课程10门 is still work).
    if word.tag == "vn" && !leads && next.is(WordClass::Deliverable) {
        return true;
    }
    // A verb after its own subject, before 的, describes a noun (用户自发发布的笔记); leading
    // the clause it is the predicate (完成新手引导的改版设计).
    let relative = !leads
        && rest.iter().take(3).any(|w| w.text == "的")
        && !rest.iter().take(3).any(|w| w.is(WordClass::Deliverable));
    // A verb's clause that ends in 的 before a count of those who did something says whose
    // count it is (参加赛事的学员获奖人数达到X人): the count decides.
    let before_result = rest
        .iter()
        .take(6)
        .position(|w| w.text == "的")
        .is_some_and(|at| {
            rest[at + 1..].windows(2).take(3).any(|pair| {
                pair[0].tag.starts_with('v')
                    && !pair[0].is(WordClass::ActivityVerb)
                    && matches!(pair[1].text, "人数" | "人次")
            })
        });
    is_measure_word(next)
        || before_result
        || next.is(WordClass::Team)
        || names_a_measure_before_direction(rest, word.tag == "vn")
        || matches!(next.text, "后" | "前" | "时" | "的")
        || relative
}

/// The subject of a measure follows (发布/回滚率/降低到, 试点/校区/教师/满意度/提升至): the
/// words up to the next direction verb hold a measure and no deliverable. After a nominal verb
/// the measure may be of a deliverable (检测/报告/一次合格率/达到), and its value may follow it
/// at once (监测/系统/可用率/99.9%).
fn names_a_measure_before_direction(rest: &[&Word<'_>], nominal: bool) -> bool {
    let measure = |w: &Word<'_>| {
        names_a_measure(w.text) || w.is(WordClass::Metric) && !w.is(WordClass::Partner)
    };
    let valued =
        |i: usize| nominal && measure(rest[i]) && rest.get(i + 1).is_some_and(|n| n.tag == "m");
    let Some(length) = (0..rest.len().min(5)).find_map(|i| {
        if rest[i].is(WordClass::Direction) {
            Some(i)
        } else {
            valued(i).then_some(i + 1)
        }
    }) else {
        return false;
    };
    let phrase = &rest[..length];
    let Some(last_measure) = phrase.iter().rposition(|w| measure(w)) else {
        return false;
    };
    !phrase
        .iter()
        .enumerate()
        .any(|(i, w)| w.is(WordClass::Deliverable) && !(nominal && i < last_measure))
}

/// Where the clause proper starts after a leading place (在市物业服务星级评定中排名第一): the
/// words of `在…中` say where, not what.
fn after_locative(body: &[&Word<'_>]) -> usize {
    const CLOSERS: [&str; 5] = ["中", "里", "上", "期间", "方面"];
    if body.first().is_none_or(|w| w.text != "在") {
        return 0;
    }
    body.iter()
        .take(8)
        .position(|w| CLOSERS.contains(&w.text))
        .map_or(0, |at| at + 1)
}

/// Where the clause proper starts: after an owner such as 销售团队 or 客户支持团队, when nothing
/// before the team word is one of our verbs.
fn after_owner(body: &[&Word<'_>]) -> usize {
    const VERBS: [WordClass; 7] = [
        WordClass::ActivityVerb,
        WordClass::Vague,
        WordClass::Direction,
        WordClass::Result,
        WordClass::Gain,
        WordClass::Completion,
        WordClass::Maintain,
    ];
    let Some(team) = body.iter().take(6).position(|w| w.is(WordClass::Team)) else {
        return 0;
    };
    let verb_before = body[..team]
        .iter()
        .any(|w| w.is_plain_verb() && VERBS.iter().any(|c| w.is(*c)));
    if verb_before { 0 } else { team + 1 }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Facts, Vocabulary};

    fn kind(text: &str) -> &'static str {
        Facts::of(text, 0, &Vocabulary::default()).kind().as_str()
    }

    #[test]
    fn a_clause_that_opens_with_its_time_leads_with_its_verb() {
        assert_eq!(kind("国庆前完成所有电梯的年度检验"), "activity");
        assert_eq!(kind("年底前完成全部门店的消防检查"), "activity");
    }

    #[test]
    fn own_work_approved_is_still_own_work() {
        assert_eq!(
            kind("编制三年发展规划，9月底前经党委会审议通过"),
            "activity"
        );
        // A certification passed is a result.
        assert_eq!(kind("年内通过ISO 14001环境管理体系认证"), "outcome");
    }

    #[test]
    fn partners_won_may_be_counted_before_they_are_named() {
        assert_eq!(kind("开发30家县级代理商"), "outcome");
        assert_eq!(kind("拓展若干家社区团购渠道"), "outcome");
        assert_eq!(kind("开发3套巡检小程序"), "activity");
        // People a service reaches, and creators signed, are won too.
        assert_eq!(kind("签约居民从1200户增加到2000户"), "outcome");
        assert_eq!(kind("新签约创作者300人"), "outcome");
    }

    #[test]
    fn a_pact_with_counted_others_wins_them() {
        assert_eq!(kind("与4所职业院校签订实习基地协议"), "outcome");
        assert_eq!(kind("与若干家物流企业建立长期配送关系"), "outcome");
        // Connecting systems with them, or a pact with no one counted, is the team's work.
        assert_eq!(kind("完成与2家银行的接口联调"), "activity");
        assert_eq!(kind("与法务部建立合同审核协作关系"), "activity");
    }

    #[test]
    fn a_window_from_a_call_received_is_a_service() {
        assert_eq!(kind("接到报警后10分钟内到达现场"), "outcome");
        assert_eq!(kind("收到报修后2小时内上门"), "outcome");
        // The team's own step after its own event stays work, and so does one it starts on
        // receipt without going to anyone.
        assert_eq!(kind("会议结束后2个工作日内完成纪要"), "activity");
        assert_eq!(kind("收到上级通知后24小时内完成自查"), "activity");
    }

    #[test]
    fn a_verb_that_says_whose_result_it_is_does_not_decide() {
        assert_eq!(kind("参加技能大赛的员工获奖人数达到5人"), "outcome");
        assert_eq!(kind("完成新员工入职培训的课件制作"), "activity");
        assert_eq!(kind("编写先进班组的获奖经验材料8篇"), "activity");
    }

    #[test]
    fn a_stock_before_a_noun_is_no_measure() {
        assert_eq!(kind("完成存量合同电子化归档2万份"), "activity");
    }

    #[test]
    fn how_often_customers_act_is_their_behaviour() {
        assert_eq!(kind("会员月均到店频次从1.2次提升到1.8次"), "outcome");
        assert_eq!(kind("客户经理拜访频次达到每周3次"), "activity");
    }

    #[test]
    fn the_teams_own_act_timed_by_a_window_is_its_work() {
        assert_eq!(kind("新入院患者营养评估在入院后24小时内完成"), "activity");
        assert_eq!(kind("供应商资质审核在T+3日内完成"), "activity");
        assert_eq!(kind("客户退款申请在T+1日内到账"), "outcome");
        // Counted from a request received, it is a service to whoever sent it.
        assert_eq!(kind("报销单审核在提交后3个工作日内完成"), "outcome");
    }

    #[test]
    fn checks_and_tests_are_the_teams_work_but_name_the_measures_they_take() {
        assert_eq!(kind("每班两次监测车间粉尘浓度"), "activity");
        assert_eq!(kind("检测报告一次合格率达到98%"), "outcome");
        assert_eq!(kind("监测系统可用率99.9%"), "outcome");
        assert_eq!(kind("Q3设计方案一次通过率达到90%"), "outcome");
    }

    #[test]
    fn what_was_asked_for_and_worked_on_in_time_is_a_service() {
        assert_eq!(kind("客户投诉核查在2个工作日内完成"), "outcome");
        assert_eq!(kind("信用卡申请审核在2个工作日内完成"), "outcome");
        assert_eq!(kind("理赔审核在收到材料后3个工作日内完成"), "outcome");
    }

    #[test]
    fn an_outside_bodys_approval_is_a_result() {
        assert_eq!(kind("新建项目环评年底前经生态环境局审批通过"), "outcome");
    }

    #[test]
    fn work_per_head_raised_is_output() {
        assert_eq!(kind("人均日处理工单量从30提高到45"), "outcome");
    }

    #[test]
    fn those_the_team_works_with_are_won() {
        assert_eq!(kind("新增合作医院不少于5家"), "outcome");
        assert_eq!(kind("新引进第三方检测机构3家"), "outcome");
        // Joint projects and ways of working together are work.
        assert_eq!(kind("新增合作项目3个"), "activity");
        assert_eq!(kind("新增合作模式2种"), "activity");
    }

    #[test]
    fn buyers_won_and_zero_incidents_are_results() {
        assert_eq!(kind("新增海外采购商300家"), "outcome");
        assert_eq!(kind("力争拿下市一中食堂托管项目"), "outcome");
        assert_eq!(kind("全年安全事故零发生"), "outcome");
    }

    #[test]
    fn settling_cleaning_and_putting_to_use_are_work() {
        assert_eq!(kind("月底前敲定年会场地"), "activity");
        assert_eq!(kind("每日对冷库消杀并登记"), "activity");
        assert_eq!(kind("新食堂9月1日前投入使用"), "activity");
    }

    #[test]
    fn a_request_fixed_within_a_window_is_a_service_level() {
        assert_eq!(kind("差评件在3个工作日内完成核实整改并回访"), "outcome");
        assert_eq!(kind("审核发现的问题在30日内整改完毕"), "activity");
    }

    #[test]
    fn a_size_per_head_or_a_reach_after_an_activity_is_part_of_it() {
        assert_eq!(kind("组织新员工入职培训，人均不少于8课时"), "activity");
        assert_eq!(kind("完成产品知识培训4次，覆盖人数200人"), "activity");
        // A measure named per head is a result of its own.
        assert_eq!(kind("开展精益改善，人均产能提升10%"), "outcome");
    }

    #[test]
    fn people_reached_are_a_result_unless_they_are_staff() {
        assert_eq!(kind("读书节系列活动参与人次达到5万"), "outcome");
        assert_eq!(kind("员工活动参与人数达到300人"), "activity");
    }

    #[test]
    fn verbs_inside_names_do_not_act() {
        // 24小时 names the locker; 分析 names the platform.
        assert_eq!(kind("6月底前在5个社区上线24小时智能快递柜"), "activity");
        assert_eq!(
            kind("面向销售团队的数据分析平台月活跃用户数达到200人"),
            "outcome"
        );
        assert_eq!(kind("新功能上线30天内的采用率达到25%"), "outcome");
    }

    #[test]
    fn a_call_answered_within_a_window_is_a_service_level() {
        assert_eq!(kind("热线来电30分钟内由专人回电"), "outcome");
    }

    #[test]
    fn a_date_left_open_measures_nothing() {
        assert_eq!(kind("完成档案电子化，上线时间待定"), "activity");
        assert_eq!(kind("平均响应时间X分钟以内"), "outcome");
    }

    #[test]
    fn punctual_work_is_a_quality_level_and_certified_staff_an_input() {
        assert_eq!(kind("设计项目准时交付率达到95%"), "outcome");
        assert_eq!(kind("审计问题按期整改率100%"), "activity");
        assert_eq!(kind("完成新员工岗前培训，持证上岗率100%"), "activity");
    }

    #[test]
    fn a_share_of_an_activity_is_part_of_it() {
        assert_eq!(kind("在行业会议完成分享8场，其中海外不少于3场"), "activity");
    }

    #[test]
    fn a_felt_state_is_a_measure_to_raise() {
        assert_eq!(kind("提升住户安全感"), "outcome");
    }

    #[test]
    fn a_state_in_a_relative_clause_is_no_predicate() {
        assert_eq!(kind("为有需求的客户提供上门安装服务"), "activity");
        assert_eq!(kind("对具备条件的门店完成智能化改造"), "activity");
    }

    #[test]
    fn a_share_of_an_activity_sized_by_its_own_words_stays_the_activity() {
        assert_eq!(kind("开展20次培训，其中实操培训占比不低于50%"), "activity");
        assert_eq!(
            kind("完成5个城市的市场拓展，其中新签客户不少于30家"),
            "outcome"
        );
    }

    #[test]
    fn when_a_thing_happens_is_a_date_and_how_long_it_takes_a_measure() {
        assert_eq!(kind("完成新店装修，开业时间待定"), "activity");
        assert_eq!(kind("平均处理时间待定"), "outcome");
    }

    #[test]
    fn a_learning_state_decides_only_when_nothing_else_does() {
        assert_eq!(kind("确保每位药剂师熟练掌握处方审核技能"), "outcome");
        assert_eq!(kind("确保每位药剂师熟练掌握新版处方系统"), "outcome");
        assert_eq!(kind("完成全员新系统培训，确保人人过关"), "activity");
    }

    #[test]
    fn members_won_and_income_raised_are_results() {
        assert_eq!(kind("新吸纳社员30户"), "outcome");
        assert_eq!(kind("农户户均年增收X元"), "outcome");
    }

    #[test]
    fn building_up_assets_is_the_teams_work() {
        assert_eq!(kind("沉淀标准作业案例不少于50个"), "activity");
    }

    #[test]
    fn bounds_cuts_and_reach_growth() {
        for (text, expected) in [
            // A bound on an act leaves the act to decide.
            ("每位讲师本月至少开设2场直播课", "activity"),
            ("录入病历不少于300份", "activity"),
            // Cutting something down aims at a measure, and so does a per-head amount.
            ("尽量减少夜间加班", "outcome"),
            ("压缩内部审批环节", "activity"),
            ("推行标准作业,人均产出有所提高", "outcome"),
            // Reach sizes an activity; reach grown is its result.
            ("开展义诊活动，覆盖500人", "activity"),
            ("开展义诊活动，参与人数明显增长", "outcome"),
            // A metric held to a level first is a result of its own.
            ("流失率控制在5%以内,岗位备份配置率100%", "outcome"),
            ("在省赛中取得一等奖", "outcome"),
        ] {
            assert_eq!(kind(text), expected, "{text}");
        }
    }

    #[test]
    fn a_leading_place_does_not_decide() {
        assert_eq!(kind("在全市服务评比中获得一等奖"), "outcome");
    }

    #[test]
    fn widening_the_teams_own_reach_stays_its_work() {
        // 扩大 names no direction of its own: the team's coverage, scope or size widened is
        // its own work; a measure brought to a level is a result.
        assert_eq!(kind("扩大培训覆盖面，全年培训员工2000人次"), "activity");
        assert_eq!(kind("扩大团队规模，新招聘10名工程师"), "activity");
        assert_eq!(kind("市场份额提升至15%"), "outcome");
    }

    #[test]
    fn reports_from_the_public_handled_in_time_are_a_service() {
        assert_eq!(kind("市民举报在24小时内完成核实处置"), "outcome");
    }

    #[test]
    fn sending_staff_is_the_teams_own_work() {
        assert_eq!(
            kind("每年选派骨干医生赴基层坐诊，每人不少于2周"),
            "activity"
        );
    }

    #[test]
    fn mends_from_the_thirteenth_set_in_other_words() {
        // Accounts opened are customers won; per minute of output a measure is a result.
        assert_eq!(kind("新开有效户较去年增加500户"), "outcome");
        assert_eq!(
            kind("引入自动剪辑工具，每分钟成片的剪辑成本降低25%"),
            "outcome"
        );
        // Staff supervised and a compliance rate are the team's own.
        assert_eq!(kind("每位讲师每学期接受督导不少于3次"), "activity");
        assert_eq!(kind("安全帽佩戴率达到100%"), "activity");
        // A ratio with an open side is still measured.
        assert_eq!(kind("投入产出比不低于1:X"), "outcome");
    }

    #[test]
    fn a_requests_name_on_the_teams_own_system_is_no_request() {
        assert_eq!(kind("举报系统在30日内完成升级改造"), "activity");
    }
}
