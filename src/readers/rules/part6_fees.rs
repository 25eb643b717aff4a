//! `part6-fees` (warning, 2021 layout): fees were charged, but part 六 says none were, or says
//! nothing of them. Fees are shown by table 三 （六）2 (applications dropped because the fee
//! notified was not paid: notices went out) or by a 信息处理费 amount above 0 elsewhere in the
//! prose. Part 六 is silent when it never names 费; it says none when it says 未收取/不涉及收费/
//! 0元 and the like. With （六）2 above 0, 「未收取信息处理费」 is no contradiction (the applicants
//! did not pay): only 「未发出收费通知」/「不涉及收费」 is.
//!
//! Why: the 2021 format has part 六 report the collection of 信息处理费 (国办函〔2020〕109号), and
//! scoring sheets check that a part 六 reading 「无」 matches what the tables show.
//!
//! Example: （六）2 = 6, 六、其他需要报告的事项 / 无 → 表三有 6 件因逾期未缴费不再处理，第六部分未报告收费情况.

use super::prose::prose_rule;
use super::prose::{has, Prose};
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::model::layout::{Label, T3_ROWS, T3_TOTAL_COL};
use crate::model::Format;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "part6-fees",
    severity: Severity::Warning,
    description: Label::new(
        "收取了信息处理费，但第六部分称未收费或未报告收费情况",
        "fees were charged, but part 6 reports none or says nothing of them",
    ),
    check,
};

prose_rule!(check_prose);

/// 信息处理费 amounts in a folded text: the figures followed by 元 or 万元 in the sentences that
/// name the fee.
fn fee_amounts(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for sentence in text.split(['。', ';', '!', '?']) {
        if !has(sentence, "处理费") && !has(sentence, "收费") {
            continue;
        }
        for (i, _) in sentence.match_indices('元') {
            let head = &sentence[..i];
            let (head, scale) = match head.strip_suffix('万') {
                Some(h) => (h, 10_000.0),
                None => (head, 1.0),
            };
            let digits = head
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
                .last()
                .map(|(j, _)| &head[j..]);
            let value =
                digits.and_then(|d| crate::base::numeric::parse_decimal(&d.replace(',', "")));
            if let Some(v) = value {
                out.push(v * scale);
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Said {
    Silent,
    /// None collected (未收取, 0元).
    NoneCollected,
    /// No fee at all: no notice, nothing to charge (不涉及收费, 未发出收费通知).
    NoFees,
    Amount,
}

fn said(text: &str) -> Said {
    if !text.contains('费') {
        return Said::Silent;
    }
    if fee_amounts(text).iter().any(|&v| v > 0.0) {
        return Said::Amount;
    }
    let no_fees = [
        "不涉及收费",
        "未发出收费通知",
        "未发放收费通知",
        "无收费通知",
        "未产生",
        "不涉及信息处理费",
        "无信息处理费",
    ];
    if no_fees.iter().any(|w| has(text, w)) {
        return Said::NoFees;
    }
    Said::NoneCollected
}

fn check_prose(ctx: &Context, prose: &Prose, out: &mut Vec<Diagnostic>) {
    if ctx.format() != Format::F2021 || prose.parts.is_empty() {
        return;
    }
    let l = ctx.layout;
    let unpaid_row = T3_ROWS
        .iter()
        .position(|r| r.key == "results/otherHandling/unpaidFee");
    let unpaid_cell = unpaid_row.map(|r| l.t3(r, T3_TOTAL_COL));
    let unpaid = unpaid_cell
        .and_then(|id| ctx.report.int(id))
        .filter(|&n| n > 0);
    let elsewhere: f64 = prose
        .parts
        .iter()
        .filter(|p| p.key != "other")
        .flat_map(|p| fee_amounts(&p.text))
        .fold(0.0, f64::max);
    // A report without part 六 gets `section-missing`; this rule reads what part 六 says.
    let Some(six) = prose.part("other") else {
        return;
    };
    let s = said(&six.text);
    let zh = ctx.zh();
    let message = match (unpaid, s) {
        (Some(n), Said::Silent) => Some(if zh {
            format!("表三「（六）其他处理」第 2 项有 {n} 件因申请人逾期未缴费不再处理（即发出过收费通知），但第六部分未报告信息处理费的收取情况。")
        } else {
            format!("Table 3 row (6)2 counts {n} applications dropped because the fee notified was not paid (fee notices went out), but part 6 says nothing of the fees.")
        }),
        (Some(n), Said::NoFees) => Some(if zh {
            format!("第六部分称不涉及收费，但表三「（六）其他处理」第 2 项有 {n} 件因申请人逾期未缴费不再处理（即发出过收费通知）。")
        } else {
            format!("Part 6 says no fees were involved, but table 3 row (6)2 counts {n} applications dropped because the fee notified was not paid.")
        }),
        _ if elsewhere > 0.0 && s != Said::Amount => {
            let amount = Num::Dec(elsewhere);
            Some(if zh {
                format!(
                    "正文其他部分写有收取信息处理费 {amount} 元，但第六部分{}。",
                    if s == Said::Silent {
                        "未报告收费情况"
                    } else {
                        "称未收费"
                    }
                )
            } else {
                format!(
                    "The prose elsewhere reports {amount} yuan of fees collected, but part 6 {}.",
                    if s == Said::Silent {
                        "says nothing of them"
                    } else {
                        "says none were charged"
                    }
                )
            })
        }
        _ => None,
    };
    if let Some(message) = message {
        let mut d = ctx.diag(&RULE, "/sections/other", message);
        if let (Some(id), Some(_)) = (unpaid_cell, unpaid) {
            d.related.push(ctx.path(id).to_string());
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::rules::narrative_mismatch::tests::{department, run_on};
    use serde_json::json;

    /// The 2024 report with （六）2 = `unpaid` (moved from （六）1, so the sums still hold) and
    /// part 六 as given.
    fn report(unpaid: i64, other: &str) -> serde_json::Value {
        let mut doc = department(2024);
        let h = &mut doc["applications"]["results"]["otherHandling"];
        h["overdueCorrection"]["natural"] = json!(1 - unpaid);
        h["overdueCorrection"]["total"] = json!(1 - unpaid);
        h["unpaidFee"]["natural"] = json!(unpaid);
        h["unpaidFee"]["total"] = json!(unpaid);
        doc["sections"]["other"] = json!(other);
        doc
    }

    #[test]
    fn passes_when_part_six_reports_the_fees() {
        assert!(run_on(&RULE, &report(0, "无。"), "zh-CN").is_empty());
        assert!(run_on(
            &RULE,
            &report(1, "全年发出收费通知1件，申请人未缴费，未收取信息处理费。"),
            "zh-CN"
        )
        .is_empty());
        assert!(run_on(&RULE, &report(1, "全年收取信息处理费400元。"), "zh-CN").is_empty());
        // The 2019 layout asks nothing of part 六.
        let mut doc = report(1, "无。");
        doc["format"] = json!("2019");
        assert!(run_on(&RULE, &doc, "zh-CN").is_empty());
    }

    #[test]
    fn warns_when_fee_notices_went_out_and_part_six_is_silent_or_denies() {
        let d = run_on(&RULE, &report(1, "无其他需要报告的事项。"), "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/sections/other");
        assert_eq!(
            d[0].related,
            ["/applications/results/otherHandling/unpaidFee/total"]
        );
        assert!(d[0]
            .message
            .starts_with("表三「（六）其他处理」第 2 项有 1 件因申请人逾期未缴费不再处理"));
        let d = run_on(&RULE, &report(1, "本年度不涉及收费。"), "en");
        assert!(
            d[0].message
                .starts_with("Part 6 says no fees were involved, but table 3 row (6)2 counts 1"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn leaves_a_missing_part_six_to_section_missing() {
        let mut doc = report(1, "");
        doc["sections"].as_object_mut().unwrap().remove("other");
        assert!(run_on(&RULE, &doc, "zh-CN").is_empty());
    }

    #[test]
    fn warns_when_the_prose_elsewhere_reports_fees() {
        let mut doc = report(0, "本年度未收取信息处理费。");
        doc["sections"]["overview"] =
            json!("依申请公开方面，全年收取信息处理费 400 元，均按规定上缴国库。");
        let d = run_on(&RULE, &doc, "zh-CN");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "正文其他部分写有收取信息处理费 400 元，但第六部分称未收费。"
        );
        assert_eq!(fee_amounts("收取信息处理费0.04万元"), [400.0]);
    }
}
