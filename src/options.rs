//! Validation options, read from the JSON the caller passes. Misuse (a wrong type, an unknown
//! key, an unknown locale) is an [`OptionsError`], which the binding throws as a JS `Error`.

use crate::diagnostic::Severity;
use crate::messages::Locale;
use crate::model::{decode::decode, Report};
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum OptionsError {
    #[error("options: expected an object, got {0}")]
    NotAnObject(&'static str),
    #[error("options.{0}: unknown option (known: locale, partial, previous, rules)")]
    UnknownKey(String),
    #[error("options.locale: expected \"zh-CN\" or \"en\", got {0}")]
    Locale(String),
    #[error("options.partial: expected true or false, got {0}")]
    Partial(String),
    #[error("options.previous: expected last year's report as an object, got {0}")]
    Previous(&'static str),
    #[error("options.rules: expected an object like {{ \"t2-consistency\": \"off\" }}, got {0}")]
    Rules(&'static str),
    #[error("options.rules.{0}: unknown rule id")]
    UnknownRule(String),
    #[error("options.rules.{0}: expected \"off\", \"error\", \"warning\" or \"info\", got {1}")]
    RuleLevel(String, String),
    #[error("options.kind: expected \"json\", \"html\" or \"text\", got {0}")]
    Kind(String),
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub locale: Locale,
    pub partial: bool,
    pub previous: Option<Box<Report>>,
    /// Rule id → new severity, or `None` for off.
    pub overrides: Vec<(&'static str, Option<Severity>)>,
}

impl Options {
    pub fn with_locale(locale: Locale) -> Options {
        Options {
            locale,
            ..Options::default()
        }
    }

    /// Read options from a JSON value (`null` or absent means defaults).
    pub fn from_value(v: &Value) -> Result<Options, OptionsError> {
        let mut o = Options::default();
        let map = match v {
            Value::Null => return Ok(o),
            Value::Object(m) => m,
            other => return Err(OptionsError::NotAnObject(kind(other))),
        };
        for (k, v) in map {
            match k.as_str() {
                "locale" => {
                    o.locale = match v {
                        Value::Null => Locale::ZhCn,
                        Value::String(s) => Locale::parse(s)
                            .ok_or_else(|| OptionsError::Locale(format!("\"{s}\"")))?,
                        other => return Err(OptionsError::Locale(other.to_string())),
                    }
                }
                "partial" => {
                    o.partial = match v {
                        Value::Null => false,
                        Value::Bool(b) => *b,
                        other => return Err(OptionsError::Partial(other.to_string())),
                    }
                }
                "previous" => match v {
                    Value::Null => {}
                    Value::Object(_) => o.previous = Some(Box::new(decode(v))),
                    other => return Err(OptionsError::Previous(kind(other))),
                },
                "rules" => match v {
                    Value::Null => {}
                    Value::Object(m) => {
                        for (id, level) in m {
                            let rule = crate::rules::find(id)
                                .ok_or_else(|| OptionsError::UnknownRule(id.clone()))?;
                            let sev = match level.as_str() {
                                Some("off") => None,
                                Some(s) => Some(Severity::parse(s).ok_or_else(|| {
                                    OptionsError::RuleLevel(id.clone(), level.to_string())
                                })?),
                                None => {
                                    return Err(OptionsError::RuleLevel(
                                        id.clone(),
                                        level.to_string(),
                                    ))
                                }
                            };
                            o.overrides.push((rule.id, sev));
                        }
                    }
                    other => return Err(OptionsError::Rules(kind(other))),
                },
                other => return Err(OptionsError::UnknownKey(other.to_string())),
            }
        }
        Ok(o)
    }

    pub fn from_json(text: &str) -> Result<Options, OptionsError> {
        // The binding serialises a JS object, so this text is always JSON.
        Options::from_value(&serde_json::from_str(text).unwrap_or(Value::Null))
    }

    pub fn is_off(&self, id: &str) -> bool {
        self.overrides.iter().any(|(r, s)| *r == id && s.is_none())
    }
}

pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_options() {
        let o = Options::from_value(&json!({"locale": "en", "partial": true, "rules": {"t2-consistency": "off", "blank-cell": "info"}})).unwrap();
        assert_eq!(o.locale, Locale::En);
        assert!(o.partial);
        assert!(o.is_off("t2-consistency"));
        assert!(o.overrides.contains(&("blank-cell", Some(Severity::Info))));
    }

    #[test]
    fn misuse_says_what_was_expected() {
        let e = |v| Options::from_value(&v).unwrap_err().to_string();
        assert_eq!(
            e(json!({"locale": "fr"})),
            "options.locale: expected \"zh-CN\" or \"en\", got \"fr\""
        );
        assert_eq!(
            e(json!({"partail": true})),
            "options.partail: unknown option (known: locale, partial, previous, rules)"
        );
        assert_eq!(e(json!(3)), "options: expected an object, got a number");
        assert_eq!(
            e(json!({"previous": "x"})),
            "options.previous: expected last year's report as an object, got a string"
        );
        assert_eq!(
            e(json!({"rules": {"nope": "off"}})),
            "options.rules.nope: unknown rule id"
        );
    }
}
