//! `input-too-large`: the input is larger than the limit (`maxInputBytes`, 16 MiB by default)
//! and was not read at all.
//!
//! Why: a year's report is tens of kilobytes; an input of many megabytes is a wrong file or an
//! attack, and reading it would cost memory in proportion. A service that checks uploads must
//! get an answer, not a process out of memory, and the answer must not be "no problems".
//!
//! Example: 32 MiB of blank lines → 输入大小为 32.0 MB，超过 16.0 MB 的上限，未作检查.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "input-too-large";

pub use crate::options::DEFAULT_MAX_INPUT_BYTES as DEFAULT_LIMIT;

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "输入超过大小上限，未作检查",
        "the input is larger than the size limit and was not checked",
    ),
    check,
};

/// Bytes as megabytes (MiB) with one decimal, rounded up so that a size just over the limit
/// never reads as equal to it: integer arithmetic, no float formatting in the wasm.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1 << 20);
    // As usize: formatting a u64 would add its own code to the wasm.
    let (whole, tenth) = ((tenths / 10) as usize, (tenths % 10) as usize);
    text!("{whole}.{tenth}", whole, tenth)
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some((bytes, limit)) = ctx.report.too_large else {
        return;
    };
    let (size, max) = (megabytes(bytes), megabytes(limit));
    let message = if ctx.zh() {
        text!("输入大小为 {size} MB，超过 {max} MB 的上限，未作检查；确需检查时可调高 maxInputBytes 选项。", size, max)
    } else {
        text!("The input is {size} MB, over the {max} MB limit, and was not checked; raise maxInputBytes to check it.", size, max)
    };
    let mut d = ctx.diag(&RULE, "", message);
    d.actual = Some(crate::model::Num::Int(bytes as i64));
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;
    use crate::options::Options;

    fn run(r: &Report, o: &Options) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        check(&Context::new(r, o), &mut out);
        out
    }

    #[test]
    fn passes_on_input_that_was_read() {
        assert!(run(&Report::default(), &Options::default()).is_empty());
    }

    #[test]
    fn fails_with_both_sizes() {
        let d = run(
            &Report::too_large(32 << 20, DEFAULT_LIMIT),
            &Options::default(),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "");
        assert!(
            d[0].message
                .starts_with("输入大小为 32.0 MB，超过 16.0 MB 的上限，未作检查"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].actual, Some(crate::model::Num::Int(32 << 20)));
        let en = run(
            &Report::too_large(DEFAULT_LIMIT + 1, DEFAULT_LIMIT),
            &Options::with_locale(crate::messages::Locale::En),
        );
        // One byte over the limit is never shown as the limit itself.
        assert!(
            en[0]
                .message
                .starts_with("The input is 16.1 MB, over the 16.0 MB limit"),
            "{}",
            en[0].message
        );
    }

    #[test]
    fn megabytes_round_up() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(1024 * 1024), "1.0");
        assert_eq!(megabytes(1024 * 1024 + 1), "1.1");
        assert_eq!(megabytes(1536 * 1024), "1.5");
    }
}
