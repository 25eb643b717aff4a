//! `format-outdated`: a report for 2021 or later in the 2019 layout.
//!
//! Why: 国办公开办函〔2021〕30号 replaced the 2019 format from the 2021 reports on; local
//! notices require it (格式规范) and reviews flag 未使用新版格式.
//!
//! Example: year 2022 with 表二 columns 本年新制作数量 / 本年新公开数量 → 应使用 2021 年版格式.

use crate::prelude::*;

use super::{Context, RuleDef};
use crate::base::text::text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::layout::Label;
use crate::model::Format;

/// The rule's stable id (the i18n key of its messages).
pub const ID: &str = "format-outdated";

pub static RULE: RuleDef = RuleDef {
    id: ID,
    severity: Severity::Error,
    description: Label::new(
        "2021 年度及以后的报告仍使用 2019 年版格式",
        "a report for 2021 or later in the 2019 layout",
    ),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.report.year else { return };
    if year < 2021 || ctx.format() != Format::F2019 {
        return;
    }
    let year = i64::from(year);
    let message = if ctx.zh() {
        text!("{year} 年度报告应使用国办公开办函〔2021〕30号规定的新版格式，本报告仍采用 2019 年版格式（表二、表三（六）的行列已变化）。", year)
    } else {
        text!("A report for {year} must use the 2021 format (国办公开办函〔2021〕30号); this one still follows the 2019 layout (table 2 and row (6) of table 3 changed).", year)
    };
    out.push(ctx.diag(&RULE, "/format", message));
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, sample};
    use serde_json::json;

    #[test]
    fn passes_on_matching_layouts() {
        assert!(check("format-outdated", &sample("2020")).is_empty());
        assert!(check("format-outdated", &sample("2024")).is_empty());
    }

    #[test]
    fn fails_on_old_layout_in_new_year() {
        let mut doc = sample("2020");
        doc["year"] = json!(2022);
        let d = check("format-outdated", &doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, "/format");
        // Inferred from the shape too, without a declared format.
        doc.as_object_mut().unwrap().remove("format");
        assert_eq!(check("format-outdated", &doc).len(), 1);
    }
}
