//! Writing a [`Report`] back as model JSON (what the readers return from `parse` and `check`).
//! [`write_json`] writes the text directly, keys sorted as `serde_json` sorts them, for the
//! hot path (the CLI reads thousands of reports); [`encode`] reads that text back as a
//! `serde_json::Value` for Rust callers, so there is one writer.

use crate::prelude::*;

use super::layout::{layout, Layout};
use super::num::Num;
use super::report::{CellState, Report};
use crate::base::dates::Iso;
use crate::base::text::{text, Piece};
use crate::json::write_str;
use serde_json::Value;

/// Append the report as JSON to `out`, in the bytes `serde_json` would write: sorted keys,
/// floats in their shortest form with `.0` on whole numbers.
pub fn write_json(r: &Report, out: &mut String) {
    write_parts(r, None, out);
}

/// Whether a member is wanted whole, in part (a pointer asks for something below it), or not.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    Whole,
    Part,
    No,
}

fn want(path: &str, only: &[String]) -> Want {
    let mut part = false;
    for s in only {
        if s == path || crate::json::pointer_below(path, s) || s.is_empty() {
            return Want::Whole;
        }
        part |= crate::json::pointer_below(s, path);
    }
    if part {
        Want::Part
    } else {
        Want::No
    }
}

/// As [`write_json`], with only the members at or below the JSON pointers in `only` (all of
/// them when `None`): a caller that needs a few cells of thousands of reports (the CLI's
/// cross-year check) is spared writing, and parsing again, the rest.
pub fn write_parts(r: &Report, only: Option<&[String]>, out: &mut String) {
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
    crate::base::sort::sort_by_key(&mut members, |m| m.0);
    out.push('{');
    let mut first = true;
    for (key, m) in members {
        let wanted = only.map_or(Want::Whole, |o| want(&text!("/{key}", key), o));
        // Below a member wanted whole, nothing more is filtered; a pointer below a plain value
        // (`/year/0`) points at nothing.
        let below = if wanted == Want::Part { only } else { None };
        let object = matches!(m, Member::Sections | Member::Table(_));
        if wanted == Want::No || (wanted == Want::Part && !object) {
            continue;
        }
        let mark = out.len();
        if !first {
            out.push(',');
        }
        write_str(out, key);
        out.push(':');
        let wrote = match m {
            Member::Year(y) => {
                y.put(out);
                true
            }
            Member::Format => {
                write_str(out, r.format_str());
                true
            }
            Member::Issuer(i) => {
                write_str(out, i);
                true
            }
            Member::PublishedOn((y, m, d)) => {
                write_str(out, &text!("{}", Iso((y, m, d))));
                true
            }
            Member::Sections => {
                let mut s = sections_in_order(r);
                // Section keys are plain words: their pointers need no escaping.
                if let Some(o) = below {
                    s.retain(|(k, _)| want(&text!("/sections/{k}", k), o) == Want::Whole);
                }
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
                !s.is_empty()
            }
            Member::Table(t) => write_node(r, l, t, below, out),
        };
        if wrote {
            first = false;
        } else {
            out.truncate(mark);
        }
    }
    out.push('}');
}

/// The prose parts as the report's JSON lists them: by key, a later duplicate replacing an
/// earlier one, as in a map.
pub fn sections_in_order(r: &Report) -> Vec<&(String, String)> {
    let mut s: Vec<&(String, String)> = r.sections.iter().rev().collect();
    crate::base::sort::sort_by_key(&mut s, |(k, _)| k.as_str());
    s.dedup_by(|a, b| a.0 == b.0);
    s
}

/// The object of a table or row, or nothing (and `false`) when no cell below it is present.
fn write_node(
    r: &Report,
    l: &Layout,
    node: usize,
    only: Option<&[String]>,
    out: &mut String,
) -> bool {
    let start = out.len();
    out.push('{');
    let mut any = false;
    for &c in &l.nodes[node].children_by_key {
        let below = match only.map(|o| want(&l.nodes[c].path, o)) {
            None | Some(Want::Whole) => None,
            // Below a cell's value there is nothing to point at.
            Some(Want::Part) if l.nodes[c].cell.is_some() => continue,
            Some(Want::Part) => only,
            Some(Want::No) => continue,
        };
        let mark = out.len();
        if any {
            out.push(',');
        }
        write_str(out, &l.nodes[c].key);
        out.push(':');
        let wrote = match l.nodes[c].cell {
            Some(id) => write_cell(&r.cells[id as usize], out),
            None => write_node(r, l, c, below, out),
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
        CellState::Value(Num::Int(i)) => i.put(out),
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
    let mut text = String::new();
    write_json(r, &mut text);
    // The writer only produces valid JSON.
    serde_json::from_str(&text).unwrap_or(Value::Null)
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
    fn writes_the_bytes_serde_json_writes() {
        let mut sample: Value = serde_json::from_str(crate::rules::testing::SAMPLE_2020).unwrap();
        sample["sections"] =
            json!({"other": "无", "overview": "概述\n第二行", "problems": "\"引号\""});
        sample["publishedOn"] = json!("2021-01-29");
        sample["applications"]["received"]["natural"] = json!(null);
        sample["reviewLitigation"]["review"]["upheld"] = json!("十二");
        sample["proactive"]["fees"] = json!({"amount": 251000.0});
        let written = |doc: &Value| {
            let mut text = String::new();
            write_json(&decode(doc), &mut text);
            text
        };
        // Same document, same bytes as serde_json's (sorted keys, floats with `.0`).
        assert_eq!(written(&sample), sample.to_string());
        // The format is always written; empty tables and rows are left out.
        assert_eq!(written(&json!({})), r#"{"format":"2021"}"#);
        assert_eq!(
            written(&json!({"year": 2024, "applications": {"received": {}}})),
            r#"{"format":"2021","year":2024}"#
        );
    }

    #[test]
    fn writes_only_the_parts_asked_for() {
        let doc = json!({
            "year": 2024, "issuer": "某局",
            "sections": {"other": "无", "overview": "概述"},
            "applications": {
                "carriedOver": {"natural": 1, "total": 3},
                "carriedForward": {"total": 4},
                "received": {"natural": 2}
            },
            "proactive": {"fees": {"amount": 1.5}}
        });
        let r = decode(&doc);
        let parts = |only: &[&str]| {
            let only: Vec<String> = only.iter().map(|s| s.to_string()).collect();
            let mut text = String::new();
            write_parts(&r, Some(&only), &mut text);
            text
        };
        assert_eq!(
            parts(&[
                "/issuer",
                "/year",
                "/applications/carriedOver",
                "/applications/carriedForward/total"
            ]),
            r#"{"applications":{"carriedForward":{"total":4},"carriedOver":{"natural":1,"total":3}},"issuer":"某局","year":2024}"#
        );
        assert_eq!(parts(&[]), "{}");
        assert_eq!(parts(&["/nothing", "/applications/nothing"]), "{}");
        assert_eq!(
            parts(&["/sections/overview"]),
            r#"{"sections":{"overview":"概述"}}"#
        );
        assert_eq!(parts(&["/sections/nothing"]), "{}");
        // Pointers below a plain value point at nothing.
        assert_eq!(
            parts(&[
                "/year/0",
                "/issuer/x",
                "/format/x",
                "/sections/overview/x",
                "/applications/carriedOver/natural/x"
            ]),
            "{}"
        );
        // The root pointer "" is the whole report.
        let mut whole = String::new();
        write_json(&r, &mut whole);
        assert_eq!(parts(&[""]), whole);
    }
}
