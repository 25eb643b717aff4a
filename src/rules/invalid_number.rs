//! `invalid-number`: a cell that is not a number of its column's kind, quoting what was typed.
//!
//! Why: `十二`, `12a` or `1.5` in a count cannot be added up; silently reading them as 0 would
//! hide the very error the form is there to catch.
//!
//! Example: 表三「（一）予以公开」行「自然人」列 = `十二` → 请填写阿拉伯数字. `NaN` and
//! `Infinity` handed to `validate()` are findings too, not the blank cells `JSON.stringify`
//! would make of them.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::report::Invalid;
use crate::model::CellState;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "invalid-number";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "单元格不是本列要求的数字",
        "a cell that is not a number of its column's kind",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.stats().invalid == 0 {
        return;
    }
    for (i, state) in ctx.report.cells.iter().enumerate() {
        let CellState::Invalid { input, reason } = state else {
            continue;
        };
        let id = i as u16;
        let def = ctx.layout.cell(id);
        let name = ctx.name(id);
        let unit = def.unit.unwrap_or("件");
        let message = if ctx.zh() {
            let why = match reason {
                Invalid::NotANumber => "不是数字，请填写阿拉伯数字（如 12）".to_string(),
                Invalid::NotInteger => "不是整数，本列计件数，只能填整数".to_string(),
                Invalid::PlusSign => "前面不能带“+”号，只有「本年增/减」列可带正负号".to_string(),
                Invalid::TooLarge => "数值过大，请核对".to_string(),
                Invalid::WrongUnit => text!("的单位不适用于本列，本列单位为「{unit}」", unit),
                Invalid::WrongType => "不是数字，请填写一个数".to_string(),
                Invalid::NotFinite => "不是有效的数值，请填写阿拉伯数字".to_string(),
            };
            text!("{name}填写的「{input}」{why}。", name, input, why)
        } else {
            let why = match reason {
                Invalid::NotANumber => "is not a number; write it in digits (e.g. 12)".to_string(),
                Invalid::NotInteger => "is not a whole number; this column counts".to_string(),
                Invalid::PlusSign => {
                    "may not carry a \"+\"; only the \"change this year\" column is signed"
                        .to_string()
                }
                Invalid::TooLarge => "is too large; please check it".to_string(),
                Invalid::WrongUnit => {
                    text!(
                        "has a unit this column does not take (its unit is {unit})",
                        unit
                    )
                }
                Invalid::WrongType => "is not a number; enter a single number".to_string(),
                Invalid::NotFinite => "is not a usable number; write it in digits".to_string(),
            };
            text!(
                "{}: \"{input}\" {why}.",
                crate::messages::cap(name),
                input,
                why
            )
        };
        let mut d = ctx.diag(&RULE, ctx.path(id), message);
        d.input = Some(input.clone());
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::messages::Locale;
    use crate::options::Options;
    use crate::rules::testing::{check, run_rule, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_numbers_and_typed_forms() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/received/natural", json!("２０"));
        set(&mut doc, "/proactive/licensing/change", json!("+6"));
        assert!(check("invalid-number", &doc).is_empty());
    }

    #[test]
    fn fails_quoting_the_input() {
        let mut doc = sample("2020");
        set(
            &mut doc,
            "/applications/results/granted/natural",
            json!("十二"),
        );
        set(
            &mut doc,
            "/applications/results/granted/total",
            json!("1.5"),
        );
        let d = check("invalid-number", &doc);
        assert_eq!(d[0].path, "/applications/results/granted/natural");
        assert_eq!(d[0].message, "表三「（一）予以公开」行「自然人」列填写的「十二」不是数字，请填写阿拉伯数字（如 12）。");
        assert_eq!(d[0].input.as_deref(), Some("十二"));
        assert_eq!(
            d[1].message,
            "表三「（一）予以公开」行「总计」列填写的「1.5」不是整数，本列计件数，只能填整数。"
        );
        let en = run_rule("invalid-number", &doc, &Options::with_locale(Locale::En));
        assert_eq!(en[0].message, "Table 3, row \"(1) Disclosed\", column \"natural persons\": \"十二\" is not a number; write it in digits (e.g. 12).");
    }
}
