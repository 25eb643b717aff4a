//! Change any one count cell of table 三 in a consistent report: the validator reports an error
//! whose `path` is that cell (not only a total), in both locales, with the value that mends it.

use serde_json::Value;
use xxgknb::messages::Locale;
use xxgknb::model::layout::{layout, TableId};
use xxgknb::{validate, Format, Options, Severity};

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn check_every_cell(doc: &Value, format: Format) {
    let mut checked = 0;
    let mut cells = 0;
    for (_, cell) in layout()
        .cells_of(format)
        .filter(|(_, c)| c.table == TableId::Applications)
    {
        cells += 1;
        let original = doc.pointer(&cell.path).and_then(Value::as_i64).unwrap();
        // Up and, where possible, down: a culprit must be found either way.
        for changed in [original + 3, original - 1].into_iter().filter(|v| *v >= 0) {
            let mut bad = doc.clone();
            *bad.pointer_mut(&cell.path).unwrap() = Value::from(changed);
            for locale in [Locale::ZhCn, Locale::En] {
                let result = validate(&bad, &Options::with_locale(locale));
                assert!(!result.valid, "{} = {changed} passed", cell.path);
                let d = result
                    .diagnostics
                    .iter()
                    .find(|d| d.path == cell.path && d.severity == Severity::Error)
                    .unwrap_or_else(|| {
                        panic!(
                            "no error at {} = {changed}: {:#?}",
                            cell.path, result.diagnostics
                        )
                    });
                assert_eq!(
                    d.expected.and_then(|n| n.as_int()),
                    Some(original),
                    "{}",
                    cell.path
                );
                assert_eq!(d.actual.and_then(|n| n.as_int()), Some(changed));
                assert!(!d.related.is_empty());
                let name: &str = match locale {
                    Locale::ZhCn => &cell.name_zh,
                    // Capitalised at the start of the English sentence.
                    Locale::En => &cell.name_en[1..],
                };
                assert!(d.message.contains(name), "{} lacks {name}", d.message);
                // One diagnostic for the one wrong cell: the row and column failures merged.
                assert_eq!(
                    result.error_count, 1,
                    "{}: {:#?}",
                    cell.path, result.diagnostics
                );
            }
            checked += 1;
        }
    }
    let rows = if format == Format::F2019 { 23 } else { 25 };
    assert_eq!(cells, rows * 7);
    assert!(checked > cells, "only {checked} changes checked");
}

#[test]
fn every_table_3_cell_is_located_in_the_2019_layout() {
    check_every_cell(&fixture("consistent-2020"), Format::F2019);
}

#[test]
fn every_table_3_cell_is_located_in_the_2021_layout() {
    check_every_cell(&fixture("consistent-2024"), Format::F2021);
}

#[test]
fn corpus_expectations_hold() {
    let dir = format!("{}/../shared/corpus/expected", env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {dir} not found; corpus expectations skipped");
        return;
    };
    assert_eq!(entries.count(), 4);
    let rules = |name: &str| -> Vec<(String, String)> {
        let text = std::fs::read_to_string(format!("{dir}/{name}.json")).unwrap();
        let r = xxgknb::validate_str(&text, &Options::default());
        r.diagnostics
            .iter()
            .map(|d| (d.rule.to_string(), d.path.clone()))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(rules("seed-ouhai-zjj-2020"), vec![]);
    assert_eq!(rules("huaian-city-2024"), vec![]);
    assert_eq!(
        rules("hongze-district-2023"),
        vec![
            pair("format-mismatch", "/applications/results/otherHandling"),
            pair("t4-total", "/reviewLitigation/review/total"),
            pair("t4-total", "/reviewLitigation/litigationAfterReview/total"),
        ]
    );
    assert_eq!(
        rules("hongze-district-2024"),
        vec![pair(
            "format-mismatch",
            "/applications/results/otherHandling"
        )]
    );
}
