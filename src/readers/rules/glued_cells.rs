//! `glued-cells` (info): a row printed without separators between its cells was split back
//! into cells, because exactly one split satisfies the table's sums (row total, column sums,
//! 一 + 二 = （七） + 四, table 四's block totals), the table taken as a whole.
//!
//! Why: the value was recovered, not read; the user is told so and can check the source. A page
//! whose every row ran together is told once per table, not once per row.
//!
//! Example: `一、本年新收政府信息公开申请数量200 000121` → 20|0|0|0|0|1|21.

use super::{extraction, no_check, show};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::{layout, CellId, Label};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "glued-cells";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Info,
    description: Label::new(
        "单元格之间缺少分隔，已按表内合计唯一拆分",
        "cells printed without separators were split back by the table's sums",
    ),
    check: no_check,
};

/// How a message names the row of `ids` (table 四: the whole table).
pub fn row_name(ids: &[CellId], zh: bool) -> String {
    let l = layout();
    match ids.first().map(|&i| l.cell(i)) {
        Some(c) if c.table == crate::model::TableId::ReviewLitigation => {
            (if zh { "表四" } else { "Table 4" }).to_string()
        }
        Some(c) if zh => c.row_name_zh.clone(),
        Some(c) => crate::messages::cap(&c.row_name_en),
        None => String::new(),
    }
}

/// A row split back: its cells, as printed, the one split, and where it was.
pub struct Split {
    pub ids: Vec<CellId>,
    pub printed: String,
    pub values: Vec<i64>,
    pub at: Option<Location>,
}

/// Rows named in a message that groups them.
const NAMED: usize = 3;

/// The findings for the rows of one table split back: one finding, or one for the table that
/// names the first few rows with their splits and lists every cell.
pub fn findings(
    table: crate::model::TableId,
    mut rows: Vec<Split>,
    zh: bool,
) -> Option<Diagnostic> {
    if rows.len() <= 1 {
        let r = rows.pop()?;
        return Some(finding(&r.ids, &r.printed, &r.values, zh, r.at));
    }
    let names: Vec<String> = rows
        .iter()
        .take(NAMED)
        .map(|r| {
            let name = row_name(&r.ids, zh);
            if zh {
                format!("{name}「{}」→ {}", r.printed, show(&r.values))
            } else {
                format!("{name} \"{}\" → {}", r.printed, show(&r.values))
            }
        })
        .collect();
    let message = if zh {
        format!(
            "{}有 {} 行的单元格之间缺少分隔，已按表内合计唯一拆分读取，如{}{}；请核对原文。",
            table.short().zh,
            rows.len(),
            crate::messages::join(&names, "，"),
            if rows.len() > NAMED { " 等" } else { "" }
        )
    } else {
        format!(
            "{} rows of {} were printed with the separators between cells lost and split back the one way the table's sums allow, e.g. {}{}; check the source.",
            rows.len(),
            table.short().en,
            crate::messages::join(&names, "; "),
            if rows.len() > NAMED { "; …" } else { "" }
        )
    };
    let cells: Vec<CellId> = rows.iter().flat_map(|r| r.ids.iter().copied()).collect();
    let at = rows.into_iter().next().and_then(|r| r.at);
    Some(extraction(
        &RULE,
        format!("/{}", table.key()),
        &cells,
        message,
        at,
    ))
}

/// The finding for the row `ids` printed as `printed`, read as `values` (the one split).
pub fn finding(
    ids: &[CellId],
    printed: &str,
    values: &[i64],
    zh: bool,
    at: Option<Location>,
) -> Diagnostic {
    let name = row_name(ids, zh);
    let message = if zh {
        format!("{name}印刷为「{printed}」，单元格之间缺少分隔；按表内合计唯一可拆分为 {}，已按此读取，请核对原文。", show(values))
    } else {
        format!("{name} is printed as \"{printed}\" with the separators between cells lost; the table's sums allow exactly one split, {}, which was used; check the source.", show(values))
    };
    let path = super::row_path(ids);
    extraction(&RULE, path, ids, message, at)
}

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
    fn a_table_that_ran_together_is_said_once() {
        // Three rows glued: one finding for table 三, naming them with their splits.
        let text = crate::readers::testing::SAMPLE_TXT
            .replace(
                "一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
                "一、本年新收政府信息公开申请数量200000020",
            )
            .replace(
                "(一)予以公开 | 12 | 0 | 0 | 0 | 0 | 0 | 12 |",
                "(一)予以公开120000012",
            )
            .replace(
                "1.本机关不掌握相关政府信息 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |",
                "1.本机关不掌握相关政府信息 5000 005",
            );
        let p = parse(&text, &ParseOptions::default());
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "glued-cells")
            .collect();
        assert_eq!(d.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(d[0].path, "/applications");
        assert_eq!(d[0].related.len(), 21);
        assert_eq!(
            d[0].message,
            "表三有 3 行的单元格之间缺少分隔，已按表内合计唯一拆分读取，如表三「一、本年新收政府信息公开申请数量」行「200000020」→ 20|0|0|0|0|0|20，表三「（一）予以公开」行「120000012」→ 12|0|0|0|0|0|12，表三「（四）无法提供 1.本机关不掌握相关政府信息」行「5000 005」→ 5|0|0|0|0|0|5；请核对原文。"
        );
        assert_eq!(p.report.int(layout().t3(12, 0)), Some(5));
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
