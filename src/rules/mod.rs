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
pub mod locate;

mod blank_cell;
mod cross_year_carryover;
mod format_mismatch;
mod format_outdated;
mod invalid_json;
mod invalid_metadata;
mod invalid_number;
mod invalid_structure;
mod late_publication;
mod missing_cell;
mod negative_count;
mod t2_consistency;
mod t3_balance;
mod t3_results_sum;
mod t3_row_total;
mod t4_total;
mod unknown_field;

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
    &invalid_json::RULE,
    &invalid_structure::RULE,
    &invalid_metadata::RULE,
    &unknown_field::RULE,
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

pub fn find(id: &str) -> Option<&'static RuleDef> {
    RULES
        .iter()
        .copied()
        .find(|r| r.id == id)
        .or_else(|| extra_rules().iter().copied().find(|r| r.id == id))
}

/// Rules that live outside this registry (the readers' extraction and prose rules), so that
/// `rules()` lists them and options can name them.
pub fn extra_rules() -> &'static [&'static RuleDef] {
    #[cfg(feature = "readers")]
    {
        crate::readers::RULES
    }
    #[cfg(not(feature = "readers"))]
    {
        &[]
    }
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

    /// A diagnostic of `rule` at a cell, with the rule's default severity.
    pub fn diag(&self, rule: &RuleDef, path: impl Into<String>, message: String) -> Diagnostic {
        Diagnostic::new(rule.id, rule.severity, path, message)
    }
}

/// Run every rule on a decoded report.
pub fn run(report: &Report, options: &Options) -> Vec<Diagnostic> {
    let ctx = Context::new(report, options);
    let mut out = Vec::new();
    for rule in RULES {
        if !options.is_off(rule.id) {
            (rule.check)(&ctx, &mut out);
        }
    }
    locate::merge_culprits(&ctx, &mut out);
    // The prose rules read `sections`, wherever the report came from.
    #[cfg(feature = "readers")]
    out.extend(crate::readers::rules::run_prose(report, options));
    finish(&mut out, options);
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
    sort_by_key(out, rank);
}

/// A stable merge sort by a key computed once per element. Small in the wasm (std's sorts add
/// kilobytes) and O(n log n), so a report with 100,000 unknown keys still sorts at once.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut a, mut b) = (start, mid);
            for slot in &mut merged[start..end] {
                // Ties take the left run first: stable.
                let take_b = a >= mid || (b < end && keys[order[b]] < keys[order[a]]);
                *slot = if take_b { order[b] } else { order[a] };
                if take_b {
                    b += 1;
                } else {
                    a += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| items[i].take()));
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn merge_sort_is_stable_and_sorts() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        super::sort_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            vec![
                (0, 5),
                (1, 1),
                (1, 3),
                (1, 7),
                (2, 2),
                (2, 6),
                (3, 0),
                (3, 4)
            ]
        );
        let mut big: Vec<u32> = (0..10_000).rev().collect();
        super::sort_by_key(&mut big, |&x| x);
        assert!(big.windows(2).all(|w| w[0] < w[1]));
    }
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
        let rule = super::find(id).unwrap();
        let mut out = Vec::new();
        (rule.check)(&ctx, &mut out);
        out
    }

    pub fn check(id: &str, doc: &Value) -> Vec<Diagnostic> {
        run_rule(id, doc, &Options::default())
    }
}
