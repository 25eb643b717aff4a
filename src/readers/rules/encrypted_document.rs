//! `encrypted-document`: a PDF or Word file protected by an open password.
//!
//! Why: its content cannot be read without the password; the user must get an open copy rather
//! than see a report of missing tables.
//!
//! Example: a PDF encrypted with a user password → PDF 文件设有打开密码，无法读取；请取得未加密的文件。
//! Emitted by the document readers of the package (`js/documents/`); the entry here names it
//! for `rules()` and options.

use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "encrypted-document",
    severity: Severity::Error,
    description: Label::new(
        "文件设有打开密码，无法读取",
        "the file is protected by a password and cannot be read",
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
