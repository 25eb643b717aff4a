//! Locating the culprit. When a row-total rule and a column rule of table 三 fail through the
//! same cell, and every failing equation through that cell is mended by one and the same value
//! of it, that cell is almost surely the wrong one: the failures merge into one diagnostic at
//! that cell, with the value that satisfies them all.
//!
//! With blanks counted as 0, a blank is such a culprit like any cell (its message says it is
//! blank); a sum through several blanks that the pinned blanks mend is dropped, since those
//! blanks' own findings already say what they should hold.

use crate::prelude::*;

use super::arith::{self, Blanks};
use super::Context;
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Num};
use crate::model::layout::CellId;

const ROW_RULE: &str = super::t3_row_total::ID;
/// Column rules, in the order that picks the merged diagnostic's `rule`.
const COLUMN_RULES: [&str; 2] = [super::t3_results_sum::ID, super::t3_balance::ID];

pub fn merge_culprits(ctx: &Context, out: &mut Vec<Diagnostic>) {
    merge(ctx, out);
    if ctx.blanks_zero() {
        drop_explained(ctx, out);
    }
}

/// The blank a finding pins, if its equation pins one; `None` when it has no blank that can
/// mend it, and `Some(None)` when several could (such a finding pins no cell).
fn only_blank(ctx: &Context, d: &Diagnostic) -> Option<Option<CellId>> {
    match arith::blanks(ctx, d.equation.as_ref()?) {
        Blanks::One(c, _) => Some(Some(c)),
        Blanks::Several(_) => Some(None),
        Blanks::None | Blanks::Cannot => None,
    }
}

fn merge(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let failing: Vec<usize> = (0..out.len())
        .filter(|&i| {
            out[i].equation.is_some()
                && (out[i].rule == ROW_RULE || COLUMN_RULES.contains(&out[i].rule))
                && only_blank(ctx, &out[i]) != Some(None)
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
                    // A sum whose one blank is another cell pins that blank, not this cell.
                    && only_blank(ctx, &out[i]).is_none_or(|b| b == Some(cell))
            })
            .collect();
        let has_row = through.iter().any(|&i| out[i].rule == ROW_RULE);
        let has_col = through.iter().any(|&i| out[i].rule != ROW_RULE);
        if !has_row || !has_col || through.iter().any(|&i| consumed[i]) {
            continue;
        }
        let Some(current) = arith::int(ctx, cell) else {
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
    let blank = arith::is_blank(ctx, cell);
    let name = ctx.name(cell);
    // (A blank culprit only with blanks as 0: never in the lite build, which leaves it out.)
    let message = match (blank, ctx.zh()) {
        (false, true) => text!("{name}应为 {fix}，现为 {current}：此格同时使本行总计和本列合计不成立，最可能是它填错了。", name, fix, current),
        (true, true) => text!("{name}应为 {fix}，现为空：此格同时使本行总计和本列合计不成立，最可能是它填错了。", name, fix),
        (false, false) => text!("{} should be {fix}, not {current}: this one cell breaks both its row total and its column sums, so it is most likely the wrong one.", crate::messages::cap(name), fix, current),
        (true, false) => text!("{} should be {fix} and is blank: this one cell breaks both its row total and its column sums.", crate::messages::cap(name), fix),
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
    if blank {
        d.input = arith::blank_input(ctx, cell);
    } else {
        d.actual = Some(Num::Int(current));
    }
    d.also_breaks = rules[1..].to_vec();
    d
}

/// Drop the findings over several blanks that the blanks pinned elsewhere mend.
fn drop_explained(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let pinned: Vec<(CellId, i64)> = out
        .iter()
        .filter_map(|d| {
            let cell = ctx.layout.find(&d.path)?;
            let v = d.expected?.as_int()?;
            arith::is_blank(ctx, cell).then_some((cell, v))
        })
        .collect();
    if pinned.is_empty() {
        return;
    }
    out.retain(|d| {
        let Some(eq) = &d.equation else { return true };
        if !matches!(arith::blanks(ctx, eq), Blanks::Several(_)) {
            return true;
        }
        let mended: i64 = eq
            .terms
            .iter()
            .filter_map(|&(c, k)| pinned.iter().find(|p| p.0 == c).map(|p| k * p.1))
            .sum();
        eq.residual + mended != 0
    });
}

#[cfg(all(test, feature = "readers"))]
mod tests {
    use crate::options::{Blanks, Options};
    use crate::rules::testing::{sample, set};
    use serde_json::json;

    fn zero() -> Options {
        Options {
            blanks: Some(Blanks::Zero),
            ..Options::default()
        }
    }

    #[test]
    fn every_result_total_blank_gives_one_error_per_row_and_none_for_the_column() {
        // The 上海 2019 style: 总计 left blank on every result row. Each row's own total is
        // pinned by its cells; the 总计 column's sum over those blanks is then explained.
        let mut doc = sample("2024");
        let keys = [
            "granted",
            "partiallyGranted",
            "withheld/stateSecret",
            "unavailable/notHeld",
            "otherHandling/other",
        ];
        for k in keys {
            set(
                &mut doc,
                &format!("/applications/results/{k}/total"),
                json!(null),
            );
        }
        let d = crate::registry::run(&crate::model::decode::decode(&doc), &zero());
        let errors: Vec<_> = d
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .map(|d| (d.rule, d.path.as_str(), d.expected))
            .collect();
        let int = |v| Some(crate::diagnostic::Num::Int(v));
        assert_eq!(
            errors,
            [
                (
                    "t3-row-total",
                    "/applications/results/granted/total",
                    int(1362)
                ),
                (
                    "t3-row-total",
                    "/applications/results/partiallyGranted/total",
                    int(454)
                ),
                (
                    "t3-row-total",
                    "/applications/results/withheld/stateSecret/total",
                    int(2)
                ),
                (
                    "t3-row-total",
                    "/applications/results/unavailable/notHeld/total",
                    int(769)
                ),
                (
                    "t3-row-total",
                    "/applications/results/otherHandling/other/total",
                    int(110)
                ),
            ]
        );
    }

    #[test]
    fn several_blanks_that_cannot_all_be_0_are_said_once() {
        let mut doc = sample("2024");
        set(&mut doc, "/reviewLitigation/review/upheld", json!(null));
        set(&mut doc, "/reviewLitigation/review/corrected", json!(null));
        let d = crate::registry::run(&crate::model::decode::decode(&doc), &zero());
        let t4: Vec<_> = d.iter().filter(|d| d.rule == "t4-total").collect();
        assert_eq!(t4.len(), 1, "{d:?}");
        assert_eq!(t4[0].path, "/reviewLitigation/review/upheld");
        assert_eq!(t4[0].expected, None);
        assert_eq!(
            t4[0].message,
            "表四「行政复议」的「结果维持」等 2 格为空，按结果维持、结果纠正、其他结果、尚未审结之和不能都为 0（差 136）。"
        );
        // Strict (form data): blanks stop the sums.
        let strict = crate::registry::run(&crate::model::decode::decode(&doc), &Options::default());
        assert!(strict.iter().all(|d| d.rule != "t4-total"), "{strict:?}");
    }
}
