//! The base layer: small helpers every other layer may use, and that use nothing of the crate but
//! the prelude. Numbers (`numeric`), text folding (`fold`), dates (`dates`) and sorting (`sort`)
//! each live here once, and text made without `core::fmt` (`text`); `scan` holds the byte
//! searches of the readers' hot loops.

pub mod dates;
pub mod fold;
pub mod numeric;
pub mod scan;
pub mod sort;
pub mod text;
