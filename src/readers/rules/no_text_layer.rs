//! `no-text-layer`: a PDF with no text to read: its pages are images (a scan), at most a page
//! number or a stamp in text.
//!
//! Why: a scan read as text gives nothing, and a report with nothing read must not look like an
//! empty report, nor be reported as three missing tables: the user must hear that it needs OCR.
//!
//! Example: a scanned 6-page PDF → PDF 文件没有可读取的文字（共 6 页，可能是扫描图像），需先进行文字识别（OCR）….
//! Emitted by the document readers of the package (`parseFile`, `checkFile`, `js/documents/`),
//! which alone see the file; the entry here names it for `rules()` and options.

use crate::diagnostic::Severity;
use crate::model::layout::Label;
use crate::rules::RuleDef;

pub static RULE: RuleDef = RuleDef {
    id: "no-text-layer",
    severity: Severity::Error,
    description: Label::new(
        "PDF 文件没有文字层（扫描图像），需先文字识别",
        "a PDF with no text layer (scanned images): it needs OCR first",
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
