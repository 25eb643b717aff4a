//! Normalisation of cell values as typed into forms or printed in reports: full-width digits
//! and punctuation, thousands separators, the units a column allows, signs, blank markers.

use crate::prelude::*;

use super::layout::Kind;
use super::num::Num;
use super::report::{CellState, Invalid};
use crate::json::Json;

/// Largest integer JavaScript holds exactly; anything past it cannot be a real count.
pub const MAX_INT: i64 = 9_007_199_254_740_991;

/// Markers that mean "left blank" (format.md §6): never a silent 0.
const BLANKS: [&str; 9] = ["", "-", "--", "—", "——", "–", "/", "无", "不适用"];

/// Normalise one JSON cell value for a column of `kind` whose model unit is `unit`.
pub fn normalize(value: &Json, kind: Kind, unit: Option<&str>) -> CellState {
    match value {
        Json::Null => CellState::Blank { input: None },
        Json::Num(n) => from_json_number(n, kind),
        Json::Str(s) => normalize_str(s, kind, unit),
        Json::Bool(_) | Json::Arr(..) | Json::Obj(..) => CellState::Invalid {
            input: clip(&value.text()),
            reason: Invalid::WrongType,
        },
    }
}

/// A JSON number literal: `12`, `-3`, `12.0`, `7730.28`, `1e3`; and the `NaN`, `Infinity`
/// and `-Infinity` that `validate()` passes on from a JS object (see `decode_js`).
fn from_json_number(n: &str, kind: Kind) -> CellState {
    if let Some(i) = crate::base::numeric::parse_i64(n) {
        return int_state(i, n);
    }
    if matches!(n, "NaN" | "Infinity" | "-Infinity") {
        return CellState::Invalid {
            input: n.into(),
            reason: Invalid::NotFinite,
        };
    }
    let (negative, body) = match n.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, n),
    };
    let (mantissa, exp) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (
            m,
            crate::base::numeric::parse_i64(e)
                .and_then(|e| i32::try_from(e).ok())
                .unwrap_or(if e.starts_with('-') {
                    i32::MIN
                } else {
                    i32::MAX
                }),
        ),
        None => (body, 0),
    };
    let f = match crate::base::numeric::parse_decimal(mantissa) {
        // Zero, whatever the exponent (`0e400`).
        Some(0.0) => 0.0,
        Some(f) if exp.unsigned_abs() <= 300 => f * crate::base::numeric::powi(10.0, exp),
        // Far below any real amount (`5e-324`): a fraction, not "too large". A money cell
        // takes it as the 0 it rounds to; a count says it is not a whole number.
        Some(_) if exp < 0 => {
            return match kind {
                Kind::Money => CellState::Value(Num::Dec(0.0)),
                Kind::Count | Kind::Signed => CellState::Invalid {
                    input: clip(n),
                    reason: Invalid::NotInteger,
                },
            };
        }
        _ => f64::INFINITY,
    };
    number_state(if negative { -f } else { f }, kind, n)
}

fn int_state(i: i64, input: &str) -> CellState {
    if i.unsigned_abs() > MAX_INT as u64 {
        CellState::Invalid {
            input: clip(input),
            reason: Invalid::TooLarge,
        }
    } else {
        CellState::Value(Num::Int(i))
    }
}

fn number_state(f: f64, kind: Kind, input: &str) -> CellState {
    if !f.is_finite() || f.abs() > MAX_INT as f64 {
        return CellState::Invalid {
            input: clip(input),
            reason: Invalid::TooLarge,
        };
    }
    match kind {
        Kind::Money => CellState::Value(Num::Dec(f)),
        Kind::Count | Kind::Signed if crate::base::numeric::is_whole(f) => {
            CellState::Value(Num::Int(f as i64))
        }
        Kind::Count | Kind::Signed => CellState::Invalid {
            input: clip(input),
            reason: Invalid::NotInteger,
        },
    }
}

/// Normalise a string cell.
pub fn normalize_str(raw: &str, kind: Kind, unit: Option<&str>) -> CellState {
    // Forms send every cell as typed, nearly always plain ASCII digits: those need no folding,
    // unit or separator handling (five times the work, and allocations, in the lite build).
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        return match crate::base::numeric::parse_decimal(raw) {
            Some(f) => number_state(f, kind, raw),
            None => CellState::Invalid {
                input: clip(raw),
                reason: Invalid::TooLarge,
            },
        };
    }
    let s = crate::base::fold::fold_value(raw);
    if BLANKS.contains(&s.as_str()) {
        return CellState::Blank {
            input: (!raw.is_empty()).then(|| clip(raw)),
        };
    }
    let invalid = |reason| CellState::Invalid {
        input: clip(raw),
        reason,
    };
    let (body, scale) = match strip_unit(&s, kind, unit) {
        Ok(x) => x,
        Err(()) => return invalid(Invalid::WrongUnit),
    };
    let (negative, digits) = match body.as_bytes().first() {
        Some(b'+') if kind != Kind::Signed => return invalid(Invalid::PlusSign),
        Some(b'+') => (false, body.get(1..).unwrap_or_default()),
        Some(b'-') => (true, body.get(1..).unwrap_or_default()),
        _ => (false, body),
    };
    if !plain_number(digits) {
        return invalid(Invalid::NotANumber);
    }
    let Some(mut f) = crate::base::numeric::parse_grouped_decimal(digits) else {
        return invalid(Invalid::TooLarge);
    };
    if negative {
        f = -f;
    }
    if scale != 1.0 {
        // 元 typed into a 万元 column, or the reverse: convert exactly at 2 decimals of 元.
        f = crate::base::numeric::round((f * scale) * 1e6) / 1e6;
    }
    match number_state(f, kind, raw) {
        CellState::Invalid { reason, .. } => invalid(reason),
        ok => ok,
    }
}

/// Split off a trailing unit the column allows; returns the number part and the factor to
/// the column's own unit.
fn strip_unit<'a>(s: &'a str, kind: Kind, unit: Option<&str>) -> Result<(&'a str, f64), ()> {
    let units: &[(&str, f64)] = match (kind, unit) {
        (Kind::Money, Some("万元")) => &[("万元", 1.0), ("元", 0.0001)],
        (Kind::Money, _) => &[("万元", 10000.0), ("元", 1.0)],
        (Kind::Count | Kind::Signed, _) => &[("件", 1.0), ("项", 1.0), ("条", 1.0), ("个", 1.0)],
    };
    for (u, factor) in units {
        if let Some(body) = s.strip_suffix(u) {
            return Ok((body, *factor));
        }
    }
    // A unit of another kind of column (件 in a money column, 元 in a count column).
    if s.ends_with(['元', '件', '项', '条', '个']) {
        return Err(());
    }
    Ok((s, 1.0))
}

/// Whether `s` is `1234`, `1,234` or `1234.5`: thousands separators only in groups of three.
fn plain_number(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let mut grouped = false;
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return false;
        }
        grouped = true;
    }
    !first.is_empty()
        && digits(first)
        && (!grouped || first.len() <= 3)
        && !frac.is_empty()
        && digits(frac)
}

/// Keep quoted input short enough for a message.
fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn json_cell(v: &Value, kind: Kind, unit: Option<&str>) -> CellState {
        let text = v.to_string();
        super::normalize(&crate::json::parse(&text).unwrap(), kind, unit)
    }
    fn count(v: Value) -> CellState {
        json_cell(&v, Kind::Count, None)
    }
    fn int(i: i64) -> CellState {
        CellState::Value(Num::Int(i))
    }
    fn invalid(s: &str, r: Invalid) -> CellState {
        CellState::Invalid {
            input: s.into(),
            reason: r,
        }
    }

    #[test]
    fn typed_counts() {
        assert_eq!(count(json!(12)), int(12));
        assert_eq!(count(json!(" 12 ")), int(12));
        assert_eq!(count(json!("１２")), int(12));
        assert_eq!(count(json!("1,234")), int(1234));
        assert_eq!(count(json!("１，２３４")), int(1234));
        assert_eq!(count(json!("12件")), int(12));
        assert_eq!(count(json!("12.0")), int(12));
        assert_eq!(count(json!(3.0)), int(3));
        assert_eq!(count(json!("-3")), int(-3));
    }

    #[test]
    fn blanks_are_never_zero() {
        for b in ["", " ", "-", "—", "/", "／", "——", "无"] {
            assert!(matches!(count(json!(b)), CellState::Blank { .. }), "{b:?}");
        }
        assert_eq!(count(Value::Null), CellState::Blank { input: None });
    }

    #[test]
    fn bad_values_quote_the_input() {
        assert_eq!(count(json!("十二")), invalid("十二", Invalid::NotANumber));
        assert_eq!(count(json!("12a")), invalid("12a", Invalid::NotANumber));
        assert_eq!(count(json!("1.5")), invalid("1.5", Invalid::NotInteger));
        assert_eq!(count(json!(1.5)), invalid("1.5", Invalid::NotInteger));
        assert_eq!(count(json!("+3")), invalid("+3", Invalid::PlusSign));
        assert_eq!(count(json!("1,23")), invalid("1,23", Invalid::NotANumber));
        assert_eq!(count(json!("5万元")), invalid("5万元", Invalid::WrongUnit));
        assert_eq!(count(json!(true)), invalid("true", Invalid::WrongType));
        assert_eq!(count(json!([1])), invalid("[1]", Invalid::WrongType));
        assert_eq!(count(json!(1e300)), invalid("1e+300", Invalid::TooLarge));
        // Tiny is not large: a fraction in a count, next to nothing in an amount.
        for tiny in ["5e-324", "1e-400", "-2.5E-999999999999"] {
            assert_eq!(
                from_json_number(tiny, Kind::Count),
                invalid(tiny, Invalid::NotInteger),
                "{tiny}"
            );
            assert_eq!(
                from_json_number(tiny, Kind::Money),
                CellState::Value(Num::Dec(0.0)),
                "{tiny}"
            );
        }
        assert_eq!(
            from_json_number("1e-5", Kind::Count),
            invalid("1e-5", Invalid::NotInteger)
        );
        assert_eq!(from_json_number("0e400", Kind::Count), int(0));
        assert_eq!(from_json_number("0.0E-400", Kind::Signed), int(0));
        assert_eq!(from_json_number("1e+3", Kind::Count), int(1000));
        for n in ["NaN", "Infinity", "-Infinity"] {
            assert_eq!(
                from_json_number(n, Kind::Money),
                invalid(n, Invalid::NotFinite)
            );
        }
        assert_eq!(
            count(json!("99999999999999999999")),
            invalid("99999999999999999999", Invalid::TooLarge)
        );
    }

    #[test]
    fn thousands_separators_and_leading_zeros() {
        let money = |s: &str| normalize_str(s, Kind::Money, Some("元"));
        assert_eq!(count(json!("1,234")), int(1234));
        assert_eq!(count(json!("12,345,678")), int(12_345_678));
        assert_eq!(count(json!("0,001")), int(1));
        assert_eq!(count(json!("007")), int(7));
        assert_eq!(count(json!("9,007,199,254,740,991")), int(MAX_INT));
        assert_eq!(count(json!("0,000,000,000,000,000,001")), int(1));
        assert_eq!(
            money("1,234,567,890,123.45"),
            CellState::Value(Num::Dec(1_234_567_890_123.45))
        );
        for s in [
            "1234,567", ",123", "1,,234", "1,234.", ".5", "1.2.3", "1,2345",
        ] {
            assert_eq!(count(json!(s)), invalid(s, Invalid::NotANumber), "{s}");
        }
        for s in ["9,007,199,254,740,992", "12,345,678,901,234,567"] {
            assert_eq!(count(json!(s)), invalid(s, Invalid::TooLarge), "{s}");
        }
    }

    /// Plain ASCII digits skip folding and unit handling: the same result as the long way
    /// (taken here by a leading space, which folding drops).
    #[test]
    fn plain_digits_read_as_the_long_way_reads_them() {
        let digits = [
            "0",
            "7",
            "007",
            "20",
            "123456789012345",
            "1234567890123456",
            "9007199254740991",
            "9007199254740992",
            "99999999999999999",
            "99999999999999999999999",
            "0000000000000000000001",
        ];
        let columns = [
            (Kind::Count, None),
            (Kind::Signed, None),
            (Kind::Money, Some("万元")),
            (Kind::Money, Some("元")),
        ];
        for s in digits {
            for (kind, unit) in columns {
                let short = normalize_str(s, kind, unit);
                let long = normalize_str(&format!(" {s}"), kind, unit);
                match (&short, &long) {
                    (
                        CellState::Invalid { input, reason },
                        CellState::Invalid { reason: other, .. },
                    ) => {
                        assert_eq!(input, s);
                        assert_eq!(reason, other, "{s} {kind:?}");
                    }
                    _ => assert_eq!(short, long, "{s} {kind:?}"),
                }
            }
        }
        assert_eq!(count(json!("9007199254740991")), int(MAX_INT));
        assert_eq!(
            count(json!("9007199254740992")),
            invalid("9007199254740992", Invalid::TooLarge)
        );
        assert_eq!(
            normalize_str("20", Kind::Money, Some("万元")),
            CellState::Value(Num::Dec(20.0))
        );
    }

    #[test]
    fn signed_and_money() {
        assert_eq!(json_cell(&json!("+6"), Kind::Signed, None), int(6));
        assert_eq!(json_cell(&json!("－14"), Kind::Signed, None), int(-14));
        assert_eq!(
            json_cell(&json!("96171.6"), Kind::Money, Some("万元")),
            CellState::Value(Num::Dec(96171.6))
        );
        assert_eq!(
            json_cell(&json!("3940元"), Kind::Money, Some("万元")),
            CellState::Value(Num::Dec(0.394))
        );
        assert_eq!(
            json_cell(&json!("251000元"), Kind::Money, Some("元")),
            CellState::Value(Num::Dec(251000.0))
        );
        assert_eq!(
            json_cell(&json!("25.1万元"), Kind::Money, Some("元")),
            CellState::Value(Num::Dec(251000.0))
        );
        assert_eq!(
            json_cell(&json!("1,234.5"), Kind::Money, Some("元")),
            CellState::Value(Num::Dec(1234.5))
        );
    }
}
