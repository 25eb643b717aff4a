//! The diagnostic: the one small serialisable struct every surface speaks (see docs/api.md).

use crate::prelude::*;

use crate::base::text::Piece;
use crate::json::{write_str_array, ObjectWriter};
use crate::model::layout::CellId;
pub use crate::model::Num;
use serde::Serialize;

/// How bad a finding is. `error` makes a report invalid; the others never do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Where a reader found (or failed to find) something in its input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

/// The arithmetic behind a sum rule's finding: the linear equation `Σ coef·cell = 0` that
/// failed and how far off it is, kept so that the culprit cell can be located.
#[derive(Clone, Debug, PartialEq)]
pub struct Equation {
    pub terms: Vec<(CellId, i64)>,
    pub residual: i64,
}

impl Equation {
    /// The value of `cell` that would make the equation hold, others unchanged.
    pub fn solve_for(&self, cell: CellId, current: i64) -> Option<i64> {
        let (_, coef) = self.terms.iter().find(|(c, _)| *c == cell)?;
        Some(current - self.residual * coef)
    }

    pub fn cells(&self) -> impl Iterator<Item = CellId> + '_ {
        self.terms.iter().map(|(c, _)| *c)
    }
}

/// One finding. `path` is the JSON Pointer of the cell to look at first; when `expected` is
/// present, setting that cell to `expected` is the fix.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    pub related: Vec<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Num>,
    /// Other rules that the same cell breaks, when one diagnostic stands for several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_breaks: Vec<&'static str>,
    /// What the user typed, for values that could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The arithmetic behind a sum rule's finding, for locating the culprit cell.
    #[serde(skip)]
    pub equation: Option<Equation>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        path: impl Into<String>,
        message: String,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            path: path.into(),
            related: Vec::new(),
            message,
            expected: None,
            actual: None,
            also_breaks: Vec::new(),
            input: None,
            location: None,
            equation: None,
        }
    }
}

/// The result of a validation: the shape of model.md, `valid` false exactly when an error is present.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationResult {
    pub valid: bool,
    pub format: crate::model::Format,
    pub year: Option<i32>,
    pub error_count: usize,
    pub warning_count: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl ValidationResult {
    pub fn new(
        format: crate::model::Format,
        year: Option<i32>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        let error_count = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warning_count = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        ValidationResult {
            valid: error_count == 0,
            format,
            year,
            error_count,
            warning_count,
            diagnostics,
        }
    }

    /// The result as JSON text: written directly, not through serde, which keeps the lite wasm
    /// small and the hot path fast. Tests pin it to the serde form.
    pub fn to_json(&self) -> String {
        self.to_json_as(self.format.as_str())
    }

    /// `to_json` with `format` written as given: the readers' `"pre-2019"` for an old report.
    #[inline(always)]
    pub fn to_json_as(&self, format: &str) -> String {
        let mut out = String::with_capacity(128 + self.diagnostics.len() * 256);
        let mut o = ObjectWriter::new(&mut out);
        o.raw("valid", if self.valid { "true" } else { "false" });
        o.str("format", format);
        match self.year {
            Some(y) => y.put(o.key("year")),
            None => o.raw("year", "null"),
        }
        self.error_count.put(o.key("errorCount"));
        self.warning_count.put(o.key("warningCount"));
        write_diagnostics(o.key("diagnostics"), &self.diagnostics);
        o.end();
        out
    }
}

/// Append a JSON array of diagnostics, each in its serde form.
pub fn write_diagnostics(out: &mut String, diagnostics: &[Diagnostic]) {
    out.push('[');
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        d.write_json(out);
    }
    out.push(']');
}

impl Diagnostic {
    /// Append this diagnostic as JSON, keys in the same order as its serde form.
    pub fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        o.str("rule", self.rule);
        o.str("severity", self.severity.as_str());
        o.str("path", &self.path);
        write_str_array(o.key("related"), &self.related);
        o.str("message", &self.message);
        if let Some(n) = self.expected {
            n.put(o.key("expected"));
        }
        if let Some(n) = self.actual {
            n.put(o.key("actual"));
        }
        if !self.also_breaks.is_empty() {
            write_str_array(o.key("alsoBreaks"), &self.also_breaks);
        }
        if let Some(i) = &self.input {
            o.str("input", i);
        }
        // Only readers set a location: the lite build has none to write.
        #[cfg(feature = "readers")]
        if let Some(l) = &self.location {
            l.write(o.key("location"));
        }
        o.end();
    }
}

impl Location {
    /// The location as a JSON object, its members in the order of its serde form.
    #[cfg(feature = "readers")]
    pub fn write(&self, out: &mut String) {
        let mut lo = ObjectWriter::new(out);
        if let Some(v) = self.line {
            v.put(lo.key("line"));
        }
        if let Some(v) = self.column {
            v.put(lo.key("column"));
        }
        if let Some(v) = &self.element {
            lo.str("element", v);
        }
        if let Some(v) = &self.excerpt {
            lo.str("excerpt", v);
        }
        lo.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_json_is_exact() {
        let mut d = Diagnostic::new(
            "t3-row-total",
            Severity::Error,
            "/applications/received/total",
            "表三「一、本年新收政府信息公开申请数量」行「总计」列应为 20，现为 21。".into(),
        );
        d.related = vec!["/applications/received/natural".into()];
        d.expected = Some(Num::Int(20));
        d.actual = Some(Num::Int(21));
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"rule":"t3-row-total","severity":"error","path":"/applications/received/total","related":["/applications/received/natural"],"message":"表三「一、本年新收政府信息公开申请数量」行「总计」列应为 20，现为 21。","expected":20,"actual":21}"#
        );
    }

    #[test]
    fn hand_written_json_equals_the_serde_form() {
        let mut d = Diagnostic::new(
            "invalid-json",
            Severity::Error,
            "",
            "a \"quoted\"\nline".into(),
        );
        // Only the full build writes a location (see `write_json`).
        #[cfg(feature = "readers")]
        {
            d.location = Some(Location {
                line: Some(3),
                column: Some(1),
                element: None,
                excerpt: Some("x".into()),
            });
        }
        d.also_breaks = vec!["t3-row-total"];
        d.input = Some("十二".into());
        d.expected = Some(Num::Dec(0.5));
        let mut written = String::new();
        d.write_json(&mut written);
        assert_eq!(written, serde_json::to_string(&d).unwrap());
        let r = ValidationResult::new(crate::model::Format::F2019, None, vec![d]);
        assert_eq!(r.to_json(), serde_json::to_string(&r).unwrap());
    }

    #[test]
    fn decimals_print_shortest() {
        assert_eq!(Num::Dec(7730.28).to_string(), "7730.28");
        assert_eq!(serde_json::to_string(&Num::Dec(0.5)).unwrap(), "0.5");
    }

    #[test]
    fn result_counts_and_validity() {
        let w = Diagnostic::new("blank-cell", Severity::Warning, "/x", String::new());
        let r = ValidationResult::new(crate::model::Format::F2021, Some(2024), vec![w]);
        assert!(r.valid);
        assert_eq!((r.error_count, r.warning_count), (0, 1));
        assert_eq!(
            r.to_json(),
            r#"{"valid":true,"format":"2021","year":2024,"errorCount":0,"warningCount":1,"diagnostics":[{"rule":"blank-cell","severity":"warning","path":"/x","related":[],"message":""}]}"#
        );
    }
}
