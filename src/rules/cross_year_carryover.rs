//! `cross-year-carryover`: this year's 二、上年结转 must equal last year's 四、结转下年度继续办理,
//! column by column (format.md R3-5). Runs when last year's report is given (`previous`) and
//! its year is this year − 1 (or not stated).
//!
//! Why: applications carried forward do not vanish between two reports; a mismatch means one of
//! the two reports is wrong.
//!
//! Example: 2023 结转下年度 自然人 3, 2024 上年结转 自然人 0 → 应为 3.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::messages::cap;
use crate::model::layout::{Label, Layout, T3Role, T3_COLUMNS};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "cross-year-carryover";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "本年「上年结转」与上年报告「结转下年度」不一致",
        "this year's carried-over differs from last year's carried-forward",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = ctx.previous() else {
        return;
    };
    let l = ctx.layout;
    let over = Layout::t3_row_of_role(T3Role::CarriedOver);
    let forward = Layout::t3_row_of_role(T3Role::CarriedForward);
    let prev_year = prev.year.map(|y| text!("{y}", y)).unwrap_or_else(|| {
        if ctx.zh() {
            "上一".into()
        } else {
            "last".into()
        }
    });
    for c in 0..T3_COLUMNS.len() {
        let (this, last) = (l.t3(over, c), l.t3(forward, c));
        let (Some(actual), Some(expected)) = (ctx.report.int(this), prev.int(last)) else {
            continue;
        };
        if actual == expected {
            continue;
        }
        let message = if ctx.zh() {
            text!("{}应为 {expected}（{prev_year} 年度报告「四、结转下年度继续办理」该列为 {expected}），现为 {actual}。", ctx.name(this), expected, prev_year, expected, actual)
        } else {
            text!("{} should be {expected} (the {prev_year} report carried {expected} forward in this column), not {actual}.", cap(ctx.name(this)), expected, prev_year, expected, actual)
        };
        let mut d = ctx.diag(&RULE, ctx.path(this), message);
        d.related = vec![ctx.path(last).to_string()];
        d.expected = Some(Num::Int(expected));
        d.actual = Some(Num::Int(actual));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{run_rule, sample, set};
    use serde_json::json;

    fn with_previous(prev: &serde_json::Value) -> crate::options::Options {
        crate::rules::testing::with_previous(prev, "zh-CN")
    }

    /// This year's report, and last year's whose carried-forward row matches it.
    fn consecutive() -> (serde_json::Value, serde_json::Value) {
        let this = sample("2024");
        let mut prev = sample("2024");
        set(&mut prev, "/year", json!(2023));
        let carried = this["applications"]["carriedOver"].clone();
        set(&mut prev, "/applications/carriedForward", carried);
        (this, prev)
    }

    #[test]
    fn passes_when_carryover_matches_or_years_are_apart() {
        let (this, mut prev) = consecutive();
        assert!(run_rule("cross-year-carryover", &this, &with_previous(&prev)).is_empty());
        set(&mut prev, "/year", json!(2020));
        set(
            &mut prev,
            "/applications/carriedForward/natural",
            json!(999),
        );
        assert!(run_rule("cross-year-carryover", &this, &with_previous(&prev)).is_empty());
    }

    #[test]
    fn fails_per_column() {
        let (this, mut prev) = consecutive();
        set(&mut prev, "/applications/carriedForward/natural", json!(40));
        let d = run_rule("cross-year-carryover", &this, &with_previous(&prev));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/carriedOver/natural");
        assert_eq!(d[0].related, vec!["/applications/carriedForward/natural"]);
        assert!(d[0].message.starts_with(
            "表三「二、上年结转政府信息公开申请数量」行「自然人」列应为 40（2023 年度报告"
        ));
    }
}
