//! Dates, read one way everywhere: the model's `YYYY-MM-DD` (`validate`) and dates as reports
//! print them (`2021年1月30日`, `2021/1/30`, `2021.1.30`, read by `parse`) give the same answer for
//! the same day, and a day that is not in the calendar (`2022年2月31日`) is refused by both.

use crate::prelude::*;

use crate::base::text::{Padded, Piece};

/// Year, month, day.
pub type Date = (i32, u32, u32);

/// A date as the model writes it, `YYYY-MM-DD`, for `text!` (`Iso((2025, 2, 5))` → `2025-02-05`).
pub struct Iso(pub Date);

impl Piece for Iso {
    fn put(&self, out: &mut String) {
        let (y, m, d) = self.0;
        Padded(i64::from(y), 4).put(out);
        out.push('-');
        Padded(i64::from(m), 2).put(out);
        out.push('-');
        Padded(i64::from(d), 2).put(out);
    }
}

/// Why a date cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written as a date at all (`2022/1/28` where `YYYY-MM-DD` is asked for, `无`).
    Unreadable,
    /// Written as a date, but no such day exists (`2022-02-31`, `2021年13月1日`).
    NotInCalendar,
}

/// Days in `month` of `year` (0 for a month that does not exist).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// The date if it is a day of the calendar.
pub fn in_calendar(d: Date) -> Result<Date, DateProblem> {
    let (y, m, day) = d;
    if day >= 1 && day <= days_in_month(y, m) {
        Ok(d)
    } else {
        Err(DateProblem::NotInCalendar)
    }
}

/// The model's `YYYY-MM-DD` (surrounding spaces allowed), a real calendar date.
pub fn parse_iso(s: &str) -> Result<Date, DateProblem> {
    let b = s.trim().as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape {
        return Err(DateProblem::Unreadable);
    }
    let num =
        |r: core::ops::Range<usize>| b[r].iter().fold(0u32, |v, &c| v * 10 + u32::from(c - b'0'));
    in_calendar((num(0..4) as i32, num(5..7), num(8..10)))
}

/// A date as reports print it, at the start of `s`: `2021-01-30`, `2021/1/30`, `2021.1.30`,
/// `2021年1月30日`. Returns the numbers as printed (a four-digit year from 2000 to 2100, a month
/// and a day of one or two digits) and how many bytes of `s` they took, **without** checking the
/// calendar: the caller says which printed date does not exist, with [`in_calendar`].
pub fn parse_printed(s: &str) -> Option<(Date, usize)> {
    let b = s.as_bytes();
    let mut nums = [0u32; 3];
    let mut lens = [0usize; 3];
    let mut k = 0;
    let mut i = 0;
    while k < 3 {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 4 {
            nums[k] = nums[k] * 10 + u32::from(b[i] - b'0');
            i += 1;
        }
        lens[k] = i - start;
        if lens[k] == 0 || (i < b.len() && b[i].is_ascii_digit()) {
            return None;
        }
        k += 1;
        // A separator after the year and the month; after the day only 日 belongs to the date.
        let sep = ["-", "/", ".", "年", "月", "日"]
            .iter()
            .find(|p| s[i..].starts_with(**p))
            .map_or(0, |p| p.len());
        if k < 3 && sep == 0 {
            return None;
        }
        if k < 3 || s[i..].starts_with('日') {
            i += sep;
        }
    }
    let fits = lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 && (2000..=2100).contains(&nums[0]);
    fits.then_some(((nums[0] as i32, nums[1], nums[2]), i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict_and_real() {
        assert_eq!(parse_iso("2024-02-29"), Ok((2024, 2, 29)));
        assert_eq!(parse_iso(" 2025-01-20 "), Ok((2025, 1, 20)));
        assert_eq!(parse_iso("2023-02-29"), Err(DateProblem::NotInCalendar));
        assert_eq!(parse_iso("2022-02-31"), Err(DateProblem::NotInCalendar));
        assert_eq!(parse_iso("2022-13-01"), Err(DateProblem::NotInCalendar));
        assert_eq!(parse_iso("2023-1-5"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("2025-+1-05"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("+024-01-05"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("2025-01-+5"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("2022/1/28"), Err(DateProblem::Unreadable));
        assert_eq!(parse_iso("２０２２-01-28"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn printed_dates_read_without_the_calendar() {
        assert_eq!(parse_printed("2021-01-30"), Some(((2021, 1, 30), 10)));
        assert_eq!(
            parse_printed("2021年1月29日 10:00"),
            Some(((2021, 1, 29), "2021年1月29日".len()))
        );
        assert_eq!(parse_printed("2021/1/30。"), Some(((2021, 1, 30), 9)));
        assert_eq!(parse_printed("2021.1.3"), Some(((2021, 1, 3), 8)));
        // Printed, but no such day: the caller reports it.
        assert_eq!(
            parse_printed("2022年2月31日"),
            Some(((2022, 2, 31), "2022年2月31日".len()))
        );
        assert_eq!(in_calendar((2022, 2, 31)), Err(DateProblem::NotInCalendar));
        assert_eq!(
            parse_printed("2021/13/01").map(|d| in_calendar(d.0)),
            Some(Err(DateProblem::NotInCalendar))
        );
        assert_eq!(parse_printed("无"), None);
        assert_eq!(parse_printed("20211/1/1"), None);
        assert_eq!(parse_printed("1999年1月1日"), None);
        assert_eq!(parse_printed("2021年1月"), None);
        assert_eq!(parse_printed("2021年123月1日"), None);
    }

    #[test]
    fn the_two_readings_agree_on_every_iso_day() {
        for y in [2000, 2019, 2020, 2023, 2024, 2100] {
            for m in 0..=13u32 {
                for d in 0..=32u32 {
                    let iso = format!("{y:04}-{m:02}-{d:02}");
                    let printed = parse_printed(&iso).ok_or(DateProblem::Unreadable);
                    assert_eq!(
                        parse_iso(&iso),
                        printed.and_then(|p| in_calendar(p.0)),
                        "{iso}"
                    );
                }
            }
        }
    }
}
