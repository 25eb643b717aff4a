//! `narrative-mismatch` (warning): a figure the prose states disagrees with the tables. Each
//! figure is compared with the combination of cells it counts:
//! - applications received (受理/新收/收到…申请), carried over (上年结转), answered (办结/答复,
//!   = （七）总计), carried forward (结转下年度, 转下一年度, 顺延);
//! - results: 予以公开, 部分公开, 予以公开及部分公开 (= （一）+（二）), 不予公开 (all of （三）),
//!   不掌握, 另行制作, 无法提供 and 因…等原因无法提供 (all of （四）), 不予处理, 其他处理;
//! - the applicant columns named (其中自然人…件、法人或其他组织…件 = the five 法人 columns);
//! - 行政复议 / 行政诉讼 and their outcomes (维持, 纠正, 其他结果, 尚未审结), litigation per
//!   block or both blocks together;
//! - shares (予以公开 1362 件，占比 44.7%) against the table's own total: （七）总计, or 新收
//!   (with or without 上年结转), the row's total for an applicant column, the block's total for
//!   an outcome; the printed precision is the tolerance;
//! - claims: 均获维持 while table 四 has 纠正/其他/尚未审结 cases in that block; 均已办结 while
//!   table 三 carries applications forward (or table 四 has cases pending).
//!
//! Why: format.md §5 T-1; readers compare the prose with the tables first, and a mismatch is
//! a published inconsistency even when each part is right on its own.
//!
//! Silent where the scope cannot be matched: only `N件` figures in a clause that names what is
//! counted; hotline, consultation and message sentences skipped; approximate figures (20余件)
//! ignored. When the same thing is stated twice and one statement matches the table, the other
//! is taken to count something else. A figure in a sentence that names another body (区政府办代表
//! 区政府受理…, 本级; 全区 in a department's report) is `narrative-scope`'s (an info), not this
//! rule's: 洪泽 2024 says 区政府办代表区政府受理…申请 17 件 where table 三 counts 95, and which
//! scope the table counts only its authors know. Likewise a 受理 figure that equals 新收 + 上年结转.
//!
//! Example: 全年共受理政府信息公开申请 17 件 with 一、本年新收…总计 95 → 正文 17 件与表三 95 不一致.

use super::figures::{Claim, Fact, Mention, Who};
use super::prose::prose_rule;
use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Location, Num, Severity};
use crate::model::layout::{layout, CellId, Label, T3Role, T3_ROWS, T3_TOTAL_COL, T4_TOTAL_COL};
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "narrative-mismatch",
    severity: Severity::Warning,
    description: Label::new(
        "正文所述数字与表格不一致",
        "a figure stated in the prose disagrees with the tables",
    ),
    check,
};

prose_rule!(check_prose);

/// What comparing the prose with the tables found.
pub enum Finding<'p> {
    /// A count that disagrees: the cells it should equal and their value.
    Count(&'p Mention, Vec<CellId>, i64),
    /// A share that disagrees: the count's cells, the denominator's cells and value, and the
    /// share they give.
    Share(&'p Mention, Vec<CellId>, Vec<CellId>, i64, f64),
    /// A claim (均获维持, 均已办结) a cell contradicts, with its value.
    Claim(&'p Mention, CellId, i64),
    /// A count of a sentence that names another body, which disagrees (`narrative-scope`).
    OtherScope(&'p Mention, Vec<CellId>, i64),
    /// 受理 N 件 where N = 新收 + 上年结转 (`narrative-scope`): received, carried over.
    WithCarriedOver(&'p Mention, i64, i64),
}

fn row(key: &str) -> usize {
    T3_ROWS.iter().position(|r| r.key == key).unwrap_or(0)
}

/// Rows of table 三 a fact counts (empty for table 四's).
fn rows_of(ctx: &Context, fact: Fact) -> Vec<usize> {
    let l = layout();
    let group = |prefix: &str| -> Vec<usize> {
        T3_ROWS
            .iter()
            .enumerate()
            .filter(|(_, r)| r.key.starts_with(prefix) && r.role == T3Role::Result)
            // Present rows only: a 2021 report may print the single 2019 （六） row.
            .filter(|&(i, _)| ctx.report.cell(l.t3(i, T3_TOTAL_COL)).is_present())
            .map(|(i, _)| i)
            .collect()
    };
    match fact {
        Fact::Received => vec![row("received")],
        Fact::CarriedOver => vec![row("carriedOver")],
        Fact::Answered => vec![row("results/total")],
        Fact::CarriedForward => vec![row("carriedForward")],
        Fact::Granted => vec![row("results/granted")],
        Fact::Partial => vec![row("results/partiallyGranted")],
        Fact::GrantedOrPartial => vec![row("results/granted"), row("results/partiallyGranted")],
        Fact::NotHeld => vec![row("results/unavailable/notHeld")],
        Fact::NeedsCreation => vec![row("results/unavailable/needsCreation")],
        Fact::Withheld => group("results/withheld/"),
        Fact::Unavailable => group("results/unavailable/"),
        Fact::NotProcessed => group("results/notProcessed/"),
        Fact::OtherHandling => group("results/otherHandling"),
        Fact::Review(_) | Fact::Litigation(..) => Vec::new(),
    }
}

fn columns(who: Who) -> Vec<usize> {
    match who {
        Who::All => vec![T3_TOTAL_COL],
        Who::Natural => vec![0],
        Who::Orgs => (1..=5).collect(),
        Who::Org(k) => vec![k],
    }
}

/// The cells a fact counts, and the alternatives the prose may mean by it.
fn alternatives(ctx: &Context, fact: Fact, who: Who) -> Vec<Vec<CellId>> {
    let l = layout();
    let t3 = |rows: &[usize], who: Who| -> Vec<CellId> {
        rows.iter()
            .flat_map(|&r| columns(who).into_iter().map(move |c| l.t3(r, c)))
            .collect()
    };
    match fact {
        Fact::Review(c) => vec![vec![l.t4(0, c)]],
        Fact::Litigation(Some(b), c) => vec![vec![l.t4(b, c)], vec![l.t4(1, c), l.t4(2, c)]],
        Fact::Litigation(None, c) => vec![vec![l.t4(1, c), l.t4(2, c)]],
        _ => {
            let rows = rows_of(ctx, fact);
            if rows.is_empty() {
                Vec::new()
            } else {
                vec![t3(&rows, who)]
            }
        }
    }
}

/// What a share may be of: the candidates for its denominator.
fn denominators(ctx: &Context, fact: Fact, who: Who) -> Vec<Vec<CellId>> {
    let l = layout();
    let total = |r: usize| l.t3(r, T3_TOTAL_COL);
    match fact {
        Fact::Review(c) if c != T4_TOTAL_COL => vec![vec![l.t4(0, T4_TOTAL_COL)]],
        Fact::Litigation(b, c) if c != T4_TOTAL_COL => {
            let both = vec![l.t4(1, T4_TOTAL_COL), l.t4(2, T4_TOTAL_COL)];
            match b {
                Some(b) => vec![vec![l.t4(b, T4_TOTAL_COL)], both],
                None => vec![both],
            }
        }
        Fact::Review(_) | Fact::Litigation(..) => Vec::new(),
        _ if who != Who::All => alternatives(ctx, fact, Who::All),
        Fact::Received | Fact::CarriedOver | Fact::Answered | Fact::CarriedForward => Vec::new(),
        _ => vec![
            vec![total(row("results/total"))],
            vec![total(row("received"))],
            vec![total(row("received")), total(row("carriedOver"))],
        ],
    }
}

fn sum(ctx: &Context, ids: &[CellId]) -> Option<i64> {
    if ids.is_empty() {
        return None;
    }
    ids.iter().map(|&id| ctx.report.int(id)).sum()
}

/// Compare every figure of the prose with the tables.
pub fn findings<'p>(ctx: &Context, prose: &'p Prose) -> Vec<Finding<'p>> {
    let mentions = &prose.figures().mentions;
    let mut out = Vec::new();
    let mut done: Vec<(Fact, Who)> = Vec::new();
    for m in mentions {
        match m.claim {
            Claim::Count(_) if !done.contains(&(m.fact, m.who)) => {
                done.push((m.fact, m.who));
                compare_counts(ctx, mentions, m.fact, m.who, &mut out);
            }
            Claim::Share {
                percent,
                precision,
                count,
            } if !m.scoped => {
                let cells = alternatives(ctx, m.fact, m.who).into_iter().next();
                let shares: Vec<(Vec<CellId>, i64, f64)> = denominators(ctx, m.fact, m.who)
                    .into_iter()
                    .filter_map(|d| {
                        let v = sum(ctx, &d)?;
                        (v > 0).then(|| (d, v, 100.0 * count as f64 / v as f64))
                    })
                    .collect();
                let fits = |q: f64| (q - percent).abs() <= precision + 1e-9;
                if let (Some(cells), Some((d, v, q))) = (cells, shares.first()) {
                    if !shares.iter().any(|s| fits(s.2)) {
                        out.push(Finding::Share(m, cells, d.clone(), *v, *q));
                    }
                }
            }
            Claim::AllUpheld | Claim::AllDone if !m.scoped => claim(ctx, m, &mut out),
            _ => {}
        }
    }
    out
}

fn compare_counts<'p>(
    ctx: &Context,
    mentions: &'p [Mention],
    fact: Fact,
    who: Who,
    out: &mut Vec<Finding<'p>>,
) {
    let group: Vec<(&Mention, i64)> = mentions
        .iter()
        .filter(|m| m.fact == fact && m.who == who)
        .filter_map(|m| match m.claim {
            Claim::Count(n) => Some((m, n)),
            _ => None,
        })
        .collect();
    let values: Vec<(Vec<CellId>, i64)> = alternatives(ctx, fact, who)
        .into_iter()
        .filter_map(|ids| sum(ctx, &ids).map(|v| (ids, v)))
        .collect();
    let Some((cells, table)) = values.first() else {
        return;
    };
    if group
        .iter()
        .any(|(_, n)| values.iter().any(|(_, v)| v == n))
    {
        return;
    }
    if fact == Fact::Received && who == Who::All {
        let l = layout();
        let carried = ctx.report.int(l.t3(row("carriedOver"), T3_TOTAL_COL));
        if let Some(c) = carried.filter(|&c| c > 0) {
            if let Some((m, _)) = group.iter().find(|(_, n)| *n == table + c) {
                out.push(Finding::WithCarriedOver(m, *table, c));
                return;
            }
        }
    }
    match group.iter().find(|(m, _)| !m.scoped) {
        Some((m, _)) => out.push(Finding::Count(m, cells.clone(), *table)),
        None => {
            if let Some((m, _)) = group.first() {
                out.push(Finding::OtherScope(m, cells.clone(), *table));
            }
        }
    }
}

/// 均获维持 / 均已办结 against the cells that would contradict them.
fn claim<'p>(ctx: &Context, m: &'p Mention, out: &mut Vec<Finding<'p>>) {
    let l = layout();
    let blocks = match m.fact {
        Fact::Review(_) => vec![0],
        Fact::Litigation(Some(b), _) => vec![b],
        Fact::Litigation(None, _) => vec![1, 2],
        _ => Vec::new(),
    };
    let against: Vec<CellId> = match (m.fact, m.claim) {
        (Fact::Received, Claim::AllDone) => {
            vec![l.t3(row("carriedForward"), T3_TOTAL_COL)]
        }
        (_, Claim::AllUpheld) => blocks
            .iter()
            .flat_map(|&b| (1..=3).map(move |c| l.t4(b, c)))
            .collect(),
        (_, Claim::AllDone) => blocks.iter().map(|&b| l.t4(b, 3)).collect(),
        _ => Vec::new(),
    };
    if let Some((id, v)) = against
        .iter()
        .find_map(|&id| ctx.report.int(id).filter(|&v| v > 0).map(|v| (id, v)))
    {
        out.push(Finding::Claim(m, id, v));
    }
}

fn describe(ctx: &Context, ids: &[CellId]) -> String {
    if ids.len() == 1 {
        return ctx.name(ids[0]).to_string();
    }
    let names: Vec<&str> = ids.iter().map(|&id| ctx.name(id)).collect();
    if ctx.zh() {
        format!("{}之和", names.join("、"))
    } else {
        format!("the sum of {}", names.join(", "))
    }
}

/// A share as printed, to the precision the prose used (0.1 → one decimal).
fn percent(q: f64, precision: f64) -> f64 {
    let scale = (1.0 / precision).round();
    (q * scale).round() / scale
}

/// The diagnostic for a mention: at the first cell, the others and the part related.
pub fn diag_at(
    ctx: &Context,
    rule: &RuleDef,
    m: &Mention,
    cells: &[CellId],
    message: String,
) -> Diagnostic {
    let mut d = ctx.diag(rule, cells.first().map_or("", |&id| ctx.path(id)), message);
    d.related = cells
        .iter()
        .skip(1)
        .map(|&id| ctx.path(id).to_string())
        .collect();
    if let Some(key) = crate::model::decode::SECTION_KEYS.get(m.part) {
        d.related.push(format!("/sections/{key}"));
    }
    d.location = Some(Location {
        excerpt: Some(m.clause.clone()),
        ..Location::default()
    });
    d
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let zh = ctx.zh();
    for f in findings(ctx, prose) {
        match f {
            Finding::Count(m, cells, table) => {
                let Claim::Count(n) = m.claim else { continue };
                let (name, clause) = (describe(ctx, &cells), &m.clause);
                let message = if zh {
                    format!("正文「{clause}」所述 {n} 件与{name} {table} 不一致；若正文统计的范围不同（如仅指某一机构），请在正文中写明。")
                } else {
                    format!("The prose \"{clause}\" states {n}, but {name} is {table}; if the prose counts something else (e.g. one office only), say so in the text.")
                };
                let mut d = diag_at(ctx, &RULE, m, &cells, message);
                d.expected = Some(Num::Int(table));
                d.actual = Some(Num::Int(n));
                out.push(d);
            }
            Finding::Share(m, cells, denominator, v, q) => {
                let Claim::Share {
                    percent: p,
                    precision,
                    count,
                } = m.claim
                else {
                    continue;
                };
                let expected = percent(q, precision);
                let (name, clause) = (describe(ctx, &denominator), &m.clause);
                let shown = Num::Dec(expected);
                let message = if zh {
                    format!("正文「{clause}」所述比例 {}% 与表格不符：{count} 件占{name} {v} 的 {shown}%。", Num::Dec(p))
                } else {
                    format!("The prose \"{clause}\" gives {}%, but {count} of {name} ({v}) is {shown}%.", Num::Dec(p))
                };
                let mut d = diag_at(ctx, &RULE, m, &cells, message);
                d.related
                    .extend(denominator.iter().map(|&id| ctx.path(id).to_string()));
                d.expected = Some(shown);
                d.actual = Some(Num::Dec(p));
                out.push(d);
            }
            Finding::Claim(m, id, v) => {
                let (name, clause) = (ctx.name(id), &m.clause);
                let message = match (m.claim, zh) {
                    (Claim::AllUpheld, true) => {
                        format!("正文「{clause}」称结果均为维持，但{name}为 {v}。")
                    }
                    (Claim::AllUpheld, false) => format!(
                        "The prose \"{clause}\" says every case was upheld, but {name} is {v}."
                    ),
                    (_, true) => format!("正文「{clause}」称均已办结，但{name}为 {v}。"),
                    (_, false) => format!(
                        "The prose \"{clause}\" says everything was concluded, but {name} is {v}."
                    ),
                };
                let mut d = diag_at(ctx, &RULE, m, &[id], message);
                d.actual = Some(Num::Int(v));
                out.push(d);
            }
            Finding::OtherScope(..) | Finding::WithCarriedOver(..) => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::decode::decode;
    use crate::options::Options;
    use serde_json::{json, Value};

    /// A department's consistent report of our own (tests/fixtures/prose): 2024 — 新收 40
    /// (自然人 36, 法人 4), 上年结转 2, 办结 39 (予以公开 20, 部分公开 5, 不予公开 2, 无法提供 10
    /// = 不掌握 8 + 另行制作 2, 不予处理 1, 其他处理 1), 结转下年度 3; 行政复议 3 (维持 2, 纠正
    /// 1), 行政诉讼 2 (直接起诉: 维持 1, 尚未审结 1).
    pub fn department(year: i32) -> Value {
        let text = match year {
            2023 => include_str!("../../../tests/fixtures/prose/department-2023.json"),
            _ => include_str!("../../../tests/fixtures/prose/department-2024.json"),
        };
        serde_json::from_str(text).unwrap()
    }

    /// The findings of a rule on a report.
    pub fn run_on(rule: &RuleDef, doc: &Value, locale: &str) -> Vec<Diagnostic> {
        let report = decode(doc);
        let o = Options {
            locale: crate::messages::Locale::parse(locale).unwrap(),
            ..Options::default()
        };
        let mut out = Vec::new();
        (rule.check)(&Context::new(&report, &o), &mut out);
        out
    }

    /// The 2024 report with this prose as its part 一 (and nothing else).
    pub fn with_prose(overview: &str) -> Value {
        let mut doc = department(2024);
        doc["sections"] = json!({ "overview": overview });
        doc
    }

    fn run(overview: &str) -> Vec<Diagnostic> {
        run_on(&RULE, &with_prose(overview), "zh-CN")
    }

    /// (path, expected) of each finding.
    fn found(overview: &str) -> Vec<(String, Option<Num>)> {
        run(overview)
            .into_iter()
            .map(|d| (d.path, d.expected))
            .collect()
    }

    fn at(path: &str, expected: Option<Num>) -> Vec<(String, Option<Num>)> {
        vec![(path.to_string(), expected)]
    }

    #[test]
    fn the_reports_own_prose_agrees() {
        for year in [2023, 2024] {
            let doc = department(year);
            for rule in [
                &RULE,
                &super::super::narrative_scope::RULE,
                &super::super::narrative_conflict::RULE,
            ] {
                let d = run_on(rule, &doc, "zh-CN");
                assert!(d.is_empty(), "{year} {}: {d:?}", rule.id);
            }
        }
    }

    #[test]
    fn passes_when_prose_agrees() {
        assert!(run("本年共收到政府信息公开申请40件。").is_empty());
    }

    #[test]
    fn warns_when_prose_disagrees() {
        let d = run("全年共受理政府信息公开申请 1 件，按期答复。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/applications/received/total");
        assert_eq!(d[0].actual, Some(Num::Int(1)));
        assert_eq!(d[0].expected, Some(Num::Int(40)));
        assert_eq!(d[0].message, "正文「全年共受理政府信息公开申请1件」所述 1 件与表三「一、本年新收政府信息公开申请数量」行「总计」列 40 不一致；若正文统计的范围不同（如仅指某一机构），请在正文中写明。");
        let d = run_on(
            &RULE,
            &with_prose("全年共受理政府信息公开申请 1 件。"),
            "en",
        );
        assert!(
            d[0].message
                .starts_with("The prose \"全年共受理政府信息公开申请1件\" states 1, but table 3"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn granted_and_partial_together_are_both_rows() {
        assert!(run("其中予以公开及部分公开25件。").is_empty());
        assert!(run("予以公开、部分公开共25件。").is_empty());
        let d = run("其中予以公开及部分公开208件。");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/results/granted/total");
        assert_eq!(
            d[0].related[0],
            "/applications/results/partiallyGranted/total"
        );
        assert_eq!(d[0].expected, Some(Num::Int(25)));
        assert!(
            d[0].message.contains(
                "表三「（一）予以公开」行「总计」列、表三「（二）部分公开」行「总计」列之和 25"
            ),
            "{}",
            d[0].message
        );
        // Each alone, as before.
        assert!(run("予以公开20件，部分公开5件。").is_empty());
        assert_eq!(
            found("部分公开25件。"),
            at(
                "/applications/results/partiallyGranted/total",
                Some(Num::Int(5))
            )
        );
    }

    #[test]
    fn a_reason_then_its_group_counts_the_whole_group() {
        assert!(run("因本机关不掌握等原因无法提供10件。").is_empty());
        assert!(run("因本机关不掌握、没有现成信息等原因无法提供10件。").is_empty());
        assert_eq!(
            found("因本机关不掌握等原因无法提供564件。"),
            at(
                "/applications/results/unavailable/notHeld/total",
                Some(Num::Int(10))
            )
        );
        // The reason alone is its own row.
        assert!(run("本机关不掌握相关政府信息8件。").is_empty());
        assert_eq!(
            found("本机关不掌握相关政府信息10件。"),
            at(
                "/applications/results/unavailable/notHeld/total",
                Some(Num::Int(8))
            )
        );
    }

    #[test]
    fn carried_forward_however_it_is_said() {
        for text in [
            "转下一年度办理答复的有3件。",
            "另有3件结转至2025年继续办理。",
            "3件申请顺延至下一年度答复。",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
        assert_eq!(
            found("转下一年度办理答复的有1件。"),
            at("/applications/carriedForward/total", Some(Num::Int(3)))
        );
    }

    #[test]
    fn applicant_columns() {
        assert!(
            run("全年共收到政府信息公开申请40件，其中自然人36件、法人或其他组织4件。").is_empty()
        );
        assert_eq!(
            found("全年共收到政府信息公开申请40件，其中自然人30件。"),
            at("/applications/received/natural", Some(Num::Int(36)))
        );
        let d = run("全年共收到政府信息公开申请40件，其中法人或其他组织5件。");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/received/commercial");
        assert_eq!(d[0].related.len(), 5, "{:?}", d[0].related); // four more columns and the part
        assert_eq!(d[0].expected, Some(Num::Int(4)));
        // The row of the figure before: 予以公开 20 件，其中自然人 17 件.
        assert!(run("予以公开20件，其中自然人17件、商业企业2件。").is_empty());
        assert_eq!(
            found("予以公开20件，其中自然人18件。"),
            at("/applications/results/granted/natural", Some(Num::Int(17)))
        );
    }

    #[test]
    fn shares_against_the_tables_own_total() {
        // 20 of （七） 39 is 51.3%; of 新收 40, 50%.
        assert!(run("予以公开20件，占比51.3%。").is_empty());
        assert!(run("予以公开20件，占51%。").is_empty());
        assert!(run("予以公开20件，占新收申请的50.0%。").is_empty());
        assert!(run("自然人申请36件，占90%。").is_empty());
        assert!(run("行政复议3件，其中结果纠正1件，占比33.3%。").is_empty());
        let d = run("予以公开20件，占比33.9%。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/applications/results/granted/total");
        assert_eq!(d[0].expected, Some(Num::Dec(51.3)));
        assert_eq!(d[0].actual, Some(Num::Dec(33.9)));
        assert_eq!(d[0].message, "正文「占比33.9%」所述比例 33.9% 与表格不符：20 件占表三「（七）总计」行「总计」列 39 的 51.3%。");
        let d = run_on(&RULE, &with_prose("予以公开20件，占比33.9%。"), "en");
        assert!(
            d[0].message
                .starts_with("The prose \"占比33.9%\" gives 33.9%, but 20 of table 3"),
            "{}",
            d[0].message
        );
        // A rate or a change is no share.
        assert!(run("按时答复率100%，申请量同比增长12.5%，予以公开20件。").is_empty());
    }

    #[test]
    fn chinese_numerals() {
        assert!(run("予以公开二十件，部分公开五件，不予处理一件。").is_empty());
        assert_eq!(
            found("不予处理两件。"),
            at(
                "/applications/results/notProcessed/petitionComplaint/total",
                Some(Num::Int(1))
            )
        );
    }

    #[test]
    fn all_upheld_and_all_done_against_the_tables() {
        let d = run("因政府信息公开被申请行政复议3件，均获维持。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/reviewLitigation/review/corrected");
        assert_eq!(d[0].actual, Some(Num::Int(1)));
        assert_eq!(
            d[0].message,
            "正文「均获维持」称结果均为维持，但表四「行政复议」的「结果纠正」为 1。"
        );
        let d = run_on(&RULE, &with_prose("行政复议3件，均获维持。"), "en");
        assert!(
            d[0].message
                .starts_with("The prose \"均获维持\" says every case was upheld, but"),
            "{}",
            d[0].message
        );
        assert_eq!(
            found("被提起行政诉讼2件，均已审结。"),
            at("/reviewLitigation/litigationDirect/pending", None)
        );
        let d = run("全年共收到政府信息公开申请40件，均已办结。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/applications/carriedForward/total");
        assert_eq!(d[0].actual, Some(Num::Int(3)));
        // The sentence that carries some forward says so itself.
        assert!(
            run("全年共收到政府信息公开申请40件，另有3件转下一年度办理，其余均已办结。").is_empty()
        );
        // True where the block has only upheld cases.
        let mut doc = with_prose("因政府信息公开被申请行政复议3件，均获维持。");
        doc["reviewLitigation"]["review"] =
            json!({"upheld": 3, "corrected": 0, "other": 0, "pending": 0, "total": 3});
        assert!(run_on(&RULE, &doc, "zh-CN").is_empty());
    }

    #[test]
    fn clauses_whose_scope_is_not_a_cell_stay_silent() {
        for text in [
            "受理“12345”热线来电 84 件，均已回复。",
            "其中当面申请7件，网络申请8件。",
            "全年新增公开规章 1 件、规范性文件 11 件。",
            "第3件申请已办结。",
            "涉及征地拆迁的申请12件。",
            "全年受理申请20余件。",
            "办理人大代表建议12件，均已办结。",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }
}
