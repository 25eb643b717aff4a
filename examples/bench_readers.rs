//! The readers measured: reports read (`parse`) and read + checked (`check`) per second, for a
//! flattened-text report, a pdftotext report and an HTML report, on one core; and how right
//! they read, on the shared corpus (the four complete reports and the two glued pages against
//! their hand-checked values) and on reports rendered in every published shape
//! (`tests/support/render.rs`): the share of table 三/四 cells read exactly, cells read wrong
//! with no diagnostic naming them (goal 0), errors on clean reports that the report itself
//! does not have (goal 0), and reads per second.
//!
//! Run: `cargo run --release --example bench_readers`. With `-- --dump FILE` it prints what
//! `check` makes of one file instead (for looking at a report by hand); with
//! `-- --repeat N FILE…` it checks each file N times and prints nothing, a steady load for
//! `valgrind --tool=callgrind` (instruction counts repeat where wall-clock times do not).

#[path = "../tests/support/render.rs"]
mod render;

use render::{compare, random_report, Back, Rng, SHAPES};
use serde_json::Value;
use std::time::Instant;
use xxgknb::readers::{parse, ParseOptions};
use xxgknb::{check, Format, Severity};

const TEXT: &str = include_str!("../tests/fixtures/readers/sample-2020.txt");
const HTML: &str = include_str!("../tests/fixtures/readers/sample-2020.html");
const LAYOUT: &str = include_str!("../tests/fixtures/readers/layout-2024.txt");

/// Calls per second: the best of 200 short batches, so that other processes sharing the core
/// (a busy build machine) do not count against the readers.
fn rate(f: &dyn Fn()) -> f64 {
    for _ in 0..50 {
        f();
    }
    let mut best = f64::MAX;
    for _ in 0..200 {
        let start = Instant::now();
        for _ in 0..10 {
            f();
        }
        best = best.min(start.elapsed().as_secs_f64() / 10.0);
    }
    1.0 / best
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let (Some("--dump"), Some(path)) = (args.get(1).map(String::as_str), args.get(2)) {
        let bytes = std::fs::read(path).expect("readable file");
        let text = String::from_utf8_lossy(&bytes);
        println!("{}", check(&text, &ParseOptions::default()).to_json());
        return;
    }
    if let (Some("--repeat"), Some(n)) = (args.get(1).map(String::as_str), args.get(2)) {
        let n: usize = n.parse().expect("--repeat takes a count");
        let texts: Vec<String> = args[3..]
            .iter()
            .map(|p| {
                String::from_utf8_lossy(&std::fs::read(p).expect("readable file")).into_owned()
            })
            .collect();
        for _ in 0..n {
            for t in &texts {
                std::hint::black_box(check(std::hint::black_box(t), &ParseOptions::default()));
            }
        }
        return;
    }
    let o = ParseOptions::default();
    println!(
        "{:<28} {:>10} {:>14} {:>14}",
        "input", "bytes", "parse/s", "check/s"
    );
    for (name, input) in [
        ("flattened text (| rows)", TEXT),
        ("pdftotext -layout", LAYOUT),
        ("HTML with merged cells", HTML),
    ] {
        let p = rate(&|| {
            std::hint::black_box(parse(std::hint::black_box(input), &o));
        });
        let c = rate(&|| {
            std::hint::black_box(check(std::hint::black_box(input), &o));
        });
        println!("{name:<28} {:>10} {p:>14.0} {c:>14.0}", input.len());
    }
    // The real reports, where the shared corpus sits beside the repository.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    for file in [
        "seed-ouhai-zjj-2020.txt",
        "huaian-city-2024.pdftext.txt",
        "hongze-district-2024.pdftext.txt",
    ] {
        let Ok(bytes) = std::fs::read(dir.join(file)) else {
            continue;
        };
        let input = String::from_utf8_lossy(&bytes);
        let p = rate(&|| {
            std::hint::black_box(parse(std::hint::black_box(&input), &o));
        });
        let c = rate(&|| {
            std::hint::black_box(check(std::hint::black_box(&input), &o));
        });
        let name: String = file.chars().take(28).collect();
        println!("{name:<28} {:>10} {p:>14.0} {c:>14.0}", input.len());
    }
    accuracy(&dir);
}

/// The readers' own findings (what could not be read): said, not claims about the report.
const EXTRACTION: [&str; 5] = [
    "table-not-found",
    "row-not-found",
    "unreadable-cell",
    "ambiguous-cells",
    "format-pre-2019",
];

/// How one page read against its source: table 三/四 cells exact and in all, cells wrong with
/// nothing naming them, and errors the source itself does not have (when it is clean).
#[derive(Default)]
struct Score {
    pages: usize,
    exact: usize,
    cells: usize,
    silent: usize,
    false_errors: usize,
    seconds: f64,
}

impl Score {
    fn add(&mut self, source: &Value, page: &str, clean: bool) {
        let start = Instant::now();
        let c = check(page, &ParseOptions::default());
        self.seconds += start.elapsed().as_secs_f64();
        self.pages += 1;
        let l = xxgknb::model::layout::layout();
        for (path, back) in compare(source, &c.report, &c.result.diagnostics) {
            let printed = render::at(source, &path);
            if render::is_t34(&path) && printed.is_some() {
                // A zero printed blank and read blank is what the publisher meant.
                let blank_zero = printed.and_then(Value::as_f64) == Some(0.0)
                    && l.find(&path).is_some_and(|id| {
                        matches!(c.report.cell(id), xxgknb::model::CellState::Blank { .. })
                    });
                self.cells += 1;
                self.exact += usize::from(back == Back::Exact || blank_zero);
            }
            self.silent += usize::from(back == Back::Silent);
        }
        if clean {
            let own = xxgknb::validate(
                source,
                &xxgknb::Options {
                    blanks: Some(xxgknb::options::Blanks::Zero),
                    ..xxgknb::Options::default()
                },
            );
            let wrong: Vec<_> = c
                .result
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error && !EXTRACTION.contains(&d.rule))
                .filter(|d| !own.diagnostics.iter().any(|o| o.rule == d.rule))
                .collect();
            if !wrong.is_empty() && std::env::var_os("XXGKNB_BENCH_WHY").is_some() {
                let file = std::env::temp_dir().join(format!("xxgknb-bench-{}.txt", self.pages));
                let _ = std::fs::write(&file, page);
                for d in &wrong {
                    eprintln!("{}: {} {} {}", file.display(), d.rule, d.path, d.message);
                }
            }
            self.false_errors += wrong.len();
        }
    }

    fn print(&self, name: &str) {
        let share = 100.0 * self.exact as f64 / self.cells.max(1) as f64;
        let rate = self.pages as f64 / self.seconds.max(1e-9);
        println!(
            "{name:<30} {:>6} {:>9.2}% {:>8} {:>8} {:>10.0}",
            self.pages, share, self.silent, self.false_errors, rate
        );
    }
}

/// Tables read against the values they should hold.
fn accuracy(dir: &std::path::Path) {
    println!();
    println!(
        "{:<30} {:>6} {:>10} {:>8} {:>8} {:>10}",
        "read against the source", "pages", "三/四 exact", "silent", "false err", "checks/s"
    );
    let json = |p: std::path::PathBuf| -> Option<Value> {
        serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
    };
    // The corpus: the four complete reports as published, and the two glued pages.
    let mut corpus = Score::default();
    let mut glued = Score::default();
    let mut expected: Vec<Value> = Vec::new();
    for (file, exp) in [
        ("seed-ouhai-zjj-2020.txt", "seed-ouhai-zjj-2020"),
        ("huaian-city-2024.pdftext.txt", "huaian-city-2024"),
        ("hongze-district-2023.pdftext.txt", "hongze-district-2023"),
        ("hongze-district-2024.pdftext.txt", "hongze-district-2024"),
    ] {
        let (Ok(page), Some(source)) = (
            std::fs::read_to_string(dir.join(file)),
            json(dir.join(format!("expected/{exp}.json"))),
        ) else {
            continue;
        };
        let clean = render::consistent(&source);
        corpus.add(&source, &page, clean);
        if let Ok(page) = std::fs::read_to_string(dir.join(format!("shapes/{exp}.glued.txt"))) {
            // The glued pages print tables 三 and 四 only.
            let mut t34 = source.clone();
            if let Some(o) = t34.as_object_mut() {
                o.remove("proactive");
            }
            glued.add(&t34, &page, false);
        }
        expected.push(source);
    }
    if corpus.pages > 0 {
        corpus.print("corpus, 4 reports as published");
        glued.print("corpus, glued pages");
    } else {
        println!("(../shared/corpus absent: corpus lines skipped)");
    }
    // Our fixtures too, then random reports: 2 layouts, clean and with a few cells off.
    for f in ["consistent-2020.json", "consistent-2024.json"] {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(f);
        expected.extend(json(p));
    }
    for shape in SHAPES {
        let mut score = Score::default();
        for (k, source) in expected.iter().enumerate() {
            for seed in 0..20u64 {
                let page = render::render(source, shape, &mut Rng::new(seed * 31 + k as u64));
                score.add(source, &page, render::consistent(source));
            }
        }
        for seed in 0..200u64 {
            let mut rng = Rng::new(seed);
            let format = if seed % 2 == 0 {
                Format::F2021
            } else {
                Format::F2019
            };
            let clean = seed % 4 < 2;
            let source = random_report(&mut rng, format, clean);
            let page = render::render(&source, shape, &mut rng);
            score.add(&source, &page, clean);
        }
        score.print(shape.name());
    }
}
