//! `late-publication`: the report was published after its deadline. 条例 第四十九条: the
//! departments of people's governments at county level and above publish by 31 January of the
//! following year; a county-level or higher government's own report is due by 31 March. The
//! kind of issuer is read from its name (`rules::issuer`: 人民政府 / 街道办事处 → government,
//! 局 / 委 / 办公室 … → department), or given by the `issuerKind` option; a local deadline (the
//! `deadline` option, e.g. `"02-20"`) replaces the 条例's. Where neither the option nor the name
//! tells the kind, 31 January applies and the message names both dates.
//!
//! Why: late publication is what reviews name most often, and the deadline is not the same for
//! everyone: warning a government that published on 20 March would be wrong.
//!
//! Example: year 2023, issuer 示例市交通运输局, publishedOn 2024-02-05 → 晚于 2024-01-31;
//! issuer 示例市人民政府, publishedOn 2024-03-20 → on time.

use crate::prelude::*;

use super::{issuer, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::options::IssuerKind;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "late-publication";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "发布日期晚于期限（政府部门次年 1 月 31 日，人民政府 3 月 31 日）",
        "published after the deadline (departments 31 January, governments 31 March)",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some((y, m, d))) = (ctx.report.year, ctx.report.published_on) else {
        return;
    };
    let option = ctx.options.issuer_kind;
    let kind = issuer::kind(ctx.report, ctx.options);
    let deadline = match (ctx.options.deadline, kind) {
        (Some(local), _) => local.for_year(year),
        (None, Some(IssuerKind::Government)) => (year + 1, 3, 31),
        (None, _) => (year + 1, 1, 31),
    };
    if (y, m, d) <= deadline {
        return;
    }
    // Years printed as i64, whose formatting the messages link anyway (i32's would add its own).
    let (y, dy, dm, dd) = (i64::from(y), i64::from(deadline.0), deadline.1, deadline.2);
    let zh = ctx.zh();
    let why = match (ctx.options.deadline.is_some(), kind, zh) {
        (true, _, true) => "按 deadline 选项给出的本地期限",
        (true, _, false) => "the local deadline given by the deadline option",
        (false, Some(IssuerKind::Government), true) => "条例第四十九条：县级以上人民政府本级报告应于每年 3 月 31 日前公布",
        (false, Some(IssuerKind::Government), false) => "Regulations art. 49: a government's own report by 31 March",
        (false, Some(IssuerKind::Department), true) => "条例第四十九条：政府部门应于每年 1 月 31 日前公布上一年度报告",
        (false, Some(IssuerKind::Department), false) => "Regulations art. 49: departments publish by 31 January",
        (false, None, true) => "条例第四十九条：政府部门应于每年 1 月 31 日前公布上一年度报告；县级以上人民政府本级报告为 3 月 31 日前，可用 issuerKind 选项说明",
        (false, None, false) => "Regulations art. 49: departments publish by 31 January; a government's own report by 31 March, which the issuerKind option can say",
    };
    // Said when the name, not the caller, decided the kind: the reader can tell a wrong guess.
    let by_name = option.is_none() && kind.is_some() && ctx.options.deadline.is_none();
    let note = match (by_name, kind, zh) {
        (true, Some(IssuerKind::Department), true) => "；按发布机关名称判断为政府部门",
        (true, Some(IssuerKind::Department), false) => "; a department, by the issuer's name",
        (true, Some(IssuerKind::Government), true) => "；按发布机关名称判断为人民政府",
        (true, Some(IssuerKind::Government), false) => "; a government, by the issuer's name",
        _ => "",
    };
    let message = if zh {
        format!("发布日期 {y:04}-{m:02}-{d:02} 晚于期限 {dy:04}-{dm:02}-{dd:02}（{why}{note}）。")
    } else {
        format!("Published on {y:04}-{m:02}-{d:02}, after the deadline of {dy:04}-{dm:02}-{dd:02} ({why}{note}).")
    };
    let mut diag = ctx.diag(&RULE, "/publishedOn", message);
    if by_name {
        diag.related.push("/issuer".into());
    }
    out.push(diag);
}

#[cfg(test)]
mod tests {
    use crate::options::{Deadline, IssuerKind, Options};
    use crate::rules::testing::{check, run_rule, sample, set};
    use serde_json::{json, Value};

    fn published(issuer: &str, on: &str) -> Value {
        let mut doc = sample("2024");
        set(&mut doc, "/publishedOn", json!(on));
        doc["issuer"] = json!(issuer);
        doc
    }

    #[test]
    fn passes_on_time() {
        let mut doc = sample("2024");
        set(&mut doc, "/publishedOn", json!("2025-01-31"));
        assert!(check("late-publication", &doc).is_empty());
        // A government's own report is due by 31 March.
        assert!(check(
            "late-publication",
            &published("示例市人民政府", "2025-03-20")
        )
        .is_empty());
        assert!(check(
            "late-publication",
            &published("示例市人民政府", "2025-03-31")
        )
        .is_empty());
    }

    #[test]
    fn warns_when_late() {
        // No issuer: 31 January, and the message names both dates.
        let mut doc = sample("2024");
        set(&mut doc, "/publishedOn", json!("2025-02-01"));
        doc.as_object_mut().unwrap().remove("issuer");
        let d = check("late-publication", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "发布日期 2025-02-01 晚于期限 2025-01-31（条例第四十九条：政府部门应于每年 1 月 31 日前公布上一年度报告；县级以上人民政府本级报告为 3 月 31 日前，可用 issuerKind 选项说明）。");
        assert!(d[0].related.is_empty());
    }

    #[test]
    fn the_deadline_follows_the_kind_of_issuer() {
        let d = check(
            "late-publication",
            &published("示例市交通运输局", "2025-02-05"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "发布日期 2025-02-05 晚于期限 2025-01-31（条例第四十九条：政府部门应于每年 1 月 31 日前公布上一年度报告；按发布机关名称判断为政府部门）。");
        assert_eq!(d[0].related, ["/issuer"]);
        let d = check(
            "late-publication",
            &published("示例市人民政府", "2025-04-01"),
        );
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("晚于期限 2025-03-31"),
            "{}",
            d[0].message
        );
        // The office's own report is a department's.
        let d = check(
            "late-publication",
            &published("示例市人民政府办公室", "2025-03-01"),
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn the_options_override_the_name_and_the_law() {
        let doc = published("示例市某某中心", "2025-03-10");
        let o = Options {
            issuer_kind: Some(IssuerKind::Government),
            ..Options::default()
        };
        assert!(run_rule("late-publication", &doc, &o).is_empty());
        // A local deadline of 20 February, earlier than the 条例's for a government.
        let o = Options {
            deadline: Some(Deadline::MonthDay(2, 20)),
            locale: crate::messages::Locale::En,
            ..Options::default()
        };
        let d = run_rule(
            "late-publication",
            &published("示例市人民政府", "2025-02-21"),
            &o,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "Published on 2025-02-21, after the deadline of 2025-02-20 (the local deadline given by the deadline option).");
        assert!(run_rule(
            "late-publication",
            &published("示例市人民政府", "2025-02-20"),
            &o
        )
        .is_empty());
    }
}
