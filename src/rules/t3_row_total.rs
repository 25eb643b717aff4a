//! `t3-row-total`: in every row of table 三, 总计 = 自然人 + the five 法人或其他组织 columns.
//!
//! Why: the 总计 column is what the prose and the supervising office quote; a row whose parts
//! do not add up to it is wrong somewhere (format.md R3-4).
//!
//! Example: 一、本年新收 = 20 | 0 | 0 | 0 | 0 | 1 | 20 → 「总计」列应为 21.

use crate::prelude::*;

use super::arith::sum_finding;
use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Label, T3_ROWS, T3_TOTAL_COL};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "t3-row-total";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "表三每行：总计 = 自然人 + 法人或其他组织各列",
        "table 3, each row: total = natural persons + the five organisation columns",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let l = ctx.layout;
    let what = Label::new(
        "自然人与法人或其他组织各列之和",
        "the sum of the applicant columns",
    );
    for (r, row) in T3_ROWS.iter().enumerate() {
        if !row.formats.has(ctx.format()) {
            continue;
        }
        let parts: [u16; T3_TOTAL_COL] = core::array::from_fn(|c| l.t3(r, c));
        out.extend(sum_finding(ctx, &RULE, l.t3(r, T3_TOTAL_COL), &parts, what));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_consistent_rows() {
        assert!(check("t3-row-total", &sample("2020")).is_empty());
        assert!(check("t3-row-total", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_at_the_total_with_expected_and_actual() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/received/otherOrg", json!(1));
        let d = check("t3-row-total", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/received/total");
        assert_eq!(d[0].message, "表三「一、本年新收政府信息公开申请数量」行「总计」列应为 21（自然人与法人或其他组织各列之和），现为 20。");
        assert_eq!(serde_json::to_value(&d[0]).unwrap()["expected"], json!(21));
        assert_eq!(d[0].related.len(), 6);
    }

    #[cfg(feature = "readers")] // blanks as 0: the full build
    #[test]
    fn a_blank_total_that_cannot_be_0_is_the_error_at_that_cell() {
        // A published page (blanks count as 0) leaves 总计 blank in a row whose cells add to
        // 1362: one error, at the blank, under this rule, even with blank-cell off.
        let mut doc = sample("2024");
        set(&mut doc, "/applications/results/granted/total", json!(null));
        let o = crate::options::Options {
            blanks: Some(crate::options::Blanks::Zero),
            overrides: vec![("blank-cell", None)],
            ..crate::options::Options::default()
        };
        let d = crate::registry::run(&crate::model::decode::decode(&doc), &o);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/applications/results/granted/total");
        assert_eq!(d[0].expected, Some(crate::diagnostic::Num::Int(1362)));
        assert_eq!(d[0].actual, None);
        // The row total and the 总计 column's sum both pin it: one finding that says both.
        assert_eq!(d[0].rule, "t3-results-sum");
        assert_eq!(d[0].also_breaks, ["t3-row-total"]);
        assert_eq!(
            d[0].message,
            "表三「（一）予以公开」行「总计」列应为 1362，现为空：此格同时使本行总计和本列合计不成立，最可能是它填错了。"
        );
        // The row rule alone says what its sum is.
        let row = crate::rules::testing::run_rule("t3-row-total", &doc, &o);
        assert_eq!(
            row[0].message,
            "表三「（一）予以公开」行「总计」列应为 1362（自然人与法人或其他组织各列之和），现为空。"
        );
        // A blank part: what the total leaves for it.
        let mut doc = sample("2024");
        set(
            &mut doc,
            "/applications/results/granted/legalService",
            json!("—"),
        );
        let row = crate::rules::testing::run_rule("t3-row-total", &doc, &o);
        assert_eq!(row[0].path, "/applications/results/granted/legalService");
        assert_eq!(row[0].input.as_deref(), Some("—"));
        assert_eq!(
            row[0].message,
            "表三「（一）予以公开」行「法人或其他组织·法律服务机构」列应为 50（本行总计减去其余各列），现为空。"
        );
    }

    #[test]
    fn skips_rows_with_blanks() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/received/natural", json!(null));
        set(&mut doc, "/applications/received/total", json!(99));
        assert!(check("t3-row-total", &doc).is_empty());
    }
}
