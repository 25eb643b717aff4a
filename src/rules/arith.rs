//! Arithmetic shared by the sum rules: `Σ parts = total` over cells that hold numbers, and the
//! equation kept with each failing diagnostic so that `locate` can find the culprit cell.

use crate::prelude::*;

use super::{Context, RuleDef};
pub use crate::diagnostic::Equation;
use crate::diagnostic::{Diagnostic, Num};
use crate::model::layout::CellId;
use crate::model::layout::Label;

/// Integer values of all `cells`, or `None` if any is blank, invalid or absent (then the rule
/// is skipped, never guessed).
pub fn values(ctx: &Context, cells: &[CellId]) -> Option<Vec<i64>> {
    cells.iter().map(|&c| ctx.report.int(c)).collect()
}

/// Check `Σ parts = total`. Returns (expected total, actual total, equation) when it fails.
pub fn sum_check(ctx: &Context, total: CellId, parts: &[CellId]) -> Option<(i64, i64, Equation)> {
    let actual = ctx.report.int(total)?;
    let mut expected: i64 = 0;
    for &p in parts {
        expected += ctx.report.int(p)?;
    }
    if expected == actual {
        return None;
    }
    let mut terms: Vec<(CellId, i64)> = parts.iter().map(|&c| (c, 1)).collect();
    terms.push((total, -1));
    Some((
        expected,
        actual,
        Equation {
            terms,
            residual: expected - actual,
        },
    ))
}

/// The finding of a sum rule when `Σ parts = total` fails: at the total, with the sum as
/// `expected`, the parts as `related` and the equation kept for `locate`. `what` says in both
/// languages what the parts are, e.g. 各项办理结果之和.
pub fn sum_finding(
    ctx: &Context,
    rule: &RuleDef,
    total: CellId,
    parts: &[CellId],
    what: Label,
) -> Option<Diagnostic> {
    let (expected, actual, eq) = sum_check(ctx, total, parts)?;
    let message = if ctx.zh() {
        format!(
            "{}应为 {expected}（{}），现为 {actual}。",
            ctx.name(total),
            what.zh
        )
    } else {
        format!(
            "{} should be {expected} ({}), not {actual}.",
            crate::messages::cap(ctx.name(total)),
            what.en
        )
    };
    let mut d = ctx.diag(rule, ctx.path(total), message);
    d.related = parts.iter().map(|&c| ctx.path(c).to_string()).collect();
    d.expected = Some(Num::Int(expected));
    d.actual = Some(Num::Int(actual));
    d.equation = Some(eq);
    Some(d)
}
