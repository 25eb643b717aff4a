//! Readers of published reports (HTML, flattened text, PDF text) into the model, and the
//! rules that read prose. Built with the `readers` feature (the full package, not `lite`).

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::options::{Options, OptionsError};
use crate::rules::RuleDef;
use serde_json::Value;

/// The readers' rules (extraction and prose), listed by `rules()`.
pub static RULES: &[&RuleDef] = &[];

/// What kind of text the input is; detected when not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Json,
    Html,
    Text,
}

/// Options of `parse` and `check`: the validation options plus `kind`.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    pub kind: Option<InputKind>,
    pub validate: Options,
}

impl ParseOptions {
    pub fn from_json(text: &str) -> Result<ParseOptions, OptionsError> {
        let mut v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let kind = match v.as_object_mut().and_then(|m| m.remove("kind")) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "json" => Some(InputKind::Json),
            Some(Value::String(s)) if s == "html" => Some(InputKind::Html),
            Some(Value::String(s)) if s == "text" => Some(InputKind::Text),
            Some(other) => return Err(OptionsError::Kind(other.to_string())),
        };
        Ok(ParseOptions {
            kind,
            validate: Options::from_value(&v)?,
        })
    }
}

/// What `parse` returns: the report read, and what could not be read.
pub struct Parsed {
    pub report: Report,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn to_json(&self) -> String {
        let v = serde_json::json!({
            "report": crate::model::encode::encode(&self.report),
            "diagnostics": self.diagnostics,
        });
        v.to_string()
    }
}

/// Read a published report. (Placeholder until the readers land: JSON only.)
pub fn parse(input: &str, _options: &ParseOptions) -> Parsed {
    Parsed {
        report: crate::model::decode::decode_str(input),
        diagnostics: Vec::new(),
    }
}

/// What `check` returns: the validation result plus the report read.
pub struct Checked {
    pub result: crate::ValidationResult,
    pub report: Report,
}

impl Checked {
    pub fn to_json(&self) -> String {
        let mut v = serde_json::to_value(&self.result).unwrap_or(Value::Null);
        if let Some(m) = v.as_object_mut() {
            m.insert("report".into(), crate::model::encode::encode(&self.report));
        }
        v.to_string()
    }
}

/// Parse, then validate; reading problems and rule findings in one result.
pub fn check(input: &str, options: &ParseOptions) -> Checked {
    let parsed = parse(input, options);
    let mut result = crate::validate_report(&parsed.report, &options.validate);
    let mut all = parsed.diagnostics;
    all.append(&mut result.diagnostics);
    let result = crate::ValidationResult::new(parsed.report.format, parsed.report.year, all);
    Checked {
        result,
        report: parsed.report,
    }
}
