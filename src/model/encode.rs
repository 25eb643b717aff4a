//! Writing a [`Report`] back as model JSON (what the readers return from `parse` and `check`).
//! [`write_json`] writes the text directly, keys sorted as `serde_json` sorts them, for the
//! hot path (the CLI reads thousands of reports); [`encode`] builds a `serde_json::Value` for
//! Rust callers.

use super::layout::{layout, Layout};
use super::report::{CellState, Report};
use crate::diagnostic::Num;
use crate::json::write_str;
use serde_json::{Map, Value};

/// Append the report as JSON to `out`: the same document as `encode(r).to_string()`.
pub fn write_json(r: &Report, out: &mut String) {
    enum Member<'r> {
        Year(i32),
        Format,
        Issuer(&'r str),
        PublishedOn((i32, u32, u32)),
        Sections,
        Table(usize),
    }
    let l = layout();
    let mut members: Vec<(&str, Member)> = vec![("format", Member::Format)];
    if let Some(y) = r.year {
        members.push(("year", Member::Year(y)));
    }
    if let Some(i) = &r.issuer {
        members.push(("issuer", Member::Issuer(i)));
    }
    if let Some(d) = r.published_on {
        members.push(("publishedOn", Member::PublishedOn(d)));
    }
    if !r.sections.is_empty() {
        members.push(("sections", Member::Sections));
    }
    members.extend(
        l.nodes[0]
            .children
            .iter()
            .map(|&t| (l.nodes[t].key.as_str(), Member::Table(t))),
    );
    crate::rules::sort_by_key(&mut members, |m| m.0);
    out.push('{');
    let mut first = true;
    for (key, m) in members {
        let mark = out.len();
        if !first {
            out.push(',');
        }
        write_str(out, key);
        out.push(':');
        let wrote = match m {
            Member::Year(y) => {
                out.push_str(&y.to_string());
                true
            }
            Member::Format => {
                write_str(out, r.format.as_str());
                true
            }
            Member::Issuer(i) => {
                write_str(out, i);
                true
            }
            Member::PublishedOn((y, m, d)) => {
                write_str(out, &format!("{y:04}-{m:02}-{d:02}"));
                true
            }
            Member::Sections => {
                // A later duplicate replaces an earlier one, as in a map.
                let mut s: Vec<&(String, String)> = r.sections.iter().rev().collect();
                crate::rules::sort_by_key(&mut s, |(k, _)| k.as_str());
                s.dedup_by(|a, b| a.0 == b.0);
                out.push('{');
                for (i, (k, v)) in s.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    write_str(out, v);
                }
                out.push('}');
                true
            }
            Member::Table(t) => write_node(r, l, t, out),
        };
        if wrote {
            first = false;
        } else {
            out.truncate(mark);
        }
    }
    out.push('}');
}

/// The object of a table or row, or nothing (and `false`) when no cell below it is present.
fn write_node(r: &Report, l: &Layout, node: usize, out: &mut String) -> bool {
    let start = out.len();
    out.push('{');
    let mut any = false;
    for &c in &l.nodes[node].children_by_key {
        let mark = out.len();
        if any {
            out.push(',');
        }
        write_str(out, &l.nodes[c].key);
        out.push(':');
        let wrote = match l.nodes[c].cell {
            Some(id) => write_cell(&r.cells[id as usize], out),
            None => write_node(r, l, c, out),
        };
        if wrote {
            any = true;
        } else {
            out.truncate(mark);
        }
    }
    if any {
        out.push('}');
    } else {
        out.truncate(start);
    }
    any
}

fn write_cell(state: &CellState, out: &mut String) -> bool {
    match state {
        CellState::Absent => return false,
        CellState::Blank { .. } => out.push_str("null"),
        CellState::Value(Num::Int(i)) => out.push_str(&i.to_string()),
        // As serde_json writes a float: shortest round-trip form, `.0` on whole numbers.
        CellState::Value(Num::Dec(f)) if f.is_finite() => {
            out.push_str(ryu::Buffer::new().format_finite(*f))
        }
        CellState::Value(Num::Dec(_)) => out.push_str("null"),
        CellState::Invalid { input, .. } => write_str(out, input),
    }
    true
}

pub fn encode(r: &Report) -> Value {
    let mut root = Map::new();
    if let Some(y) = r.year {
        root.insert("year".into(), Value::from(y));
    }
    root.insert("format".into(), Value::from(r.format.as_str()));
    if let Some(i) = &r.issuer {
        root.insert("issuer".into(), Value::from(i.as_str()));
    }
    if let Some((y, m, d)) = r.published_on {
        root.insert(
            "publishedOn".into(),
            Value::from(format!("{y:04}-{m:02}-{d:02}")),
        );
    }
    if !r.sections.is_empty() {
        let s: Map<String, Value> = r
            .sections
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
            .collect();
        root.insert("sections".into(), Value::Object(s));
    }
    for (i, def) in layout().cells.iter().enumerate() {
        let v = match &r.cells[i] {
            CellState::Absent => continue,
            CellState::Blank { .. } => Value::Null,
            CellState::Value(n) => serde_json::to_value(n).unwrap_or(Value::Null),
            // Keep what was read, so a caller can show it and nothing is lost.
            CellState::Invalid { input, .. } => Value::from(input.as_str()),
        };
        insert(&mut root, &def.path, v);
    }
    Value::Object(root)
}

fn insert(root: &mut Map<String, Value>, path: &str, v: Value) {
    let mut segs = path.trim_start_matches('/').split('/').peekable();
    let mut cur = root;
    while let Some(seg) = segs.next() {
        if segs.peek().is_none() {
            cur.insert(seg.to_string(), v);
            return;
        }
        let next = cur
            .entry(seg.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        match next {
            Value::Object(m) => cur = m,
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode::decode;
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_through_decode() {
        let input = json!({
            "year": 2024, "format": "2021", "issuer": "某局",
            "proactive": {"fees": {"amount": 96171.6}},
            "applications": {"received": {"natural": 3, "total": null}},
            "reviewLitigation": {"review": {"upheld": "十二"}}
        });
        let out = encode(&decode(&input));
        assert_eq!(out, input);
    }

    #[test]
    fn written_text_is_the_encoded_document() {
        let mut sample: Value = serde_json::from_str(crate::rules::testing::SAMPLE_2020).unwrap();
        sample["sections"] =
            json!({"other": "无", "overview": "概述\n第二行", "problems": "\"引号\""});
        sample["publishedOn"] = json!("2021-01-29");
        sample["applications"]["received"]["natural"] = json!(null);
        sample["reviewLitigation"]["review"]["upheld"] = json!("十二");
        sample["proactive"]["fees"] = json!({"amount": 251000.0});
        for doc in [
            sample,
            json!({}),
            json!({"year": 2024, "applications": {"received": {}}}),
        ] {
            let report = decode(&doc);
            let mut text = String::new();
            write_json(&report, &mut text);
            // Same document, same bytes as serde_json's (sorted keys, floats with `.0`).
            assert_eq!(text, encode(&report).to_string());
        }
    }
}
