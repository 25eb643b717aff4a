//! The binding as JavaScript's glue calls it, run by wasm-bindgen-test in Node and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1`): text in, JSON text out, a misuse message (never
//! JSON) for bad options, never a panic. The checks and copies in front of it are js/api.mjs's,
//! tested with the built package (tests/node).
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::wasm_bindgen_test;

const CONSISTENT: &str = include_str!("fixtures/consistent-2024.json");

fn json(text: &str) -> Value {
    assert!(
        text.starts_with('{') || text.starts_with('['),
        "not a result: {text}"
    );
    serde_json::from_str(text).unwrap()
}

#[wasm_bindgen_test]
fn validate_returns_the_result_as_json_text() {
    for out in [
        xxgknb::wasm::run("validate", CONSISTENT, "", 0.0),
        xxgknb::wasm::run("validateJson", CONSISTENT, "{}", 0.0),
    ] {
        let r = json(&out);
        assert_eq!(r["valid"], true);
        assert_eq!(r["format"], "2021");
        assert_eq!(r["year"], 2024);
        assert_eq!(r["diagnostics"], serde_json::json!([]));
    }
}

#[wasm_bindgen_test]
fn a_wrong_cell_is_named_in_both_locales() {
    let doc = CONSISTENT.replacen("\"natural\": 3001", "\"natural\": 3005", 1);
    for (opts, needle) in [
        (
            "{}",
            "表三「一、本年新收政府信息公开申请数量」行「自然人」列应为 3001",
        ),
        (r#"{"locale":"en"}"#, "should be 3001, not 3005"),
    ] {
        let r = json(&xxgknb::wasm::run("validate", &doc, opts, 0.0));
        let d = &r["diagnostics"][0];
        assert_eq!(d["path"], "/applications/received/natural");
        assert_eq!(d["expected"], 3001);
        let msg = d["message"].as_str().unwrap();
        assert!(msg.contains(needle), "{msg}");
    }
}

#[wasm_bindgen_test]
fn what_js_objects_hold_reaches_the_rules() {
    // NaN as the JS writes it, and no text at all for an object too deep to write.
    let r = json(&xxgknb::wasm::run(
        "validate",
        r#"{"year": 2024, "applications": {"received": {"natural": NaN}}}"#,
        r#"{"partial": true}"#,
        0.0,
    ));
    assert_eq!(r["diagnostics"][0]["rule"], "invalid-number");
    assert_eq!(r["diagnostics"][0]["input"], "NaN");
    let r = json(&xxgknb::wasm::run("validate", "", "", 0.0));
    assert_eq!(r["diagnostics"][0]["rule"], "invalid-structure");
    // Text given to validateJson is JSON, strictly.
    let r = json(&xxgknb::wasm::run(
        "validateJson",
        r#"{"year": NaN}"#,
        "",
        0.0,
    ));
    assert_eq!(r["diagnostics"][0]["rule"], "invalid-json");
}

#[wasm_bindgen_test]
fn broken_or_oversized_text_is_a_finding() {
    let r = json(&xxgknb::wasm::run("validateJson", "{\"year\": 20", "", 0.0));
    assert_eq!(r["diagnostics"][0]["rule"], "invalid-json");
    assert_eq!(r["valid"], false);
    let r = json(&xxgknb::wasm::run(
        "validateJson",
        CONSISTENT,
        r#"{"maxInputBytes": 10}"#,
        0.0,
    ));
    assert_eq!(r["diagnostics"][0]["rule"], "input-too-large");
    let r = json(&xxgknb::wasm::run("validateJson", "", "{}", 3e10));
    assert_eq!(r["diagnostics"][0]["rule"], "input-too-large");
    assert_eq!(r["valid"], false);
}

#[wasm_bindgen_test]
fn misuse_is_a_message_naming_the_function() {
    for (out, message) in [
        (
            xxgknb::wasm::run("validate", CONSISTENT, r#"{"locale":"fr"}"#, 0.0),
            "validate: options.locale: expected \"zh-CN\" or \"en\", got \"fr\"",
        ),
        (
            xxgknb::wasm::run("validateJson", CONSISTENT, r#"{"partail":true}"#, 0.0),
            "validateJson: options.partail: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline)",
        ),
        (
            xxgknb::wasm::run("validate", "", r#"{"maxInputBytes": 0}"#, 1e9),
            "validate: options.maxInputBytes: expected a whole number of bytes from 1 to 1073741824, got 0",
        ),
        (
            xxgknb::wasm::catalog("2020"),
            "cells: expected the format \"2019\" or \"2021\", got \"2020\"",
        ),
    ] {
        assert_eq!(out, message);
    }
}

#[cfg(feature = "readers")]
#[wasm_bindgen_test]
fn the_readers_take_text_and_bytes() {
    let r = json(&xxgknb::wasm::run(
        "check",
        CONSISTENT,
        r#"{"report": false}"#,
        0.0,
    ));
    assert_eq!(r["valid"], true);
    assert!(r.get("report").is_none());
    let bytes = [b"\xEF\xBB\xBF".as_slice(), CONSISTENT.as_bytes()].concat();
    let r = json(&xxgknb::wasm::run_bytes("check", &bytes, ""));
    assert_eq!(r["valid"], true);
    assert_eq!(r["report"]["year"], 2024);
    let r = json(&xxgknb::wasm::run_bytes(
        "validateJson",
        b"{\"year\": \xFF}",
        "",
    ));
    assert_eq!(r["diagnostics"][0]["rule"], "invalid-json");
    let r = json(&xxgknb::wasm::run("parse", "", "", 1e8));
    assert_eq!(r["diagnostics"][0]["rule"], "input-too-large");
}

#[wasm_bindgen_test]
fn catalogues_and_memory() {
    let cells = json(&xxgknb::wasm::catalog("2021"));
    assert_eq!(cells.as_array().unwrap().len(), 10 + 25 * 7 + 15);
    assert_eq!(cells[0]["row"]["zh-CN"], "规章");
    let rules = json(&xxgknb::wasm::catalog("rules"));
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"input-too-large") && ids.contains(&"duplicate-key"));
    #[cfg(feature = "readers")]
    {
        let bytes = xxgknb::wasm::memory_bytes();
        assert!(bytes >= 65536.0 && bytes % 65536.0 == 0.0, "{bytes}");
    }
}
