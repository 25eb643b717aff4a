//! `negative-count`: a negative number in a column that counts (or in a money column).
//!
//! Why: applications, cases, documents and fees cannot be negative; only 2019 本年增/减 is signed.
//! A negative usually means a minus typed by mistake or a difference pasted into the wrong cell.
//!
//! Example: 表四「行政复议」的「结果维持」 = -1 → 不能为负数.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Kind, Label};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "negative-count";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new("计数或金额为负数", "a negative count or amount"),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.stats().negative == 0 {
        return;
    }
    for (i, def) in ctx.layout.cells.iter().enumerate() {
        let id = i as u16;
        let Some(n) = ctx.report.num(id) else {
            continue;
        };
        if def.kind == Kind::Signed || n.as_f64() >= 0.0 {
            continue;
        }
        let message = if ctx.zh() {
            text!(
                "{}为 {n}，不能为负数；请填写实际数量（无则填 0）。",
                ctx.name(id),
                n
            )
        } else {
            text!(
                "{} is {n}; it cannot be negative (enter the actual number, 0 if none).",
                crate::messages::cap(ctx.name(id)),
                n
            )
        };
        let mut d = ctx.diag(&RULE, ctx.path(id), message);
        d.actual = Some(n);
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_signed_change() {
        // 2019 本年增/减 may be negative.
        assert!(check("negative-count", &sample("2020")).is_empty());
    }

    #[test]
    fn fails_on_negative_counts() {
        let mut doc = sample("2024");
        set(&mut doc, "/reviewLitigation/review/upheld", json!(-1));
        let d = check("negative-count", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "表四「行政复议」的「结果维持」为 -1，不能为负数；请填写实际数量（无则填 0）。"
        );
    }
}
