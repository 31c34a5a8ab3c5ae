//! Speed and memory, measured side by side with a jieba baseline.
//!
//! Run with `cargo bench --bench speed`. It measures the okrlint binary cargo builds for the
//! bench (release settings) against a baseline process that loads jieba-rs's default
//! dictionary and tags a file line by line, and nothing else (`benches/jieba-baseline`, a
//! package of its own so that its jieba features never reach okrlint; the bench builds it):
//!
//! 1. cold start on the sample: median wall time of whole processes, okrlint against baseline;
//!    and the cold start of an English-only file (no Chinese dictionary) beside a Chinese one;
//! 2. throughput on a generated 10 MB corpus of varied OKR documents, single-threaded, the
//!    median of three runs of each, taken in turn;
//! 3. okrlint's peak memory (maximum resident set) on that corpus;
//! 4. a generated repository of 10,000 OKR files (about 60 MB): one thread against two, and
//!    peak memory with two;
//! 5. peak memory on one 50 MB file (the text of `tests/hostile.rs`'s), which should stay
//!    under three times the text.
//!
//! The bench binary is also the memory probe (`speed --peak-rss CMD…`), so each measurement
//! is a fresh process.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const COLD_RUNS: usize = 15;
/// Runs of each side on the corpus, taken alternately; the median counts, as a busy machine
/// slows single runs.
const CORPUS_RUNS: usize = 3;
const CORPUS_BYTES: usize = 10 * 1024 * 1024;
const FILE_BYTES: usize = 50 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--peak-rss") {
        return peak_rss(&args[1..]);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let okrlint = Path::new(env!("CARGO_BIN_EXE_okrlint"));
    let baseline = build_baseline(root);
    let me = std::env::current_exe().expect("the bench knows its own path");

    let sample = root.join("fixtures/sample.txt");
    let ours = median_time(|| {
        run(
            okrlint,
            &[
                "check",
                "--format",
                "concise",
                "-q",
                "--fail-on",
                "never",
                "--threads",
                "1",
            ],
            &[&sample],
        )
    });
    let theirs = median_time(|| run(&baseline, &[], &[&sample]));
    println!("\ncold start on the sample ({COLD_RUNS} runs each, median)");
    println!("  okrlint check        {:>8.1} ms", ms(ours));
    println!("  jieba load + tag     {:>8.1} ms", ms(theirs));
    println!(
        "  ratio                {:>8.3}   (target ≤ 0.25)",
        ours.as_secs_f64() / theirs.as_secs_f64()
    );

    // An English-only file never loads the Chinese dictionary: its cold start is the
    // process and the rules, nothing more.
    let english = root.join("fixtures/kr-cases-en/02_platform_engineering.md");
    let chinese = root.join("fixtures/kr-cases/01_saas_company.txt");
    let cold = |file: &Path| {
        median_time(|| {
            run(
                okrlint,
                &["check", "-q", "--fail-on", "never", "--threads", "1"],
                &[file],
            )
        })
    };
    let (english_time, chinese_time) = (cold(&english), cold(&chinese));
    println!(
        "
cold start by language ({COLD_RUNS} runs each, median)"
    );
    println!("  English file         {:>8.1} ms", ms(english_time));
    println!("  Chinese file         {:>8.1} ms", ms(chinese_time));

    let corpus = root.join("target/bench-corpus");
    let files = write_corpus(root, &corpus);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let file_refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let check = || {
        run(
            okrlint,
            &[
                "check",
                "--format",
                "concise",
                "-q",
                "--fail-on",
                "never",
                "--threads",
                "1",
            ],
            &[&corpus],
        )
    };
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..CORPUS_RUNS {
        ours.push(time(check));
        theirs.push(time(|| run(&baseline, &[], &file_refs)));
    }
    let (ours, theirs) = (median(ours), median(theirs));
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "\nthroughput on {} files, {mb:.1} MB, one thread ({CORPUS_RUNS} runs each, median)",
        files.len()
    );
    println!(
        "  okrlint check        {:>8.1} MB/s  ({:.0} ms)",
        mb / ours.as_secs_f64(),
        ms(ours)
    );
    println!(
        "  jieba load + tag     {:>8.1} MB/s  ({:.0} ms)",
        mb / theirs.as_secs_f64(),
        ms(theirs)
    );
    println!(
        "  ratio                {:>8.3}   (target ≥ 0.60)",
        theirs.as_secs_f64() / ours.as_secs_f64()
    );

    let kib = peak_kib(
        &me,
        okrlint,
        &[
            "check",
            "--format",
            "concise",
            "-q",
            "--fail-on",
            "never",
            "--threads",
            "1",
        ],
        &corpus,
    );
    println!("\npeak memory on the corpus");
    println!(
        "  okrlint check        {:>8.1} MB   (target < 80)",
        kib / 1024.0
    );

    let repository = root.join("target/bench-repository");
    let files = write_repository(root, &repository);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let lint = [
        "check",
        "--format",
        "concise",
        "-q",
        "--fail-on",
        "never",
        "--threads",
    ];
    let one = time(|| run(okrlint, &[&lint[..], &["1"]].concat(), &[&repository]));
    let two = time(|| run(okrlint, &[&lint[..], &["2"]].concat(), &[&repository]));
    let kib = peak_kib(&me, okrlint, &[&lint[..], &["2"]].concat(), &repository);
    println!(
        "\nrepository of {} files, {:.1} MB",
        files.len(),
        bytes as f64 / (1024.0 * 1024.0)
    );
    println!("  one thread           {:>8.0} ms", ms(one));
    println!("  two threads          {:>8.0} ms", ms(two));
    println!(
        "  speed-up             {:>8.2}x   (target ≥ 1.7)",
        one.as_secs_f64() / two.as_secs_f64()
    );
    println!(
        "  peak memory, two     {:>8.1} MB   (target < 150)",
        kib / 1024.0
    );

    let huge = root.join("target/bench-huge.md");
    write_huge_file(&huge);
    let kib = peak_kib(&me, okrlint, &["check", "-q", "--fail-on", "never"], &huge);
    println!("\npeak memory on a 50 MB file");
    println!(
        "  okrlint check        {:>8.1} MB   (target < 150)",
        kib / 1024.0
    );
}

/// Peak resident memory of `okrlint ARGS PATH`, in KiB, measured by a fresh probe process.
fn peak_kib(me: &Path, okrlint: &Path, args: &[&str], path: &Path) -> f64 {
    let output = Command::new(me)
        .arg("--peak-rss")
        .arg(okrlint)
        .args(args)
        .arg(path)
        .output()
        .expect("the memory probe runs");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("the probe prints KiB")
}

/// One 50 MB file: a unit heading with notes and an objective with two key results, over and
/// over, as in `tests/hostile.rs`. Written once; kept between runs.
fn write_huge_file(path: &Path) {
    if path.exists() {
        return;
    }
    let block =
        "# 研发部 2026年第一季度\n\n说明：本部门的目标与关键结果如下，所有数据以季度末统计为准。\n"
            .repeat(4)
            + "- O1：提升平台稳定性\n  - KR1：核心接口可用性达到99.9%\n  - KR2：P1故障数降低到每月2次以内\n";
    let text = block.repeat(50 * 1024 * 1024 / block.len() + 1);
    std::fs::write(path, text).expect("the 50 MB file can be written");
}

/// A repository of 10,000 files, about 60 MB in 100 team folders, pieced like the corpus.
fn write_repository(root: &Path, folder: &Path) -> Vec<PathBuf> {
    const FILES: usize = 10_000;
    // Documents are added until a file passes this size; files average about 6 KB.
    const SIZE: usize = 4 * 1024;
    let sources = fixture_documents(root);
    let mut random = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random
    };
    (0..FILES)
        .map(|i| {
            let dir = folder.join(format!("team-{:03}", i % 100));
            let path = dir.join(format!("okr-{i:05}.md"));
            if !path.exists() {
                std::fs::create_dir_all(&dir).expect("the repository folder can be made");
                let mut text = String::new();
                while text.len() < SIZE {
                    let document = &sources[next() as usize % sources.len()];
                    text.extend(document.chars().map(|c| {
                        if c.is_ascii_digit() {
                            char::from(b'0' + (next() % 10) as u8)
                        } else {
                            c
                        }
                    }));
                    text.push('\n');
                }
                std::fs::write(&path, text).expect("the repository can be written");
            }
            path
        })
        .collect()
}

/// Builds the baseline package (release) into `target/jieba-baseline` and returns its binary.
fn build_baseline(root: &Path) -> PathBuf {
    let target = root.join("target/jieba-baseline");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("benches/jieba-baseline/Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .status()
        .expect("cargo builds the baseline");
    assert!(status.success(), "the baseline does not build");
    target.join("release/jieba-baseline")
}

fn run(program: &Path, args: &[&str], paths: &[&Path]) {
    let status = Command::new(program)
        .args(args)
        .args(paths)
        .stdout(Stdio::null())
        .status()
        .expect("the measured program runs");
    assert!(
        status.success(),
        "{} exited with {status}",
        program.display()
    );
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn median_time(mut f: impl FnMut()) -> Duration {
    median((0..COLD_RUNS).map(|_| time(&mut f)).collect())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs a command and prints the peak resident memory of it, in KiB.
fn peak_rss(command: &[String]) {
    let status = Command::new(&command[0])
        .args(&command[1..])
        .stdout(Stdio::null())
        .status()
        .expect("the measured program runs");
    assert!(status.success(), "{} exited with {status}", command[0]);
    // SAFETY: getrusage writes into the struct we pass and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    println!("{}", usage.ru_maxrss);
}

/// A corpus of varied OKR documents: the sample, the outlines and the first two sets of
/// labelled documents, with their digits changed, pieced into files of about 50 KB, 10 MB in
/// all. Written once; kept between runs.
fn write_corpus(root: &Path, folder: &Path) -> Vec<PathBuf> {
    let sources = fixture_documents(root);
    std::fs::create_dir_all(folder).expect("the corpus folder can be made");
    let mut random = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random
    };
    let mut files = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let path = folder.join(format!("okr-{:04}.md", files.len()));
        let mut text = String::new();
        while text.len() < FILE_BYTES {
            let document = &sources[next() as usize % sources.len()];
            text.extend(document.chars().map(|c| {
                if c.is_ascii_digit() {
                    char::from(b'0' + (next() % 10) as u8)
                } else {
                    c
                }
            }));
            text.push('\n');
        }
        total += text.len();
        if !path.exists() {
            std::fs::write(&path, &text).expect("the corpus can be written");
        }
        files.push(path);
    }
    files
}

/// Every fixture document's text, in a stable order.
fn fixture_documents(root: &Path) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for dir in [
        "fixtures",
        "fixtures/kr-cases",
        "fixtures/kr-holdout",
        "fixtures/outlines",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_document = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            );
            if let (true, Ok(text)) = (is_document, std::fs::read_to_string(&path)) {
                sources.push(text);
            }
        }
    }
    sources.sort();
    sources
}
