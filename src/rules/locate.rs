//! Locating the culprit. When a row-total rule and a column rule of table 三 fail through the
//! same cell, and every failing equation through that cell is mended by one and the same value
//! of it, that cell is almost surely the wrong one: the failures merge into one diagnostic at
//! that cell, with the value that satisfies them all.

use crate::prelude::*;

use super::Context;
use crate::diagnostic::{Diagnostic, Num};
use crate::model::layout::CellId;

const ROW_RULE: &str = super::t3_row_total::ID;
/// Column rules, in the order that picks the merged diagnostic's `rule`.
const COLUMN_RULES: [&str; 2] = [super::t3_results_sum::ID, super::t3_balance::ID];

pub fn merge_culprits(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let failing: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out[i].equation.is_some()
                && (out[i].rule == ROW_RULE || COLUMN_RULES.contains(&out[i].rule))
        })
        .collect();
    if failing.len() < 2 {
        return;
    }
    // A culprit lies on a failing row equation: only those cells are tried, in layout order.
    let mut candidates: Vec<CellId> = failing
        .iter()
        .filter(|&&i| out[i].rule == ROW_RULE)
        .filter_map(|&i| out[i].equation.as_ref())
        .flat_map(|e| e.cells())
        .collect();
    crate::base::sort::sort_by_key(&mut candidates, |&c| c);
    candidates.dedup();
    let mut consumed = vec![false; out.len()];
    let mut merged = Vec::new();
    for cell in candidates {
        let through: Vec<usize> = failing
            .iter()
            .copied()
            .filter(|&i| {
                out[i]
                    .equation
                    .as_ref()
                    .is_some_and(|e| e.cells().any(|c| c == cell))
            })
            .collect();
        let has_row = through.iter().any(|&i| out[i].rule == ROW_RULE);
        let has_col = through.iter().any(|&i| out[i].rule != ROW_RULE);
        if !has_row || !has_col || through.iter().any(|&i| consumed[i]) {
            continue;
        }
        let Some(current) = ctx.report.int(cell) else {
            continue;
        };
        let fixes: Vec<i64> = through
            .iter()
            .filter_map(|&i| out[i].equation.as_ref()?.solve_for(cell, current))
            .collect();
        let Some(&fix) = fixes.first() else {
            continue;
        };
        if fixes.len() != through.len() || fixes.iter().any(|&f| f != fix) || fix < 0 {
            continue;
        }
        for &i in &through {
            consumed[i] = true;
        }
        merged.push(culprit(
            ctx,
            cell,
            current,
            fix,
            through.iter().map(|&i| &out[i]),
        ));
    }
    if merged.is_empty() {
        return;
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !consumed[i - 1]
    });
    out.extend(merged);
}

fn culprit<'a>(
    ctx: &Context,
    cell: CellId,
    current: i64,
    fix: i64,
    diags: impl Iterator<Item = &'a Diagnostic>,
) -> Diagnostic {
    let diags: Vec<&Diagnostic> = diags.collect();
    let mut rules: Vec<&'static str> = diags.iter().map(|d| d.rule).collect();
    let order = |r: &&str| {
        COLUMN_RULES
            .iter()
            .position(|c| c == r)
            .unwrap_or(COLUMN_RULES.len())
    };
    crate::base::sort::sort_by_key(&mut rules, order);
    rules.dedup();
    let mut related: Vec<CellId> = diags
        .iter()
        .filter_map(|d| d.equation.as_ref())
        .flat_map(|e| e.cells())
        .filter(|&c| c != cell)
        .collect();
    crate::base::sort::sort_by_key(&mut related, |&c| c);
    related.dedup();
    let message = if ctx.zh() {
        format!(
            "{}应为 {fix}，现为 {current}：此格同时使本行总计和本列合计不成立，最可能是它填错了。",
            ctx.name(cell)
        )
    } else {
        format!(
            "{} should be {fix}, not {current}: this one cell breaks both its row total and its column sums, so it is most likely the wrong one.",
            crate::messages::cap(ctx.name(cell))
        )
    };
    let first = diags.iter().find(|d| d.rule == rules[0]).copied();
    let mut d = Diagnostic::new(
        rules[0],
        first.map_or(crate::diagnostic::Severity::Error, |d| d.severity),
        ctx.path(cell),
        message,
    );
    d.related = related.iter().map(|&c| ctx.path(c).to_string()).collect();
    d.expected = Some(Num::Int(fix));
    d.actual = Some(Num::Int(current));
    d.also_breaks = rules[1..].to_vec();
    d
}
