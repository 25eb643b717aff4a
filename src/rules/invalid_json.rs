//! `invalid-json`: the text handed to `validateJson` is not JSON at all.
//!
//! Why: a batch of CMS exports always holds a truncated or hand-edited file; it must be
//! reported with the place to look, not crash the batch or vanish.
//!
//! Example: `{"year": 2024,` → 第 1 行第 15 列：JSON 在此处意外结束.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::Label;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "invalid-json";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "输入不是合法的 JSON 文本",
        "the input is not valid JSON text",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((eof, line, column)) = &ctx.report.syntax_error else {
        return;
    };
    let message = match (ctx.zh(), eof) {
        (true, true) => text!("无法读取报告：JSON 在第 {line} 行第 {column} 列意外结束，文件可能不完整，请检查是否缺少结尾的括号或引号。", line, column),
        (true, false) => text!("无法读取报告：JSON 在第 {line} 行第 {column} 列有语法错误，请检查该处的括号、引号和逗号。", line, column),
        (false, true) => text!("The report cannot be read: the JSON ends unexpectedly at line {line}, column {column}; the file may be cut short (a closing bracket or quote missing?).", line, column),
        (false, false) => text!("The report cannot be read: the JSON has a syntax error at line {line}, column {column}; check the brackets, quotes and commas there.", line, column),
    };
    let mut d = ctx.diag(&RULE, "", message);
    d.location = Some(Location {
        line: Some(*line as u32),
        column: Some(*column as u32),
        ..Location::default()
    });
    out.push(d);
}

#[cfg(test)]
mod tests {
    fn diags(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        crate::rules::testing::check_text(&super::RULE, text)
    }

    #[test]
    fn passes_on_json() {
        assert!(diags("{\"year\": 2024}").is_empty());
    }

    #[test]
    fn fails_with_line_and_column() {
        let d = diags("{\n\"year\": 2024,\n");
        assert_eq!(d.len(), 1);
        let loc = d[0].location.as_ref().unwrap();
        assert_eq!(loc.line, Some(3));
        assert_eq!(d[0].message, "无法读取报告：JSON 在第 3 行第 1 列意外结束，文件可能不完整，请检查是否缺少结尾的括号或引号。");
    }
}
