//! The JSON reader (`src/json.rs`) against JSONTestSuite (`../shared/testsuites/JSONTestSuite/
//! test_parsing/`) and, property by property, against serde_json. Prints the suite's counts and
//! fails on any failure; skips the suite with a note when the folder is absent.
//!
//! Each file is read as the binding reads bytes (`src/wasm.rs`): bytes that are not UTF-8
//! become U+FFFD, then the text goes to both readers of the crate, which must agree: the tree
//! (`json::parse`, used for options and rules) and the one-pass report decoder
//! (`decode_str`, behind `validateJson`, with its own fast paths for keys and integers).
//! - `y_` files must be accepted, with the values serde_json reads from them;
//! - `n_` files must be rejected;
//! - `i_` files (implementation-defined) must not panic, and give the outcome [`I_CHOICES`]
//!   documents for each, so that a change of choice is a visible decision.
//!
//! The differential half generates JSON texts (random values written with random white space
//! and escapes; then again with the mistakes hand-written JSON has, and random edits) and
//! requires the crate's reader and serde_json to accept
//! the same texts with the same values. Where they differ by design (both are `i_` choices of
//! the suite), the difference is asserted, not tolerated: serde_json refuses numbers beyond
//! `f64` (the crate keeps a number's text, and the model judges its size) and lone surrogate
//! escapes (the crate reads them as U+FFFD, as a JS string holding one becomes in UTF-8); the
//! crate drops a leading byte-order mark. Ten thousand texts of each kind: about 2 s.

mod suites;

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use xxgknb::json::{parse, Json};
use xxgknb::model::decode::decode_str;

/// What the crate makes of a text.
#[derive(Debug, PartialEq)]
enum Outcome {
    Accept,
    Reject,
}

/// The outcome the crate documents for the `i_` files, why, and the files (without `.json`).
const I_CHOICES: &[(Outcome, &str, &[&str])] = &[
    (
        Outcome::Accept,
        "a number beyond f64 is kept as its text; the model judges its size",
        &[
            "i_number_double_huge_neg_exp",
            "i_number_huge_exp",
            "i_number_neg_int_huge_exp",
            "i_number_pos_double_huge_exp",
            "i_number_real_neg_overflow",
            "i_number_real_pos_overflow",
            "i_number_real_underflow",
            "i_number_too_big_neg_int",
            "i_number_too_big_pos_int",
            "i_number_very_big_negative_int",
        ],
    ),
    (
        Outcome::Accept,
        "an unpaired surrogate escape is read as U+FFFD",
        &[
            "i_object_key_lone_2nd_surrogate",
            "i_string_1st_surrogate_but_2nd_missing",
            "i_string_1st_valid_surrogate_2nd_invalid",
            "i_string_incomplete_surrogate_and_escape_valid",
            "i_string_incomplete_surrogate_pair",
            "i_string_incomplete_surrogates_escape_valid",
            "i_string_invalid_lonely_surrogate",
            "i_string_invalid_surrogate",
            "i_string_inverted_surrogates_U+1D11E",
            "i_string_lone_second_surrogate",
        ],
    ),
    (
        Outcome::Accept,
        "bytes that are not UTF-8 are read as U+FFFD (as the binding decodes them)",
        &[
            "i_string_UTF-8_invalid_sequence",
            "i_string_UTF8_surrogate_U+D800",
            "i_string_invalid_utf-8",
            "i_string_iso_latin_1",
            "i_string_lone_utf8_continuation_byte",
            "i_string_not_in_unicode_range",
            "i_string_overlong_sequence_2_bytes",
            "i_string_overlong_sequence_6_bytes",
            "i_string_overlong_sequence_6_bytes_null",
            "i_string_truncated-utf-8",
        ],
    ),
    (
        Outcome::Reject,
        "UTF-16 is not UTF-8: its NUL bytes and byte-order mark are not JSON",
        &[
            "i_string_UTF-16LE_with_BOM",
            "i_string_utf16BE_no_BOM",
            "i_string_utf16LE_no_BOM",
        ],
    ),
    (
        Outcome::Reject,
        "nesting deeper than 128 is refused rather than the stack risked",
        &["i_structure_500_nested_arrays"],
    ),
    (
        Outcome::Accept,
        "a UTF-8 byte-order mark is dropped (files saved on Windows start with one)",
        &["i_structure_UTF-8_BOM_empty_object"],
    ),
];

/// The documented outcome of an `i_` file, and why.
fn i_choice(file: &str) -> Option<(&'static Outcome, &'static str)> {
    let name = file.strip_suffix(".json")?;
    I_CHOICES
        .iter()
        .find(|(_, _, files)| files.contains(&name))
        .map(|(outcome, why, _)| (outcome, *why))
}

/// Text as the binding makes it from bytes: not-UTF-8 sequences become U+FFFD (`text_arg` in
/// `src/wasm.rs` decodes the same way; a byte-order mark is dropped by the parser).
fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Both readers of the crate on one text. They must agree: a text the tree refuses must give
/// the decoder's syntax error too.
fn read(text: &str) -> Result<Result<Json<'_>, ()>, String> {
    let tree = parse(text).map_err(|_| ());
    let decoded = decode_str(text);
    match (&tree, decoded.syntax_error) {
        (Ok(_), None) | (Err(()), Some(_)) => Ok(tree),
        (Ok(_), Some(e)) => Err(format!("parse accepts it, decode_str reports {e:?}")),
        (Err(()), None) => Err("parse refuses it, decode_str accepts it".into()),
    }
}

/// Where our tree and serde_json's value differ, if they do. Objects are compared with the
/// last of two equal keys winning, as in serde_json's map.
fn differs(ours: &Json, theirs: &Value) -> Option<String> {
    let same = match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Num(text), Value::Number(n)) => same_number(text, n),
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Arr(a, _), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("array of {} vs {}", a.len(), b.len()));
            }
            return a.iter().zip(b).find_map(|(x, y)| differs(x, y));
        }
        (Json::Obj(members, _), Value::Object(map)) => {
            let last: BTreeMap<&str, &Json> = members.iter().map(|(k, v)| (&**k, v)).collect();
            if !last.keys().copied().eq(map.keys().map(String::as_str)) {
                return Some(format!("keys {:?} vs {:?}", last.keys(), map.keys()));
            }
            return last
                .values()
                .zip(map.values())
                .find_map(|(x, y)| differs(x, y));
        }
        _ => false,
    };
    (!same).then(|| format!("{ours:?} vs {theirs:?}"))
}

/// A number's literal text and serde_json's value of it are the same number: integers exactly,
/// others as the correctly rounded `f64` (serde_json's `float_roundtrip`, Rust's `parse`).
fn same_number(text: &str, n: &serde_json::Number) -> bool {
    if let Some(i) = n.as_i64() {
        text.parse::<i128>().ok() == Some(i128::from(i))
    } else if let Some(u) = n.as_u64() {
        text.parse::<i128>().ok() == Some(i128::from(u))
    } else {
        let ours = text.parse::<f64>().ok().map(f64::to_bits);
        ours.is_some() && ours == n.as_f64().map(f64::to_bits)
    }
}

#[derive(Default)]
struct Tally {
    pass: usize,
    /// File name and what went wrong.
    fail: Vec<String>,
    implementation_defined: usize,
}

/// What is tested: a text to the tree, refused (`Err(())`), or the readers disagreeing.
type Reader = dyn for<'a> Fn(&'a str) -> Result<Result<Json<'a>, ()>, String>;

/// Judges one file of the suite by its name's prefix.
fn judge(name: &str, bytes: &[u8], reader: &Reader, tally: &mut Tally) {
    let text = text_of(bytes);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let read = reader(&text)?;
        let theirs = serde_json::from_slice::<Value>(bytes);
        Ok::<_, String>(match read {
            Ok(tree) => match &theirs {
                Ok(v) => differs(&tree, v).map_or(Ok(Outcome::Accept), Err),
                Err(_) => Ok(Outcome::Accept),
            },
            Err(()) => Ok(Outcome::Reject),
        })
    }));
    let verdict = match outcome {
        Err(_) => Err("panicked".to_string()),
        Ok(Err(e)) | Ok(Ok(Err(e))) => Err(e),
        Ok(Ok(Ok(got))) => {
            if name.starts_with("y_") {
                (got == Outcome::Accept)
                    .then_some(())
                    .ok_or("must be accepted, was rejected".to_string())
            } else if name.starts_with("n_") {
                (got == Outcome::Reject)
                    .then_some(())
                    .ok_or("must be rejected, was accepted".to_string())
            } else if name.starts_with("i_") {
                tally.implementation_defined += 1;
                match i_choice(name) {
                    Some((want, _)) if *want == got => Ok(()),
                    Some((want, why)) => Err(format!("documented {want:?} ({why}), got {got:?}")),
                    None => Err(format!("{got:?}: an i_ file without a documented choice")),
                }
            } else {
                Err("not a y_, n_ or i_ file".to_string())
            }
        }
    };
    match verdict {
        Ok(()) => tally.pass += 1,
        Err(e) => tally.fail.push(format!("{name}: {e}")),
    }
}

fn suite() -> Option<PathBuf> {
    suites::suite_dir("JSONTestSuite/test_parsing", "JSONTestSuite")
}

/// Every `.json` file of the folder, judged: (name, bytes) in name order.
fn run_suite(dir: &Path, reader: &Reader) -> Tally {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .expect("suite folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .json files in {}", dir.display());
    let mut tally = Tally::default();
    for (name, path) in &files {
        judge(
            name,
            &std::fs::read(path).expect("test file"),
            reader,
            &mut tally,
        );
    }
    tally
}

#[test]
fn json_test_suite_y_accepted_n_rejected_i_as_documented() {
    let Some(dir) = suite() else { return };
    let tally = run_suite(&dir, &read);
    let report = format!(
        "JSONTestSuite: {} pass, {} fail ({} implementation-defined, each as documented)\n",
        tally.pass,
        tally.fail.len(),
        tally.implementation_defined
    );
    suites::show(&report);
    assert!(
        tally.fail.is_empty(),
        "{} JSONTestSuite files fail:\n{}",
        tally.fail.len(),
        tally.fail.join("\n")
    );
    // Every documented choice met a file: a renamed or dropped file shows here.
    let documented: usize = I_CHOICES.iter().map(|(_, _, files)| files.len()).sum();
    assert_eq!(tally.implementation_defined, documented, "{report}");
}

/// The harness is strict: each way a reader can be wrong about a file is a failure.
#[test]
fn a_wrong_outcome_fails() {
    let files: &[(&str, &str)] = &[
        ("y_right.json", r#"[1, "a\u00e9", {"k": null}]"#),
        ("n_right.json", "[1,]"),
        ("y_rejected.json", "[1,]"),
        ("n_accepted.json", "[1]"),
        ("i_structure_UTF-8_BOM_empty_object.json", "\u{feff}{}"),
        ("i_structure_500_nested_arrays.json", "[[]]"),
        ("i_undocumented.json", "[]"),
        ("x_unknown_prefix.json", "[]"),
    ];
    let mut tally = Tally::default();
    for (name, text) in files {
        judge(name, text.as_bytes(), &read, &mut tally);
    }
    assert_eq!(tally.pass, 3, "{:?}", tally.fail);
    let failed: Vec<&str> = tally
        .fail
        .iter()
        .map(|f| f.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        failed,
        [
            "y_rejected.json",
            "n_accepted.json",
            "i_structure_500_nested_arrays.json",
            "i_undocumented.json",
            "x_unknown_prefix.json"
        ]
    );

    // A reader whose values differ from serde_json's fails an accepted file too.
    fn off_by_one(t: &str) -> Result<Result<Json<'_>, ()>, String> {
        Ok(match parse(t) {
            Ok(Json::Arr(mut items, raw)) => {
                items.push(Json::Null);
                Ok(Json::Arr(items, raw))
            }
            other => other.map_err(|_| ()),
        })
    }
    let mut tally = Tally::default();
    judge("y_values.json", b"[1]", &off_by_one, &mut tally);
    assert_eq!(tally.fail.len(), 1, "{:?}", tally.fail);
}

/// Deliberately broken readers fail the real suite: one that forgives a trailing comma, one
/// that reads no `\u` escape.
#[test]
fn a_broken_parser_fails_the_suite() {
    let Some(dir) = suite() else { return };
    fn trailing_comma(t: &str) -> Result<Result<Json<'_>, ()>, String> {
        // The tree borrows its text: the changed text lives as long as the test.
        let forgiven: &str = Box::leak(t.replace(",]", "]").replace(",}", "}").into_boxed_str());
        Ok(parse(forgiven).map_err(|_| ()))
    }
    let tally = run_suite(&dir, &trailing_comma);
    let failed = |name: &str| tally.fail.iter().any(|f| f.starts_with(name));
    assert!(failed("n_array_extra_comma.json"), "{:?}", tally.fail);
    assert!(failed("n_object_trailing_comma.json"), "{:?}", tally.fail);

    fn no_unicode_escapes(t: &str) -> Result<Result<Json<'_>, ()>, String> {
        if t.contains("\\u") {
            return Ok(Err(()));
        }
        read(t)
    }
    let tally = run_suite(&dir, &no_unicode_escapes);
    assert!(tally.fail.len() > 20, "{} failures", tally.fail.len());
}

// ---- Differential: the crate's reader against serde_json on generated texts ----

/// A generated JSON value. Strings are UTF-16 code units, so that lone surrogates (which only
/// an escape can write) are generated too; numbers are their literal text.
#[derive(Clone, Debug)]
enum Gen {
    Null,
    Bool(bool),
    Num(String),
    Str(Vec<u16>),
    Arr(Vec<Gen>),
    Obj(Vec<(Vec<u16>, Gen)>),
}

fn units() -> impl Strategy<Value = Vec<u16>> {
    let one = prop_oneof![
        16 => (0x20u16..0x7f).prop_map(|u| vec![u]),
        4 => (0u16..0x20).prop_map(|u| vec![u]),
        4 => prop::sample::select(vec![0x22u16, 0x5c, 0x2f]).prop_map(|u| vec![u]),
        8 => any::<char>().prop_map(|c| c.encode_utf16(&mut [0; 2]).to_vec()),
        4 => prop::sample::select(vec!['中', '表', '（', '\u{2028}', '\u{feff}', '😀'])
            .prop_map(|c| c.encode_utf16(&mut [0; 2]).to_vec()),
        // Rarer: a text holding one is one serde_json refuses, with nothing left to compare.
        1 => (0xD800u16..0xE000).prop_map(|u| vec![u]),
    ];
    prop::collection::vec(one, 0..8).prop_map(|v| v.concat())
}

/// Keys the report decoder reads its own way (fast paths for known keys), and any others.
fn key() -> impl Strategy<Value = Vec<u16>> {
    let known = prop::sample::select(vec![
        "year",
        "format",
        "issuer",
        "publishedOn",
        "sections",
        "applications",
        "received",
        "natural",
        "total",
        "overview",
        "$schema",
    ])
    .prop_map(|k| k.encode_utf16().collect());
    prop_oneof![known, units()]
}

fn value() -> impl Strategy<Value = Gen> {
    let number = prop_oneof![
        any::<i64>().prop_map(|i| i.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?",
    ];
    let leaf = prop_oneof![
        Just(Gen::Null),
        any::<bool>().prop_map(Gen::Bool),
        number.prop_map(Gen::Num),
        units().prop_map(Gen::Str),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Gen::Arr),
            prop::collection::vec((key(), inner), 0..6).prop_map(Gen::Obj),
        ]
    })
}

/// The writer's choices (white space, which escape), from a seed: a generated value can be
/// written many ways, all of them JSON. With `faults`, it also makes now and then one of the
/// mistakes hand-written or cut-off JSON has, deep inside an otherwise valid text.
struct Choices {
    state: u64,
    faults: bool,
}

impl Choices {
    fn new(seed: u64, faults: bool) -> Self {
        Choices {
            state: seed | 1,
            faults,
        }
    }

    fn pick(&mut self, n: u64) -> u64 {
        // xorshift64*: cheap and good enough to vary the spelling.
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }

    /// One of `variants` in place of the right spelling, rarely and only with `faults`.
    fn fault(&mut self, variants: &[&'static str]) -> Option<&'static str> {
        if self.faults && self.pick(24) == 0 {
            Some(variants[self.pick(variants.len() as u64) as usize])
        } else {
            None
        }
    }

    fn space(&mut self, out: &mut String) {
        let ws = ["", "", "", " ", "\n", "\t", "\r\n", "  \n  "];
        let bad = [
            "\x0c", "\u{a0}", "\u{feff}", "\u{3000}", "/* */", "// x\n", "\x0b",
        ];
        let w = self
            .fault(&bad)
            .unwrap_or(ws[self.pick(ws.len() as u64) as usize]);
        out.push_str(w);
    }

    /// The separator between items or members: `,`, or a fault.
    fn comma(&mut self, out: &mut String) {
        out.push_str(self.fault(&["", ",,", ";", " , ,"]).unwrap_or(","));
    }

    /// Before a closing bracket: nothing, or a fault.
    fn before_close(&mut self, out: &mut String) {
        out.push_str(self.fault(&[",", ", ", ",,"]).unwrap_or(""));
    }
}

fn write_units(units: &[u16], c: &mut Choices, out: &mut String) {
    out.push_str(c.fault(&["'", "", "\"\""]).unwrap_or("\""));
    let mut i = 0;
    while let Some(&u) = units.get(i) {
        // A well-formed pair may be written as the character itself.
        let pair = char::decode_utf16(units[i..].iter().copied().take(2))
            .next()
            .and_then(Result::ok)
            .filter(|ch| ch.len_utf16() == 2);
        if let Some(ch) = pair.filter(|_| c.pick(2) == 0) {
            out.push(ch);
            i += 2;
            continue;
        }
        if let Some(bad) = c.fault(&[
            "\\x41", "\\u12", "\\u12G4", "\\U0041", "\\a", "\\'", "\t", "\n", "\0", "\\",
        ]) {
            out.push_str(bad);
        }
        let escaped = |u: u16, c: &mut Choices| {
            if c.pick(2) == 0 {
                format!("\\u{u:04x}")
            } else {
                format!("\\u{u:04X}")
            }
        };
        let short = match u {
            0x22 => Some("\\\""),
            0x5c => Some("\\\\"),
            0x2f => Some("\\/"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0x0a => Some("\\n"),
            0x0d => Some("\\r"),
            0x09 => Some("\\t"),
            _ => None,
        };
        let must_escape = u < 0x20 || u == 0x22 || u == 0x5c || (0xD800..0xE000).contains(&u);
        match (short, c.pick(3)) {
            (Some(s), 0 | 1) => out.push_str(s),
            (_, 0) if !must_escape => out.push(char::from_u32(u.into()).unwrap()),
            _ if must_escape => out.push_str(&escaped(u, c)),
            (_, 1) => out.push(char::from_u32(u.into()).unwrap()),
            _ => out.push_str(&escaped(u, c)),
        }
        i += 1;
    }
    out.push_str(c.fault(&["'", "", "\\\""]).unwrap_or("\""));
}

fn write(g: &Gen, c: &mut Choices, out: &mut String) {
    c.space(out);
    match g {
        Gen::Null => out.push_str(c.fault(&["nul", "NULL", "None", "nulll"]).unwrap_or("null")),
        Gen::Bool(b) => out.push_str(
            match (b, c.fault(&["tru", "True", "fals", "FALSE", "truefalse"])) {
                (_, Some(bad)) => bad,
                (true, None) => "true",
                (false, None) => "false",
            },
        ),
        Gen::Num(n) => {
            // A plausible wrong number, or a number with a wrong start or end.
            let before = ["+", "0", "00", "-", ".", "--", "0x", "- "];
            let after = [".", "e", "E+", ".e1", "x", "0x1", "e1.5", "..5", "-1", "_1"];
            let k = c.pick(2);
            match c.fault(if k == 0 { &before } else { &after }) {
                Some(bad) if k == 0 => {
                    out.push_str(bad);
                    out.push_str(n);
                }
                Some(bad) => {
                    out.push_str(n);
                    out.push_str(bad);
                }
                None => out.push_str(
                    c.fault(&["NaN", "Infinity", "-Infinity", ".5", "1.", "1e", "01"])
                        .unwrap_or(n),
                ),
            }
        }
        Gen::Str(u) => write_units(u, c, out),
        Gen::Arr(items) => {
            out.push_str(c.fault(&["", "[["]).unwrap_or("["));
            for (k, v) in items.iter().enumerate() {
                if k > 0 {
                    c.comma(out);
                }
                write(v, c, out);
            }
            c.space(out);
            if !items.is_empty() {
                c.before_close(out);
            }
            out.push_str(c.fault(&["", "}", "]]"]).unwrap_or("]"));
        }
        Gen::Obj(members) => {
            out.push_str(c.fault(&["", "{{", "["]).unwrap_or("{"));
            for (k, (key, v)) in members.iter().enumerate() {
                if k > 0 {
                    c.comma(out);
                }
                c.space(out);
                match c.fault(&["key", "1", "null", "k y"]) {
                    Some(bad) => out.push_str(bad),
                    None => write_units(key, c, out),
                }
                c.space(out);
                out.push_str(c.fault(&["", "=", "::", ";"]).unwrap_or(":"));
                write(v, c, out);
            }
            c.space(out);
            if !members.is_empty() {
                c.before_close(out);
            }
            out.push_str(c.fault(&["", "]", "}}"]).unwrap_or("}"));
        }
    }
    c.space(out);
}

/// Where the crate's tree differs from the generated value: every member in order, numbers
/// as written, strings with unpaired surrogates as U+FFFD.
fn differs_from_gen(ours: &Json, g: &Gen) -> Option<String> {
    let same = match (ours, g) {
        (Json::Null, Gen::Null) => true,
        (Json::Bool(a), Gen::Bool(b)) => a == b,
        (Json::Num(a), Gen::Num(b)) => a == b,
        (Json::Str(a), Gen::Str(u)) => **a == String::from_utf16_lossy(u),
        (Json::Arr(a, _), Gen::Arr(b)) if a.len() == b.len() => {
            return a.iter().zip(b).find_map(|(x, y)| differs_from_gen(x, y));
        }
        (Json::Obj(a, _), Gen::Obj(b)) if a.len() == b.len() => {
            return a.iter().zip(b).find_map(|((ka, va), (kb, vb))| {
                if **ka == String::from_utf16_lossy(kb) {
                    differs_from_gen(va, vb)
                } else {
                    Some(format!("key {ka:?} vs {:?}", String::from_utf16_lossy(kb)))
                }
            });
        }
        _ => false,
    };
    (!same).then(|| format!("{ours:?} vs {g:?}"))
}

/// What of a generated value serde_json refuses by design: a number beyond `f64`, a string
/// with an unpaired surrogate.
fn beyond_serde(g: &Gen) -> bool {
    match g {
        Gen::Num(n) => n.parse::<f64>().is_ok_and(f64::is_infinite),
        Gen::Str(u) => char::decode_utf16(u.iter().copied()).any(|c| c.is_err()),
        Gen::Arr(items) => items.iter().any(beyond_serde),
        Gen::Obj(members) => members
            .iter()
            .any(|(k, v)| beyond_serde(&Gen::Str(k.clone())) || beyond_serde(v)),
        Gen::Null | Gen::Bool(_) => false,
    }
}

/// serde_json's refusals that are documented choices of the crate (JSONTestSuite `i_`).
fn serde_refuses_by_design(e: &serde_json::Error) -> bool {
    let m = e.to_string();
    m.starts_with("number out of range")
        || m.starts_with("lone leading surrogate")
        || m.starts_with("unexpected end of hex escape")
}

/// Whether the tree holds what serde_json refuses by design: a number that is infinite as
/// `f64`, or a U+FFFD that an unpaired surrogate escape became.
fn holds_beyond_serde(v: &Json) -> bool {
    match v {
        Json::Num(n) => n.parse::<f64>().is_ok_and(f64::is_infinite),
        Json::Str(s) => s.contains('\u{fffd}'),
        Json::Arr(items, _) => items.iter().any(holds_beyond_serde),
        Json::Obj(members, _) => members
            .iter()
            .any(|(k, v)| k.contains('\u{fffd}') || holds_beyond_serde(v)),
        Json::Null | Json::Bool(_) => false,
    }
}

/// Edits that turn JSON into near-JSON: structure, numbers' and strings' pieces, white space
/// and characters JSON does not allow.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "u", "0", "1", "-", "+",
    ".", "e", "E", "t", "true", "f", "n", "null", " ", "\t", "\n", "\r", "\x0c", "\0", "\x7f",
    "\u{a0}", "中", "\u{2028}", "/", "'", "1e400", "0x1", "NaN", "Infinity", "//", "/*",
];

fn mutate(text: &str, edits: &[(usize, u8, usize)]) -> String {
    let mut s = text.to_string();
    for &(at, kind, piece) in edits {
        let mut at = at % (s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match kind % 3 {
            0 => s.insert_str(at, PIECES[piece % PIECES.len()]),
            1 => {
                let end = s[at..]
                    .char_indices()
                    .nth(1 + piece % 3)
                    .map_or(s.len(), |(k, _)| at + k);
                s.replace_range(at..end, "");
            }
            _ => {
                let end = s[at..].chars().next().map_or(at, |ch| at + ch.len_utf8());
                s.replace_range(at..end, PIECES[piece % PIECES.len()]);
            }
        }
    }
    s
}

/// The crate's reader and serde_json on one text: the same outcome and values, or a documented
/// difference.
fn agree(text: &str) -> Result<(), String> {
    let ours = read(text)?;
    // The crate drops a leading byte-order mark (an `i_` choice); serde_json refuses it.
    let theirs = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text));
    match (&ours, &theirs) {
        (Ok(tree), Ok(v)) => differs(tree, v).map_or(Ok(()), Err),
        (Err(()), Err(_)) => Ok(()),
        (Ok(tree), Err(e)) if serde_refuses_by_design(e) && holds_beyond_serde(tree) => Ok(()),
        (Ok(_), Err(e)) => Err(format!("accepted; serde_json: {e}")),
        (Err(()), Ok(_)) => Err("refused; serde_json accepts it".to_string()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    /// Generated JSON, written with random white space and escapes: the crate reads the values
    /// written, and so does serde_json unless they are what it refuses by design.
    #[test]
    fn generated_json_reads_as_written_and_as_serde_json_reads_it(g in value(), seed in any::<u64>()) {
        let mut text = String::new();
        write(&g, &mut Choices::new(seed, false), &mut text);
        let tree = read(&text).map_err(TestCaseError::fail)?;
        let tree = tree.map_err(|()| TestCaseError::fail(format!("refused {text:?}")))?;
        if let Some(d) = differs_from_gen(&tree, &g) {
            return Err(TestCaseError::fail(format!("{text:?}: {d}")));
        }
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                prop_assert!(!beyond_serde(&g), "serde_json accepted {text:?}");
                if let Some(d) = differs(&tree, &v) {
                    return Err(TestCaseError::fail(format!("{text:?}: {d}")));
                }
            }
            Err(e) => prop_assert!(
                beyond_serde(&g) && serde_refuses_by_design(&e),
                "serde_json refused {text:?}: {e}"
            ),
        }
    }

    /// The same values written with faults, then a few random edits: both accept with the
    /// same values, or both refuse, or serde_json refuses what it refuses by design.
    #[test]
    fn faulty_json_is_accepted_or_refused_as_serde_json_does(
        g in value(),
        seed in any::<u64>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 0..3),
    ) {
        let mut text = String::new();
        write(&g, &mut Choices::new(seed, true), &mut text);
        let text = mutate(&text, &edits);
        agree(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
    }
}

/// The comparison is strict: a difference in outcome or value fails it, and only serde_json's
/// refusals by design are excused (and only where the tree holds their cause).
#[test]
fn the_differential_comparison_is_strict() {
    assert_eq!(agree("[1, \"a\", {\"k\": [true, null]}]"), Ok(()));
    assert_eq!(agree("[1,"), Ok(()));
    assert_eq!(agree("[1e400, \"\\ud800\"]"), Ok(()));
    // A leading byte-order mark: dropped by the crate, refused by serde_json (an i_ choice).
    assert_eq!(agree("\u{feff}[1]"), Ok(()));
    assert_eq!(agree("[1]\u{feff}"), Ok(()));
    // Duplicate keys: the last wins in both.
    assert_eq!(agree("{\"a\": 1, \"a\": 2}"), Ok(()));
    // What a reader that differed would give.
    let tree = parse("[1, 2]").unwrap();
    assert!(differs(&tree, &serde_json::json!([1, 3])).is_some());
    assert!(differs(&tree, &serde_json::json!([1])).is_some());
    assert!(differs(&tree, &serde_json::json!([1.0, 2])).is_none());
    assert!(differs(
        &parse("[0.1]").unwrap(),
        &serde_json::json!([0.1000000000000001])
    )
    .is_some());
    let tree = parse("{\"a\": 1, \"a\": 2}").unwrap();
    assert!(differs(&tree, &serde_json::json!({"a": 1})).is_some());
    assert!(differs(&tree, &serde_json::json!({"a": 2, "b": 2})).is_some());
    // A refusal by design is excused only where the tree holds its cause.
    let e = serde_json::from_str::<Value>("[1e400]").unwrap_err();
    assert!(serde_refuses_by_design(&e));
    assert!(!holds_beyond_serde(&parse("[1e300]").unwrap()));
    assert!(holds_beyond_serde(&parse("[1e400]").unwrap()));
    let e = serde_json::from_str::<Value>("[1,]").unwrap_err();
    assert!(!serde_refuses_by_design(&e));
    // The generated value is compared member by member, in order.
    let g = Gen::Obj(vec![
        ("a".encode_utf16().collect(), Gen::Num("1".into())),
        ("a".encode_utf16().collect(), Gen::Str(vec![0xD800, 0x41])),
    ]);
    let mut text = String::new();
    write(&g, &mut Choices::new(7, false), &mut text);
    assert_eq!(differs_from_gen(&parse(&text).unwrap(), &g), None, "{text}");
    let swapped = parse("{\"a\": \"\\ud800A\", \"a\": 1}").unwrap();
    assert!(differs_from_gen(&swapped, &g).is_some());
    assert!(beyond_serde(&g));
}
