//! Validation options, read from the JSON the caller passes. Misuse (a wrong type, an unknown
//! key, an unknown locale) is an [`OptionsError`], which the binding throws as a JS `Error`.

use crate::prelude::*;

use crate::diagnostic::Severity;
use crate::json::{self, Json};
use crate::messages::Locale;
use crate::model::{decode::decode_str, Report};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum OptionsError {
    #[error("options: expected an object, got {0}")]
    NotAnObject(&'static str),
    #[error("options.{0}: unknown option (known: locale, partial, previous, rules, issuerKind, deadline)")]
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
    #[error("options.issuerKind: expected \"department\" or \"government\", got {0}")]
    IssuerKind(String),
    #[error("options.deadline: expected a date like \"02-20\" (that day of the year after the report's) or \"2025-02-20\", got {0}")]
    Deadline(String),
    #[error("options.kind: expected \"json\", \"html\" or \"text\", got {0}")]
    Kind(String),
    /// An unknown key in the options of a function that takes more than `validate` does.
    #[error("options.{0}: unknown option (known: {1})")]
    UnknownKeyOf(String, &'static str),
    #[error("options.report: expected true, false or a list of JSON pointers like [\"/issuer\", \"/applications/carriedOver\"], got {0}")]
    Report(String),
    #[cfg(feature = "readers")]
    #[error("options.locations: expected true or false, got {0}")]
    Locations(String),
}

/// The static id of a rule of the build, or `None` for an id the build does not have.
pub type RuleLookup = fn(&str) -> Option<&'static str>;

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub locale: Locale,
    pub partial: bool,
    pub previous: Option<Box<Report>>,
    /// Rule id → new severity, or `None` for off.
    pub overrides: Vec<(&'static str, Option<Severity>)>,
    /// What kind of body issued the report, where its name does not say (`issuerKind`).
    pub issuer_kind: Option<IssuerKind>,
    /// A local publication deadline in place of the 条例's (`deadline`).
    pub deadline: Option<Deadline>,
}

/// The kind of body that issues a report, which sets its deadline (条例 第四十九条) and what
/// part 一 must cover (第五十条).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuerKind {
    /// A department of a people's government (局, 委, 办公室…): publishes by 31 January.
    Department,
    /// A people's government (county level and above by 31 March; 乡镇 and 街道 are given the
    /// same date, the 条例 naming none for them).
    Government,
}

/// A publication deadline: a month and day of the year after the report's, or one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    MonthDay(u32, u32),
    Date(crate::base::dates::Date),
}

impl Deadline {
    /// `"02-20"` or `"2025-02-20"`, days of the calendar only (`"02-29"` is allowed: the
    /// deadline then falls on 28 February in a common year).
    pub fn parse(s: &str) -> Option<Deadline> {
        let s = s.trim();
        if s.len() == 5 {
            // 2024 is a leap year: 02-29 is a day some years have.
            let (_, m, d) = crate::base::dates::parse_iso(&format!("2024-{s}")).ok()?;
            return Some(Deadline::MonthDay(m, d));
        }
        crate::base::dates::parse_iso(s).ok().map(Deadline::Date)
    }

    /// The deadline for a report of `year`.
    pub fn for_year(self, year: i32) -> crate::base::dates::Date {
        match self {
            Deadline::Date(d) => d,
            Deadline::MonthDay(m, d) => {
                let last = crate::base::dates::days_in_month(year + 1, m);
                (year + 1, m, d.min(last))
            }
        }
    }
}

impl Options {
    pub fn with_locale(locale: Locale) -> Options {
        Options {
            locale,
            ..Options::default()
        }
    }

    /// Read options from JSON text (what the binding gets from `JSON.stringify`). `rule_id`
    /// names the rules of the build (`crate::registry::rule_id`): the rule lists sit above the
    /// options, which only ask.
    pub fn from_json(text: &str, rule_id: RuleLookup) -> Result<Options, OptionsError> {
        match json::parse(text) {
            Ok(v) => Options::from_parsed(&v, rule_id),
            Err(_) => Err(OptionsError::NotAnObject("text that is not JSON")),
        }
    }

    /// Read options from a `serde_json` value (for Rust callers that already hold one).
    pub fn from_value(v: &serde_json::Value, rule_id: RuleLookup) -> Result<Options, OptionsError> {
        Options::from_json(&v.to_string(), rule_id)
    }

    fn from_parsed(v: &Json, rule_id: RuleLookup) -> Result<Options, OptionsError> {
        let mut o = Options::default();
        let members = match v {
            Json::Null => return Ok(o),
            Json::Obj(m, _) => m,
            other => return Err(OptionsError::NotAnObject(kind(other))),
        };
        for (k, v) in members {
            match k.as_ref() {
                "locale" => {
                    o.locale = match v {
                        Json::Null => Locale::ZhCn,
                        Json::Str(s) => Locale::parse(s)
                            .ok_or_else(|| OptionsError::Locale(format!("\"{s}\"")))?,
                        other => return Err(OptionsError::Locale(other.text().into_owned())),
                    }
                }
                "partial" => {
                    o.partial = match v {
                        Json::Null => false,
                        Json::Bool(b) => *b,
                        other => return Err(OptionsError::Partial(other.text().into_owned())),
                    }
                }
                "previous" => match v {
                    Json::Null => {}
                    Json::Obj(_, raw) => o.previous = Some(Box::new(decode_str(raw))),
                    other => return Err(OptionsError::Previous(kind(other))),
                },
                "issuerKind" => {
                    o.issuer_kind = match v {
                        Json::Null => None,
                        Json::Str(s) => match s.as_ref() {
                            "department" => Some(IssuerKind::Department),
                            "government" => Some(IssuerKind::Government),
                            s => return Err(OptionsError::IssuerKind(format!("\"{s}\""))),
                        },
                        other => return Err(OptionsError::IssuerKind(other.text().into_owned())),
                    }
                }
                "deadline" => {
                    o.deadline = match v {
                        Json::Null => None,
                        Json::Str(s) => Some(
                            Deadline::parse(s)
                                .ok_or_else(|| OptionsError::Deadline(format!("\"{s}\"")))?,
                        ),
                        other => return Err(OptionsError::Deadline(other.text().into_owned())),
                    }
                }
                "rules" => match v {
                    Json::Null => {}
                    Json::Obj(m, _) => {
                        for (id, level) in m {
                            let rule = rule_id(id)
                                .ok_or_else(|| OptionsError::UnknownRule(id.to_string()))?;
                            let sev = match level.as_str() {
                                Some("off") => None,
                                Some(s) => Some(Severity::parse(s).ok_or_else(|| {
                                    OptionsError::RuleLevel(id.to_string(), format!("\"{s}\""))
                                })?),
                                None => {
                                    return Err(OptionsError::RuleLevel(
                                        id.to_string(),
                                        level.text().into_owned(),
                                    ))
                                }
                            };
                            o.overrides.push((rule, sev));
                        }
                    }
                    other => return Err(OptionsError::Rules(kind(other))),
                },
                other => return Err(OptionsError::UnknownKey(other.to_string())),
            }
        }
        Ok(o)
    }

    pub fn is_off(&self, id: &str) -> bool {
        self.overrides.iter().any(|(r, s)| *r == id && s.is_none())
    }
}

pub fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Num(_) => "a number",
        Json::Str(_) => "a string",
        Json::Arr(..) => "an array",
        Json::Obj(..) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The rules these tests name.
    fn known(id: &str) -> Option<&'static str> {
        ["t2-consistency", "blank-cell"]
            .into_iter()
            .find(|k| *k == id)
    }

    #[test]
    fn reads_options() {
        let o = Options::from_value(&json!({"locale": "en", "partial": true, "rules": {"t2-consistency": "off", "blank-cell": "info"}}), known).unwrap();
        assert_eq!(o.locale, Locale::En);
        assert!(o.partial);
        assert!(o.is_off("t2-consistency"));
        assert!(o.overrides.contains(&("blank-cell", Some(Severity::Info))));
    }

    #[test]
    fn reads_the_issuer_kind_and_a_local_deadline() {
        let o = Options::from_value(
            &json!({"issuerKind": "government", "deadline": "02-20"}),
            known,
        )
        .unwrap();
        assert_eq!(o.issuer_kind, Some(IssuerKind::Government));
        assert_eq!(o.deadline, Some(Deadline::MonthDay(2, 20)));
        assert_eq!(Deadline::MonthDay(2, 20).for_year(2024), (2025, 2, 20));
        // 29 February is the 28th in a common year.
        assert_eq!(Deadline::MonthDay(2, 29).for_year(2024), (2025, 2, 28));
        let o = Options::from_value(&json!({"deadline": "2025-03-15"}), known).unwrap();
        assert_eq!(o.deadline, Some(Deadline::Date((2025, 3, 15))));
        assert_eq!(o.deadline.unwrap().for_year(2024), (2025, 3, 15));
    }

    #[test]
    fn misuse_says_what_was_expected() {
        let e = |v| Options::from_value(&v, known).unwrap_err().to_string();
        assert_eq!(
            e(json!({"locale": "fr"})),
            "options.locale: expected \"zh-CN\" or \"en\", got \"fr\""
        );
        assert_eq!(
            e(json!({"partail": true})),
            "options.partail: unknown option (known: locale, partial, previous, rules, issuerKind, deadline)"
        );
        assert_eq!(e(json!(3)), "options: expected an object, got a number");
        assert_eq!(
            e(json!({"issuerKind": "town"})),
            "options.issuerKind: expected \"department\" or \"government\", got \"town\""
        );
        assert_eq!(
            e(json!({"deadline": "02-30"})),
            "options.deadline: expected a date like \"02-20\" (that day of the year after the report's) or \"2025-02-20\", got \"02-30\""
        );
        assert!(e(json!({"deadline": 220})).ends_with("got 220"));
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
