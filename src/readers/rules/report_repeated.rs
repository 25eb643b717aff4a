//! `report-repeated` (warning): the page holds the report's tables twice, and numbers of the
//! second copy differ from the first. The reader reads the first copy; this says which cells
//! the other copy has otherwise, with both numbers.
//!
//! Why: portals publish a page and its print version, or a draft left above the final text.
//! Where the copies agree, nothing is lost; where they differ, the figures read may not be the
//! ones published as final, and reading one copy silently would be a wrong number with no
//! diagnostic. Which copy is right is for a person to say.
//!
//! Example: table 三 printed twice, 本年新收 自然人 20 in the first copy and 25 in the second →
//! 页面上报告的表格出现了两次，第二份有 2 个数与第一份不同（如 表三「一、本年新收政府信息公开申请数量」
//! 行「自然人」列：第一份 20，第二份 25）。
//!
//! The reader looks for the second copy after the first copy's tables (`readers::tables::repeated`):
//! read the same way, it counts only if it holds at least 8 of table 三's rows and two thirds of
//! the first copy's, and not when a caption before it names another year or 上年/对比, or more than
//! a third of the numbers differ: those are another report's tables, not a copy.

use super::{extraction, no_check};
use crate::diagnostic::{Diagnostic, Location, Num, Severity};
use crate::model::layout::{layout, CellId, Label};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "report-repeated";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "页面上报告的表格出现了两次，且数字不一致（已按第一份读取）",
        "the page holds the report's tables twice, with different numbers (the first copy is read)",
    ),
    check: no_check,
};

/// The finding for the cells whose numbers differ between the two copies (`(cell, first,
/// second)`, `None` for a blank; at least one), the second copy starting at `at`.
pub fn finding(
    differing: &[(CellId, Option<Num>, Option<Num>)],
    at: Option<Location>,
    zh: bool,
) -> Diagnostic {
    let l = layout();
    let cells: Vec<CellId> = differing.iter().map(|&(id, _, _)| id).collect();
    let n = differing.len();
    let shown = |v: Option<Num>| {
        v.map_or_else(
            || if zh { "空白" } else { "blank" }.to_string(),
            |v| v.to_string(),
        )
    };
    let example = differing
        .first()
        .map(|&(id, a, b)| (l.cell(id), shown(a), shown(b)));
    let message = match (example, zh) {
        (Some((c, ref a, ref b)), true) => format!(
            "页面上报告的表格出现了两次，第二份有 {n} 个数与第一份不同（如 {}：第一份 {a}，第二份 {b}）。已按第一份读取，请核对哪一份是正式发布的数据。",
            c.name_zh
        ),
        (Some((c, ref a, ref b)), false) => format!(
            "The page holds the report's tables twice, and {n} number{} of the second copy differ{} from the first (e.g. {}: {a} in the first, {b} in the second). The first copy was read: check which one was published as final.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            c.name_en
        ),
        (None, _) => String::new(),
    };
    let path = cells
        .first()
        .map_or_else(String::new, |&c| l.cell(c).path.clone());
    extraction(&RULE, path, &cells, message, at)
}

#[cfg(test)]
mod tests {
    use crate::readers::testing::{SAMPLE_HTML, SAMPLE_TXT};
    use crate::readers::{parse, ParseOptions};
    use crate::Report;

    const ROW: &str = "一、本年新收政府信息公开申请数量";

    /// The sample with table 三's first row as `values` (its seven cells).
    fn with_row(sample: &str, html: bool, values: &str) -> String {
        let at = sample.find(ROW).expect("the sample has the row");
        let end = at
            + sample[at..]
                .find(if html { "</tr>" } else { "\n" })
                .unwrap();
        let row = if html {
            let cells: String = values.split(' ').map(|v| format!("<td>{v}</td>")).collect();
            format!("{ROW}</td>{cells}")
        } else {
            format!("{ROW} | {} |", values.replace(' ', " | "))
        };
        format!("{}{}{}", &sample[..at], row, &sample[end..])
    }

    fn findings(text: &str) -> (Vec<String>, Report) {
        let p = parse(text, &ParseOptions::default());
        let found = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == super::ID)
            .map(|d| format!("{} {} | {}", d.path, d.related.join(","), d.message))
            .collect();
        (found, p.report)
    }

    #[test]
    fn a_second_copy_with_other_numbers_is_named_cell_by_cell() {
        for (sample, html) in [(SAMPLE_TXT, false), (SAMPLE_HTML, true)] {
            let other = with_row(sample, html, "25 0 0 0 0 0 25");
            let (found, report) = findings(&format!("{sample}\n{other}"));
            assert_eq!(found.len(), 1, "{found:?}");
            let f = &found[0];
            assert!(
                f.starts_with(
                    "/applications/received/natural /applications/received/natural,/applications/received/total |"
                ),
                "{f}"
            );
            assert!(f.contains("第二份有 2 个数与第一份不同"), "{f}");
            assert!(f.contains("第一份 20，第二份 25"), "{f}");
            // The first copy is what was read.
            let (_, once) = findings(sample);
            assert_eq!(report.cells, once.cells);
            // And the other way round: the first copy's numbers, the second's named.
            let (found, _) = findings(&format!("{other}\n{sample}"));
            assert!(found[0].contains("第一份 25，第二份 20"), "{found:?}");
        }
    }

    #[test]
    fn copies_that_agree_and_single_reports_say_nothing() {
        for sample in [SAMPLE_TXT, SAMPLE_HTML] {
            assert!(findings(sample).0.is_empty());
            assert!(findings(&format!("{sample}\n{sample}")).0.is_empty());
        }
    }

    #[test]
    fn another_years_tables_after_the_report_are_no_copy() {
        // Last year's tables printed after the report, for comparison: captioned with its year,
        // or differing in most cells.
        for sample in [SAMPLE_TXT, SAMPLE_HTML] {
            let other = with_row(sample, sample == SAMPLE_HTML, "25 0 0 0 0 0 25");
            let captioned = format!("{sample}\n2019年度数据对照\n{other}");
            assert!(
                findings(&captioned).0.is_empty(),
                "{:?}",
                findings(&captioned).0
            );
            let doubled: String = other
                .char_indices()
                .map(|(_, c)| if c == '0' { '7' } else { c })
                .collect();
            let (found, _) = findings(&format!("{sample}\n{doubled}"));
            assert!(found.is_empty(), "{found:?}");
        }
    }

    #[test]
    fn a_few_rows_after_the_report_are_no_second_copy() {
        // Table 三's first rows again after the report, a summary box of two rows.
        let at = SAMPLE_TXT.find(ROW).unwrap();
        let two_rows: String = SAMPLE_TXT[at..]
            .lines()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n");
        let other = two_rows.replace("| 20 |", "| 99 |");
        let (found, _) = findings(&format!("{SAMPLE_TXT}\n{other}\n"));
        assert!(found.is_empty(), "{found:?}");
    }
}
