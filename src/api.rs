//! The core's API in plain Rust, the top of the crate below the binding: validate a report
//! (decoded, as a JSON value or as JSON text), and in the full build read a published report
//! (`parse`) or read and validate it (`check`). `wasm` only decodes its arguments, calls these
//! and encodes the results; native callers (tests, benches) call them directly.

use crate::diagnostic::ValidationResult;
use crate::model::Report;
use crate::options::{Options, OptionsError};

/// Options from JSON text, naming the rules of this build.
pub fn options(text: &str) -> Result<Options, OptionsError> {
    Options::from_json(text, crate::registry::rule_id)
}

/// Validate a decoded report.
pub fn validate_report(report: &Report, options: &Options) -> ValidationResult {
    let diagnostics = crate::registry::run(report, options);
    ValidationResult::new(report.format, report.year, diagnostics)
}

/// Validate a report given as a JSON value in the model's shape.
pub fn validate(value: &serde_json::Value, options: &Options) -> ValidationResult {
    validate_report(&crate::model::decode::decode(value), options)
}

/// Validate a report given as JSON text; text that is not JSON gives an `invalid-json` finding,
/// and text longer than `options.max_input_bytes` is not read (`input-too-large`).
pub fn validate_str(text: &str, options: &Options) -> ValidationResult {
    match refuse(text.len(), options) {
        Some(r) => r,
        None => validate_report(&crate::model::decode::decode_str(text), options),
    }
}

/// Validate the JSON text that the binding made of a JS object (`validate()`): as
/// [`validate_str`], except that `NaN`, `Infinity` and `-Infinity` may stand where numbers do
/// (see `model::decode::decode_js`).
pub fn validate_js(text: &str, options: &Options) -> ValidationResult {
    match refuse(text.len(), options) {
        Some(r) => r,
        None => validate_report(&crate::model::decode::decode_js(text), options),
    }
}

/// The result for input of `bytes` when that is over the limit (`input-too-large`), else `None`.
pub fn refuse(bytes: usize, options: &Options) -> Option<ValidationResult> {
    (bytes > options.max_input_bytes).then(|| too_large(bytes, options))
}

/// The result for input of `bytes` that was not read for being over the limit (the binding
/// measures what it does not copy in): `input-too-large`.
pub fn too_large(bytes: usize, options: &Options) -> ValidationResult {
    validate_report(&Report::too_large(bytes, options.max_input_bytes), options)
}

/// The result for an object nested too deep to be turned into text (the binding's
/// `JSON.stringify` ran out of stack): `invalid-structure`, as for text nested past the limit.
pub fn too_deep(options: &Options) -> ValidationResult {
    validate_report(
        &Report {
            too_deep: Some(None),
            ..Report::default()
        },
        options,
    )
}

/// The cross-year rules alone ([`crate::registry::CROSS_YEAR`]) on this year's report and last
/// year's, both JSON text: what a batch runs on each pair of one issuer's consecutive reports,
/// whose other findings each report's own check has given. The findings of [`validate_str`] with
/// last year's report as `previous`, `partial`, and every other rule off but those that say the
/// input was not read ([`crate::registry::UNREAD`]); the caller's `rules` count on those and on
/// these. Cheaper (a CLI's pair: 154 → 69 µs): last year's report is read once, and no options
/// text carries it. `over`, when not 0: this year's text had that many bytes, over the limit, and
/// was not copied in (`input-too-large`); last year's has no limit, as `previous` has none.
/// Misuse, `Err` with the reason: `options.previous` given, or last year's text no JSON object
/// (as `previous` not an object is in the options).
#[cfg(feature = "readers")]
pub fn cross_year(
    current: &str,
    previous: &str,
    mut options: Options,
    over: usize,
) -> Result<ValidationResult, &'static str> {
    use crate::registry::{CROSS_YEAR, UNREAD};
    if options.previous.is_some() {
        return Err("last year's report is the second argument, not options.previous");
    }
    let prev = crate::model::decode::decode_str(previous);
    if prev.too_deep.is_some() {
        return Err("last year's report is nested too deeply to be read");
    }
    if !previous.trim_start().starts_with('{') || prev.syntax_error.is_some() {
        return Err("last year's report is not a JSON object");
    }
    options.previous = Some(alloc::boxed::Box::new(prev));
    options.partial = true;
    // The other rules off whatever the caller's `rules` say of them (a rule set off anywhere in
    // the list is off); the caller's own entries kept for the rules that run.
    let own = core::mem::take(&mut options.overrides);
    options.overrides = crate::registry::all()
        .filter(|r| !CROSS_YEAR.contains(&r.id) && !UNREAD.contains(&r.id))
        .map(|r| (r.id, None))
        .chain(own)
        .collect();
    if over > 0 {
        return Ok(too_large(over, &options));
    }
    Ok(validate_str(current, &options))
}

#[cfg(feature = "readers")]
pub use reading::*;

#[cfg(feature = "readers")]
mod reading {
    use super::{refuse, too_large, validate_report};
    use crate::diagnostic::Location;
    use crate::model::layout::CellId;
    use crate::options::OptionsError;
    use crate::readers::{ParseOptions, Parsed, ReadCall, ReportParts};
    use crate::Report;
    use crate::ValidationResult;

    /// `parse`/`check` options from JSON text, naming the rules of this build.
    pub fn parse_options(text: &str, call: ReadCall) -> Result<ParseOptions, OptionsError> {
        ParseOptions::from_json(text, call, crate::registry::rule_id)
    }

    /// What `check` returns: the validation result plus the report read.
    pub struct Checked {
        pub result: ValidationResult,
        pub report: Report,
        /// What of the report `to_json` writes (the `report` option).
        pub parts: ReportParts,
        /// Where each cell was read, when asked (`locations: true`).
        pub locations: Option<Vec<(CellId, Location)>>,
    }

    impl Checked {
        /// The validation result with the report read as one more member, written directly: the
        /// report as a `serde_json::Value` tree cost about as much as reading it.
        pub fn to_json(&self) -> String {
            let mut out = self.result.to_json_as(self.report.format_str());
            if self.locations.is_some() {
                out.pop(); // the result's closing brace
                crate::readers::write_locations(&mut out, self.locations.as_deref());
                out.push('}');
            }
            let only = match &self.parts {
                ReportParts::All => None,
                ReportParts::Omit => return out,
                ReportParts::Only(pointers) => Some(&pointers[..]),
            };
            out.pop(); // the result's closing brace
                       // Room for the whole report's prose at once (see `readers::sections_json_len`).
            if only.is_none() {
                out.reserve(crate::readers::sections_json_len(&self.report) + 1024);
            }
            out.push_str(",\"report\":");
            crate::model::encode::write_parts(&self.report, only, &mut out);
            out.push('}');
            out
        }
    }

    /// Read a published report (see `readers::parse`); input longer than the limit is not
    /// read, and `input-too-large` is the one reading problem.
    pub fn parse(input: &str, options: &ParseOptions) -> Parsed {
        match refuse(input.len(), &options.validate) {
            Some(_) => parse_refused(input.len(), options),
            None => crate::readers::parse(input, options),
        }
    }

    /// What `parse` answers for input of `bytes` over the limit: nothing read, `input-too-large`.
    pub fn parse_refused(bytes: usize, options: &ParseOptions) -> Parsed {
        let result = too_large(bytes, &options.validate);
        Parsed {
            report: Report::default(),
            diagnostics: result.diagnostics,
            locations: options.locations.then(Vec::new),
        }
    }

    /// What `check` answers for input of `bytes` over the limit: nothing read, `input-too-large`.
    pub fn check_refused(bytes: usize, options: &ParseOptions) -> Checked {
        Checked {
            result: too_large(bytes, &options.validate),
            report: Report::default(),
            parts: options.report.clone(),
            locations: options.locations.then(Vec::new),
        }
    }

    /// Parse, then validate; reading problems and rule findings in one result. The prose rules
    /// run here on what the reader found (and on `sections` of JSON input). Input longer than
    /// the limit is not read: `input-too-large`.
    pub fn check(input: &str, options: &ParseOptions) -> Checked {
        if refuse(input.len(), &options.validate).is_some() {
            return check_refused(input.len(), options);
        }
        let read = crate::readers::read(input, options);
        if read.report.pre_2019 {
            // An old report: the reader's finding says it was not checked; no table rule runs.
            let mut all = read.diagnostics;
            crate::rules::finish(&mut all, &options.validate);
            return Checked {
                result: ValidationResult::new(read.report.format, read.report.year, all),
                report: read.report,
                parts: options.report.clone(),
                locations: read.locations,
            };
        }
        // A published page: blanks count as 0 unless the caller said otherwise.
        let zeroed;
        let validate = if options.validate.blanks.is_some() {
            &options.validate
        } else {
            zeroed = crate::Options {
                blanks: Some(crate::options::Blanks::Zero),
                ..options.validate.clone()
            };
            &zeroed
        };
        let mut result = validate_report(&read.report, validate);
        let mut all = read.diagnostics;
        // A cell the reader could not read is reported once, by the reader, not again as absent.
        let covered: Vec<&str> = all
            .iter()
            .flat_map(|d| {
                std::iter::once(d.path.as_str()).chain(d.related.iter().map(String::as_str))
            })
            .collect();
        // And what lies under a row or table the reader could not read (a （六） row of the
        // other layout that could not be read stands for the sub-rows it replaces).
        let unread: Vec<&str> = all
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .map(|d| d.path.as_str())
            .collect();
        let below = crate::json::pointer_below;
        let is_covered = |path: &str| {
            covered.iter().any(|c| *c == path || below(c, path))
                || unread.iter().any(|u| !u.is_empty() && below(path, u))
        };
        result
            .diagnostics
            .retain(|d| d.rule != crate::rules::missing_cell::ID || !is_covered(&d.path));
        all.append(&mut result.diagnostics);
        // The prose rules ran in `validate_report`; the preamble is the readers' own.
        all.extend(crate::readers::rules::run_preamble(
            &read.report,
            validate,
            &read.preamble,
        ));
        crate::rules::finish(&mut all, validate);
        let result = ValidationResult::new(read.report.format, read.report.year, all);
        Checked {
            result,
            report: read.report,
            parts: options.report.clone(),
            locations: read.locations,
        }
    }
}

#[cfg(all(test, feature = "readers"))]
mod tests {
    use super::*;
    use crate::readers::testing::{SAMPLE_HTML, SAMPLE_TXT};
    use crate::readers::{ParseOptions, ReadCall};
    use serde_json::Value;

    /// This year's sample and last year's, whose carried-forward row is this year's
    /// carried-over, but for 40 in one column when `mismatch`.
    fn pair(mismatch: bool) -> (String, String) {
        use crate::rules::testing::{sample, set};
        let this = sample("2024");
        let mut prev = sample("2024");
        set(&mut prev, "/year", 2023.into());
        let carried = this["applications"]["carriedOver"].clone();
        set(&mut prev, "/applications/carriedForward", carried);
        if mismatch {
            set(&mut prev, "/applications/carriedForward/natural", 40.into());
        }
        (this.to_string(), prev.to_string())
    }

    /// What `cross_year` is meant to equal, written out for `validate_str`: the caller's rules
    /// (`own`, JSON), last year's report as `previous`, `partial`, and every rule off but the
    /// cross-year ones and those that say a text was not read.
    fn as_validate(own: &str, prev: &str) -> Options {
        let mut o = options(&format!(
            r#"{{"rules": {own}, "partial": true, "previous": {prev}}}"#
        ))
        .unwrap();
        let own_rules = core::mem::take(&mut o.overrides);
        o.overrides = crate::registry::all()
            .filter(|r| {
                !crate::registry::CROSS_YEAR.contains(&r.id)
                    && !crate::registry::UNREAD.contains(&r.id)
            })
            .map(|r| (r.id, None))
            .chain(own_rules)
            .collect();
        o
    }

    #[test]
    fn cross_year_finds_what_validate_finds_with_the_other_rules_off() {
        let (this, prev) = pair(true);
        let got = cross_year(&this, &prev, Options::default(), 0).unwrap();
        let rules: Vec<&str> = got.diagnostics.iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"cross-year-carryover"), "{rules:?}");
        assert_eq!(
            got.to_json(),
            validate_str(&this, &as_validate("{}", &prev)).to_json()
        );
        // And nothing when last year's matches (its carried-forward is this year's).
        let (this, prev) = pair(false);
        let same = cross_year(&this, &prev, Options::default(), 0).unwrap();
        assert!(!same
            .diagnostics
            .iter()
            .any(|d| d.rule == "cross-year-carryover"));
    }

    #[test]
    fn cross_year_keeps_its_rules_severities_and_says_what_it_could_not_read() {
        let (this, prev) = pair(true);
        let o = options(r#"{"rules": {"cross-year-carryover": "info", "t3-balance": "error"}}"#)
            .unwrap();
        let got = cross_year(&this, &prev, o, 0).unwrap();
        assert!(got.diagnostics.iter().all(|d| d.rule != "t3-balance"));
        let carry: Vec<_> = got
            .diagnostics
            .iter()
            .filter(|d| d.rule == "cross-year-carryover")
            .collect();
        assert!(!carry.is_empty() && carry.iter().all(|d| d.severity == crate::Severity::Info));
        // This year's text no report: said, never a clean pass.
        let bad = cross_year("{\"year\": 2024,", &prev, Options::default(), 0).unwrap();
        assert_eq!(bad.diagnostics[0].rule, "invalid-json");
        assert!(!bad.valid);
        // Last year's no JSON object: misuse, as `previous` not an object is.
        for prev in ["", "[1]", "{\"year\": 2023,", "null"] {
            assert!(
                cross_year(&this, prev, Options::default(), 0).is_err(),
                "{prev}"
            );
        }
        let twice = options(&format!(r#"{{"previous": {prev}}}"#)).unwrap();
        assert!(cross_year(&this, &prev, twice, 0).is_err());
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let deep = format!(r#"{{"sections": {deep}}}"#);
        let said = cross_year(&this, &deep, Options::default(), 0).unwrap_err();
        assert!(said.contains("nested"), "{said}");
        // Over the size limit (this year's text not copied in): input-too-large, after the
        // same misuse checks.
        let big = cross_year("", &prev, Options::default(), 1 << 30).unwrap();
        assert_eq!(big.diagnostics[0].rule, "input-too-large");
        assert!(cross_year("", "[1]", Options::default(), 1 << 30).is_err());
    }

    #[test]
    fn cross_year_takes_the_callers_rules_on_the_rules_it_runs_as_validate_does() {
        let (this, prev) = pair(true);
        for own in [
            r#"{"invalid-json": "warning"}"#,
            r#"{"input-too-large": "off", "cross-year-carryover": "off"}"#,
            r#"{"text-reuse": "error", "t3-balance": "error"}"#,
        ] {
            for (text, over) in [("{\"year\": 2024,", 0), (this.as_str(), 0), ("", 1 << 30)] {
                let o = options(&format!(r#"{{"rules": {own}}}"#)).unwrap();
                let got = cross_year(text, &prev, o, over).unwrap();
                let o = as_validate(own, &prev);
                let want = if over > 0 {
                    too_large(over, &o)
                } else {
                    validate_str(text, &o)
                };
                assert_eq!(got.to_json(), want.to_json(), "{own} {text}");
            }
        }
    }

    #[test]
    fn check_of_a_consistent_report_is_clean() {
        for input in [SAMPLE_TXT, SAMPLE_HTML] {
            let c = check(input, &ParseOptions::default());
            assert!(c.result.valid, "{:?}", c.result.diagnostics);
            assert!(
                c.result.diagnostics.is_empty(),
                "{:?}",
                c.result.diagnostics
            );
        }
    }

    #[test]
    fn check_reports_unread_cells_once() {
        let text = SAMPLE_TXT.replace(
            "(七)总计 | 20 | 0 | 0 | 0 | 0 | 0 | 20 |",
            "(七)总计 | 20 | 20 |",
        );
        let c = check(&text, &ParseOptions::default());
        let rules: Vec<&str> = c.result.diagnostics.iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"unreadable-cell"), "{rules:?}");
        assert!(!rules.contains(&"missing-cell"), "{rules:?}");
        assert!(!c.result.valid);
    }

    #[test]
    fn an_unread_row_of_the_other_layout_stands_for_the_rows_it_replaces() {
        // A 2024 report printing the 2019 layout's one （六） row, unreadable: the reader says so,
        // and the three 2021 sub-rows it replaces are not also `missing-cell`.
        let layout = include_str!("../tests/fixtures/readers/layout-2024.txt");
        let start = layout
            .find("               1、申请人无正当理由逾期不补")
            .unwrap();
        let end = layout.find("     （七）总计").unwrap();
        let text = format!(
            "{}     （六）其他处理                 181    5\n\n{}",
            &layout[..start],
            &layout[end..]
        );
        let c = check(&text, &ParseOptions::default());
        assert_eq!(c.report.format, crate::Format::F2021);
        let rules: Vec<(&str, &str)> = c
            .result
            .diagnostics
            .iter()
            .filter(|d| d.path.starts_with("/applications/results/otherHandling"))
            .map(|d| (d.rule, d.path.as_str()))
            .collect();
        assert_eq!(
            rules,
            [("unreadable-cell", "/applications/results/otherHandling")],
            "{:?}",
            c.result.diagnostics
        );
    }

    #[test]
    fn json_input_runs_the_prose_rules_in_check() {
        let json =
            r#"{"year": 2024, "sections": {"overview": "电子邮箱：office@ example.gov.cn"}}"#;
        let c = check(json, &ParseOptions::default());
        let rules: Vec<&str> = c.result.diagnostics.iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"contact-format"));
        assert!(rules.contains(&"section-missing"));
    }

    #[test]
    fn the_report_option_picks_what_check_returns() {
        let with = |report: &str| {
            let o = parse_options(
                &format!(r#"{{"kind": "text", "report": {report}}}"#),
                ReadCall::Check,
            );
            let json = check(SAMPLE_TXT, &o.expect("valid options")).to_json();
            serde_json::from_str::<Value>(&json).expect("JSON")
        };
        let whole = with("true");
        assert_eq!(whole["report"]["issuer"], "示例区住房和城乡建设局");
        assert!(whole["report"]["proactive"].is_object());
        assert!(with("false").get("report").is_none());
        assert_eq!(with("[]")["report"], serde_json::json!({}));
        // The result is the same whatever the option.
        let mut without = with("false");
        without["report"] = whole["report"].clone();
        assert_eq!(without, whole);
        let carry = with(r#"["/issuer", "/applications/carriedOver"]"#);
        assert_eq!(
            carry["report"],
            serde_json::json!({
                "issuer": whole["report"]["issuer"],
                "applications": {"carriedOver": whole["report"]["applications"]["carriedOver"]},
            })
        );
        for bad in [r#""all""#, "[1]", r#"["issuer"]"#, "{}"] {
            let e = parse_options(&format!(r#"{{"report": {bad}}}"#), ReadCall::Check).unwrap_err();
            assert!(
                e.to_string()
                    .starts_with("options.report: expected true, false or a list of JSON pointers"),
                "{e}"
            );
        }
        // `parse` returns the whole report: `report` is no option of it.
        let e = parse_options(r#"{"report": false}"#, ReadCall::Parse).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.report: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline, kind, locations)"
        );
        let e = parse_options(r#"{"kidn": "html"}"#, ReadCall::Check).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.kidn: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline, kind, report, locations)"
        );
    }

    #[test]
    fn input_over_the_limit_is_not_read_in_any_function() {
        let o = ParseOptions {
            validate: crate::Options {
                max_input_bytes: SAMPLE_TXT.len() - 1,
                ..crate::Options::default()
            },
            ..ParseOptions::default()
        };
        let only_too_large = |d: &[crate::Diagnostic]| {
            assert_eq!(d.len(), 1, "{d:?}");
            assert_eq!(d[0].rule, "input-too-large");
        };
        only_too_large(&check(SAMPLE_TXT, &o).result.diagnostics);
        only_too_large(&parse(SAMPLE_TXT, &o).diagnostics);
        only_too_large(&validate_str(SAMPLE_TXT, &o.validate).diagnostics);
        only_too_large(&validate_js(SAMPLE_TXT, &o.validate).diagnostics);
        assert!(!check(SAMPLE_TXT, &o).result.valid);
        // At the limit it is read.
        let at = ParseOptions {
            validate: crate::Options {
                max_input_bytes: SAMPLE_TXT.len(),
                ..crate::Options::default()
            },
            ..ParseOptions::default()
        };
        assert!(check(SAMPLE_TXT, &at).result.valid);
    }

    #[test]
    fn a_printed_day_the_calendar_lacks_is_said_not_kept() {
        // One date parser: `parse` of a page dated 2022年2月31日 answers as `validate` of
        // "2022-02-31" does, with the date as printed.
        let text = SAMPLE_TXT.replace("发布日期:2021-01-20", "发布日期：2022年2月31日");
        let c = check(&text, &ParseOptions::default());
        assert_eq!(c.report.published_on, None);
        let d: Vec<_> = c
            .result
            .diagnostics
            .iter()
            .filter(|d| d.rule == "invalid-metadata")
            .collect();
        assert_eq!(d.len(), 1, "{:?}", c.result.diagnostics);
        assert_eq!(d[0].path, "/publishedOn");
        assert_eq!(d[0].input.as_deref(), Some("2022年2月31日"));
        assert_eq!(
            d[0].message,
            "发布日期「2022年2月31日」不存在（该月没有这一天），请核对日期。"
        );
        let json = crate::validate(
            &serde_json::json!({"year": 2021, "publishedOn": "2022-02-31"}),
            &crate::Options::default(),
        );
        assert!(json
            .diagnostics
            .iter()
            .any(|d| d.rule == "invalid-metadata" && d.path == "/publishedOn"));
    }
}
