//! `late-publication`: the report was published after 31 January of the following year.
//!
//! Why: 条例 第四十九条 requires the departments of people's governments at county level and
//! above to publish their annual report by 31 January; late publication is the error reviews
//! name most often. (A county-level or higher government's own report is due by 31 March: the
//! message says so, the rule cannot tell which kind of body issued it.)
//!
//! Example: year 2023, publishedOn 2024-02-05 → 晚于 2024-01-31.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "late-publication";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "发布日期晚于次年 1 月 31 日",
        "published after 31 January of the following year",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some((y, m, d))) = (ctx.report.year, ctx.report.published_on) else {
        return;
    };
    if (y, m, d) <= (year + 1, 1, 31) {
        return;
    }
    // Years printed as i64, whose formatting the messages link anyway (i32's would add its own).
    let (y, next) = (i64::from(y), i64::from(year) + 1);
    let message = if ctx.zh() {
        format!("发布日期 {y:04}-{m:02}-{d:02} 晚于法定期限 {}-01-31（条例第四十九条：政府部门应于每年 1 月 31 日前公布上一年度报告；县级以上人民政府本级报告为 3 月 31 日前）。", next)
    } else {
        format!("Published on {y:04}-{m:02}-{d:02}, after the legal deadline of {}-01-31 (Regulations art. 49: departments publish by 31 January; a government's own report by 31 March).", next)
    };
    out.push(ctx.diag(&RULE, "/publishedOn", message));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_time() {
        let mut doc = sample("2024");
        set(&mut doc, "/publishedOn", json!("2025-01-31"));
        assert!(check("late-publication", &doc).is_empty());
    }

    #[test]
    fn warns_when_late() {
        let mut doc = sample("2024");
        set(&mut doc, "/publishedOn", json!("2025-02-01"));
        let d = check("late-publication", &doc);
        assert_eq!(d.len(), 1);
        assert!(d[0]
            .message
            .starts_with("发布日期 2025-02-01 晚于法定期限 2025-01-31"));
    }
}
