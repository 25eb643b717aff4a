//! `part5-perfunctory` (warning): part 五 (存在的主要问题及改进情况) is empty, says only 「无」,
//! is too short to name a problem and a measure, names no problem, or names no measure.
//!
//! Why: review circulars and scoring sheets name an empty or perfunctory part 五 among the most
//! common faults (敷衍塞责, in the 2021 format's own words); 条例 第五十条 asks for the main
//! problems *and* how they are being improved.
//!
//! Read: a problem is told by words such as 问题, 不足, 差距, 有待, 不够, 仍需, 薄弱, 单一, 滞后;
//! a measure by 下一步, 改进, 整改, 将, 加强, 提升, 完善, 健全, 推进, 落实. Fewer than 20
//! characters (punctuation aside) cannot hold both. When part 五 is absent, `section-missing`
//! says so (this rule only when that one is off).
//!
//! Example: 五、存在的主要问题及改进情况 / 无。 → 第五部分只写了「无」.

use super::prose::prose_rule;
use super::prose::{has, Prose};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "part5-perfunctory",
    severity: Severity::Warning,
    description: Label::new(
        "第五部分「存在的主要问题及改进情况」空缺、只写「无」或未写出问题与改进措施",
        "part 5 (problems and improvements) empty, \"none\", or naming no problem or no measure",
    ),
    check,
};

prose_rule!(check_prose);

const PROBLEM: [&str; 17] = [
    "问题",
    "不足",
    "差距",
    "短板",
    "薄弱",
    "有待",
    "不够",
    "欠缺",
    "尚需",
    "仍需",
    "还需",
    "不到位",
    "不高",
    "单一",
    "滞后",
    "偏少",
    "不及时",
];
const MEASURE: [&str; 14] = [
    "下一步",
    "改进",
    "整改",
    "将",
    "加强",
    "提升",
    "完善",
    "健全",
    "推进",
    "落实",
    "强化",
    "优化",
    "计划",
    "措施",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fault {
    Absent,
    Nothing,
    TooShort,
    NoProblem,
    NoMeasure,
}

fn fault(text: Option<&str>) -> Option<Fault> {
    let Some(text) = text else {
        return Some(Fault::Absent);
    };
    let words: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let nothing = ["", "无", "暂无", "没有", "无问题", "无相关情况", "不涉及"];
    if nothing.contains(&words.as_str()) {
        return Some(Fault::Nothing);
    }
    if words.chars().count() < 20 {
        return Some(Fault::TooShort);
    }
    if !PROBLEM.iter().any(|w| has(text, w)) {
        return Some(Fault::NoProblem);
    }
    if !MEASURE.iter().any(|w| has(text, w)) {
        return Some(Fault::NoMeasure);
    }
    None
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    if prose.parts.is_empty() {
        return;
    }
    let part = prose.part("problems");
    let Some(f) = fault(part.map(|p| p.text.as_str())) else {
        return;
    };
    if f == Fault::Absent && !ctx.options.is_off("section-missing") {
        return;
    }
    let message = match (f, ctx.zh()) {
        (Fault::Absent, true) => "缺少第五部分「存在的主要问题及改进情况」：应写明本年度工作存在的主要问题和改进措施。",
        (Fault::Absent, false) => "Part 5 (main problems and improvements) is missing: it should name this year's main problems and how they are being improved.",
        (Fault::Nothing, true) => "第五部分「存在的主要问题及改进情况」只写了「无」或为空：应写明本年度工作存在的主要问题和改进措施（条例第五十条），避免敷衍塞责。",
        (Fault::Nothing, false) => "Part 5 (main problems and improvements) says only \"none\" or nothing: it should name this year's main problems and how they are being improved (Regulations art. 50).",
        (Fault::TooShort, true) => "第五部分「存在的主要问题及改进情况」过于简短，不足以写明存在的问题和改进措施。",
        (Fault::TooShort, false) => "Part 5 (main problems and improvements) is too short to name a problem and a measure.",
        (Fault::NoProblem, true) => "第五部分「存在的主要问题及改进情况」没有写出存在的问题（如不足、差距、有待改进之处），只写了措施或成绩。",
        (Fault::NoProblem, false) => "Part 5 (main problems and improvements) names no problem (a shortcoming, a gap, something to improve), only measures or results.",
        (Fault::NoMeasure, true) => "第五部分「存在的主要问题及改进情况」只写了问题，没有写出改进或整改措施。",
        (Fault::NoMeasure, false) => "Part 5 (main problems and improvements) names problems but no measure to improve them.",
    };
    let mut d = ctx.diag(&RULE, "/sections/problems", message.to_string());
    if let Some(p) = part {
        d.location = Some(Location {
            excerpt: Some(p.text.chars().take(60).collect()),
            ..Location::default()
        });
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::{department, run_on};
    use serde_json::json;

    fn run(problems: Option<&str>, locale: &str) -> Vec<Diagnostic> {
        let mut doc = department(2024);
        match problems {
            Some(p) => doc["sections"]["problems"] = json!(p),
            None => {
                doc["sections"].as_object_mut().unwrap().remove("problems");
            }
        }
        run_on(&RULE, &doc, locale)
    }

    #[test]
    fn passes_when_part_five_names_problems_and_measures() {
        assert!(run(
            Some(department(2024)["sections"]["problems"].as_str().unwrap()),
            "zh-CN"
        )
        .is_empty());
        assert!(run(
            Some("主要问题是网站栏目更新不够及时。下一步将明确专人每周更新栏目。"),
            "zh-CN"
        )
        .is_empty());
    }

    #[test]
    fn warns_on_none_short_and_one_sided_parts() {
        let message = |p: &str| {
            run(Some(p), "zh-CN")
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default()
        };
        assert!(
            message("无。").starts_with("第五部分「存在的主要问题及改进情况」只写了「无」或为空")
        );
        assert!(message("").starts_with("第五部分「存在的主要问题及改进情况」只写了「无」"));
        assert!(message("工作有待加强。").contains("过于简短"));
        assert!(message(
            "全年公开工作开展顺利，各项任务圆满完成，群众满意度持续上升，得到上级肯定。"
        )
        .contains("没有写出存在的问题"));
        assert!(
            message("一是公开栏目更新不够及时；二是政策解读形式较为单一，图解和视频偏少。")
                .contains("没有写出改进或整改措施")
        );
        let d = run(Some("无"), "en");
        assert_eq!(d[0].path, "/sections/problems");
        assert!(d[0]
            .message
            .starts_with("Part 5 (main problems and improvements) says only \"none\""));
    }

    #[test]
    fn an_absent_part_is_section_missing_s_unless_that_is_off() {
        assert!(run(None, "zh-CN").is_empty());
        let mut doc = department(2024);
        doc["sections"].as_object_mut().unwrap().remove("problems");
        let report = crate::model::decode::decode(&doc);
        let o = crate::options::Options {
            overrides: vec![("section-missing", None)],
            ..Default::default()
        };
        let mut out = Vec::new();
        (RULE.check)(&Context::new(&report, &o), &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.starts_with("缺少第五部分"));
    }
}
