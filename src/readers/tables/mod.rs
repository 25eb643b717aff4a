//! Reading tables 二, 三 and 四 from the token stream, the same code for HTML grids, `|` rows,
//! one cell per line, `pdftotext -layout` text and text whose cells ran together.
//!
//! Rows are found by the official label sequence (never by position alone): a label may be
//! truncated, spaced, without its numbering, wrapped, or come after a group label in an extra
//! cell. A row's values are the numbers after its label, up to the next label. Where a row came
//! out short, the cells' own structure (an HTML grid, a `|` row with empty cells, the columns of
//! laid-out text) places them; digits whose separators were lost are split by the table's own
//! arithmetic, the table solved as a whole (`solve`). Anything that cannot be read for certain
//! is an extraction finding at the place the reader looked: never a guess.

mod columns;
mod rows;
mod solve;
mod t2;
mod t3;
mod t4;

use super::doc::{Doc, Tok, TokKind};
use super::labels;
use super::norm::clip;
use super::rules::{glued_cells, row_not_found, table_not_found, unreadable_cell};
use crate::diagnostic::{Diagnostic, Location, Num};
use crate::model::layout::{layout, CellId, TableId, T2_ROWS, T3_COLUMNS, T3_ROWS};
use crate::model::normalize::normalize_str;
use crate::model::{CellState, Report};

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

/// Where a cell was read: a token, and for digits split from a run that lost its separators,
/// the character offset of the cell's digits in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub tok: u32,
    pub offset: u32,
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
    /// Where each cell was read, by `CellId`.
    pub sources: Vec<Option<Source>>,
}

struct Reader<'a> {
    doc: &'a Doc<'a>,
    zh: bool,
    report: &'a mut Report,
    diags: Vec<Diagnostic>,
    sources: Vec<Option<Source>>,
    /// Rows of the table being read that were split back (said once per table).
    glued: Vec<glued_cells::Split>,
}

impl<'a> Reader<'a> {
    fn tok(&self, i: usize) -> Tok<'a> {
        self.doc.tok(i)
    }

    /// What was seen: the label and the items after it, as far as an excerpt shows (a row of a
    /// million cells is not joined whole to be cut).
    fn excerpt(&self, label: usize, items: impl IntoIterator<Item = usize>) -> String {
        const MAX: usize = 80;
        let mut out = String::new();
        let mut chars = 0;
        for (i, k) in std::iter::once(label).chain(items).enumerate() {
            if chars > MAX {
                break;
            }
            let sep = if i > 0 { " | " } else { "" };
            // Of each piece, what can still show, and one character more for the "…".
            let raw = self.tok(k).raw;
            let keep = raw
                .char_indices()
                .nth(MAX + 1 - chars)
                .map_or(raw, |(at, _)| &raw[..at]);
            out.push_str(sep);
            out.push_str(keep);
            chars += sep.len() + keep.chars().count();
        }
        clip(&out, MAX)
    }

    /// Where a finding is: at token `at`, with what was seen.
    fn at(&self, at: usize, excerpt: String) -> Option<Location> {
        Some(self.doc.location(at, Some(excerpt)))
    }

    /// The values of `toks` as printed, joined by spaces (for messages).
    fn printed(&self, toks: &[usize]) -> String {
        let parts: Vec<&str> = toks.iter().map(|&k| self.tok(k).raw).collect();
        crate::messages::join(&parts, " ")
    }

    /// A cell read from a token: its value, or a blank (an empty cell, `-`, `—`, `/`).
    fn set(&mut self, id: CellId, tok: usize) {
        let c = layout().cell(id);
        let t = self.tok(tok);
        let state = if t.kind == TokKind::Empty {
            CellState::Blank { input: None }
        } else if let Some(v) = plain_count(t.raw, c.kind) {
            // Most cells are a few plain digits: the same result as `normalize_str` (see the
            // test), without its allocations.
            v
        } else {
            normalize_str(t.raw, c.kind, c.unit)
        };
        self.put(id, state, tok, 0);
    }

    /// A cell printed as nothing at all (a blank that left no token), placed by its column.
    fn set_blank(&mut self, id: CellId, near: usize) {
        self.put(id, CellState::Blank { input: None }, near, 0);
    }

    /// A cell split from glued digits: `v`, whose digits start `offset` characters into `tok`.
    fn set_num(&mut self, id: CellId, v: i64, tok: usize, offset: usize) {
        self.put(id, CellState::Value(Num::Int(v)), tok, offset);
    }

    fn put(&mut self, id: CellId, state: CellState, tok: usize, offset: usize) {
        if let Some(slot) = self.report.cells.get_mut(id as usize) {
            *slot = state;
        }
        if let Some(slot) = self.sources.get_mut(id as usize) {
            *slot = Some(Source {
                tok: tok.min(u32::MAX as usize) as u32,
                offset: offset.min(u32::MAX as usize) as u32,
            });
        }
    }

    /// The token, and the character in it, of the `off`-th digit of a run of tokens.
    fn locate(&self, toks: &[usize], mut off: usize) -> (usize, usize) {
        for &k in toks {
            let n = self.tok(k).raw.chars().count();
            if off < n {
                return (k, off);
            }
            off -= n;
        }
        (toks.last().copied().unwrap_or(0), 0)
    }

    /// Say the rows split back while reading `table`, once.
    fn said_glued(&mut self, table: TableId) {
        let rows = std::mem::take(&mut self.glued);
        self.diags
            .extend(glued_cells::findings(table, rows, self.zh));
    }

    fn unreadable(
        &mut self,
        ids: &[CellId],
        label: usize,
        items: impl IntoIterator<Item = usize>,
        found: usize,
    ) {
        let why = unreadable_cell::Why::Count {
            found,
            expected: ids.len(),
        };
        let at = self.at(label, self.excerpt(label, items));
        self.diags
            .push(unreadable_cell::finding(ids, why, self.zh, at));
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
/// Only the tokens from `start` on are searched (a second copy of the report, see [`repeated`]).
fn regions(doc: &Doc, headings: &[(usize, usize)], start: usize) -> [Option<(usize, usize)>; 3] {
    let head = |k: usize| headings.iter().find(|(h, _)| *h == k).map(|(_, t)| *t);
    let first = |pred: &dyn Fn(&str) -> bool, from: usize| {
        doc.toks(from, doc.tok_count())
            .find(|(_, t)| t.kind == TokKind::Text && pred(t.fold()))
            .map(|(i, _)| i)
    };
    let t2 = head(1).or_else(|| {
        first(
            &|f| f.starts_with("第二十条") || labels::t2_row(f).is_some(),
            start,
        )
    });
    let t3 = head(2).or_else(|| {
        first(
            &|f| f.starts_with("(本列数据") || labels::t3_row(f).is_some(),
            t2.unwrap_or(start),
        )
    });
    let t4 = head(3).or_else(|| {
        first(
            &|f| f.starts_with("行政复议") || f.starts_with("四、政府信息公开行政复议"),
            t3.unwrap_or(start),
        )
    });
    let ends: Vec<usize> = [t3, t4, head(4), head(5)]
        .iter()
        .flatten()
        .copied()
        .chain(std::iter::once(doc.tok_count()))
        .collect();
    let region = |s: Option<usize>| {
        s.map(|s| {
            let e = ends
                .iter()
                .copied()
                .filter(|&e| e > s)
                .min()
                .unwrap_or(doc.tok_count());
            (s, e)
        })
    };
    [region(t2), region(t3), region(t4)]
}

/// Read the three tables into `report`'s cells.
pub fn read(doc: &Doc, headings: &[(usize, usize)], report: &mut Report, zh: bool) -> Tables {
    read_from(doc, headings, report, zh, 0)
}

/// As [`read`], the tables looked for from token `start` on.
fn read_from(
    doc: &Doc,
    headings: &[(usize, usize)],
    report: &mut Report,
    zh: bool,
    start: usize,
) -> Tables {
    let [r2, r3, r4] = regions(doc, headings, start);
    let mut rd = Reader {
        doc,
        zh,
        report,
        diags: Vec::new(),
        sources: vec![None; layout().cells.len()],
        glued: Vec::new(),
    };
    let span = |region| TableSpan { region, used: None };
    let mut out = Tables {
        t2: span(r2),
        t3: span(r3),
        t4: span(r4),
        t2_found: vec![false; T2_ROWS.len()],
        t3_found: vec![false; T3_ROWS.len()],
        t4_found: false,
        diags: Vec::new(),
        sources: Vec::new(),
    };
    if let Some((s, e)) = r2 {
        t2::read(&mut rd, s, e, &mut out);
        rd.said_glued(TableId::Proactive);
    }
    if let Some((s, e)) = r3 {
        t3::read(&mut rd, s, e, &mut out);
        rd.said_glued(TableId::Applications);
    }
    if let Some((s, e)) = r4 {
        t4::read(&mut rd, s, e, &mut out);
        rd.said_glued(TableId::ReviewLitigation);
    }
    out.diags = rd.diags;
    out.sources = rd.sources;
    out
}

impl Tables {
    /// After the format is known: every table, and every row of that layout, that was not read.
    /// One finding per table.
    pub fn report_missing(&mut self, doc: &Doc, report: &Report, zh: bool) {
        let f = report.format;
        let l = layout();
        let mut diags = Vec::new();
        let cells_of = |t: TableId| -> Vec<CellId> {
            l.cells_of(f)
                .filter(|(_, c)| c.table == t)
                .map(|(id, _)| id)
                .collect()
        };
        let where_ = |span: &TableSpan| {
            span.region.map(|(s, _)| {
                doc.location(s, Some(clip(doc.line_of(s).map_or("", |l| l.text()), 60)))
            })
        };
        // Cells some finding of the reader already covers (an unreadable table, say).
        let covered = |id: CellId| {
            let p = &l.cell(id).path;
            self.diags
                .iter()
                .any(|d| d.related.iter().any(|r| r == p) || &d.path == p)
        };
        // A table none of whose rows was found, or one finding for the rows not found.
        let mut missing =
            |table: TableId, span: &TableSpan, found: bool, rows: Vec<Vec<CellId>>| {
                if !found {
                    let cells = cells_of(table);
                    let heading = span.region.is_some();
                    diags.push(table_not_found::finding(table, heading, &cells, zh));
                } else if !rows.is_empty() {
                    diags.push(row_not_found::finding(table, &rows, zh, where_(span)));
                }
            };
        // Table 二.
        let rows: Vec<Vec<CellId>> = T2_ROWS
            .iter()
            .enumerate()
            .filter(|(r, row)| row.formats.has(f) && !self.t2_found[*r])
            .map(|(r, _)| t2::ids(r, f))
            .filter(|ids| !ids.iter().any(|&c| covered(c)))
            .collect();
        missing(
            TableId::Proactive,
            &self.t2,
            self.t2_found.contains(&true),
            rows,
        );
        // Table 三.
        let sub_rows_found = T3_ROWS
            .iter()
            .enumerate()
            .any(|(r, row)| row.key.starts_with("results/otherHandling/") && self.t3_found[r]);
        let single_found = T3_ROWS
            .iter()
            .enumerate()
            .any(|(r, row)| row.key == "results/otherHandling" && self.t3_found[r]);
        let mut rows: Vec<Vec<CellId>> = Vec::new();
        for (r, row) in T3_ROWS.iter().enumerate() {
            if !row.formats.has(f) || self.t3_found[r] {
                continue;
            }
            // The other layout's （六） stands in: that is a format-mismatch, not a gap.
            let is_sub = row.key.starts_with("results/otherHandling/");
            if (is_sub && single_found) || (row.key == "results/otherHandling" && sub_rows_found) {
                continue;
            }
            let ids: Vec<CellId> = (0..T3_COLUMNS.len()).map(|c| l.t3(r, c)).collect();
            if !ids.iter().any(|&c| covered(c)) {
                rows.push(ids);
            }
        }
        missing(
            TableId::Applications,
            &self.t3,
            self.t3_found.contains(&true),
            rows,
        );
        // Table 四.
        if !self.t4_found {
            let ids = t4::ids();
            if ids.iter().any(|&c| covered(c)) {
            } else if self
                .t4
                .region
                .is_some_and(|(s, e)| doc.toks(s, e).any(|(_, t)| t.kind == TokKind::Value))
            {
                diags.push(unreadable_cell::finding(
                    &ids,
                    unreadable_cell::Why::Table4,
                    zh,
                    where_(&self.t4),
                ));
            } else {
                // No number under its heading, or no heading: the table is not there.
                diags.push(table_not_found::finding(
                    TableId::ReviewLitigation,
                    self.t4.region.is_some(),
                    &ids,
                    zh,
                ));
            }
        }
        self.diags.extend(diags);
    }

    /// Whether table 三 rows were found (an old-format report has none).
    pub fn t3_rows_found(&self) -> usize {
        self.t3_found.iter().filter(|&&b| b).count()
    }

    /// The last token any of the three tables used.
    fn end(&self) -> Option<usize> {
        [&self.t2, &self.t3, &self.t4]
            .iter()
            .filter_map(|s| s.used.map(|(_, b)| b))
            .max()
    }
}

/// Table 三's rows a second reading must find at least to count as a second copy of the report
/// (and two thirds of those the first copy has), so that a page's other tables (a list of
/// documents, a statistics box) never do.
const COPY_T3_ROWS: usize = 8;

/// Whether a short line between the two readings (a title, a caption) says the tables after it
/// are another report's: another year (`2023年`) than this report's, or 上年, 去年, 对比.
fn another_report(doc: &Doc, from: usize, to: usize, year: Option<i32>) -> bool {
    (from..to).filter_map(|i| doc.line(i)).any(|l| {
        let text = l.text();
        if text.chars().count() > 40 {
            return false;
        }
        if ["上年", "去年", "对比", "比较"]
            .iter()
            .any(|w| text.contains(w))
        {
            return true;
        }
        let b = text.as_bytes();
        year.is_some_and(|y| {
            text.match_indices('年').any(|(at, _)| {
                at >= 4
                    && b[at - 4..at].iter().all(u8::is_ascii_digit)
                    && text[at - 4..at]
                        .parse::<i32>()
                        .is_ok_and(|n| (1990..2100).contains(&n) && n != y)
            })
        })
    })
}

/// A second copy of the tables after the first (a page that prints the report twice: a draft
/// and the final text, the page and its print version): where it starts, and the cells whose
/// numbers differ from the first copy's, with both (`None`: printed blank, which a published
/// page means as 0). An empty list when the copies agree.
pub struct Repeat {
    pub at: usize,
    pub differing: Vec<(CellId, Option<Num>, Option<Num>)>,
}

/// Looks for a second copy of the tables after the ones read (`first`, into `report`): read
/// the same way from where the first copy's tables end, with the part headings found after it.
pub fn repeated(doc: &Doc, first: &Tables, report: &Report, zh: bool) -> Option<Repeat> {
    let end = first.end()?;
    // Most pages end with prose and a footer: one pass for a row of table 三 decides it,
    // before anything is set up for a second reading.
    doc.toks(end + 1, doc.tok_count())
        .find(|(_, t)| t.kind == TokKind::Text && labels::t3_row(t.fold()).is_some())?;
    let after_line = doc.tok(end).line() as usize + 1;
    let headings: Vec<(usize, usize)> = super::meta::headings_from(doc, after_line)
        .iter()
        .map(|&(k, l)| (k, doc.line_toks(l).0))
        .collect();
    let mut copy = Report::default();
    let second = read_from(doc, &headings, &mut copy, zh, end + 1);
    // Most of the rows the first copy has: a second reading that began inside the first copy's
    // table (no heading after it to end its region) finds only that table's last rows.
    if second.t3_rows_found() < COPY_T3_ROWS.max(first.t3_rows_found() * 2 / 3) {
        return None;
    }
    // Cells either reading named (split from glued digits, ambiguous, unreadable) were not read
    // for certain: two readings of equal numbers may split them differently.
    let named: Vec<&str> = first
        .diags
        .iter()
        .chain(&second.diags)
        .flat_map(|d| std::iter::once(d.path.as_str()).chain(d.related.iter().map(String::as_str)))
        .filter(|p| !p.is_empty())
        .collect();
    let uncertain = |path: &str| {
        named
            .iter()
            .any(|n| path == *n || crate::json::pointer_below(path, n))
    };
    let l = layout();
    let mut compared = 0usize;
    let at = [&second.t2, &second.t3, &second.t4]
        .iter()
        .filter_map(|s| s.used.map(|(a, _)| a))
        .min()?;
    if another_report(doc, after_line, doc.tok(at).line() as usize, report.year) {
        return None;
    }
    let differing = report
        .cells
        .iter()
        .zip(&copy.cells)
        .enumerate()
        .filter_map(|(id, pair)| {
            // A cell one copy lacks, or could not read, is no difference.
            let number = |c: &CellState| match c {
                CellState::Value(v) => Some(Some(*v)),
                CellState::Blank { .. } => Some(None),
                _ => None,
            };
            let (a, b) = (number(pair.0)?, number(pair.1)?);
            let id = CellId::try_from(id).ok()?;
            if uncertain(&l.cell(id).path) {
                return None;
            }
            compared += 1;
            let value = |n: Option<Num>| n.map_or(0.0, |v| v.as_f64());
            (value(a) != value(b)).then_some((id, a, b))
        })
        .collect::<Vec<_>>();
    // Tables that differ in more than a third of their numbers are another report (last year's
    // printed for comparison, a second report on one page), not a copy of this one.
    if differing.len() * 3 > compared {
        return None;
    }
    Some(Repeat { at, differing })
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
