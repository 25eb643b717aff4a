//! Recovering cells whose separators an archive stripped: `200 000121` for a row of seven cells
//! is `20|0|0|0|0|1|21`. Every way of cutting the digit runs into the row's number of cells is
//! tried (no part with a leading zero); the table's own sums then pick the split. The reader
//! accepts a split only when exactly one satisfies them, and otherwise reports the cells as
//! ambiguous: it never guesses.

/// Work budget: splits explored before giving up (a run of 15 zeros has one split; a hostile
/// run of digits must not take long).
const BUDGET: usize = 200_000;
/// Candidates kept for the table-wide check.
pub const MAX_CANDIDATES: usize = 512;

/// A check on a split: called on every prefix (to prune early) and on the whole row.
pub type Check<'a> = &'a dyn Fn(&[i64]) -> bool;

/// All splits of `runs` into exactly `n` numbers that satisfy `ok`, up to `MAX_CANDIDATES`.
/// `ok` sees prefixes too and must accept any prefix that could still be completed.
/// `None` when the search ran out of budget (too many ways to tell).
pub fn splits(runs: &[String], n: usize, ok: Check) -> Option<Vec<Vec<i64>>> {
    let digits: usize = runs.iter().map(|r| r.len()).sum();
    if runs.is_empty() || runs.len() > n || digits < n || digits > n * 16 {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut cur = Vec::with_capacity(n);
    let mut budget = BUDGET;
    let done = walk(runs, 0, 0, n, &mut cur, ok, &mut out, &mut budget);
    done.then_some(out)
}

/// Cut `runs[r][pos..]` and the runs after it into the remaining cells.
#[allow(clippy::too_many_arguments)]
fn walk(
    runs: &[String],
    r: usize,
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
    if r == runs.len() {
        if cur.len() == n && ok(cur) && out.len() < MAX_CANDIDATES {
            out.push(cur.clone());
        }
        return true;
    }
    let run = runs[r].as_bytes();
    let left_here = run.len() - pos;
    let left_after: usize = runs[r + 1..].iter().map(|s| s.len()).sum();
    let runs_after = runs.len() - r - 1;
    let slots = n - cur.len();
    // Each later run needs at least one cell, and no cell can hold more than its digits.
    if slots < 1 + runs_after || slots > left_here + left_after {
        return true;
    }
    let max_len = if run[pos] == b'0' {
        1
    } else {
        left_here.min(16)
    };
    for len in 1..=max_len {
        let end = pos + len;
        let part = &run[pos..end];
        let v = part.iter().fold(0i64, |a, &b| {
            a.saturating_mul(10).saturating_add((b - b'0') as i64)
        });
        cur.push(v);
        if cur.len() < n && !ok(cur) {
            cur.pop();
            continue;
        }
        let cont = if end == run.len() {
            walk(runs, r + 1, 0, n, cur, ok, out, budget)
        } else {
            walk(runs, r, end, n, cur, ok, out, budget)
        };
        cur.pop();
        if !cont {
            return false;
        }
    }
    true
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

/// Table 四 row: in each block of five, 总计 = the four results.
pub fn t4_row_ok(v: &[i64]) -> bool {
    v.chunks_exact(5).all(|b| b[4] == b[0] + b[1] + b[2] + b[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn recovers_the_issue_example() {
        // 淮安-style row, separators lost: 20|0|0|0|0|1|21.
        let s = splits(&runs("200 000121"), 7, &t3_row_ok(6)).unwrap();
        assert_eq!(s, vec![vec![20, 0, 0, 0, 0, 1, 21]]);
    }

    #[test]
    fn reports_two_valid_splits() {
        // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both add up.
        let s = splits(&runs("110000011"), 7, &t3_row_ok(6)).unwrap();
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn recovers_a_table_four_row() {
        // 淮安 2024 table 四 with every separator lost but the block boundaries.
        let s = splits(&runs("72641783735113481261211620"), 15, &t4_row_ok).unwrap();
        assert!(s.contains(&vec![
            72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20
        ]));
        let zeros = splits(&runs("000000000000000"), 15, &t4_row_ok).unwrap();
        assert_eq!(zeros, vec![vec![0; 15]]);
    }

    #[test]
    fn gives_up_within_budget() {
        let long = "123456789".repeat(10);
        assert!(splits(&[long], 40, &|_| true).is_none_or_empty());
    }

    trait NoneOrEmpty {
        fn is_none_or_empty(&self) -> bool;
    }
    impl NoneOrEmpty for Option<Vec<Vec<i64>>> {
        fn is_none_or_empty(&self) -> bool {
            self.as_ref().is_none_or(|v| v.is_empty())
        }
    }
}
