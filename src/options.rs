//! Validation options, read from the JSON the caller passes. Misuse (a wrong type, an unknown
//! key, an unknown locale) is an [`OptionsError`], which the binding throws as a JS `Error`.

use crate::prelude::*;

use crate::base::text::text;
use crate::diagnostic::Severity;
use crate::json::{self, Json};
use crate::messages::Locale;
use crate::model::{decode::decode_str, Report};

/// Misuse of the options. Its message (`Display`, [`OptionsError::message`]) names the option
/// and what it takes.
#[derive(Debug, PartialEq, Eq)]
pub enum OptionsError {
    NotAnObject(&'static str),
    UnknownKey(String),
    MaxInputBytes(String),
    Locale(String),
    Partial(String),
    Previous(&'static str),
    Rules(&'static str),
    UnknownRule(String),
    RuleLevel(String, String),
    Blanks(String),
    /// `blanks: "zero"` given to the lite build, which has no published-report arithmetic.
    BlanksLite,
    IssuerKind(String),
    Deadline(String),
    Kind(String),
    /// An unknown key in the options of a function that takes more than `validate` does.
    UnknownKeyOf(String, &'static str),
    Report(String),
    #[cfg(feature = "readers")]
    Locations(String),
}

impl OptionsError {
    /// The message, made without `core::fmt` (see `base::text`): what the binding throws.
    pub fn message(&self) -> String {
        use OptionsError as E;
        match self {
            E::NotAnObject(got) => text!("options: expected an object, got {got}", got),
            E::UnknownKey(key) => text!(
                "options.{key}: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline)",
                key
            ),
            E::MaxInputBytes(got) => text!(
                "options.maxInputBytes: expected a whole number of bytes from 1 to 1073741824, got {got}",
                got
            ),
            E::Locale(got) => text!("options.locale: expected \"zh-CN\" or \"en\", got {got}", got),
            E::Partial(got) => text!("options.partial: expected true or false, got {got}", got),
            E::Previous(got) => text!(
                "options.previous: expected last year's report as an object, got {got}",
                got
            ),
            E::Rules(got) => text!(
                "options.rules: expected an object like {{ \"t2-consistency\": \"off\" }}, got {got}",
                got
            ),
            E::UnknownRule(id) => text!("options.rules.{id}: unknown rule id", id),
            E::RuleLevel(id, got) => text!(
                "options.rules.{id}: expected \"off\", \"error\", \"warning\" or \"info\", got {got}",
                id,
                got
            ),
            E::Blanks(got) => text!("options.blanks: expected \"zero\" or \"strict\", got {got}", got),
            E::BlanksLite => "options.blanks: \"zero\" (blanks counted as 0, for published reports) is not in xxgknb/lite, which validates form data; use the full build".into(),
            E::IssuerKind(got) => text!(
                "options.issuerKind: expected \"department\" or \"government\", got {got}",
                got
            ),
            E::Deadline(got) => text!("options.deadline: expected \"MM-DD\", got {got}", got),
            E::Kind(got) => text!(
                "options.kind: expected \"json\", \"html\" or \"text\", got {got}",
                got
            ),
            E::UnknownKeyOf(key, known) => {
                text!("options.{key}: unknown option (known: {known})", key, known)
            }
            E::Report(got) => text!(
                "options.report: expected true, false or a list of JSON pointers like [\"/issuer\", \"/applications/carriedOver\"], got {got}",
                got
            ),
            #[cfg(feature = "readers")]
            E::Locations(got) => text!("options.locations: expected true or false, got {got}", got),
        }
    }
}

impl core::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for OptionsError {}

/// What a blank cell (`null`, `-`, `—`, `/`, …) means to the arithmetic rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blanks {
    /// 0, as publishers mean it: sums run with blanks as 0, one `blank-cell` per table, and a
    /// blank that a sum proves non-zero is that sum's error at the blank (`parse`/`check`).
    Zero,
    /// Not filled in: sums that need a blank are skipped, `blank-cell` per cell (`validate`).
    Strict,
}

/// The static id of a rule of the build, or `None` for an id the build does not have.
pub type RuleLookup = fn(&str) -> Option<&'static str>;

#[derive(Clone, Debug)]
pub struct Options {
    pub locale: Locale,
    pub partial: bool,
    pub previous: Option<Box<Report>>,
    /// Rule id → new severity, or `None` for off.
    pub overrides: Vec<(&'static str, Option<Severity>)>,
    /// Input longer than this (UTF-8 bytes) is not read: `input-too-large`.
    pub max_input_bytes: usize,
    /// `None`: the entry's own default (`validate`: strict; `parse`/`check`: zero).
    pub blanks: Option<Blanks>,
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

/// A local publication deadline: a month and day of the year after the report's (`"02-20"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline(pub u32, pub u32);

impl Deadline {
    /// `"02-20"`, a day of the calendar (`"02-29"` is allowed: the deadline then falls on
    /// 28 February in a common year).
    pub fn parse(s: &str) -> Option<Deadline> {
        let [m1, m2, b'-', d1, d2] = *s.trim().as_bytes() else {
            return None;
        };
        let two = |a: u8, c: u8| {
            (a.is_ascii_digit() && c.is_ascii_digit())
                .then(|| u32::from(a - b'0') * 10 + u32::from(c - b'0'))
        };
        let (m, d) = (two(m1, m2)?, two(d1, d2)?);
        // A day of a leap year: 02-29 is a day some years have.
        (d >= 1 && d <= crate::base::dates::days_in_month(2024, m)).then_some(Deadline(m, d))
    }

    /// The deadline for a report of `year`.
    pub fn for_year(self, year: i32) -> crate::base::dates::Date {
        let last = crate::base::dates::days_in_month(year + 1, self.0);
        (year + 1, self.0, self.1.min(last))
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            locale: Locale::default(),
            partial: false,
            previous: None,
            overrides: Vec::new(),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            blanks: None,
            issuer_kind: None,
            deadline: None,
        }
    }
}

/// The default of `maxInputBytes`: 16 MiB, hundreds of times a real report.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The largest `maxInputBytes`: 1 GiB, a quarter of what a WebAssembly instance can address.
pub const MAX_INPUT_LIMIT: usize = 1 << 30;

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
                        v => v
                            .as_str()
                            .and_then(Locale::parse)
                            .ok_or_else(|| OptionsError::Locale(shown(v)))?,
                    }
                }
                "partial" => {
                    o.partial = match v {
                        Json::Null => false,
                        Json::Bool(b) => *b,
                        other => return Err(OptionsError::Partial(other.text().into_owned())),
                    }
                }
                "blanks" => {
                    o.blanks = match v {
                        Json::Null => None,
                        Json::Str(s) if s.as_ref() == "zero" && cfg!(feature = "readers") => {
                            Some(Blanks::Zero)
                        }
                        Json::Str(s) if s.as_ref() == "zero" => {
                            return Err(OptionsError::BlanksLite)
                        }
                        Json::Str(s) if s.as_ref() == "strict" => Some(Blanks::Strict),
                        other => return Err(OptionsError::Blanks(shown(other))),
                    }
                }
                "previous" => match v {
                    Json::Null => {}
                    Json::Obj(_, raw) => o.previous = Some(Box::new(decode_str(raw))),
                    other => return Err(OptionsError::Previous(kind(other))),
                },
                "maxInputBytes" => {
                    o.max_input_bytes = match v {
                        Json::Null => DEFAULT_MAX_INPUT_BYTES,
                        other => other
                            .as_i64()
                            .and_then(|n| usize::try_from(n).ok())
                            .filter(|n| (1..=MAX_INPUT_LIMIT).contains(n))
                            .ok_or_else(|| OptionsError::MaxInputBytes(shown(other)))?,
                    }
                }
                "issuerKind" => {
                    o.issuer_kind = match (v, v.as_str()) {
                        (Json::Null, _) => None,
                        (_, Some("department")) => Some(IssuerKind::Department),
                        (_, Some("government")) => Some(IssuerKind::Government),
                        _ => return Err(OptionsError::IssuerKind(shown(v))),
                    }
                }
                "deadline" => {
                    o.deadline = match v {
                        Json::Null => None,
                        v => Some(
                            v.as_str()
                                .and_then(Deadline::parse)
                                .ok_or_else(|| OptionsError::Deadline(shown(v)))?,
                        ),
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
                                s => Some(s.and_then(Severity::parse).ok_or_else(|| {
                                    OptionsError::RuleLevel(id.to_string(), shown(level))
                                })?),
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

/// A value as a message quotes it: a string in quotes, anything else as written.
fn shown(v: &Json) -> String {
    match v {
        Json::Str(s) => text!("\"{s}\"", s),
        other => other.text().into_owned(),
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
        assert_eq!(o.blanks, None);
        let z = Options::from_value(&json!({"blanks": "zero"}), known);
        if cfg!(feature = "readers") {
            assert_eq!(z.unwrap().blanks, Some(Blanks::Zero));
        } else {
            let e = z.unwrap_err();
            assert_eq!(e, OptionsError::BlanksLite);
            assert!(e.to_string().starts_with("options.blanks: \"zero\""));
        }
        let s = Options::from_value(&json!({"blanks": "strict"}), known).unwrap();
        assert_eq!(s.blanks, Some(Blanks::Strict));
    }

    #[test]
    fn reads_the_issuer_kind_and_a_local_deadline() {
        let o = Options::from_value(
            &json!({"issuerKind": "government", "deadline": "02-20"}),
            known,
        )
        .unwrap();
        assert_eq!(o.issuer_kind, Some(IssuerKind::Government));
        assert_eq!(o.deadline, Some(Deadline(2, 20)));
        assert_eq!(Deadline(2, 20).for_year(2024), (2025, 2, 20));
        // 29 February is the 28th in a common year.
        assert_eq!(Deadline(2, 29).for_year(2024), (2025, 2, 28));
        assert_eq!(Deadline::parse(" 12-31 "), Some(Deadline(12, 31)));
        for bad in ["2-20", "02/20", "13-01", "04-31", "2025-02-20", "0a-01"] {
            assert_eq!(Deadline::parse(bad), None, "{bad}");
        }
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
            "options.partail: unknown option (known: locale, partial, previous, rules, maxInputBytes, blanks, issuerKind, deadline)"
        );
        assert_eq!(e(json!(3)), "options: expected an object, got a number");
        assert_eq!(
            e(json!({"blanks": "0"})),
            "options.blanks: expected \"zero\" or \"strict\", got \"0\""
        );
        assert_eq!(
            e(json!({"blanks": true})),
            "options.blanks: expected \"zero\" or \"strict\", got true"
        );
        assert_eq!(
            e(json!({"issuerKind": "town"})),
            "options.issuerKind: expected \"department\" or \"government\", got \"town\""
        );
        assert_eq!(
            e(json!({"deadline": "02-30"})),
            "options.deadline: expected \"MM-DD\", got \"02-30\""
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
        for bad in [
            json!(0),
            json!(-5),
            json!(1.5),
            json!("16MB"),
            json!(2_000_000_000),
        ] {
            assert!(
                e(json!({ "maxInputBytes": bad }))
                    .starts_with("options.maxInputBytes: expected a whole number of bytes from 1 to 1073741824, got "),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_input_limit_has_a_default_and_can_be_set() {
        let o = |v| Options::from_value(&v, known).unwrap().max_input_bytes;
        assert_eq!(o(json!({})), 16 << 20);
        assert_eq!(o(json!({"maxInputBytes": null})), 16 << 20);
        assert_eq!(o(json!({"maxInputBytes": 1000})), 1000);
        assert_eq!(o(json!({"maxInputBytes": 1073741824})), 1 << 30);
    }
}
