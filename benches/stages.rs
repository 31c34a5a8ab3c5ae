//! Where the time of `check` goes, stage by stage: what to look at when `speed`'s throughput
//! falls short.
//!
//! Run with `cargo bench --bench stages`. It reads every fixture document, parses it, and
//! times each recogniser over all their key results (nanoseconds a key result), then parsing
//! (nanoseconds a kilobyte); `-- NAME` times only the stages whose names hold NAME. Each figure is the best of several rounds, so a busy machine
//! shows less in it.

use std::path::Path;
use std::time::{Duration, Instant};

use okrlint::analysis::vocabulary::Vocabulary;
use okrlint::analysis::{
    Facts, baseline, clause, kind, language, placeholder, quantity, segment, time,
};
use okrlint::source::Source;
use okrlint::syntax;

const ROUNDS: usize = 15;
/// Each round goes over the key results this many times, so that it lasts long enough to time.
const PASSES: usize = 8;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = fixture_sources(root);
    let texts: Vec<&str> = sources
        .iter()
        .flat_map(|source| {
            let document = syntax::parse(source);
            let spans: Vec<_> = document.key_results().map(|k| k.item.text).collect();
            spans.into_iter().map(move |span| source.slice(span))
        })
        .collect();
    let vocabulary = Vocabulary::default();
    // Load the dictionary before any round is timed.
    std::hint::black_box(segment::words("预热", 0, &vocabulary));
    let kilobytes = sources.iter().map(|s| s.text().len()).sum::<usize>() as f64 / 1024.0;
    println!(
        "\n{} key results in {} documents ({kilobytes:.0} KB), best of {ROUNDS} rounds",
        texts.len(),
        sources.len()
    );

    // `cargo bench --bench stages -- words` times only the stages whose names hold `words`.
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    let per_item = |name: &str, stage: &dyn Fn(&str) -> usize| {
        if !wanted(name) {
            return;
        }
        let best = best_of(|| {
            (0..PASSES)
                .map(|_| texts.iter().map(|t| stage(t)).sum::<usize>())
                .sum()
        });
        let ns = best.as_nanos() as f64 / (PASSES * texts.len()) as f64;
        println!("  {name:<22} {ns:>8.0} ns a key result");
    };
    per_item("language", &|t| {
        language::Language::of(t).dominant.is_some() as usize
    });
    per_item("placeholders", &|t| placeholder::find(t, 0).len());
    per_item("time frames", &|t| time::find(t, 0).len());
    per_item("quantities", &|t| quantity::find(t, 0, &[]).len());
    per_item("baselines", &|t| baseline::find(t, 0).len());
    per_item("words", &|t| segment::words(t, 0, &vocabulary).len());
    per_item("words and clauses", &|t| {
        let words = segment::words(t, 0, &vocabulary);
        clause::split(&words, language::Language::of(t).dominant).len()
    });
    per_item("words, clauses and kind", &|t| {
        let words = segment::words(t, 0, &vocabulary);
        let dominant = language::Language::of(t).dominant;
        let clauses = clause::split(&words, dominant);
        let evidence = kind::Evidence {
            measures: &[],
            time_frames: &[],
        };
        kind::judge(&words, &clauses, evidence, dominant)
            .verdicts
            .len()
    });
    per_item("measures (all above)", &|t| {
        Facts::measures_of(t, 0).quantities.len()
    });
    per_item("facts (everything)", &|t| {
        Facts::of(t, 0, &vocabulary).terms.len()
    });

    if !wanted("parse") {
        return;
    }
    let best = best_of(|| {
        sources
            .iter()
            .map(|s| syntax::parse(s).key_results().count())
            .sum()
    });
    println!(
        "  {:<22} {:>8.0} ns a kilobyte",
        "parse",
        best.as_nanos() as f64 / kilobytes
    );
}

fn best_of(mut round: impl FnMut() -> usize) -> Duration {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(round());
            start.elapsed()
        })
        .min()
        .expect("at least one round")
}

/// Every fixture document (`.txt` or `.md`) that reads as text.
fn fixture_sources(root: &Path) -> Vec<Source> {
    let mut sources: Vec<Source> = ignore::Walk::new(root.join("fixtures"))
        .flatten()
        .map(|entry| entry.into_path())
        .filter(|path| {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            )
        })
        .filter_map(|path| Some(Source::new(&path, std::fs::read_to_string(&path).ok()?)))
        .collect();
    sources.sort_by(|a, b| a.path().cmp(b.path()));
    sources
}
