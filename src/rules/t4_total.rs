//! `t4-total`: in each block of table 四 (行政复议; 行政诉讼 未经复议直接起诉; 复议后起诉),
//! 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
//!
//! Why: the prose quotes these totals (行政复议 N 件); a 0 printed as the total of a block with
//! cases in it is a real published error (洪泽区 2023).
//!
//! Example: 行政复议 10 | 1 | 0 | 0 | 0 → 「总计」应为 11.

use crate::prelude::*;

use super::arith::sum_finding;
use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Label, T4_BLOCKS, T4_TOTAL_COL};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "t4-total";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "表四各栏：总计 = 维持 + 纠正 + 其他 + 尚未审结",
        "table 4, each block: total = upheld + corrected + other + pending",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let l = ctx.layout;
    let what = Label::new(
        "结果维持、结果纠正、其他结果、尚未审结之和",
        "upheld + corrected + other + pending",
    );
    for b in 0..T4_BLOCKS.len() {
        let parts: Vec<u16> = (0..T4_TOTAL_COL).map(|c| l.t4(b, c)).collect();
        out.extend(sum_finding(ctx, &RULE, l.t4(b, T4_TOTAL_COL), &parts, what));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_consistent_blocks() {
        assert!(check("t4-total", &sample("2020")).is_empty());
        assert!(check("t4-total", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_on_a_zero_total() {
        let mut doc = sample("2024");
        set(
            &mut doc,
            "/reviewLitigation/review",
            json!({"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}),
        );
        let d = check("t4-total", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/reviewLitigation/review/total");
        assert_eq!(d[0].message, "表四「行政复议」的「总计」应为 11（结果维持、结果纠正、其他结果、尚未审结之和），现为 0。");
    }
}
