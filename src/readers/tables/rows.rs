//! One row's values after its label, the way each kind of input prints them, and the order of
//! the rows found (the official label sequence).

use super::super::doc::{Doc, TokKind};
use super::super::norm::is_digits;

/// The tokens a row took, as the span they lie in: the span's tokens that are not text (the
/// row's items), or only its values. Text in the span was passed over, never taken, so the span
/// says which: a row of a million cells is two numbers, not a list of a million.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub from: usize,
    pub to: usize,
    /// Only the values (else values and empty cells).
    pub values: bool,
}

impl Taken {
    pub fn iter<'d>(self, doc: &'d Doc) -> impl Iterator<Item = usize> + 'd {
        (self.from..self.to).filter(move |&k| self.has(doc, k))
    }

    /// Whether token `k` is one of them.
    pub fn has(self, doc: &Doc, k: usize) -> bool {
        self.from <= k
            && k < self.to
            && match doc.kind(k) {
                TokKind::Text => false,
                TokKind::Value => true,
                TokKind::Empty => !self.values,
            }
    }

    pub fn count(self, doc: &Doc) -> usize {
        self.iter(doc).count()
    }

    /// Only the values of these.
    pub fn values(self) -> Taken {
        Taken {
            values: true,
            ..self
        }
    }
}

/// A row's values as read.
#[derive(Debug, Clone, PartialEq)]
pub enum RowVals {
    /// Token per cell (an `Empty` token for a cell printed empty), in print order; `None` for
    /// a cell that left no token at all (a row printed empty, or a blank in laid-out text).
    Cells(Vec<Option<usize>>),
    /// Digits whose separators were lost: the value tokens that hold them.
    Glued(Taken),
    /// Laid-out text (pdftotext): fewer numbers than cells on one line, blanks having left no
    /// trace; placed by their columns where the table's complete rows show them.
    Short(Vec<usize>),
    /// Numbers that cannot be placed in cells.
    Unreadable(Taken),
}

impl RowVals {
    /// Whether the row took token `k`.
    pub fn has(&self, doc: &Doc, k: usize) -> bool {
        match self {
            RowVals::Cells(c) => c.contains(&Some(k)),
            RowVals::Short(t) => t.contains(&k),
            RowVals::Glued(t) | RowVals::Unreadable(t) => t.has(doc, k),
        }
    }
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
                let taken = Taken {
                    from: i + 1,
                    to: j,
                    values: false,
                };
                if nvals > 0 && (!doc.layout || has_full_line(doc, taken, n)) {
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
                last = j;
            }
        }
        j += 1;
    }
    // What the row took: every value and empty cell from the label to the last one taken.
    let items = Taken {
        from: i + 1,
        to: last + 1,
        values: false,
    };
    let values = items.values();
    let all_digits = nvals > 0 && values.iter(doc).all(|k| is_digits(tok(k).raw));
    // Digits and signs (`0 +1 56` for 0|+156): what glued cells may hold.
    let all_signed = nvals > 0
        && values.iter(doc).all(|k| {
            let r = tok(k).raw.trim_start_matches(['+', '-']);
            is_digits(r)
        });
    let cells_of = |t: Taken| RowVals::Cells(t.iter(doc).map(Some).collect());
    let vals = if glued {
        if all_signed {
            RowVals::Glued(values)
        } else if nvals == 1 && n == 1 {
            // One cell (a decimal amount, 96171.6): nothing to split.
            cells_of(values)
        } else if nvals == 0 && next_label {
            RowVals::Cells(vec![None; n])
        } else {
            RowVals::Unreadable(items)
        }
    } else if multi {
        multi_row(doc, i, items, nvals, n, all_digits, is_label)
    } else if doc.layout {
        laid_out(doc, doc.tok(i).line(), end, items, n, next_label)
    } else if nvals == n {
        cells_of(values)
    } else if nvals == 0 && next_label {
        // One cell per paragraph, where empty cells vanish: the next label right after this one.
        RowVals::Cells(vec![None; n])
    } else if all_digits && digit_count(doc, values) >= n {
        RowVals::Glued(values)
    } else {
        RowVals::Unreadable(items)
    };
    Row { vals, last }
}

/// Whether some line among `items` holds `n` values.
fn has_full_line(doc: &Doc, items: Taken, n: usize) -> bool {
    let lines: Vec<(u32, bool)> = items
        .iter(doc)
        .map(|k| (doc.tok(k).line(), doc.kind(k) == TokKind::Value))
        .collect();
    lines
        .iter()
        .any(|&(line, _)| lines.iter().filter(|&&(l, v)| l == line && v).count() == n)
}

fn digit_count(doc: &Doc, values: Taken) -> usize {
    values
        .iter(doc)
        .map(|k| doc.tok(k).raw.chars().count())
        .sum()
}

/// A `|`, tab or HTML row: the cells on the label's own line (empty ones included).
fn multi_row(
    doc: &Doc,
    label: usize,
    items: Taken,
    nvals: usize,
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
    // The items on the label's own line (they come first), and those up to its last that is
    // not an empty cell.
    let same_row = Taken {
        to: items.to.min(b),
        ..items
    };
    let trimmed = Taken {
        to: same_row
            .iter(doc)
            .filter(|&k| kind(k) != TokKind::Empty)
            .last()
            .map_or(same_row.from, |k| k + 1),
        ..same_row
    };
    let values = items.values();
    // Two numbers in one cell (`398 5758`): a space inside a number, or a cell printed twice.
    // Never two cells: split by the table's sums like digits that ran together, or said.
    let mut prev: Option<usize> = None;
    let shared = same_row.iter(doc).any(|k| {
        let pair = prev.is_some_and(|p| {
            kind(p) == TokKind::Value && kind(k) == TokKind::Value && doc.same_cell(p, k)
        });
        prev = Some(k);
        pair
    });
    if shared {
        return if all_digits {
            RowVals::Glued(values)
        } else {
            RowVals::Unreadable(items)
        };
    }
    let cells_of =
        |t: Taken, most: usize| RowVals::Cells(t.iter(doc).take(most).map(Some).collect());
    let row_len = same_row.count(doc);
    if trimmed.count(doc) == n {
        cells_of(trimmed, n)
    } else if nvals == n {
        cells_of(values, n)
    } else if nvals == 0 && row_len >= n {
        // Printed empty: empty cells on the label's own row. (A row with no cells at all, or
        // with text where its numbers belong, is not a row of blanks.)
        RowVals::Cells(vec![None; n])
    } else if row_len >= n {
        // The row's own cells, the trailing ones blank.
        cells_of(same_row, n)
    } else if all_digits && digit_count(doc, values) >= n {
        RowVals::Glued(values)
    } else {
        RowVals::Unreadable(items)
    }
}

/// Laid-out text: the row's numbers are on one line; a lone number on a line of its own is a
/// stray (a page number, a footnote mark) unless nothing else is there.
fn laid_out(
    doc: &Doc,
    lab_line: u32,
    end: usize,
    items: Taken,
    n: usize,
    next_label: bool,
) -> RowVals {
    let line = |k: usize| doc.tok(k).line();
    let values = items.values();
    let mut vals = values.iter(doc).peekable();
    if vals.peek().is_none() {
        // Printed empty (blanks print nothing): up to the next label, or to the end of the
        // table where another part begins; a text that stops short ends nothing.
        let table_ended = items.count(doc) == 0 && end < doc.tok_count();
        return if next_label || table_ended {
            RowVals::Cells(vec![None; n])
        } else {
            RowVals::Unreadable(items)
        };
    }
    // Lines of values, in order, as (first value, count) (one pass, nothing kept per line):
    // the label's own line of `n` and the first line of `n`; the lines of two or more.
    let (mut own_whole, mut first_whole) = (None, None);
    let (mut lines, mut rows, mut first_row, mut total) = (0usize, 0usize, None, 0usize);
    while let Some(first) = vals.next() {
        let l = line(first);
        let mut len = 1;
        while vals.next_if(|&k| line(k) == l).is_some() {
            len += 1;
        }
        if len == n {
            first_whole = first_whole.or(Some(first));
            if l == lab_line {
                own_whole = own_whole.or(Some(first));
            }
        }
        if len >= 2 {
            rows += 1;
            first_row = first_row.or(Some((first, len)));
        }
        lines += 1;
        total += len;
    }
    // `count` values from `first` on.
    let from = |first: usize, count: usize| {
        Taken {
            from: first,
            ..values
        }
        .iter(doc)
        .take(count)
    };
    // The label's own line first (a stray may stand before the row's numbers), then the first.
    if let Some(first) = own_whole.or(first_whole) {
        return RowVals::Cells(from(first, n).map(Some).collect());
    }
    // Lone numbers are strays when a line of the row's own is there.
    match (rows, first_row) {
        // Lone numbers only: a row of table 三 or 四 with one number cannot add up (its total
        // would be another), so a lone number is said, never placed.
        (0, _) | (_, None) => RowVals::Unreadable(items),
        // The row's numbers, its blanks having left no trace: placed by their columns.
        (1, Some((first, len))) if len < n => RowVals::Short(from(first, len).collect()),
        // A row set over lines (a top-aligned total): whole only without strays.
        _ if rows == lines && total == n => RowVals::Cells(values.iter(doc).map(Some).collect()),
        _ => RowVals::Unreadable(items),
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
