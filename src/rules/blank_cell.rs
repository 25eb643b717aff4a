//! `blank-cell`: a cell left blank (`null`, `""`, `-`, `—`, `/`) instead of 0. Off in `partial`
//! mode.
//!
//! Why: many portals print zeros as empty cells or dashes; the 勾稽关系 need a number.
//!
//! Two meanings, chosen by the `blanks` option:
//! - strict (`validate`'s default: form data, where a blank is not filled in yet): one finding
//!   per blank cell, and the arithmetic rules that need it are skipped, not guessed;
//! - zero (`parse`/`check`'s default: a published page, where a blank almost always means 0):
//!   one finding per table, with the count and the blank cells in `related`, and the sums run
//!   with blanks as 0. A blank that a sum shows cannot be 0 is that sum's own error at the
//!   blank (see `arith`), so turning this rule off never hides it.
//!
//! Example: 表三「（七）总计」行「总计」列 = `—` → 无数据请填 0; a page with 125 empty cells that
//! add up → 表三有 125 个单元格为空，已按 0 计算.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{Label, TableId};
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
    if ctx.blanks_zero() {
        per_table(ctx, out);
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
                    text!("（填的是「{s}」）", s)
                } else {
                    text!(" (it holds \"{s}\")", s)
                }
            })
            .unwrap_or_default();
        let message = if ctx.zh() {
            text!(
                "{}为空{shown}；无数据请填 0，涉及此格的勾稽关系未作校验。",
                ctx.name(id),
                shown
            )
        } else {
            text!("{} is blank{shown}; enter 0 if there is nothing. Sums involving it were not checked.", crate::messages::cap(ctx.name(id)), shown)
        };
        let mut d = ctx.diag(&RULE, ctx.path(id), message);
        d.input = input.clone();
        out.push(d);
    }
}

/// One finding per table that has blanks: how many, and which (in `related`).
fn per_table(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for table in [
        TableId::Proactive,
        TableId::Applications,
        TableId::ReviewLitigation,
    ] {
        // Every blank of the table, a row of the other layout's （六） included.
        let related: Vec<String> = ctx
            .layout
            .cells
            .iter()
            .zip(&ctx.report.cells)
            .filter(|(c, s)| c.table == table && matches!(s, CellState::Blank { .. }))
            .map(|(c, _)| c.path.clone())
            .collect();
        let n = related.len();
        if n == 0 {
            continue;
        }
        let message = if ctx.zh() {
            text!(
                "{}有 {n} 个单元格为空，已按 0 计算；无数据请填 0。",
                table.short().zh,
                n
            )
        } else {
            text!(
                "{n} cells of {} are blank and were counted as 0; enter 0 where there is nothing.",
                n,
                table.short().en
            )
        };
        let mut d = ctx.diag(&RULE, text!("/{}", table.key()), message);
        d.related = related;
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

    #[cfg(feature = "readers")]
    fn zero() -> Options {
        Options {
            blanks: Some(crate::options::Blanks::Zero),
            ..Options::default()
        }
    }

    #[cfg(feature = "readers")] // blanks as 0: the full build
    #[test]
    fn counted_as_zero_once_per_table() {
        let mut doc = sample("2024");
        // Every zero of table 三 printed blank, as some portals do: 100+ blanks that add up.
        fn zeros(v: &Value, at: &str, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => m
                    .iter()
                    .for_each(|(k, x)| zeros(x, &format!("{at}/{k}"), out)),
                _ if v == &json!(0) => out.push(at.to_string()),
                _ => {}
            }
        }
        let mut blank = Vec::new();
        zeros(&doc["applications"], "/applications", &mut blank);
        for p in &blank {
            set(&mut doc, p, Value::Null);
        }
        let n = blank.len();
        assert!(n >= 100, "{n}");
        set(&mut doc, "/proactive/regulations/repealed", Value::Null);
        let d = run_rule("blank-cell", &doc, &zero());
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[1].path, "/applications");
        assert_eq!(d[1].related.len(), n);
        assert_eq!(
            d[1].message,
            format!("表三有 {n} 个单元格为空，已按 0 计算；无数据请填 0。")
        );
        assert_eq!(d[0].path, "/proactive");
        assert_eq!(
            d[0].message,
            "表二有 1 个单元格为空，已按 0 计算；无数据请填 0。"
        );
        assert_eq!(d[0].related, ["/proactive/regulations/repealed"]);
        // And no sum fails: the blanks add up as 0.
        let all = crate::registry::run(&crate::model::decode::decode(&doc), &zero());
        assert!(
            all.iter()
                .all(|d| d.severity != crate::diagnostic::Severity::Error),
            "{all:?}"
        );
    }
}
