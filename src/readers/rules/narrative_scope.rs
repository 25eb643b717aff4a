//! `narrative-scope` (info): a figure in the prose that counts another scope than the tables, so
//! that it is neither taken as agreeing nor reported as a mismatch:
//! - 受理/收到 N 件 where N is table 三's 新收 plus 上年结转: the prose counts the applications
//!   carried over from last year with this year's;
//! - a figure that disagrees with the tables in a sentence naming another body before it: an
//!   office acting for the issuer (区政府办代表区政府受理…), 本级, or a whole region (全区, 各部门)
//!   in a department's report.
//!
//! Why: a reader must not be told "17 ≠ 95" with the confidence of a real mismatch when the
//! sentence may speak of the government office alone (洪泽 2024: 区政府办代表区政府受理政府信息
//! 公开申请 17 件; table 三 counts 95 for the district government, scope unknown), nor be left
//! silent: the note says what differs and asks the report to state its scope. The comparison is
//! `narrative-mismatch`'s (`findings`); this rule reports the findings that are about scope.
//!
//! Example: 全年共受理申请 42 件 with 新收 40 and 上年结转 2 → 42 件含上年结转的 2 件.

use super::figures::Claim;
use super::narrative_mismatch::{diag_at, findings, Finding};
use super::prose::prose_rule;
use super::prose::Prose;
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "narrative-scope",
    severity: Severity::Info,
    description: Label::new(
        "正文数字的统计范围与表格不同（含上年结转，或仅指某一机构）",
        "a figure in the prose counts another scope than the tables (with carried-over applications, or one office)",
    ),
    check,
};

prose_rule!(check_prose);

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    let l = ctx.layout;
    for f in findings(ctx, prose) {
        match f {
            Finding::WithCarriedOver(m, received, carried) => {
                let Claim::Count(n) = m.claim else { continue };
                let cells = [
                    l.t3(0, crate::model::layout::T3_TOTAL_COL),
                    l.t3(1, crate::model::layout::T3_TOTAL_COL),
                ];
                let clause = &m.clause;
                let message = if ctx.zh() {
                    format!("正文「{clause}」所述 {n} 件含上年结转的申请：本年新收 {received} 件加上年结转 {carried} 件；表三「一、本年新收政府信息公开申请数量」为 {received}。")
                } else {
                    format!("The prose \"{clause}\" counts {n}: the {received} new applications of table 3 plus the {carried} carried over from last year.")
                };
                let mut d = diag_at(ctx, &RULE, m, &cells, message);
                d.actual = Some(Num::Int(n));
                out.push(d);
            }
            Finding::OtherScope(m, cells, table) => {
                let Claim::Count(n) = m.claim else { continue };
                let clause = &m.clause;
                let name = cells.first().map_or("", |&id| ctx.name(id));
                let message = if ctx.zh() {
                    format!("正文「{clause}」所述 {n} 件与{name} {table} 不同；该句所指的机构或范围可能与表格不同，请在正文中写明统计范围，或核对数字。")
                } else {
                    format!("The prose \"{clause}\" states {n} where {name} is {table}; the sentence names a body or scope the tables may not count: say the scope in the text, or check the figure.")
                };
                let mut d = diag_at(ctx, &RULE, m, &cells, message);
                d.expected = Some(Num::Int(table));
                d.actual = Some(Num::Int(n));
                out.push(d);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::{run_on, with_prose};

    #[test]
    fn counting_carried_over_applications_is_a_note_not_a_mismatch() {
        // Sample 2024: 新收 40, 上年结转 2.
        let doc = with_prose("全年共受理政府信息公开申请 42 件。");
        let d = run_on(&RULE, &doc, "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, Severity::Info);
        assert_eq!(d[0].path, "/applications/received/total");
        assert_eq!(d[0].message, "正文「全年共受理政府信息公开申请42件」所述 42 件含上年结转的申请：本年新收 40 件加上年结转 2 件；表三「一、本年新收政府信息公开申请数量」为 40。");
        let mismatch = run_on(&super::super::narrative_mismatch::RULE, &doc, "zh-CN");
        assert!(mismatch.is_empty(), "{mismatch:?}");
        let d = run_on(&RULE, &doc, "en");
        assert!(d[0]
            .message
            .starts_with("The prose \"全年共受理政府信息公开申请42件\" counts 42: the 40 new"));
    }

    #[test]
    fn a_sentence_naming_an_office_counts_its_own_scope() {
        // The 洪泽 2024 case in our own words: the office, acting for the government, received
        // 17 where the government's table 三 says 40.
        let mut doc =
            with_prose("2024年，区政府办代表区政府受理政府信息公开申请17件，均在法定期限内答复。");
        doc["issuer"] = serde_json::json!("示例区人民政府");
        let d = run_on(&RULE, &doc, "zh-CN");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].expected, Some(Num::Int(40)));
        assert!(d[0].message.contains("该句所指的机构或范围可能与表格不同"));
        assert!(run_on(&super::super::narrative_mismatch::RULE, &doc, "zh-CN").is_empty());
        let d = run_on(&RULE, &doc, "en");
        assert!(d[0]
            .message
            .contains("the sentence names a body or scope the tables may not count"));
        // The same figure without the office named is a mismatch, not a scope.
        let plain = with_prose("2024年，受理政府信息公开申请17件。");
        assert!(run_on(&RULE, &plain, "zh-CN").is_empty());
        assert_eq!(
            run_on(&super::super::narrative_mismatch::RULE, &plain, "zh-CN").len(),
            1
        );
    }

    #[test]
    fn a_whole_region_is_another_scope_in_a_department_report() {
        let mut doc = with_prose("全区共受理政府信息公开申请 350 件。");
        doc["issuer"] = serde_json::json!("示例区交通运输局");
        assert_eq!(run_on(&RULE, &doc, "zh-CN").len(), 1);
        // In a government's report the region is what its tables commonly count: a mismatch.
        doc["issuer"] = serde_json::json!("示例区人民政府");
        assert!(run_on(&RULE, &doc, "zh-CN").is_empty());
        assert_eq!(
            run_on(&super::super::narrative_mismatch::RULE, &doc, "zh-CN").len(),
            1
        );
    }
}
