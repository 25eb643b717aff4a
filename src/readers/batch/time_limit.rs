//! `time-limit` (error): checking the file took longer than the command line's time limit
//! (`--time-limit`, 60 s by default) and was stopped.
//!
//! Why: one pathological file must not hold a batch of thousands for ever; it is reported on
//! its own, and the other files are checked as usual.
//!
//! Example: a file whose check does not end within the minute → 检查此文件超过 60 秒的时限，已停止.
//! Emitted by the command line (`js/cli/`), which runs the checks in worker threads it can stop;
//! the entry here names it for `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "time-limit",
    severity: Severity::Error,
    description: Label::new(
        "检查此文件超过时限，已停止",
        "checking the file took longer than the time limit and was stopped",
    ),
    check: emitted_by_the_cli,
};
