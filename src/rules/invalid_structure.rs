//! `invalid-structure`: a value of the wrong JSON type where the model has an object (the report
//! itself, a table, a row) or a text (a section of prose).
//!
//! Why: a CMS export that writes a row as an array or a number loses every cell in it; the user
//! must be told which part could not be read, instead of a pile of missing cells.
//!
//! Example: `"applications": [20, 0, 20]` → 表三应为对象（含 received、carriedOver 等），现为数组.
//! Values nested deeper than any report (past 128 levels) are this rule too, with that reason:
//! the text is JSON, so "a syntax error" would send the user looking for one that is not there.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
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
    if let Some(at) = ctx.report.too_deep {
        out.push(too_deep(ctx, at));
    }
    for s in &ctx.report.structure {
        let shown = &s.expected_keys[..s.expected_keys.len().min(3)];
        let keys = crate::messages::join(shown, if ctx.zh() { "、" } else { ", " });
        let message = match (ctx.zh(), s.path.as_str()) {
            (true, "") => text!("报告应为 JSON 对象（含 year、applications 等字段），现为{}。", zh_kind(s.found)),
            (false, "") => text!("The report should be a JSON object (with year, applications, …), not a {}.", s.found),
            (true, p) if keys.is_empty() => text!("「{p}」应为文本，现为{}。", p, zh_kind(s.found)),
            (false, p) if keys.is_empty() => text!("\"{p}\" should be text, not a {}.", p, s.found),
            (true, p) => text!("「{p}」应为对象（含 {keys} 等字段），现为{}，其中的数据无法读取。", p, keys, zh_kind(s.found)),
            (false, p) => text!("\"{p}\" should be an object (with {keys}, …), not a {}; nothing in it can be read.", p, keys, s.found),
        };
        out.push(ctx.diag(&RULE, s.path.clone(), message));
    }
}

/// The report nests deeper than the reader follows (at a line and column of the text, or in
/// the object handed to `validate()`).
fn too_deep(ctx: &Context, at: Option<(usize, usize)>) -> Diagnostic {
    let max = crate::json::MAX_DEPTH;
    let message = match (ctx.zh(), at) {
        (true, Some((l, c))) => text!(
            "JSON 嵌套超过 {max} 层（第 {l} 行第 {c} 列），无法读取。",
            max,
            l,
            c
        ),
        (false, Some((l, c))) => text!(
            "The JSON nests deeper than {max} levels (line {l}, column {c}) and cannot be read.",
            max,
            l,
            c
        ),
        (true, None) => text!("报告对象嵌套超过 {max} 层，无法读取。", max),
        (false, None) => {
            text!(
                "The report object nests deeper than {max} levels and cannot be read.",
                max
            )
        }
    };
    let mut d = ctx.diag(&RULE, "", message);
    if let Some((l, c)) = at {
        d.location = Some(crate::diagnostic::Location {
            line: Some(l as u32),
            column: Some(c as u32),
            ..Default::default()
        });
    }
    d
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

    #[test]
    fn fails_on_nesting_past_the_limit_with_the_reason() {
        let deep = format!(
            "{{\"year\": 2024,\n\"x\": {}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let r = crate::model::decode::decode_str(&deep);
        assert_eq!(r.syntax_error, None);
        let o = crate::options::Options::default();
        let d = crate::rules::run(&r, &o);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].rule, "invalid-structure");
        assert_eq!(
            d[0].message,
            "JSON 嵌套超过 128 层（第 2 行第 133 列），无法读取。"
        );
        // At the limit it is read.
        let ok = format!(
            "{{\"year\": 2024, \"x\": {}{}}}",
            "[".repeat(127),
            "]".repeat(127)
        );
        assert!(crate::model::decode::decode_str(&ok).too_deep.is_none());
    }
}
