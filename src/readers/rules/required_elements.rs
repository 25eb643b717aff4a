//! `required-elements` (warning, 2021 layout): part 一 (总体情况) covers the five aspects the 2021
//! format names: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障; and a people's
//! government's report (the kind read from the issuer's name, or the `issuerKind` option) also
//! gives the results of 工作考核, 社会评议 and 责任追究 (条例 第五十条; the 2021 format places them
//! under 监督保障; found anywhere in the prose, since some reports give them in part 五).
//!
//! Why: 内容不全面 / 缺项 is the second most named fault in review circulars and scoring sheets.
//!
//! An aspect is covered when part 一 uses a word of it (主动公开; 依申请, 申请公开; 信息管理,
//! 审核, 审查; 平台, 网站, 新媒体; 监督, 保障, 考核, 培训, 督查). Saying there was none counts
//! (未发生责任追究情况 names 责任追究).
//!
//! Example: part 一 with no word of 平台建设 → 第一部分未写「政府信息公开平台建设」情况.

use super::prose::prose_rule;
use super::prose::{has, Prose};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::Format;
use crate::options::IssuerKind;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "required-elements",
    severity: Severity::Warning,
    description: Label::new(
        "第一部分缺少规定的内容（主动公开、依申请公开、政府信息管理、平台建设、监督保障；人民政府另有考核、评议、责任追究结果）",
        "part 1 misses a required aspect (proactive disclosure, applications, information management, platforms, oversight; for a government, assessment, public evaluation and accountability results)",
    ),
    check,
};

prose_rule!(check_prose);

/// The five aspects of part 一: their names and the words that show each is covered.
const ASPECTS: [(Label, &[&str]); 5] = [
    (
        Label::new("主动公开", "proactive disclosure"),
        &["主动公开"],
    ),
    (
        Label::new("依申请公开", "disclosure on application"),
        &["依申请", "申请公开", "公开申请"],
    ),
    (
        Label::new("政府信息管理", "information management"),
        &["信息管理", "审核", "审查", "公开属性", "清理"],
    ),
    (
        Label::new("政府信息公开平台建设", "disclosure platforms"),
        &["平台", "网站", "新媒体", "公开栏", "专栏", "公报"],
    ),
    (
        Label::new("监督保障", "oversight and support"),
        &["监督", "保障", "考核", "培训", "督查", "责任"],
    ),
];

/// A government's results of 条例 第五十条: name and words.
const RESULTS: [(Label, &[&str]); 3] = [
    (Label::new("工作考核", "assessment"), &["考核"]),
    (
        Label::new("社会评议", "public evaluation"),
        &["评议", "社会评价", "满意度"],
    ),
    (
        Label::new("责任追究", "accountability"),
        &["责任追究", "追责", "问责"],
    ),
];

fn missing<'l>(text: &str, list: &'l [(Label, &[&str])]) -> Vec<&'l Label> {
    list.iter()
        .filter(|(_, words)| !words.iter().any(|w| has(text, w)))
        .map(|(l, _)| l)
        .collect()
}

fn names(ctx: &Context, labels: &[&Label]) -> String {
    let names: Vec<String> = labels
        .iter()
        .map(|l| {
            if ctx.zh() {
                format!("「{}」", l.zh)
            } else {
                l.en.to_string()
            }
        })
        .collect();
    names.join(if ctx.zh() { "、" } else { ", " })
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    if ctx.format() != Format::F2021 {
        return;
    }
    let Some(one) = prose.part("overview") else {
        return;
    };
    let lacking = missing(&one.text, &ASPECTS);
    if !lacking.is_empty() {
        let list = names(ctx, &lacking);
        let message = if ctx.zh() {
            format!("第一部分「总体情况」未写{list}方面的情况（2021 年版格式要求总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设和监督保障）。")
        } else {
            format!("Part 1 (overview) says nothing of {list} (the 2021 format has the overview cover proactive disclosure, applications, information management, platforms, and oversight).")
        };
        out.push(ctx.diag(&RULE, "/sections/overview", message));
    }
    if prose.issuer_kind != Some(IssuerKind::Government) {
        return;
    }
    let all: String = prose.parts.iter().map(|p| p.text.as_str()).collect();
    let lacking = missing(&all, &RESULTS);
    if !lacking.is_empty() {
        let list = names(ctx, &lacking);
        let message = if ctx.zh() {
            format!("人民政府的年度报告还应报告政府信息公开工作考核、社会评议和责任追究结果（条例第五十条），本报告未写{list}结果；如无，也应写明。")
        } else {
            format!("A government's report also gives the results of assessment, public evaluation and accountability (Regulations art. 50); this one gives none for {list}; if there were none, say so.")
        };
        let mut d = ctx.diag(&RULE, "/sections/overview", message);
        d.related.push("/issuer".into());
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::{department, run_on};
    use serde_json::json;

    #[test]
    fn passes_when_part_one_covers_the_five_aspects() {
        assert!(run_on(&RULE, &department(2024), "zh-CN").is_empty());
        assert!(run_on(&RULE, &department(2023), "zh-CN").is_empty());
        let mut gov = department(2024);
        gov["issuer"] = json!("示例县人民政府");
        gov["sections"]["overview"] = json!(format!(
            "{}将政务公开纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
            gov["sections"]["overview"].as_str().unwrap()
        ));
        assert!(run_on(&RULE, &gov, "zh-CN").is_empty());
    }

    #[test]
    fn warns_naming_what_is_missing() {
        let mut doc = department(2024);
        doc["sections"]["overview"] = json!("2024年，我局主动公开政府信息286条，全年收到政府信息公开申请40件，均按期答复。将政务公开纳入目标考核。");
        let d = run_on(&RULE, &doc, "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/sections/overview");
        assert!(
            d[0].message.starts_with(
                "第一部分「总体情况」未写「政府信息管理」、「政府信息公开平台建设」方面的情况"
            ),
            "{}",
            d[0].message
        );
        let d = run_on(&RULE, &doc, "en");
        assert!(
            d[0].message.starts_with(
                "Part 1 (overview) says nothing of information management, disclosure platforms"
            ),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn a_government_also_reports_assessment_evaluation_and_accountability() {
        let mut gov = department(2024);
        gov["issuer"] = json!("示例县人民政府");
        let d = run_on(&RULE, &gov, "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        // The department's prose names 目标考核 only.
        assert!(
            d[0].message
                .ends_with("本报告未写「社会评议」、「责任追究」结果；如无，也应写明。"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].related, ["/issuer"]);
    }
}
