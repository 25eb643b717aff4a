//! xxgknb: a validator for 政府信息公开工作年度报告, China's annual reports on open government
//! information. Plain Rust: the model and its layouts (`model`), the rules (`rules`), their
//! messages, and (feature `readers`) readers of published reports. `wasm` is the only module
//! that knows about JavaScript.
//!
//! With the `lite-wasm` feature (and without `std`), the WebAssembly build is `no_std` (see
//! `no_std.rs`); the modules of the lite build take `String`, `Vec` and friends from `prelude`
//! so they compile both ways.

#![cfg_attr(
    all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")),
    no_std
)]

#[cfg_attr(
    all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")),
    macro_use
)]
extern crate alloc;

#[cfg(all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")))]
mod no_std;
mod prelude;

pub mod catalog;
pub mod diagnostic;
pub mod json;
pub mod messages;
pub mod model;
mod numeric;
pub mod options;
pub mod rules;

#[cfg(feature = "readers")]
pub mod readers;

/// The JavaScript binding (public so that its own tests can call it).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Severity, ValidationResult};
pub use model::{Format, Report};
pub use options::{Options, OptionsError};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Validate a decoded report.
pub fn validate_report(report: &Report, options: &Options) -> ValidationResult {
    let diagnostics = rules::run(report, options);
    ValidationResult::new(report.format, report.year, diagnostics)
}

/// Validate a report given as a JSON value in the model's shape.
pub fn validate(value: &serde_json::Value, options: &Options) -> ValidationResult {
    validate_report(&model::decode::decode(value), options)
}

/// Validate a report given as JSON text; text that is not JSON gives an `invalid-json` finding.
pub fn validate_str(text: &str, options: &Options) -> ValidationResult {
    validate_report(&model::decode::decode_str(text), options)
}

// Talc instead of Rust's default dlmalloc for WebAssembly: 2.7 KB smaller gzipped in the lite
// build that form pages download, and no slower (CLI check() runs: 0.9% fewer instructions).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
