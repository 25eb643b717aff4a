//! Table 二: rows by their labels, the layout's columns by the header's words (2019 and 2021
//! differ), values after each label. The table has no sums: digits whose separators were lost
//! are read only when they split one way (`000` → 0|0|0).

use super::rows::{read_row, Row, RowVals, Taken};
use super::{Reader, Tables};
use crate::model::layout::{layout, CellId, Format, Formats, T2_ROWS};
use crate::readers::doc::TokKind;
use crate::readers::glue;
use crate::readers::labels::{self, T2_MARKERS_2019, T2_MARKERS_2021};
use crate::readers::norm::signed_digits;
use crate::readers::rules::{ambiguous_cells, glued_cells};

/// The cells of table 二's row `r` in layout `f`.
pub fn ids(r: usize, f: Format) -> Vec<CellId> {
    let l = layout();
    let row = &T2_ROWS[r];
    row.columns
        .iter()
        .filter(|c| c.formats.has(f) && row.formats.has(f))
        .filter_map(|c| l.t2(row.key, c.key))
        .collect()
}

pub fn read(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let (mut v19, mut v21) = (0, 0);
    for (_, t) in rd.doc.toks(start, end) {
        if t.kind == TokKind::Text {
            v19 += T2_MARKERS_2019.iter().any(|m| t.fold().starts_with(m)) as i32;
            v21 += T2_MARKERS_2021.iter().any(|m| t.fold().starts_with(m)) as i32;
        }
    }
    let f2 = match v19.cmp(&v21) {
        std::cmp::Ordering::Greater => Format::F2019,
        std::cmp::Ordering::Less => Format::F2021,
        std::cmp::Ordering::Equal => rd.report.year.map_or(Format::F2021, Format::for_year),
    };
    let is_label = |f: &str| labels::t2_row(f).is_some() || labels::t2_stop(f);
    for i in start..end {
        let t = rd.tok(i);
        if t.kind != TokKind::Text {
            continue;
        }
        if labels::t2_stop(t.fold()) {
            out.t2.mark(i);
            continue;
        }
        let Some(r) = labels::t2_row(t.fold()) else {
            continue;
        };
        if out.t2_found[r] {
            continue;
        }
        let f = match T2_ROWS[r].formats {
            Formats::Both => f2,
            Formats::Only(f) => f,
        };
        let cols = ids(r, f);
        let Row { vals, last } = read_row(rd.doc, i, end, cols.len(), &is_label);
        out.t2_found[r] = true;
        out.t2.mark(i);
        out.t2.mark(last);
        match vals {
            RowVals::Cells(cells) => {
                for (&id, tok) in cols.iter().zip(cells) {
                    match tok {
                        Some(t) => rd.set(id, t),
                        None => rd.set_blank(id, i),
                    }
                }
            }
            RowVals::Glued(runs) => glued(rd, &cols, i, runs),
            RowVals::Short(items) => {
                let found = items
                    .iter()
                    .filter(|&&k| rd.tok(k).kind == TokKind::Value)
                    .count();
                rd.unreadable(&cols, i, items, found);
            }
            RowVals::Unreadable(items) => {
                let doc = rd.doc;
                rd.unreadable(&cols, i, items.iter(doc), items.values().count(doc));
            }
        }
    }
}

/// A row of table 二 whose separators were lost: read only if it splits one way.
fn glued(rd: &mut Reader, cols: &[CellId], label: usize, runs: Taken) {
    let doc = rd.doc;
    // More digits than the row's cells can hold split no way (`glue::splits`): a row of a
    // million numbers is not gathered whole to find that out.
    let most = cols.len() * 17;
    let mut digits = String::new();
    for k in runs.iter(doc) {
        if digits.len() > most {
            break;
        }
        if let Some(d) = signed_digits(rd.tok(k).raw) {
            digits.push_str(&d);
        }
    }
    let at = rd.at(label, rd.excerpt(label, runs.iter(doc)));
    match glue::splits(&digits, cols.len(), &|_| true) {
        Some(s) if s.len() == 1 => {
            let runs: Vec<usize> = runs.iter(doc).collect();
            let v = &s[0];
            for ((&id, &x), off) in cols.iter().zip(v).zip(glue::offsets(&digits, v)) {
                let (tok, in_tok) = rd.locate(&runs, off);
                rd.set_num(id, x, tok, in_tok);
            }
            rd.glued.push(glued_cells::Split {
                ids: cols.to_vec(),
                printed: rd.printed(&runs),
                values: v.clone(),
                at,
            });
        }
        Some(s) if s.len() > 1 => {
            let runs: Vec<usize> = runs.iter(doc).collect();
            let printed = rd.printed(&runs);
            rd.diags
                .push(ambiguous_cells::finding(cols, &printed, &s, rd.zh, at));
        }
        _ => rd.unreadable(cols, label, runs.iter(doc), runs.count(doc)),
    }
}
