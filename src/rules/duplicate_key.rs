//! `duplicate-key`: a key given twice in one object of `validateJson`'s text, naming both
//! places. The later value counts, and replaces the earlier one whole, as in `JSON.parse`.
//!
//! Why: JSON allows it, and readers disagree on which value wins; a CMS export that writes a
//! row twice (an old and an edited copy) must not be checked with one value while the portal
//! shows the other, nor silently. One rule for every key keeps `validateJson(t)` and
//! `validate(JSON.parse(t))` in agreement.
//!
//! Example: `{"year": 2023, …, "year": 2024}` → 「/year」重复出现（第 1 行第 2 列、第 9 行第 2 列），
//! 以后一处为准.

use crate::prelude::*;

use super::{Context, RuleDef, MAX_LISTED};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::model::layout::Label;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "duplicate-key";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Warning,
    description: Label::new(
        "同一对象中重复出现的字段（以后一处为准）",
        "a key given twice in one object (the later value counts)",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = &ctx.report.duplicates;
    for dup in all.iter().take(MAX_LISTED) {
        let ((l1, c1), (l2, c2)) = (dup.first, dup.second);
        let path = &dup.path;
        let message = if ctx.zh() {
            text!(
                "「{path}」重复出现（第 {l1} 行第 {c1} 列、第 {l2} 行第 {c2} 列），以后一处为准。",
                path,
                l1,
                c1,
                l2,
                c2
            )
        } else {
            text!("\"{path}\" is given twice (line {l1}, column {c1}; line {l2}, column {c2}); the later one counts.", path, l1, c1, l2, c2)
        };
        let mut d = ctx.diag(&RULE, path.clone(), message);
        d.location = Some(Location {
            line: Some(l2 as u32),
            column: Some(c2 as u32),
            ..Location::default()
        });
        out.push(d);
    }
    // Past the first ones, one finding for the rest: the answer stays small whatever the input.
    if let Some(next) = all.get(MAX_LISTED) {
        let more = ctx.report.duplicates_total.max(all.len()) - MAX_LISTED;
        let message = if ctx.zh() {
            text!(
                "另有 {more} 处重复的字段未列出（下一处为「{}」）。",
                more,
                next.path
            )
        } else {
            text!(
                "{more} more repeated keys are not listed (the next is \"{}\").",
                more,
                next.path
            )
        };
        out.push(ctx.diag(&RULE, "", message));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::decode::decode_str;

    fn diags(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        crate::rules::testing::check_text(&super::RULE, text)
    }

    #[test]
    fn passes_on_distinct_keys() {
        assert!(
            diags(r#"{"year": 2024, "applications": {"received": {"natural": 1}}}"#).is_empty()
        );
    }

    #[test]
    fn fails_naming_both_places() {
        let d = diags("{\"year\": 2023,\n \"issuer\": \"甲\",\n \"year\": 2024}");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/year");
        assert_eq!(
            d[0].message,
            "「/year」重复出现（第 1 行第 2 列、第 3 行第 2 列），以后一处为准。"
        );
        let loc = d[0].location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column), (Some(3), Some(2)));
    }

    #[test]
    fn many_repeats_end_in_one_summary() {
        let text = format!(
            "{{\"year\": 2024{}}}",
            ",\"x\": 1".repeat(super::MAX_LISTED + 6)
        );
        let d = diags(&text);
        assert_eq!(d.len(), super::MAX_LISTED + 1);
        assert_eq!(d[super::MAX_LISTED].path, "");
        assert!(
            d[super::MAX_LISTED]
                .message
                .starts_with("另有 5 处重复的字段未列出"),
            "{}",
            d[super::MAX_LISTED].message
        );
        // Past those it shows, a repeat is counted, not kept.
        let text = format!(
            "{{\"year\": 2024{}{}}}",
            ",\"x\": 1".repeat(5000),
            ",\"y\": 1".repeat(3)
        );
        let r = decode_str(&text);
        assert_eq!(
            (r.duplicates.len(), r.duplicates_total),
            (super::MAX_LISTED + 1, 4999 + 2)
        );
        let d = diags(&text);
        assert_eq!(
            d[super::MAX_LISTED].message,
            "另有 4901 处重复的字段未列出（下一处为「/x」）。"
        );
    }
}
