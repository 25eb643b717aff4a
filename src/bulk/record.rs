//! A checked file's record, as the command line's spool keeps it (`js/cli/process.mjs`), and
//! the few facts the run's totals and its cross-year pairing need, written from the check's
//! result in one go.
//!
//! The answer is one line of JSON, the facts, then the record's bytes:
//!
//! ```text
//! {"errors":1,"warnings":0,"infos":0,"year":2024,"issuer":"示例市教育局","carry":true,
//!  "resultAt":5120,"rules":["t3-row-total","error"],"sig":[…64 numbers…]}
//! {"carry":{"year":2024,"format":"2021","applications":{…},…},"path":"a/b.html","result":{…}}
//! ```
//!
//! - `result` is what `--format json` prints for the file: the check's result after the file's
//!   `path`, `kind`, `encoding` and `issuer`, with the notes the CLI made of the file (its
//!   encoding) first among the diagnostics and counted.
//! - `carry` is what the cross-year and batch checks need of the report (its tables and
//!   prose, shaped as a report the core reads again), or `null` when the report has no
//!   issuer, no year or no table 三.
//! - `resultAt` is where `result`'s value starts in the record, in bytes; `sig` the prose's
//!   signature ([`super::signature`]) when there is a carry.

use crate::prelude::*;

use crate::api::Checked;
use crate::base::text::{text, Piece};
use crate::diagnostic::{Diagnostic, Severity, ValidationResult};
use crate::json::{write_str, write_str_array, Json, ObjectWriter};
use crate::model::encode::write_parts;

/// What the CLI knows of the file: where it is, what kind of text it held and in which
/// encoding, and its notes on the encoding (warnings, given as `{"rule", "message"}`).
#[derive(Debug, Default)]
pub struct FileInfo {
    pub path: String,
    pub kind: String,
    pub encoding: Option<String>,
    pub notes: Vec<Diagnostic>,
}

impl FileInfo {
    /// From the JSON the CLI sends: `{"path", "kind", "encoding", "notes": [{"rule", "message"}]}`.
    /// A note's rule must be one of this build's (`charset-mismatch` …).
    pub fn from_json(text: &str) -> Result<FileInfo, String> {
        let Ok(Json::Obj(members, _)) = crate::json::parse(text) else {
            return Err("the file's description is not a JSON object".into());
        };
        let mut file = FileInfo::default();
        for (key, value) in &members {
            match (key.as_ref(), value) {
                ("path", Json::Str(s)) => file.path = s.to_string(),
                ("kind", Json::Str(s)) => file.kind = s.to_string(),
                ("encoding", Json::Str(s)) => file.encoding = Some(s.to_string()),
                ("encoding", Json::Null) => file.encoding = None,
                ("notes", Json::Arr(notes, _)) => {
                    for n in notes {
                        file.notes.push(note(n)?);
                    }
                }
                (k, _) => return Err(text!("the file's description: unexpected \"{k}\"", k)),
            }
        }
        Ok(file)
    }
}

/// A note of the CLI's as a diagnostic: a warning on the whole file.
fn note(n: &Json) -> Result<Diagnostic, String> {
    let Json::Obj(members, raw) = n else {
        return Err("a note is not an object".into());
    };
    let get = |k: &str| {
        members
            .iter()
            .find(|(key, _)| key == k)
            .and_then(|(_, v)| v.as_str())
    };
    let rule = get("rule").and_then(crate::registry::rule_id);
    match (rule, get("message")) {
        (Some(rule), Some(message)) => {
            Ok(Diagnostic::new(rule, Severity::Warning, "", message.into()))
        }
        _ => Err(text!("a note needs a known rule and a message: {raw}", raw)),
    }
}

/// JavaScript's `String.prototype.trim`: its white space is not quite Unicode's (U+FEFF is;
/// U+0085 is not), and the issuer must read as the JS read it before.
fn js_trim(s: &str) -> &str {
    s.trim_matches(|c: char| (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}')
}

/// The answer for one checked file (see the module's documentation).
pub fn write(checked: Checked, file: FileInfo) -> Vec<u8> {
    let Checked { result, report, .. } = checked;
    let format = report.format_str();
    let issuer = report
        .issuer
        .as_deref()
        .map(js_trim)
        .filter(|s| !s.is_empty());
    let year = result.year.or(report.year);
    let mut diagnostics = file.notes;
    diagnostics.extend(result.diagnostics);
    let result = ValidationResult::new(result.format, year, diagnostics);

    // The carry: the tables and prose the cross-year and batch checks read again.
    let mut carry = String::new();
    let mut apps = String::new();
    write_parts(&report, Some(&["/applications".into()]), &mut apps);
    if let (Some(_), Some(y), true) = (issuer, year, apps.len() > 2) {
        carry.push_str("{\"year\":");
        y.put(&mut carry);
        carry.push_str(",\"format\":");
        write_str(&mut carry, format);
        carry.push(',');
        carry.push_str(apps.get(1..apps.len() - 1).unwrap_or_default());
        let mut rest = String::new();
        let others = [
            "/proactive".into(),
            "/reviewLitigation".into(),
            "/sections".into(),
        ];
        write_parts(&report, Some(&others), &mut rest);
        if rest.len() > 2 {
            carry.push(',');
            carry.push_str(rest.get(1..rest.len() - 1).unwrap_or_default());
        }
        carry.push('}');
    }
    let has_carry = !carry.is_empty();

    let mut record = String::with_capacity(carry.len() + 512 + result.diagnostics.len() * 256);
    record.push_str("{\"carry\":");
    record.push_str(if has_carry { &carry } else { "null" });
    record.push_str(",\"path\":");
    write_str(&mut record, &file.path);
    record.push_str(",\"result\":");
    let result_at = record.len();
    let mut o = ObjectWriter::new(&mut record);
    o.str("path", &file.path);
    o.str("kind", &file.kind);
    o.str_or_null("encoding", file.encoding.as_deref());
    o.str_or_null("issuer", issuer);
    o.end();
    record.pop(); // the brace: the result's own members follow
    let own = result.to_json_as(format);
    record.push(',');
    record.push_str(own.get(1..).unwrap_or_default());
    record.push('}');

    // The facts, first.
    let mut facts = String::with_capacity(1024);
    let mut o = ObjectWriter::new(&mut facts);
    result.error_count.put(o.key("errors"));
    result.warning_count.put(o.key("warnings"));
    let infos = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .count();
    infos.put(o.key("infos"));
    year.unwrap_or(0).put(o.key("year"));
    o.str_or_null("issuer", issuer);
    o.raw("carry", if has_carry { "true" } else { "false" });
    result_at.put(o.key("resultAt"));
    let rules: Vec<&str> = result
        .diagnostics
        .iter()
        .flat_map(|d| [d.rule, d.severity.as_str()])
        .collect();
    write_str_array(o.key("rules"), &rules);
    let sig = has_carry
        .then(|| {
            let parts = crate::model::encode::sections_in_order(&report);
            super::signature::signature(parts.into_iter().map(|(_, v)| v.as_str()))
        })
        .flatten();
    match sig {
        Some(sig) => {
            let out = o.key("sig");
            out.push('[');
            for (i, v) in sig.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                v.put(out);
            }
            out.push(']');
        }
        None => o.raw("sig", "null"),
    }
    o.end();
    let mut bytes = facts.into_bytes();
    bytes.push(b'\n');
    bytes.extend_from_slice(record.as_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::testing::SAMPLE_TXT;
    use crate::readers::{ParseOptions, ReadCall};

    fn answer(text: &str, file: &str) -> (serde_json::Value, serde_json::Value, String) {
        let o = ParseOptions::from_json("{}", ReadCall::Check, crate::registry::rule_id).unwrap();
        let out = write(
            crate::api::check(text, &o),
            FileInfo::from_json(file).unwrap(),
        );
        let out = String::from_utf8(out).unwrap();
        let (facts, record) = out.split_once('\n').unwrap();
        (
            serde_json::from_str(facts).unwrap(),
            serde_json::from_str(record).unwrap(),
            record.to_string(),
        )
    }

    #[test]
    fn the_record_holds_the_result_after_the_file_and_the_facts_match_it() {
        let file = r#"{"path":"a/报告.txt","kind":"text","encoding":"gb18030",
            "notes":[{"rule":"charset-mismatch","message":"按 GB18030 解码"}]}"#;
        let (facts, record, text) = answer(SAMPLE_TXT, file);
        let result = &record["result"];
        // The file's members first, then the check's, as the CLI's JSON output prints them.
        let at = facts["resultAt"].as_u64().unwrap() as usize;
        let own = &text[at..];
        let order: Vec<usize> = ["path", "kind", "encoding", "issuer", "valid", "format"]
            .iter()
            .map(|k| own.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(own.starts_with("{\"path\":\"a/"));
        assert_eq!(result["encoding"], "gb18030");
        assert_eq!(result["diagnostics"][0]["rule"], "charset-mismatch");
        assert_eq!(result["diagnostics"][0]["path"], "");
        assert_eq!(facts["warnings"], result["warningCount"]);
        assert_eq!(facts["errors"], result["errorCount"]);
        assert_eq!(facts["year"], result["year"]);
        assert_eq!(facts["issuer"], result["issuer"]);
        // The carry is a report the core reads again: its year and tables.
        assert_eq!(record["carry"]["year"], result["year"]);
        assert!(record["carry"]["applications"].is_object());
        assert_eq!(facts["carry"], true);
    }

    #[test]
    fn no_issuer_no_carry_and_no_signature() {
        let (facts, record, _) = answer("no report here", r#"{"path":"x","kind":"text"}"#);
        assert_eq!(record["carry"], serde_json::Value::Null);
        assert_eq!(facts["carry"], false);
        assert_eq!(facts["sig"], serde_json::Value::Null);
        assert_eq!(record["result"]["encoding"], serde_json::Value::Null);
    }

    #[test]
    fn a_bad_description_is_refused() {
        for bad in [
            "[]",
            r#"{"path":1}"#,
            r#"{"notes":[{"rule":"nope","message":"x"}]}"#,
            r#"{"notes":[1]}"#,
        ] {
            assert!(FileInfo::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_issuer_is_trimmed_as_javascript_trims() {
        assert_eq!(js_trim("\u{feff}\u{3000} 示例市 \n"), "示例市");
        assert_eq!(js_trim("\u{85}示例市"), "\u{85}示例市");
    }
}
