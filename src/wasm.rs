//! The JavaScript binding, and all of it: decode the arguments, call the core, encode the result.
//! Only text crosses: reports and options come in as JSON text (or the UTF-8 bytes of a text),
//! results go out as JSON text for one `JSON.parse`. The package's JS (`js/api.mjs`) checks and
//! copies every argument first, so no caller's object, getter or proxy is ever touched while
//! WebAssembly runs: a JS exception can then never unwind through it and leave it half-done.
//!
//! A result is JSON text, an object or an array. Anything else is misuse (bad options, an
//! unknown format), as a message naming the function, which the JS throws as an `Error`.
//! A few exports each serve several functions, by name: every export costs the lite build's
//! glue its own wrapper. Types are hand-written in `js/*.d.ts`, so every export skips
//! wasm-bindgen's.

use crate::prelude::*;

use crate::base::text::text;
use crate::model::Format;
use crate::options::Options;
#[cfg(feature = "readers")]
use alloc::borrow::Cow;
use wasm_bindgen::prelude::*;

/// Nothing to set up; but wasm-bindgen's reset-state function, which `js/api.mjs` calls to
/// replace a failed instance, calls the start export of every fresh instance, and the lite
/// build (WebAssembly 1.0: no reference types to initialise) would otherwise have none.
#[wasm_bindgen(start)]
fn start() {}

fn options(text: &str, func: &str) -> Result<Options, String> {
    if text.is_empty() {
        return Ok(Options::default());
    }
    crate::api::options(text).map_err(|e| text!("{func}: {}", func, e.message()))
}

/// The result, or the misuse message.
fn answer(r: Result<String, String>) -> String {
    r.unwrap_or_else(|e| e)
}

/// The API function `func` on `input`, or, when `over` is not 0, its answer for an input of
/// that many bytes that the JS measured over the limit and did not copy in (`input-too-large`).
/// `func`: `validate` (the JSON text the JS made of the report object, in which `NaN`,
/// `Infinity` and `-Infinity` stand where the object held them; no text at all for an object
/// nested too deep for `JSON.stringify`), `validateJson`, and in the full build `parse` and
/// `check`.
#[wasm_bindgen(skip_typescript)]
pub fn run(func: &str, input: &str, opts: &str, over: f64) -> String {
    let over = over as usize; // saturates: a size past usize is as over the limit
    #[cfg(feature = "readers")]
    if func == "parse" || func == "check" {
        return answer(read_options(opts, func).map(|o| read(func, input, &o, over)));
    }
    answer(options(opts, func).map(|o| {
        if over > 0 {
            crate::api::too_large(over, &o)
        } else if func == "validateJson" {
            crate::api::validate_str(input, &o)
        } else if input.is_empty() {
            crate::api::too_deep(&o)
        } else {
            crate::api::validate_js(input, &o)
        }
        .to_json()
    }))
}

/// `run` of UTF-8 bytes (a `Buffer` from `readFileSync`): no JS string made on the way. Not in
/// the lite build, which form pages download: its JS decodes bytes with `TextDecoder`.
#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = runBytes, skip_typescript)]
pub fn run_bytes(func: &str, bytes: &[u8], opts: &str) -> String {
    run(func, &text_of(bytes), opts, 0.0)
}

/// `crossYear`: the cross-year rules alone on this year's report and last year's, each the
/// UTF-8 bytes of its JSON text (the JS encodes strings: a CLI's pairs come as bytes from its
/// spool, and wasm-bindgen copies bytes in one call where it copies text character by
/// character up to the first one outside ASCII); `over` as in [`run`], for this year's text.
/// See [`crate::api::cross_year`].
#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = crossYear, skip_typescript)]
pub fn cross_year(current: &[u8], previous: &[u8], opts: &str, over: f64) -> String {
    let over = over as usize;
    answer(options(opts, "crossYear").and_then(|o| {
        crate::api::cross_year(&text_of(current), &text_of(previous), o, over)
            .map(|r| r.to_json())
            .map_err(|e| text!("crossYear: {e}", e))
    }))
}

/// `checkRecord`, the command line's own: `check` of a file's UTF-8 bytes, answered as the
/// record its spool keeps and the facts its totals need (see [`crate::bulk::record`]), as
/// UTF-8 bytes: nothing of the report is parsed or written again in JS. `file` describes the
/// file (JSON); `over` as in [`run`]. Misuse: the message's bytes (they start with no `{`).
#[cfg(feature = "readers")]
#[wasm_bindgen(js_name = checkRecord, skip_typescript)]
pub fn check_record(bytes: &[u8], opts: &str, file: &str, over: f64) -> Vec<u8> {
    let over = over as usize;
    let checked = read_options(opts, "checkRecord").and_then(|o| {
        let file = crate::bulk::record::FileInfo::from_json(file)
            .map_err(|e| text!("checkRecord: {e}", e))?;
        let checked = if over > 0 {
            crate::api::check_refused(over, &o)
        } else {
            crate::api::check(&text_of(bytes), &o)
        };
        Ok(crate::bulk::record::write(checked, file))
    });
    checked.unwrap_or_else(String::into_bytes)
}

/// The catalogues: `rules`, or the cells of a format (`2019`, `2021`).
#[wasm_bindgen(skip_typescript)]
pub fn catalog(what: &str) -> String {
    match (what, Format::parse(what)) {
        ("rules", _) => crate::catalog::rules_json(),
        (_, Some(f)) => crate::catalog::cells_json(f),
        _ => text!(
            "cells: expected the format \"2019\" or \"2021\", got \"{what}\"",
            what
        ),
    }
}

/// The instance's linear memory in bytes. It only grows: after one call in a fresh instance it
/// is that call's peak, which the bench reports per input byte; and the JS starts a fresh
/// instance when one large input has left it big. Not in the lite build: a form page's inputs
/// are small, and its download counts.
#[cfg(feature = "readers")]
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
    crate::api::parse_options(text, call).map_err(|e| text!("{func}: {}", func, e.message()))
}

/// `parse` or `check`, or its answer for input of `over` bytes (see [`run`]).
#[cfg(feature = "readers")]
fn read(func: &str, input: &str, o: &crate::readers::ParseOptions, over: usize) -> String {
    match (func, over) {
        ("parse", 0) => crate::api::parse(input, o).to_json(),
        ("parse", _) => crate::api::parse_refused(over, o).to_json(),
        (_, 0) => crate::api::check(input, o).to_json(),
        _ => crate::api::check_refused(over, o).to_json(),
    }
}

/// UTF-8 bytes as text, as `TextDecoder` reads them: a leading BOM dropped, invalid sequences
/// as U+FFFD. Borrowed when the bytes are valid, as they nearly always are.
#[cfg(feature = "readers")]
fn text_of(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = core::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
}
