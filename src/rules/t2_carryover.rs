//! `t2-carryover` (warning, 2021 layout, with last year's report): table 二's 现行有效件数 of
//! 规章 and of 行政规范性文件 = last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数
//! (format.md R2-2).
//!
//! Why: documents in force do not appear or vanish between two reports; a count that does not
//! follow is a typo or a count of another scope. A heuristic: a report that counts amendments as
//! 制发, or that re-baselined its list after a clean-up, breaks it legitimately, so it warns and
//! asks the report to say so.
//!
//! Example: 2023 行政规范性文件 现行有效 10; 2024 制发 3, 废止 1, 现行有效 11 → 应为 12.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::messages::cap;
use crate::model::layout::Label;
use crate::model::Format;

pub static RULE: RuleDef = RuleDef {
    id: "t2-carryover",
    severity: Severity::Warning,
    description: Label::new(
        "表二「现行有效件数」≠ 上年现行有效 + 本年制发 − 本年废止",
        "table 2 in force ≠ last year's in force + issued − repealed",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(prev) = ctx.previous() else {
        return;
    };
    if ctx.format() != Format::F2021 || prev.format != Format::F2021 {
        return;
    }
    let l = ctx.layout;
    for row in ["regulations", "normativeDocuments"] {
        let (Some(issued), Some(repealed), Some(in_force)) = (
            l.t2(row, "issued"),
            l.t2(row, "repealed"),
            l.t2(row, "inForce"),
        ) else {
            continue;
        };
        let int = |id| ctx.report.int(id);
        let (Some(i), Some(r), Some(now), Some(before)) = (
            int(issued),
            int(repealed),
            int(in_force),
            prev.int(in_force),
        ) else {
            continue;
        };
        let expected = before + i - r;
        if now == expected {
            continue;
        }
        let name = ctx.name(in_force);
        let message = if ctx.zh() {
            text!("{name}应为 {expected}（上年 {before} + 本年制发 {i} − 本年废止 {r}），现为 {now}；如修订计入制发或文件清理调整了基数，请在正文中说明。", name, expected, before, i, r, now)
        } else {
            text!("{} should be {expected} (last year's {before} + {i} issued − {r} repealed), not {now}; if amendments count as issued or a clean-up changed the base, say so in the text.", cap(name), expected, before, i, r, now)
        };
        let mut d = ctx.diag(&RULE, ctx.path(in_force), message);
        d.related = vec![ctx.path(issued).into(), ctx.path(repealed).into()];
        d.expected = Some(Num::Int(expected));
        d.actual = Some(Num::Int(now));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{run_rule, sample, set, with_previous};
    use serde_json::{json, Value};

    /// Sample 2024: 规章 1 制发, 0 废止, 11 现行有效; 行政规范性文件 8, 26, 66. Last year's in
    /// force that agree: 10 and 84.
    fn last_year() -> Value {
        let mut prev = sample("2024");
        set(&mut prev, "/year", json!(2023));
        set(&mut prev, "/proactive/regulations/inForce", json!(10));
        set(
            &mut prev,
            "/proactive/normativeDocuments/inForce",
            json!(84),
        );
        prev
    }

    #[test]
    fn passes_when_the_count_carries_over() {
        assert!(run_rule(
            "t2-carryover",
            &sample("2024"),
            &with_previous(&last_year(), "zh-CN")
        )
        .is_empty());
        // The 2019 layout has no such count.
        assert!(run_rule(
            "t2-carryover",
            &sample("2020"),
            &with_previous(&last_year(), "zh-CN")
        )
        .is_empty());
    }

    #[test]
    fn warns_per_row_that_does_not() {
        let mut prev = last_year();
        set(
            &mut prev,
            "/proactive/normativeDocuments/inForce",
            json!(80),
        );
        let d = run_rule(
            "t2-carryover",
            &sample("2024"),
            &with_previous(&prev, "zh-CN"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/proactive/normativeDocuments/inForce");
        assert_eq!(d[0].expected, Some(crate::diagnostic::Num::Int(62)));
        assert_eq!(
            d[0].related,
            [
                "/proactive/normativeDocuments/issued",
                "/proactive/normativeDocuments/repealed"
            ]
        );
        assert!(d[0].message.starts_with("表二「行政规范性文件」行「现行有效件数」列应为 62（上年 80 + 本年制发 8 − 本年废止 26），现为 66"), "{}", d[0].message);
        let d = run_rule("t2-carryover", &sample("2024"), &with_previous(&prev, "en"));
        assert!(
            d[0].message
                .contains("should be 62 (last year's 80 + 8 issued − 26 repealed), not 66"),
            "{}",
            d[0].message
        );
    }
}
