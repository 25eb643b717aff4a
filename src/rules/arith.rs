//! Arithmetic shared by the sum rules: `Σ parts = total` over cells that hold numbers, and the
//! equation kept with each failing diagnostic so that `locate` can find the culprit cell.
//!
//! Blanks: with `blanks: "zero"` (published reports) a blank counts as 0, so that a page that
//! prints every zero as an empty cell is still checked. A failing sum whose only blank can mend
//! it is that blank's error (「…为空，按…应为 272」): the arithmetic proves the blank is not 0.
//! With several blanks the sum can only say they cannot all be 0. With `blanks: "strict"` a
//! blank stops the sum (it is not filled in yet).

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
pub use crate::diagnostic::Equation;
use crate::diagnostic::{Diagnostic, Num};
use crate::model::layout::CellId;
use crate::model::layout::Label;
use crate::model::CellState;

/// A cell's integer for the sums: its number, or 0 for a blank when blanks count as 0.
#[inline(always)]
pub fn int(ctx: &Context, c: CellId) -> Option<i64> {
    ctx.report.int(c).or_else(|| is_blank(ctx, c).then_some(0))
}

/// A blank that the sums count as 0.
pub fn is_blank(ctx: &Context, c: CellId) -> bool {
    ctx.blanks_zero() && matches!(ctx.report.cell(c), CellState::Blank { .. })
}

/// Integer values of all `cells`, or `None` if any is blank (in strict mode), invalid or
/// absent (then the rule is skipped, never guessed).
pub fn values(ctx: &Context, cells: &[CellId]) -> Option<Vec<i64>> {
    cells.iter().map(|&c| int(ctx, c)).collect()
}

/// Check `Σ parts = total`. Returns (expected total, actual total, equation) when it fails.
pub fn sum_check(ctx: &Context, total: CellId, parts: &[CellId]) -> Option<(i64, i64, Equation)> {
    let actual = int(ctx, total)?;
    let mut expected: i64 = 0;
    for &p in parts {
        expected += int(ctx, p)?;
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

/// What the blanks of a failing equation (counted as 0) say.
#[derive(Debug, PartialEq, Eq)]
pub enum Blanks {
    /// None of its cells is blank: an ordinary finding.
    None,
    /// Its one blank, which the equation pins to this non-zero value.
    One(CellId, i64),
    /// Several blanks that cannot all be 0 (which of them holds what is not told).
    Several(Vec<CellId>),
    /// Blanks that no non-negative value mends it with: an ordinary finding.
    Cannot,
}

/// The blanks of a failing equation. Only a blank whose term moves the sum towards balance
/// can mend it (the others would have to be negative); blanks stay 0 where they can, so one
/// such blank is pinned to what the sum lacks.
pub fn blanks(ctx: &Context, eq: &Equation) -> Blanks {
    if !ctx.blanks_zero() {
        // Strict (and always in the lite build): a blank stopped the sum before it got here.
        return Blanks::None;
    }
    let mut any = false;
    let mut menders: Vec<(CellId, i64)> = Vec::new();
    for &(c, k) in &eq.terms {
        if is_blank(ctx, c) {
            any = true;
            if k * eq.residual < 0 {
                menders.push((c, k));
            }
        }
    }
    match menders.as_slice() {
        _ if !any => Blanks::None,
        [] => Blanks::Cannot,
        [(c, _)] => match eq.solve_for(*c, 0) {
            Some(fix) if fix > 0 => Blanks::One(*c, fix),
            _ => Blanks::Cannot,
        },
        many => Blanks::Several(many.iter().map(|&(c, _)| c).collect()),
    }
}

/// The finding for several blanks of one failing equation: they cannot all be 0.
pub fn blank_several(
    ctx: &Context,
    rule: &RuleDef,
    cells: &[CellId],
    eq: Equation,
    why: Label,
) -> Diagnostic {
    let first = cells.first().copied().unwrap_or(0);
    let (n, off) = (cells.len(), eq.residual.abs());
    let message = if ctx.zh() {
        text!(
            "{}等 {n} 格为空，按{}不能都为 0（差 {off}）。",
            ctx.name(first),
            n,
            why.zh,
            off
        )
    } else {
        text!(
            "{} and {} more blank cells cannot all be 0: by {} they are {off} off.",
            crate::messages::cap(ctx.name(first)),
            n - 1,
            why.en,
            off
        )
    };
    let mut d = ctx.diag(rule, ctx.path(first), message);
    d.related = eq
        .cells()
        .filter(|&c| c != first)
        .map(|c| ctx.path(c).to_string())
        .collect();
    d.equation = Some(eq);
    d
}

/// What a blank cell held as printed (`—`, `/`), if anything.
pub fn blank_input(ctx: &Context, cell: CellId) -> Option<String> {
    match ctx.report.cell(cell) {
        CellState::Blank { input } => input.clone(),
        _ => None,
    }
}

/// How a blank part of a sum follows from its total, by the rule's sum.
fn part(rule: &RuleDef) -> Label {
    match rule.id {
        super::t3_row_total::ID => Label::new(
            "本行总计减去其余各列",
            "the row's total minus its other columns",
        ),
        super::t3_results_sum::ID => Label::new(
            "（七）总计减去其余各项",
            "(7) total minus the other results",
        ),
        _ => Label::new(
            "本栏总计减去其余各项",
            "the block's total minus its other columns",
        ),
    }
}

/// The finding of a sum rule when `Σ parts = total` fails: at the total, with the sum as
/// `expected`, the parts as `related` and the equation kept for `locate`. `what` says in both
/// languages what the parts are (各项办理结果之和). A blank the sum pins is reported at the
/// blank instead, 「…应为 272（…），现为空」 (see the module's note).
pub fn sum_finding(
    ctx: &Context,
    rule: &RuleDef,
    total: CellId,
    parts: &[CellId],
    what: Label,
) -> Option<Diagnostic> {
    let (expected, actual, eq) = sum_check(ctx, total, parts)?;
    let (at, fix, now, why) = match blanks(ctx, &eq) {
        Blanks::One(cell, fix) => (
            cell,
            fix,
            None,
            if cell == total { what } else { part(rule) },
        ),
        Blanks::Several(cells) => return Some(blank_several(ctx, rule, &cells, eq, what)),
        Blanks::None | Blanks::Cannot => (total, expected, Some(actual), what),
    };
    // The blank's sentence apart: it is never reached in the lite build, and left out of it.
    let name = ctx.name(at);
    let message = match (now, ctx.zh()) {
        (Some(a), true) => text!("{name}应为 {fix}（{}），现为 {a}。", name, fix, why.zh, a),
        (None, true) => text!("{name}应为 {fix}（{}），现为空。", name, fix, why.zh),
        (Some(a), false) => text!(
            "{} should be {fix} ({}), not {a}.",
            crate::messages::cap(name),
            fix,
            why.en,
            a
        ),
        (None, false) => text!(
            "{} should be {fix} ({}); it is blank.",
            crate::messages::cap(name),
            fix,
            why.en
        ),
    };
    let mut d = ctx.diag(rule, ctx.path(at), message);
    d.related = parts.iter().map(|&c| ctx.path(c).to_string()).collect();
    if at != total {
        // A blank part: the other parts and the total.
        d.related.retain(|p| p != ctx.path(at));
        d.related.push(ctx.path(total).to_string());
    }
    d.expected = Some(Num::Int(fix));
    match now {
        Some(a) => d.actual = Some(Num::Int(a)),
        None => d.input = blank_input(ctx, at),
    }
    d.equation = Some(eq);
    Some(d)
}
