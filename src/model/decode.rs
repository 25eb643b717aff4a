//! Decoding model JSON into a [`Report`]: every cell is placed by its path, every key the model
//! does not have is kept as an `unknown-field` finding, and nothing is ever rejected outright.

use super::layout::{layout, Format, Formats, Node};
use super::normalize::normalize;
use super::report::{
    CellState, FormatSource, MetadataIssue, MetadataProblem, Report, StructureIssue,
};
use crate::json::{self, Json};
use std::collections::BTreeSet;

pub const SECTION_KEYS: [&str; 6] = [
    "overview",
    "proactive",
    "applications",
    "reviewLitigation",
    "problems",
    "other",
];

/// Parse JSON text and decode it. Text that is not JSON gives a report with `syntax_error` set.
pub fn decode_str(text: &str) -> Report {
    match json::parse(text) {
        Ok(v) => decode_json(&v),
        Err(e) => Report {
            syntax_error: Some((e.eof, e.line, e.column)),
            ..Report::default()
        },
    }
}

/// Decode a `serde_json` value (for Rust callers that already hold one).
pub fn decode(value: &serde_json::Value) -> Report {
    decode_str(&value.to_string())
}

/// Decode a parsed JSON value in the model's shape.
pub fn decode_json(value: &Json) -> Report {
    let mut r = Report::default();
    let Json::Obj(members, _) = value else {
        r.structure.push(StructureIssue {
            path: String::new(),
            found: value.kind(),
            expected_keys: Vec::new(),
        });
        return r;
    };
    for (key, v) in members {
        match key.as_ref() {
            "year" => decode_year(&mut r, v),
            "format" => decode_format(&mut r, v),
            "issuer" => r.issuer = text(&mut r, "/issuer", v),
            "publishedOn" => decode_date(&mut r, v),
            "sections" => decode_sections(&mut r, v),
            // Editors add a schema link; it is not report content.
            "$schema" => {}
            _ => match table_node(key) {
                Some(n) => walk(&mut r, n, v, &mut format!("/{key}")),
                None => r.unknown.push(format!("/{}", escape(key))),
            },
        }
    }
    if r.year.is_none() && !r.metadata.iter().any(|m| m.path == "/year") {
        r.metadata.push(MetadataIssue {
            path: "/year",
            input: None,
            problem: MetadataProblem::MissingYear,
        });
    }
    decide_format(&mut r);
    r
}

fn table_node(key: &str) -> Option<usize> {
    let l = layout();
    l.nodes[0]
        .children
        .iter()
        .copied()
        .find(|&c| l.nodes[c].key == key)
}

fn walk(r: &mut Report, node: usize, v: &Json, path: &mut String) {
    let l = layout();
    let n: &Node = &l.nodes[node];
    if let Some(id) = n.cell {
        let def = l.cell(id);
        r.cells[id as usize] = normalize(v, def.kind, def.unit);
        return;
    }
    match v {
        Json::Obj(members, _) => walk_object(r, n, members, path),
        // A whole table or row given as null: every cell below it is blank.
        Json::Null => blank_below(r, node),
        other => r.structure.push(StructureIssue {
            path: path.clone(),
            found: other.kind(),
            expected_keys: n.children.iter().map(|&c| l.nodes[c].key.clone()).collect(),
        }),
    }
}

fn walk_object(
    r: &mut Report,
    n: &Node,
    members: &[(std::borrow::Cow<str>, Json)],
    path: &mut String,
) {
    let l = layout();
    for (k, v) in members {
        let len = path.len();
        path.push('/');
        path.push_str(&escape(k));
        match n.children.iter().copied().find(|&c| l.nodes[c].key == *k) {
            Some(c) => walk(r, c, v, path),
            None => r.unknown.push(path.clone()),
        }
        path.truncate(len);
    }
}

fn blank_below(r: &mut Report, node: usize) {
    let l = layout();
    if let Some(id) = l.nodes[node].cell {
        r.cells[id as usize] = CellState::Blank { input: None };
    }
    for &c in &l.nodes[node].children {
        blank_below(r, c);
    }
}

fn decode_year(r: &mut Report, v: &Json) {
    let parsed = match v {
        Json::Num(_) => v.as_i64(),
        Json::Str(s) => {
            let t = s.trim().trim_end_matches('年').trim();
            let t: String = t
                .chars()
                .map(|c| {
                    if ('０'..='９').contains(&c) {
                        char::from(b'0' + (c as u32 - '０' as u32) as u8)
                    } else {
                        c
                    }
                })
                .collect();
            t.parse::<i64>().ok()
        }
        _ => None,
    };
    match parsed {
        Some(y) if (2000..=2100).contains(&y) => r.year = Some(y as i32),
        _ => r.metadata.push(MetadataIssue {
            path: "/year",
            input: Some(show(v)),
            problem: MetadataProblem::BadYear,
        }),
    }
}

fn decode_format(r: &mut Report, v: &Json) {
    let f = match v {
        Json::Str(s) => Format::parse(s),
        Json::Num(n) => Format::parse(n),
        // An empty format field in a form means "not chosen": infer it.
        Json::Null => return,
        _ => None,
    };
    match f {
        Some(f) => r.declared_format = Some(f),
        None if v.as_str().is_some_and(|s| s.trim().is_empty()) => {}
        None => r.metadata.push(MetadataIssue {
            path: "/format",
            input: Some(show(v)),
            problem: MetadataProblem::BadFormat,
        }),
    }
}

fn decode_date(r: &mut Report, v: &Json) {
    if *v == Json::Null || v.as_str().is_some_and(|s| s.trim().is_empty()) {
        return;
    }
    match v.as_str().and_then(parse_date) {
        Some(d) => r.published_on = Some(d),
        None => r.metadata.push(MetadataIssue {
            path: "/publishedOn",
            input: Some(show(v)),
            problem: MetadataProblem::BadDate,
        }),
    }
}

/// `YYYY-MM-DD`, a real calendar date.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m).then_some(())?;
    (1..=days[m as usize - 1]).contains(&d).then_some((y, m, d))
}

fn decode_sections(r: &mut Report, v: &Json) {
    match v {
        Json::Obj(members, _) => {
            for (k, v) in members {
                if !SECTION_KEYS.contains(&k.as_ref()) {
                    r.unknown.push(format!("/sections/{}", escape(k)));
                    continue;
                }
                match v {
                    Json::Str(s) => r.sections.push((k.to_string(), s.to_string())),
                    Json::Null => {}
                    _ => r.structure.push(StructureIssue {
                        path: format!("/sections/{k}"),
                        found: v.kind(),
                        expected_keys: Vec::new(),
                    }),
                }
            }
        }
        Json::Null => {}
        other => r.structure.push(StructureIssue {
            path: "/sections".into(),
            found: other.kind(),
            expected_keys: SECTION_KEYS.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

fn text(r: &mut Report, path: &'static str, v: &Json) -> Option<String> {
    match v {
        Json::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Json::Str(_) | Json::Null => None,
        other => {
            r.metadata.push(MetadataIssue {
                path,
                input: Some(show(other)),
                problem: MetadataProblem::NotText,
            });
            None
        }
    }
}

/// The layout: as declared, else by the tables' shape (rows only one layout has), else by year.
fn decide_format(r: &mut Report) {
    if let Some(f) = r.declared_format {
        r.format = f;
        r.format_source = FormatSource::Declared;
        return;
    }
    let votes = shape_votes(r);
    let (f, src) = match votes[0].cmp(&votes[1]) {
        std::cmp::Ordering::Greater => (Format::F2019, FormatSource::Shape),
        std::cmp::Ordering::Less => (Format::F2021, FormatSource::Shape),
        std::cmp::Ordering::Equal => match r.year {
            Some(y) => (Format::for_year(y), FormatSource::Year),
            None => (Format::F2021, FormatSource::Default),
        },
    };
    r.format = f;
    r.format_source = src;
}

/// How many rows with cells of only the 2019 layout, and of only the 2021 layout, are present.
pub fn shape_votes(r: &Report) -> [usize; 2] {
    let l = layout();
    let mut rows: BTreeSet<(&str, usize)> = BTreeSet::new();
    for (i, c) in l.cells.iter().enumerate() {
        if let (Formats::Only(f), true) = (c.formats, r.cells[i].is_present()) {
            let row = c.path.rsplit_once('/').map_or("", |(p, _)| p);
            rows.insert((row, (f == Format::F2021) as usize));
        }
    }
    let mut v = [0, 0];
    for (_, f) in rows {
        v[f] += 1;
    }
    v
}

fn show(v: &Json) -> String {
    v.text().chars().take(40).collect()
}

/// RFC 6901 escaping of one key.
pub fn escape(key: &str) -> std::borrow::Cow<'_, str> {
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        std::borrow::Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Num;
    use serde_json::json;

    #[test]
    fn places_cells_and_keeps_unknown_keys() {
        let r = decode(&json!({
            "year": 2020,
            "applications": { "received": { "natural": "３", "naturel": 1 } },
            "extra": 1,
            "a/b": 2
        }));
        let id = layout().find("/applications/received/natural").unwrap();
        assert_eq!(r.num(id), Some(Num::Int(3)));
        assert_eq!(
            r.unknown,
            vec!["/a~1b", "/applications/received/naturel", "/extra"]
        );
        assert_eq!(r.year, Some(2020));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2019, FormatSource::Year)
        );
    }

    #[test]
    fn format_from_shape_beats_year() {
        let r = decode(&json!({"year": 2020, "proactive": {"fees": {"amount": 1.5}}}));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2021, FormatSource::Shape)
        );
        let r = decode(&json!({"year": 2023, "format": "2019"}));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2019, FormatSource::Declared)
        );
    }

    #[test]
    fn wrong_shapes_are_findings_not_failures() {
        let r = decode(&json!(42));
        assert_eq!(r.structure[0].path, "");
        let r = decode(
            &json!({"year": "二〇二〇", "applications": [1, 2], "publishedOn": "2021-02-30"}),
        );
        assert_eq!(r.structure[0].path, "/applications");
        let probs: Vec<_> = r.metadata.iter().map(|m| m.problem).collect();
        assert_eq!(
            probs,
            vec![MetadataProblem::BadDate, MetadataProblem::BadYear]
        );
        let r = decode_str("{\"year\": 2020,");
        assert!(r.syntax_error.is_some());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023-1-5"), None);
    }
}
