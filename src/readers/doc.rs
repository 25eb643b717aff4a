//! The one intermediate form every input becomes: lines (prose lines, text rows, HTML table rows)
//! and a flat stream of tokens (label text, values, empty cells). The table reader works on this
//! stream only, so HTML, flattened text and pdftotext output are read by the same code.
//!
//! Stored compactly, for memory within a small multiple of the input whatever its shape (issue
//! 19): a token is where its text is (4 bytes) and its kind and length (2 bytes); a text line is
//! where it starts (4 bytes) and three flags. Everything else is derived from the input when
//! asked: a token's line (a binary search), its column and cell (counting characters and
//! separators, from checkpoints every 4 KiB), a line's text and number. What the input does not
//! hold is kept apart, for the few tokens that need it: labels joined from pieces, folded forms
//! that differ, an HTML cell's grid position. Blank text lines are not kept (their count is, so
//! that a line's place among all lines can still be told). The readers see tokens and lines as
//! small views (`Tok`, `Line`).

use crate::diagnostic::Location;
use std::cell::{Cell, OnceCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Label or prose text.
    Text,
    /// A number, a number with a unit, or a blank marker (`/`, `-`, `—`).
    Value,
    /// An empty table cell (HTML `<td></td>`, `| |`).
    Empty,
}

/// A growable array kept in chunks of `CHUNK` elements: growing never moves what is stored, so
/// its peak is what it holds plus one chunk. (A `Vec` that doubles holds up to twice its length,
/// and three times while it moves to a larger block.)
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

const SHIFT: u32 = 12;
const CHUNK: usize = 1 << SHIFT;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Copy> Chunked<T> {
    pub fn push(&mut self, v: T) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => c.push(v),
            _ => {
                // The first chunk grows as a `Vec` does (a small report needs little); the
                // others are allocated whole.
                let mut c = Vec::with_capacity(if self.chunks.is_empty() { 32 } else { CHUNK });
                c.push(v);
                self.chunks.push(c);
            }
        }
        self.len += 1;
    }

    pub fn get(&self, i: usize) -> Option<T> {
        self.chunks.get(i >> SHIFT)?.get(i & (CHUNK - 1)).copied()
    }

    pub fn set(&mut self, i: usize, v: T) {
        if let Some(slot) = self
            .chunks
            .get_mut(i >> SHIFT)
            .and_then(|c| c.get_mut(i & (CHUNK - 1)))
        {
            *slot = v;
        }
    }

    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.chunks.last_mut()?.last_mut()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The first index in `lo..hi` where `pred` turns false (`pred` must hold on a prefix).
    pub fn partition_point(&self, lo: usize, hi: usize, pred: impl Fn(T) -> bool) -> usize {
        let (mut lo, mut hi) = (lo, hi.min(self.len));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid).is_some_and(&pred) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// Byte offsets, near one another as a document's tokens and lines are: in chunks of `CHUNK`,
/// each kept as 16-bit steps from its smallest offset when they span less than 64 KiB (2 bytes
/// an offset, where a row of a million empty cells has one a byte), else whole.
#[derive(Default)]
pub struct Offsets {
    sealed: Vec<Packed>,
    /// The last chunk, still filling.
    open: Vec<u32>,
}

enum Packed {
    Narrow { base: u32, steps: Vec<u16> },
    Wide(Vec<u32>),
}

impl Offsets {
    pub fn push(&mut self, v: u32) {
        if self.open.len() == CHUNK {
            let lo = self.open.iter().copied().min().unwrap_or(0);
            let hi = self.open.iter().copied().max().unwrap_or(0);
            self.sealed.push(if hi - lo <= u32::from(u16::MAX) {
                let steps = self.open.iter().map(|&v| (v - lo) as u16).collect();
                // The open chunk is reused: no block is freed and taken again.
                self.open.clear();
                Packed::Narrow { base: lo, steps }
            } else {
                Packed::Wide(std::mem::replace(&mut self.open, Vec::with_capacity(CHUNK)))
            });
        } else if self.open.capacity() == 0 {
            self.open.reserve(32);
        }
        self.open.push(v);
    }

    pub fn get(&self, i: usize) -> Option<u32> {
        let (c, j) = (i >> SHIFT, i & (CHUNK - 1));
        match self.sealed.get(c) {
            Some(Packed::Narrow { base, steps }) => steps.get(j).map(|&s| base + u32::from(s)),
            Some(Packed::Wide(v)) => v.get(j).copied(),
            None if c == self.sealed.len() => self.open.get(j).copied(),
            None => None,
        }
    }

    pub fn len(&self) -> usize {
        (self.sealed.len() << SHIFT) + self.open.len()
    }

    /// The first index in `lo..hi` where `pred` turns false (`pred` must hold on a prefix).
    pub fn partition_point(&self, lo: usize, hi: usize, pred: impl Fn(u32) -> bool) -> usize {
        let (mut lo, mut hi) = (lo, hi.min(self.len()));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid).is_some_and(&pred) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// Values for a few of many keys (tokens, lines), appended in key order: a bit per key, a count
/// per 64 keys, and the values in a row. O(1) lookup. The bits start at the first key with a
/// value: keys before it take no room.
pub struct Sparse<T> {
    bits: Chunked<u64>,
    /// Values set before each word of `bits`.
    ranks: Chunked<u32>,
    vals: Chunked<T>,
    keys: usize,
}

impl<T> Default for Sparse<T> {
    fn default() -> Self {
        Sparse {
            bits: Chunked::default(),
            ranks: Chunked::default(),
            vals: Chunked::default(),
            keys: 0,
        }
    }
}

impl<T: Copy> Sparse<T> {
    /// The next key's value, if it has one.
    pub fn push(&mut self, v: Option<T>) {
        if let Some(v) = v {
            // Words up to this key's (a key past the last word has no value).
            while self.bits.len() <= self.keys / 64 {
                self.bits.push(0);
                self.ranks.push(self.vals.len() as u32);
            }
            if let Some(w) = self.bits.last_mut() {
                *w |= 1 << (self.keys % 64);
            }
            self.vals.push(v);
        }
        self.keys += 1;
    }

    pub fn get(&self, key: usize) -> Option<T> {
        let word = self.bits.get(key / 64)?;
        let bit = 1u64 << (key % 64);
        if word & bit == 0 {
            return None;
        }
        let rank = self.ranks.get(key / 64)? as usize + (word & (bit - 1)).count_ones() as usize;
        self.vals.get(rank)
    }
}

// A token's kind, flags and length in 16 bits.
const KIND_BITS: u16 = 0b11 << 14;
/// Its text is in `Doc::alt` (a label joined from pieces), not where `starts` points.
const ALT: u16 = 1 << 13;
/// Its folded form differs from its text and is in `Doc::folds`.
const FOLDED: u16 = 1 << 12;
const LEN_BITS: u16 = (1 << 12) - 1;
/// Length of 4095 bytes or more: in `Doc::long`.
const LONG: u16 = LEN_BITS;

fn kind_bits(k: TokKind) -> u16 {
    match k {
        TokKind::Text => 0,
        TokKind::Value => 1 << 14,
        TokKind::Empty => 2 << 14,
    }
}

fn kind_of(bits: u16) -> TokKind {
    match bits & KIND_BITS {
        0 => TokKind::Text,
        b if b == 1 << 14 => TokKind::Value,
        _ => TokKind::Empty,
    }
}

/// What a few tokens keep apart: where a joined label's text is in `alt`, and where a folded
/// form that differs is in `folds`.
#[derive(Clone, Copy, Default)]
struct Extra {
    alt: u32,
    fold_start: u32,
    fold_len: u32,
}

// Text line flags.
const MULTI: u8 = 1;
const GLUED: u8 = 2;
/// Its cells are separated by `|` (else by tabs).
const PIPE: u8 = 4;
const TABLE: u8 = 8;

/// An HTML line: its text in `Doc::own` (up to the next line's), its first token, its element.
#[derive(Clone, Copy)]
struct HtmlLine {
    text: u32,
    tok0: u32,
    /// `p[n]` … and `table[n]`: the number; a table row: index into `Doc::rows`.
    n: u32,
    tag: u8,
    flags: u8,
}

/// The element an HTML line is in, for locations: `p[3]` (a name of `ELEMS`) or a table row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
    None,
    Block(&'static str, u32),
    Row { table: u32, tr: u32 },
}

/// Elements a line of HTML can be in: those that break lines, `text` (text in no such element)
/// and `table` (a layout table's text).
pub const ELEMS: [&str; 32] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "center",
    "form",
    "body",
    "caption",
    "tr",
    "td",
    "th",
    "text",
    "table",
];
const TAG_NONE: u8 = 255;
const TAG_ROW: u8 = 254;

/// Counts at every 4 KiB of the input, so that a column or line number is a short count away.
#[derive(Clone, Copy, Default)]
struct Mark {
    chars: u32,
    newlines: u32,
    pipes: u32,
    tabs: u32,
}

const MARK_SHIFT: u32 = 12;

const HEAD: usize = 100;
const TAIL: usize = 16;

/// What `Doc::count` counts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counted {
    Chars,
    Newlines,
    Pipes,
    Tabs,
}

impl Counted {
    fn of(self, m: &Mark) -> u32 {
        match self {
            Counted::Chars => m.chars,
            Counted::Newlines => m.newlines,
            Counted::Pipes => m.pipes,
            Counted::Tabs => m.tabs,
        }
    }

    /// How many `bytes` holds: one loop per kind, which the compiler vectorises.
    fn count(self, bytes: &[u8]) -> u32 {
        let sum = |is: fn(u8) -> bool| bytes.iter().map(|&b| u32::from(is(b))).sum::<u32>();
        match self {
            Counted::Chars => sum(|b| b & 0xC0 != 0x80),
            Counted::Newlines => sum(|b| b == b'\n'),
            Counted::Pipes => sum(|b| b == b'|'),
            Counted::Tabs => sum(|b| b == b'\t'),
        }
    }
}

/// A count from an origin (where a line starts, which the pieces of a glued line share) to a
/// position after it, kept to count the next from.
#[derive(Clone, Copy, Default)]
struct Memo {
    origin: u32,
    at: u32,
    n: u32,
    set: bool,
}

/// Tokens and lines of one input. Positions are `u32`: the readers refuse input of 2 GiB or
/// more (`readers::MAX_READ`).
#[derive(Default)]
pub struct Doc<'a> {
    /// The input, for text: tokens and lines are ranges of it.
    src: &'a str,
    /// For HTML: the lines' text, one after the other (entities decoded, cells joined by ` | `).
    own: String,
    /// Text of tokens that is in neither (labels joined from pieces).
    alt: String,
    /// Folded forms that differ from the text.
    folds: String,
    /// Where each token's text starts in `src` (HTML: `own`), and its kind, flags and length.
    starts: Offsets,
    lens: Chunked<u16>,
    /// Lengths of 4095 bytes or more: (token, length), by token.
    long: Vec<(u32, u32)>,
    extra: Sparse<Extra>,
    /// HTML table cells' (grid column, `td` index), by token.
    grid: Sparse<(u32, u32)>,
    /// Text lines: where each starts in `src`, and its flags.
    line_starts: Offsets,
    line_flags: Chunked<u8>,
    /// Where a glued piece's line starts (its columns count from there), by line.
    piece_line: Sparse<u32>,
    /// The difference between a line's index among all lines (as read, blank ones included)
    /// and its line number less one: page footers (left out) and glued pieces (several per
    /// line) change it. (line, difference) where it changes.
    ord_shift: Vec<(u32, i32)>,
    shift: i32,
    /// The places (`Line::ord`) of the first `HEAD` and the last `TAIL` text lines, which the
    /// windows of the metadata ask for (the first 80 lines, the last 12): known as read.
    head_ords: Vec<u32>,
    tail_ords: std::collections::VecDeque<u32>,
    /// Lines as read, blank ones included (text), or kept (HTML).
    all_lines: usize,
    html_lines: Chunked<HtmlLine>,
    rows: Chunked<(u32, u32)>,
    marks: OnceCell<Vec<Mark>>,
    /// The line found last: tokens are mostly asked for in order.
    hint: Cell<u32>,
    /// The last column and cell counted: the next is counted from there (along a row of a
    /// million cells, each is a few bytes from the last).
    col_memo: Cell<Memo>,
    cell_memo: Cell<Memo>,
    /// The last line number counted (lines are mostly asked for in order).
    no_memo: Cell<Memo>,
    scratch: Scratch,
    /// Text laid out by position (pdftotext -layout): columns follow from x, not from separators.
    pub layout: bool,
    pub html: bool,
}

/// A token: its kind and text as printed (pieces of one label joined by a space), and the rest
/// when asked.
#[derive(Clone, Copy)]
pub struct Tok<'d> {
    pub kind: TokKind,
    pub raw: &'d str,
    doc: &'d Doc<'d>,
    index: u32,
    bits: u16,
}

impl<'d> Tok<'d> {
    /// Folded for label matching (see `norm::fold`), its first 40 characters; only for text.
    pub fn fold(&self) -> &'d str {
        if self.bits & FOLDED == 0 {
            return if self.kind == TokKind::Text {
                self.raw
            } else {
                ""
            };
        }
        self.doc
            .extra
            .get(self.index as usize)
            .and_then(|e| {
                let s = e.fold_start as usize;
                self.doc.folds.get(s..s + e.fold_len as usize)
            })
            .unwrap_or("")
    }

    /// Index of its line in `Doc::line`.
    pub fn line(&self) -> u32 {
        self.doc.line_of_tok(self.index as usize) as u32
    }

    /// Character column (0-based) of its first character in its text line, or grid column in
    /// an HTML table.
    pub fn col(&self) -> u32 {
        if self.doc.html {
            return self.doc.grid_of(self.index as usize).0;
        }
        let line = self.doc.line_of_tok(self.index as usize);
        self.doc
            .count_in_line(line, self.start(), Counted::Chars, &self.doc.col_memo)
    }

    /// Index of its cell in its row: the HTML `td`, the `|` or tab cell of a row of cells; 0 in
    /// other text.
    pub fn cell(&self) -> u32 {
        if self.doc.html {
            return self.doc.grid_of(self.index as usize).1;
        }
        let line = self.doc.line_of_tok(self.index as usize);
        let flags = self.doc.line_flags.get(line).unwrap_or(0);
        if flags & MULTI == 0 {
            return 0;
        }
        let what = if flags & PIPE != 0 {
            Counted::Pipes
        } else {
            Counted::Tabs
        };
        self.doc
            .count_in_line(line, self.start(), what, &self.doc.cell_memo)
    }

    fn start(&self) -> usize {
        self.doc.starts.get(self.index as usize).unwrap_or(0) as usize
    }
}

/// A line: its flags, and its text and tokens when asked.
#[derive(Clone, Copy)]
pub struct Line<'d> {
    doc: &'d Doc<'d>,
    index: u32,
    /// A table row split into cells (`|`, tab, HTML `tr`): cells on one line belong together.
    pub multi: bool,
    /// Part of an HTML table (never prose).
    pub table: bool,
    /// A piece of a line whose table cells ran together (see `unglue`): its digits are cells
    /// whose separators were lost, however they are spaced.
    pub glued: bool,
}

impl<'d> Line<'d> {
    /// The line as printed (trimmed), for prose and excerpts.
    pub fn text(&self) -> &'d str {
        self.doc.line_text(self.index as usize)
    }

    /// Its index among all lines as read, blank text lines included: the place that windows
    /// such as "the first 20 lines" count by.
    pub fn ord(&self) -> usize {
        self.doc.ord(self.index as usize)
    }
}

impl<'a> Doc<'a> {
    /// A document of `src`, read as text.
    pub fn text(src: &'a str, layout: bool) -> Doc<'a> {
        Doc {
            src,
            layout,
            ..Doc::default()
        }
    }

    /// A document of HTML (its text is its own).
    pub fn html() -> Doc<'a> {
        Doc {
            html: true,
            ..Doc::default()
        }
    }

    pub fn tok_count(&self) -> usize {
        self.starts.len()
    }

    /// Token `k`; past the end, an empty cell of no line.
    pub fn tok(&self, k: usize) -> Tok<'_> {
        let bits = self.lens.get(k).unwrap_or(kind_bits(TokKind::Empty));
        let start = self.starts.get(k).unwrap_or(0) as usize;
        let len = match bits & LEN_BITS {
            LONG => self
                .long
                .binary_search_by_key(&(k as u32), |e| e.0)
                .map_or(0, |i| self.long.get(i).map_or(0, |e| e.1 as usize)),
            n => n as usize,
        };
        let raw = if bits & ALT != 0 {
            self.extra.get(k).and_then(|e| {
                let a = e.alt as usize;
                self.alt.get(a..a + len)
            })
        } else {
            self.primary().get(start..start + len)
        };
        Tok {
            kind: kind_of(bits),
            raw: raw.unwrap_or(""),
            doc: self,
            index: k as u32,
            bits,
        }
    }

    /// The kind of token `k` (cheaper than `tok(k).kind`).
    pub fn kind(&self, k: usize) -> TokKind {
        kind_of(self.lens.get(k).unwrap_or(kind_bits(TokKind::Empty)))
    }

    /// Tokens `range`, in order.
    pub fn toks(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, Tok<'_>)> {
        (from..to.min(self.tok_count())).map(|k| (k, self.tok(k)))
    }

    /// The first line whose `Line::ord` is `ord` or more (they grow line by line), searched
    /// from the end: for a window of the last lines, a few steps.
    pub fn tail_from_ord(&self, ord: usize) -> usize {
        let mut i = self.line_count();
        while i > 0 && self.ord(i - 1) >= ord {
            i -= 1;
        }
        i
    }

    pub fn line_count(&self) -> usize {
        if self.html {
            self.html_lines.len()
        } else {
            self.line_starts.len()
        }
    }

    pub fn line(&self, i: usize) -> Option<Line<'_>> {
        let flags = if self.html {
            self.html_lines.get(i)?.flags
        } else {
            self.line_flags.get(i)?
        };
        Some(Line {
            doc: self,
            index: i as u32,
            multi: flags & MULTI != 0,
            table: flags & TABLE != 0,
            glued: flags & GLUED != 0,
        })
    }

    pub fn lines(&self) -> impl Iterator<Item = Line<'_>> {
        (0..self.line_count()).filter_map(|i| self.line(i))
    }

    /// The number of lines as read, blank text lines included (see `Line::ord`).
    pub fn ord_count(&self) -> usize {
        if self.html {
            self.line_count()
        } else {
            self.all_lines
        }
    }

    pub fn line_of(&self, tok: usize) -> Option<Line<'_>> {
        (tok < self.tok_count())
            .then(|| self.line(self.line_of_tok(tok)))
            .flatten()
    }

    /// Where a token is, for a diagnostic.
    pub fn location(&self, tok: usize, excerpt: Option<String>) -> Location {
        if tok >= self.tok_count() {
            return Location {
                excerpt,
                ..Location::default()
            };
        }
        let t = self.tok(tok);
        let line = self.line_of_tok(tok);
        if self.html {
            let Some(l) = self.html_lines.get(line) else {
                return Location {
                    excerpt,
                    ..Location::default()
                };
            };
            let elem = match self.elem(l) {
                Elem::Row { table, tr } => format!("table[{table}] tr[{tr}] td[{}]", t.cell() + 1),
                Elem::Block(name, n) => format!("{name}[{n}]"),
                Elem::None => String::new(),
            };
            Location {
                element: (!elem.is_empty()).then_some(elem),
                excerpt,
                ..Location::default()
            }
        } else {
            Location {
                line: Some(self.line_no(line)),
                column: Some(t.col().saturating_add(1)),
                excerpt,
                ..Location::default()
            }
        }
    }

    fn primary(&self) -> &str {
        if self.html {
            &self.own
        } else {
            self.src
        }
    }

    fn elem(&self, l: HtmlLine) -> Elem {
        match l.tag {
            TAG_NONE => Elem::None,
            TAG_ROW => self
                .rows
                .get(l.n as usize)
                .map_or(Elem::None, |(table, tr)| Elem::Row { table, tr }),
            t => ELEMS
                .get(t as usize)
                .map_or(Elem::None, |name| Elem::Block(name, l.n)),
        }
    }

    /// The element an HTML line is in.
    #[cfg(test)]
    pub fn elem_of(&self, line: usize) -> Elem {
        self.html_lines
            .get(line)
            .map_or(Elem::None, |l| self.elem(l))
    }

    fn grid_of(&self, k: usize) -> (u32, u32) {
        self.grid.get(k).unwrap_or((0, 0))
    }

    fn line_of_tok(&self, k: usize) -> usize {
        let n = self.line_count();
        let hint = self.hint.get() as usize;
        let found = if self.html {
            let tok0 = |i: usize| self.html_lines.get(i).map(|l| l.tok0 as usize);
            // The last line starting at or before `k` (of lines with no token, the last).
            let fits =
                |i: usize| tok0(i).is_some_and(|t| t <= k) && tok0(i + 1).is_none_or(|t| t > k);
            if fits(hint) {
                hint
            } else if fits(hint + 1) {
                hint + 1
            } else {
                self.html_lines
                    .partition_point(0, n, |l| l.tok0 as usize <= k)
                    .saturating_sub(1)
            }
        } else {
            let s = self.starts.get(k).unwrap_or(0);
            let start = |i: usize| self.line_starts.get(i);
            let fits =
                |i: usize| start(i).is_some_and(|a| a <= s) && start(i + 1).is_none_or(|b| b > s);
            if fits(hint) {
                hint
            } else if fits(hint + 1) {
                hint + 1
            } else {
                self.line_starts
                    .partition_point(0, n, |a| a <= s)
                    .saturating_sub(1)
            }
        };
        self.hint.set(found as u32);
        found
    }

    /// Range of the tokens of token `k`'s line (searched outward from `k`: a line's tokens are
    /// near one another).
    pub fn line_range_of(&self, k: usize) -> (usize, usize) {
        if k >= self.tok_count() {
            return (0, 0);
        }
        let line = self.line_of_tok(k);
        if self.html {
            return self.line_toks(line);
        }
        let (lo, hi) = (
            self.line_starts.get(line).unwrap_or(0),
            self.line_starts.get(line + 1).unwrap_or(u32::MAX),
        );
        // Galloping: from `k`, by doubling steps, to a token outside the line; then halving.
        let n = self.tok_count();
        let mut step = 1;
        let mut first = k;
        while first > 0 && self.starts.get(first - 1).is_some_and(|s| s >= lo) {
            let to = first.saturating_sub(step);
            first = if self.starts.get(to).is_some_and(|s| s >= lo) {
                to
            } else {
                self.starts.partition_point(to, first, |s| s < lo)
            };
            step *= 2;
        }
        let mut step = 1;
        let mut end = k + 1;
        while end < n && self.starts.get(end).is_some_and(|s| s < hi) {
            let to = (end + step).min(n);
            end = if self.starts.get(to - 1).is_some_and(|s| s < hi) {
                to
            } else {
                self.starts.partition_point(end, to, |s| s < hi)
            };
            step *= 2;
        }
        (first, end)
    }

    /// Whether tokens `a` and `b` (of one row, `a` first) are in one cell: the same HTML `td`,
    /// no separator between them in a row of text cells.
    pub fn same_cell(&self, a: usize, b: usize) -> bool {
        if self.html {
            return self.grid_of(a).1 == self.grid_of(b).1;
        }
        if a >= self.tok_count() {
            return true;
        }
        let flags = self.line_flags.get(self.line_of_tok(a)).unwrap_or(0);
        if flags & MULTI == 0 {
            return true;
        }
        let sep = if flags & PIPE != 0 { b'|' } else { b'\t' };
        let (from, to) = (
            self.starts.get(a).unwrap_or(0) as usize,
            self.starts.get(b).unwrap_or(0) as usize,
        );
        !self
            .src
            .as_bytes()
            .get(from..to)
            .is_some_and(|s| s.contains(&sep))
    }

    /// Range of line `i`'s tokens.
    pub fn line_toks(&self, i: usize) -> (usize, usize) {
        let n = self.tok_count();
        if self.html {
            let tok0 = |i: usize| self.html_lines.get(i).map_or(n, |l| l.tok0 as usize);
            return (tok0(i), tok0(i + 1));
        }
        // Tokens start in order: those from this line's start to the next one's.
        let first = |i: usize| match self.line_starts.get(i) {
            Some(a) => self.starts.partition_point(0, n, |s| s < a),
            None => n,
        };
        (first(i), first(i + 1))
    }

    fn line_text(&self, i: usize) -> &str {
        if self.html {
            let start = |i: usize| self.html_lines.get(i).map(|l| l.text as usize);
            let a = start(i).unwrap_or(self.own.len());
            let b = start(i + 1).unwrap_or(self.own.len());
            return self.own.get(a..b).unwrap_or("");
        }
        let Some(a) = self.line_starts.get(i) else {
            return "";
        };
        let a = a as usize;
        // Up to the next line's start (a glued piece ends where the next piece of its line
        // starts), and there up to its line break.
        let next = self
            .line_starts
            .get(i + 1)
            .map_or(self.src.len(), |b| b as usize);
        let rest = self.src.get(a..next.max(a)).unwrap_or("");
        let end = rest.find('\n').unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or("");
        // Laid-out lines start with many spaces: those are skipped a byte at a time.
        let lead = line
            .bytes()
            .position(|b| b != b' ' && b != b'\t')
            .unwrap_or(line.len());
        line.get(lead..).unwrap_or("").trim()
    }

    /// Where the text line `i` starts, that its columns count from (a glued piece's: the line
    /// it is a piece of).
    fn line_origin(&self, i: usize) -> usize {
        let flags = self.line_flags.get(i).unwrap_or(0);
        let start = self.line_starts.get(i).unwrap_or(0);
        if flags & GLUED != 0 {
            self.piece_line.get(i).unwrap_or(start) as usize
        } else {
            start as usize
        }
    }

    /// 1-based line number of text line `i` (0 in HTML).
    fn line_no(&self, i: usize) -> u32 {
        if self.html {
            return 0;
        }
        let at = self.line_starts.get(i).unwrap_or(0) as usize;
        // Counted from the last line asked for: lines are mostly asked for in order.
        let m = self.no_memo.get();
        let before = match (m.set, m.at as usize) {
            (true, from) if from <= at => m.n + self.count(from, at, Counted::Newlines),
            (true, from) => m.n.saturating_sub(self.count(at, from, Counted::Newlines)),
            _ => self.count(0, at, Counted::Newlines),
        };
        self.no_memo.set(Memo {
            origin: 0,
            at: at as u32,
            n: before,
            set: true,
        });
        before.saturating_add(1)
    }

    fn ord(&self, i: usize) -> usize {
        if self.html {
            return i;
        }
        if let Some(&o) = self.head_ords.get(i) {
            return o as usize;
        }
        let back = self.line_count().saturating_sub(self.tail_ords.len());
        if let Some(&o) = i.checked_sub(back).and_then(|j| self.tail_ords.get(j)) {
            return o as usize;
        }
        self.ord_counted(i)
    }

    /// `ord(i)` from the line's number and the changes before it.
    fn ord_counted(&self, i: usize) -> usize {
        let k = self.ord_shift.partition_point(|e| e.0 as usize <= i);
        let shift = k
            .checked_sub(1)
            .and_then(|k| self.ord_shift.get(k))
            .map_or(0, |e| e.1);
        let no = self.line_no(i).saturating_sub(1) as i64;
        (no + i64::from(shift)).max(0) as usize
    }

    /// How many of `what` `src[from..to]` holds: counted directly when the range is short,
    /// else from the checkpoints.
    fn count(&self, from: usize, to: usize, what: Counted) -> u32 {
        let b = self.src.as_bytes();
        let direct = |a: usize, z: usize| b.get(a..z).map_or(0, |s| what.count(s));
        if to <= from {
            return 0;
        }
        if to - from <= 2 << MARK_SHIFT {
            return direct(from, to);
        }
        let upto = |x: usize| {
            let m = self.marks().get(x >> MARK_SHIFT).map_or(0, |m| what.of(m));
            m + direct((x >> MARK_SHIFT) << MARK_SHIFT, x)
        };
        upto(to).saturating_sub(upto(from))
    }

    /// How many of `what` text line `line` holds before `to`: from the last such count when it
    /// was on this line (`memo`), else from the line's origin.
    fn count_in_line(&self, line: usize, to: usize, what: Counted, memo: &Cell<Memo>) -> u32 {
        let m = memo.get();
        let origin = self.line_origin(line);
        let n = if m.set && m.origin as usize == origin {
            let at = m.at as usize;
            if to >= at {
                m.n + self.count(at, to, what)
            } else {
                m.n.saturating_sub(self.count(to, at, what))
            }
        } else {
            self.count(origin, to, what)
        };
        memo.set(Memo {
            origin: origin as u32,
            at: to as u32,
            n,
            set: true,
        });
        n
    }

    fn marks(&self) -> &[Mark] {
        self.marks.get_or_init(|| {
            let mut out = Vec::with_capacity((self.src.len() >> MARK_SHIFT) + 1);
            let mut m = Mark::default();
            for block in self.src.as_bytes().chunks(1 << MARK_SHIFT) {
                out.push(m);
                for &c in block {
                    m.chars += u32::from(c & 0xC0 != 0x80);
                    m.newlines += u32::from(c == b'\n');
                    m.pipes += u32::from(c == b'|');
                    m.tabs += u32::from(c == b'\t');
                }
            }
            out.push(m);
            out
        })
    }

    // Building.

    /// A text line starts at `start` of `src` (a glued piece: also where its line starts); it is
    /// (a piece of) line `read` (0-based) as read.
    pub fn begin_text_line(&mut self, start: usize, piece_of: Option<usize>, read: usize) {
        let i = self.line_starts.len();
        let ord = (read as i64 + i64::from(self.shift)).max(0) as u32;
        if self.head_ords.len() < HEAD {
            self.head_ords.push(ord);
        }
        if self.tail_ords.len() == TAIL {
            self.tail_ords.pop_front();
        }
        self.tail_ords.push_back(ord);
        self.line_starts.push(start as u32);
        self.line_flags
            .push(if piece_of.is_some() { GLUED } else { 0 });
        self.piece_line.push(piece_of.map(|p| p as u32));
        if self.ord_shift.last().map_or(0, |e| e.1) != self.shift {
            self.ord_shift.push((i as u32, self.shift));
        }
    }

    /// The text line begun last is a row of cells, separated by `|` (`pipe`) or tabs.
    pub fn set_multi(&mut self, pipe: bool) {
        if let Some(f) = self.line_flags.last_mut() {
            *f |= MULTI | if pipe { PIPE } else { 0 };
        }
    }

    /// A line as read was left out (a page footer): the lines after it are one place earlier.
    pub fn skip_line(&mut self) {
        self.shift -= 1;
    }

    /// A glued line gave one more piece than lines: the lines after it are one place later.
    pub fn extra_piece(&mut self) {
        self.shift += 1;
    }

    /// The text has been read: it had `lines` lines.
    pub fn end_text(&mut self, lines: usize) {
        self.all_lines = (lines as i64 + i64::from(self.shift)).max(0) as usize;
    }

    /// An HTML line in `elem`, whose text was appended last from `text` on (`push_own`); its
    /// tokens are pushed next.
    pub fn begin_html_line(&mut self, elem: Elem, multi: bool, table: bool, text: usize) {
        let (tag, n) = match elem {
            Elem::None => (TAG_NONE, 0),
            Elem::Block(name, n) => (
                ELEMS
                    .iter()
                    .position(|e| *e == name)
                    .map_or(TAG_NONE, |p| p as u8),
                n,
            ),
            Elem::Row { table, tr } => {
                self.rows.push((table, tr));
                (TAG_ROW, (self.rows.len() - 1) as u32)
            }
        };
        let flags = if multi { MULTI } else { 0 } | if table { TABLE } else { 0 };
        self.html_lines.push(HtmlLine {
            text: text as u32,
            tok0: self.tok_count() as u32,
            n,
            tag,
            flags,
        });
    }

    /// Append to the HTML text; where it went.
    pub fn push_own(&mut self, s: &str) -> usize {
        let at = self.own.len();
        self.own.push_str(s);
        at
    }

    /// Trim the HTML text appended from `from` on, as a line's text is; how many bytes left
    /// its start.
    pub fn trim_own(&mut self, from: usize) -> usize {
        let tail = self.own.get(from..).unwrap_or("");
        let (lead, trail) = (
            tail.len() - tail.trim_start().len(),
            tail.len() - tail.trim_end().len(),
        );
        if lead == tail.len() {
            self.own.truncate(from);
            return lead;
        }
        self.own.truncate(self.own.len() - trail);
        self.own.drain(from..from + lead);
        lead
    }

    /// A token whose text is `raw`, at `start` of the primary text (`src`, or `own` for HTML);
    /// `joined`: `raw` is not there as it is (a label joined from pieces). `fold` is the
    /// folded form.
    fn push(
        &mut self,
        kind: TokKind,
        raw: &str,
        start: usize,
        joined: bool,
        fold: &str,
        grid: Option<(u32, u32)>,
    ) {
        let k = self.starts.len();
        let mut bits = kind_bits(kind);
        if raw.len() >= LONG as usize {
            bits |= LONG;
            self.long.push((k as u32, raw.len() as u32));
        } else {
            bits |= raw.len() as u16;
        }
        let folded = kind == TokKind::Text && fold != raw;
        let mut extra = None;
        if joined || folded {
            let mut e = Extra::default();
            if joined {
                bits |= ALT;
                e.alt = self.alt.len() as u32;
                self.alt.push_str(raw);
            }
            if folded {
                bits |= FOLDED;
                e.fold_start = self.folds.len() as u32;
                e.fold_len = fold.len() as u32;
                self.folds.push_str(fold);
            }
            extra = Some(e);
        }
        self.extra.push(extra);
        if self.html {
            self.grid.push(grid.filter(|g| *g != (0, 0)));
        }
        self.starts.push(start as u32);
        self.lens.push(bits);
    }

    /// Add one cell's text to the current line: numbers become values, the rest is merged into
    /// one label (a label split by stray spaces is still one label); a label with digits glued to
    /// its end (`…申请数量200`) gives the digits back as a value. `at` is where `text` starts in
    /// the primary text (`src`, or `own` for HTML); `grid` an HTML cell's grid column and `td`
    /// index. A text token's column is where it starts in its line.
    pub fn push_cell(&mut self, text: &str, at: usize, structured: bool, grid: Option<(u32, u32)>) {
        let mut scratch = std::mem::take(&mut self.scratch);
        self.cell_tokens(text, at, structured, grid, &mut scratch);
        self.scratch = scratch;
    }

    fn cell_tokens(
        &mut self,
        text: &str,
        at: usize,
        structured: bool,
        grid: Option<(u32, u32)>,
        scratch: &mut Scratch,
    ) {
        let trim = |c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
        let t = text.trim_matches(trim);
        let lead = text.len() - text.trim_start_matches(trim).len();
        if t.is_empty() {
            if structured {
                self.push(TokKind::Empty, "", at, false, "", grid);
            }
            return;
        }
        if super::norm::is_value(t) || super::norm::is_blank_marker(t) {
            self.push(TokKind::Value, t, at + lead, false, "", grid);
            return;
        }
        let Scratch { label, fold } = scratch;
        label.clear();
        // Where the label starts in `text`, and whether it is `text` there as it is (pieces one
        // space apart).
        let mut label_at = 0usize;
        let mut label_end = 0usize;
        let mut as_printed = true;
        let mut pieces = Pieces { s: t, at: 0 }.peekable();
        while let Some((off, piece)) = pieces.next() {
            let start = lead + off;
            // A label's number broken off its text (`6` | `.属于四类…`, a paragraph apart in a
            // Word cell) is the label's, not a value.
            let numbering = piece.len() <= 2
                && piece.bytes().all(|b| b.is_ascii_digit())
                && pieces
                    .peek()
                    .is_some_and(|n| n.1.starts_with(['.', '、', '．']));
            if !numbering && (super::norm::is_value(piece) || super::norm::is_piece_blank(piece)) {
                if !label.is_empty() {
                    let joined = !as_printed || text.get(label_at..label_end) != Some(label);
                    self.push_label(label, fold, at + label_at, joined, grid);
                    label.clear();
                }
                self.push(TokKind::Value, piece, at + start, false, "", grid);
                continue;
            }
            let (head, digits) = super::norm::split_trailing_digits(piece);
            if label.is_empty() {
                label_at = start;
                as_printed = true;
            } else if !numbering && !label.ends_with(|c: char| c.is_ascii_digit()) {
                label.push(' ');
                as_printed &= text.get(label_end..start) == Some(" ");
            } else {
                as_printed = false;
            }
            label.push_str(head);
            label_end = start + head.len();
            if !digits.is_empty() {
                let joined = !as_printed || text.get(label_at..label_end) != Some(label);
                self.push_label(label, fold, at + label_at, joined, grid);
                label.clear();
                self.push(TokKind::Value, digits, at + label_end, false, "", grid);
            }
        }
        if !label.is_empty() {
            let joined = !as_printed || text.get(label_at..label_end) != Some(label);
            self.push_label(label, fold, at + label_at, joined, grid);
        }
    }

    fn push_label(
        &mut self,
        label: &str,
        fold: &mut String,
        start: usize,
        joined: bool,
        grid: Option<(u32, u32)>,
    ) {
        // Labels are matched by prefix, and 40 characters tell every label apart: prose
        // tokens need not be folded whole.
        let end = label.char_indices().nth(40).map_or(label.len(), |(i, _)| i);
        fold.clear();
        super::norm::fold_into(label.get(..end).unwrap_or(""), fold);
        self.push(TokKind::Text, label, start, joined, fold, grid);
    }

    /// Give back memory the readers over-reserved (the first chunk of each store).
    pub fn finish(&mut self) {
        self.own.shrink_to_fit();
        self.alt.shrink_to_fit();
        self.folds.shrink_to_fit();
        self.long.shrink_to_fit();
        self.ord_shift.shrink_to_fit();
    }
}

/// Buffers `push_cell` reuses from cell to cell.
#[derive(Default)]
struct Scratch {
    label: String,
    fold: String,
}

/// The whitespace-separated pieces of a string, with their byte offsets.
struct Pieces<'s> {
    s: &'s str,
    at: usize,
}

impl<'s> Iterator for Pieces<'s> {
    type Item = (usize, &'s str);

    fn next(&mut self) -> Option<(usize, &'s str)> {
        let rest = self.s.get(self.at..)?;
        let skip = rest.len() - rest.trim_start().len();
        let from = self.at + skip;
        let body = self.s.get(from..)?;
        if body.is_empty() {
            self.at = self.s.len();
            return None;
        }
        let len = body.find(char::is_whitespace).unwrap_or(body.len());
        self.at = from + len;
        Some((from, body.get(..len).unwrap_or("")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(TokKind, String, u32)> {
        let mut d = Doc::text(text, false);
        d.begin_text_line(0, None, 0);
        d.push_cell(text, 0, false, None);
        (0..d.tok_count())
            .map(|k| {
                let t = d.tok(k);
                (t.kind, t.raw.to_string(), t.col())
            })
            .collect()
    }

    #[test]
    fn a_label_keeps_its_number_and_each_token_its_column() {
        let t = toks("6\n\n.属于四\n类过程性信\n息");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].0, TokKind::Text);
        assert_eq!(super::super::norm::fold(&t[0].1), "6.属于四类过程性信息");
        let t = toks("  规章   1  0 11");
        assert_eq!(
            t,
            [
                (TokKind::Text, "规章".to_string(), 2),
                (TokKind::Value, "1".to_string(), 7),
                (TokKind::Value, "0".to_string(), 10),
                (TokKind::Value, "11".to_string(), 12)
            ]
        );
        let t = toks("（一）予以公开1288 21");
        assert_eq!(t[1], (TokKind::Value, "1288".to_string(), 7));
        assert_eq!(t[2], (TokKind::Value, "21".to_string(), 12));
    }

    #[test]
    fn labels_are_kept_apart_only_when_joined_otherwise_than_printed() {
        let mut d = Doc::text("本年 新收  数量 （一）予以公开 5", false);
        d.begin_text_line(0, None, 0);
        let src = d.src;
        d.push_cell(src, 0, false, None);
        let t = d.tok(0);
        // Two spaces became one: the label is kept apart, folded apart, at its first piece.
        assert_eq!(t.raw, "本年 新收 数量 （一）予以公开");
        assert_eq!(t.fold(), "本年新收数量(一)予以公开");
        assert_eq!(t.col(), 0);
        assert!(d.tok(0).bits & ALT != 0);
        assert_eq!(d.tok(1).raw, "5");
        // One space apart as printed: the input's own text, nothing kept apart.
        let mut d = Doc::text("本年 新收 5", false);
        d.begin_text_line(0, None, 0);
        let src = d.src;
        d.push_cell(src, 0, false, None);
        assert_eq!(d.tok(0).raw, "本年 新收");
        assert_eq!(d.tok(0).bits & (ALT | FOLDED), FOLDED);
        assert_eq!(d.alt, "");
    }

    #[test]
    fn chunked_and_sparse_stores_hold_what_was_pushed() {
        let mut c: Chunked<u32> = Chunked::default();
        let mut s: Sparse<u32> = Sparse::default();
        let n = 3 * CHUNK + 17;
        for i in 0..n as u32 {
            c.push(i * 3);
            s.push((i % 7 == 0 || i % 64 == 63).then_some(i));
        }
        assert_eq!(c.len(), n);
        assert_eq!(c.get(CHUNK), Some(CHUNK as u32 * 3));
        assert_eq!(c.get(n), None);
        assert_eq!(c.partition_point(0, n, |v| v < 3000), 1000);
        for i in 0..n + 70 {
            let want = (i < n && (i % 7 == 0 || i % 64 == 63)).then_some(i as u32);
            assert_eq!(s.get(i), want, "{i}");
        }
        // Past the end: nothing, and no panic.
        let d = Doc::text("", false);
        assert_eq!(d.tok(5).raw, "");
        assert!(d.line(0).is_none());
        assert_eq!(d.location(3, None), Location::default());
    }

    #[test]
    fn long_tokens_keep_their_length() {
        let long = "汉".repeat(5000);
        let text = format!("{long} 7");
        let mut d = Doc::text(&text, false);
        d.begin_text_line(0, None, 0);
        d.push_cell(&text, 0, false, None);
        assert_eq!(d.tok(0).raw, long);
        assert_eq!(d.tok(0).fold(), "汉".repeat(40));
        assert_eq!(d.tok(1).raw, "7");
        assert_eq!(d.tok(1).col(), 5001);
    }

    #[test]
    fn a_line_knows_its_place_among_the_lines_as_read() {
        // Blank lines (not kept), page footers (left out), a glued line (several pieces), a
        // row of cells, more than the lines whose places are kept as read.
        let glued = "三、本年度办理结果（一）予以公开128821005031362（二）部分公开（区分处理的，只计这一情形，不计其他情形）44770000454（三）不予公开1.属于国家秘密2000 002 2.其他法律行政法规禁止公开301000031";
        let mut text = String::new();
        for i in 0..300 {
            match i % 7 {
                0 => text.push_str("\n\n"),
                1 => text.push_str("- 3 -\n"),
                2 if i % 21 == 2 => text.push_str(glued),
                3 => text.push_str("规章 | 1 | 2 |"),
                _ => text.push_str("本机关全年"),
            }
            text.push('\n');
        }
        let d = super::super::text::read(&text);
        // Every kept line's text is what the line as read says (a glued piece: part of it).
        let all: Vec<&str> = text.lines().collect();
        let mut seen = 0;
        for i in 0..d.line_count() {
            let l = d.line(i).expect("a line");
            assert_eq!(d.ord(i), d.ord_counted(i), "line {i}");
            assert!(i == 0 || d.ord(i) > d.ord(i - 1));
            let no = d.line_no(i) as usize;
            assert!(all[no - 1].contains(l.text()), "{i}: {}", l.text());
            seen = seen.max(no);
        }
        assert_eq!(seen, all.len());
        // Lines as read: every line but the footers, and a glued line once per piece.
        let footers = all.iter().filter(|l| l.starts_with("- 3")).count();
        let extra: usize = all
            .iter()
            .filter_map(|l| super::super::unglue::cuts(l))
            .map(|cuts| cuts.len())
            .sum();
        assert!(extra >= 15, "{extra}");
        assert_eq!(d.ord_count(), all.len() - footers + extra);
        let tail = d.ord_count() - 12;
        let in_tail = (0..d.line_count()).filter(|&i| d.ord(i) >= tail).count();
        assert_eq!(d.tail_from_ord(tail), d.line_count() - in_tail);
    }

    #[test]
    fn columns_and_line_numbers_count_across_checkpoints() {
        // Lines long enough that counting goes through the 4 KiB checkpoints.
        let row = format!("{}| 规章 | 12 |", "汉 ".repeat(3000));
        let text = format!("标题\n\n{row}\n{row}\n");
        let d = super::super::text::read(&text);
        let last = d.tok_count() - 1;
        let t = d.tok(last);
        assert_eq!(t.raw, "12");
        assert_eq!(t.cell(), 2);
        assert_eq!(t.col() as usize, row.chars().count() - 4);
        let loc = d.location(last, None);
        assert_eq!(loc.line, Some(4));
        assert_eq!(loc.column, Some(t.col() + 1));
        // The blank line is not kept, and still counted.
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.line(1).map(|l| l.ord()), Some(2));
        assert_eq!(d.ord_count(), 4);
    }
}
