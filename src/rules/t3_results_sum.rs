//! `t3-results-sum`: in every column of table 三, （七）总计 = the sum of every result sub-row
//! （一）…（六）. The 2019 single （六） row and the 2021 three sub-rows stand in for each other.
//!
//! Why: result categories are mutually exclusive (a partly disclosed application counts only
//! under （二）), so the results must add up to their total (format.md R3-2, R3-3). A break here
//! is usually a typo in one sub-row.
//!
//! Example: 自然人 column results 12 + 5 + 1 + 2 = 20, but （七）总计 says 26 → 应为 20.

use crate::prelude::*;

use super::arith::sum_finding;
use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Label, Layout, T3Role, T3_COLUMNS, T3_ROWS};
use crate::model::Format;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "t3-results-sum";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "表三每列：（七）总计 = 各项办理结果之和",
        "table 3, each column: (7) total = the sum of all results",
    ),
    check,
};

/// Result rows to add up: the report's own layout, unless it used the other layout's （六）.
fn result_rows(ctx: &Context) -> Vec<usize> {
    let own: Vec<usize> = Layout::t3_result_rows(ctx.format()).collect();
    let other_handling = |f: Format| -> Vec<usize> {
        T3_ROWS
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.key.starts_with("results/otherHandling")
                    && r.formats == crate::model::layout::Formats::Only(f)
            })
            .map(|(i, _)| i)
            .collect()
    };
    let present = |rows: &[usize]| {
        rows.iter().any(|&r| {
            (0..T3_COLUMNS.len()).any(|c| ctx.report.cell(ctx.layout.t3(r, c)).is_present())
        })
    };
    let mine = other_handling(ctx.format());
    let theirs = other_handling(ctx.format().other());
    if !present(&mine) && present(&theirs) {
        own.into_iter()
            .filter(|r| !mine.contains(r))
            .chain(theirs)
            .collect()
    } else {
        own
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let l = ctx.layout;
    let total_row = Layout::t3_row_of_role(T3Role::ResultsTotal);
    let rows = result_rows(ctx);
    let what = Label::new("各项办理结果之和", "the sum of all results");
    let mut parts = Vec::with_capacity(rows.len());
    for c in 0..T3_COLUMNS.len() {
        parts.clear();
        parts.extend(rows.iter().map(|&r| l.t3(r, c)));
        out.extend(sum_finding(ctx, &RULE, l.t3(total_row, c), &parts, what));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_in_both_layouts() {
        assert!(check("t3-results-sum", &sample("2020")).is_empty());
        assert!(check("t3-results-sum", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_at_the_results_total() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/results/total/natural", json!(26));
        let d = check("t3-results-sum", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "表三「（七）总计」行「自然人」列应为 20（各项办理结果之和），现为 26。"
        );
        assert_eq!(d[0].related.len(), 19);
    }

    #[test]
    fn single_other_handling_row_stands_in_for_2021_sub_rows() {
        let mut doc = sample("2024");
        let row = json!({"natural": 181, "commercial": 5, "research": 0, "socialWelfare": 0, "legalService": 1, "otherOrg": 0, "total": 187});
        set(&mut doc, "/applications/results/otherHandling", row);
        assert!(check("t3-results-sum", &doc).is_empty());
        set(
            &mut doc,
            "/applications/results/otherHandling/natural",
            json!(180),
        );
        assert_eq!(
            check("t3-results-sum", &doc)[0].path,
            "/applications/results/total/natural"
        );
    }
}
