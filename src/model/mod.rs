//! The report model of `shared/spec/model.md`: the official layouts (`layout`), the decoded
//! report (`report`), decoding JSON into it (`decode`), normalising typed cell values
//! (`normalize`) and writing it back as model JSON (`encode`).

pub mod decode;
pub mod encode;
pub mod layout;
pub mod normalize;
pub mod report;

pub use layout::{layout, CellDef, CellId, Format, Kind, Layout, TableId};
pub use report::{CellState, Report};
