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
    // Runs of values and empty cells between pieces of text.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for i in start..end {
        match rd.tok(i).kind {
            TokKind::Text => {
                if labels::t4_header(rd.tok(i).fold()) {
                    out.t4.mark(i);
                }
                if !cur.is_empty() {
                    runs.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(i),
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    let is_value = |k: &usize| doc.tok(*k).kind == TokKind::Value;
    let multi = |k: usize| doc.line_of(k).is_some_and(|l| l.multi);
    let glued_line = |k: usize| doc.line_of(k).is_some_and(|l| l.glued);
    for run in &runs {
        // A row of cells (HTML, `|`): its 15 cells, blanks where they are empty.
        let mut by_line: Vec<Vec<usize>> = Vec::new();
        for &k in run {
            match by_line.last_mut() {
                Some(l)
                    if l.first()
                        .is_some_and(|&f| doc.tok(f).line() == doc.tok(k).line()) =>
                {
                    l.push(k)
                }
                _ => by_line.push(vec![k]),
            }
        }
        // (All 15 empty is a table of zeros printed blank.)
        let row = by_line.iter().find(|l| l.len() == 15 && multi(l[0]));
        let values: Vec<usize> = run.iter().copied().filter(is_value).collect();
        let a = run.iter().position(is_value);
        let b = run.iter().rposition(is_value);
        let trimmed: &[usize] = match (a, b) {
            (Some(a), Some(b)) => &run[a..=b],
            _ => &[],
        };
        let cells: Option<Vec<usize>> = if let Some(row) = row {
            Some(row.clone())
        } else if values.first().is_some_and(|&k| glued_line(k)) {
            None
        } else if trimmed.len() == 15 {
            Some(trimmed.to_vec())
        } else if values.len() == 15 {
            Some(values.clone())
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
    for run in runs.iter().take(4) {
        let values: Vec<usize> = run.iter().copied().filter(is_value).collect();
        let digits: Option<Vec<String>> =
            values.iter().map(|&k| digits_only(rd.tok(k).raw)).collect();
        let Some(digits) = digits.map(|d| d.concat()) else {
            continue;
        };
        if values.is_empty() || digits.len() < 15 || (values.len() >= 15 && !glued_line(values[0]))
        {
            continue;
        }
        let label = values[0];
        let at = rd.at(label, rd.excerpt(label, &values[1..]));
        let printed = rd.printed(&values);
        match glue::splits(&digits, 15, &glue::t4_row_ok) {
            Some(s) if s.len() == 1 => {
                let offsets = glue::offsets(&digits, &s[0]);
                for ((&id, &v), off) in ids.iter().zip(&s[0]).zip(offsets) {
                    let (tok, in_tok) = rd.locate(&values, off);
                    rd.set_num(id, v, tok, in_tok);
                }
                rd.glued.push(glued_cells::Split {
                    ids: ids.clone(),
                    printed,
                    values: s[0].clone(),
                    at,
                });
            }
            Some(s) if s.len() > 1 => {
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
