//! The numbers a cell holds: counts as integers, money as decimals.

use serde::Serialize;

/// A number as the model writes it: counts stay integers in JSON (`12`, not `12.0`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Num {
    Int(i64),
    Dec(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Dec(f) => f,
        }
    }

    pub fn as_int(self) -> Option<i64> {
        match self {
            Num::Int(i) => Some(i),
            Num::Dec(_) => None,
        }
    }
}

impl core::fmt::Display for Num {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            // Shortest form that round-trips (7730.28), through ryu, which serde_json already
            // links, rather than core's float formatting: it keeps the wasm small.
            Num::Dec(d) if crate::base::numeric::is_whole(*d) && d.abs() < 1e15 => {
                write!(f, "{}", *d as i64)
            }
            Num::Dec(d) => f.write_str(ryu::Buffer::new().format(*d)),
        }
    }
}
