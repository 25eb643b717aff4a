//! The binding as JavaScript sees it, run by wasm-bindgen-test in Node and in headless Chromium
//! (`WASM_BINDGEN_USE_BROWSER=1`): plain objects out, real `Error`s for misuse, never a panic.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Error, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const CONSISTENT: &str = include_str!("fixtures/consistent-2024.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn report() -> JsValue {
    JSON::parse(CONSISTENT).unwrap()
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn validate_returns_a_plain_object() {
    let r = xxgknb::wasm::validate(report(), JsValue::UNDEFINED).unwrap();
    assert!(r.is_instance_of::<Object>() && !r.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&r, "valid"), JsValue::TRUE);
    assert_eq!(get(&r, "format"), JsValue::from_str("2021"));
    assert_eq!(get(&r, "year").as_f64(), Some(2024.0));
    assert_eq!(Array::from(&get(&r, "diagnostics")).length(), 0);
}

#[wasm_bindgen_test]
fn a_wrong_cell_is_named_in_both_locales() {
    let doc = report();
    let received = get(&get(&doc, "applications"), "received");
    Reflect::set(&received, &"natural".into(), &JsValue::from(3005)).unwrap();
    for (opts, needle) in [
        (
            "{}",
            "表三「一、本年新收政府信息公开申请数量」行「自然人」列应为 3001",
        ),
        (r#"{"locale":"en"}"#, "should be 3001, not 3005"),
    ] {
        let r = xxgknb::wasm::validate(doc.clone(), options(opts)).unwrap();
        let d = Array::from(&get(&r, "diagnostics")).get(0);
        assert_eq!(
            get(&d, "path"),
            JsValue::from_str("/applications/received/natural")
        );
        assert_eq!(get(&d, "expected").as_f64(), Some(3001.0));
        let msg = get(&d, "message").as_string().unwrap();
        assert!(msg.contains(needle), "{msg}");
    }
}

#[wasm_bindgen_test]
fn validate_json_reports_broken_text_without_throwing() {
    let r = xxgknb::wasm::validate_json(JsValue::from_str("{\"year\": 20"), JsValue::NULL).unwrap();
    let d = Array::from(&get(&r, "diagnostics")).get(0);
    assert_eq!(get(&d, "rule"), JsValue::from_str("invalid-json"));
    assert_eq!(get(&r, "valid"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn misuse_throws_a_real_error_saying_what_was_expected() {
    let cases: [(Result<JsValue, Error>, &str); 5] = [
        (
            xxgknb::wasm::validate(JsValue::from(42), JsValue::UNDEFINED),
            "validate: expected a report object, got a number",
        ),
        (
            xxgknb::wasm::validate(Array::new().into(), JsValue::UNDEFINED),
            "validate: expected a report object, got an array",
        ),
        (
            xxgknb::wasm::validate_json(JsValue::from(1), JsValue::UNDEFINED),
            "validateJson: expected JSON text (a string or its UTF-8 bytes), got a number",
        ),
        (
            xxgknb::wasm::validate(report(), options(r#"{"locale":"fr"}"#)),
            "validate: options.locale: expected \"zh-CN\" or \"en\", got \"fr\"",
        ),
        (
            xxgknb::wasm::cells(JsValue::from_str("2020")),
            "cells: expected the format \"2019\" or \"2021\", got a string",
        ),
    ];
    for (result, message) in cases {
        let e = result.unwrap_err();
        assert!(e.is_instance_of::<Error>());
        assert_eq!(String::from(e.message()), message);
    }
}

#[wasm_bindgen_test]
fn catalogues() {
    let cells = Array::from(&xxgknb::wasm::cells(JsValue::from_str("2021")).unwrap());
    assert_eq!(cells.length(), 10 + 25 * 7 + 15);
    let first = cells.get(0);
    assert_eq!(get(&get(&first, "row"), "zh-CN"), JsValue::from_str("规章"));
    let rules = Array::from(&xxgknb::wasm::rules());
    assert!(rules.length() >= 14);
    assert_eq!(xxgknb::wasm::version(), env!("CARGO_PKG_VERSION"));
}
