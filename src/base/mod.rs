//! The base layer: small helpers every other layer may use, and that use nothing of the crate but
//! the prelude. Numbers (`numeric`), text folding (`fold`), dates (`dates`) and sorting (`sort`)
//! each live here once, and text made without `core::fmt` (`text`).

pub mod dates;
pub mod fold;
pub mod numeric;
pub mod sort;
pub mod text;
