//! `table-not-found`: a table (二, 三 or 四) the reader could not find at all: neither its part
//! heading nor any of its rows.
//!
//! Why: a table that could not be read must not pass as a valid report, and the user must be
//! able to tell "we could not read it" from "the report is wrong" (`missing-cell`).
//!
//! Example: a page holding only the prose → 未找到表三（三、收到和处理政府信息公开申请情况）.
//! The reader emits it while it reads (`readers::tables`), through [`finding`].

use super::{extraction, no_check};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::{CellId, Label, TableId};
use crate::rules::RuleDef;

/// The rule's stable id.
pub const ID: &str = "table-not-found";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "读取时未找到表二、表三或表四",
        "a table (2, 3 or 4) could not be found in the document",
    ),
    check: no_check,
};

/// The finding for a table none of whose rows is in the document; `heading` says whether its
/// part's heading is (then the table was left out under it, e.g. 「（略）」); `cells` are the
/// table's cells in the report's layout (named in `related`).
pub fn finding(table: TableId, heading: bool, cells: &[CellId], zh: bool) -> Diagnostic {
    let message = match (heading, zh) {
        (false, true) => format!(
            "未找到{}（{}）：既没有该部分标题，也没有可识别的表格行。",
            table.short().zh,
            table.label().zh
        ),
        (true, true) => format!(
            "未找到{}：有「{}」标题，但其下没有可识别的表格行。",
            table.short().zh,
            table.label().zh
        ),
        (false, false) => format!(
            "{} ({}) was not found: neither its heading nor any row of it could be recognised.",
            crate::messages::cap(table.short().en),
            table.label().en
        ),
        (true, false) => format!(
            "{} was not found: its heading \"{}\" is there, but no row of it could be recognised under it.",
            crate::messages::cap(table.short().en),
            table.label().en
        ),
    };
    extraction(&RULE, format!("/{}", table.key()), cells, message, None)
}

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
        // A heading with no table under it (「（略）」): the table is not there either.
        let p = parse(
            "二、主动公开政府信息情况\n（略）\n三、收到和处理政府信息公开申请情况\n（略）\n",
            &ParseOptions::default(),
        );
        let ids: Vec<_> = p.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(ids, ["table-not-found"; 3], "{:?}", p.diagnostics);
        assert_eq!(
            p.diagnostics[0].message,
            "未找到表二：有「二、主动公开政府信息情况」标题，但其下没有可识别的表格行。"
        );
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
