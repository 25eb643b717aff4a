//! `file-undecodable` (error): the file cannot be decoded (neither UTF-8 nor GB18030), or is not a text file.
//!
//! Why: a report in an encoding the CLI cannot read would otherwise be checked as gibberish.
//!
//! Example: a ZIP file named report.txt → 这不是文本文件（看起来是 ZIP 压缩包），无法检查。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "file-undecodable",
    severity: Severity::Error,
    description: Label::new(
        "文件无法解码（既不是 UTF-8 也不是 GB18030），或不是文本文件",
        "the file cannot be decoded (neither UTF-8 nor GB18030), or is not a text file",
    ),
    check: emitted_by_the_cli,
};
