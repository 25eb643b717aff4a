//! `narrative-conflict` (warning): two figures in the prose for the same quantity disagree
//! with each other: the same words before the figure, the same unit, different values, in
//! different sentences (通过专栏公开信息 20 条 in one paragraph, 通过专栏公开信息 16 条 in another).
//!
//! Why: a report that states one quantity two ways is wrong in one of them, whatever the tables
//! say; a real 2022 report did so. Reviews read the prose as a whole.
//!
//! "The same quantity" is told by the words: those before the figure since the sentence's start
//! or its previous figure, without fillers (全年, 共, 累计, 其中, 的 …) and without the report's
//! own year; at least six characters of them, so that a bare 发布信息 under two headings is not
//! taken for one quantity. Comparisons with another time (较上年增加 …, 同比) and approximate
//! figures (5500余条) are left out, as are figures in one sentence (a total and its parts).
//!
//! Example: 一: 全年通过政务公开专栏发布信息 20 条; 五: 通过政务公开专栏发布信息 16 条 → 两处不一致.

use super::prose::prose_rule;
use super::prose::{heading, Prose};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::decode::SECTION_KEYS;
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "narrative-conflict",
    severity: Severity::Warning,
    description: Label::new(
        "正文两处所述同一数字不一致",
        "two figures in the prose for the same quantity disagree",
    ),
    check,
};

prose_rule!(check_prose);

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let q = &prose.figures().quantities;
    let mut said: Vec<&str> = Vec::new();
    for (i, a) in q.iter().enumerate() {
        let Some(key) = a.key.as_deref() else {
            continue;
        };
        if said.contains(&key) {
            continue;
        }
        let Some(b) = q[i + 1..].iter().find(|b| {
            b.key.as_deref() == Some(key) && b.sentence != a.sentence && b.value != a.value
        }) else {
            continue;
        };
        said.push(key);
        let (pa, pb) = (heading(ctx, a.part), heading(ctx, b.part));
        let (ca, cb) = (&a.clause, &b.clause);
        let (va, vb, unit) = (a.value, b.value, a.unit);
        let message = if ctx.zh() {
            format!("正文两处所述同一数字不一致：「{ca}」（{pa}）为 {va}{unit}，「{cb}」（{pb}）为 {vb}{unit}；请核对后统一。")
        } else {
            format!("Two figures in the prose for the same thing disagree: \"{ca}\" ({pa}) says {va}{unit}, \"{cb}\" ({pb}) says {vb}{unit}.")
        };
        let key_of = |p: usize| SECTION_KEYS.get(p).copied().unwrap_or("");
        let mut d = ctx.diag(&RULE, format!("/sections/{}", key_of(b.part)), message);
        if a.part != b.part {
            d.related.push(format!("/sections/{}", key_of(a.part)));
        }
        d.location = Some(Location {
            excerpt: Some(cb.clone()),
            ..Location::default()
        });
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::run_on;
    use crate::rules::testing::sample;
    use serde_json::json;

    fn run(sections: serde_json::Value, locale: &str) -> Vec<Diagnostic> {
        let mut doc = sample("2024");
        doc["sections"] = sections;
        run_on(&RULE, &doc, locale)
    }

    #[test]
    fn warns_when_one_quantity_is_stated_two_ways() {
        let s = json!({
            "overview": "（一）主动公开情况。2024年，我局通过政务公开专栏发布信息20条，其中政策解读5条。",
            "problems": "主要问题：一是通过政务公开专栏发布信息16条，数量偏少。",
        });
        let d = run(s.clone(), "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/sections/problems");
        assert_eq!(d[0].related, ["/sections/overview"]);
        assert_eq!(d[0].message, "正文两处所述同一数字不一致：「我局通过政务公开专栏发布信息20条」（一、总体情况）为 20条，「一是通过政务公开专栏发布信息16条」（五、存在的主要问题及改进情况）为 16条；请核对后统一。");
        let d = run(s, "en");
        assert!(d[0].message.starts_with("Two figures in the prose for the same thing disagree: \"我局通过政务公开专栏发布信息20条\" (1. Overview) says 20条"), "{}", d[0].message);
    }

    #[test]
    fn silent_on_different_things_comparisons_and_parts_of_a_total() {
        let s = json!({
            "overview": "全年通过政务公开专栏发布信息20条，较上年通过政务公开专栏发布信息16条有所增加。政府网站方面，发布信息300条。政务微博方面，发布信息120条。2023年通过政务公开专栏发布信息18条。通过政务公开专栏发布信息约25条。",
            "other": "通过政务公开专栏发布信息20条。",
        });
        assert!(run(s, "zh-CN").is_empty());
    }
}
