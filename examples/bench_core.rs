//! Native instruction-level view of the core: `cargo run --release --example bench_core`
//! (`N` iterations; `MODE=partial` for a one-row form, `MODE=wrong` for one wrong cell). Pair with valgrind for stable counts.
use std::time::Instant;

fn main() {
    let full = include_str!("../tests/fixtures/consistent-2024.json");
    let partial = r#"{"year":2024,"applications":{"received":{"natural":3001,"commercial":98,"research":0,"socialWelfare":0,"legalService":11,"otherOrg":9,"total":3119}}}"#;
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    // A report with one wrong cell: what a form sends while its user is typing.
    let wrong = full.replacen(
        "\"granted\": {\n    \"natural\": 1288",
        "\"granted\": {\n    \"natural\": 1290",
        1,
    );
    let (text, o) = match std::env::var("MODE").as_deref() {
        Ok("wrong") => (wrong.as_str(), xxgknb::Options::default()),
        Ok("partial") => (
            partial,
            xxgknb::Options {
                partial: true,
                ..Default::default()
            },
        ),
        _ => (full, xxgknb::Options::default()),
    };
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(xxgknb::validate_str(text, &o).to_json());
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "validate_str + to_json: {:.1} µs each, {:.0} /s",
        per * 1e6,
        1.0 / per
    );
}
