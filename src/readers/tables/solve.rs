//! Solving table 三 as a whole. Rows whose separators were lost come with every split that
//! satisfies their own row total; the table's column equations — （七）总计 = Σ results and
//! 一 + 二 = （七） + 四, in each of the seven columns — then choose among them, all rows at
//! once. A row is read when every solution of the table gives it the same values; when the
//! solutions differ it is ambiguous, with the splits that fit; when no choice satisfies the
//! equations (real tables have errors) nothing is forced: each row keeps what its own total
//! allows. The search is bounded: past its budget, every undecided row is ambiguous.

use crate::model::layout::{Format, Formats, T3Role, T3_ROWS};

/// One row of table 三 (cells in `T3_COLUMNS` order).
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Not found in the document.
    Missing,
    /// Read cell by cell; `None` for a cell that holds no integer (blanks count as 0 here).
    Fixed([Option<i64>; 7]),
    /// Split candidates of digits whose separators were lost.
    Cands(Vec<[i64; 7]>),
    /// Found, but its cells could not be read.
    Unreadable,
}

/// What became of a row of candidates.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// One split fits.
    Read([i64; 7]),
    /// Several splits fit (the table's solutions, or the row's own when the table has none).
    Ambiguous(Vec<[i64; 7]>),
    /// No split fits even the row's own total.
    Unreadable,
}

/// A row's cells in `T3_COLUMNS` order.
type Cells = [i64; 7];
/// Called with each solution (the pick per row); false to stop searching.
type Found<'a> = &'a mut dyn FnMut(&[Option<Cells>]) -> bool;

/// Steps of the joint search, and solutions collected, before giving up.
const BUDGET: usize = 100_000;
const MAX_SOLUTIONS: usize = 64;

/// A column equation: `Σ coef · row = 0`, per column.
struct Eq {
    terms: Vec<(usize, i64)>,
    /// Columns where every fixed row holds a number.
    cols: [bool; 7],
}

/// The equations that the rows found allow.
fn equations(rows: &[Row]) -> Vec<Eq> {
    let role = |r: usize| T3_ROWS[r].role;
    let of = |want: T3Role| (0..T3_ROWS.len()).find(|&r| role(r) == want);
    let present = |r: usize| matches!(rows.get(r), Some(Row::Fixed(_) | Row::Cands(_)));
    let mut out: Vec<Vec<(usize, i64)>> = Vec::new();
    let (Some(received), Some(over), Some(total), Some(forward)) = (
        of(T3Role::Received),
        of(T3Role::CarriedOver),
        of(T3Role::ResultsTotal),
        of(T3Role::CarriedForward),
    ) else {
        return Vec::new();
    };
    // （七）= Σ results: every result row present, with one of the two forms of （六）.
    let results = |f: Format| -> Vec<usize> {
        (0..T3_ROWS.len())
            .filter(|&r| role(r) == T3Role::Result && T3_ROWS[r].formats.has(f))
            .collect()
    };
    let both = |r: usize| T3_ROWS[r].formats == Formats::Both;
    for f in [Format::F2019, Format::F2021] {
        let rs = results(f);
        let own: Vec<usize> = rs.iter().copied().filter(|&r| !both(r)).collect();
        let other: Vec<usize> = results(f.other())
            .into_iter()
            .filter(|&r| !both(r))
            .collect();
        if rs.iter().all(|&r| present(r))
            && !other.iter().any(|&r| present(r))
            && !own.is_empty()
            && present(total)
        {
            let mut terms: Vec<(usize, i64)> = rs.iter().map(|&r| (r, 1)).collect();
            terms.push((total, -1));
            out.push(terms);
        }
    }
    if [received, over, total, forward].iter().all(|&r| present(r)) {
        out.push(vec![(received, 1), (over, 1), (total, -1), (forward, -1)]);
    }
    out.into_iter()
        .map(|terms| {
            let mut cols = [true; 7];
            for &(r, _) in &terms {
                if let Some(Row::Fixed(v)) = rows.get(r) {
                    for (c, x) in v.iter().enumerate() {
                        cols[c] &= x.is_some();
                    }
                }
            }
            Eq { terms, cols }
        })
        .collect()
}

/// Whether `eq` holds for the values `val(row)` (every row of it known).
fn holds(eq: &Eq, val: &dyn Fn(usize) -> Option<[i64; 7]>) -> Option<bool> {
    let mut sum = [0i64; 7];
    for &(r, k) in &eq.terms {
        let v = val(r)?;
        for c in 0..7 {
            sum[c] += k * v[c];
        }
    }
    Some((0..7).all(|c| !eq.cols[c] || sum[c] == 0))
}

/// Solve: an outcome for every row given as `Cands`, by `T3_ROWS` index.
// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
pub fn solve(rows: &[Row]) -> Vec<Option<Outcome>> {
    let eqs = equations(rows);
    let fixed = |r: usize| -> Option<[i64; 7]> {
        match rows.get(r) {
            Some(Row::Fixed(v)) => Some(v.map(|x| x.unwrap_or(0))),
            _ => None,
        }
    };
    // Candidates still open, per row.
    let mut cands: Vec<Option<Vec<[i64; 7]>>> = rows
        .iter()
        .map(|r| match r {
            Row::Cands(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    // Rows of one candidate are known; an equation with one unknown row filters it (unless
    // nothing would be left: then the table is inconsistent there, and the equation says
    // nothing about the split).
    let mut progress = true;
    while progress {
        progress = false;
        for eq in &eqs {
            let unknown: Vec<usize> = eq
                .terms
                .iter()
                .map(|t| t.0)
                .filter(|&r| cands[r].as_ref().is_some_and(|c| c.len() > 1))
                .collect();
            let [row] = unknown.as_slice() else {
                continue;
            };
            let known = |r: usize| match &cands[r] {
                Some(c) if c.len() == 1 => c.first().copied(),
                Some(_) => None,
                None => fixed(r),
            };
            let Some(list) = cands[*row].clone() else {
                continue;
            };
            let kept: Vec<[i64; 7]> = list
                .iter()
                .copied()
                .filter(|cand| {
                    holds(eq, &|r| if r == *row { Some(*cand) } else { known(r) }) == Some(true)
                })
                .collect();
            if !kept.is_empty() && kept.len() < list.len() {
                cands[*row] = Some(kept);
                progress = true;
            }
        }
    }
    let open: Vec<usize> = (0..rows.len())
        .filter(|&r| cands[r].as_ref().is_some_and(|c| c.len() > 1))
        .collect();
    let mut possible: Vec<Vec<[i64; 7]>> = vec![Vec::new(); rows.len()];
    let decided = if open.is_empty() {
        false
    } else {
        joint(&eqs, &cands, &fixed, &open, &mut possible)
    };
    (0..rows.len())
        .map(|r| {
            let list = cands[r].as_ref()?;
            Some(match list.as_slice() {
                [] => Outcome::Unreadable,
                [one] => Outcome::Read(*one),
                many if decided => match possible[r].as_slice() {
                    [one] => Outcome::Read(*one),
                    [] => Outcome::Ambiguous(many.to_vec()),
                    some => Outcome::Ambiguous(some.to_vec()),
                },
                many => Outcome::Ambiguous(many.to_vec()),
            })
        })
        .collect()
}

/// Search the open rows' candidates together; fill `possible` with the values each open row
/// takes in some solution. False when there is no solution, too many, or the budget ran out.
fn joint(
    eqs: &[Eq],
    cands: &[Option<Vec<[i64; 7]>>],
    fixed: &dyn Fn(usize) -> Option<[i64; 7]>,
    open: &[usize],
    possible: &mut [Vec<[i64; 7]>],
) -> bool {
    // Only equations with an open row decide anything.
    let used: Vec<&Eq> = eqs
        .iter()
        .filter(|e| e.terms.iter().any(|t| open.contains(&t.0)))
        .collect();
    if used.is_empty() {
        return false;
    }
    let mut pick: Vec<Option<[i64; 7]>> = vec![None; cands.len()];
    let mut solutions = 0usize;
    let mut budget = BUDGET;
    let ok = search(
        &used,
        cands,
        fixed,
        open,
        0,
        &mut pick,
        &mut |pick| {
            for &r in open {
                if let Some(v) = pick[r] {
                    if !possible[r].contains(&v) {
                        possible[r].push(v);
                    }
                }
            }
            solutions += 1;
            solutions < MAX_SOLUTIONS
        },
        &mut budget,
    );
    ok && solutions > 0
}

/// Depth-first over the open rows; an equation is checked as soon as all its rows are chosen.
/// Returns false when stopped (budget, or `found` asked to stop).
#[allow(clippy::too_many_arguments)]
fn search(
    eqs: &[&Eq],
    cands: &[Option<Vec<[i64; 7]>>],
    fixed: &dyn Fn(usize) -> Option<[i64; 7]>,
    open: &[usize],
    depth: usize,
    pick: &mut Vec<Option<[i64; 7]>>,
    found: Found,
    budget: &mut usize,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let Some(&row) = open.get(depth) else {
        return found(pick);
    };
    let Some(list) = cands[row].as_ref() else {
        return true;
    };
    for cand in list {
        pick[row] = Some(*cand);
        let val = |r: usize| match &cands[r] {
            Some(c) if c.len() == 1 => c.first().copied(),
            Some(_) => pick[r],
            None => fixed(r),
        };
        // Equations whose last open row is this one can be checked now.
        let fine = eqs.iter().all(|e| {
            let done = e
                .terms
                .iter()
                .all(|t| !open.contains(&t.0) || pick[t.0].is_some());
            !done || holds(e, &val) != Some(false)
        });
        if fine && !search(eqs, cands, fixed, open, depth + 1, pick, found, budget) {
            pick[row] = None;
            return false;
        }
    }
    pick[row] = None;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A consistent 2019-layout table 三 in the 自然人 and 总计 columns, others 0.
    fn table() -> Vec<Row> {
        let row = |n: i64| {
            Row::Fixed([
                Some(n),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(n),
            ])
        };
        let mut rows: Vec<Row> = T3_ROWS
            .iter()
            .map(|r| match r.formats {
                Formats::Only(Format::F2021) => Row::Missing,
                _ => row(0),
            })
            .collect();
        rows[0] = row(11); // 一
        rows[2] = row(11); // （一）
        rows[24] = row(11); // （七）
        rows
    }

    fn v(n: i64, m: i64) -> [i64; 7] {
        [n, m, 0, 0, 0, 0, n + m]
    }

    #[test]
    fn the_columns_decide_a_row_its_total_cannot() {
        let mut rows = table();
        rows[0] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        let out = solve(&rows);
        assert_eq!(out[0], Some(Outcome::Read(v(11, 0))));
        assert_eq!(out[1], None);
    }

    #[test]
    fn two_open_rows_are_decided_together() {
        // 一 and （七） both glued the same way: each alone has two splits; the balance rule
        // allows (11,11) and (1|10, 1|10), and （七）= Σ results then picks 11.
        let mut rows = table();
        rows[0] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        rows[24] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        let out = solve(&rows);
        assert_eq!(out[0], Some(Outcome::Read(v(11, 0))));
        assert_eq!(out[24], Some(Outcome::Read(v(11, 0))));
    }

    #[test]
    fn ambiguity_is_said_with_the_splits_that_fit() {
        let mut rows = table();
        rows[0] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        rows[2] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        rows[24] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        let out = solve(&rows);
        for r in [0, 2, 24] {
            assert_eq!(
                out[r],
                Some(Outcome::Ambiguous(vec![v(11, 0), v(1, 10)])),
                "{r}"
            );
        }
    }

    #[test]
    fn an_inconsistent_table_forces_nothing() {
        // （七） says 12: no choice for 一 satisfies 一 + 二 = （七） + 四.
        let mut rows = table();
        rows[24] = Row::Fixed([
            Some(12),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(12),
        ]);
        rows[0] = Row::Cands(vec![v(11, 0), v(1, 10)]);
        let out = solve(&rows);
        assert_eq!(out[0], Some(Outcome::Ambiguous(vec![v(11, 0), v(1, 10)])));
        // A row with one split keeps it.
        rows[0] = Row::Cands(vec![v(11, 0)]);
        assert_eq!(solve(&rows)[0], Some(Outcome::Read(v(11, 0))));
        rows[0] = Row::Cands(vec![]);
        assert_eq!(solve(&rows)[0], Some(Outcome::Unreadable));
    }
}
