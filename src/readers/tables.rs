//! Reading tables 二, 三 and 四 from the token stream. Rows are found by their labels (never by
//! position); a row's values are the numbers after its label, up to the next label. Where the
//! row came out short, the cells' own structure (a `|` row with empty cells) or the table's sums
//! (glued digits, see `glue`) are used; anything else is an extraction diagnostic at the place
//! the reader looked.

use super::doc::{Doc, TokKind};
use super::glue;
use super::labels::{self, T2_MARKERS_2019, T2_MARKERS_2021};
use super::norm::{clip, digits_only};
use crate::diagnostic::{Diagnostic, Num, Severity};
use crate::model::layout::{
    layout, CellId, Format, Formats, T3Role, T2_ROWS, T3_COLUMNS, T3_ROWS, T3_TOTAL_COL,
};
use crate::model::normalize::normalize_str;
use crate::model::{CellState, Report};
use std::sync::OnceLock;

pub const TABLE_NOT_FOUND: &str = "table-not-found";
pub const ROW_NOT_FOUND: &str = "row-not-found";
pub const UNREADABLE_CELL: &str = "unreadable-cell";
pub const AMBIGUOUS_CELLS: &str = "ambiguous-cells";
pub const GLUED_CELLS: &str = "glued-cells";

/// What a table's region and reading produced.
#[derive(Default, Clone)]
pub struct TableSpan {
    /// Token range searched.
    pub region: Option<(usize, usize)>,
    /// First and last token the table used (for excluding its lines from the prose).
    pub used: Option<(usize, usize)>,
}

impl TableSpan {
    fn mark(&mut self, tok: usize) {
        self.used = Some(match self.used {
            None => (tok, tok),
            Some((a, b)) => (a.min(tok), b.max(tok)),
        });
    }
}

pub struct Tables {
    pub t2: TableSpan,
    pub t3: TableSpan,
    pub t4: TableSpan,
    /// Rows found, by T2_ROWS / T3_ROWS index.
    t2_found: Vec<bool>,
    t3_found: Vec<bool>,
    t4_found: bool,
    pub diags: Vec<Diagnostic>,
    /// The token each cell was read from, by `CellId` (`None`: not read, or split from glued digits).
    pub cell_toks: Vec<Option<u32>>,
}

/// A row's values as read.
enum RowVals {
    /// Token per cell, `None` for a blank.
    Cells(Vec<Option<usize>>),
    /// Digit runs that are fewer than the cells: separators lost.
    Glued(Vec<usize>),
    Unreadable(Vec<usize>),
}

fn t2_ids() -> &'static Vec<Vec<CellId>> {
    static IDS: OnceLock<Vec<Vec<CellId>>> = OnceLock::new();
    IDS.get_or_init(|| {
        T2_ROWS
            .iter()
            .map(|r| {
                r.columns
                    .iter()
                    .map(|c| {
                        layout()
                            .find(&format!("/proactive/{}/{}", r.key, c.key))
                            .unwrap_or(0)
                    })
                    .collect()
            })
            .collect()
    })
}

struct Reader<'a> {
    doc: &'a Doc,
    zh: bool,
    report: &'a mut Report,
    diags: Vec<Diagnostic>,
    cell_toks: Vec<Option<u32>>,
}

fn row_path(id: CellId) -> String {
    let p = &layout().cell(id).path;
    p.rsplit_once('/').map_or(p.clone(), |(r, _)| r.to_string())
}

impl Reader<'_> {
    fn tok(&self, i: usize) -> &super::doc::Tok {
        &self.doc.toks[i]
    }

    fn excerpt(&self, label: usize, items: &[usize]) -> String {
        let mut parts = vec![self.tok(label).raw.clone()];
        parts.extend(items.iter().map(|&k| self.tok(k).raw.clone()));
        clip(&parts.join(" | "), 80)
    }

    fn diag(
        &mut self,
        rule: &'static str,
        severity: Severity,
        ids: &[CellId],
        at: usize,
        excerpt: String,
        message: String,
    ) {
        let path = ids.first().map_or(String::new(), |&id| row_path(id));
        let mut d = Diagnostic::new(rule, severity, path, message);
        d.related = ids.iter().map(|&i| layout().cell(i).path.clone()).collect();
        d.location = Some(self.doc.location(at, Some(excerpt)));
        self.diags.push(d);
    }

    fn row_name(&self, id: CellId) -> &'static str {
        let c = layout().cell(id);
        if self.zh {
            &c.row_name_zh
        } else {
            &c.row_name_en
        }
    }

    fn set(&mut self, id: CellId, tok: Option<usize>) {
        if let (Some(slot), Some(k)) = (self.cell_toks.get_mut(id as usize), tok) {
            *slot = u32::try_from(k).ok();
        }
        let c = layout().cell(id);
        let state = match tok {
            None => CellState::Blank { input: None },
            Some(k) => {
                let t = self.tok(k);
                if t.kind == TokKind::Empty {
                    CellState::Blank { input: None }
                } else if let Some(v) = plain_count(&t.raw, c.kind) {
                    // Most cells are a few plain digits: the same result as `normalize_str`
                    // (see the test), without its allocations.
                    v
                } else {
                    normalize_str(&t.raw, c.kind, c.unit)
                }
            }
        };
        self.report.cells[id as usize] = state;
    }

    fn set_num(&mut self, id: CellId, v: i64) {
        self.report.cells[id as usize] = CellState::Value(Num::Int(v));
    }

    /// The values after the row label at `i`, for a row of `n` cells.
    fn read_row(
        &self,
        i: usize,
        end: usize,
        n: usize,
        is_label: &dyn Fn(&str) -> bool,
    ) -> (RowVals, usize) {
        let toks = &self.doc.toks;
        let lab_line = toks[i].line;
        let multi = self
            .doc
            .lines
            .get(lab_line as usize)
            .is_some_and(|l| l.multi);
        let mut items: Vec<usize> = Vec::new();
        let (mut nvals, mut noise, mut next_label, mut last) = (0usize, 0usize, false, i);
        let mut j = i + 1;
        while j < end {
            let t = &toks[j];
            match t.kind {
                TokKind::Text => {
                    if is_label(&t.fold) {
                        next_label = true;
                        break;
                    }
                    if nvals > 0 {
                        break;
                    }
                    noise += 1;
                    if noise > 3 {
                        break;
                    }
                }
                TokKind::Value | TokKind::Empty => {
                    let row_done = multi
                        && t.line != lab_line
                        && items
                            .iter()
                            .any(|&k| toks[k].line == lab_line && toks[k].kind == TokKind::Value);
                    if row_done || (t.kind == TokKind::Value && nvals == n) {
                        break;
                    }
                    if t.kind == TokKind::Value {
                        nvals += 1;
                    }
                    items.push(j);
                    last = j;
                }
            }
            j += 1;
        }
        let same_row: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&k| toks[k].line == lab_line)
            .collect();
        let mut trimmed = same_row.clone();
        while trimmed
            .last()
            .is_some_and(|&k| toks[k].kind == TokKind::Empty)
        {
            trimmed.pop();
        }
        let values: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&k| toks[k].kind == TokKind::Value)
            .collect();
        let vals = if multi && trimmed.len() == n {
            RowVals::Cells(trimmed.into_iter().map(Some).collect())
        } else if nvals == n {
            RowVals::Cells(values.into_iter().map(Some).collect())
        } else if nvals == 0 && ((multi && same_row.len() >= n) || (!multi && next_label)) {
            // Printed empty: empty cells on the label's own row, or (one cell per paragraph,
            // where empty cells vanish) the next label right after this one.
            RowVals::Cells(vec![None; n])
        } else if multi && same_row.len() >= n {
            RowVals::Cells(same_row.into_iter().take(n).map(Some).collect())
        } else if !values.is_empty()
            && values.iter().all(|&k| digits_only(&toks[k].raw).is_some())
            && values.iter().map(|&k| toks[k].raw.len()).sum::<usize>() >= n
        {
            RowVals::Glued(values)
        } else {
            RowVals::Unreadable(items)
        };
        (vals, last)
    }

    fn unreadable(&mut self, ids: &[CellId], label: usize, items: &[usize], found: usize) {
        let ex = self.excerpt(label, items);
        let name = self.row_name(ids[0]);
        let n = ids.len();
        let message = if self.zh {
            format!("{name}的数据无法读取：找到 {found} 个数，应有 {n} 个（「{ex}」）。请核对原文，或手工填写该行。")
        } else {
            format!("The values of {name} could not be read: found {found} numbers where {n} cells are expected (\"{ex}\"). Check the source or enter the row by hand.")
        };
        self.diag(UNREADABLE_CELL, Severity::Error, ids, label, ex, message);
    }

    fn glued_message(&self, ids: &[CellId], printed: &str, splits: &[Vec<i64>]) -> String {
        let name = self.row_name(ids[0]);
        let show = |v: &Vec<i64>| {
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("|")
        };
        let shown: Vec<String> = splits.iter().take(3).map(show).collect();
        match (self.zh, splits.len()) {
            (true, 1) => format!("{name}印刷为「{printed}」，单元格之间缺少分隔；按表内合计唯一可拆分为 {}，已按此读取，请核对原文。", shown[0]),
            (false, 1) => format!("{name} is printed as \"{printed}\" with the separators between cells lost; the table's sums allow exactly one split, {}, which was used; check the source.", shown[0]),
            (true, _) => format!("{name}印刷为「{printed}」，单元格之间缺少分隔，可拆分为 {} 等 {} 种，均符合表内合计，无法确定；请核对原文。", shown.join(" 或 "), splits.len()),
            (false, _) => format!("{name} is printed as \"{printed}\" with the separators between cells lost; {} splits satisfy the table's sums ({}), so the cells cannot be told; check the source.", splits.len(), shown.join(" or ")),
        }
    }

    fn printed(&self, toks: &[usize]) -> String {
        toks.iter()
            .map(|&k| self.tok(k).raw.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `12` in a count column: what `normalize_str` gives, computed directly.
fn plain_count(raw: &str, kind: crate::model::Kind) -> Option<CellState> {
    let plain = !raw.is_empty() && raw.len() <= 15 && raw.bytes().all(|b| b.is_ascii_digit());
    (plain && kind != crate::model::Kind::Money)
        .then(|| raw.parse::<i64>().ok())
        .flatten()
        .map(|v| CellState::Value(Num::Int(v)))
}

/// Find the token ranges of the three tables from the part headings (by `SECTION_KEYS` index,
/// token index) and, where a heading is missing, from the tables' own first labels.
fn regions(doc: &Doc, headings: &[(usize, usize)]) -> [Option<(usize, usize)>; 3] {
    let head = |k: usize| headings.iter().find(|(h, _)| *h == k).map(|(_, t)| *t);
    let first = |pred: &dyn Fn(&str) -> bool, from: usize| {
        doc.toks
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, t)| t.kind == TokKind::Text && pred(&t.fold))
            .map(|(i, _)| i)
    };
    let t2 = head(1).or_else(|| {
        first(
            &|f| f.starts_with("第二十条") || labels::t2_row(f).is_some(),
            0,
        )
    });
    let t3 = head(2).or_else(|| {
        first(
            &|f| f.starts_with("(本列数据") || labels::t3_row(f).is_some(),
            t2.unwrap_or(0),
        )
    });
    let t4 = head(3).or_else(|| {
        first(
            &|f| f.starts_with("行政复议") || f.starts_with("四、政府信息公开行政复议"),
            t3.unwrap_or(0),
        )
    });
    let ends: Vec<usize> = [t3, t4, head(4), head(5)]
        .iter()
        .flatten()
        .copied()
        .chain(std::iter::once(doc.toks.len()))
        .collect();
    let region = |s: Option<usize>| {
        s.map(|s| {
            let e = ends
                .iter()
                .copied()
                .filter(|&e| e > s)
                .min()
                .unwrap_or(doc.toks.len());
            (s, e)
        })
    };
    [region(t2), region(t3), region(t4)]
}

/// Read the three tables into `report`'s cells.
pub fn read(doc: &Doc, headings: &[(usize, usize)], report: &mut Report, zh: bool) -> Tables {
    let [r2, r3, r4] = regions(doc, headings);
    let mut rd = Reader {
        doc,
        zh,
        report,
        diags: Vec::new(),
        cell_toks: vec![None; layout().cells.len()],
    };
    let mut out = Tables {
        t2: TableSpan {
            region: r2,
            used: None,
        },
        t3: TableSpan {
            region: r3,
            used: None,
        },
        t4: TableSpan {
            region: r4,
            used: None,
        },
        t2_found: vec![false; T2_ROWS.len()],
        t3_found: vec![false; T3_ROWS.len()],
        t4_found: false,
        diags: Vec::new(),
        cell_toks: Vec::new(),
    };
    if let Some((s, e)) = r2 {
        read_t2(&mut rd, s, e, &mut out);
    }
    if let Some((s, e)) = r3 {
        read_t3(&mut rd, s, e, &mut out);
    }
    if let Some((s, e)) = r4 {
        read_t4(&mut rd, s, e, &mut out);
    }
    out.diags = rd.diags;
    out.cell_toks = rd.cell_toks;
    out
}

fn read_t2(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let (mut v19, mut v21) = (0, 0);
    for t in &rd.doc.toks[start..end] {
        if t.kind == TokKind::Text {
            v19 += T2_MARKERS_2019.iter().any(|m| t.fold.starts_with(m)) as i32;
            v21 += T2_MARKERS_2021.iter().any(|m| t.fold.starts_with(m)) as i32;
        }
    }
    let f2 = match v19.cmp(&v21) {
        std::cmp::Ordering::Greater => Format::F2019,
        std::cmp::Ordering::Less => Format::F2021,
        std::cmp::Ordering::Equal => rd.report.year.map_or(Format::F2021, Format::for_year),
    };
    let is_label = |f: &str| labels::t2_row(f).is_some() || labels::t2_stop(f);
    for i in start..end {
        let t = &rd.doc.toks[i];
        if t.kind != TokKind::Text {
            continue;
        }
        if labels::t2_stop(&t.fold) {
            out.t2.mark(i);
            continue;
        }
        let Some(r) = labels::t2_row(&t.fold) else {
            continue;
        };
        if out.t2_found[r] {
            continue;
        }
        let row = &T2_ROWS[r];
        let f = match row.formats {
            Formats::Both => f2,
            Formats::Only(f) => f,
        };
        let cols: Vec<CellId> = row
            .columns
            .iter()
            .zip(&t2_ids()[r])
            .filter(|(c, _)| c.formats.has(f))
            .map(|(_, &id)| id)
            .collect();
        let (vals, last) = rd.read_row(i, end, cols.len(), &is_label);
        out.t2_found[r] = true;
        out.t2.mark(i);
        out.t2.mark(last);
        match vals {
            RowVals::Cells(cells) => {
                for (&id, tok) in cols.iter().zip(cells) {
                    rd.set(id, tok);
                }
            }
            RowVals::Glued(runs) => {
                let digits: Vec<String> = runs
                    .iter()
                    .filter_map(|&k| digits_only(&rd.tok(k).raw))
                    .collect();
                // Table 二 has no sums: only a run with one possible split is read.
                match glue::splits(&digits, cols.len(), &|_| true) {
                    Some(s) if s.len() == 1 => {
                        let ex = rd.excerpt(i, &runs);
                        let msg = rd.glued_message(&cols, &rd.printed(&runs), &s);
                        for (&id, &v) in cols.iter().zip(&s[0]) {
                            rd.set_num(id, v);
                        }
                        rd.diag(GLUED_CELLS, Severity::Info, &cols, i, ex, msg);
                    }
                    Some(s) if s.len() > 1 => {
                        let ex = rd.excerpt(i, &runs);
                        let msg = rd.glued_message(&cols, &rd.printed(&runs), &s);
                        rd.diag(AMBIGUOUS_CELLS, Severity::Error, &cols, i, ex, msg);
                    }
                    _ => rd.unreadable(&cols, i, &runs, runs.len()),
                }
            }
            RowVals::Unreadable(items) => {
                let found = items
                    .iter()
                    .filter(|&&k| rd.tok(k).kind == TokKind::Value)
                    .count();
                rd.unreadable(&cols, i, &items, found);
            }
        }
    }
}

/// Order of table 三's printed value columns (indices into `T3_COLUMNS`), from the header.
fn t3_order(rd: &Reader, start: usize, first_row: usize) -> [usize; 7] {
    const CANONICAL: [usize; 7] = [0, 1, 2, 3, 4, 5, 6];
    // pdftotext scatters header words over lines; its columns are not reliable enough to reorder.
    if rd.doc.layout {
        return CANONICAL;
    }
    let found: Vec<(usize, u32, u32)> = (start..first_row)
        .filter_map(|i| {
            let t = rd.tok(i);
            (t.kind == TokKind::Text)
                .then(|| labels::t3_column(&t.fold))
                .flatten()
                .map(|c| (c, t.col, t.line))
        })
        .collect();
    let order: Vec<usize> = if rd.doc.html {
        // Grid columns from the expanded table: each label sits over its column.
        let mut cols: Vec<(u32, usize)> = Vec::new();
        for &(c, col, _) in &found {
            if c < 7 && !cols.iter().any(|&(_, k)| k == c) {
                cols.push((col, c));
            }
        }
        cols.sort_unstable();
        cols.into_iter().map(|(_, c)| c).collect()
    } else {
        // Flattened rows: the five organisation columns go where their group label was.
        let mut top: Vec<usize> = Vec::new();
        let mut subs: Vec<usize> = Vec::new();
        for &(c, _, _) in &found {
            let is_sub = (1..=5).contains(&c);
            if is_sub {
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
        o
    };
    let mut seen = [false; 7];
    if order.len() == 7
        && order
            .iter()
            .all(|&c| c < 7 && !std::mem::replace(&mut seen[c], true))
    {
        let mut a = CANONICAL;
        a.copy_from_slice(&order);
        a
    } else {
        CANONICAL
    }
}

fn t3_ids(row: usize) -> [CellId; 7] {
    let l = layout();
    std::array::from_fn(|c| l.t3(row, c))
}

struct Pending {
    row: usize,
    label: usize,
    runs: Vec<usize>,
    /// Candidate rows in `T3_COLUMNS` order.
    cands: Vec<[i64; 7]>,
}

fn read_t3(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let is_label = |f: &str| labels::t3_row(f).is_some() || labels::t3_stop(f);
    let first_row = (start..end)
        .find(|&i| rd.tok(i).kind == TokKind::Text && labels::t3_row(&rd.tok(i).fold).is_some())
        .unwrap_or(end);
    let order = t3_order(rd, start, first_row);
    let total_at = order.iter().position(|&c| c == T3_TOTAL_COL).unwrap_or(6);
    let mut known: Vec<[Option<i64>; 7]> = vec![[None; 7]; T3_ROWS.len()];
    let mut pending: Vec<Pending> = Vec::new();
    for i in start..end {
        let t = rd.tok(i);
        if t.kind != TokKind::Text {
            continue;
        }
        if labels::t3_stop(&t.fold) {
            out.t3.mark(i);
            continue;
        }
        let Some(r) = labels::t3_row(&t.fold) else {
            continue;
        };
        if out.t3_found[r] {
            continue;
        }
        // （六）其他处理 over the three 2021 sub-rows is a group label, not the 2019 row.
        if T3_ROWS[r].formats == Formats::Only(Format::F2019) && next_is_sub_row(rd, i, end) {
            continue;
        }
        let ids = t3_ids(r);
        let (vals, last) = rd.read_row(i, end, 7, &is_label);
        out.t3_found[r] = true;
        out.t3.mark(i);
        out.t3.mark(last);
        match vals {
            RowVals::Cells(cells) => {
                for (k, tok) in cells.into_iter().enumerate() {
                    let id = ids[order[k]];
                    rd.set(id, tok);
                    known[r][order[k]] = rd.report.int(id);
                }
            }
            RowVals::Glued(runs) => {
                let digits: Vec<String> = runs
                    .iter()
                    .filter_map(|&k| digits_only(&rd.tok(k).raw))
                    .collect();
                match glue::splits(&digits, 7, &glue::t3_row_ok(total_at)) {
                    Some(s) if !s.is_empty() => {
                        let cands = s
                            .iter()
                            .map(|v| {
                                let mut a = [0i64; 7];
                                for (k, x) in v.iter().enumerate() {
                                    a[order[k]] = *x;
                                }
                                a
                            })
                            .collect();
                        pending.push(Pending {
                            row: r,
                            label: i,
                            runs,
                            cands,
                        });
                    }
                    _ => rd.unreadable(&ids, i, &runs, runs.len()),
                }
            }
            RowVals::Unreadable(items) => {
                let found = items
                    .iter()
                    .filter(|&&k| rd.tok(k).kind == TokKind::Value)
                    .count();
                rd.unreadable(&ids, i, &items, found);
            }
        }
    }
    resolve_t3(rd, &mut known, pending, &out.t3_found);
}

fn next_is_sub_row(rd: &Reader, i: usize, end: usize) -> bool {
    let next = (i + 1..end.min(i + 6))
        .map(|k| rd.tok(k))
        .find(|t| t.kind != TokKind::Empty);
    next.is_some_and(|t| {
        t.kind == TokKind::Text
            && labels::t3_row(&t.fold)
                .is_some_and(|r| T3_ROWS[r].formats == Formats::Only(Format::F2021))
    })
}

/// Settle glued rows with the table's column equations: （七）总计 = Σ results and
/// 一 + 二 = （七） + 四, per column. A row is decided when one candidate alone satisfies every
/// equation in which it is the only unknown.
fn resolve_t3(
    rd: &mut Reader,
    known: &mut [[Option<i64>; 7]],
    mut pending: Vec<Pending>,
    found: &[bool],
) {
    let role = |r: usize| T3_ROWS[r].role;
    let results: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&r| role(r) == T3Role::Result && found[r])
        .collect();
    let row_of = |want: T3Role| (0..T3_ROWS.len()).find(|&r| role(r) == want).unwrap_or(0);
    let total = row_of(T3Role::ResultsTotal);
    let balance: Vec<(usize, i64)> = vec![
        (row_of(T3Role::Received), 1),
        (row_of(T3Role::CarriedOver), 1),
        (total, -1),
        (row_of(T3Role::CarriedForward), -1),
    ];
    let mut sum_eq: Vec<(usize, i64)> = results.iter().map(|&r| (r, 1)).collect();
    sum_eq.push((total, -1));
    let equations = [sum_eq, balance];
    let mut progress = true;
    while progress && !pending.is_empty() {
        progress = false;
        for p in pending.iter_mut() {
            let row = p.row;
            for eq in &equations {
                if !eq.iter().any(|&(r, _)| r == row) {
                    continue;
                }
                let others_known = eq
                    .iter()
                    .filter(|&&(r, _)| r != row)
                    .all(|&(r, _)| known[r].iter().all(Option::is_some));
                if !others_known {
                    continue;
                }
                let coef = eq.iter().find(|&&(r, _)| r == row).map_or(1, |&(_, c)| c);
                // An equation that no candidate satisfies says the table is inconsistent (the
                // arithmetic rules report it); it cannot choose a split, so it is skipped.
                let before = p.cands.clone();
                p.cands.retain(|cand| {
                    (0..7).all(|c| {
                        let rest: i64 = eq
                            .iter()
                            .filter(|&&(r, _)| r != row)
                            .map(|&(r, k)| k * known[r][c].unwrap_or(0))
                            .sum();
                        rest + coef * cand[c] == 0
                    })
                });
                if p.cands.is_empty() {
                    p.cands = before;
                }
            }
            if p.cands.len() == 1 {
                let cand = p.cands[0];
                known[row] = cand.map(Some);
                progress = true;
            }
        }
        // Settle decided rows now so they count as known for the others.
        let (done, rest): (Vec<Pending>, Vec<Pending>) =
            pending.into_iter().partition(|p| p.cands.len() <= 1);
        pending = rest;
        for p in done {
            settle(rd, p);
        }
    }
    for p in pending {
        settle(rd, p);
    }
}

fn settle(rd: &mut Reader, p: Pending) {
    let ids = t3_ids(p.row);
    let ex = rd.excerpt(p.label, &p.runs);
    let printed = rd.printed(&p.runs);
    match p.cands.len() {
        0 => {
            let n = p.runs.len();
            rd.unreadable(&ids, p.label, &p.runs, n);
        }
        1 => {
            let msg = rd.glued_message(&ids, &printed, &[p.cands[0].to_vec()]);
            for (c, &v) in p.cands[0].iter().enumerate() {
                rd.set_num(ids[c], v);
            }
            rd.diag(GLUED_CELLS, Severity::Info, &ids, p.label, ex, msg);
        }
        _ => {
            let shown: Vec<Vec<i64>> = p.cands.iter().map(|c| c.to_vec()).collect();
            let msg = rd.glued_message(&ids, &printed, &shown);
            rd.diag(AMBIGUOUS_CELLS, Severity::Error, &ids, p.label, ex, msg);
        }
    }
}

fn read_t4(rd: &mut Reader, start: usize, end: usize, out: &mut Tables) {
    let l = layout();
    let ids: Vec<CellId> = (0..3)
        .flat_map(|b| (0..5).map(move |c| (b, c)))
        .map(|(b, c)| l.t4(b, c))
        .collect();
    // Runs of values and empty cells between pieces of text.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for i in start..end {
        match rd.tok(i).kind {
            TokKind::Text => {
                if labels::t4_header(&rd.tok(i).fold) {
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
    let is_value = |k: &usize| rd.tok(*k).kind == TokKind::Value;
    for run in &runs {
        let a = run.iter().position(is_value);
        let b = run.iter().rposition(is_value);
        let (Some(a), Some(b)) = (a, b) else { continue };
        let trimmed = &run[a..=b];
        let values: Vec<usize> = run.iter().copied().filter(is_value).collect();
        let cells: Option<Vec<usize>> = if trimmed.len() == 15 {
            Some(trimmed.to_vec())
        } else if values.len() == 15 {
            Some(values)
        } else {
            None
        };
        if let Some(cells) = cells {
            for (&id, &k) in ids.iter().zip(&cells) {
                rd.set(id, Some(k));
            }
            out.t4_found = true;
            out.t4.mark(cells[0]);
            out.t4.mark(cells[14]);
            return;
        }
    }
    // Separators lost: the first runs whose digits split under the block totals (a few at
    // most: each search has a budget, and a hostile input can have many runs).
    for run in runs.iter().filter(|r| r.len() < 15).take(4) {
        let values: Vec<usize> = run.iter().copied().filter(is_value).collect();
        let digits: Option<Vec<String>> = values
            .iter()
            .map(|&k| digits_only(&rd.tok(k).raw))
            .collect();
        let Some(digits) = digits else { continue };
        if values.is_empty()
            || values.len() >= 15
            || digits.iter().map(String::len).sum::<usize>() < 15
        {
            continue;
        }
        let label = values[0];
        let ex = rd.excerpt(label, &values[1..]);
        let printed = rd.printed(&values);
        match glue::splits(&digits, 15, &glue::t4_row_ok) {
            Some(s) if s.len() == 1 => {
                let msg = rd.glued_message(&ids, &printed, &s);
                for (&id, &v) in ids.iter().zip(&s[0]) {
                    rd.set_num(id, v);
                }
                rd.diag(GLUED_CELLS, Severity::Info, &ids, label, ex, msg);
            }
            Some(s) if s.len() > 1 => {
                let msg = rd.glued_message(&ids, &printed, &s);
                rd.diag(AMBIGUOUS_CELLS, Severity::Error, &ids, label, ex, msg);
            }
            _ => continue,
        }
        out.t4_found = true;
        out.t4.mark(label);
        out.t4.mark(*values.last().unwrap_or(&label));
        return;
    }
}

impl Tables {
    /// After the format is known: every table or row of that layout that was not read.
    pub fn report_missing(&mut self, doc: &Doc, report: &Report, zh: bool) {
        let f = report.format;
        let l = layout();
        let mut diags = Vec::new();
        let where_ = |span: &TableSpan| {
            span.region.map(|(s, _)| {
                doc.location(
                    s,
                    Some(clip(
                        &doc.line_of(s).map_or(String::new(), |l| l.text.clone()),
                        60,
                    )),
                )
            })
        };
        // Table 二.
        let t2_any = self.t2_found.iter().any(|&b| b);
        if self.t2.region.is_none() && !t2_any {
            diags.push(table_missing(crate::model::layout::TableId::Proactive, zh));
        } else {
            for (r, row) in T2_ROWS.iter().enumerate() {
                let in_f = row.formats.has(f);
                if in_f && !self.t2_found[r] {
                    let ids: Vec<CellId> = row
                        .columns
                        .iter()
                        .zip(&t2_ids()[r])
                        .filter(|(c, _)| c.formats.has(f) && row.formats.has(f))
                        .map(|(_, &id)| id)
                        .collect();
                    diags.push(row_missing(&ids, zh, where_(&self.t2)));
                }
            }
        }
        // Table 三.
        let t3_any = self.t3_found.iter().any(|&b| b);
        if self.t3.region.is_none() && !t3_any {
            diags.push(table_missing(
                crate::model::layout::TableId::Applications,
                zh,
            ));
        } else {
            let sub_rows_found = T3_ROWS
                .iter()
                .enumerate()
                .any(|(r, row)| row.key.starts_with("results/otherHandling/") && self.t3_found[r]);
            let single_found = T3_ROWS
                .iter()
                .enumerate()
                .any(|(r, row)| row.key == "results/otherHandling" && self.t3_found[r]);
            for (r, row) in T3_ROWS.iter().enumerate() {
                if !row.formats.has(f) || self.t3_found[r] {
                    continue;
                }
                // The other layout's （六） stands in: that is a format-mismatch, not a gap.
                let is_sub = row.key.starts_with("results/otherHandling/");
                if (is_sub && single_found)
                    || (row.key == "results/otherHandling" && sub_rows_found)
                {
                    continue;
                }
                let ids: Vec<CellId> = (0..T3_COLUMNS.len()).map(|c| l.t3(r, c)).collect();
                diags.push(row_missing(&ids, zh, where_(&self.t3)));
            }
        }
        // Table 四.
        if !self.t4_found {
            let already = self
                .diags
                .iter()
                .any(|d| d.path.starts_with("/reviewLitigation"));
            if already {
            } else if self.t4.region.is_none() {
                diags.push(table_missing(
                    crate::model::layout::TableId::ReviewLitigation,
                    zh,
                ));
            } else {
                let ids: Vec<CellId> = (0..3)
                    .flat_map(|b| (0..5).map(move |c| l.t4(b, c)))
                    .collect();
                let message = if zh {
                    "表四的 15 个数据（行政复议、行政诉讼各栏）未能读取：找到了表头，但没有一行恰好 15 个数。请核对原文。".to_string()
                } else {
                    "The 15 values of table 4 (review and litigation) could not be read: the heading was found but no row of exactly 15 numbers. Check the source.".to_string()
                };
                let mut d = Diagnostic::new(
                    UNREADABLE_CELL,
                    Severity::Error,
                    "/reviewLitigation",
                    message,
                );
                d.related = ids.iter().map(|&i| l.cell(i).path.clone()).collect();
                d.location = where_(&self.t4);
                diags.push(d);
            }
        }
        self.diags.extend(diags);
    }
}

fn table_missing(t: crate::model::layout::TableId, zh: bool) -> Diagnostic {
    let message = if zh {
        format!(
            "未找到{}（{}）：既没有该部分标题，也没有可识别的表格行。",
            t.short().zh,
            t.label().zh
        )
    } else {
        format!(
            "{} ({}) was not found: neither its heading nor any row of it could be recognised.",
            crate::messages::cap(t.short().en),
            t.label().en
        )
    };
    Diagnostic::new(
        TABLE_NOT_FOUND,
        Severity::Error,
        format!("/{}", t.key()),
        message,
    )
}

fn row_missing(ids: &[CellId], zh: bool, at: Option<crate::diagnostic::Location>) -> Diagnostic {
    let l = layout();
    let c = l.cell(ids[0]);
    let message = if zh {
        format!("未找到{}（表格中没有可识别的该行标签）。", c.row_name_zh)
    } else {
        format!(
            "{} was not found (no label of it could be recognised in the table).",
            crate::messages::cap(&c.row_name_en)
        )
    };
    let mut d = Diagnostic::new(ROW_NOT_FOUND, Severity::Error, row_path(ids[0]), message);
    d.related = ids.iter().map(|&i| l.cell(i).path.clone()).collect();
    d.location = at;
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn plain_counts_read_as_normalize_str_does() {
        for raw in ["0", "7", "20", "3119", "000121", "999999999999999"] {
            for kind in [Kind::Count, Kind::Signed] {
                assert_eq!(
                    plain_count(raw, kind),
                    Some(normalize_str(raw, kind, None)),
                    "{raw}"
                );
            }
        }
        assert_eq!(plain_count("12", Kind::Money), None);
        assert_eq!(plain_count("+6", Kind::Signed), None);
        assert_eq!(plain_count("1,234", Kind::Count), None);
    }
}
