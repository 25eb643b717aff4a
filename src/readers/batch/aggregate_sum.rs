//! `aggregate-sum` (warning; info when all agree): with `xxgknb check --aggregate GOV_FILE`, a cell
//! of the government's whole-region table 三 that differs from the sum of the same year's unit
//! reports given with it, `expected` the sum.
//!
//! Why: a region's report adds up its units' (本级 and departments, 乡镇); a total that is not
//! their sum means a unit was left out, counted twice, or copied wrong.
//!
//! Example: the region's （一）予以公开 总计 50, its units' 48 → 表三…予以公开…总计为 50，随附的 12 份单位
//! 报告之和为 48。
//! Emitted by the command line (`js/cli/batch.mjs`), which sees the files; the entry here names
//! it for `rules()`.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "aggregate-sum",
    severity: Severity::Warning,
    description: Label::new(
        "汇总报告的表三与随附单位报告之和不一致（--aggregate）",
        "a whole-region table 3 differs from the sum of its units' reports (--aggregate)",
    ),
    check: emitted_by_the_cli,
};
