//! `charset-unknown` (warning): the file declares an unknown encoding; it was decoded as its content suggests.
//!
//! Why: a typo in a page's charset must not stop the check, but the user should know.
//!
//! Example: `<meta charset="gb-2312">` → 文件声明的编码“gb-2312”无法识别；已按 GB18030 解码。
//! Emitted by the command line (`js/cli/`), which sees the files; the entry here names it for
//! `rules()` and lets options name it.

use super::emitted_by_the_cli;
use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "charset-unknown",
    severity: Severity::Warning,
    description: Label::new(
        "无法识别文件声明的编码，已按内容判断的编码解码",
        "the file declares an unknown encoding; it was decoded as its content suggests",
    ),
    check: emitted_by_the_cli,
};
