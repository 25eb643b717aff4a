//! The readers against reports rendered in every shape real portals and extractors produce
//! (`support/render.rs`): our fixtures, the corpus' hand-checked reports, and random reports,
//! consistent or not. What must hold everywhere: every cell read equals the source, or a
//! diagnostic names that cell — a wrong number without a diagnostic never. Where the shape
//! keeps the cells apart, every cell is read exactly, and a clean report gets no error.
#![cfg(feature = "readers")]

#[path = "support/render.rs"]
mod render;

use proptest::prelude::*;
use render::{compare, consistent, random_report, render, Back, Rng, Shape, SHAPES};
use serde_json::Value;
use std::path::PathBuf;
use xxgknb::model::layout::Format;
use xxgknb::readers::ParseOptions;
use xxgknb::{check, Checked, Severity};

const FIXTURES: [&str; 2] = [
    include_str!("fixtures/consistent-2020.json"),
    include_str!("fixtures/consistent-2024.json"),
];

fn read(text: &str) -> Checked {
    check(text, &ParseOptions::default())
}

/// The cells that came back wrong with nothing naming them.
fn silent(source: &Value, c: &Checked) -> Vec<String> {
    compare(source, &c.report, &c.result.diagnostics)
        .into_iter()
        .filter(|(_, b)| *b == Back::Silent)
        .map(|(p, _)| p)
        .collect()
}

/// Shapes that keep every cell apart: there, every cell must come back exactly (a zero
/// printed blank comes back blank, named by the table's one `blank-cell`).
fn clear(shape: Shape) -> bool {
    !matches!(shape, Shape::Glued | Shape::PdfBlanks)
}

/// Where a failing page is written for a look (the messages stay short).
fn keep(name: &str, text: &str) -> String {
    let file = std::env::temp_dir().join(format!(
        "xxgknb-shape-{}.txt",
        name.replace([' ', ',', '|', '/'], "_")
    ));
    let _ = std::fs::write(&file, text);
    file.display().to_string()
}

fn assert_exact(name: &str, source: &Value, c: &Checked, text: &str) {
    for (path, back) in compare(source, &c.report, &c.result.diagnostics) {
        if back == Back::Exact {
            continue;
        }
        let blank_zero = render::at(source, &path).and_then(Value::as_f64) == Some(0.0)
            && c.result.diagnostics.iter().any(|d| {
                d.rule == "blank-cell" && d.related.iter().chain([&d.path]).any(|p| p == &path)
            });
        assert!(
            blank_zero,
            "{name}: {path} read {:?} ({back:?}); diagnostics {:?}; page in {}",
            c.report
                .cell(xxgknb::model::layout::layout().find(&path).unwrap()),
            c.result
                .diagnostics
                .iter()
                .map(|d| (d.rule, &d.path))
                .collect::<Vec<_>>(),
            keep(name, text)
        );
    }
    // A clean report: no error it does not have itself (its values validated as a published
    // page). A report with errors may have them blamed on other cells once its zeros are
    // printed blank (「…为空，按…应为 12」), which is right.
    if !consistent(source) {
        return;
    }
    let own = xxgknb::validate(
        source,
        &xxgknb::Options {
            blanks: Some(xxgknb::options::Blanks::Zero),
            ..xxgknb::Options::default()
        },
    );
    let errors: Vec<_> = c
        .result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            !own.diagnostics
                .iter()
                .any(|o| o.rule == d.rule && o.path == d.path)
        })
        .map(|d| (d.rule, d.path.clone(), d.message.clone()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: {errors:?}; page in {}",
        keep(name, text)
    );
}

#[test]
fn fixtures_read_back_exactly_in_every_shape_that_keeps_cells_apart() {
    for (k, fixture) in FIXTURES.iter().enumerate() {
        let source: Value = serde_json::from_str(fixture).unwrap();
        for shape in SHAPES {
            for seed in 0..12 {
                let text = render(&source, shape, &mut Rng::new(seed));
                let c = read(&text);
                let name = format!("fixture {k}, {}, seed {seed}", shape.name());
                assert_eq!(
                    silent(&source, &c),
                    Vec::<String>::new(),
                    "{name}: page in {}",
                    keep(&name, &text)
                );
                if clear(shape) {
                    assert_exact(&name, &source, &c, &text);
                }
            }
        }
    }
}

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "note: {} is absent; corpus shape tests skipped",
            dir.display()
        );
        None
    }
}

#[test]
fn corpus_reports_read_back_in_every_shape() {
    let Some(dir) = corpus() else { return };
    for name in [
        "seed-ouhai-zjj-2020",
        "huaian-city-2024",
        "hongze-district-2023",
        "hongze-district-2024",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("expected/{name}.json"))).unwrap();
        let source: Value = serde_json::from_str(&text).unwrap();
        for shape in SHAPES {
            for seed in 0..8 {
                let page = render(&source, shape, &mut Rng::new(seed));
                let c = read(&page);
                let what = format!("{name}, {}, seed {seed}", shape.name());
                assert_eq!(
                    silent(&source, &c),
                    Vec::<String>::new(),
                    "{what}: page in {}",
                    keep(&what, &page)
                );
                if clear(shape) {
                    assert_exact(&what, &source, &c, &page);
                }
            }
        }
    }
}

#[test]
fn glued_corpus_pages_read_back_to_the_expected_cells() {
    let Some(dir) = corpus() else { return };
    for name in ["seed-ouhai-zjj-2020", "huaian-city-2024"] {
        let page = std::fs::read_to_string(dir.join(format!("shapes/{name}.glued.txt"))).unwrap();
        let text = std::fs::read_to_string(dir.join(format!("expected/{name}.json"))).unwrap();
        let mut source: Value = serde_json::from_str(&text).unwrap();
        // The glued pages print tables 三 and 四 only.
        source.as_object_mut().unwrap().remove("proactive");
        let c = read(&page);
        let back = compare(&source, &c.report, &c.result.diagnostics);
        let t3: Vec<_> = back
            .iter()
            .filter(|(p, b)| p.starts_with("/applications") && *b != Back::Exact)
            .collect();
        assert!(t3.is_empty(), "{name}: {t3:?}");
        // Table 四 of 淮安 splits more than one way by its block totals: said, not guessed.
        for (p, b) in back
            .iter()
            .filter(|(p, _)| p.starts_with("/reviewLitigation"))
        {
            assert_ne!(*b, Back::Silent, "{name}: {p}");
        }
        assert!(
            c.result
                .diagnostics
                .iter()
                .all(|d| d.severity != Severity::Error
                    || d.rule == "ambiguous-cells"
                    || d.rule == "table-not-found"),
            "{name}: {:?}",
            c.result.diagnostics
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Random reports, consistent or with a few cells off, in every shape: no cell wrong
    /// without a diagnostic naming it; where the shape keeps cells apart, every cell exact
    /// and no error on a clean report.
    #[test]
    fn every_cell_is_read_or_named(seed in any::<u64>(), shape in 0..SHAPES.len(), clean in any::<bool>(), f2021 in any::<bool>()) {
        let shape = SHAPES[shape];
        let mut rng = Rng::new(seed);
        let format = if f2021 { Format::F2021 } else { Format::F2019 };
        let source = random_report(&mut rng, format, clean);
        let page = render(&source, shape, &mut rng);
        let c = read(&page);
        let s = silent(&source, &c);
        prop_assert!(s.is_empty(), "{}: silent {:?}; page in {}", shape.name(), s, keep(shape.name(), &page));
        if clear(shape) {
            assert_exact(shape.name(), &source, &c, &page);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A report printed twice on one page (a page and its print version): read once, from the
    /// first copy; where one cell of the second copy differs, `report-repeated` names that cell
    /// (and no other), and where the copies agree nothing is said.
    #[test]
    fn a_report_printed_twice_is_read_once_and_a_difference_named(seed in any::<u64>(), shape in 0..SHAPES.len(), f2021 in any::<bool>(), differ in any::<bool>()) {
        let shape = SHAPES[shape];
        prop_assume!(clear(shape));
        let mut rng = Rng::new(seed);
        let format = if f2021 { Format::F2021 } else { Format::F2019 };
        let source = random_report(&mut rng, format, true);
        let mut other = source.clone();
        let l = xxgknb::model::layout::layout();
        let numbers: Vec<&str> = l
            .cells_of(format)
            .map(|(_, c)| c.path.as_str())
            .filter(|p| render::at(&source, p).is_some_and(Value::is_i64))
            .collect();
        let changed = numbers[rng.below(numbers.len() as u64) as usize];
        if differ {
            let v = render::at(&source, changed).and_then(Value::as_i64).unwrap_or(0);
            *other.pointer_mut(changed).unwrap() = Value::from(v + 7);
        }
        let first = render(&source, shape, &mut rng);
        let page = format!("{first}\n{}", render(&other, shape, &mut rng));
        let once = read(&first);
        let twice = read(&page);
        prop_assert_eq!(&twice.report.cells, &once.report.cells, "{}: page in {}", shape.name(), keep(shape.name(), &page));
        let found: Vec<_> = twice.result.diagnostics.iter().filter(|d| d.rule == "report-repeated").collect();
        if differ {
            prop_assert_eq!(found.len(), 1, "{}: page in {}", shape.name(), keep(shape.name(), &page));
            prop_assert_eq!(&found[0].related, &vec![changed.to_string()], "{}", found[0].message);
        } else {
            prop_assert!(found.is_empty(), "{}: {:?}; page in {}", shape.name(), found, keep(shape.name(), &page));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Two renderings of one report, in every shape (cells glued together included): never
    /// `report-repeated`, whatever each reading made of the glued digits.
    #[test]
    fn the_same_report_twice_is_no_repeat_in_any_shape(seed in any::<u64>(), shape in 0..SHAPES.len(), f2021 in any::<bool>(), clean in any::<bool>()) {
        let shape = SHAPES[shape];
        let mut rng = Rng::new(seed);
        let format = if f2021 { Format::F2021 } else { Format::F2019 };
        let source = random_report(&mut rng, format, clean);
        let page = format!("{}\n{}", render(&source, shape, &mut rng), render(&source, shape, &mut rng));
        let c = read(&page);
        let found: Vec<_> = c.result.diagnostics.iter().filter(|d| d.rule == "report-repeated").map(|d| &d.message).collect();
        prop_assert!(found.is_empty(), "{}: {:?}; page in {}", shape.name(), found, keep(shape.name(), &page));
    }
}

#[test]
#[ignore] // a look at one page: DUMP_SHAPE=6 DUMP_SEED=3 cargo test --test shapes dump_one -- --ignored --nocapture
fn dump_one() {
    let shape = SHAPES[std::env::var("DUMP_SHAPE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7)];
    let seed: u64 = std::env::var("DUMP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    for seed in seed..seed + 400 {
        let mut rng = Rng::new(seed);
        let format = if seed % 2 == 0 {
            Format::F2021
        } else {
            Format::F2019
        };
        let source = random_report(&mut rng, format, seed % 4 < 2);
        if !consistent(&source) {
            continue;
        }
        let page = render(&source, shape, &mut rng);
        let c = read(&page);
        let errs: Vec<_> = c
            .result
            .diagnostics
            .iter()
            .filter(|d| {
                d.severity == Severity::Error
                    && ![
                        "unreadable-cell",
                        "ambiguous-cells",
                        "row-not-found",
                        "table-not-found",
                        "format-mismatch",
                    ]
                    .contains(&d.rule)
            })
            .collect();
        if !errs.is_empty() {
            println!("seed {seed}: page in {}", keep("dump", &page));
            for d in errs {
                println!("  {} {} {}", d.rule, d.path, d.message);
            }
            break;
        }
    }
}
