//! `section-missing`: one of the six parts of the report is absent (checked when prose is
//! given: a report read from a document, or model JSON with `sections`).
//!
//! Why: 条例 第五十条 lists the contents every annual report must have; the national format
//! prints them as six numbered parts (format.md §1). Reports that claim "五个部分" usually drop
//! 四 (行政复议、行政诉讼).
//!
//! Example: no heading 五、存在的主要问题及改进情况 → 缺少第五部分.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::decode::SECTION_KEYS;
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

use super::prose::{ProseRule, HEADINGS};

pub static RULE: RuleDef = RuleDef {
    id: "section-missing",
    severity: Severity::Warning,
    description: Label::new(
        "报告缺少六个部分之一",
        "one of the six parts of the report is missing",
    ),
    check,
};

pub static PROSE: ProseRule = ProseRule {
    rule: &RULE,
    check: |ctx, _, out| check(ctx, out),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.report.sections.is_empty() {
        return;
    }
    for (i, key) in SECTION_KEYS.iter().enumerate() {
        if ctx.report.section(key).is_some() {
            continue;
        }
        let h = HEADINGS[i];
        let message = if ctx.zh() {
            format!("缺少第{}部分「{}」（条例第五十条规定的报告内容）；如该部分确无内容，也应保留标题并写明「无」。", ["一", "二", "三", "四", "五", "六"][i], h.zh)
        } else {
            format!("Part {} \"{}\" is missing (a content the Regulations art. 50 require); if there is nothing to report, keep the heading and say so.", i + 1, h.en)
        };
        out.push(ctx.diag(&RULE, format!("/sections/{key}"), message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;
    use crate::options::Options;

    fn run(sections: &[&str]) -> Vec<Diagnostic> {
        let report = Report {
            sections: sections
                .iter()
                .map(|k| (k.to_string(), "内容".to_string()))
                .collect(),
            ..Report::default()
        };
        let o = Options::default();
        let mut out = Vec::new();
        (RULE.check)(&Context::new(&report, &o), &mut out);
        out
    }

    #[test]
    fn passes_with_six_parts_and_without_prose() {
        assert!(run(&SECTION_KEYS).is_empty());
        assert!(run(&[]).is_empty());
    }

    #[test]
    fn warns_per_missing_part() {
        let d = run(&["overview", "proactive", "applications", "problems", "other"]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/sections/reviewLitigation");
        assert!(d[0]
            .message
            .starts_with("缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」"));
    }
}
