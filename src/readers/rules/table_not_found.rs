//! `table-not-found`: a table (二, 三 or 四) the reader could not find at all: neither its part
//! heading nor any of its rows.
//!
//! Why: a table that could not be read must not pass as a valid report, and the user must be
//! able to tell "we could not read it" from "the report is wrong" (`missing-cell`).
//!
//! Example: a page holding only the prose → 未找到表三（三、收到和处理政府信息公开申请情况）.
//! The reader emits it (see `readers::tables`); the rule entry names it for `rules()` and options.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "table-not-found",
    severity: Severity::Error,
    description: Label::new(
        "读取时未找到表二、表三或表四",
        "a table (2, 3 or 4) could not be found in the document",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::readers::{parse, ParseOptions};

    #[test]
    fn fires_on_prose_only() {
        let p = parse(
            "一、总体情况\n本机关认真做好公开工作。\n",
            &ParseOptions::default(),
        );
        let ids: Vec<_> = p.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(ids, ["table-not-found"; 3]);
        assert_eq!(p.diagnostics[1].path, "/applications");
    }

    #[test]
    fn quiet_on_a_full_report() {
        let p = parse(
            crate::readers::testing::SAMPLE_TXT,
            &ParseOptions::default(),
        );
        assert!(p.diagnostics.iter().all(|d| d.rule != "table-not-found"));
    }
}
