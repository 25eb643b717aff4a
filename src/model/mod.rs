//! The report model of `shared/spec/model.md`: the official layouts (`layout`), the decoded
//! report (`report`) and the numbers its cells hold (`num`), decoding JSON into it (`decode`), normalising typed cell values
//! (`normalize`) and writing it back as model JSON (`encode`).

pub mod decode;
pub mod encode;
pub mod layout;
pub mod normalize;
pub mod num;
pub mod report;

pub use layout::{layout, CellDef, CellId, Format, Kind, Layout, TableId};
pub use num::Num;
pub use report::{CellState, Report};
