//! One row's values after its label, the way each kind of input prints them, and the order of
//! the rows found (the official label sequence).

use super::super::doc::{Doc, TokKind};
use super::super::norm::is_digits;

/// A row's values as read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowVals {
    /// Token per cell (an `Empty` token for a cell printed empty), in print order; `None` for
    /// a cell that left no token at all (a row printed empty, or a blank in laid-out text).
    Cells(Vec<Option<usize>>),
    /// Digits whose separators were lost: the value tokens that hold them.
    Glued(Vec<usize>),
    /// Laid-out text (pdftotext): fewer numbers than cells on one line, blanks having left no
    /// trace; placed by their columns where the table's complete rows show them.
    Short(Vec<usize>),
    /// Numbers that cannot be placed in cells.
    Unreadable(Vec<usize>),
}

/// A row read: its values, the last token it used, and the value tokens it took.
pub struct Row {
    pub vals: RowVals,
    pub last: usize,
}

/// Non-label text tolerated between a label and its values (a wrapped label's other pieces;
/// the one or two characters a line of a vertical group label, 三、/本/年/度…, do not count).
const NOISE: usize = 3;

/// The values after the row label at token `i`, for a row of `n` cells, up to `end` or the next
/// label (`is_label`).
pub fn read_row(doc: &Doc, i: usize, end: usize, n: usize, is_label: &dyn Fn(&str) -> bool) -> Row {
    let tok = |k: usize| doc.tok(k);
    let line = doc.line_of(i);
    let multi = line.is_some_and(|l| l.multi);
    let glued = line.is_some_and(|l| l.glued);
    // The label's line is a range of tokens: "on its line" is a comparison.
    let (a, b) = doc.line_range_of(i);
    let on_lab = |k: usize| a <= k && k < b;
    let mut items: Vec<usize> = Vec::new();
    let (mut nvals, mut noise, mut next_label, mut last) = (0usize, 0usize, false, i);
    // Whether a value on the label's own line was taken.
    let mut own_value = false;
    let mut j = i + 1;
    while j < end {
        let t = tok(j);
        if glued && !on_lab(j) {
            // A piece of a run-together line holds its row's digits, and nothing else does.
            next_label = t.kind == TokKind::Text && is_label(t.fold());
            break;
        }
        match t.kind {
            TokKind::Text => {
                if is_label(t.fold()) {
                    next_label = true;
                    break;
                }
                // Text after the row's numbers ends it; in laid-out text, only once a line of
                // them is whole (a stray number may stand before a wrapped label's last piece).
                if nvals > 0 && (!doc.layout || has_full_line(doc, &items, n)) {
                    break;
                }
                noise += usize::from(t.raw.chars().count() > 2);
                if noise > NOISE {
                    break;
                }
            }
            TokKind::Value | TokKind::Empty => {
                let row_done = multi && !on_lab(j) && own_value;
                // Laid-out text reads on to the next label: a stray number (a page number, a
                // number of the wrapped label) may come first, the row's line after it.
                // A run-together piece holds the row's digits, however many they look.
                // (A row of cells reads to its line's end: its own cells tell.)
                let full = !doc.layout
                    && !glued
                    && t.kind == TokKind::Value
                    && nvals == n
                    && (!multi || !on_lab(j));
                if row_done || full {
                    break;
                }
                if t.kind == TokKind::Value {
                    nvals += 1;
                    own_value |= on_lab(j);
                }
                items.push(j);
                last = j;
            }
        }
        j += 1;
    }
    let mut values: Vec<usize> = Vec::with_capacity(nvals);
    values.extend(
        items
            .iter()
            .copied()
            .filter(|&k| doc.kind(k) == TokKind::Value),
    );
    let all_digits = !values.is_empty() && values.iter().all(|&k| is_digits(tok(k).raw));
    // Digits and signs (`0 +1 56` for 0|+156): what glued cells may hold.
    let all_signed = !values.is_empty()
        && values.iter().all(|&k| {
            let r = tok(k).raw.trim_start_matches(['+', '-']);
            is_digits(r)
        });
    let vals = if glued {
        if all_signed {
            RowVals::Glued(values)
        } else if values.len() == 1 && n == 1 {
            // One cell (a decimal amount, 96171.6): nothing to split.
            RowVals::Cells(values.into_iter().map(Some).collect())
        } else if values.is_empty() && next_label {
            RowVals::Cells(vec![None; n])
        } else {
            RowVals::Unreadable(items)
        }
    } else if multi {
        multi_row(doc, i, items, values, n, all_digits, is_label)
    } else if doc.layout {
        laid_out(doc, doc.tok(i).line(), end, &items, &values, n, next_label)
    } else if nvals == n {
        RowVals::Cells(values.into_iter().map(Some).collect())
    } else if nvals == 0 && next_label {
        // One cell per paragraph, where empty cells vanish: the next label right after this one.
        RowVals::Cells(vec![None; n])
    } else if all_digits && digit_count(doc, &values) >= n {
        RowVals::Glued(values)
    } else {
        RowVals::Unreadable(items)
    };
    Row { vals, last }
}

/// Whether some line among `items` holds `n` values.
fn has_full_line(doc: &Doc, items: &[usize], n: usize) -> bool {
    let lines: Vec<(u32, bool)> = items
        .iter()
        .map(|&k| (doc.tok(k).line(), doc.kind(k) == TokKind::Value))
        .collect();
    lines
        .iter()
        .any(|&(line, _)| lines.iter().filter(|&&(l, v)| l == line && v).count() == n)
}

fn digit_count(doc: &Doc, values: &[usize]) -> usize {
    values.iter().map(|&k| doc.tok(k).raw.chars().count()).sum()
}

/// A `|`, tab or HTML row: the cells on the label's own line (empty ones included).
fn multi_row(
    doc: &Doc,
    label: usize,
    items: Vec<usize>,
    values: Vec<usize>,
    n: usize,
    all_digits: bool,
    is_label: &dyn Fn(&str) -> bool,
) -> RowVals {
    let kind = |k: usize| doc.kind(k);
    let b = doc.line_range_of(label).1;
    // Exactly the row's cells after the label, one holding text where a number belongs
    // (`三九八`, `十二`): that cell is read as it is, so the rules quote it. (More cells than
    // the row's: no need to count them all.)
    let mut cells: Vec<usize> = Vec::new();
    for (k, t) in doc.toks(label + 1, b) {
        if cells.len() > n || (t.kind == TokKind::Text && is_label(t.fold())) {
            break;
        }
        if cells.last().is_none_or(|&c| !doc.same_cell(c, k)) {
            cells.push(k);
        }
    }
    if cells.len() == n && cells.iter().any(|&k| kind(k) == TokKind::Text) {
        return RowVals::Cells(cells.into_iter().map(Some).collect());
    }
    // The items on the label's own line come first (slices, not copies: a row of a million
    // cells is a million items).
    let same_row = &items[..items.partition_point(|&k| k < b)];
    let trimmed = &same_row[..same_row
        .iter()
        .rposition(|&k| kind(k) != TokKind::Empty)
        .map_or(0, |p| p + 1)];
    let nvals = values.len();
    // Two numbers in one cell (`398 5758`): a space inside a number, or a cell printed twice.
    // Never two cells: split by the table's sums like digits that ran together, or said.
    let shared = same_row.windows(2).any(|w| {
        kind(w[0]) == TokKind::Value && kind(w[1]) == TokKind::Value && doc.same_cell(w[0], w[1])
    });
    if shared {
        return if all_digits {
            RowVals::Glued(values)
        } else {
            RowVals::Unreadable(items)
        };
    }
    if trimmed.len() == n {
        RowVals::Cells(trimmed.iter().copied().map(Some).collect())
    } else if nvals == n {
        RowVals::Cells(values.into_iter().map(Some).collect())
    } else if nvals == 0 && same_row.len() >= n {
        // Printed empty: empty cells on the label's own row. (A row with no cells at all, or
        // with text where its numbers belong, is not a row of blanks.)
        RowVals::Cells(vec![None; n])
    } else if same_row.len() >= n {
        // The row's own cells, the trailing ones blank.
        RowVals::Cells(same_row.iter().copied().take(n).map(Some).collect())
    } else if all_digits && digit_count(doc, &values) >= n {
        RowVals::Glued(values)
    } else {
        RowVals::Unreadable(items)
    }
}

/// Laid-out text: the row's numbers are on one line; a lone number on a line of its own is a
/// stray (a page number, a footnote mark) unless nothing else is there.
#[allow(clippy::too_many_arguments)]
fn laid_out(
    doc: &Doc,
    lab_line: u32,
    end: usize,
    items: &[usize],
    values: &[usize],
    n: usize,
    next_label: bool,
) -> RowVals {
    let line = |k: usize| doc.tok(k).line();
    if values.is_empty() {
        // Printed empty (blanks print nothing): up to the next label, or to the end of the
        // table where another part begins; a text that stops short ends nothing.
        let table_ended = items.is_empty() && end < doc.tok_count();
        return if next_label || table_ended {
            RowVals::Cells(vec![None; n])
        } else {
            RowVals::Unreadable(items.to_vec())
        };
    }
    // Lines of values, in order, as ranges of `values` (one pass, nothing kept per line):
    // the label's own line of `n` and the first line of `n`; the lines of two or more.
    let (mut own_whole, mut first_whole) = (None, None);
    let (mut lines, mut rows, mut first_row) = (0usize, 0usize, None);
    let mut from = 0;
    while from < values.len() {
        let l = values.get(from).map_or(0, |&k| line(k));
        let to = from + values[from..].iter().take_while(|&&k| line(k) == l).count();
        let len = to - from;
        if len == n {
            first_whole = first_whole.or(Some((from, to)));
            if l == lab_line {
                own_whole = own_whole.or(Some((from, to)));
            }
        }
        if len >= 2 {
            rows += 1;
            first_row = first_row.or(Some((from, to)));
        }
        lines += 1;
        from = to;
    }
    let cells = |(a, b): (usize, usize)| values[a..b].iter().copied().map(Some).collect();
    // The label's own line first (a stray may stand before the row's numbers), then the first.
    if let Some(r) = own_whole.or(first_whole) {
        return RowVals::Cells(cells(r));
    }
    // Lone numbers are strays when a line of the row's own is there.
    match (rows, first_row) {
        // Lone numbers only: a row of table 三 or 四 with one number cannot add up (its total
        // would be another), so a lone number is said, never placed.
        (0, _) | (_, None) => RowVals::Unreadable(items.to_vec()),
        // The row's numbers, its blanks having left no trace: placed by their columns.
        (1, Some((a, b))) if b - a < n => RowVals::Short(values[a..b].to_vec()),
        // A row set over lines (a top-aligned total): whole only without strays.
        _ if rows == lines && values.len() == n => {
            RowVals::Cells(values.iter().copied().map(Some).collect())
        }
        _ => RowVals::Unreadable(items.to_vec()),
    }
}

/// The longest strictly increasing subsequence of `(position, row)` by row, keeping the
/// earliest of equal rows: the official order picks the real labels out of stray matches (a
/// row label quoted in a note, a label printed twice).
pub fn in_order(found: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Patience sorting: tails[k] = index into `found` of the smallest row ending a run of k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; found.len()];
    for (i, &(_, row)) in found.iter().enumerate() {
        let k = tails.partition_point(|&t| found[t].1 < row);
        if tails.get(k).is_some_and(|&t| found[t].1 == row) {
            continue; // an equal row already ends a run this long: keep the earlier one
        }
        prev[i] = k.checked_sub(1).and_then(|p| tails.get(p).copied());
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(found[i]);
        at = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_official_order() {
        let rows = |v: &[(usize, usize)]| in_order(v).iter().map(|x| x.1).collect::<Vec<_>>();
        assert_eq!(rows(&[(0, 0), (1, 1), (2, 2)]), [0, 1, 2]);
        // A stray late row early on, and a repeated label: dropped.
        assert_eq!(
            rows(&[(0, 0), (1, 24), (2, 1), (3, 2), (4, 2), (5, 3)]),
            [0, 1, 2, 3]
        );
        assert_eq!(in_order(&[(0, 5), (7, 5)]), [(0, 5)]);
        assert!(in_order(&[]).is_empty());
    }
}
