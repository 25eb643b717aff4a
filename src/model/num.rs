//! The numbers a cell holds: counts as integers, money as decimals.

use crate::prelude::*;

use crate::base::text::Piece;
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

impl Piece for Num {
    fn put(&self, out: &mut String) {
        match self {
            Num::Int(i) => i.put(out),
            // Shortest form that round-trips (7730.28), through ryu, which serde_json already
            // links, rather than core's float formatting: it keeps the wasm small.
            Num::Dec(d) if crate::base::numeric::is_whole(*d) && d.abs() < 1e15 => {
                (*d as i64).put(out)
            }
            Num::Dec(d) => out.push_str(ryu::Buffer::new().format(*d)),
        }
    }
}

/// As the messages and the JSON print it (see [`Piece`]).
impl core::fmt::Display for Num {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut s = String::new();
        self.put(&mut s);
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_the_json_and_messages_write_them() {
        let s = |n: Num| crate::base::text::text!("{}", n);
        assert_eq!(s(Num::Int(-12)), "-12");
        assert_eq!(s(Num::Dec(7730.28)), "7730.28");
        // Whole decimals without `.0`, as counts print; past 1e15, ryu's exponent form.
        assert_eq!(s(Num::Dec(3.0)), "3");
        assert_eq!(s(Num::Dec(-0.0)), "0");
        assert_eq!(s(Num::Dec(1e20)), "1e20");
        assert_eq!(s(Num::Dec(0.1)), "0.1");
        assert_eq!(Num::Dec(2.5).to_string(), "2.5");
    }
}
