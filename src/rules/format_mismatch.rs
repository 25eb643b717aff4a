//! `format-mismatch`: rows or columns of the other layout, e.g. the single 2019 （六）其他处理 row
//! in a 2021 report, or a 2021-layout report for a year before the 2021 format existed.
//!
//! Why: a hand-edited template mixes the two layouts; totals can still add up, but the report
//! does not follow the national format.
//!
//! Example: 2023 report with `results.otherHandling.natural` (one row) → 2021 年版格式应分为三行.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Formats, Label};
use crate::model::Format;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "format-mismatch";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "出现另一版格式的行或列",
        "rows or columns of the other layout",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let f = ctx.format();
    let other = f.other();
    if let (Some(year), Format::F2021) = (ctx.report.year, f) {
        if year <= 2020 {
            let year = i64::from(year);
            let message = if ctx.zh() {
                text!("{year} 年度报告不可能采用 2021 年版格式（该格式自 2021 年度报告起施行），请核对报告年度或格式。", year)
            } else {
                text!("A report for {year} cannot follow the 2021 format, which applies from the 2021 reports on; check the year or the format.", year)
            };
            out.push(ctx.diag(&RULE, "/format", message));
        }
    }
    // Foreign cells, grouped by row: one finding per row.
    let mut rows: Vec<(&str, Vec<u16>)> = Vec::new();
    for (i, c) in ctx.layout.cells.iter().enumerate() {
        if c.formats != Formats::Only(other) || !ctx.report.cells[i].is_present() {
            continue;
        }
        let row = crate::model::decode::split_pointer(&c.path).map_or("", |(p, _)| p);
        match rows.last_mut() {
            Some((r, ids)) if *r == row => ids.push(i as u16),
            _ => rows.push((row, vec![i as u16])),
        }
    }
    for (row, ids) in rows {
        let first = ctx.layout.cell(ids[0]);
        let whole_row = ctx
            .layout
            .cells
            .iter()
            .filter(|c| crate::model::decode::split_pointer(&c.path).map(|(p, _)| p) == Some(row))
            .all(|c| c.formats == Formats::Only(other));
        let is_other_handling = row == "/applications/results/otherHandling";
        let message = match (ctx.zh(), is_other_handling, f) {
            (true, true, Format::F2021) => "表三「（六）其他处理」填成了 2019 年版的单行；2021 年版格式应分为「1.申请人逾期不补正」「2.申请人逾期未缴费」「3.其他」三行。".to_string(),
            (false, true, Format::F2021) => "Table 3 row \"(6) Other handling\" is the single row of the 2019 layout; the 2021 format splits it into three rows (corrections not supplied, fee not paid, other).".to_string(),
            (true, true, Format::F2019) => "表三「（六）其他处理」按 2021 年版分成了三行；2019 年版格式只有一行。".to_string(),
            (false, true, Format::F2019) => "Table 3 row \"(6) Other handling\" is split into the three rows of the 2021 layout; the 2019 format has one row.".to_string(),
            (true, _, _) if whole_row => text!("{}属于 {} 年版格式，本报告采用 {} 年版格式。", first.row_name_zh, other.as_str(), f.as_str()),
            (false, _, _) if whole_row => text!("{} belongs to the {} layout, but this report follows the {} layout.", crate::messages::cap(&first.row_name_en), other.as_str(), f.as_str()),
            (zh, _, _) => {
                let cols: Vec<&str> = ids.iter().map(|&i| ctx.locale().pick(ctx.layout.cell(i).column)).collect();
                if zh {
                    text!("{}的「{}」列属于 {} 年版格式，本报告采用 {} 年版格式。", first.row_name_zh, crate::messages::join(&cols, "」「"), other.as_str(), f.as_str())
                } else {
                    text!("{}: the columns \"{}\" belong to the {} layout, but this report follows the {} layout.", crate::messages::cap(&first.row_name_en), crate::messages::join(&cols, "\", \""), other.as_str(), f.as_str())
                }
            }
        };
        let mut d = ctx.diag(&RULE, row, message);
        d.related = ids.iter().map(|&i| ctx.path(i).to_string()).collect();
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, remove, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_pure_layouts() {
        assert!(check("format-mismatch", &sample("2020")).is_empty());
        assert!(check("format-mismatch", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_on_single_other_handling_row_in_2021() {
        let mut doc = sample("2024");
        set(
            &mut doc,
            "/applications/results/otherHandling",
            json!({"natural": 0, "commercial": 0, "research": 0, "socialWelfare": 0, "legalService": 0, "otherOrg": 0, "total": 0}),
        );
        let d = check("format-mismatch", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/results/otherHandling");
        assert_eq!(d[0].related.len(), 7);
        assert!(d[0]
            .message
            .starts_with("表三「（六）其他处理」填成了 2019 年版的单行"));
    }

    #[test]
    fn fails_on_2021_columns_and_anachronism() {
        let mut doc = sample("2020");
        set(
            &mut doc,
            "/proactive/regulations",
            json!({"made": 0, "published": 0, "total": 0, "issued": 1}),
        );
        let d = check("format-mismatch", &doc);
        assert_eq!(d[0].path, "/proactive/regulations");
        assert_eq!(
            d[0].message,
            "表二「规章」行的「本年制发件数」列属于 2021 年版格式，本报告采用 2019 年版格式。"
        );
        let mut doc = sample("2024");
        set(&mut doc, "/year", json!(2020));
        remove(&mut doc, "/proactive/fees");
        assert_eq!(check("format-mismatch", &doc)[0].path, "/format");
    }
}
