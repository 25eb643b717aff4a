//! Small numeric helpers that every build uses, written for the lite WebAssembly one: the few
//! `f64` operations that live in std, not core (that build is `no_std`), and an integer parser
//! smaller than core's generic `str::parse` (0.4 KB gzipped for its copies). Tests compare each
//! with std's own.

/// `s.parse::<i64>().ok()`: an optional sign, then ASCII digits, within range.
pub fn parse_i64(s: &str) -> Option<i64> {
    let (negative, digits) = match s.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s.as_bytes()),
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: i64 = 0;
    for &c in digits {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        // Accumulate with the sign so that i64::MIN, one more than i64::MAX, fits.
        v = v.checked_mul(10)?;
        v = if negative {
            v.checked_sub(i64::from(d))?
        } else {
            v.checked_add(i64::from(d))?
        };
    }
    Some(v)
}

/// The value of ASCII digits with an optional fraction (`1234`, `96171.6`), without core's float
/// parser (which costs the wasm ~10 KB): mantissa and power of ten are exact, so one division
/// rounds right. Past 15 significant digits a fraction cannot matter to a report: the rest of it
/// is dropped. `None` past 16 significant integer digits, or for a character that is not a digit
/// (a sign, an exponent, a comma, a second point).
pub fn parse_decimal(plain: &str) -> Option<f64> {
    decimal(plain, false)
}

/// [`parse_decimal`] of a number whose integer part may hold thousands separators (`1,234.5`),
/// placed as the caller has checked: they are skipped.
pub fn parse_grouped_decimal(plain: &str) -> Option<f64> {
    decimal(plain, true)
}

/// Byte by byte: every cell of a form passes here, and `str` patterns decode characters.
fn decimal(plain: &str, grouped: bool) -> Option<f64> {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut digits = 0usize; // of the integer part, leading zeros included
    let mut significant = 0usize;
    let mut mantissa: u64 = 0;
    for b in int.bytes() {
        if grouped && b == b',' {
            continue;
        }
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        digits += 1;
        if significant > 0 || d != 0 {
            significant += 1;
        }
        if significant > 16 {
            return None;
        }
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d))?;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let keep = 15usize.saturating_sub(digits).min(frac.len());
    for b in frac.bytes().take(keep) {
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(mantissa as f64 / powi(10.0, keep as i32))
}

/// Whether `f` is a whole number (std: `f.fract() == 0.0`).
pub fn is_whole(f: f64) -> bool {
    // From 2^52 up every finite f64 is whole; below, the cast truncates exactly.
    f.is_finite() && (f.abs() >= 4_503_599_627_370_496.0 || f == (f as i64) as f64)
}

/// Round half away from zero (std: `f.round()`).
pub fn round(f: f64) -> f64 {
    if !f.is_finite() || f.abs() >= 4_503_599_627_370_496.0 {
        return f;
    }
    let t = (f as i64) as f64;
    // Exact: `f` and its integer part are within 2^52 of each other.
    let d = f - t;
    let r = if d >= 0.5 {
        t + 1.0
    } else if d <= -0.5 {
        t - 1.0
    } else {
        t
    };
    if r == 0.0 && f.is_sign_negative() {
        -0.0
    } else {
        r
    }
}

/// `base` to an integer power (std: `base.powi(exp)`), by the same repeated squaring as the
/// compiler's own `__powidf2`, so the results are the same bits.
pub fn powi(base: f64, exp: i32) -> f64 {
    let mut n = exp.unsigned_abs();
    let (mut a, mut r) = (base, 1.0);
    loop {
        if n & 1 != 0 {
            r *= a;
        }
        n /= 2;
        if n == 0 {
            break;
        }
        a *= a;
    }
    if exp < 0 {
        1.0 / r
    } else {
        r
    }
}

#[cfg(test)]
mod decimal_tests {
    use super::parse_decimal;

    #[test]
    fn decimals_read_as_std_reads_them() {
        for s in [
            "0",
            "12",
            "96171.6",
            "7730.28",
            "0.394",
            "007",
            "3119",
            "12345678901234.5",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in [
            "-1",
            "+1",
            "1e3",
            "1,000",
            "1.2.3",
            "１２",
            "12345678901234567",
        ] {
            assert_eq!(parse_decimal(s), None, "{s}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: [f64; 22] = [
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.5,
        -1.5,
        2.5,
        0.49999999999999994,
        -0.49999999999999994,
        12.0,
        -7.25,
        1e15,
        4503599627370495.5,
        -4503599627370495.5,
        9.007199254740993e15,
        1e300,
        -1e300,
        123456.789,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];

    #[test]
    fn parse_i64_agrees_with_std() {
        let cases = [
            "",
            "+",
            "-",
            "0",
            "-0",
            "+0",
            "12",
            "+12",
            "-12",
            "007",
            "1 ",
            " 1",
            "1.0",
            "1e3",
            "١",
            "１２",
            "++1",
            "--1",
            "+-1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
            "12a",
        ];
        for s in cases {
            assert_eq!(parse_i64(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }

    /// The same bits, or both NaN (whose bits may differ).
    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn agree_with_std() {
        for f in SAMPLES {
            assert_eq!(is_whole(f), f.fract() == 0.0, "is_whole({f})");
            let (mine, theirs) = (round(f), f.round());
            assert!(same(mine, theirs), "round({f}): {mine} vs {theirs}");
        }
        for base in [10.0, 2.0, -3.0, 0.1] {
            for exp in -400..=400 {
                assert_eq!(
                    powi(base, exp).to_bits(),
                    base.powi(exp).to_bits(),
                    "{base}^{exp}"
                );
            }
        }
    }

    // Random inputs beyond the hand-picked ones above: random f64 bit patterns, sign and digit
    // strings, including those past the range of i64. Native only (proptest is not a wasm32
    // dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod random {
        use super::super::*;
        use super::same;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn whole_and_round(bits in any::<u64>()) {
                let f = f64::from_bits(bits);
                prop_assert_eq!(is_whole(f), f.fract() == 0.0);
                prop_assert!(same(round(f), f.round()), "round({})", f);
            }

            #[test]
            fn round_near_halves(i in -10_000_000i64..10_000_000, frac in prop::sample::select(vec![0.5, 0.49999999999999994, 0.5000000000000001, 0.0, 0.25])) {
                let f = i as f64 + frac;
                prop_assert!(same(round(f), f.round()), "round({})", f);
            }

            #[test]
            fn powi_bits(base in any::<f64>(), exp in -400i32..400) {
                prop_assert!(same(powi(base, exp), base.powi(exp)), "{}^{}", base, exp);
            }

            #[test]
            fn parse_digits(s in "[+-]{0,2}[0-9]{0,21}") {
                prop_assert_eq!(parse_i64(&s), s.parse::<i64>().ok());
            }

            #[test]
            fn parse_any(s in any::<String>()) {
                prop_assert_eq!(parse_i64(&s), s.parse::<i64>().ok());
            }
        }
    }
}
