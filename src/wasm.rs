//! The JavaScript binding, and all of it: decode the arguments, call the core, encode the result.
//! Reports and options cross as JSON text (one `JSON.stringify`, one `JSON.parse`): faster than
//! walking JS objects property by property, and the results are plain objects.
//! Types are hand-written in `js/*.d.ts` (no `any`), so every export skips wasm-bindgen's.

use crate::prelude::*;

use crate::model::Format;
use crate::options::Options;
use js_sys::{Array, ArrayBuffer, Error, Reflect, Symbol, Uint8Array, JSON};
use wasm_bindgen::prelude::*;

/// How a JS value is described in a misuse error: "a number", "an array", "null".
fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if v.is_undefined() {
        "nothing (undefined)".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else {
        match v.js_typeof().as_string().as_deref() {
            Some("object") => "an object".into(),
            Some(t) => format!("a {t}"),
            None => "an unknown value".into(),
        }
    }
}

fn stringify(v: &JsValue, what: &str) -> Result<String, Error> {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            Error::new(&format!(
                "{what}: cannot be turned into JSON (a cycle or a BigInt?)"
            ))
        })
}

fn options(v: &JsValue, func: &str) -> Result<Options, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(Options::default());
    }
    if !v.is_object() || Array::is_array(v) {
        return Err(Error::new(&format!(
            "{func}: options must be an object, got {}",
            describe(v)
        )));
    }
    let text = stringify(v, &format!("{func}: options"))?;
    crate::api::options(&text).map_err(|e| Error::new(&format!("{func}: {e}")))
}

fn encode(json: &str) -> JsValue {
    // The core only produces valid JSON.
    JSON::parse(json).unwrap_or(JsValue::NULL)
}

fn format_arg(v: &JsValue, func: &str) -> Result<Format, Error> {
    let s = v.as_string().or_else(|| {
        v.as_f64()
            .filter(|&f| crate::base::numeric::is_whole(f) && f.abs() < 1e6)
            .map(|f| (f as i64).to_string())
    });
    s.as_deref().and_then(Format::parse).ok_or_else(|| {
        Error::new(&format!(
            "{func}: expected the format \"2019\" or \"2021\", got {}",
            describe(v)
        ))
    })
}

#[wasm_bindgen(skip_typescript)]
pub fn validate(report: JsValue, opts: JsValue) -> Result<JsValue, Error> {
    if !report.is_object() || Array::is_array(&report) {
        return Err(Error::new(&format!(
            "validate: expected a report object, got {}",
            describe(&report)
        )));
    }
    let opts = options(&opts, "validate")?;
    let text = stringify(&report, "validate: the report")?;
    Ok(encode(&crate::validate_str(&text, &opts).to_json()))
}

/// Text given as a string or as its UTF-8 bytes (a `Uint8Array`, such as the Buffer Node reads
/// a file into): bytes skip decoding them in JS and encoding the string again on the way in.
/// As `TextDecoder` does, a leading BOM is dropped and invalid sequences become U+FFFD.
fn text_arg(v: &JsValue) -> Option<String> {
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    let array: &Uint8Array = match v.dyn_ref::<Uint8Array>() {
        Some(a) => a,
        // One from another realm (a `vm` context, as Jest's environments are; an iframe) fails
        // `instanceof`, but still tells what it is.
        None if ArrayBuffer::is_view(v)
            && Reflect::get(v, &Symbol::to_string_tag())
                .ok()?
                .as_string()
                .is_some_and(|tag| tag == "Uint8Array") =>
        {
            v.unchecked_ref()
        }
        None => return None,
    };
    let mut bytes = array.to_vec();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Some(text),
        Err(e) => e.into_bytes(),
    };
    // `String::from_utf8_lossy`, in a loop: std's own costs the lite build 0.4 KB more gzipped.
    let mut rest = &bytes[..];
    let mut text = String::with_capacity(rest.len());
    loop {
        match core::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                return Some(text);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                text.push_str(core::str::from_utf8(good).unwrap_or_default());
                text.push('\u{fffd}');
                rest = &bad[e.error_len().unwrap_or(bad.len())..];
            }
        }
    }
}

#[wasm_bindgen(js_name = validateJson, skip_typescript)]
pub fn validate_json(text: JsValue, opts: JsValue) -> Result<JsValue, Error> {
    let Some(text) = text_arg(&text) else {
        return Err(Error::new(&format!(
            "validateJson: expected JSON text (a string or its UTF-8 bytes), got {}",
            describe(&text)
        )));
    };
    let opts = options(&opts, "validateJson")?;
    Ok(encode(&crate::validate_str(&text, &opts).to_json()))
}

#[wasm_bindgen(skip_typescript)]
pub fn cells(format: JsValue) -> Result<JsValue, Error> {
    Ok(encode(&crate::catalog::cells_json(format_arg(
        &format, "cells",
    )?)))
}

#[wasm_bindgen(skip_typescript)]
pub fn rules() -> JsValue {
    encode(&crate::catalog::rules_json())
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

#[cfg(feature = "readers")]
fn input_arg(v: &JsValue, func: &str) -> Result<String, Error> {
    text_arg(v).ok_or_else(|| {
        Error::new(&format!(
            "{func}: expected the report's text (a string or its UTF-8 bytes), got {}",
            describe(v)
        ))
    })
}

#[cfg(feature = "readers")]
fn parse_options(
    v: &JsValue,
    func: &str,
    call: crate::readers::ReadCall,
) -> Result<crate::readers::ParseOptions, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(crate::readers::ParseOptions::default());
    }
    if !v.is_object() || Array::is_array(v) {
        return Err(Error::new(&format!(
            "{func}: options must be an object, got {}",
            describe(v)
        )));
    }
    let text = stringify(v, &format!("{func}: options"))?;
    crate::api::parse_options(&text, call).map_err(|e| Error::new(&format!("{func}: {e}")))
}

#[cfg(feature = "readers")]
#[wasm_bindgen(skip_typescript)]
pub fn parse(input: JsValue, opts: JsValue) -> Result<JsValue, Error> {
    let input = input_arg(&input, "parse")?;
    let opts = parse_options(&opts, "parse", crate::readers::ReadCall::Parse)?;
    Ok(encode(&crate::readers::parse(&input, &opts).to_json()))
}

#[cfg(feature = "readers")]
#[wasm_bindgen(skip_typescript)]
pub fn check(input: JsValue, opts: JsValue) -> Result<JsValue, Error> {
    let input = input_arg(&input, "check")?;
    let opts = parse_options(&opts, "check", crate::readers::ReadCall::Check)?;
    Ok(encode(&crate::api::check(&input, &opts).to_json()))
}
