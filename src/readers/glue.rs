//! Recovering cells whose separators were lost: `200 000121` for a row of seven cells is
//! `20|0|0|0|0|1|21`. Every way of cutting the digits into the row's number of cells is tried
//! (no cell with a leading zero; a sign, as in table 二's `本年增/减`, only starts a cell). Spaces are ignored: crawlers put stray spaces inside numbers
//! as well as between them, so a space proves nothing. The row's own sum prunes the search;
//! the table's other sums then pick among what is left (`tables::solve`). Nothing here picks:
//! it returns every split that fits, or says the search ran out of budget.

/// Work budget: steps explored before giving up (a run of 15 zeros has one split; a hostile
/// run of digits must not take long).
const BUDGET: usize = 200_000;
/// Candidates kept for the table-wide check.
pub const MAX_CANDIDATES: usize = 512;

/// A check on a split: called on every prefix (to prune early) and on the whole row.
pub type Check<'a> = &'a dyn Fn(&[i64]) -> bool;

/// All splits of `digits` into exactly `n` numbers that satisfy `ok`, up to `MAX_CANDIDATES`.
/// `ok` sees prefixes too and must accept any prefix that could still be completed.
/// `None` when the search ran out of budget (too many ways to tell).
pub fn splits(digits: &str, n: usize, ok: Check) -> Option<Vec<Vec<i64>>> {
    let d = digits.as_bytes();
    let allowed = |b: &u8| b.is_ascii_digit() || *b == b'+' || *b == b'-';
    if n == 0 || d.len() < n || d.len() > n * 17 || !d.iter().all(allowed) {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut cur = Vec::with_capacity(n);
    let mut budget = BUDGET;
    walk(d, 0, n, &mut cur, ok, &mut out, &mut budget).then_some(out)
}

/// The number of the digits `d` (ASCII, perhaps after a sign), saturating.
fn number(d: &[u8]) -> i64 {
    let (neg, digits) = match d.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, d),
    };
    let v = digits.iter().fold(0i64, |a, &b| {
        a.saturating_mul(10)
            .saturating_add(i64::from(b.wrapping_sub(b'0')))
    });
    if neg {
        -v
    } else {
        v
    }
}

/// The longest a cell starting at `pos` may be: a sign and its digits; one digit for a 0; no
/// more than 16 digits; never across the next sign.
fn max_len(d: &[u8], pos: usize) -> usize {
    let sign = usize::from(matches!(d.get(pos), Some(b'+' | b'-')));
    let digits = d
        .get(pos + sign..)
        .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
    match d.get(pos + sign) {
        _ if digits == 0 => 0,
        Some(b'0') => sign + 1,
        _ => sign + digits.min(16),
    }
}

/// Cut `d[pos..]` into the cells still open.
fn walk(
    d: &[u8],
    pos: usize,
    n: usize,
    cur: &mut Vec<i64>,
    ok: Check,
    out: &mut Vec<Vec<i64>>,
    budget: &mut usize,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let left = d.len() - pos;
    let slots = n - cur.len();
    if slots == 0 {
        if left == 0 && ok(cur) && out.len() < MAX_CANDIDATES {
            out.push(cur.clone());
        }
        return true;
    }
    // Each open cell needs a digit, and holds at most 16.
    if left < slots || left > slots * 16 {
        return true;
    }
    let sign = usize::from(matches!(d.get(pos), Some(b'+' | b'-')));
    for len in 1 + sign..=max_len(d, pos) {
        if left - len < slots - 1 {
            break;
        }
        cur.push(number(&d[pos..pos + len]));
        let fine = cur.len() == n || ok(cur);
        let cont = !fine || walk(d, pos + len, n, cur, ok, out, budget);
        cur.pop();
        if !cont {
            return false;
        }
    }
    true
}

/// The splits of a table 三 row of 7 cells whose 总计 is at `total` (0-based in print order):
/// 总计 = the sum of the other six. With 总计 last, as the format prints it, the total is
/// chosen first and the other cells may never exceed it, which prunes almost everything.
pub fn t3_splits(digits: &str, total: usize) -> Option<Vec<[i64; 7]>> {
    let d = digits.as_bytes();
    if d.len() < 7 || d.len() > 7 * 16 || !d.iter().all(u8::is_ascii_digit) {
        return Some(Vec::new());
    }
    if total != 6 {
        let ok = t3_row_ok(total);
        return splits(digits, 7, &ok).map(|v| v.into_iter().filter_map(to7).collect());
    }
    let mut out: Vec<[i64; 7]> = Vec::new();
    let mut budget = BUDGET;
    for len in 1..=(d.len() - 6).min(16) {
        let start = d.len() - len;
        if len > 1 && d[start] == b'0' {
            continue;
        }
        let want = number(&d[start..]);
        let mut cur = [0i64; 7];
        cur[6] = want;
        if !parts(&d[..start], 0, 0, 0, want, &mut cur, &mut out, &mut budget) {
            return None;
        }
    }
    Some(out)
}

/// The six cells before 总计 (`want`): cut `d[pos..]` into cells `k..6` that add up to it. A
/// cell that would pass the total ends the longer cuts (numbers only grow with their digits);
/// cuts whose rest could not reach the total even at its largest are skipped.
#[allow(clippy::too_many_arguments)]
fn parts(
    d: &[u8],
    pos: usize,
    k: usize,
    sum: i64,
    want: i64,
    cur: &mut [i64; 7],
    out: &mut Vec<[i64; 7]>,
    budget: &mut usize,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let left = d.len() - pos;
    let slots = 6 - k;
    if slots == 0 {
        if left == 0 && sum == want && out.len() < MAX_CANDIDATES {
            out.push(*cur);
        }
        return true;
    }
    if left < slots || left > slots * 16 {
        return true;
    }
    for len in 1..=max_len(d, pos).min(left - (slots - 1)) {
        let v = number(&d[pos..pos + len]);
        let s = sum.saturating_add(v);
        if s > want {
            break;
        }
        // The most the other cells could add: one takes every digit but one each for the rest.
        let rest = left - len;
        let more = slots - 1;
        if more > 0 {
            let long = rest - (more - 1);
            let most = if long >= 18 {
                i64::MAX
            } else {
                10i64.pow(long as u32) - 1 + 9 * (more as i64 - 1)
            };
            if s.saturating_add(most) < want {
                continue;
            }
        } else if rest != 0 || s != want {
            continue;
        }
        cur[k] = v;
        if !parts(d, pos + len, k + 1, s, want, cur, out, budget) {
            return false;
        }
    }
    true
}

fn to7(v: Vec<i64>) -> Option<[i64; 7]> {
    <[i64; 7]>::try_from(v).ok()
}

/// Table 三 row: 总计 (at `total`) = the other six.
pub fn t3_row_ok(total: usize) -> impl Fn(&[i64]) -> bool {
    move |v: &[i64]| {
        if v.len() < 7 {
            return true;
        }
        let sum: i64 = v
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != total)
            .map(|(_, x)| x)
            .sum();
        v.get(total) == Some(&sum)
    }
}

/// Table 四 row: in each block of five, 总计 = the four results (checked as blocks complete).
pub fn t4_row_ok(v: &[i64]) -> bool {
    v.chunks_exact(5).all(|b| b[4] == b[0] + b[1] + b[2] + b[3])
}

/// Where each cell of a split of `digits` starts: a number is printed without leading zeros,
/// so its digits (and the sign before them, if one was printed) say where the next one starts.
pub fn offsets(digits: &str, values: &[i64]) -> Vec<usize> {
    let d = digits.as_bytes();
    let mut at = 0;
    values
        .iter()
        .map(|&v| {
            let here = at;
            let sign = usize::from(matches!(d.get(at), Some(b'+' | b'-')));
            at += sign + v.unsigned_abs().to_string().len();
            here
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_the_issue_example() {
        // 20|0|0|0|0|1|21, spaces ignored.
        assert_eq!(
            t3_splits("200000121", 6),
            Some(vec![[20, 0, 0, 0, 0, 1, 21]])
        );
        // The same by the generic search, with 总计 printed first.
        assert_eq!(
            t3_splits("212000001", 0),
            Some(vec![[21, 20, 0, 0, 0, 0, 1]])
        );
    }

    #[test]
    fn real_rows_split_one_way() {
        // 淮安 2024 rows whose every separator was lost.
        for (digits, want) in [
            ("128821005031362", [1288, 21, 0, 0, 50, 3, 1362]),
            ("300153006143119", [3001, 53, 0, 0, 61, 4, 3119]),
            ("44770000454", [447, 7, 0, 0, 0, 0, 454]),
        ] {
            assert_eq!(t3_splits(digits, 6), Some(vec![want]), "{digits}");
        }
    }

    #[test]
    fn reports_every_split_that_fits() {
        // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both add up.
        let s = t3_splits("110000011", 6).unwrap();
        assert_eq!(s.len(), 2);
        assert!(s.contains(&[11, 0, 0, 0, 0, 0, 11]));
        assert!(s.contains(&[1, 10, 0, 0, 0, 0, 11]));
    }

    #[test]
    fn recovers_a_table_four_row() {
        let s = splits("72641783735113481261211620", 15, &t4_row_ok).unwrap();
        assert!(s.contains(&vec![
            72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20
        ]));
        let zeros = splits("000000000000000", 15, &t4_row_ok).unwrap();
        assert_eq!(zeros, vec![vec![0; 15]]);
    }

    #[test]
    fn offsets_follow_the_digits() {
        assert_eq!(
            offsets("128821005031362", &[1288, 21, 0, 0, 50, 3, 1362]),
            [0, 4, 6, 7, 8, 10, 11]
        );
        assert_eq!(offsets("0+156", &[0, 156]), [0, 1]);
    }

    #[test]
    fn a_sign_only_starts_a_cell() {
        assert_eq!(splits("0+156", 2, &|_| true), Some(vec![vec![0, 156]]));
        assert_eq!(splits("27+6571", 3, &|_| true).unwrap().len(), 4);
        assert_eq!(splits("1-14", 2, &|_| true), Some(vec![vec![1, -14]]));
        assert_eq!(splits("1+", 2, &|_| true), Some(vec![]));
    }

    #[test]
    fn long_rows_split_within_budget() {
        // 3349|11|436|970|3989|1472|… with totals in the tens of thousands: the totals' size
        // prunes the search.
        let s = t3_splits("33491143697039891472235219275", 6).unwrap();
        assert!(s.iter().all(|v| v[..6].iter().sum::<i64>() == v[6]));
        assert!(!s.is_empty());
    }

    #[test]
    fn gives_up_within_budget() {
        let long = "123456789".repeat(10);
        assert!(splits(&long, 40, &|_| true).is_none_or(|v| v.is_empty()));
        assert!(t3_splits(&"9".repeat(100), 6).is_none_or(|v| v.is_empty()));
    }
}
