//! `invalid-structure`: a value of the wrong JSON type where the model has an object (the report
//! itself, a table, a row) or a text (a section of prose).
//!
//! Why: a CMS export that writes a row as an array or a number loses every cell in it; the user
//! must be told which part could not be read, instead of a pile of missing cells.
//!
//! Example: `"applications": [20, 0, 20]` → 表三应为对象（含 received、carriedOver 等），现为数组.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "invalid-structure";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "报告、表格或行的 JSON 类型不对",
        "the report, a table or a row has the wrong JSON type",
    ),
    check,
};

fn zh_kind(k: &str) -> &'static str {
    match k {
        "null" => "空值",
        "boolean" => "布尔值",
        "number" => "数字",
        "string" => "文本",
        "array" => "数组",
        _ => "对象",
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for s in &ctx.report.structure {
        let shown = &s.expected_keys[..s.expected_keys.len().min(3)];
        let keys = crate::messages::join(shown, if ctx.zh() { "、" } else { ", " });
        let message = match (ctx.zh(), s.path.as_str()) {
            (true, "") => format!("报告应为 JSON 对象（含 year、applications 等字段），现为{}。", zh_kind(s.found)),
            (false, "") => format!("The report should be a JSON object (with year, applications, …), not a {}.", s.found),
            (true, p) if keys.is_empty() => format!("「{p}」应为文本，现为{}。", zh_kind(s.found)),
            (false, p) if keys.is_empty() => format!("\"{p}\" should be text, not a {}.", s.found),
            (true, p) => format!("「{p}」应为对象（含 {keys} 等字段），现为{}，其中的数据无法读取。", zh_kind(s.found)),
            (false, p) => format!("\"{p}\" should be an object (with {keys}, …), not a {}; nothing in it can be read.", s.found),
        };
        out.push(ctx.diag(&RULE, s.path.clone(), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;
    use serde_json::json;

    #[test]
    fn passes_on_objects() {
        assert!(check(
            "invalid-structure",
            &json!({"year": 2020, "applications": {}})
        )
        .is_empty());
    }

    #[test]
    fn fails_on_wrong_types() {
        let d = check(
            "invalid-structure",
            &json!({"year": 2020, "applications": [20]}),
        );
        assert_eq!(d[0].path, "/applications");
        assert_eq!(d[0].message, "「/applications」应为对象（含 received、carriedOver、results 等字段），现为数组，其中的数据无法读取。");
        let d = check("invalid-structure", &json!("text"));
        assert_eq!(d[0].path, "");
    }
}
