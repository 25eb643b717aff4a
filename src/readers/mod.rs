//! Readers of published reports (HTML, flattened text, PDF text) into the model, and the
//! rules that read prose. Built with the `readers` feature (the full package, not `lite`).

use crate::diagnostic::{Diagnostic, Location};
use crate::model::layout::{layout, CellId};
use crate::model::report::{CellState, FormatSource, MetadataIssue, MetadataProblem};
use crate::model::{Format, Report};
use crate::options::{Blanks, Options, OptionsError, RuleLookup};
use serde_json::Value;

pub mod batch;
mod doc;
// The tokenizer and its entity table are public (not API) for the conformance tests in tests/.
#[doc(hidden)]
pub mod entities;
mod glue;
mod html;
mod labels;
mod meta;
mod norm;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
pub mod rules;
mod tables;
mod text;
#[doc(hidden)]
pub mod tokens;
mod unglue;

/// What kind of text the input is; detected when not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Json,
    Html,
    Text,
}

/// Options of `parse` and `check`: the validation options plus `kind`, and for `check` which
/// parts of the report read to return (`report`).
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    pub kind: Option<InputKind>,
    pub validate: Options,
    /// What of the report read `check` returns.
    pub report: ReportParts,
    /// Return where each cell was read (`locations: true`).
    pub locations: bool,
}

/// The `report` option of `check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ReportParts {
    /// The whole report (`true`, the default).
    #[default]
    All,
    /// No `report` member (`false`): the caller needs only the findings.
    Omit,
    /// Only what is at or below these JSON pointers (an array of them).
    Only(Vec<String>),
}

/// Which function the options are for: only `check` takes `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadCall {
    Parse,
    Check,
}

impl ParseOptions {
    pub fn from_json(
        text: &str,
        call: ReadCall,
        rule_id: RuleLookup,
    ) -> Result<ParseOptions, OptionsError> {
        let known = match call {
            ReadCall::Parse => {
                "locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline, kind, locations"
            }
            ReadCall::Check => {
                "locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline, kind, report, locations"
            }
        };
        let mut v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        if call == ReadCall::Parse && v.get("report").is_some() {
            return Err(OptionsError::UnknownKeyOf("report".into(), known));
        }
        let kind = match v.as_object_mut().and_then(|m| m.remove("kind")) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "json" => Some(InputKind::Json),
            Some(Value::String(s)) if s == "html" => Some(InputKind::Html),
            Some(Value::String(s)) if s == "text" => Some(InputKind::Text),
            Some(other) => return Err(OptionsError::Kind(other.to_string())),
        };
        let report = match v.as_object_mut().and_then(|m| m.remove("report")) {
            None | Some(Value::Null) | Some(Value::Bool(true)) => ReportParts::All,
            Some(Value::Bool(false)) => ReportParts::Omit,
            Some(Value::Array(items))
                if items.iter().all(|i| {
                    i.as_str()
                        .is_some_and(|s| s.is_empty() || s.starts_with('/'))
                }) =>
            {
                ReportParts::Only(
                    items
                        .iter()
                        .filter_map(|i| i.as_str().map(String::from))
                        .collect(),
                )
            }
            Some(other) => return Err(OptionsError::Report(other.to_string())),
        };
        let locations = match v.as_object_mut().and_then(|m| m.remove("locations")) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => b,
            Some(other) => return Err(OptionsError::Locations(other.to_string())),
        };
        let mut validate = Options::from_value(&v, rule_id).map_err(|e| match e {
            OptionsError::UnknownKey(k) => OptionsError::UnknownKeyOf(k, known),
            e => e,
        })?;
        // A published page prints a zero as a blank: `parse`/`check` count blanks as 0.
        validate.blanks.get_or_insert(Blanks::Zero);
        Ok(ParseOptions {
            kind,
            validate,
            report,
            locations,
        })
    }
}

/// What `parse` returns: the report read, and what could not be read.
pub struct Parsed {
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each cell was read, when asked (`locations: true`).
    pub locations: Option<Vec<(CellId, Location)>>,
}

impl Parsed {
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(4096 + sections_json_len(&self.report));
        out.push_str("{\"diagnostics\":");
        crate::diagnostic::write_diagnostics(&mut out, &self.diagnostics);
        write_locations(&mut out, self.locations.as_deref());
        out.push_str(",\"report\":");
        crate::model::encode::write_json(&self.report, &mut out);
        out.push('}');
        out
    }
}

/// About how long the report's prose is as JSON (its strings escaped as `json::write_str`
/// escapes them): room made for it before the report is written. Its prose can be most of a
/// large input, and a string grown by doubling would hold up to twice that, and three times
/// while it moves (WebAssembly memory does not shrink back).
pub fn sections_json_len(report: &Report) -> usize {
    let escaped = |s: &str| {
        s.len()
            + 2
            + s.bytes()
                .map(|b| match b {
                    b'"' | b'\\' | b'\n' | b'\r' | b'\t' => 1,
                    0..0x20 => 5,
                    _ => 0,
                })
                .sum::<usize>()
    };
    report
        .sections
        .iter()
        .map(|(k, v)| escaped(k) + escaped(v) + 2)
        .sum()
}

/// `,"locations":{"/path":{…},…}` in the order of the form, or nothing when not asked for.
pub fn write_locations(out: &mut String, locations: Option<&[(CellId, Location)]>) {
    let Some(locations) = locations else {
        return;
    };
    out.push_str(",\"locations\":");
    let mut o = crate::json::ObjectWriter::new(out);
    for (id, loc) in locations {
        loc.write(o.key(&layout().cell(*id).path));
    }
    o.end();
}

/// Read a published report: model JSON, an HTML page, or text (flattened `|` rows, one cell per
/// line, tab-separated, pdftotext -layout). Never fails: what could not be read is a diagnostic.
pub fn parse(input: &str, options: &ParseOptions) -> Parsed {
    let full = read(input, options);
    Parsed {
        report: full.report,
        diagnostics: full.diagnostics,
        locations: full.locations,
    }
}

/// What a reader read: the report, what could not be read, the text before part 一 (where
/// contact details are often printed; the model has no field for it), and where each cell was
/// read when asked.
pub struct Read {
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
    pub preamble: String,
    /// Where each cell was read, when asked (`locations: true`).
    pub locations: Option<Vec<(CellId, Location)>>,
}

/// What the input is, when the caller did not say: JSON starts with `{`; HTML has tags.
pub fn detect(input: &str) -> InputKind {
    let t = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with('{') {
        return InputKind::Json;
    }
    let head = &t.as_bytes()[..t.len().min(8192)];
    let tags: [&[u8]; 8] = [
        b"html",
        b"!doctype",
        b"table",
        b"body",
        b"p>",
        b"p ",
        b"div",
        b"td",
    ];
    // Only where a `<` is: tag names compared without case.
    let has_tag = head.iter().enumerate().any(|(i, &b)| {
        b == b'<'
            && tags.iter().any(|tag| {
                head.get(i + 1..i + 1 + tag.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(tag))
            })
    });
    if has_tag || (t.starts_with('<') && head.contains(&b'>')) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// The most the readers read: their positions are 32-bit. (`maxInputBytes` is at most 1 GiB:
/// only a caller of the Rust API that sets it higher can pass more.)
pub const MAX_READ: usize = (1 << 31) - 1;

/// Read a published report, keeping the preamble for `check`.
pub fn read(input: &str, options: &ParseOptions) -> Read {
    read_within(input, options, MAX_READ)
}

/// `read`, of at most `max` bytes.
fn read_within(input: &str, options: &ParseOptions, max: usize) -> Read {
    if input.len() > max {
        let over = Report::too_large(input.len(), max);
        // That rule alone speaks of a report not read (the registry, above the readers, would
        // run the others to no effect).
        let mut diagnostics = Vec::new();
        let ctx = crate::rules::Context::new(&over, &options.validate);
        (crate::rules::input_too_large::RULE.check)(&ctx, &mut diagnostics);
        crate::rules::finish(&mut diagnostics, &options.validate);
        return Read {
            report: Report::default(),
            diagnostics,
            preamble: String::new(),
            locations: options.locations.then(Vec::new),
        };
    }
    let kind = options.kind.unwrap_or_else(|| detect(input));
    let zh = options.validate.locale == crate::messages::Locale::ZhCn;
    let doc = match kind {
        InputKind::Json => {
            return Read {
                report: crate::model::decode::decode_str(input),
                diagnostics: Vec::new(),
                preamble: String::new(),
                // JSON is no printed report: its cells were read from no place.
                locations: options.locations.then(Vec::new),
            };
        }
        InputKind::Html => html::read(input),
        InputKind::Text => text::read(input),
    };
    read_doc(&doc, zh, options.locations)
}

/// Part headings of the format used before 2019 (the 2008 条例's reports), folded.
const OLD_HEADINGS: [&str; 4] = [
    "三、依申请公开政府信息",
    "四、政府信息公开的收费及减免",
    "五、因政府信息公开申请行政复议",
    "七、其他需要报告的事项",
];

/// A report in the format used before 2019: for 2018 or before, or with that format's part
/// headings, and with (almost) none of the current table 三's rows.
fn is_pre_2019(doc: &doc::Doc, year: Option<i32>, t3_rows: usize) -> bool {
    if t3_rows >= 3 {
        return false;
    }
    year.is_some_and(|y| y <= 2018)
        || doc.lines().any(|l| {
            let text = l.text();
            !l.table
                && text.chars().count() <= 60
                && OLD_HEADINGS.iter().any(|h| norm::fold(text).starts_with(h))
        })
}

// Out of line, as are the other readers' steps: inlined into their one caller they made one
// function so large that V8 took up to half a second to optimise it (docs/performance.md).
#[inline(never)]
fn read_doc(doc: &doc::Doc, zh: bool, want_locations: bool) -> Read {
    let heads = meta::headings(doc);
    let head_toks: Vec<(usize, usize)> = heads
        .iter()
        .map(|&(k, l)| (k, doc.line_toks(l).0))
        .collect();
    let m = meta::metadata(doc, heads.first().map(|h| h.1));
    let mut report = Report {
        year: m.year,
        issuer: m.issuer,
        published_on: m.published_on.clone().and_then(Result::ok),
        ..Report::default()
    };
    if let Some(Err(printed)) = m.published_on {
        report.metadata.push(MetadataIssue {
            path: "/publishedOn",
            input: Some(printed),
            problem: MetadataProblem::ImpossibleDate,
        });
    }
    let mut t = tables::read(doc, &head_toks, &mut report, zh);
    let votes = crate::model::decode::shape_votes(&report);
    let (format, source) = match votes[0].cmp(&votes[1]) {
        std::cmp::Ordering::Greater => (Format::F2019, FormatSource::Shape),
        std::cmp::Ordering::Less => (Format::F2021, FormatSource::Shape),
        std::cmp::Ordering::Equal => match report.year {
            Some(y) => (Format::for_year(y), FormatSource::Year),
            None => (Format::F2021, FormatSource::Default),
        },
    };
    report.format = format;
    report.format_source = source;
    if report.year.is_none() {
        report.metadata.push(MetadataIssue {
            path: "/year",
            input: None,
            problem: MetadataProblem::MissingYear,
        });
    }
    if is_pre_2019(doc, report.year, t.t3_rows_found()) {
        // Its tables are not the current ones: say so once, and read none of them.
        let (sections, preamble) = meta::sections(doc, &heads, &[]);
        let mut old = Report {
            year: report.year,
            issuer: report.issuer,
            published_on: report.published_on,
            metadata: report.metadata,
            format: report.format,
            format_source: report.format_source,
            sections,
            pre_2019: true,
            ..Report::default()
        };
        old.metadata.retain(|m| m.path != "/year");
        return Read {
            report: old,
            diagnostics: vec![rules::format_pre_2019::finding(report.year, zh)],
            preamble,
            locations: want_locations.then(Vec::new),
        };
    }
    t.report_missing(doc, &report, zh);
    // The tables printed twice: read once more after the first copy, and the numbers that
    // differ named (the first copy stands).
    if let Some(copy) = tables::repeated(doc, &t, &report, zh) {
        if !copy.differing.is_empty() {
            let at = doc.location(copy.at, Some(norm::clip(doc.tok(copy.at).raw, 60)));
            t.diags.push(rules::report_repeated::finding(
                &copy.differing,
                Some(at),
                zh,
            ));
        }
    }
    let spans: Vec<(usize, usize)> = [&t.t2, &t.t3, &t.t4]
        .iter()
        .filter_map(|s| s.used)
        .map(|(a, b)| (doc.tok(a).line() as usize, doc.tok(b).line() as usize))
        .collect();
    let (sections, preamble) = meta::sections(doc, &heads, &spans);
    report.sections = sections;
    let locations = want_locations.then(|| cell_locations(doc, &t.sources, &report));
    Read {
        report,
        diagnostics: t.diags,
        preamble,
        locations,
    }
}

/// Where each cell the report holds was read, in the order of the form: the line and column
/// of its first character in text (1-based), its element in HTML.
fn cell_locations(
    doc: &doc::Doc,
    sources: &[Option<tables::Source>],
    report: &Report,
) -> Vec<(CellId, Location)> {
    sources
        .iter()
        .enumerate()
        .filter_map(|(id, src)| {
            let src = (*src)?;
            let id = CellId::try_from(id).ok()?;
            if matches!(report.cells.get(id as usize)?, CellState::Absent) {
                return None;
            }
            let mut loc = doc.location(src.tok as usize, None);
            if let Some(c) = loc.column.as_mut() {
                *c = c.saturating_add(src.offset);
            }
            Some((id, loc))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! The readers' own fixtures (numbers from the sample report, prose of our own).
    pub const SAMPLE_TXT: &str = include_str!("../../tests/fixtures/readers/sample-2020.txt");
    #[allow(dead_code)] // used by the tests that compare the two renderings
    pub const SAMPLE_HTML: &str = include_str!("../../tests/fixtures/readers/sample-2020.html");
}

#[cfg(test)]
mod tests {
    use super::testing::{SAMPLE_HTML, SAMPLE_TXT};
    use super::*;
    use crate::model::encode::encode;

    #[test]
    fn locations_say_where_each_cell_was_read() {
        let o = crate::api::parse_options(r#"{"locations": true}"#, ReadCall::Parse)
            .expect("valid options");
        let json = parse(SAMPLE_TXT, &o).to_json();
        let v: Value = serde_json::from_str(&json).expect("JSON");
        let locs = v["locations"].as_object().expect("locations");
        // Every cell of the report read has a place, and a place in the text.
        let cells = crate::model::encode::encode(&parse(SAMPLE_TXT, &o).report);
        let n = |v: &Value| -> usize {
            ["proactive", "applications", "reviewLitigation"]
                .iter()
                .map(|t| count_leaves(&v[*t]))
                .sum()
        };
        assert_eq!(locs.len(), n(&cells));
        let line_of = |needle: &str| {
            SAMPLE_TXT
                .lines()
                .position(|l| l.contains(needle))
                .map(|i| i as u64 + 1)
        };
        let loc = &locs["/applications/received/total"];
        assert_eq!(loc["line"].as_u64(), line_of("一、本年新收"));
        let line = SAMPLE_TXT
            .lines()
            .nth(loc["line"].as_u64().expect("line") as usize - 1)
            .expect("line");
        let col = loc["column"].as_u64().expect("column") as usize - 1;
        // The column is where the value's cell starts (here, the space before it).
        let at: String = line.chars().skip(col).take(3).collect();
        assert_eq!(
            at.trim(),
            v["report"]["applications"]["received"]["total"].to_string()
        );
        // HTML: the cell's element.
        let html = parse(SAMPLE_HTML, &o).to_json();
        let v: Value = serde_json::from_str(&html).expect("JSON");
        let e = v["locations"]["/applications/received/natural"]["element"]
            .as_str()
            .expect("element");
        assert!(
            e.starts_with("table[") && e.contains("] tr[") && e.ends_with(']'),
            "{e}"
        );
        // Not asked: not there; asked for in check too.
        assert!(!parse(SAMPLE_TXT, &ParseOptions::default())
            .to_json()
            .contains("\"locations\""));
        let c =
            crate::api::parse_options(r#"{"locations": true, "report": false}"#, ReadCall::Check)
                .expect("valid options");
        let v: Value =
            serde_json::from_str(&crate::api::check(SAMPLE_TXT, &c).to_json()).expect("JSON");
        assert!(v["locations"]["/proactive/regulations/made"]["line"].is_u64());
        assert!(v.get("report").is_none());
        let e = crate::api::parse_options(r#"{"locations": "yes"}"#, ReadCall::Parse).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.locations: expected true or false, got \"yes\""
        );
    }

    fn count_leaves(v: &Value) -> usize {
        match v {
            Value::Object(m) => m.values().map(count_leaves).sum(),
            _ => 1,
        }
    }

    #[test]
    fn reads_no_more_than_its_positions_can_hold() {
        let o = ParseOptions::default();
        let r = read_within("规章 | 1 | 2 | 3 |", &o, 8);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].rule, crate::rules::input_too_large::ID);
        assert!(r.report.sections.is_empty());
        let within = read_within("规章", &o, 8);
        assert!(within
            .diagnostics
            .iter()
            .all(|d| d.rule != crate::rules::input_too_large::ID));
    }

    #[test]
    fn room_made_for_the_prose_is_what_it_takes() {
        // Quotes, backslashes, line breaks, tabs, other control characters, CJK.
        let text = "一、概述\n他说：\"公开\"。\\ 路径\t制表\r\u{1}\u{1f}结束".repeat(50);
        let report = Report {
            sections: vec![
                ("overview".to_string(), text.clone()),
                ("other".to_string(), String::new()),
            ],
            ..Report::default()
        };
        let mut out = String::new();
        crate::model::encode::write_parts(&report, Some(&["/sections".to_string()]), &mut out);
        // `{"sections":{…}}`: the object's members, less their braces.
        let members = out.len() - r#"{"sections":{}}"#.len();
        let room = sections_json_len(&report);
        assert!(room >= members, "{room} < {members}");
        assert!(room <= members + 8, "{room} > {members} + 8");
    }

    #[test]
    fn detects_the_input_kind() {
        assert_eq!(detect("  {\"year\": 2024}"), InputKind::Json);
        assert_eq!(detect("<!DOCTYPE html><p>x</p>"), InputKind::Html);
        assert_eq!(detect("规章 | 0 | 0 | 0 |"), InputKind::Text);
        assert_eq!(detect(""), InputKind::Text);
    }

    #[test]
    fn html_reads_back_to_the_same_model_as_text() {
        let o = ParseOptions::default();
        let text = parse(SAMPLE_TXT, &o);
        let html = parse(SAMPLE_HTML, &o);
        assert!(text.diagnostics.is_empty(), "{:?}", text.diagnostics);
        assert!(html.diagnostics.is_empty(), "{:?}", html.diagnostics);
        assert_eq!(encode(&html.report), encode(&text.report));
        let r = &text.report;
        assert_eq!(r.year, Some(2020));
        assert_eq!(r.format, Format::F2019);
        assert_eq!(r.issuer.as_deref(), Some("示例区住房和城乡建设局"));
        assert_eq!(r.published_on, Some((2021, 1, 20)));
        assert_eq!(r.sections.len(), 6);
    }

    #[test]
    fn every_text_style_reads_to_the_same_model() {
        let o = ParseOptions::default();
        let pipes = encode(&parse(SAMPLE_TXT, &o).report);
        let rows = |f: &dyn Fn(Vec<&str>) -> String| -> String {
            SAMPLE_TXT
                .lines()
                .map(|l| {
                    if l.contains('|') {
                        f(l.split('|')
                            .map(str::trim)
                            .filter(|c| !c.is_empty())
                            .collect())
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        // Tab-separated rows.
        let tabs = rows(&|cells| cells.join("\t"));
        // One cell per line, each closed by ` |` (the 信访局 2021 style).
        let per_line = rows(&|cells| {
            cells
                .iter()
                .map(|c| format!("{c} |"))
                .collect::<Vec<_>>()
                .join("\n")
        });
        // One cell per paragraph, no separators at all.
        let paragraphs = rows(&|cells| cells.join("\n\n"));
        for (name, input) in [
            ("tabs", tabs),
            ("per line", per_line),
            ("paragraphs", paragraphs),
        ] {
            let p = parse(&input, &o);
            assert!(p.diagnostics.is_empty(), "{name}: {:?}", p.diagnostics);
            assert_eq!(encode(&p.report), pipes, "{name}");
        }
    }
}
