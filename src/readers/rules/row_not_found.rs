//! `row-not-found`: rows of a table that was found, whose labels the reader could not find (the
//! page was cut off, or a label is too far from the format's wording). One finding per table,
//! listing every row not found: a page cut off after its first rows is one finding, not 25.
//!
//! Why: the cells of those rows are unknown; the arithmetic rules skip them, and the user learns
//! which rows to check, with the place where the table starts.
//!
//! Example: an excerpt that ends after （一）予以公开 → 表三有 24 行未找到：（二）部分公开、….

use super::{extraction, no_check};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::{layout, CellId, Label, TableId};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "row-not-found";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "读取时未找到表格中的某些行",
        "rows of a table could not be found in the document",
    ),
    check: no_check,
};

/// Rows named in a message before "…": enough to tell what is missing, short enough to read.
const NAMED: usize = 6;

/// What a row is called inside its message (the text between 「 and 」 of its row name).
fn inner(name: &str, open: char, close: char) -> &str {
    let a = name.find(open).map_or(0, |i| i + open.len_utf8());
    let b = name.rfind(close).filter(|&b| b >= a).unwrap_or(name.len());
    name.get(a..b).unwrap_or(name)
}

/// The first rows' names, and "…" for the rest.
fn names(rows: &[Vec<CellId>], zh: bool) -> String {
    let l = layout();
    let names: Vec<&str> = rows
        .iter()
        .take(NAMED)
        .filter_map(|r| r.first().map(|&c| l.cell(c)))
        .map(|c| {
            if zh {
                inner(&c.row_name_zh, '「', '」')
            } else {
                inner(&c.row_name_en, '"', '"')
            }
        })
        .collect();
    let (sep, more) = if zh { ("、", " 等") } else { (", ", ", …") };
    let more = if rows.len() > NAMED { more } else { "" };
    format!("{}{more}", crate::messages::join(&names, sep))
}

/// The one finding for the rows of `table` not found: `rows` holds each missing row's cells,
/// in the order of the form; `at` is where the table starts.
pub fn finding(table: TableId, rows: &[Vec<CellId>], zh: bool, at: Option<Location>) -> Diagnostic {
    let l = layout();
    let first = |r: &Vec<CellId>| r.first().map(|&c| l.cell(c));
    let row_path = |r: &Vec<CellId>| {
        first(r).map_or(String::new(), |c| {
            c.path
                .rsplit_once('/')
                .map_or(c.path.clone(), |(p, _)| p.to_string())
        })
    };
    let related: Vec<CellId> = rows.iter().flatten().copied().collect();
    let message = match (rows, zh) {
        ([one], true) => format!(
            "未找到{}（表格中没有可识别的该行标签）。",
            first(one).map_or("", |c| c.row_name_zh.as_str())
        ),
        ([one], false) => format!(
            "{} was not found (no label of it could be recognised in the table).",
            crate::messages::cap(first(one).map_or("", |c| c.row_name_en.as_str()))
        ),
        (_, true) => format!(
            "{}有 {} 行未找到：{}（表格中没有可识别的这些行标签，原文可能不完整）。",
            table.short().zh,
            rows.len(),
            names(rows, true)
        ),
        (_, false) => format!(
            "{} rows of {} were not found: {} (no label of them could be recognised; the text may be incomplete).",
            rows.len(),
            table.short().en,
            names(rows, false)
        ),
    };
    let path = match rows {
        [one] => row_path(one),
        _ => format!("/{}", table.key()),
    };
    extraction(&RULE, path, &related, message, at)
}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn one_finding_lists_the_rows_after_a_cut() {
        let text = crate::readers::testing::SAMPLE_TXT;
        let cut = text.find("(二)部分公开").unwrap();
        let p = parse(&text[..cut], &ParseOptions::default());
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "row-not-found")
            .collect();
        assert_eq!(d.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(d[0].path, "/applications");
        // The 20 rows of the 2019 layout after （一）, seven cells each.
        assert_eq!(d[0].related.len(), 20 * 7);
        assert_eq!(
            d[0].related[0],
            "/applications/results/partiallyGranted/natural"
        );
        assert_eq!(
            d[0].message,
            "表三有 20 行未找到：（二）部分公开、（三）不予公开 1.属于国家秘密、（三）不予公开 2.其他法律行政法规禁止公开、（三）不予公开 3.危及“三安全一稳定”、（三）不予公开 4.保护第三方合法权益、（三）不予公开 5.属于三类内部事务信息 等（表格中没有可识别的这些行标签，原文可能不完整）。"
        );
        assert!(d[0].location.as_ref().is_some_and(|l| l.line.is_some()));
        assert!(p
            .diagnostics
            .iter()
            .any(|d| d.rule == "table-not-found" && d.path == "/reviewLitigation"));
        // The rows before the cut were read.
        assert_eq!(
            p.report.int(crate::model::layout::layout().t3(2, 0)),
            Some(12)
        );
        // One row missing: named at its own pointer.
        let one = text.replace(
            "二、上年结转政府信息公开申请数量",
            "二、上年（此行标签印错）",
        );
        let p = parse(&one, &ParseOptions::default());
        let d: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "row-not-found")
            .collect();
        assert_eq!(d.len(), 1, "{:?}", p.diagnostics);
        assert_eq!(d[0].path, "/applications/carriedOver");
        assert_eq!(
            d[0].message,
            "未找到表三「二、上年结转政府信息公开申请数量」行（表格中没有可识别的该行标签）。"
        );
    }

    #[test]
    fn quiet_on_a_full_report() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }
}
