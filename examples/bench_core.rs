//! Native timing of the core (decode + rules) on the 2024 fixture: `cargo run --release --example bench_core`.
use std::time::Instant;

fn main() {
    let text = include_str!("../tests/fixtures/consistent-2024.json");
    let o = xxgknb::Options::default();
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(xxgknb::validate_str(text, &o));
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!(
        "validate_str: {:.1} µs each, {:.0} /s",
        per * 1e6,
        1.0 / per
    );
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(xxgknb::model::decode::decode_str(text));
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!("decode only:  {:.1} µs each", per * 1e6);
}
