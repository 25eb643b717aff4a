//! Writing a [`Report`] back as model JSON (what the readers return from `parse`).

use super::layout::layout;
use super::report::{CellState, Report};
use serde_json::{Map, Value};

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
}
