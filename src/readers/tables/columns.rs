//! Table 三's columns: which printed column is 自然人, 商业企业, …, 总计. The format fixes the
//! order, but a header may be written without its spans (fewer cells than the rows under it),
//! scattered over lines, or lost; a wrong mapping gives confident false errors (「应为 40 …
//! 现为 0」). So the header is read by grid position only when it lines up with the rows'
//! cells, else in reading order (the group label 法人或其他组织 standing for its five columns),
//! else the format's order is assumed; and whichever it is, the rows' own sums must agree
//! with where it puts 总计. When they point at another column, the mapping is uncertain and
//! the table is not read.

use super::super::doc::{Doc, TokKind};
use super::super::labels;

/// The format's order (indices into `T3_COLUMNS`).
pub const CANONICAL: [usize; 7] = [0, 1, 2, 3, 4, 5, 6];

/// Where the printed columns go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// `order[k]` is the `T3_COLUMNS` index of the k-th printed value.
    Known([usize; 7]),
    /// The header and the rows disagree: the columns cannot be told.
    Uncertain,
}

/// The header's column labels between `start` and the first row, as (column, grid column,
/// line); column 7 is the group label 法人或其他组织.
fn header(doc: &Doc, start: usize, first_row: usize) -> Vec<(usize, u32, u32)> {
    (start..first_row)
        .filter_map(|i| {
            let t = (i < doc.tok_count()).then(|| doc.tok(i))?;
            (t.kind == TokKind::Text)
                .then(|| labels::t3_column(t.fold()))
                .flatten()
                .map(|c| (c, t.col(), t.line()))
        })
        .collect()
}

/// A permutation of the seven columns, or `None`.
fn permutation(order: &[usize]) -> Option<[usize; 7]> {
    let mut seen = [false; 7];
    let ok = order.len() == 7
        && order
            .iter()
            .all(|&c| c < 7 && !std::mem::replace(&mut seen[c], true));
    ok.then(|| {
        let mut a = CANONICAL;
        a.copy_from_slice(order);
        a
    })
}

/// By grid position (HTML): each of the row's value columns under exactly one leaf label.
fn by_grid(found: &[(usize, u32, u32)], data_cols: &[u32; 7]) -> Option<[usize; 7]> {
    let order: Vec<usize> = data_cols
        .iter()
        .map(|g| {
            let here: Vec<usize> = found
                .iter()
                .filter(|f| f.0 < 7 && f.1 == *g)
                .map(|f| f.0)
                .collect();
            match here.as_slice() {
                [c] => Some(*c),
                _ => None,
            }
        })
        .collect::<Option<Vec<usize>>>()?;
    permutation(&order)
}

/// In reading order: the top labels, the group label replaced by its five sub-columns.
fn by_reading(found: &[(usize, u32, u32)]) -> Option<[usize; 7]> {
    let mut top: Vec<usize> = Vec::new();
    let mut subs: Vec<usize> = Vec::new();
    for &(c, _, _) in found {
        if (1..=5).contains(&c) {
            if !subs.contains(&c) {
                subs.push(c);
            }
        } else if subs.is_empty() && !top.contains(&c) {
            top.push(c);
        }
    }
    let mut o = Vec::new();
    for c in top {
        if c == 7 {
            o.append(&mut subs);
        } else {
            o.push(c);
        }
    }
    o.extend(subs);
    permutation(&o)
}

/// The columns of table 三. `rows` are the numbers of rows read whole, in print order;
/// `data_cols` the grid columns of an HTML row's seven cells.
pub fn t3_order(
    doc: &Doc,
    start: usize,
    first_row: usize,
    rows: &[[i64; 7]],
    data_cols: Option<[u32; 7]>,
) -> Order {
    // pdftotext scatters header words over lines: its header is no evidence at all.
    let found = if doc.layout {
        Vec::new()
    } else {
        header(doc, start, first_row)
    };
    let order = data_cols
        .filter(|_| doc.html)
        .and_then(|d| by_grid(&found, &d))
        .or_else(|| by_reading(&found))
        .unwrap_or(CANONICAL);
    let total = order.iter().position(|&c| c == 6).unwrap_or(6);
    if sums_agree(rows, total) {
        Order::Known(order)
    } else {
        Order::Uncertain
    }
}

/// Whether the rows' sums agree that 总计 is printed at `total`: it must hold in every row
/// whose numbers tell (not all 0) where another column would do better. A row that breaks at
/// `total` is a report's own error, unless another column is the sum of the rest in each such
/// row and in more rows than `total` is.
fn sums_agree(rows: &[[i64; 7]], total: usize) -> bool {
    let holds = |r: &[i64; 7], p: usize| {
        let rest: i64 = r
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != p)
            .map(|(_, v)| v)
            .sum();
        r[p] == rest
    };
    let telling: Vec<&[i64; 7]> = rows.iter().filter(|r| r.iter().any(|&v| v != 0)).collect();
    let failing: Vec<&&[i64; 7]> = telling.iter().filter(|r| !holds(r, total)).collect();
    if failing.is_empty() {
        return true;
    }
    let score = |p: usize| telling.iter().filter(|r| holds(r, p)).count();
    !(0..7).any(|p| p != total && failing.iter().all(|r| holds(r, p)) && score(p) > score(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_that_add_up_elsewhere_make_the_order_uncertain() {
        // 总计 printed first, header lost: the format's order would put it last.
        let rows = [[40, 30, 0, 0, 10, 0, 0], [12, 12, 0, 0, 0, 0, 0]];
        assert!(!sums_agree(&rows, 6));
        assert!(sums_agree(&rows, 0));
        // One real error among rows that add up: still the format's order.
        let rows = [
            [20, 0, 0, 0, 0, 1, 20],
            [12, 0, 0, 0, 0, 0, 12],
            [5, 0, 0, 0, 0, 0, 5],
        ];
        assert!(sums_agree(&rows, 6));
        // All zeros tell nothing.
        assert!(sums_agree(&[[0; 7]], 6));
    }

    #[test]
    fn reading_order_expands_the_group() {
        let found = [
            (0, 0, 1),
            (7, 1, 1),
            (6, 2, 1),
            (1, 0, 2),
            (2, 1, 2),
            (3, 2, 2),
            (4, 3, 2),
            (5, 4, 2),
        ];
        assert_eq!(by_reading(&found), Some(CANONICAL));
        // The same header without spans: its grid columns do not line up with the data's.
        assert_eq!(by_grid(&found, &[1, 2, 3, 4, 5, 6, 7]), None);
    }
}
