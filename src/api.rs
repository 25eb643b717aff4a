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

/// Validate a report given as JSON text; text that is not JSON gives an `invalid-json` finding.
pub fn validate_str(text: &str, options: &Options) -> ValidationResult {
    validate_report(&crate::model::decode::decode_str(text), options)
}

#[cfg(feature = "readers")]
pub use reading::*;

#[cfg(feature = "readers")]
mod reading {
    use super::validate_report;
    use crate::options::OptionsError;
    use crate::readers::{ParseOptions, ReadCall, ReportParts};
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
        pub locations: Option<Vec<(crate::model::layout::CellId, crate::diagnostic::Location)>>,
    }

    impl Checked {
        /// The validation result with the report read as one more member, written directly: the
        /// report as a `serde_json::Value` tree cost about as much as reading it.
        pub fn to_json(&self) -> String {
            let mut out = self.result.to_json();
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
            out.push_str(",\"report\":");
            crate::model::encode::write_parts(&self.report, only, &mut out);
            out.push('}');
            out
        }
    }

    /// Parse, then validate; reading problems and rule findings in one result. The prose rules
    /// run here on what the reader found (and on `sections` of JSON input).
    pub fn check(input: &str, options: &ParseOptions) -> Checked {
        let read = crate::readers::read(input, options);
        let mut result = validate_report(&read.report, &options.validate);
        let mut all = read.diagnostics;
        // A cell the reader could not read is reported once, by the reader, not again as absent.
        let covered: Vec<&str> = all
            .iter()
            .flat_map(|d| {
                std::iter::once(d.path.as_str()).chain(d.related.iter().map(String::as_str))
            })
            .collect();
        let is_covered = |path: &str| {
            covered
                .iter()
                .any(|c| *c == path || c.strip_prefix(path).is_some_and(|r| r.starts_with('/')))
        };
        result
            .diagnostics
            .retain(|d| d.rule != crate::rules::missing_cell::ID || !is_covered(&d.path));
        all.append(&mut result.diagnostics);
        // The prose rules ran in `validate_report`; the preamble is the readers' own.
        all.extend(crate::readers::rules::run_preamble(
            &read.report,
            &options.validate,
            &read.preamble,
        ));
        crate::rules::finish(&mut all, &options.validate);
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
            "options.report: unknown option (known: locale, partial, previous, rules, issuerKind, deadline, kind, locations)"
        );
        let e = parse_options(r#"{"kidn": "html"}"#, ReadCall::Check).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.kidn: unknown option (known: locale, partial, previous, rules, issuerKind, deadline, kind, report, locations)"
        );
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
