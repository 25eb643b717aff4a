//! `document-too-large`: a file over the reading limits: bytes, PDF pages, or a DOCX whose text
//! would inflate past the cap (a ZIP bomb).
//!
//! Why: one malformed file must not take a batch's memory or time; the limits are options
//! (`limits`) of `parseFile`/`checkFile`.
//!
//! Example: a DOCX whose document.xml inflates to 200 MB → Word 文件解压后的正文大于 64 MB（200 MB），疑为压缩炸弹，未读取。
//! Emitted by the document readers of the package (`js/documents/`); the entry here names it
//! for `rules()` and options.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "document-too-large",
    severity: Severity::Error,
    description: Label::new(
        "文件超过读取上限（大小、页数或解压后大小）",
        "the file is over the reading limits (size, pages, or inflated size)",
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
        assert!(listed.contains("\"document-too-large\""), "{listed}");
        let o = Options::from_json(r#"{"rules": {"document-too-large": "warning"}}"#);
        assert!(o.is_ok(), "{:?}", o.err());
    }

    #[test]
    fn the_text_readers_never_emit_it() {
        // Only the document readers, which see the file, can tell; text never gives it.
        let p = crate::readers::parse("", &crate::readers::ParseOptions::default());
        assert!(p.diagnostics.iter().all(|d| d.rule != "document-too-large"));
    }
}
