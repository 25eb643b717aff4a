//! `file-unreadable` (error): the file cannot be read (missing, no permission, or an I/O error).
//!
//! Why: a batch run must say which files it could not check, not skip them silently.
//!
//! Example: `xxgknb check reports/` with a file it may not read → 无法读取文件：没有读取权限。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "file-unreadable",
    severity: Severity::Error,
    description: Label::new(
        "文件无法读取（不存在、无权限或读取出错）",
        "the file cannot be read (missing, no permission, or an I/O error)",
    ),
    check: emitted_by_the_cli,
};
