//! `ambiguous-cells`: a row whose separators were lost (`110000011` for seven cells) splits in
//! more than one way that satisfies the table's sums; the cells are left unread.
//!
//! Why: the reader never guesses silently; both splits are shown so the user can pick.
//!
//! Example: 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both add up → 无法确定.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "ambiguous-cells",
    severity: Severity::Error,
    description: Label::new(
        "单元格之间缺少分隔，且有多种拆分都符合表内合计",
        "cells printed without separators split in more than one valid way",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn fires_when_two_splits_add_up() {
        // Real numbers (11 natural persons) with every separator lost; 四 and （七） are also
        // glued the same way, so the column sums cannot decide either.
        let text = crate::readers::testing::SAMPLE_TXT
            .replace(
                "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
                "一、本年新收政府信息公开申请数量 110000011",
            )
            .replace(
                "(七)总计 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
                "(七)总计 110000011",
            );
        let p = parse(&text, &ParseOptions::default());
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "ambiguous-cells")
            .collect();
        assert_eq!(d.len(), 2, "{:?}", p.diagnostics);
        assert!(d[0].message.contains("11|0|0|0|0|0|11"));
        assert!(d[0].message.contains("1|10|0|0|0|0|11"));
        assert_eq!(
            p.report.cell(crate::model::layout::layout().t3(0, 0)),
            &crate::model::CellState::Absent
        );
    }

    #[test]
    fn quiet_on_a_full_report() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(p.diagnostics.iter().all(|d| d.rule != "ambiguous-cells"));
    }
}
