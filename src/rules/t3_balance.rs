//! `t3-balance`: in every column of table 三, 一 + 二 = （七）总计 + 四 — the 勾稽关系 printed in
//! the table's own corner cell (format.md R3-1): what came in plus what was carried over equals
//! what was answered plus what goes on to next year.
//!
//! Why: it is the one official arithmetic rule; reviews single out reports that break it.
//!
//! Example: 自然人 20 + 0 ≠ 19 + 0 → 「四、结转下年度继续办理」应为 1.
//!
//! The blamed cell is 四 (the remainder a filer computes last), unless that would have to be
//! negative; `locate` moves it to the culprit when a row total points at the same cell.

use crate::prelude::*;

use super::arith::{self, blank_several, values, Blanks, Equation};
use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::model::layout::{Label, Layout, T3Role, T3_COLUMNS};

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "t3-balance";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "表三每列：一 + 二 = （七）总计 + 四",
        "table 3, each column: 1 + 2 = (7) total + 4",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let l = ctx.layout;
    let row = Layout::t3_row_of_role;
    for (c, (_, col_label)) in T3_COLUMNS.iter().enumerate() {
        let [received, over, total, forward] = [
            T3Role::Received,
            T3Role::CarriedOver,
            T3Role::ResultsTotal,
            T3Role::CarriedForward,
        ]
        .map(|r| l.t3(row(r), c));
        let Some(v) = values(ctx, &[received, over, total, forward]) else {
            continue;
        };
        let residual = v[0] + v[1] - v[2] - v[3];
        if residual == 0 {
            continue;
        }
        let eq = Equation {
            terms: vec![(received, 1), (over, 1), (total, -1), (forward, -1)],
            residual,
        };
        // A blank that alone mends it is blamed; else 四, then （七）, then 一, then 二: the
        // first whose mended value is not negative.
        let (blame, fix) = match arith::blanks(ctx, &eq) {
            Blanks::One(cell, fix) => (cell, fix),
            Blanks::Several(cells) => {
                let why = Label::new("“一＋二＝（七）总计＋四”", "\"1 + 2 = (7) total + 4\"");
                out.push(blank_several(ctx, &RULE, &cells, eq, why));
                continue;
            }
            Blanks::None | Blanks::Cannot => [forward, total, received, over]
                .into_iter()
                .filter_map(|cell| Some((cell, eq.solve_for(cell, arith::int(ctx, cell)?)?)))
                .find(|(_, f)| *f >= 0)
                .unwrap_or((forward, v[0] + v[1] - v[2])),
        };
        let blank = arith::is_blank(ctx, blame);
        let actual = arith::int(ctx, blame).unwrap_or(0);
        let col = ctx.locale().pick(*col_label);
        let (name, sum_in, sum_out) = (ctx.name(blame), v[0] + v[1], v[2] + v[3]);
        // A blank blamed (only with blanks as 0: never in the lite build, which leaves it out).
        let message = match (blank, ctx.zh()) {
            (false, true) => text!("表三「{col}」列不满足“一＋二＝（七）总计＋四”：新收 {} ＋ 上年结转 {} ＝ {sum_in}，而办理结果总计 {} ＋ 结转下年度 {} ＝ {sum_out}。若其他各格无误，{name}应为 {fix}，现为 {actual}。", col, v[0], v[1], sum_in, v[2], v[3], sum_out, name, fix, actual),
            (true, true) => text!("表三「{col}」列不满足“一＋二＝（七）总计＋四”：新收 {} ＋ 上年结转 {} ＝ {sum_in}，而办理结果总计 {} ＋ 结转下年度 {} ＝ {sum_out}（空格按 0 计）。{name}应为 {fix}，现为空。", col, v[0], v[1], sum_in, v[2], v[3], sum_out, name, fix),
            (false, false) => text!("Table 3, column \"{col}\" breaks \"1 + 2 = (7) total + 4\": received {} + carried over {} = {sum_in}, but results {} + carried forward {} = {sum_out}. If the other cells are right, {name} should be {fix}, not {actual}.", col, v[0], v[1], sum_in, v[2], v[3], sum_out, name, fix, actual),
            (true, false) => text!("Table 3, column \"{col}\" breaks \"1 + 2 = (7) total + 4\": received {} + carried over {} = {sum_in}, but results {} + carried forward {} = {sum_out} (blanks counted as 0). {name} should be {fix}; it is blank.", col, v[0], v[1], sum_in, v[2], v[3], sum_out, name, fix),
        };
        let mut d = ctx.diag(&RULE, ctx.path(blame), message);
        d.related = [received, over, total, forward]
            .iter()
            .filter(|&&x| x != blame)
            .map(|&x| ctx.path(x).to_string())
            .collect();
        d.expected = Some(Num::Int(fix));
        if blank {
            d.input = arith::blank_input(ctx, blame);
        } else {
            d.actual = Some(Num::Int(actual));
        }
        d.equation = Some(eq);
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::messages::Locale;
    use crate::options::Options;
    use crate::rules::testing::{check, run_rule, sample, set};
    use serde_json::json;

    #[test]
    fn passes_in_both_layouts() {
        assert!(check("t3-balance", &sample("2020")).is_empty());
        assert!(check("t3-balance", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_and_blames_carried_forward() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/results/total/natural", json!(19));
        let d = check("t3-balance", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/applications/carriedForward/natural");
        assert_eq!(
            d[0].message,
            "表三「自然人」列不满足“一＋二＝（七）总计＋四”：新收 20 ＋ 上年结转 0 ＝ 20，而办理结果总计 19 ＋ 结转下年度 0 ＝ 19。若其他各格无误，表三「四、结转下年度继续办理」行「自然人」列应为 1，现为 0。"
        );
        let en = run_rule("t3-balance", &doc, &Options::with_locale(Locale::En));
        assert!(en[0]
            .message
            .starts_with("Table 3, column \"natural persons\" breaks"));
    }

    #[test]
    fn never_asks_for_a_negative_value() {
        let mut doc = sample("2020");
        set(&mut doc, "/applications/results/total/natural", json!(21));
        let d = check("t3-balance", &doc);
        assert_eq!(d[0].path, "/applications/results/total/natural");
        assert_eq!(serde_json::to_value(&d[0]).unwrap()["expected"], json!(20));
    }
}
