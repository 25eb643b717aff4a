//! `unreadable-cell`: a row was found but its cells could not be read: fewer numbers than
//! cells, and no way to tell which cells they belong to.
//!
//! Why: a merged-cell rendering that keeps only some cells (岳阳 2019: `3 |` `3 |` then empty
//! runs for a row of seven) must not be guessed into columns.
//!
//! Example: `一、本年新收政府信息公开申请数量 | 3 | 3` → 找到 2 个数，应有 7 个.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "unreadable-cell",
    severity: Severity::Error,
    description: Label::new(
        "找到了表格行，但其中的数据无法读取",
        "a row was found but its values could not be read",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

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
