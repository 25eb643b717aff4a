//! `missing-cell`: a cell of the report's layout absent from a finished report. A missing table
//! or row is one finding, not one per cell. Off in `partial` mode (a form being filled in).
//!
//! Why: every cell of tables 三 and 四 is applicable (format.md §3.4); an absent cell is either
//! an export bug or a skipped row, and the sums cannot be checked without it.
//!
//! Example: no `reviewLitigation` key → 缺少表四.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{CellId, Label, TableId};
use crate::model::CellState;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "missing-cell";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "完整报告中缺少表格单元格",
        "a table cell absent from a finished report",
    ),
    check,
};

/// The 2019 （六） row and the three 2021 sub-rows stand for each other: when one is present the
/// other's absence is a `format-mismatch`, not a pile of missing cells.
pub fn substituted(ctx: &Context, path: &str) -> bool {
    const ROW: &str = "/applications/results/otherHandling/";
    let Some(rest) = path.strip_prefix(ROW) else {
        return false;
    };
    let is_sub_row = rest.contains('/');
    ctx.layout.cells.iter().enumerate().any(|(i, c)| {
        c.path
            .strip_prefix(ROW)
            .is_some_and(|r| r.contains('/') != is_sub_row)
            && ctx.report.cells[i].is_present()
    })
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.options.partial || ctx.stats().absent == 0 || ctx.report.unreadable() {
        return;
    }
    let missing: Vec<CellId> = ctx
        .layout
        .cells_of(ctx.format())
        .filter(|(i, c)| {
            ctx.report.cells[*i as usize] == CellState::Absent && !substituted(ctx, &c.path)
        })
        .map(|(i, _)| i)
        .collect();
    if missing.is_empty() {
        return;
    }
    for table in [
        TableId::Proactive,
        TableId::Applications,
        TableId::ReviewLitigation,
    ] {
        let of_table: Vec<(CellId, bool)> = ctx
            .layout
            .cells_of(ctx.format())
            .filter(|(_, c)| c.table == table)
            .map(|(i, _)| (i, missing.contains(&i)))
            .collect();
        if of_table.iter().all(|(_, m)| *m) {
            let name = ctx.locale().pick(table.short());
            let message = if ctx.zh() {
                text!("缺少{name}（{}），请补上整张表。", name, table.label().zh)
            } else {
                text!(
                    "{} ({}) is missing; add the whole table.",
                    crate::messages::cap(name),
                    table.label().en
                )
            };
            let mut d = ctx.diag(&RULE, text!("/{}", table.key()), message);
            d.related = of_table
                .iter()
                .map(|(i, _)| ctx.path(*i).to_string())
                .collect();
            out.push(d);
            continue;
        }
        // Group the rest by row.
        let mut i = 0;
        while i < of_table.len() {
            let row = row_of(ctx, of_table[i].0);
            let j = of_table[i..]
                .iter()
                .position(|(c, _)| row_of(ctx, *c) != row)
                .map_or(of_table.len(), |k| i + k);
            let cells = &of_table[i..j];
            if cells.iter().all(|(_, m)| *m) && cells.len() > 1 {
                let c = ctx.layout.cell(cells[0].0);
                let message = if ctx.zh() {
                    text!("缺少{}的全部数据，请补上（无数据填 0）。", c.row_name_zh)
                } else {
                    text!(
                        "{} is missing entirely; fill it in (0 where there is nothing).",
                        crate::messages::cap(&c.row_name_en)
                    )
                };
                let mut d = ctx.diag(&RULE, row.to_string(), message);
                d.related = cells
                    .iter()
                    .map(|(c, _)| ctx.path(*c).to_string())
                    .collect();
                out.push(d);
            } else {
                for (c, _) in cells.iter().filter(|(_, m)| *m) {
                    let message = if ctx.zh() {
                        text!("缺少{}，请补上（无数据填 0）。", ctx.name(*c))
                    } else {
                        text!(
                            "{} is missing; fill it in (0 where there is nothing).",
                            crate::messages::cap(ctx.name(*c))
                        )
                    };
                    out.push(ctx.diag(&RULE, ctx.path(*c), message));
                }
            }
            i = j;
        }
    }
}

fn row_of<'a>(ctx: &'a Context, id: CellId) -> &'a str {
    let p = ctx.path(id);
    crate::model::decode::split_pointer(p).map_or(p, |(r, _)| r)
}

#[cfg(test)]
mod tests {
    use crate::options::Options;
    use crate::rules::testing::{check, remove, run_rule, sample};
    use serde_json::json;

    #[test]
    fn passes_on_complete_reports() {
        assert!(check("missing-cell", &sample("2020")).is_empty());
        assert!(check("missing-cell", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_per_cell_row_and_table() {
        let mut doc = sample("2024");
        remove(&mut doc, "/applications/received/natural");
        remove(&mut doc, "/applications/carriedOver");
        remove(&mut doc, "/reviewLitigation");
        let d = check("missing-cell", &doc);
        let paths: Vec<_> = d.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "/applications/received/natural",
                "/applications/carriedOver",
                "/reviewLitigation"
            ]
        );
        assert_eq!(
            d[0].message,
            "缺少表三「一、本年新收政府信息公开申请数量」行「自然人」列，请补上（无数据填 0）。"
        );
        assert_eq!(
            d[2].message,
            "缺少表四（四、政府信息公开行政复议、行政诉讼情况），请补上整张表。"
        );
    }

    #[test]
    fn partial_forms_hear_nothing() {
        let o = Options {
            partial: true,
            ..Options::default()
        };
        assert!(run_rule("missing-cell", &json!({"year": 2024}), &o).is_empty());
    }
}
