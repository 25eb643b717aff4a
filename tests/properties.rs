//! Arbitrary JSON into the core: wrong types, huge and negative numbers, deep nesting, strings
//! in every cell. No panic, always a well-formed result.

use proptest::prelude::*;
use serde_json::{Map, Value};
use xxgknb::model::layout::layout;
use xxgknb::{validate, validate_str, Options, Severity};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("１２"),
            Just("1,234"),
            Just("-"),
            Just("十二"),
            Just("+3"),
            Just("5万元"),
            Just("1e400")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(8, 256, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((model_key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Keys of the model, mixed with noise, so that generated objects reach deep into the tables.
fn model_key() -> impl Strategy<Value = String> {
    let keys: Vec<String> = layout()
        .nodes
        .iter()
        .map(|n| n.key.clone())
        .chain(
            [
                "year",
                "format",
                "publishedOn",
                "issuer",
                "sections",
                "overview",
            ]
            .map(String::from),
        )
        .collect();
    prop_oneof![prop::sample::select(keys), ".{0,6}"]
}

fn well_formed(r: &xxgknb::ValidationResult) {
    let errors = r
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    assert_eq!(r.error_count, errors);
    assert_eq!(r.valid, errors == 0);
    assert!(r.diagnostics.iter().all(|d| !d.message.is_empty()));
    serde_json::from_str::<Value>(&r.to_json()).expect("result is JSON");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(v in any_json(), partial in any::<bool>()) {
        let o = Options { partial, ..Options::default() };
        well_formed(&validate(&v, &o));
        well_formed(&validate_str(&v.to_string(), &o));
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn strings_in_every_cell(cells in prop::collection::vec(".{0,8}", 226)) {
        let mut doc = serde_json::json!({"year": 2024});
        for (def, s) in layout().cells.iter().zip(cells) {
            let mut cur = &mut doc;
            for seg in def.path.trim_start_matches('/').split('/') {
                cur = cur.as_object_mut().unwrap().entry(seg).or_insert_with(|| Value::Object(Map::new()));
            }
            *cur = Value::from(s);
        }
        well_formed(&validate(&doc, &Options::default()));
    }

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,64}") {
        well_formed(&validate_str(&s, &Options::default()));
    }

    /// The prose rules on text made of what they look for: figures, units, numerals, years,
    /// percentages, the words they key on and the punctuation they split at, in any order;
    /// with last year's prose given too (text-reuse), and any issuer.
    #[test]
    fn prose_rules_never_panic(
        parts in prop::collection::vec(prose(), 6),
        last in prose(),
        issuer in prop::sample::select(vec!["示例县人民政府", "示例局", "", "办公室"]),
    ) {
        let keys = ["overview", "proactive", "applications", "reviewLitigation", "problems", "other"];
        let sections: Map<String, Value> = keys.iter().zip(&parts).map(|(k, t)| (k.to_string(), Value::from(t.as_str()))).collect();
        let doc = serde_json::json!({"year": 2024, "issuer": issuer, "sections": sections});
        let previous = serde_json::json!({"year": 2023, "sections": {"overview": last, "problems": parts[4]}});
        let o = Options {
            previous: Some(Box::new(xxgknb::model::decode::decode(&previous))),
            ..Options::default()
        };
        well_formed(&validate(&doc, &o));
    }
}

/// Report-like prose: fragments the prose rules react to, joined at random.
fn prose() -> impl Strategy<Value = String> {
    let fragment = prop::sample::select(vec![
        "受理",
        "申请",
        "件",
        "条",
        "元",
        "万元",
        "%",
        "占比",
        "其中",
        "自然人",
        "法人或其他组织",
        "予以公开",
        "部分公开",
        "及",
        "、",
        "，",
        "。",
        "；",
        "（",
        "）",
        "：",
        "等原因",
        "无法提供",
        "不掌握",
        "行政复议",
        "行政诉讼",
        "均获维持",
        "均已办结",
        "结转",
        "下一年度",
        "上年结转",
        "代表",
        "全区",
        "2023年",
        "2024年",
        "2025年",
        "2023年1月1日",
        "2023年12月31日",
        "统计期限",
        "十二",
        "两",
        "一百零三",
        "3,119",
        "44.7",
        "0",
        "12",
        ".",
        ",",
        "信息处理费",
        "收费",
        "一是",
        "问题",
        "下一步",
        "无",
        "第",
        "余",
        "近",
        "较",
        " ",
        "\n",
        "１２",
        "＠",
        "é",
    ]);
    prop::collection::vec(fragment, 0..60).prop_map(|v| v.concat())
}

#[test]
fn extreme_numbers_and_deep_nesting() {
    let mut deep = Value::from(1);
    for _ in 0..100 {
        deep = serde_json::json!({"applications": deep});
    }
    well_formed(&validate(&deep, &Options::default()));
    for n in [i64::MAX, i64::MIN, -1, 0] {
        let doc = serde_json::json!({"year": 2024, "applications": {"received": {"natural": n, "total": n}}});
        well_formed(&validate(&doc, &Options::default()));
    }
    let doc = serde_json::json!({"year": 2024, "applications": {"received": {"natural": 1e308, "total": -1e308}}});
    well_formed(&validate(&doc, &Options::default()));
    // serde_json refuses nesting past 128 levels: that is an invalid-json finding, not a crash.
    let text = "[".repeat(10_000);
    well_formed(&validate_str(&text, &Options::default()));
}

#[test]
fn a_hundred_thousand_unknown_keys_are_all_counted() {
    // Each key is found and counted (repeats folded into one), and the answer stays small:
    // the first hundred listed, the rest in one more finding. Linear, not O(n²).
    let mut text = String::from("{\"year\": 2024");
    for i in 0..100_000 {
        text.push_str(&format!(",\"k{i}\": {i}"));
    }
    text.push_str(",\"k7\": 0}");
    let r = validate_str(&text, &Options::default());
    let of = |rule: &str| -> Vec<_> { r.diagnostics.iter().filter(|d| d.rule == rule).collect() };
    let unknown = of("unknown-field");
    assert_eq!(unknown.len(), 101);
    assert_eq!(unknown[0].path, "/k0");
    assert!(
        unknown[100]
            .message
            .starts_with("另有 99900 个模型中没有的字段未列出（下一个为「/k100」）"),
        "{}",
        unknown[100].message
    );
    let repeats = of("duplicate-key");
    assert_eq!(repeats.len(), 1);
    assert_eq!(repeats[0].path, "/k7");
    well_formed(&r);
}
