//! `encrypted-document`: a PDF or Word file protected by an open password.
//!
//! Why: its content cannot be read without the password; the user must get an open copy rather
//! than see a report of missing tables.
//!
//! Example: a PDF encrypted with a user password → PDF 文件设有打开密码，无法读取；请取得未加密的文件。
//! Emitted by the document readers of the package (`js/documents/`); the entry here names it
//! for `rules()` and options.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "encrypted-document",
    severity: Severity::Error,
    description: Label::new(
        "文件设有打开密码，无法读取",
        "the file is protected by a password and cannot be read",
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
        assert!(listed.contains("\"encrypted-document\""), "{listed}");
        let o = Options::from_json(r#"{"rules": {"encrypted-document": "warning"}}"#);
        assert!(o.is_ok(), "{:?}", o.err());
    }

    #[test]
    fn the_text_readers_never_emit_it() {
        // Only the document readers, which see the file, can tell; text never gives it.
        let p = crate::readers::parse("", &crate::readers::ParseOptions::default());
        assert!(p.diagnostics.iter().all(|d| d.rule != "encrypted-document"));
    }
}
