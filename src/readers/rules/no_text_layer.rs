//! `no-text-layer`: a PDF with no text to read: its pages are images (a scan), at most a page
//! number or a stamp in text.
//!
//! Why: a scan read as text gives nothing, and a report with nothing read must not look like an
//! empty report, nor be reported as three missing tables: the user must hear that it needs OCR.
//!
//! Example: a scanned 6-page PDF → PDF 文件没有可读取的文字（共 6 页，可能是扫描图像），需先进行文字识别（OCR）….
//! Emitted by the document readers of the package (`parseFile`, `checkFile`, `js/documents/`),
//! which alone see the file; the entry here names it for `rules()` and options.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "no-text-layer",
    severity: Severity::Error,
    description: Label::new(
        "PDF 文件没有文字层（扫描图像），需先文字识别",
        "a PDF with no text layer (scanned images): it needs OCR first",
    ),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

#[cfg(test)]
mod tests {
    use crate::options::Options;

    #[test]
    fn is_listed_and_configurable() {
        let listed = crate::catalog::rules_json();
        assert!(listed.contains("\"no-text-layer\""), "{listed}");
        let o = Options::from_json(r#"{"rules": {"no-text-layer": "warning"}}"#);
        assert!(o.is_ok(), "{:?}", o.err());
    }

    #[test]
    fn the_text_readers_never_emit_it() {
        // Only the document readers, which see the file, can tell; text never gives it.
        let p = crate::readers::parse("", &crate::readers::ParseOptions::default());
        assert!(p.diagnostics.iter().all(|d| d.rule != "no-text-layer"));
    }
}
