//! `t2-consistency`: plausibility of table 二 (warnings, never errors: the format states no rule).
//! - 2019 （一）: 本年新公开数量 ≤ 对外公开总数量 (format.md R2-3);
//! - 2021 （一）: 本年制发件数 ≤ 现行有效件数 + 本年废止件数 (R2-1): what was issued this year is
//!   either still in force or was repealed;
//! - 2021 （八） is in 万元: an amount of a million 万元 (100 亿元) or more was almost surely typed
//!   in 元 (R2-5).
//!
//! Example: 2021 规章 制发 5, 废止 0, 现行有效 3 → 本年制发件数不应多于现行有效与本年废止之和.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::messages::cap;
use crate::model::layout::Label;
use crate::model::Format;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "t2-consistency";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new("表二数据不合常理（新公开多于总数、制发多于现行有效加废止、万元金额像是按元填写）", "table 2 plausibility (published > total, issued > in force + repealed, 万元 amount typed in 元)"),
    check,
};

/// Amounts in 万元 at or above this (100 亿元) were almost surely typed in 元.
const YUAN_SUSPECT: f64 = 1_000_000.0;

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for row in ["regulations", "normativeDocuments"] {
        let get = |col: &str| ctx.layout.t2(row, col).map(|id| (id, ctx.report.int(id)));
        match ctx.format() {
            Format::F2019 => {
                let (Some((pid, Some(p))), Some((tid, Some(t)))) = (get("published"), get("total"))
                else {
                    continue;
                };
                if p > t {
                    let message = if ctx.zh() {
                        text!(
                            "{}（{p}）多于同行「对外公开总数量」（{t}），请核对。",
                            ctx.name(pid),
                            p,
                            t
                        )
                    } else {
                        text!("{} ({p}) exceeds \"total published\" ({t}) in the same row; please check.", cap(ctx.name(pid)), p, t)
                    };
                    push(ctx, out, pid, vec![tid], message, Some(t), p);
                }
            }
            Format::F2021 => {
                let (Some((iid, Some(i))), Some((rid, Some(r))), Some((fid, Some(f)))) =
                    (get("issued"), get("repealed"), get("inForce"))
                else {
                    continue;
                };
                if i > f + r {
                    let message = if ctx.zh() {
                        text!("{}（{i}）多于同行「现行有效件数」与「本年废止件数」之和（{}），本年制发的文件应当仍有效或已废止，请核对。", ctx.name(iid), i, f + r)
                    } else {
                        text!("{} ({i}) exceeds \"in force\" + \"repealed this year\" ({}); what was issued this year is either in force or repealed.", cap(ctx.name(iid)), i, f + r)
                    };
                    push(ctx, out, iid, vec![fid, rid], message, Some(f + r), i);
                }
            }
        }
    }
    if ctx.format() == Format::F2021 {
        if let Some(id) = ctx.layout.t2("fees", "amount") {
            if let Some(n) = ctx.report.num(id) {
                if n.as_f64() >= YUAN_SUSPECT {
                    let message = if ctx.zh() {
                        text!("{}为 {n} 万元（即 {} 亿元），数额异常，可能按“元”填写了；本栏单位为万元。", ctx.name(id), n, Num::Dec(n.as_f64() / 10000.0))
                    } else {
                        text!("{} is {n} (in 10,000 yuan), which is implausibly large; it was probably entered in yuan.", cap(ctx.name(id)), n)
                    };
                    let mut d = ctx.diag(&RULE, ctx.path(id), message);
                    d.actual = Some(n);
                    out.push(d);
                }
            }
        }
    }
}

fn push(
    ctx: &Context,
    out: &mut Vec<Diagnostic>,
    id: u16,
    related: Vec<u16>,
    message: String,
    expected_max: Option<i64>,
    actual: i64,
) {
    let mut d = ctx.diag(&RULE, ctx.path(id), message);
    d.related = related.iter().map(|&r| ctx.path(r).to_string()).collect();
    d.expected = expected_max.map(Num::Int);
    d.actual = Some(Num::Int(actual));
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample, set};
    use serde_json::json;

    #[test]
    fn passes_on_plausible_tables() {
        assert!(check("t2-consistency", &sample("2020")).is_empty());
        assert!(check("t2-consistency", &sample("2024")).is_empty());
    }

    #[test]
    fn warns_on_each_heuristic() {
        let mut doc = sample("2024");
        set(
            &mut doc,
            "/proactive/regulations",
            json!({"issued": 5, "repealed": 0, "inForce": 3}),
        );
        set(&mut doc, "/proactive/fees/amount", json!(39400000));
        let d = check("t2-consistency", &doc);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].path, "/proactive/regulations/issued");
        assert_eq!(d[1].message, "表二「行政事业性收费」行「本年收费金额（单位：万元）」列为 39400000 万元（即 3940 亿元），数额异常，可能按“元”填写了；本栏单位为万元。");
        let mut doc = sample("2020");
        set(
            &mut doc,
            "/proactive/normativeDocuments/published",
            json!(3),
        );
        assert_eq!(check("t2-consistency", &doc)[0].message, "表二「规范性文件」行「本年新公开数量」列（3）多于同行「对外公开总数量」（2），请核对。");
    }
}
