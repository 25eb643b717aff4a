//! Decoding model JSON into a [`Report`]: every cell is placed by its path, every key the model
//! does not have is kept as an `unknown-field` finding, and nothing is ever rejected outright.

use crate::prelude::*;

use super::layout::{layout, CellId, Format, Formats, Layout, Node};
use super::normalize::normalize;
use super::num::Num;
use super::report::{
    CellState, FormatSource, MetadataIssue, MetadataProblem, Report, StructureIssue,
};
use crate::base::dates::DateProblem;
use crate::json::{Json, Parser, Stop};
use alloc::borrow::Cow;

pub const SECTION_KEYS: [&str; 6] = [
    "overview",
    "proactive",
    "applications",
    "reviewLitigation",
    "problems",
    "other",
];

/// Parse JSON text and decode it in one pass: cells are placed as they are read, with no tree
/// in between. Text that is not JSON gives a report with `syntax_error` set.
pub fn decode_str(text: &str) -> Report {
    let mut r = Report::default();
    let mut p = Parser::new(text);
    let read = match p.peek() {
        Some(b'{') => p.object(0, |p, key| member(&mut r, p, key)),
        _ => p.value(0).map(|v| {
            r.structure.push(StructureIssue {
                path: String::new(),
                found: v.kind(),
                expected_keys: Vec::new(),
            });
        }),
    }
    .and_then(|()| p.finish());
    if read.is_err() {
        let e = p.syntax_error();
        return Report {
            syntax_error: Some((e.eof, e.line, e.column)),
            ..Report::default()
        };
    }
    if r.structure.iter().any(|s| s.path.is_empty()) {
        return r;
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

/// Decode a `serde_json` value (for Rust callers that already hold one).
pub fn decode(value: &serde_json::Value) -> Report {
    decode_str(&value.to_string())
}

/// One top-level member of the report.
fn member<'a>(r: &mut Report, p: &mut Parser<'a>, key: Cow<'a, str>) -> Result<(), Stop> {
    match key.as_ref() {
        "year" => decode_year(r, &p.value(1)?),
        "format" => decode_format(r, &p.value(1)?),
        "issuer" => {
            let v = p.value(1)?;
            r.issuer = text(r, "/issuer", &v);
        }
        "publishedOn" => decode_date(r, &p.value(1)?),
        "sections" => decode_sections(r, &p.value(1)?),
        // Editors add a schema link; it is not report content.
        "$schema" => {
            p.value(1)?;
        }
        _ => match table_node(&key) {
            Some(n) => walk(r, p, layout(), n, 1)?,
            None => {
                p.value(1)?;
                r.unknown.push(format!("/{}", escape(&key)));
            }
        },
    }
    Ok(())
}

fn table_node(key: &str) -> Option<usize> {
    let l = layout();
    l.nodes[0]
        .children
        .iter()
        .copied()
        .find(|&c| l.nodes[c].key == key)
}

/// Read the value at a layout node: a cell is normalised, a table or row walked key by key.
fn walk(r: &mut Report, p: &mut Parser, l: &Layout, node: usize, depth: usize) -> Result<(), Stop> {
    let n: &Node = &l.nodes[node];
    if let Some(id) = n.cell {
        return read_cell(r, p, l, id, depth);
    }
    if !matches!(p.peek(), Some(b'{')) {
        let v = p.value(depth)?;
        if v == Json::Null {
            // A whole table or row given as null: every cell below it is blank.
            blank_below(r, node);
        } else {
            r.structure.push(StructureIssue {
                path: n.path.clone(),
                found: v.kind(),
                expected_keys: n.children.iter().map(|&c| l.nodes[c].key.clone()).collect(),
            });
        }
        return Ok(());
    }
    if !p.open_object(depth)? {
        return Ok(());
    }
    // Keys usually come in the layout's order, some skipped (the other layout's rows): try the
    // next few by their bytes before reading the key as a string.
    let children = &n.children[..];
    let mut next = 0;
    loop {
        let expected =
            (next..children.len().min(next + 3)).find(|&i| p.key_is(&l.nodes[children[i]].key));
        let found = match expected {
            Some(i) => Some(i),
            None => {
                let k = p.key()?;
                match children.iter().position(|&c| l.nodes[c].key == k) {
                    Some(i) => Some(i),
                    None => {
                        p.value(depth + 1)?;
                        r.unknown.push(format!("{}/{}", n.path, escape(&k)));
                        None
                    }
                }
            }
        };
        if let Some(i) = found {
            next = i + 1;
            // Cells are read here, not by another call: they are most of the members.
            match l.nodes[children[i]].cell {
                Some(id) => read_cell(r, p, l, id, depth + 1)?,
                None => walk(r, p, l, children[i], depth + 1)?,
            }
        }
        if !p.next_member()? {
            return Ok(());
        }
    }
}

#[inline(always)]
fn read_cell(
    r: &mut Report,
    p: &mut Parser,
    l: &Layout,
    id: CellId,
    depth: usize,
) -> Result<(), Stop> {
    // A slice, not the `Vec`: see `Report::cells`.
    r.cells.as_mut_slice()[id as usize] = match p.integer() {
        // Fewer than 15 digits: always a valid count, signed value or amount.
        Some(v) => CellState::Value(Num::Int(v)),
        None => {
            let def = l.cell(id);
            normalize(&p.value(depth)?, def.kind, def.unit)
        }
    };
    Ok(())
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
            let t: String = t.chars().map(crate::base::fold::half_width).collect();
            crate::base::numeric::parse_i64(&t)
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
    let parsed = v
        .as_str()
        .map_or(Err(DateProblem::Unreadable), crate::base::dates::parse_iso);
    match parsed {
        Ok(d) => r.published_on = Some(d),
        Err(problem) => r.metadata.push(MetadataIssue {
            path: "/publishedOn",
            input: Some(show(v)),
            problem: MetadataProblem::date(problem),
        }),
    }
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
        core::cmp::Ordering::Greater => (Format::F2019, FormatSource::Shape),
        core::cmp::Ordering::Less => (Format::F2021, FormatSource::Shape),
        core::cmp::Ordering::Equal => match r.year {
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
    // A few dozen rows at most: a list is enough (a BTreeSet cost the lite build 1 KB gzipped).
    let mut rows: Vec<(&str, usize)> = Vec::new();
    for (i, c) in l.cells.iter().enumerate() {
        if let (Formats::Only(f), true) = (c.formats, r.cells[i].is_present()) {
            let row = split_pointer(&c.path).map_or("", |(p, _)| p);
            let key = (row, (f == Format::F2021) as usize);
            if !rows.contains(&key) {
                rows.push(key);
            }
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

/// A JSON pointer's parent and last token, as `rsplit_once('/')` gives them; by bytes, which
/// is smaller in the lite WebAssembly build than the char searcher.
pub fn split_pointer(p: &str) -> Option<(&str, &str)> {
    let i = p.bytes().rposition(|b| b == b'/')?;
    Some((p.get(..i)?, p.get(i + 1..)?))
}

/// RFC 6901 escaping of one key.
pub fn escape(key: &str) -> alloc::borrow::Cow<'_, str> {
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        alloc::borrow::Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        alloc::borrow::Cow::Borrowed(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use serde_json::json;

    #[test]
    fn places_keys_in_any_order_and_spelling() {
        // Reversed order, an escaped key, an unknown key between known ones, and a row of the
        // other layout: each key lands where it belongs whatever the decoder guessed would come.
        let r = decode_str(
            r#"{"year":2024,"applications":{"received":{"total":7,"natur\u0061l":3,"x/y":1,"otherOrg":4}},
               "proactive":{"fees":{"amount":2},"regulations":{"inForce":5,"issued":1}}}"#,
        );
        let at = |p: &str| r.num(layout().find(p).unwrap());
        assert_eq!(at("/applications/received/total"), Some(Num::Int(7)));
        assert_eq!(at("/applications/received/natural"), Some(Num::Int(3)));
        assert_eq!(at("/applications/received/otherOrg"), Some(Num::Int(4)));
        assert_eq!(at("/proactive/regulations/issued"), Some(Num::Int(1)));
        assert_eq!(at("/proactive/regulations/inForce"), Some(Num::Int(5)));
        assert_eq!(at("/proactive/fees/amount"), Some(Num::Int(2)));
        assert_eq!(r.unknown, vec!["/applications/received/x~1y"]);
    }

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
            vec![MetadataProblem::ImpossibleDate, MetadataProblem::BadYear]
        );
        let r = decode_str("{\"year\": 2020,");
        assert!(r.syntax_error.is_some());
    }
}
