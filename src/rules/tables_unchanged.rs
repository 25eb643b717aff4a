//! `tables-unchanged` (warning): tables 二, 三 and 四 equal last year's report (`previous`) cell
//! for cell: every cell of the catalogue in the same state in both (the same number, both blank,
//! both absent), at least nine in ten of the layout's cells holding numbers (a form half filled
//! in says nothing yet; a 2021 report printing the single 2019 （六） row still counts), and at
//! least three numbers other than 0 (an office with nothing to report prints the same zeros
//! every year).
//!
//! Why: 内容雷同 is what review circulars name most; a real 2010 report repeated three years of
//! figures. Identical tables with real figures in them are almost never a coincidence.
//!
//! Example: a 2024 report whose tables all equal the 2023 report's → 与上年报告完全相同.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::CellState;

pub static RULE: RuleDef = RuleDef {
    id: "tables-unchanged",
    severity: Severity::Warning,
    description: Label::new(
        "表二、表三、表四与上年报告完全相同",
        "tables 2, 3 and 4 equal last year's, cell for cell",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = ctx.previous() else {
        return;
    };
    if prev.format != ctx.format() {
        return;
    }
    let (mut numbers, mut non_zero) = (0, 0);
    for (a, b) in ctx.report.cells.iter().zip(&prev.cells) {
        match (a, b) {
            (CellState::Value(x), CellState::Value(y)) if x == y => {
                numbers += 1;
                non_zero += usize::from(x.as_f64() != 0.0);
            }
            (CellState::Absent, CellState::Absent)
            | (CellState::Blank { .. }, CellState::Blank { .. }) => {}
            _ => return,
        }
    }
    let cells = ctx.layout.cells_of(ctx.format()).count();
    if non_zero < 3 || numbers * 10 < cells * 9 {
        return;
    }
    let year = prev.year.map_or(0, i64::from);
    let message = if ctx.zh() {
        text!("表二、表三、表四的全部数字与上年（{year} 年度）报告完全相同，请核对是否沿用了上年数据。", year)
    } else {
        text!("Tables 2, 3 and 4 equal last year's ({year}) report cell for cell: check that last year's figures were not reused.", year)
    };
    let mut d = ctx.diag(&RULE, "", message);
    d.related = vec![
        "/proactive".into(),
        "/applications".into(),
        "/reviewLitigation".into(),
    ];
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{run_rule, sample, set, with_previous};
    use serde_json::{json, Value};

    /// Last year's report: this year's tables under last year's number.
    fn last_year(this: &Value) -> Value {
        let mut prev = this.clone();
        set(&mut prev, "/year", json!(2023));
        prev
    }

    #[test]
    fn warns_when_every_cell_repeats_last_year() {
        let this = sample("2024");
        let d = run_rule(
            "tables-unchanged",
            &this,
            &with_previous(&last_year(&this), "zh-CN"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "");
        assert_eq!(
            d[0].message,
            "表二、表三、表四的全部数字与上年（2023 年度）报告完全相同，请核对是否沿用了上年数据。"
        );
        let d = run_rule(
            "tables-unchanged",
            &this,
            &with_previous(&last_year(&this), "en"),
        );
        assert!(d[0]
            .message
            .starts_with("Tables 2, 3 and 4 equal last year's (2023) report"));
    }

    #[test]
    fn passes_when_one_cell_differs_or_only_zeros_repeat() {
        let this = sample("2024");
        let mut prev = last_year(&this);
        set(&mut prev, "/proactive/licensing/decisions", json!(447227));
        assert!(run_rule("tables-unchanged", &this, &with_previous(&prev, "zh-CN")).is_empty());
        // Two years of nothing to report.
        let zeros = |year| {
            let mut doc = sample("2024");
            set(&mut doc, "/year", json!(year));
            crate::model::layout::layout()
                .cells_of(crate::model::Format::F2021)
                .for_each(|(_, c)| *doc.pointer_mut(&c.path).unwrap() = json!(0));
            doc
        };
        assert!(run_rule(
            "tables-unchanged",
            &zeros(2024),
            &with_previous(&zeros(2023), "zh-CN")
        )
        .is_empty());
        // Not last year's: 2021's equal tables say nothing of 2024.
        let mut old = last_year(&this);
        set(&mut old, "/year", json!(2021));
        assert!(run_rule("tables-unchanged", &this, &with_previous(&old, "zh-CN")).is_empty());
        // A form half filled in: not every cell yet.
        let mut partial = this.clone();
        partial["reviewLitigation"]
            .as_object_mut()
            .unwrap()
            .remove("review");
        assert!(run_rule(
            "tables-unchanged",
            &partial,
            &with_previous(&last_year(&this), "zh-CN")
        )
        .is_empty());
    }
}
