//! xxgknb: a validator for 政府信息公开工作年度报告, China's annual reports on open government
//! information. Plain Rust: the model and its layouts (`model`), the rules (`rules`), their
//! messages, (feature `readers`) readers of published reports, and the API over them (`api`).
//! `wasm` is the only module that knows about JavaScript.
//!
//! With the `lite-wasm` feature (and without `std`), the WebAssembly build is `no_std` (see
//! `no_std.rs`); the modules of the lite build take `String`, `Vec` and friends from `prelude`
//! so they compile both ways.

#![cfg_attr(
    all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")),
    no_std
)]
// Nothing panics on any input: no unwrap, expect or panic! outside tests (issue 15).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

#[cfg_attr(
    all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")),
    macro_use
)]
extern crate alloc;

#[cfg(all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")))]
mod no_std;
mod prelude;

// The layers, lowest first; each module uses only those above it in this list (the test in
// tests/layering.rs checks it). docs/architecture.md walks through them.
pub mod api;
pub mod base;
#[cfg(feature = "readers")]
pub mod bulk;
pub mod catalog;
pub mod diagnostic;
pub mod json;
pub mod messages;
pub mod model;
pub mod options;
#[cfg(feature = "readers")]
pub mod readers;
pub mod registry;
pub mod rules;
/// The JavaScript binding (public so that its own tests can call it).
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "readers")]
pub use api::{check, Checked};
pub use api::{validate, validate_report, validate_str};
pub use diagnostic::{Diagnostic, Severity, ValidationResult};
pub use model::{Format, Report};
pub use options::{Options, OptionsError};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// Talc instead of Rust's default dlmalloc for WebAssembly: 2.7 KB smaller gzipped in the lite
// build that form pages download, and no slower (CLI check() runs: 0.9% fewer instructions).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
