//! `stale-year` (warning): the report presents another year as its report year: a sentence of
//! the prose opens on another year (「2023年，镇政府…」 or 「2023年全年共…」 in a 2024 report), or
//! the 统计期限 (the text before part 一, or part 一) covers another year than the report's.
//!
//! Why: a report rewritten from last year's keeps last year's year somewhere; reviews count it
//! as 内容雷同 and as inaccurate content.
//!
//! Silent on what is clearly not the report year: comparisons (较2023年增长, 与2023年相比,
//! 同比), periods (2023年以来, 自2023年起, 截至2023年底), dates with a month (2023年12月), a
//! title in 《》, and the following year (plans: 2025年，我局将…).
//!
//! Example: year 2024, part 一 「2023年，我局坚持…」 → 第一部分把 2023 年写作报告年度.

use super::prose::prose_rule;
use super::prose::{heading, Prose};
use crate::diagnostic::{Diagnostic, Location, Num, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "stale-year",
    severity: Severity::Warning,
    description: Label::new(
        "正文或统计期限把其他年份写作报告年度",
        "the prose or the statistics period presents another year as the report year",
    ),
    check,
};

prose_rule!(check_prose);

/// A four-digit year from 2000 to 2100 starting at byte `i` and followed by 年, and the bytes
/// it takes with its 年 (and 度).
fn year_at(s: &str, i: usize) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    let d = b.get(i..i + 4)?;
    if !d.iter().all(u8::is_ascii_digit) || (i > 0 && b[i - 1].is_ascii_digit()) {
        return None;
    }
    let rest = s.get(i + 4..)?;
    let rest = rest.strip_prefix('年')?;
    let len = 4
        + '年'.len_utf8()
        + if rest.starts_with('度') {
            '度'.len_utf8()
        } else {
            0
        };
    let y = d.iter().fold(0i32, |v, &c| v * 10 + i32::from(c - b'0'));
    (2000..=2100).contains(&y).then_some((y, len))
}

/// Words after the year that make it a period or a date, not the report year.
const NOT_THE_YEAR_AFTER: [&str; 8] = ["以来", "起", "前", "后", "底", "末", "初", "月"];
/// Words before it that make it a comparison or a period.
const NOT_THE_YEAR_BEFORE: [&str; 10] = [
    "较", "比", "与", "同", "自", "从", "截至", "截止", "至", "《",
];
/// Openings after the year that state a year's work or figures.
const STATES: [&str; 6] = ["全年", "共", "累计", "我", "本", "全"];

/// A sentence without what may come before its first word: punctuation and enumerators (一是,
/// (一), 1., 2、, 其中).
fn strip_lead(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
        for lead in [
            "一是", "二是", "三是", "四是", "五是", "六是", "其中", "同时", "此外",
        ] {
            s = s.strip_prefix(lead).unwrap_or(s);
        }
        let mut chars = s.char_indices();
        if let (Some((_, c)), Some((i, sep))) = (chars.next(), chars.next()) {
            let numeral = c.is_ascii_digit()
                || matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                );
            if numeral && matches!(sep, '.' | '、' | ')') {
                s = &s[i + sep.len_utf8()..];
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The first sentence of a folded text that opens on a year other than `year` (or its next):
/// (that year, the sentence).
fn stale_sentence(text: &str, year: i32) -> Option<(i32, &str)> {
    for sentence in text.split(['。', ';', '!', '?']) {
        let s = strip_lead(sentence);
        let Some((y, len)) = year_at(s, 0) else {
            continue;
        };
        let after = &s[len..];
        if y == year || y == year + 1 || NOT_THE_YEAR_AFTER.iter().any(|w| after.starts_with(w)) {
            continue;
        }
        if after.starts_with(',') || STATES.iter().any(|w| after.starts_with(w)) {
            return Some((y, sentence));
        }
    }
    // 「…2023年全年共…」 inside a sentence, not as a comparison.
    for (i, _) in text.match_indices('年') {
        let Some(start) = i.checked_sub(4) else {
            continue;
        };
        let Some((y, len)) = year_at(text, start) else {
            continue;
        };
        let (before, after) = (&text[..start], &text[start + len..]);
        let stated = [
            "全年共",
            "共受理",
            "共收到",
            "共主动公开",
            "全年主动公开",
            "全年受理",
        ]
        .iter()
        .any(|w| after.starts_with(w));
        let compared = NOT_THE_YEAR_BEFORE.iter().any(|w| before.ends_with(w))
            || ["上年", "去年", "同期"].iter().any(|w| before.ends_with(w));
        if y != year && y != year + 1 && stated && !compared {
            let ends = |c: char| matches!(c, '。' | ',' | ';');
            let from = before
                .char_indices()
                .rev()
                .find(|&(_, c)| ends(c))
                .map_or(0, |(p, c)| p + c.len_utf8());
            let to = after.find(ends).map_or(text.len(), |p| start + len + p);
            return Some((y, &text[from..to]));
        }
    }
    None
}

/// The years a 统计期限 (统计时限, 统计时间) names, when one differs from `year`.
pub fn stale_period(text: &str, year: i32) -> Option<i32> {
    for label in ["统计期限", "统计时限", "统计时间", "统计区间", "统计周期"] {
        // Each occurrence (the word-at-a-time search: the text may be a portal page's whole
        // preamble, and std's searcher is slower to set up than to run here).
        let mut from = 0;
        while let Some(k) = text
            .get(from..)
            .and_then(|t| crate::base::scan::find(t.as_bytes(), label.as_bytes()))
        {
            let i = from + k;
            from = i + label.len();
            let window: String = text[i..].chars().take(40).collect();
            for (j, _) in window.char_indices() {
                if let Some((d, _)) = crate::base::dates::parse_printed(&window[j..]) {
                    let period = matches!((d.1, d.2), (1, 1) | (12, 31));
                    if period && d.0 != year {
                        return Some(d.0);
                    }
                }
            }
        }
    }
    None
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.report.year else {
        return;
    };
    for p in &prose.parts {
        let Some((y, sentence)) = stale_sentence(&p.text, year) else {
            continue;
        };
        let part = heading(ctx, p.index);
        let excerpt: String = sentence.chars().take(60).collect();
        let message = if ctx.zh() {
            format!("「{part}」中「{excerpt}」把 {y} 年写作本报告年度，本报告为 {year} 年度：请核对是否沿用了往年报告的文字。")
        } else {
            format!("\"{part}\" presents {y} as the report year (\"{excerpt}\") in the {year} report: check for text kept from an earlier report.")
        };
        out.push(stale(
            ctx,
            format!("/sections/{}", p.key),
            message,
            y,
            excerpt,
        ));
    }
    if let Some(p) = prose.part("overview") {
        period(ctx, &p.text, year, out);
    }
}

/// A 统计期限 of another year in `text` (part 一 here; the text before part 一 in `check`).
pub fn period(ctx: &Context, text: &str, year: i32, out: &mut Vec<Diagnostic>) {
    if ctx.options.is_off(RULE.id) {
        return;
    }
    if let Some(y) = stale_period(text, year) {
        let message = if ctx.zh() {
            format!("统计期限写的是 {y} 年，而本报告为 {year} 年度：请核对统计期限或报告年度。")
        } else {
            format!("The statistics period covers {y}, but this is the {year} report: check the period or the report year.")
        };
        let mut d = stale(ctx, "/year".into(), message, y, String::new());
        d.location = None;
        out.push(d);
    }
}

fn stale(ctx: &Context, path: String, message: String, y: i32, excerpt: String) -> Diagnostic {
    let mut d = ctx.diag(&RULE, path, message);
    d.actual = Some(Num::Int(i64::from(y)));
    d.expected = ctx.report.year.map(|y| Num::Int(i64::from(y)));
    d.location = Some(Location {
        excerpt: Some(excerpt),
        ..Location::default()
    });
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::{department, run_on};
    use serde_json::json;

    fn run(part: &str, text: &str, locale: &str) -> Vec<Diagnostic> {
        let mut doc = department(2024);
        doc["sections"][part] = json!(text);
        run_on(&RULE, &doc, locale)
    }

    #[test]
    fn passes_on_this_years_text_and_on_other_years_in_passing() {
        assert!(run_on(&RULE, &department(2024), "zh-CN").is_empty());
        assert!(run_on(&RULE, &department(2023), "zh-CN").is_empty());
        for text in [
            "较2023年增长12%，与2022年相比有所增加。",
            "2023年以来，我局持续推进公开平台建设。",
            "自2021年起实行信息发布审核制度。",
            "2023年12月，我局修订了发布审核办法。",
            "2025年，我局将进一步丰富解读形式。",
            "根据《2023年政务公开工作要点》的部署开展工作。",
            "上年同期2023年共受理申请31件。",
        ] {
            assert!(run("overview", text, "zh-CN").is_empty(), "{text}");
        }
    }

    #[test]
    fn warns_when_a_sentence_opens_on_another_year() {
        let d = run(
            "overview",
            "2023年，我局坚持以人民为中心，扎实推进政务公开。",
            "zh-CN",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/sections/overview");
        assert_eq!(d[0].actual, Some(Num::Int(2023)));
        assert_eq!(d[0].message, "「一、总体情况」中「2023年,我局坚持以人民为中心,扎实推进政务公开」把 2023 年写作本报告年度，本报告为 2024 年度：请核对是否沿用了往年报告的文字。");
        assert_eq!(
            run(
                "problems",
                "一是2023年全年共受理申请偏少。下一步将加强宣传。",
                "zh-CN"
            )
            .len(),
            1
        );
        assert_eq!(
            run("other", "我局2022年全年共收取信息处理费0元。", "zh-CN").len(),
            1
        );
        let d = run("overview", "2023年，镇政府全面推进政务公开。", "en");
        assert!(
            d[0].message
                .starts_with("\"1. Overview\" presents 2023 as the report year"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn warns_when_the_statistics_period_is_another_year() {
        let d = run(
            "overview",
            "本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。",
            "zh-CN",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/year");
        assert_eq!(
            d[0].message,
            "统计期限写的是 2023 年，而本报告为 2024 年度：请核对统计期限或报告年度。"
        );
        assert!(run(
            "overview",
            "本报告所列数据统计期限自2024年1月1日起至2024年12月31日止。",
            "zh-CN"
        )
        .is_empty());
    }
}
