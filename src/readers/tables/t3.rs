//! Table 三: rows by the official label sequence, columns by `columns`, glued rows by `solve`,
//! blanks of laid-out text by the columns of the table's complete rows, and rows whose label
//! was lost (a wrapped label in PDF text) by their place between the rows around them.

use super::columns::{self, Order};
use super::rows::{in_order, read_row, Row, RowVals, Taken};
use super::solve::{self, Outcome};
use super::{Reader, Tables};
use crate::model::layout::{layout, CellId, Format, Formats, T3_ROWS, T3_TOTAL_COL};
use crate::model::CellState;
use crate::readers::doc::TokKind;
use crate::readers::glue;
use crate::readers::labels;
use crate::readers::norm::{digits_only, is_digits};
use crate::readers::rules::{ambiguous_cells, glued_cells, unreadable_cell};

pub fn ids(row: usize) -> [CellId; 7] {
    let l = layout();
    std::array::from_fn(|c| l.t3(row, c))
}

fn is_label(f: &str) -> bool {
    labels::t3_row(f).is_some() || labels::t3_stop(f)
}

/// （六）其他处理 over the three 2021 sub-rows is a group label, not the 2019 row.
fn next_is_sub_row(rd: &Reader, i: usize, end: usize) -> bool {
    let next = (i + 1..end.min(i + 6))
        .map(|k| rd.tok(k))
        .find(|t| t.kind != TokKind::Empty);
    next.is_some_and(|t| {
        t.kind == TokKind::Text
            && labels::t3_row(t.fold())
                .is_some_and(|r| T3_ROWS[r].formats == Formats::Only(Format::F2021))
    })
}

/// The row labels of the region, in the official order: (token, row).
fn anchors(rd: &Reader, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for i in start..end {
        let t = rd.tok(i);
        if t.kind != TokKind::Text || labels::t3_stop(t.fold()) {
            continue;
        }
        let Some(r) = labels::t3_row(t.fold()) else {
            continue;
        };
        if T3_ROWS[r].formats == Formats::Only(Format::F2019) && next_is_sub_row(rd, i, end) {
            continue;
        }
        found.push((i, r));
    }
    in_order(&found)
}

/// One row as read, before the table is solved.
struct Read {
    row: usize,
    label: usize,
    vals: RowVals,
    last: usize,
}

pub fn read(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let anchors = anchors(rd, start, end);
    for i in start..end {
        let t = rd.tok(i);
        if t.kind == TokKind::Text && labels::t3_stop(t.fold()) {
            out.t3.mark(i);
        }
    }
    let Some(&(first_row, _)) = anchors.first() else {
        return;
    };
    let mut reads: Vec<Read> = Vec::with_capacity(anchors.len());
    for &(i, r) in &anchors {
        let Row { vals, last } = read_row(rd.doc, i, end, 7, &is_label);
        out.t3_found[r] = true;
        out.t3.mark(i);
        out.t3.mark(last);
        reads.push(Read {
            row: r,
            label: i,
            vals,
            last,
        });
    }
    if rd.doc.layout {
        orphans(rd, end, &mut reads, out);
        place_short_rows(rd, &mut reads);
    }
    // Columns: from the header, checked against the rows read whole.
    let whole: Vec<[i64; 7]> = reads
        .iter()
        .filter_map(|r| match &r.vals {
            RowVals::Cells(c) => {
                let v: Option<Vec<i64>> = c
                    .iter()
                    .map(|t| t.and_then(|k| number(rd.tok(k).raw)))
                    .collect();
                v.and_then(|v| <[i64; 7]>::try_from(v).ok())
            }
            _ => None,
        })
        .collect();
    let data_cols: Option<[u32; 7]> = reads.iter().find_map(|r| match &r.vals {
        RowVals::Cells(c) if c.iter().all(Option::is_some) => {
            let cols: Vec<u32> = c.iter().flatten().map(|&k| rd.tok(k).col()).collect();
            <[u32; 7]>::try_from(cols).ok()
        }
        _ => None,
    });
    let order = match columns::t3_order(rd.doc, start, first_row, &whole, data_cols) {
        Order::Known(o) => o,
        Order::Uncertain => {
            let all: Vec<CellId> = reads.iter().flat_map(|r| ids(r.row)).collect();
            let ex = rd.excerpt(first_row, []);
            let at = rd.at(first_row, ex);
            rd.diags.push(unreadable_cell::finding(
                &all,
                unreadable_cell::Why::Columns,
                rd.zh,
                at,
            ));
            return;
        }
    };
    let total_at = order.iter().position(|&c| c == T3_TOTAL_COL).unwrap_or(6);
    // Rows read cell by cell first: the solver needs their numbers.
    let mut table: Vec<solve::Row> = vec![solve::Row::Missing; T3_ROWS.len()];
    // Glued rows with candidates: label, the values, their digits (as far as a split can use
    // them) and how many digits there were.
    let mut runs: Vec<Option<(usize, Taken, String, usize)>> = vec![None; T3_ROWS.len()];
    for r in &reads {
        let ids = ids(r.row);
        match &r.vals {
            RowVals::Cells(cells) => {
                for (k, tok) in cells.iter().enumerate() {
                    let id = ids[order[k]];
                    match tok {
                        Some(t) => rd.set(id, *t),
                        None => rd.set_blank(id, r.label),
                    }
                }
                table[r.row] = solve::Row::Fixed(ids.map(|id| match rd.report.cell(id) {
                    CellState::Blank { .. } => Some(0),
                    _ => rd.report.int(id),
                }));
            }
            RowVals::Glued(toks) => {
                let doc = rd.doc;
                // More digits than seven cells hold split no way (`glue::t3_splits`): they are
                // counted, not gathered.
                let mut digits = String::new();
                let mut count = 0;
                for k in toks.iter(doc) {
                    let raw = rd.tok(k).raw;
                    if is_digits(raw) {
                        count += raw.chars().count();
                        if digits.len() <= 7 * 16 {
                            digits.push_str(&digits_only(raw).unwrap_or_default());
                        }
                    }
                }
                table[r.row] = match glue::t3_splits(&digits, total_at) {
                    Some(splits) => solve::Row::Cands(
                        splits
                            .into_iter()
                            .map(|s| {
                                let mut a = [0i64; 7];
                                for (k, x) in s.iter().enumerate() {
                                    a[order[k]] = *x;
                                }
                                a
                            })
                            .collect(),
                    ),
                    // Too many ways to tell: no candidate is trusted, and that is said.
                    None => {
                        rd.unreadable(&ids, r.label, toks.iter(doc), toks.count(doc));
                        solve::Row::Unreadable
                    }
                };
                if matches!(table[r.row], solve::Row::Cands(_)) {
                    runs[r.row] = Some((r.label, *toks, digits, count));
                }
            }
            RowVals::Short(items) => {
                let found = items
                    .iter()
                    .filter(|&&k| rd.tok(k).kind == TokKind::Value)
                    .count();
                rd.unreadable(&ids, r.label, items.iter().copied(), found);
                table[r.row] = solve::Row::Unreadable;
            }
            RowVals::Unreadable(items) => {
                let doc = rd.doc;
                rd.unreadable(&ids, r.label, items.iter(doc), items.values().count(doc));
                table[r.row] = solve::Row::Unreadable;
            }
        }
    }
    let outcomes = solve::solve(&table);
    for (row, outcome) in outcomes.into_iter().enumerate() {
        let (Some(outcome), Some((label, toks, digits, count))) = (outcome, runs[row].take())
        else {
            continue;
        };
        settle(rd, row, label, toks, (&digits, count), &order, outcome);
    }
}

/// Set a glued row's cells from its outcome, and say what was done.
// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
fn settle(
    rd: &mut Reader,
    row: usize,
    label: usize,
    toks: Taken,
    (digits, count): (&str, usize),
    order: &[usize; 7],
    outcome: Outcome,
) {
    let ids = ids(row);
    let doc = rd.doc;
    let at = rd.at(label, rd.excerpt(label, toks.iter(doc)));
    // In print order, as the message shows it.
    let printed_order = |v: &[i64; 7]| -> Vec<i64> { order.iter().map(|&c| v[c]).collect() };
    match outcome {
        Outcome::Read(v) => {
            // A split was found: the run is short.
            let toks: Vec<usize> = toks.iter(doc).collect();
            let shown = printed_order(&v);
            // Each cell's digits: where they start in the run, and so in which token.
            for (k, off) in glue::offsets(digits, &shown).into_iter().enumerate() {
                let (tok, in_tok) = rd.locate(&toks, off);
                rd.set_num(ids[order[k]], shown[k], tok, in_tok);
            }
            rd.glued.push(glued_cells::Split {
                ids: ids.to_vec(),
                printed: rd.printed(&toks),
                values: shown,
                at,
            });
        }
        Outcome::Ambiguous(list) => {
            let shown: Vec<Vec<i64>> = list.iter().map(printed_order).collect();
            let printed = rd.printed(&toks.iter(doc).collect::<Vec<_>>());
            rd.diags
                .push(ambiguous_cells::finding(&ids, &printed, &shown, rd.zh, at));
        }
        Outcome::Unreadable => {
            let n = count.min(toks.count(doc));
            rd.unreadable(&ids, label, toks.iter(doc), n);
        }
    }
}

/// Laid-out text: lines of seven numbers that no label claimed (the label wrapped away, or
/// was printed after its numbers) go to the rows not found between the rows around them,
/// in the format's order, when they are as many and each adds up.
// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
fn orphans(rd: &Reader, end: usize, reads: &mut Vec<Read>, out: &mut Tables) {
    let doc = rd.doc;
    let used = |k: usize| reads.iter().any(|r| r.vals.has(doc, k));
    // Lines of exactly seven numbers and nothing else, none of them used.
    let Some(from) = reads.first().map(|r| r.label) else {
        return;
    };
    let mut lines: Vec<(usize, Vec<usize>)> = Vec::new();
    let last_line = doc.tok(end.saturating_sub(1)).line();
    // Line by line from the first label's, to the end's (a line without tokens has no seven).
    let mut k = doc.line_range_of(from).0;
    while k < doc.tok_count() && doc.tok(k).line() <= last_line {
        let (a, b) = doc.line_range_of(k);
        let toks: Vec<usize> = (a..b).collect();
        let values = toks.iter().all(|&k| {
            let t = doc.tok(k);
            t.kind == TokKind::Value && is_digits(t.raw)
        });
        if toks.len() == 7 && values && !toks.iter().any(|&k| used(k)) && adds_up(rd, &toks) {
            lines.push((toks[0], toks));
        }
        k = b.max(k + 1);
    }
    if lines.is_empty() {
        return;
    }
    let mut added: Vec<Read> = Vec::new();
    for w in 0..=reads.len() {
        let lo = w.checked_sub(1).and_then(|p| reads.get(p));
        let hi = reads.get(w);
        let (a, b) = (lo.map_or(0, |r| r.label), hi.map_or(end, |r| r.label));
        let here: Vec<&(usize, Vec<usize>)> =
            lines.iter().filter(|(t, _)| *t > a && *t < b).collect();
        if here.is_empty() {
            continue;
        }
        let (ra, rb) = (
            lo.map_or(0, |r| r.row + 1),
            hi.map_or(T3_ROWS.len(), |r| r.row),
        );
        // The rows between, in either layout; the one whose count matches, if only one does.
        let gap = |f: Format| -> Vec<usize> {
            (ra..rb.max(ra))
                .filter(|&r| T3_ROWS[r].formats.has(f))
                .collect()
        };
        let (g19, g21) = (gap(Format::F2019), gap(Format::F2021));
        let rows = match (g19.len() == here.len(), g21.len() == here.len()) {
            (true, false) => g19,
            (false, true) => g21,
            (true, true) if g19 == g21 => g19,
            _ => {
                // A row printed empty just below its numbers: the line before its label.
                if let (Some(hi), [line]) = (hi, here.as_slice()) {
                    if hi.vals == RowVals::Cells(vec![None; 7])
                        && lo.is_none_or(|l| l.last < line.0)
                    {
                        added.push(Read {
                            row: hi.row,
                            label: hi.label,
                            vals: RowVals::Cells(line.1.iter().copied().map(Some).collect()),
                            last: hi.last,
                        });
                    }
                }
                continue;
            }
        };
        for (&row, (_, toks)) in rows.iter().zip(here) {
            added.push(Read {
                row,
                label: toks[0],
                vals: RowVals::Cells(toks.iter().copied().map(Some).collect()),
                last: toks[6],
            });
        }
    }
    for a in added {
        out.t3_found[a.row] = true;
        out.t3.mark(a.label);
        match reads.iter_mut().find(|r| r.row == a.row) {
            Some(r) => r.vals = a.vals,
            None => reads.push(a),
        }
    }
    crate::base::sort::sort_by_key(reads, |r| r.row);
}

/// A printed count as a number: plain digits read directly (most cells), full-width ones too.
fn number(raw: &str) -> Option<i64> {
    if !raw.is_empty() && raw.len() <= 15 && raw.bytes().all(|b| b.is_ascii_digit()) {
        raw.parse().ok()
    } else {
        digits_only(raw)?.parse().ok()
    }
}

/// Whether seven numbers add up as a row of table 三 printed in the format's order.
fn adds_up(rd: &Reader, toks: &[usize]) -> bool {
    let v: Vec<i64> = toks.iter().filter_map(|&k| number(rd.tok(k).raw)).collect();
    v.len() == 7 && v[..6].iter().sum::<i64>() == v[6]
}

/// Laid-out text: a row with fewer numbers than cells had blanks that printed nothing. Its
/// numbers go to the columns they stand under, as the table's rows of seven numbers show the
/// columns; numbers may be set left, right or centred, so each is tried. A number that is not
/// clearly under one column leaves its row unread. (Columns guessed from where the numbers of
/// short rows stand were tried and dropped: a column blank in every row shifts them all by one,
/// and no sum can tell, since every row and column still adds up.)
// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
fn place_short_rows(rd: &Reader, reads: &mut [Read]) {
    if !reads.iter().any(|r| matches!(r.vals, RowVals::Short(_))) {
        return;
    }
    // Each row's numbers on one line.
    let one_line = |toks: &[usize]| {
        toks.first()
            .is_some_and(|&f| toks.iter().all(|&k| rd.tok(k).line() == rd.tok(f).line()))
    };
    let full: Vec<Vec<usize>> = reads
        .iter()
        .filter_map(|r| match &r.vals {
            RowVals::Cells(c) if c.iter().all(Option::is_some) => {
                let t: Vec<usize> = c.iter().flatten().copied().collect();
                (t.len() == 7 && one_line(&t)).then_some(t)
            }
            _ => None,
        })
        .collect();
    let short: Vec<&Vec<usize>> = reads
        .iter()
        .filter_map(|r| match &r.vals {
            RowVals::Short(t) => Some(t),
            _ => None,
        })
        .collect();
    let width = |k: usize| rd.tok(k).raw.chars().count() as f64;
    let at = |k: usize, mode: u8| {
        let x = f64::from(rd.tok(k).col());
        match mode {
            0 => x + width(k) / 2.0,
            1 => x,
            _ => x + width(k),
        }
    };
    for mode in 0..3u8 {
        if full.is_empty() {
            return;
        }
        let mut sums = [0.0f64; 7];
        for t in &full {
            for (s, &k) in sums.iter_mut().zip(t) {
                *s += at(k, mode);
            }
        }
        let centres = sums.map(|s| s / full.len() as f64);
        let placed: Option<Vec<Vec<Option<usize>>>> = short
            .iter()
            .map(|t| place(t, &centres, &|k| at(k, mode)))
            .collect();
        if let Some(placed) = placed {
            let mut rows = placed.into_iter();
            for r in reads.iter_mut() {
                if matches!(r.vals, RowVals::Short(_)) {
                    if let Some(cells) = rows.next() {
                        r.vals = RowVals::Cells(cells);
                    }
                }
            }
            return;
        }
    }
}

/// A short row's numbers under the columns at `centres`: each clearly under one, in order.
fn place(
    toks: &[usize],
    centres: &[f64; 7],
    x: &dyn Fn(usize) -> f64,
) -> Option<Vec<Option<usize>>> {
    let gap = centres
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::MAX, f64::min);
    if gap <= 2.0 {
        return None;
    }
    let mut cells: Vec<Option<usize>> = vec![None; 7];
    let mut prev: Option<usize> = None;
    for &k in toks {
        let xk = x(k);
        let (best, d) = centres
            .iter()
            .enumerate()
            .map(|(c, &m)| (c, (xk - m).abs()))
            .fold((0, f64::MAX), |a, b| if b.1 < a.1 { b } else { a });
        if d >= gap / 4.0 || prev.is_some_and(|p| best <= p) {
            return None;
        }
        cells[best] = Some(k);
        prev = Some(best);
    }
    Some(cells)
}
