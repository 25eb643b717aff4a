//! Table 四: no row labels, one row of 15 numbers under a header of three blocks. A row of
//! exactly 15 cells (an HTML or `|` row, blanks included), else 15 numbers in a run; digits
//! whose separators were lost split by each block's total, read only when one split fits.

use super::{Reader, Tables};
use crate::model::layout::{layout, CellId};
use crate::readers::doc::TokKind;
use crate::readers::glue;
use crate::readers::labels;
use crate::readers::norm::digits_only;
use crate::readers::rules::{ambiguous_cells, glued_cells};

/// Table 四's 15 cells, in print order.
pub fn ids() -> Vec<CellId> {
    let l = layout();
    (0..3)
        .flat_map(|b| (0..5).map(move |c| (b, c)))
        .map(|(b, c)| l.t4(b, c))
        .collect()
}

pub fn read(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let ids = ids();
    let doc = rd.doc;
    // Runs of values and empty cells between pieces of text: ranges of tokens (a run of a
    // million cells is two numbers).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut from = start;
    for i in start..end {
        if doc.kind(i) == TokKind::Text {
            if labels::t4_header(rd.tok(i).fold()) {
                out.t4.mark(i);
            }
            if i > from {
                runs.push((from, i));
            }
            from = i + 1;
        }
    }
    if end > from {
        runs.push((from, end));
    }
    let is_value = |k: &usize| doc.kind(*k) == TokKind::Value;
    let multi = |k: usize| doc.line_of(k).is_some_and(|l| l.multi);
    let glued_line = |k: usize| doc.line_of(k).is_some_and(|l| l.glued);
    for &(a, b) in &runs {
        // A row of cells (HTML, `|`): its 15 cells, blanks where they are empty. (The run's
        // tokens line by line: the first line of exactly 15 on a row of cells.)
        let mut row: Option<usize> = None;
        let mut k = a;
        while k < b && row.is_none() {
            let line = doc.tok(k).line();
            let mut e = k + 1;
            while e < b && doc.tok(e).line() == line {
                e += 1;
            }
            if e - k == 15 && multi(k) {
                row = Some(k);
            }
            k = e;
        }
        // (All 15 empty is a table of zeros printed blank.)
        let first = (a..b).find(is_value);
        let last = (a..b).rev().find(is_value);
        let values = (a..b).filter(is_value).count();
        let cells: Option<Vec<usize>> = if let Some(r) = row {
            Some((r..r + 15).collect())
        } else if first.is_some_and(glued_line) {
            None
        } else if let (Some(f), Some(l)) = (first, last) {
            if l + 1 - f == 15 {
                Some((f..=l).collect())
            } else if values == 15 {
                Some((a..b).filter(is_value).collect())
            } else {
                None
            }
        } else {
            None
        };
        if let Some(cells) = cells {
            for (&id, &k) in ids.iter().zip(&cells) {
                rd.set(id, k);
            }
            out.t4_found = true;
            out.t4.mark(cells[0]);
            out.t4.mark(cells[14]);
            return;
        }
    }
    // Separators lost: the first runs whose digits split under the block totals (a few at
    // most: each search has a budget, and a hostile input can have many runs).
    for &(a, b) in runs.iter().take(4) {
        // More digits than 15 cells of 16 hold can split no way (`glue::splits`): not gathered.
        let mut digits = String::new();
        let all_digits = (a..b)
            .filter(is_value)
            .all(|k| digits.len() <= 15 * 17 && push_digits(rd.tok(k).raw, &mut digits));
        if !all_digits || digits.len() > 15 * 17 {
            continue;
        }
        let values: Vec<usize> = (a..b).filter(is_value).collect();
        if values.is_empty() || digits.len() < 15 || (values.len() >= 15 && !glued_line(values[0]))
        {
            continue;
        }
        let label = values[0];
        let at = rd.at(label, rd.excerpt(label, values.iter().skip(1).copied()));
        match glue::splits(&digits, 15, &glue::t4_row_ok) {
            Some(s) if s.len() == 1 => {
                let offsets = glue::offsets(&digits, &s[0]);
                for ((&id, &v), off) in ids.iter().zip(&s[0]).zip(offsets) {
                    let (tok, in_tok) = rd.locate(&values, off);
                    rd.set_num(id, v, tok, in_tok);
                }
                rd.glued.push(glued_cells::Split {
                    ids: ids.clone(),
                    printed: rd.printed(&values),
                    values: s[0].clone(),
                    at,
                });
            }
            Some(s) if s.len() > 1 => {
                let printed = rd.printed(&values);
                rd.diags
                    .push(ambiguous_cells::finding(&ids, &printed, &s, rd.zh, at));
            }
            _ => continue,
        }
        out.t4_found = true;
        out.t4.mark(label);
        out.t4.mark(values.last().copied().unwrap_or(label));
        return;
    }
}

/// Append `raw`'s digits (`digits_only`); false when it holds something else.
fn push_digits(raw: &str, out: &mut String) -> bool {
    match digits_only(raw) {
        Some(d) => {
            out.push_str(&d);
            true
        }
        None => false,
    }
}
