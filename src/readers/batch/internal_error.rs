//! `internal-error` (error): the core failed on this file (please report it to the developers).
//!
//! Why: one file that trips the core must not stop a batch of thousands; it is named so that it can be reported.
//!
//! Example: a file on which the WebAssembly module traps → 检查此文件时核心程序出错：unreachable。请将此文件反馈给开发者。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "internal-error",
    severity: Severity::Error,
    description: Label::new(
        "检查此文件时核心程序出错（请反馈给开发者）",
        "the core failed on this file (please report it to the developers)",
    ),
    check: emitted_by_the_cli,
};
