//! `unreadable-cell`: cells that were found but could not be read: a row with fewer numbers than
//! cells and no way to tell which cells they belong to, table 四 without its row of 15 numbers,
//! or a table whose columns cannot be told with certainty (a header that does not match the
//! rows under it).
//!
//! Why: a merged-cell rendering that keeps only some cells (岳阳 2019: `3 |` `3 |` then empty
//! runs for a row of seven) must not be guessed into columns; a wrong guess is a confident
//! false error.
//!
//! Example: `一、本年新收政府信息公开申请数量 | 3 | 3` → 找到 2 个数，应有 7 个.

use super::{extraction, no_check};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::{layout, CellId, Label};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "unreadable-cell";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "找到了表格行，但其中的数据无法读取",
        "a row was found but its values could not be read",
    ),
    check: no_check,
};

/// Why cells could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A row with `found` numbers where it has `expected` cells.
    Count { found: usize, expected: usize },
    /// Table 四: its heading, but no row of its 15 numbers.
    Table4,
    /// Table 三's columns: the header does not tell them, and the rows' sums do not agree with
    /// the order the header suggests.
    Columns,
}

/// The finding for the cells `ids` (a row, or a whole table), with what was seen (`excerpt`
/// is in `at`).
pub fn finding(ids: &[CellId], why: Why, zh: bool, at: Option<Location>) -> Diagnostic {
    let l = layout();
    let Some(c) = ids.first().map(|&i| l.cell(i)) else {
        return extraction(&RULE, String::new(), ids, String::new(), at);
    };
    let ex = at
        .as_ref()
        .and_then(|a| a.excerpt.clone())
        .unwrap_or_default();
    let (path, message) = match (why, zh) {
        (Why::Count { found, expected }, true) => (
            row_of(&c.path),
            format!("{}的数据无法读取：找到 {found} 个数，应有 {expected} 个（「{ex}」）。请核对原文，或手工填写该行。", c.row_name_zh),
        ),
        (Why::Count { found, expected }, false) => (
            row_of(&c.path),
            format!("The values of {} could not be read: found {found} numbers where {expected} cells are expected (\"{ex}\"). Check the source or enter the row by hand.", c.row_name_en),
        ),
        (Why::Table4, true) => (
            "/reviewLitigation".to_string(),
            "表四的 15 个数据（行政复议、行政诉讼各栏）未能读取：找到了表头，但没有一行恰好 15 个数。请核对原文。".to_string(),
        ),
        (Why::Table4, false) => (
            "/reviewLitigation".to_string(),
            "The 15 values of table 4 (review and litigation) could not be read: the heading was found but no row of exactly 15 numbers. Check the source.".to_string(),
        ),
        (Why::Columns, true) => (
            "/applications".to_string(),
            "表三的列无法确定：表头与下面各行的列数不一致，按表头的列序，各行的「总计」也不等于其余各列之和。请核对原文，或手工填写表三。".to_string(),
        ),
        (Why::Columns, false) => (
            "/applications".to_string(),
            "The columns of table 3 cannot be told: the header does not match the rows under it, and in the header's order the rows' totals do not add up. Check the source or enter table 3 by hand.".to_string(),
        ),
    };
    extraction(&RULE, path, ids, message, at)
}

fn row_of(path: &str) -> String {
    path.rsplit_once('/')
        .map_or(path.to_string(), |(r, _)| r.to_string())
}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn fires_on_a_short_row_with_its_line() {
        let text = crate::readers::testing::SAMPLE_TXT.replace(
            "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
            "一、本年新收政府信息公开申请数量 |\n3 |\n3 |",
        );
        let p = parse(&text, &ParseOptions::default());
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "unreadable-cell")
            .collect();
        assert_eq!(d.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(d[0].path, "/applications/received");
        let loc = d[0].location.as_ref().unwrap();
        assert!(loc.line.is_some());
        assert!(loc.excerpt.as_deref().unwrap().contains("3 | 3"));
    }

    #[test]
    fn quiet_on_a_full_report() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(p.diagnostics.iter().all(|d| d.rule != "unreadable-cell"));
    }
}
