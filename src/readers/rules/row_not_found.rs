//! `row-not-found`: a row of a table that was found, whose label the reader could not find
//! (the page was cut off, or the label is too far from the format's wording).
//!
//! Why: the cells of that row are unknown; the arithmetic rules skip them, and the user learns
//! which row to check, with the place where the table starts.
//!
//! Example: an excerpt that ends after （一）予以公开 → 未找到表三「（二）部分公开」行.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "row-not-found",
    severity: Severity::Error,
    description: Label::new(
        "读取时未找到表格中的某一行",
        "a row of a table could not be found in the document",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn fires_for_rows_after_a_cut() {
        let text = crate::readers::testing::SAMPLE_TXT;
        let cut = text.find("(二)部分公开").unwrap();
        let p = parse(&text[..cut], &ParseOptions::default());
        let rows: Vec<_> = p
            .diagnostics
            .iter()
            .filter(|d| d.rule == "row-not-found")
            .map(|d| d.path.as_str())
            .collect();
        assert_eq!(rows[0], "/applications/results/partiallyGranted");
        assert_eq!(rows.last(), Some(&"/applications/carriedForward"));
        assert!(p
            .diagnostics
            .iter()
            .any(|d| d.rule == "table-not-found" && d.path == "/reviewLitigation"));
        // The rows before the cut were read.
        assert_eq!(
            p.report.int(crate::model::layout::layout().t3(2, 0)),
            Some(12)
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
