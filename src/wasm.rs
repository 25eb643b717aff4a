//! The JavaScript binding, and all of it: decode the arguments, call the core, encode the result.
//! Only text crosses: reports and options come in as JSON text (or the UTF-8 bytes of a text),
//! results go out as JSON text for one `JSON.parse`. The package's JS (`js/api.mjs`) checks and
//! copies every argument first, so no caller's object, getter or proxy is ever touched while
//! WebAssembly runs: a JS exception can then never unwind through it and leave it half-done.
//!
//! A result is JSON text, an object or an array. Anything else is misuse (bad options, an
//! unknown format), as a message naming the function, which the JS throws as an `Error`.
//! Types are hand-written in `js/*.d.ts` (no `any`), so every export skips wasm-bindgen's.

use crate::prelude::*;

use crate::model::Format;
use crate::options::Options;
#[cfg(feature = "readers")]
use alloc::borrow::Cow;
use wasm_bindgen::prelude::*;

fn options(text: &str, func: &str) -> Result<Options, String> {
    if text.is_empty() {
        return Ok(Options::default());
    }
    crate::api::options(text).map_err(|e| format!("{func}: {e}"))
}

/// The result, or the misuse message.
fn answer(r: Result<String, String>) -> String {
    r.unwrap_or_else(|e| e)
}

/// UTF-8 bytes as text, as `TextDecoder` reads them: a leading BOM dropped, invalid sequences
/// as U+FFFD. Borrowed when the bytes are valid, as they nearly always are.
#[cfg(feature = "readers")]
fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = core::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    // `String::from_utf8_lossy`, in a loop: std's own costs the lite build 0.4 KB more gzipped.
    let mut rest = bytes;
    let mut text = String::with_capacity(rest.len());
    loop {
        match core::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                return Cow::Owned(text);
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                text.push_str(core::str::from_utf8(good).unwrap_or_default());
                text.push('\u{fffd}');
                rest = bad
                    .get(e.error_len().unwrap_or(bad.len())..)
                    .unwrap_or_default();
            }
        }
    }
}

/// `validate(report)`: the JSON text the JS made of the report object, in which `NaN`,
/// `Infinity` and `-Infinity` stand where the object held them (they are `invalid-number`).
/// No text at all stands for an object nested too deep for `JSON.stringify`.
#[wasm_bindgen(skip_typescript)]
pub fn validate(text: &str, opts: &str) -> String {
    answer(options(opts, "validate").map(|o| {
        if text.is_empty() {
            crate::api::too_deep(&o).to_json()
        } else {
            crate::api::validate_js(text, &o).to_json()
        }
    }))
}

#[wasm_bindgen(js_name = validateJson, skip_typescript)]
pub fn validate_json(text: &str, opts: &str) -> String {
    answer(options(opts, "validateJson").map(|o| crate::api::validate_str(text, &o).to_json()))
}

/// `validateJson` of UTF-8 bytes (a `Buffer` from `readFileSync`): no JS string made on the way.
/// Not in the lite build, which form pages download: its JS decodes bytes with `TextDecoder`.
#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = validateJsonBytes, skip_typescript)]
pub fn validate_json_bytes(bytes: &[u8], opts: &str) -> String {
    validate_json(&text_of(bytes), opts)
}

/// The result of `func` for input of `bytes` over the limit, which the JS did not copy in.
#[wasm_bindgen(js_name = tooLarge, skip_typescript)]
pub fn too_large(func: &str, bytes: f64, opts: &str) -> String {
    let bytes = bytes as usize; // saturates: a size past usize is as over the limit
    let report = |o: &Options| {
        crate::api::validate_report(
            &crate::model::Report::too_large(bytes, o.max_input_bytes),
            o,
        )
    };
    #[cfg(feature = "readers")]
    if func == "parse" || func == "check" {
        return answer(read_options(opts, func).map(|o| {
            let result = report(&o.validate);
            if func == "parse" {
                crate::readers::Parsed {
                    report: crate::model::Report::default(),
                    diagnostics: result.diagnostics,
                }
                .to_json()
            } else {
                crate::api::Checked {
                    result,
                    report: crate::model::Report::default(),
                    parts: o.report,
                }
                .to_json()
            }
        }));
    }
    answer(options(opts, func).map(|o| report(&o).to_json()))
}

#[wasm_bindgen(skip_typescript)]
pub fn cells(format: &str) -> String {
    match Format::parse(format) {
        Some(f) => crate::catalog::cells_json(f),
        None => format!("cells: expected the format \"2019\" or \"2021\", got \"{format}\""),
    }
}

#[wasm_bindgen(skip_typescript)]
pub fn rules() -> String {
    crate::catalog::rules_json()
}

#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The instance's linear memory in bytes. It only grows: after one call in a fresh instance it
/// is that call's peak, which the bench reports per input byte; and the JS starts a fresh
/// instance when one large input has left it big.
#[wasm_bindgen(js_name = memoryBytes, skip_typescript)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

#[cfg(feature = "readers")]
fn read_options(text: &str, func: &str) -> Result<crate::readers::ParseOptions, String> {
    let call = if func == "parse" {
        crate::readers::ReadCall::Parse
    } else {
        crate::readers::ReadCall::Check
    };
    if text.is_empty() {
        return Ok(crate::readers::ParseOptions::default());
    }
    crate::api::parse_options(text, call).map_err(|e| format!("{func}: {e}"))
}

#[cfg(feature = "readers")]
#[wasm_bindgen(skip_typescript)]
pub fn parse(input: &str, opts: &str) -> String {
    answer(read_options(opts, "parse").map(|o| crate::api::parse(input, &o).to_json()))
}

#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = parseBytes, skip_typescript)]
pub fn parse_bytes(bytes: &[u8], opts: &str) -> String {
    parse(&text_of(bytes), opts)
}

#[cfg(feature = "readers")]
#[wasm_bindgen(skip_typescript)]
pub fn check(input: &str, opts: &str) -> String {
    answer(read_options(opts, "check").map(|o| crate::api::check(input, &o).to_json()))
}

#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = checkBytes, skip_typescript)]
pub fn check_bytes(bytes: &[u8], opts: &str) -> String {
    check(&text_of(bytes), opts)
}
