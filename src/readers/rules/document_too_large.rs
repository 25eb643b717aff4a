//! `document-too-large`: a file over the reading limits: bytes, PDF pages, or a DOCX whose text
//! would inflate past the cap (a ZIP bomb).
//!
//! Why: one malformed file must not take a batch's memory or time; the limits are options
//! (`limits`) of `parseFile`/`checkFile`.
//!
//! Example: a DOCX whose document.xml inflates to 200 MB → Word 文件解压后的正文大于 64 MB（200 MB），疑为压缩炸弹，未读取。
//! Emitted by the document readers of the package (`js/documents/`); the entry here names it
//! for `rules()` and options.

use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "document-too-large",
    severity: Severity::Error,
    description: Label::new(
        "文件超过读取上限（大小、页数或解压后大小）",
        "the file is over the reading limits (size, pages, or inflated size)",
    ),
    check: super::emitted_by_the_file_readers,
};

#[cfg(test)]
mod tests {
    #[test]
    fn listed_configurable_and_never_from_text() {
        crate::readers::rules::assert_document_rule(&super::RULE);
    }
}
