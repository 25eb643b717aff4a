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
use crate::base::dates::Iso;
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::options::IssuerKind;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "late-publication";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new("发布日期晚于法定期限", "published after its deadline"),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some((y, m, d))) = (ctx.report.year, ctx.report.published_on) else {
        return;
    };
    let kind = issuer::kind(ctx.report, ctx.options);
    let (deadline, why) = match (ctx.options.deadline, kind) {
        (Some(local), _) => (local.for_year(year), 0),
        (None, Some(IssuerKind::Government)) => ((year + 1, 3, 31), 1),
        (None, Some(IssuerKind::Department)) => ((year + 1, 1, 31), 2),
        (None, None) => ((year + 1, 1, 31), 3),
    };
    if (y, m, d) <= deadline {
        return;
    }
    let (published, deadline) = (Iso((y, m, d)), Iso(deadline));
    let message = if ctx.zh() {
        let why = [
            "deadline 选项给出的期限",
            "条例第四十九条：人民政府 3 月 31 日前",
            "条例第四十九条：政府部门 1 月 31 日前",
            "条例第四十九条：政府部门 1 月 31 日前，人民政府 3 月 31 日前，可用 issuerKind 选项说明",
        ][why];
        text!(
            "发布日期 {published} 晚于期限 {deadline}（{why}）。",
            published,
            deadline,
            why
        )
    } else {
        let why = [
            "the deadline option",
            "Regulations art. 49: governments by 31 March",
            "Regulations art. 49: departments by 31 January",
            "Regulations art. 49: departments by 31 January, governments by 31 March (the issuerKind option)",
        ][why];
        text!(
            "Published on {published}, after the deadline of {deadline} ({why}).",
            published,
            deadline,
            why
        )
    };
    let mut diag = ctx.diag(&RULE, "/publishedOn", message);
    // The kind read from the name: the reader can tell a wrong guess.
    if ctx.options.issuer_kind.is_none() && kind.is_some() {
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
        assert_eq!(d[0].message, "发布日期 2025-02-01 晚于期限 2025-01-31（条例第四十九条：政府部门 1 月 31 日前，人民政府 3 月 31 日前，可用 issuerKind 选项说明）。");
        assert!(d[0].related.is_empty());
    }

    #[test]
    fn the_deadline_follows_the_kind_of_issuer() {
        let d = check(
            "late-publication",
            &published("示例市交通运输局", "2025-02-05"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "发布日期 2025-02-05 晚于期限 2025-01-31（条例第四十九条：政府部门 1 月 31 日前）。"
        );
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
            deadline: Some(Deadline(2, 20)),
            locale: crate::messages::Locale::En,
            ..Options::default()
        };
        let d = run_rule(
            "late-publication",
            &published("示例市人民政府", "2025-02-21"),
            &o,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Published on 2025-02-21, after the deadline of 2025-02-20 (the deadline option)."
        );
        assert!(run_rule(
            "late-publication",
            &published("示例市人民政府", "2025-02-20"),
            &o
        )
        .is_empty());
    }
}
