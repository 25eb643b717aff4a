//! `invalid-metadata`: the report year is missing or unreadable, or the format, publication date,
//! issuer or prose is of the wrong kind.
//!
//! Why: the year decides the layout, the deadline and the cross-year pairing; a date written
//! `2022/1/28` cannot be checked against the deadline.
//!
//! Example: `"publishedOn": "2022年1月28日"` → 发布日期应写作 YYYY-MM-DD，如 2022-01-28.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::report::MetadataProblem;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "invalid-metadata";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "报告年度缺失，或年度、格式、发布日期无法识别",
        "the year is missing, or the year, format or date cannot be read",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // A text that is not even JSON (or was not read) has no metadata to speak of.
    if ctx.report.unreadable() {
        return;
    }
    for m in &ctx.report.metadata {
        let input = m.input.clone().unwrap_or_default();
        let message = match (m.problem, ctx.zh()) {
            (MetadataProblem::MissingYear, true) => "缺少报告年度（year），请填写统计年度，如 2024。".to_string(),
            (MetadataProblem::MissingYear, false) => "The report year (year) is missing; give the year reported on, e.g. 2024.".to_string(),
            (MetadataProblem::BadYear, true) => text!("报告年度「{input}」无法识别，请填写四位数年份，如 2024。", input),
            (MetadataProblem::BadYear, false) => text!("The report year \"{input}\" cannot be read; write it as four digits, e.g. 2024.", input),
            (MetadataProblem::BadFormat, true) => text!("格式「{input}」无法识别，应为 \"2019\"（2019、2020 年度）或 \"2021\"（2021 年度起）。", input),
            (MetadataProblem::BadFormat, false) => text!("The format \"{input}\" is unknown; use \"2019\" (reports for 2019–2020) or \"2021\" (2021 on).", input),
            (MetadataProblem::BadDate, true) => text!("发布日期「{input}」无法识别，请写作 YYYY-MM-DD，如 2022-01-28。", input),
            (MetadataProblem::BadDate, false) => text!("The publication date \"{input}\" cannot be read; write it as YYYY-MM-DD, e.g. 2022-01-28.", input),
            (MetadataProblem::ImpossibleDate, true) => text!("发布日期「{input}」不存在（该月没有这一天），请核对日期。", input),
            (MetadataProblem::ImpossibleDate, false) => text!("The publication date \"{input}\" does not exist (the month has no such day); check the date.", input),
            (MetadataProblem::NotText, true) => text!("「{}」应为文本，现为「{input}」。", m.path, input),
            (MetadataProblem::NotText, false) => text!("\"{}\" should be text, not \"{input}\".", m.path, input),
        };
        let mut d = ctx.diag(&RULE, m.path, message);
        d.input = m.input.clone();
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;
    use serde_json::json;

    #[test]
    fn passes_on_good_metadata() {
        assert!(check("invalid-metadata", &json!({"year": "2024年", "format": "2021", "publishedOn": "2025-01-20", "issuer": "某局"})).is_empty());
    }

    #[test]
    fn fails_on_missing_year_and_bad_date() {
        let d = check(
            "invalid-metadata",
            &json!({"publishedOn": "2022/1/28", "format": "2020"}),
        );
        let paths: Vec<_> = d.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["/format", "/publishedOn", "/year"]);
        assert_eq!(
            d[1].message,
            "发布日期「2022/1/28」无法识别，请写作 YYYY-MM-DD，如 2022-01-28。"
        );
        assert_eq!(d[1].input.as_deref(), Some("2022/1/28"));
    }

    #[test]
    fn fails_on_a_day_the_month_does_not_have() {
        let d = check(
            "invalid-metadata",
            &json!({"year": 2021, "publishedOn": "2022-02-31"}),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/publishedOn");
        assert_eq!(
            d[0].message,
            "发布日期「2022-02-31」不存在（该月没有这一天），请核对日期。"
        );
    }
}
