//! What the package tells about itself: every cell of a layout (`cells()`), every rule
//! (`rules()`), and a JSON Schema of the model (`jsonSchema()`), all from the one layout.

use crate::prelude::*;

use crate::diagnostic::Severity;
use crate::json::ObjectWriter;
use crate::model::layout::{layout, Format, Kind, Label, TableId};
use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellInfo {
    pub path: &'static str,
    pub table: TableId,
    pub table_label: Label,
    pub group: Option<Label>,
    pub row: Label,
    pub column: Label,
    pub kind: Kind,
    pub unit: Option<&'static str>,
}

/// Every cell of a layout, in the order of the official tables.
pub fn cells(format: Format) -> Vec<CellInfo> {
    layout()
        .cells_of(format)
        .map(|(_, c)| CellInfo {
            path: &c.path,
            table: c.table,
            table_label: c.table.label(),
            group: c.group,
            row: if c.path.starts_with("/proactive/normativeDocuments/") && format == Format::F2019
            {
                crate::model::layout::NORMATIVE_2019
            } else {
                c.row
            },
            column: c.column_for(format),
            kind: c.kind,
            unit: c.unit,
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub description: Label,
    /// Compares the report with last year's (`previous`, `crossYear()`): silent without it.
    pub cross_year: bool,
}

/// The rule catalogue: the registry, then the readers' rules where built in.
pub fn rules() -> Vec<RuleInfo> {
    crate::registry::all()
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            description: r.description,
            cross_year: crate::registry::CROSS_YEAR.contains(&r.id),
        })
        .collect()
}

fn write_label(out: &mut String, l: Label) {
    let mut o = ObjectWriter::new(out);
    o.str("zh-CN", l.zh);
    o.str("en", l.en);
    o.end();
}

/// `cells()` as JSON text, written directly (the same shape as `CellInfo`'s serde form).
pub fn cells_json(format: Format) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push('[');
    for (i, c) in cells(format).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut o = ObjectWriter::new(&mut out);
        o.str("path", c.path);
        o.str("table", c.table.key());
        write_label(o.key("tableLabel"), c.table_label);
        match c.group {
            Some(g) => write_label(o.key("group"), g),
            None => o.raw("group", "null"),
        }
        write_label(o.key("row"), c.row);
        write_label(o.key("column"), c.column);
        o.str("kind", c.kind.as_str());
        o.str_or_null("unit", c.unit);
        o.end();
    }
    out.push(']');
    out
}

/// `rules()` as JSON text.
pub fn rules_json() -> String {
    let mut out = String::from("[");
    for (i, r) in rules().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut o = ObjectWriter::new(&mut out);
        o.str("id", r.id);
        o.str("severity", r.severity.as_str());
        write_label(o.key("description"), r.description);
        o.raw("crossYear", if r.cross_year { "true" } else { "false" });
        o.end();
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cells_carry_labels_in_both_locales() {
        let c = cells(Format::F2019);
        assert_eq!(c.len(), 22 + 23 * 7 + 15);
        let json = serde_json::to_value(&c[0]).unwrap();
        assert_eq!(
            json,
            json!({"path": "/proactive/regulations/made", "table": "proactive",
                   "tableLabel": {"zh-CN": "二、主动公开政府信息情况", "en": "2. Proactive disclosure"},
                   "group": {"zh-CN": "第二十条第（一）项", "en": "Article 20 (1)"},
                   "row": {"zh-CN": "规章", "en": "regulations"},
                   "column": {"zh-CN": "本年新制作数量", "en": "made this year"},
                   "kind": "count", "unit": null})
        );
    }

    #[test]
    fn hand_written_json_equals_the_serde_form() {
        for f in [Format::F2019, Format::F2021] {
            assert_eq!(cells_json(f), serde_json::to_string(&cells(f)).unwrap());
        }
        assert_eq!(rules_json(), serde_json::to_string(&rules()).unwrap());
    }

    #[test]
    fn rules_list_the_catalogue() {
        let ids: Vec<_> = rules().iter().map(|r| r.id).collect();
        for id in [
            "invalid-number",
            "negative-count",
            "missing-cell",
            "blank-cell",
            "unknown-field",
            "format-mismatch",
            "format-outdated",
            "t3-balance",
            "t3-results-sum",
            "t3-row-total",
            "t4-total",
            "t2-consistency",
            "late-publication",
            "cross-year-carryover",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn rules_say_which_need_last_years_report() {
        let cross: Vec<_> = rules()
            .iter()
            .filter(|r| r.cross_year)
            .map(|r| r.id)
            .collect();
        #[cfg(feature = "readers")]
        assert_eq!(
            cross,
            [
                "cross-year-carryover",
                "tables-unchanged",
                "t2-carryover",
                "text-reuse"
            ]
        );
        // The lite build has only the carry-over of them.
        #[cfg(not(feature = "readers"))]
        assert_eq!(cross, ["cross-year-carryover"]);
        // Every rule says it, true or false: the JS side reads it as a boolean.
        let listed: serde_json::Value = serde_json::from_str(&rules_json()).unwrap();
        for r in listed.as_array().unwrap() {
            let id = r["id"].as_str().unwrap();
            assert_eq!(r["crossYear"], json!(cross.contains(&id)), "{id}");
        }
    }
}
