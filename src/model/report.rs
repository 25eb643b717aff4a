//! A report as decoded from model JSON: metadata plus one state per catalogue cell, and what
//! decoding could not place. Rules read this; they never see JSON.

use crate::prelude::*;

use super::layout::{layout, CellId, Format};
use super::num::Num;

/// Why a typed value is not a number of its column's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Not a number at all (`十二`, `12a`, `true`).
    NotANumber,
    /// A fraction where the column counts (`1.5`).
    NotInteger,
    /// `+3` in a column that is not signed.
    PlusSign,
    /// Larger than any real report could hold (past 2^53, where JavaScript loses digits).
    TooLarge,
    /// A unit this column does not take (`5万元` in a count column).
    WrongUnit,
    /// `NaN`, `Infinity` or `-Infinity` (a JS number no report can hold).
    NotFinite,
    /// An object or array where a cell value belongs.
    WrongType,
}

/// One cell as found in the input.
#[derive(Clone, Debug, PartialEq)]
pub enum CellState {
    /// The key is not in the input.
    Absent,
    /// `null`, `""`, `-`, `—`, `/` and the like: left blank, never a silent 0.
    Blank {
        input: Option<String>,
    },
    Value(Num),
    Invalid {
        input: String,
        reason: Invalid,
    },
}

impl CellState {
    pub fn is_present(&self) -> bool {
        !matches!(self, CellState::Absent)
    }
}

/// A JSON value of the wrong type where the model has an object (a table or row).
#[derive(Clone, Debug, PartialEq)]
pub struct StructureIssue {
    pub path: String,
    pub found: &'static str,
    /// Child keys the model expects there, for the message.
    pub expected_keys: Vec<String>,
}

/// A metadata value that cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataIssue {
    pub path: &'static str,
    pub input: Option<String>,
    pub problem: MetadataProblem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataProblem {
    MissingYear,
    BadYear,
    BadFormat,
    /// Not written as `YYYY-MM-DD` (or, in a published report, as a date at all).
    BadDate,
    /// Written as a date, but no such day exists (2022-02-31, 2022年2月31日).
    ImpossibleDate,
    NotText,
}

impl MetadataProblem {
    pub fn date(problem: crate::base::dates::DateProblem) -> MetadataProblem {
        match problem {
            crate::base::dates::DateProblem::Unreadable => MetadataProblem::BadDate,
            crate::base::dates::DateProblem::NotInCalendar => MetadataProblem::ImpossibleDate,
        }
    }
}

/// How many findings of a kind are listed one by one where their number grows with the input
/// (unknown keys, repeated keys); the rest are told in one more finding, so that neither the
/// answer nor the time to make it grows faster than the input.
pub const MAX_LISTED: usize = 100;

/// A key given twice in one object of the JSON text. The later value counts, as in
/// `JSON.parse`, so that `validateJson(t)` and `validate(JSON.parse(t))` read the same report.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// JSON Pointer of the key.
    pub path: String,
    /// (line, column) of the earlier and of the later occurrence; (0, 0) past the first
    /// [`MAX_LISTED`] repeats, which are not listed one by one.
    pub first: (usize, usize),
    pub second: (usize, usize),
}

/// How the report's layout was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatSource {
    Declared,
    Shape,
    Year,
    Default,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub year: Option<i32>,
    pub declared_format: Option<Format>,
    pub format: Format,
    pub format_source: FormatSource,
    pub issuer: Option<String>,
    pub published_on: Option<(i32, u32, u32)>,
    /// Prose of the six parts, by model key, in input order.
    pub sections: Vec<(String, String)>,
    /// By `CellId`. Hot paths index `cells.as_slice()`: the lite build, optimised for size,
    /// leaves `Vec`'s `Index` as a call, where slice indexing is inline (lite validateJson
    /// 53k → 60k/s). Making this a boxed slice did the same for every use, 0.3 KB bigger.
    pub cells: Vec<CellState>,
    /// JSON Pointers of keys the model does not have.
    pub unknown: Vec<String>,
    pub structure: Vec<StructureIssue>,
    pub metadata: Vec<MetadataIssue>,
    /// The input could not be read as JSON at all: (ended too early, line, column).
    pub syntax_error: Option<(bool, usize, usize)>,
    /// Values nest deeper than the reader follows: (line, column) where it stopped, or `None`
    /// when the caller's object was too deep to be turned into text at all.
    pub too_deep: Option<Option<(usize, usize)>>,
    /// The input was not read because it is larger than the limit: (its bytes, the limit).
    pub too_large: Option<(usize, usize)>,
    /// Keys given twice, in the order of their later occurrence: the first `MAX_LISTED + 1`.
    pub duplicates: Vec<Duplicate>,
    /// How many repeats in all.
    pub duplicates_total: usize,
    /// A published report in the format used before 2019 (found by the readers): it has none of
    /// the current tables, its `format` is written `"pre-2019"` and no table rule runs on it.
    pub pre_2019: bool,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            year: None,
            declared_format: None,
            format: Format::F2021,
            format_source: FormatSource::Default,
            issuer: None,
            published_on: None,
            sections: Vec::new(),
            cells: absent_cells(),
            unknown: Vec::new(),
            structure: Vec::new(),
            metadata: Vec::new(),
            syntax_error: None,
            too_deep: None,
            too_large: None,
            duplicates: Vec::new(),
            duplicates_total: 0,
            pre_2019: false,
        }
    }
}

/// Every cell absent. Filled by writing the one variant, where `vec![x; n]` clones `n` times.
fn absent_cells() -> Vec<CellState> {
    let n = layout().cells.len();
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || CellState::Absent);
    v
}

impl Report {
    /// Nothing of the input could be read as a report (not JSON, too deep, too large, not an
    /// object): the rules that look for what is missing or wrong in it have nothing to say.
    pub fn unreadable(&self) -> bool {
        self.syntax_error.is_some()
            || self.too_deep.is_some()
            || self.too_large.is_some()
            || self.structure.iter().any(|s| s.path.is_empty())
    }

    /// A report that was not read because the input is `bytes` long, over `limit`.
    pub fn too_large(bytes: usize, limit: usize) -> Report {
        Report {
            too_large: Some((bytes, limit)),
            ..Report::default()
        }
    }

    /// The `format` as written: the layout, or `"pre-2019"` for an old published report.
    pub fn format_str(&self) -> &'static str {
        if self.pre_2019 {
            "pre-2019"
        } else {
            self.format.as_str()
        }
    }

    #[inline]
    pub fn cell(&self, id: CellId) -> &CellState {
        &self.cells[id as usize]
    }

    /// The cell's number, when it holds one. Inlined always: every rule reads cells through it.
    #[inline(always)]
    pub fn num(&self, id: CellId) -> Option<Num> {
        match self.cells.as_slice()[id as usize] {
            CellState::Value(n) => Some(n),
            _ => None,
        }
    }

    /// The cell's integer, when it holds one.
    #[inline(always)]
    pub fn int(&self, id: CellId) -> Option<i64> {
        self.num(id).and_then(Num::as_int)
    }

    pub fn section(&self, key: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}
