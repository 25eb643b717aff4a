//! `cross-year-ambiguous` (info): more than one report of the same issuer and year, so the carry-over between years was not checked.
//!
//! Why: `cross-year-carryover` pairs a report with last year's; with two candidates it could pair the wrong one, so it says why it did not.
//!
//! Example: two 2023 reports of one issuer in the folder → 同一发布机关的 2023 年度报告不止一份（a.html、b.html），未进行跨年度结转核对。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "cross-year-ambiguous",
    severity: Severity::Info,
    description: Label::new(
        "同一发布机关同一年度有多份报告，未进行跨年度核对",
        "more than one report of the same issuer and year, so the carry-over between years was not checked",
    ),
    check: emitted_by_the_cli,
};
