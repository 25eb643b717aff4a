//! HTML as published into the token stream. `tokens` tokenizes (entities, broken markup, raw
//! text of `<script>`); this module only keeps text, breaks lines at block elements, and expands
//! each `<table>` into its grid (rowspan/colspan) so that every cell knows its grid column.
//! A table nested inside another table's cell turns the outer one into page layout: its text
//! flows as prose, the inner table is read as a table.

use super::doc::{Chunked, Doc, Elem};
use super::tokens::{tokenize, Sink, Tag};

/// Upper bounds on spans: real reports use at most ~25; the caps keep hostile input linear.
const MAX_COLSPAN: u32 = 64;
const MAX_ROWSPAN: u32 = 512;
/// Grid columns tracked per table; cells past it keep their order but no spans.
const MAX_WIDTH: usize = 512;

/// Cap on one cell's text: hostile input stays linear, and no real cell comes near it.
const MAX_CELL_TEXT: usize = 1 << 20;

/// A cell: 12 bytes while its table is read (a table can have a million of them). Its text
/// runs from its start to the next cell's in its table's `text` (text is only typed into the
/// open cell); its `td` index is its place in its row.
#[derive(Clone, Copy)]
struct Cell {
    start: u32,
    /// Its grid column, once its row is placed.
    col: u32,
    colspan: u8,
    rowspan: u16,
}

#[derive(Default)]
struct Table {
    index: u32,
    /// The text of all its cells, one after the other: one growing buffer instead of a string
    /// per cell, which spared 2% of the instructions of reading a page.
    text: String,
    /// Its cells, row after row (chunked: a table of a million cells grows without copies).
    cells: Chunked<Cell>,
    /// Rows placed: (`tr` number, end of its cells in `cells`).
    rows: Vec<(u32, u32)>,
    /// Grid columns still covered by a rowspan from above: (column, rows left), by column.
    carry: Vec<(u32, u32)>,
    /// The open row: its `tr` number and where its cells start.
    row: Option<(u32, u32)>,
    cell: Option<Cell>,
    tr_count: u32,
    layout: bool,
}

impl Table {
    /// The text of cell `k` (of `cells`).
    fn cell_text(&self, k: usize) -> &str {
        let start = |k: usize| self.cells.get(k).map(|c| c.start as usize);
        let (a, b) = (
            start(k).unwrap_or(0),
            start(k + 1).unwrap_or(self.text.len()),
        );
        self.text.get(a..b).unwrap_or("")
    }

    /// Text typed into the open cell.
    fn push_text(&mut self, s: &str) {
        if let Some(c) = self.cell.as_ref() {
            if self.text.len() - (c.start as usize) < MAX_CELL_TEXT {
                self.text.push_str(s);
            }
        }
    }

    fn close_cell(&mut self) {
        if let Some(c) = self.cell.take() {
            if self.row.is_none() {
                self.tr_count += 1;
                self.row = Some((self.tr_count, self.cells.len() as u32));
            }
            self.cells.push(c);
        }
    }

    /// Place the open row's cells on the grid, skipping columns covered from above. Covered
    /// columns are kept sparse (column, rows left) so a row costs its cells plus the spans
    /// still open, whatever the table's width.
    fn close_row(&mut self) {
        self.close_cell();
        let Some((tr, from)) = self.row.take() else {
            return;
        };
        let mut opened: Vec<(u32, u32)> = Vec::new();
        let mut col = 0u32;
        for k in from as usize..self.cells.len() {
            let Some(mut c) = self.cells.get(k) else {
                continue;
            };
            while self.carry.binary_search_by_key(&col, |e| e.0).is_ok() {
                col += 1;
            }
            c.col = col;
            if col as usize >= MAX_WIDTH {
                col = col.saturating_add(1);
            } else {
                let span = u32::from(c.colspan);
                if c.rowspan > 1 {
                    opened.extend((col..col + span).map(|k| (k, u32::from(c.rowspan) - 1)));
                }
                col += span;
            }
            self.cells.set(k, c);
        }
        self.carry.retain_mut(|e| {
            e.1 -= 1;
            e.1 > 0
        });
        for e in opened {
            if let Err(at) = self.carry.binary_search_by_key(&e.0, |x| x.0) {
                self.carry.insert(at, e);
            }
        }
        self.rows.push((tr, self.cells.len() as u32));
    }

    /// The placed rows: (`tr` number, cell range).
    fn placed(&self) -> impl Iterator<Item = (u32, std::ops::Range<usize>)> + '_ {
        let starts = std::iter::once(0).chain(self.rows.iter().map(|r| r.1));
        self.rows
            .iter()
            .zip(starts)
            .map(|(&(tr, end), start)| (tr, start as usize..end as usize))
    }
}

struct Builder<'a> {
    doc: Doc<'a>,
    line: String,
    /// The element the open line is in: name and number, as in `p[3]`.
    line_elem: Option<(&'static str, u32)>,
    tables: Vec<Table>,
    table_count: u32,
    skip: u32,
    block_count: u32,
    /// Open `ul`/`ol` lists and `a` links outside table cells, for dropping navigation.
    lists: u32,
    links: u32,
    /// Whether the open line has text outside a link.
    line_plain: bool,
}

/// A span attribute: its leading digits, 1 when there are none, they are 0 or they overflow,
/// at most `max`. Read in place (twice per cell: a `String` per call showed in profiles).
fn attr_u32(tag: &Tag, name: &str, max: u32) -> u32 {
    let Some(s) = tag.attr(name) else { return 1 };
    let mut n = 0u32;
    for b in s.trim().bytes().take_while(u8::is_ascii_digit) {
        match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u32::from(b - b'0')))
        {
            Some(v) => n = v,
            None => return 1,
        }
    }
    n.clamp(1, max)
}

/// Elements that break lines (`tr`, `td` and `th` only inside a layout table). Their names are
/// kept as static strings, so that a line's element is only formatted when a location is.
const BLOCKS: &[&str] = super::doc::ELEMS.split_at(30).0;

/// Elements whose content is never text of the page: skipped.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        [b's', b'c', b'r', b'i', b'p', b't']
            | [b's', b't', b'y', b'l', b'e']
            | [b't', b'e', b'm', b'p', b'l', b'a', b't', b'e']
            | [b'n', b'o', b's', b'c', b'r', b'i', b'p', b't']
            | [b's', b'v', b'g']
    )
}

fn block_name(name: &str) -> Option<&'static str> {
    // Byte patterns, not string comparisons: matched by length and byte, with no call to
    // `memcmp` per name (a search of BLOCKS was about 5% of reading a portal page in wasm).
    let i = match name.as_bytes() {
        [b'p'] => 0,
        [b'd', b'i', b'v'] => 1,
        [b'b', b'r'] => 2,
        [b'h', b'1'] => 3,
        [b'h', b'2'] => 4,
        [b'h', b'3'] => 5,
        [b'h', b'4'] => 6,
        [b'h', b'5'] => 7,
        [b'h', b'6'] => 8,
        [b'l', b'i'] => 9,
        [b'u', b'l'] => 10,
        [b'o', b'l'] => 11,
        [b's', b'e', b'c', b't', b'i', b'o', b'n'] => 12,
        [b'a', b'r', b't', b'i', b'c', b'l', b'e'] => 13,
        [b'h', b'e', b'a', b'd', b'e', b'r'] => 14,
        [b'f', b'o', b'o', b't', b'e', b'r'] => 15,
        [b't', b'i', b't', b'l', b'e'] => 16,
        [b'b', b'l', b'o', b'c', b'k', b'q', b'u', b'o', b't', b'e'] => 17,
        [b'p', b'r', b'e'] => 18,
        [b'h', b'r'] => 19,
        [b'd', b'd'] => 20,
        [b'd', b't'] => 21,
        [b'd', b'l'] => 22,
        [b'c', b'e', b'n', b't', b'e', b'r'] => 23,
        [b'f', b'o', b'r', b'm'] => 24,
        [b'b', b'o', b'd', b'y'] => 25,
        [b'c', b'a', b'p', b't', b'i', b'o', b'n'] => 26,
        [b't', b'r'] => 27,
        [b't', b'd'] => 28,
        [b't', b'h'] => 29,
        _ => return None,
    };
    BLOCKS.get(i).copied()
}

impl Builder<'_> {
    fn in_cell(&self) -> bool {
        self.tables
            .last()
            .is_some_and(|t| !t.layout && t.cell.is_some())
    }

    fn flush_line(&mut self) {
        let elem = self.line_elem.take();
        let text = self.line.trim();
        // A list item that is nothing but a link is navigation (menus, columns, related
        // articles: a portal page prints hundreds): no table or prose is in it, and as lines it
        // cost a tenth of checking the page.
        let navigation = self.lists > 0 && !self.line_plain && matches!(elem, Some(("li", _)));
        self.line_plain = false;
        if !text.is_empty() && !navigation {
            let elem = elem.map_or(Elem::None, |(name, n)| Elem::Block(name, n));
            let at = self.doc.push_own(text);
            self.doc.begin_html_line(elem, false, false, at);
            self.doc.push_cell(text, at, false, None);
        }
        self.line.clear();
    }

    fn add_text(&mut self, s: &str) {
        if self.skip > 0 {
            return;
        }
        if self.in_cell() {
            if let Some(t) = self.tables.last_mut() {
                t.push_text(s);
            }
        } else {
            if self.line_elem.is_none() {
                self.line_elem = Some(("text", self.block_count + 1));
            }
            if self.links == 0 && !self.line_plain {
                self.line_plain = !s.trim().is_empty();
            }
            self.line.push_str(s);
        }
    }

    /// A line break at `name`, one of `BLOCKS`.
    fn block(&mut self, name: &str) {
        if self.in_cell() {
            if let Some(t) = self.tables.last_mut() {
                t.push_text("\n");
            }
        } else {
            self.flush_line();
            self.block_count += 1;
            self.line_elem = block_name(name).map(|b| (b, self.block_count));
        }
    }

    /// Emit a finished table's rows as lines of tokens: the row's text (its cells joined by
    /// ` | `), then each cell's tokens at their place in it.
    fn emit_table(&mut self, t: Table) {
        for (tr, range) in t.placed() {
            // An empty row is dropped, unless it is a row of cells (table 四 with every zero
            // left blank is a row of 15 empty cells).
            if range.len() < 2 && range.clone().all(|k| t.cell_text(k).trim().is_empty()) {
                continue;
            }
            let start = self.doc.push_own("");
            for k in range.clone() {
                self.doc.push_own(if k > range.start { " | " } else { "" });
                self.doc.push_own(t.cell_text(k).trim());
            }
            // The row's text is trimmed as a line's is (` | a` when its first cell is empty).
            let lead = self.doc.trim_own(start);
            let elem = Elem::Row { table: t.index, tr };
            self.doc.begin_html_line(elem, true, true, start);
            // Each cell's tokens, at its place in the row's text; its `td` is its place in
            // the row.
            let mut at = start;
            for k in range.clone() {
                let text = t.cell_text(k).trim();
                let here = at.saturating_sub(lead).max(start);
                let col = t.cells.get(k).map_or(0, |c| c.col);
                let td = (k - range.start) as u32;
                self.doc.push_cell(text, here, true, Some((col, td)));
                at += text.len() + 3;
            }
        }
    }

    fn start_table(&mut self) {
        // A table inside a cell: the outer table is page layout, not data; what it held so far
        // becomes prose lines.
        let mut texts: Vec<(u32, String)> = Vec::new();
        if let Some(outer) = self.tables.last_mut() {
            if !outer.layout && outer.cell.is_some() {
                outer.close_row();
                outer.layout = true;
                let index = outer.index;
                for (_, range) in outer.placed() {
                    texts.extend(range.map(|k| (index, outer.cell_text(k).to_string())));
                }
                outer.rows.clear();
                outer.cells = Chunked::default();
            }
        }
        for (index, text) in texts {
            for part in text.split('\n') {
                self.flush_line();
                self.line_elem = Some(("table", index));
                self.line.push_str(part);
                self.line_plain = true;
            }
        }
        self.flush_line();
        self.table_count += 1;
        self.tables.push(Table {
            index: self.table_count,
            ..Table::default()
        });
    }

    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        if t.layout {
            self.flush_line();
            return;
        }
        t.close_row();
        self.flush_line();
        self.emit_table(t);
    }

    fn start_tag(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        // Byte patterns for the names (see block_name).
        match name.as_bytes() {
            n if skipped(n) && !tag.self_closing => {
                self.skip += 1;
            }
            [b't', b'a', b'b', b'l', b'e'] => self.start_table(),
            // A link (`href`): a bookmark (`<a name="_Toc1">` round a heading) is no link.
            [b'a'] if !self.in_cell() && tag.attr("href").is_some() => self.links += 1,
            [b't', b'r'] => match self.tables.last_mut() {
                Some(t) if !t.layout => {
                    t.close_row();
                    t.tr_count += 1;
                    t.row = Some((t.tr_count, t.cells.len() as u32));
                }
                Some(_) => self.block(name),
                None => {}
            },
            [b't', b'd' | b'h'] => match self.tables.last_mut() {
                Some(t) if !t.layout => {
                    t.close_cell();
                    if t.row.is_none() {
                        t.tr_count += 1;
                        t.row = Some((t.tr_count, t.cells.len() as u32));
                    }
                    t.cell = Some(Cell {
                        start: t.text.len() as u32,
                        col: 0,
                        colspan: attr_u32(tag, "colspan", MAX_COLSPAN) as u8,
                        rowspan: attr_u32(tag, "rowspan", MAX_ROWSPAN) as u16,
                    });
                }
                Some(_) => self.block(name),
                None => {}
            },
            _ if block_name(name).is_some() => {
                self.block(name);
                self.list_tag(name, true);
            }
            _ => {}
        }
    }

    /// Counts lists opened and closed outside table cells. A link left open (`<li><a>…</li>`)
    /// ends with its item, so that it cannot make later lines look like links.
    fn list_tag(&mut self, name: &str, open: bool) {
        if self.in_cell() {
            return;
        }
        match name.as_bytes() {
            [b'u' | b'o', b'l'] if open => self.lists += 1,
            [b'u' | b'o', b'l'] => {
                self.lists = self.lists.saturating_sub(1);
                self.links = 0;
            }
            [b'l', b'i'] => self.links = 0,
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name.as_bytes() {
            n if skipped(n) => {
                self.skip = self.skip.saturating_sub(1);
            }
            [b't', b'a', b'b', b'l', b'e'] => self.end_table(),
            [b't', b'r'] => match self.tables.last_mut() {
                Some(t) if !t.layout => t.close_row(),
                Some(_) => self.block(name),
                None => {}
            },
            [b't', b'd' | b'h'] => match self.tables.last_mut() {
                Some(t) if !t.layout => t.close_cell(),
                Some(_) => self.block(name),
                None => {}
            },
            [b'a'] if !self.in_cell() => self.links = self.links.saturating_sub(1),
            _ if block_name(name).is_some() => {
                self.block(name);
                self.list_tag(name, false);
            }
            _ => {}
        }
    }
}

impl Sink for Builder<'_> {
    fn start(&mut self, tag: &Tag) {
        self.start_tag(tag);
    }

    fn end(&mut self, name: &str) {
        self.end_tag(name);
    }

    fn text(&mut self, s: &str) {
        // &nbsp; is a space here: an empty-looking cell is an empty cell. (Its UTF-8 lead byte
        // 0xC2 is rare in Chinese text: a byte search rules most text out cheaply.)
        if s.as_bytes().contains(&0xC2) && s.contains('\u{a0}') {
            self.add_text(&s.replace('\u{a0}', " "));
        } else {
            self.add_text(s);
        }
    }
}

// Out of line, as are the other readers' steps: inlined into their one caller they made one
// function so large that V8 took up to half a second to optimise it (docs/performance.md).
#[inline(never)]
pub fn read(input: &str) -> Doc<'static> {
    let mut b = Builder {
        doc: Doc::html(),
        line: String::new(),
        line_elem: None,
        tables: Vec::new(),
        table_count: 0,
        skip: 0,
        block_count: 0,
        lists: 0,
        links: 0,
        line_plain: false,
    };
    tokenize(input, &mut b);
    while !b.tables.is_empty() {
        b.end_table();
    }
    b.flush_line();
    b.doc.finish();
    b.doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::doc::TokKind;

    #[test]
    fn block_names_are_the_blocks() {
        for b in BLOCKS {
            assert_eq!(block_name(b), Some(*b));
        }
        for other in ["span", "a", "o:p", "td ", "P", "", "tbody", "blockquotes"] {
            assert_eq!(block_name(other), None, "{other}");
        }
    }

    #[test]
    fn expands_spans_to_grid_columns() {
        let d = read(
            "<table><tr><td rowspan=2>自然人</td><td colspan=2>法人或其他组织</td><td rowspan=2>总计</td></tr>\
             <tr><td>商业企业</td><td>科研机构</td></tr></table>",
        );
        let cols: Vec<(&str, u32)> = d
            .toks(0, d.tok_count())
            .map(|(_, t)| (t.raw, t.col()))
            .collect();
        assert_eq!(
            cols,
            [
                ("自然人", 0),
                ("法人或其他组织", 1),
                ("总计", 3),
                ("商业企业", 1),
                ("科研机构", 2)
            ]
        );
        assert_eq!(d.elem_of(1), Elem::Row { table: 1, tr: 2 });
        assert_eq!(
            d.location(4, None).element.as_deref(),
            Some("table[1] tr[2] td[2]")
        );
    }

    #[test]
    fn cells_keep_units_breaks_and_blanks() {
        let d = read("<p>前言</p><table><tr><td>本年新<br>制作数量</td><td>251000元</td><td>&nbsp;</td></tr></table><p>后记</p>");
        let kinds: Vec<(TokKind, &str)> = d
            .toks(0, d.tok_count())
            .map(|(_, t)| (t.kind, t.fold()))
            .collect();
        assert_eq!(kinds[0], (TokKind::Text, "前言"));
        assert_eq!(kinds[1], (TokKind::Text, "本年新制作数量"));
        assert_eq!(kinds[2].0, TokKind::Value);
        assert_eq!(kinds[3].0, TokKind::Empty);
        assert_eq!(kinds[4], (TokKind::Text, "后记"));
    }

    #[test]
    fn nested_tables_make_the_outer_one_layout() {
        let d = read("<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table><p>五、存在的主要问题及改进情况</p></td></tr></table>");
        let texts: Vec<&str> = d.lines().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            ["一、总体情况", "规章 | 1", "五、存在的主要问题及改进情况"]
        );
    }

    #[test]
    fn spans_are_read_as_before() {
        for (attr, want) in [
            ("colspan=3", 3),
            ("colspan=' 2 '", 2),
            ("colspan=2x", 2),
            ("colspan=0", 1),
            ("colspan=x2", 1),
            ("colspan=''", 1),
            ("", 1),
            ("colspan=99", 64),
            ("colspan=4294967295", 64),
            ("colspan=4294967296", 1),
        ] {
            let d = read(&format!(
                "<table><tr><td {attr}>a</td><td>b</td></tr></table>"
            ));
            let col = d
                .toks(0, d.tok_count())
                .find(|(_, t)| t.raw == "b")
                .map(|(_, t)| t.col());
            assert_eq!(col, Some(want), "{attr}");
        }
    }

    #[test]
    fn headings_that_are_links_or_bookmarks_stay_after_an_unclosed_list() {
        let d = read(
            "<div class=nav><ul><li><a href=/>首页</a></li></div>\
             <h2><a href=#top>一、总体情况</a></h2><p><a href=/x>全文链接</a></p>\
             <li><a name=_Toc1>二、主动公开政府信息情况</a></li>",
        );
        let texts: Vec<&str> = d.lines().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            ["一、总体情况", "全文链接", "二、主动公开政府信息情况"]
        );
    }

    #[test]
    fn list_items_that_are_only_links_are_navigation() {
        let d = read(
            "<ul class=nav><li><a href=/>首页</a><ul><li><a href=/1>政务公开</a></li><li> <a href=/2>年报</a> </li></ul></li></ul>\
             <p>一、<a href=#a>总体情况</a></p>\
             <ol><li>主动公开政府信息<a href=/x>详见</a></li><li><a href=/y>链接</a>，以及说明</li></ol>\
             <div><a href=/z>单独的链接</a></div>\
             <ul><li><a href=/open>未闭合的链接</li><li>正文</li></ul><ul><li>列表项</li></ul>\
             <table><tr><td><ul><li><a>表内链接</a></li></ul></td><td>7</td></tr></table>",
        );
        let texts: Vec<&str> = d.lines().map(|l| l.text()).collect();
        assert_eq!(
            texts,
            [
                "一、总体情况",
                "主动公开政府信息详见",
                "链接，以及说明",
                "单独的链接",
                "正文",
                "列表项",
                "表内链接 | 7"
            ]
        );
    }

    #[test]
    fn a_huge_cell_is_cut_and_the_cells_after_it_still_read() {
        // Text arrives in runs split at entities: each run is appended while the cell is short.
        let huge = "字&amp;".repeat(300_000);
        let d = read(&format!(
            "<table><tr><td>{huge}</td><td>规章</td><td>7</td></tr></table>"
        ));
        let row = d.lines().find(|l| l.table).expect("the row is read").text();
        let first = row.split(" | ").next().unwrap_or("");
        assert!(first.len() <= MAX_CELL_TEXT + 8, "{}", first.len());
        assert!(first.len() >= MAX_CELL_TEXT, "{}", first.len());
        assert!(row.ends_with(" | 规章 | 7"), "{}", &row[row.len() - 20..]);
    }
}
