//! Native view of a cross-year pair check (`api::cross_year`), what the CLI runs on each pair of
//! one issuer's consecutive reports: `cargo run --release --example bench_pair -- CUR.json PREV.json`
//! (`N` iterations). Pair with valgrind for stable counts.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [cur, prev] = [&args[0], &args[1]].map(|p| std::fs::read_to_string(p).expect("read"));
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let t = Instant::now();
    for _ in 0..n {
        let r = xxgknb::api::cross_year(&cur, &prev, xxgknb::Options::default(), 0);
        std::hint::black_box(r.map(|r| r.to_json()).ok());
    }
    let per = t.elapsed().as_secs_f64() / n as f64;
    println!("cross_year + to_json: {:.1} µs each", per * 1e6);
}
