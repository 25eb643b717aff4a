//! `format-pre-2019` (warning): a report in a format older than the national one of 2019 (the
//! reports under the 2008 条例, for 2018 and before): its tables are not those of 国办公开办函
//! 〔2019〕60号 or 〔2021〕30号, so they are not checked against them.
//!
//! Why: a supervising office checking a folder meets old reports among the new; calling one
//! "the 2019 format" and listing every row of the 2019 tables as missing would bury the one
//! thing to say: it is an old report, not checked.
//!
//! Example: 南平市 2012 (一、概述 … 依申请公开政府信息情况) → 2019 年以前的格式，未按现行格式校验.
//! The reader emits it through [`finding`]; `check` then runs no table rule on the report.

use super::{extraction, no_check};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "format-pre-2019";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "2019 年以前的格式，未按现行格式校验",
        "a report in the format used before 2019, not checked against the current format",
    ),
    check: no_check,
};

/// The finding for an old-format report of `year` (when known).
pub fn finding(year: Option<i32>, zh: bool) -> Diagnostic {
    let message = match (year, zh) {
        (Some(y), true) => format!("这是 {y} 年度的报告，使用 2019 年以前的格式，未按现行格式校验。"),
        (None, true) => "2019 年以前的格式，未按现行格式校验。".to_string(),
        (Some(y), false) => format!("This is a report for {y} in the format used before 2019; it was not checked against the current format."),
        (None, false) => "A report in the format used before 2019; it was not checked against the current format.".to_string(),
    };
    extraction(&RULE, String::new(), &[], message, None)
}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    /// An old report's opening, in our own words (the 2008 条例's parts).
    const OLD: &str = "某市人民政府2012年政府信息公开工作年度报告\n\
        本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。\n\
        一、概述\n2012年，本市认真贯彻实施《条例》。\n\
        二、主动公开政府信息的情况\n全年主动公开政府信息1200条。\n\
        三、依申请公开政府信息和不予公开政府信息的情况\n全年受理申请35件。\n\
        四、政府信息公开的收费及减免情况\n未收取费用。\n\
        五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n\
        六、政府信息公开工作存在的主要问题及改进情况\n宣传不够。\n\
        七、其他需要报告的事项\n无。\n";

    #[test]
    fn an_old_report_is_said_once_and_not_labelled_2019() {
        let p = parse(OLD, &ParseOptions::default());
        let rules: Vec<_> = p.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["format-pre-2019"], "{:?}", p.diagnostics);
        assert_eq!(
            p.diagnostics[0].message,
            "这是 2012 年度的报告，使用 2019 年以前的格式，未按现行格式校验。"
        );
        assert!(p.report.pre_2019);
        let json = p.to_json();
        assert!(json.contains(r#""format":"pre-2019""#), "{json}");
        // check: that one finding, no table rule, and the result says the format too.
        let c = crate::api::check(OLD, &ParseOptions::default());
        let rules: Vec<_> = c.result.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["format-pre-2019"]);
        assert!(c
            .to_json()
            .starts_with(r#"{"valid":true,"format":"pre-2019","year":2012"#));
    }

    #[test]
    fn a_new_report_is_not_old() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(!p.report.pre_2019);
        assert!(p.diagnostics.iter().all(|d| d.rule != "format-pre-2019"));
    }
}
