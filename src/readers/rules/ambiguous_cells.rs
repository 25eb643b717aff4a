//! `ambiguous-cells`: a row whose separators were lost (`110000011` for seven cells) splits in
//! more than one way that satisfies the table's sums, taken as a whole (row totals, column
//! sums, 一 + 二 = （七） + 四); the cells are left unread.
//!
//! Why: the reader never guesses silently; the splits are shown so the user can pick.
//!
//! Example: 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both add up → 无法确定.

use super::{extraction, glued_cells::row_name, no_check, show};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::{CellId, Label};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "ambiguous-cells";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "单元格之间缺少分隔，且有多种拆分都符合表内合计",
        "cells printed without separators split in more than one valid way",
    ),
    check: no_check,
};

/// Candidates shown in a message.
const SHOWN: usize = 3;

/// The finding for the row `ids` printed as `printed`, which `splits` (two or more) all fit.
pub fn finding(
    ids: &[CellId],
    printed: &str,
    splits: &[Vec<i64>],
    zh: bool,
    at: Option<Location>,
) -> Diagnostic {
    let name = row_name(ids, zh);
    let shown: Vec<String> = splits.iter().take(SHOWN).map(|v| show(v)).collect();
    let message = if zh {
        format!(
            "{name}印刷为「{printed}」，单元格之间缺少分隔，可拆分为 {} 等 {} 种，均符合表内合计，无法确定；请核对原文。",
            crate::messages::join(&shown, " 或 "),
            splits.len()
        )
    } else {
        format!(
            "{name} is printed as \"{printed}\" with the separators between cells lost; {} splits satisfy the table's sums ({}), so the cells cannot be told; check the source.",
            splits.len(),
            crate::messages::join(&shown, " or ")
        )
    };
    let path = super::row_path(ids);
    extraction(&RULE, path, ids, message, at)
}

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
