//! The rule registry. One rule, one file, named by its id; each file says what the rule checks,
//! why it matters, and shows an example, and carries its own pass and fail tests.
//! Adding a rule: write the file, then add it to `mod` and to [`RULES`] below.

use crate::prelude::*;

use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::messages::Locale;
use crate::model::layout::{layout, CellId, Label, Layout};
use crate::model::{CellState, Format, Report};
use crate::options::Options;
use core::cell::OnceCell;

pub mod arith;
pub mod issuer;
pub mod locate;

pub mod blank_cell;
pub mod cross_year_carryover;
pub mod duplicate_key;
pub mod format_mismatch;
pub mod format_outdated;
pub mod input_too_large;
pub mod invalid_json;
pub mod invalid_metadata;
pub mod invalid_number;
pub mod invalid_structure;
pub mod late_publication;
pub mod missing_cell;
pub mod negative_count;
#[cfg(feature = "readers")]
pub mod t2_carryover;
pub mod t2_consistency;
pub mod t3_balance;
pub mod t3_results_sum;
pub mod t3_row_total;
pub mod t4_total;
#[cfg(feature = "readers")]
pub mod tables_unchanged;
pub mod unknown_field;

/// A rule: its stable id (the i18n key of its messages), default severity, a one-line
/// description in both locales, and the check.
pub struct RuleDef {
    pub id: &'static str,
    pub severity: Severity,
    pub description: Label,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

/// Every rule, in the order they run and report.
pub static RULES: &[&RuleDef] = &[
    &input_too_large::RULE,
    &invalid_json::RULE,
    &invalid_structure::RULE,
    &invalid_metadata::RULE,
    &unknown_field::RULE,
    &duplicate_key::RULE,
    &format_outdated::RULE,
    &format_mismatch::RULE,
    &missing_cell::RULE,
    &invalid_number::RULE,
    &negative_count::RULE,
    &blank_cell::RULE,
    &t3_row_total::RULE,
    &t3_results_sum::RULE,
    &t3_balance::RULE,
    &t4_total::RULE,
    &t2_consistency::RULE,
    &late_publication::RULE,
    &cross_year_carryover::RULE,
];

pub use crate::model::report::MAX_LISTED;
/// Table rules of the full build only: the cross-year checks of tables 二, 三 and 四 against
/// last year's report beyond the carry-over. They read tables alone, but the lite build (form
/// pages, 60 KB gzipped at most) has no room left for them: 1.2 KB gzipped, measured. A form
/// that wants them passes the full build as its `validator`.
#[cfg(feature = "readers")]
pub static FULL: &[&RuleDef] = &[&tables_unchanged::RULE, &t2_carryover::RULE];

/// The table rules of this build: [`RULES`], then [`FULL`] where built.
#[cfg(feature = "readers")]
pub fn all() -> impl Iterator<Item = &'static &'static RuleDef> {
    RULES.iter().chain(FULL)
}

/// The table rules of this build: [`RULES`] (no chained iterator in the lite build: its code
/// costs bytes there).
#[cfg(not(feature = "readers"))]
pub fn all() -> core::slice::Iter<'static, &'static RuleDef> {
    RULES.iter()
}

/// What a rule sees.
pub struct Context<'a> {
    pub report: &'a Report,
    pub options: &'a Options,
    pub layout: &'static Layout,
    stats: OnceCell<CellStats>,
}

/// How many cells are in each state, counted once per report so that the rules looking for
/// a rare state (a blank, a typo, a negative) skip their pass over every cell when there is none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CellStats {
    pub blank: usize,
    pub invalid: usize,
    pub negative: usize,
    /// Cells of the report's layout that are not in the input.
    pub absent: usize,
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report, options: &'a Options) -> Self {
        Context {
            report,
            options,
            layout: layout(),
            stats: OnceCell::new(),
        }
    }

    pub fn stats(&self) -> CellStats {
        *self.stats.get_or_init(|| {
            let mut s = CellStats::default();
            let format = self.format();
            for (state, def) in self.report.cells.iter().zip(&self.layout.cells) {
                match state {
                    CellState::Absent => s.absent += usize::from(def.formats.has(format)),
                    CellState::Blank { .. } => s.blank += 1,
                    CellState::Invalid { .. } => s.invalid += 1,
                    CellState::Value(Num::Int(i)) => s.negative += usize::from(*i < 0),
                    CellState::Value(Num::Dec(f)) => s.negative += usize::from(*f < 0.0),
                }
            }
            s
        })
    }

    pub fn locale(&self) -> Locale {
        self.options.locale
    }

    pub fn format(&self) -> Format {
        self.report.format
    }

    pub fn zh(&self) -> bool {
        self.options.locale == Locale::ZhCn
    }

    /// Whether blanks count as 0 in the sums (option `blanks: "zero"`; `check`'s default).
    /// Only the full build reads published reports: in the lite build (form data) it is never
    /// so, and the code for it is left out (it cost the lite wasm 2.5 KB gzipped).
    #[inline(always)]
    pub fn blanks_zero(&self) -> bool {
        cfg!(feature = "readers") && self.options.blanks == Some(crate::options::Blanks::Zero)
    }

    /// How messages name a cell in the current locale.
    pub fn name(&self, id: CellId) -> &'static str {
        let c = self.layout.cell(id);
        match self.locale() {
            Locale::ZhCn => &c.name_zh,
            Locale::En => &c.name_en,
        }
    }

    pub fn path(&self, id: CellId) -> &'static str {
        &self.layout.cell(id).path
    }

    /// Last year's report (`previous`), when it is last year's: its year is this year − 1, or
    /// one of the two years is not stated.
    pub fn previous(&self) -> Option<&'a Report> {
        let prev = self.options.previous.as_deref()?;
        match (self.report.year, prev.year) {
            (Some(y), Some(py)) if py != y - 1 => None,
            _ => Some(prev),
        }
    }

    /// A diagnostic of `rule` at a cell, with the rule's default severity.
    pub fn diag(&self, rule: &RuleDef, path: impl Into<String>, message: String) -> Diagnostic {
        Diagnostic::new(rule.id, rule.severity, path, message)
    }
}

/// Run the core's rules on a decoded report, then merge the findings that one wrong cell
/// explains. The registry (`crate::registry::run`) adds the prose rules and orders the result.
pub fn run(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let ctx = Context::new(report, options);
    let mut out = Vec::new();
    for rule in all() {
        if !options.is_off(rule.id) {
            (rule.check)(&ctx, &mut out);
        }
    }
    locate::merge_culprits(&ctx, &mut out);
    out
}

/// Apply severity overrides, then order: errors first, then by place in the form.
pub fn finish(out: &mut Vec<Diagnostic>, options: &Options) {
    out.retain(|d| !options.is_off(d.rule));
    for d in out.iter_mut() {
        if let Some((_, Some(s))) = options.overrides.iter().find(|(r, _)| *r == d.rule) {
            d.severity = *s;
        }
    }
    let l = layout();
    let rank = |d: &Diagnostic| {
        let sev = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        let place = l.find(&d.path).map_or(0, |i| i as usize + 1);
        (sev, place)
    };
    crate::base::sort::sort_by_key(out, rank);
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' own tests: consistent reports in both layouts.
    use crate::diagnostic::Diagnostic;
    use crate::model::decode::decode;
    use crate::options::Options;
    use serde_json::Value;

    pub const SAMPLE_2020: &str = include_str!("../../tests/fixtures/consistent-2020.json");
    pub const SAMPLE_2024: &str = include_str!("../../tests/fixtures/consistent-2024.json");

    pub fn sample(which: &str) -> Value {
        serde_json::from_str(if which == "2020" {
            SAMPLE_2020
        } else {
            SAMPLE_2024
        })
        .unwrap()
    }

    /// Set one value in a JSON document by pointer.
    pub fn set(doc: &mut Value, pointer: &str, v: Value) {
        *doc.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer}")) = v;
    }

    pub fn remove(doc: &mut Value, pointer: &str) {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        doc.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
    }

    /// Diagnostics of one rule for a document.
    pub fn run_rule(id: &str, doc: &Value, options: &Options) -> Vec<Diagnostic> {
        let report = decode(doc);
        let ctx = super::Context::new(&report, options);
        let rule = super::all().find(|r| r.id == id).unwrap();
        let mut out = Vec::new();
        (rule.check)(&ctx, &mut out);
        out
    }

    pub fn check(id: &str, doc: &Value) -> Vec<Diagnostic> {
        run_rule(id, doc, &Options::default())
    }

    /// Diagnostics of one rule for JSON text, decoded as `validateJson` decodes it (for what a
    /// `serde_json::Value` cannot hold: broken text, repeated keys).
    pub fn check_text(rule: &super::RuleDef, text: &str) -> Vec<Diagnostic> {
        let report = crate::model::decode::decode_str(text);
        let options = Options::default();
        let mut out = Vec::new();
        (rule.check)(&super::Context::new(&report, &options), &mut out);
        out
    }

    /// Options with last year's report, in a locale.
    pub fn with_previous(prev: &Value, locale: &str) -> Options {
        Options {
            previous: Some(Box::new(decode(prev))),
            locale: crate::messages::Locale::parse(locale).unwrap(),
            ..Options::default()
        }
    }
}
