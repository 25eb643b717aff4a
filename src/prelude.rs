//! The part of std's prelude the core uses, from `alloc`: the lite WebAssembly build is
//! `no_std` (see `no_std.rs`), native and full builds are not, and the core compiles as both.

pub use alloc::boxed::Box;
pub use alloc::string::{String, ToString};
pub use alloc::vec::Vec;
