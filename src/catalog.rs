//! What the package tells about itself: every cell of a layout (`cells()`), every rule
//! (`rules()`), and a JSON Schema of the model (`jsonSchema()`), all from the one layout.

use crate::diagnostic::Severity;
use crate::model::layout::{layout, Format, Kind, Label, TableId};
use serde::Serialize;
use serde_json::{json, Map, Value};

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
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub description: Label,
}

/// The rule catalogue: the registry, then the readers' rules where built in.
pub fn rules() -> Vec<RuleInfo> {
    crate::rules::RULES
        .iter()
        .chain(crate::rules::extra_rules())
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            description: r.description,
        })
        .collect()
}

/// A JSON Schema (2020-12) of the model in one layout: the canonical shape (numbers or `null`).
pub fn json_schema(format: Format) -> Value {
    let mut tables = Map::new();
    for c in cells(format) {
        let segs: Vec<&str> = c.path.trim_start_matches('/').split('/').collect();
        let leaf = match c.kind {
            Kind::Count => json!({"type": ["integer", "null"], "minimum": 0}),
            Kind::Signed => json!({"type": ["integer", "null"]}),
            Kind::Money => json!({"type": ["number", "null"], "minimum": 0}),
        };
        let mut leaf = leaf;
        let title = match c.group {
            Some(g) => format!("{} {} {}", g.zh, c.row.zh, c.column.zh),
            None => format!("{} {}", c.row.zh, c.column.zh),
        };
        leaf["title"] = Value::from(title);
        if let Some(u) = c.unit {
            leaf["description"] = Value::from(format!("单位：{u}"));
        }
        insert(&mut tables, &segs, leaf);
    }
    let section = json!({"type": "string"});
    let mut sections = Map::new();
    for k in crate::model::decode::SECTION_KEYS {
        sections.insert(k.to_string(), section.clone());
    }
    let mut props = Map::new();
    props.insert("$schema".into(), json!({"type": "string"}));
    props.insert(
        "year".into(),
        json!({"type": "integer", "minimum": 2000, "maximum": 2100, "title": "统计年度"}),
    );
    props.insert(
        "format".into(),
        json!({"const": format.as_str(), "title": "格式版本"}),
    );
    props.insert(
        "issuer".into(),
        json!({"type": "string", "title": "发布机关"}),
    );
    props.insert(
        "publishedOn".into(),
        json!({"type": "string", "format": "date", "title": "发布日期"}),
    );
    props.insert(
        "sections".into(),
        json!({"type": "object", "properties": sections, "additionalProperties": false}),
    );
    for (k, v) in tables {
        props.insert(k, v);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://xxgknb.invalid/schema/report-{}.json", format.as_str()),
        "title": format!("政府信息公开工作年度报告（{} 年版格式）", format.as_str()),
        "type": "object",
        "required": ["year", "proactive", "applications", "reviewLitigation"],
        "properties": props,
        "additionalProperties": false
    })
}

fn insert(into: &mut Map<String, Value>, segs: &[&str], leaf: Value) {
    let Some((first, rest)) = segs.split_first() else {
        return;
    };
    if rest.is_empty() {
        into.insert(first.to_string(), leaf);
        return;
    }
    let node = into.entry(first.to_string()).or_insert_with(|| {
        json!({"type": "object", "properties": {}, "required": [], "additionalProperties": false})
    });
    let next = rest[0].to_string();
    if let Some(req) = node["required"].as_array_mut() {
        if !req.iter().any(|r| r == &Value::from(next.as_str())) {
            req.push(Value::from(next));
        }
    }
    if let Some(props) = node["properties"].as_object_mut() {
        insert(props, rest, leaf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn schema_requires_every_cell() {
        let s = json_schema(Format::F2021);
        let row = &s["properties"]["applications"]["properties"]["results"]["properties"]
            ["otherHandling"];
        assert_eq!(
            row["required"],
            json!(["overdueCorrection", "unpaidFee", "other"])
        );
        assert_eq!(
            s["properties"]["proactive"]["properties"]["fees"]["properties"]["amount"]["type"],
            json!(["number", "null"])
        );
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
}
