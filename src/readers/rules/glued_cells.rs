//! `glued-cells` (info): a row printed without separators between its cells was split back
//! into cells, because exactly one split satisfies the table's sums (row total, column sums,
//! 一 + 二 = （七） + 四).
//!
//! Why: the value was recovered, not read; the user is told so and can check the source.
//!
//! Example: `一、本年新收政府信息公开申请数量200 000121` → 20|0|0|0|0|1|21.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "glued-cells",
    severity: Severity::Info,
    description: Label::new(
        "单元格之间缺少分隔，已按表内合计唯一拆分",
        "cells printed without separators were split back by the table's sums",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::model::layout::layout;
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn recovers_by_the_row_total() {
        let text = crate::readers::testing::SAMPLE_TXT.replace(
            "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
            "一、本年新收政府信息公开申请数量200 000121",
        );
        let p = parse(&text, &ParseOptions::default());
        let row: Vec<_> = (0..7)
            .map(|c| p.report.int(layout().t3(0, c)).unwrap())
            .collect();
        assert_eq!(row, [20, 0, 0, 0, 0, 1, 21]);
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "glued-cells")
            .collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("20|0|0|0|0|1|21"));
    }

    #[test]
    fn recovers_by_the_balance_rule() {
        // 110000011 splits two ways by the row total; 一 + 二 = （七） + 四 decides: 11.
        let text = crate::readers::testing::SAMPLE_TXT
            .replace(
                "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
                "一、本年新收政府信息公开申请数量 110000011",
            )
            .replace(
                "(七)总计 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
                "(七)总计 | 11 | 0 | 0 | 0 | 0 | 0 | 11 |",
            );
        let p = parse(&text, &ParseOptions::default());
        let row: Vec<_> = (0..7).map(|c| p.report.int(layout().t3(0, c))).collect();
        assert_eq!(row, [11, 0, 0, 0, 0, 0, 11].map(Some));
        assert!(p.diagnostics.iter().any(|d| d.rule == "glued-cells"));
        assert!(p.diagnostics.iter().all(|d| d.rule != "ambiguous-cells"));
    }

    #[test]
    fn quiet_on_a_full_report() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(p.diagnostics.iter().all(|d| d.rule != "glued-cells"));
    }
}
