//! `unreadable-document`: a file that is damaged, cut off (a PDF without its end), a ZIP that is
//! no Word document, a PDF whose fonts give no text, or a `.doc` in a browser.
//!
//! Why: reading what is left of a damaged file could return a report missing pages with no word
//! said; one diagnostic says why nothing was read.
//!
//! Example: a PDF whose download stopped halfway → PDF 文件不完整（缺少文件结尾，可能下载中断），无法可靠读取；请重新下载。
//! Emitted by the document readers of the package (`js/documents/`); the entry here names it
//! for `rules()` and options.

use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "unreadable-document",
    severity: Severity::Error,
    description: Label::new(
        "文件已损坏、不完整或不是可读取的文档",
        "the file is damaged, incomplete, or not a document that can be read",
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
