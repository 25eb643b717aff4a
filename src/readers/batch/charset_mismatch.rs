//! `charset-mismatch` (warning): the file's declared encoding does not fit its content; it was decoded as what it is.
//!
//! Why: the text read may differ from what the portal shows; the user should check it.
//!
//! Example: `<meta charset="utf-8">` on a GBK page → 文件声明的编码为 utf-8，但内容不是有效的 utf-8；已按 GB18030 解码。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "charset-mismatch",
    severity: Severity::Warning,
    description: Label::new(
        "文件声明的编码与内容不符，已按实际编码解码",
        "the file's declared encoding does not fit its content; it was decoded as what it is",
    ),
    check: emitted_by_the_cli,
};
