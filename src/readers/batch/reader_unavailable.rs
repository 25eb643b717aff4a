//! `reader-unavailable` (error): the core in use has no report readers, so HTML or text reports cannot be checked.
//!
//! Why: with the lite core only JSON can be checked; the user is told how to get the readers.
//!
//! Example: a .html report checked with the lite core → 当前安装的 xxgknb 核心不含报告读取器，无法检查网页报告。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "reader-unavailable",
    severity: Severity::Error,
    description: Label::new(
        "所用核心不含报告读取器，无法检查网页或文本报告",
        "the core in use has no report readers, so HTML or text reports cannot be checked",
    ),
    check: emitted_by_the_cli,
};
