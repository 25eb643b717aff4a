//! Throughput of the readers: reports read (`parse`) and read + checked (`check`) per second,
//! for a flattened-text report, a pdftotext report and an HTML report, on one core.
//!
//! Run: `cargo run --release --example bench_readers`. With `-- --dump FILE` it prints what
//! `check` makes of one file instead (for looking at a report by hand); with
//! `-- --repeat N FILE…` it checks each file N times and prints nothing, a steady load for
//! `valgrind --tool=callgrind` (instruction counts repeat where wall-clock times do not).

use std::time::Instant;
use xxgknb::check;
use xxgknb::readers::{parse, ParseOptions};

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
}
