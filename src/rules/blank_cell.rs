//! `blank-cell`: a cell left blank (`null`, `""`, `-`, `—`, `/`) instead of 0. The arithmetic
//! rules that need it are skipped, not guessed. Off in `partial` mode.
//!
//! Why: many portals print zeros as empty cells or dashes; a reader cannot tell "none" from
//! "not filled in", and the 勾稽关系 cannot be checked.
//!
//! Example: 表三「（七）总计」行「总计」列 = `—` → 无数据请填 0.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::CellState;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "blank-cell";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "单元格留空而非填 0，相关勾稽校验被跳过",
        "a cell left blank instead of 0; sums that need it are skipped",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.options.partial || ctx.stats().blank == 0 {
        return;
    }
    for (id, _) in ctx.layout.cells_of(ctx.format()) {
        let CellState::Blank { input } = ctx.report.cell(id) else {
            continue;
        };
        let shown = input
            .as_deref()
            .map(|s| {
                if ctx.zh() {
                    format!("（填的是「{s}」）")
                } else {
                    format!(" (it holds \"{s}\")")
                }
            })
            .unwrap_or_default();
        let message = if ctx.zh() {
            format!(
                "{}为空{shown}；无数据请填 0，涉及此格的勾稽关系未作校验。",
                ctx.name(id)
            )
        } else {
            format!("{} is blank{shown}; enter 0 if there is nothing. Sums involving it were not checked.", crate::messages::cap(ctx.name(id)))
        };
        let mut d = ctx.diag(&RULE, ctx.path(id), message);
        d.input = input.clone();
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::options::Options;
    use crate::rules::testing::{check, run_rule, sample, set};
    use serde_json::{json, Value};

    #[test]
    fn passes_on_zeros() {
        assert!(check("blank-cell", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_on_blanks_but_not_in_partial_forms() {
        let mut doc = sample("2024");
        set(&mut doc, "/applications/results/total/total", json!("—"));
        set(&mut doc, "/reviewLitigation/review/pending", Value::Null);
        let d = check("blank-cell", &doc);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "表三「（七）总计」行「总计」列为空（填的是「—」）；无数据请填 0，涉及此格的勾稽关系未作校验。");
        let partial = Options {
            partial: true,
            ..Options::default()
        };
        assert!(run_rule("blank-cell", &doc, &partial).is_empty());
    }
}
