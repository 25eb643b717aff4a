//! Decoding model JSON into a [`Report`]: every cell is placed by its path, every key the model
//! does not have is kept as an `unknown-field` finding, and nothing is ever rejected outright.

use crate::prelude::*;

use super::layout::{layout, CellId, Format, Formats, Layout, Node};
use super::normalize::normalize;
use super::num::Num;
use super::report::MAX_LISTED;

/// How many unknown keys are held before repeats among them are folded on the way.
const FOLD_AT: usize = 4096;
use super::report::{
    CellState, Duplicate, FormatSource, MetadataIssue, MetadataProblem, Report, StructureIssue,
};
use crate::base::dates::DateProblem;
use crate::base::text::text;
use crate::json::{Json, Parser, Stop};
use alloc::borrow::Cow;

pub const SECTION_KEYS: [&str; 6] = [
    "overview",
    "proactive",
    "applications",
    "reviewLitigation",
    "problems",
    "other",
];

/// The top-level keys that are not tables.
const META_KEYS: [&str; 6] = [
    "year",
    "format",
    "issuer",
    "publishedOn",
    "sections",
    "$schema",
];

/// Parse JSON text and decode it in one pass: cells are placed as they are read, with no tree
/// in between. Text that is not JSON gives a report with `syntax_error` set.
pub fn decode_str(text: &str) -> Report {
    decode_with(text, Parser::new)
}

/// Decode the text `validate()` made of a JS object: JSON in which `NaN`, `Infinity` and
/// `-Infinity` stand where the object held them (see [`Parser::lenient`]); they are
/// `invalid-number` findings, not the blank cells `JSON.stringify` would make of them.
pub fn decode_js(text: &str) -> Report {
    decode_with(text, Parser::lenient)
}

/// Decode a `serde_json` value (for Rust callers that already hold one).
pub fn decode(value: &serde_json::Value) -> Report {
    decode_str(&value.to_string())
}

/// Keys given twice follow `JSON.parse`: the later value counts and replaces the earlier one
/// whole (a table given twice keeps none of the first one's cells or findings), so that
/// `validateJson(t)` and `validate(JSON.parse(t))` read the same report; each repeat is a
/// `duplicate-key` finding naming both places. A repeated cell is simply overwritten; when a
/// table, row, metadata key or section repeats, the text is read a second time knowing where
/// each key last occurs, and the values before that are skipped unread.
fn decode_with<'t>(text: &'t str, parser: fn(&'t str) -> Parser<'t>) -> Report {
    match Decoder::new(text, Vec::new()).run(parser(text)) {
        Ok(r) => r,
        // A second pass never asks for a third (`repeat` asks only on a first).
        Err(last) => Decoder::new(text, last)
            .run(parser(text))
            .unwrap_or_default(),
    }
}

/// The decoding of one text (one pass of it).
struct Decoder<'t> {
    r: Report,
    text: &'t str,
    /// Fetched once: every `layout()` call site costs the size-optimised build a copy of it.
    l: &'static Layout,
    /// Per key slot (the layout's nodes, then `META_KEYS`, then `SECTION_KEYS`): the byte
    /// offset + 1 of the key where last seen (0: not yet).
    seen: Vec<usize>,
    /// In a second pass, `seen` as the first pass left it: where each key occurs last.
    last: Vec<usize>,
    /// A key other than a cell's repeated: the text must be read again (see `decode_with`).
    again: bool,
    /// Where each entry of `r.unknown` was found.
    unknown_at: Vec<usize>,
    /// Repeated keys: pointer, offset of the earlier and of the later key; only the first
    /// `MAX_LISTED + 1` (what the rule shows), and how many in all.
    dups: Vec<(String, usize, usize)>,
    dup_count: usize,
    /// Hashes of recent unknown-key paths, and how many repeats of them were seen since the
    /// list of unknown keys last filled (see `unknown`).
    recent: [u32; 256],
    recent_repeats: usize,
}

impl<'t> Decoder<'t> {
    fn new(text: &'t str, last: Vec<usize>) -> Self {
        let l = layout();
        let slots = l.nodes.len() + META_KEYS.len() + SECTION_KEYS.len();
        Decoder {
            r: Report::default(),
            text,
            l,
            seen: vec![0; slots],
            last,
            again: false,
            unknown_at: Vec::new(),
            dups: Vec::new(),
            dup_count: 0,
            recent: [0; 256],
            recent_repeats: 0,
        }
    }

    fn meta_slot(&self, k: usize) -> usize {
        self.l.nodes.len() + k
    }

    fn section_slot(&self, k: usize) -> usize {
        self.l.nodes.len() + META_KEYS.len() + k
    }

    /// The report read, or (`Err`) where each key occurs last when the text must be read a
    /// second time (see `decode_with`).
    fn run(mut self, mut p: Parser<'t>) -> Result<Report, Vec<usize>> {
        let read = match p.peek() {
            Some(b'{') => self.members(&mut p),
            _ => p.shallow(0).map(|v| {
                self.r.structure.push(StructureIssue {
                    path: String::new(),
                    found: v.kind(),
                    expected_keys: Vec::new(),
                });
            }),
        }
        .and_then(|()| p.finish());
        if read.is_err() {
            if p.too_deep() {
                return Ok(Report {
                    too_deep: Some(Some(line_col(self.text, p.pos()))),
                    ..Report::default()
                });
            }
            let e = p.syntax_error();
            return Ok(Report {
                syntax_error: Some((e.eof, e.line, e.column)),
                ..Report::default()
            });
        }
        if self.again {
            return Err(self.seen);
        }
        self.settle();
        let mut r = self.r;
        if r.structure.iter().any(|s| s.path.is_empty()) {
            return Ok(r);
        }
        if r.year.is_none() && !r.metadata.iter().any(|m| m.path == "/year") {
            r.metadata.push(MetadataIssue {
                path: "/year",
                input: None,
                problem: MetadataProblem::MissingYear,
            });
        }
        decide_format(&mut r);
        Ok(r)
    }

    /// The report object's members.
    fn members(&mut self, p: &mut Parser<'t>) -> Result<(), Stop> {
        if !p.open_object(0)? {
            return Ok(());
        }
        loop {
            p.peek();
            let at = p.pos();
            let key = p.key()?;
            self.member(p, key, at)?;
            if !p.next_member()? {
                return Ok(());
            }
        }
    }

    /// Note the key of `slot` at `at`. `true` when its value is to be skipped: a later
    /// occurrence of the key replaces it (known in a second pass only).
    #[inline]
    fn key_seen(&mut self, slot: usize, at: usize) -> bool {
        let prev = self.seen[slot];
        self.seen[slot] = at + 1;
        if prev != 0 {
            self.repeat(slot, prev - 1, at);
        }
        self.last.get(slot).is_some_and(|&last| last != at + 1)
    }

    /// A key of `slot` seen again at `at` (before, at `prev`).
    #[inline(never)]
    fn repeat(&mut self, slot: usize, prev: usize, at: usize) {
        let l = self.l;
        let node = l.nodes.get(slot);
        self.again |= node.is_none_or(|n| n.cell.is_none());
        // A first pass that must be repeated records nothing: the second one will.
        self.again &= self.last.is_empty();
        self.dup(prev, at, || match node {
            Some(n) => n.path.clone(),
            None => match slot - l.nodes.len() {
                k if k < META_KEYS.len() => text!("/{}", escape(META_KEYS[k])),
                k => text!(
                    "/sections/{}",
                    SECTION_KEYS.get(k - META_KEYS.len()).unwrap_or(&"")
                ),
            },
        });
    }

    /// Count a repeat, and keep it while it is among those the rule lists (a file of a
    /// million repeats costs no memory per repeat).
    fn dup(&mut self, prev: usize, at: usize, path: impl FnOnce() -> String) {
        self.dup_count += 1;
        if self.dups.len() <= MAX_LISTED {
            self.dups.push((path(), prev, at));
        }
    }

    fn unknown(&mut self, mut path: String, at: usize) {
        // Millions of unknown keys in hostile input, mostly one key repeated: a long list
        // that is full is folded before it grows, so that repeats cost no memory (issue 19:
        // memory per input byte). Below the threshold the list is folded once, at the end;
        // above it, which repeats are listed first can differ (all are counted).
        let n = self.r.unknown.len();
        // A repeat of one of the recent keys (by a hash of the path, in a small table)?
        let h = path.bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        if let Some(slot) = self.recent.get_mut((h & 0xff) as usize) {
            self.recent_repeats += usize::from(*slot == h);
            *slot = h;
        }
        if n >= FOLD_AT && n == self.r.unknown.capacity() {
            // Sorting costs as much as all the rest of decoding: only when the recent keys
            // showed repeats (one key or a few hundred cycled, as hostile input does).
            // Distinct keys, or repeats far apart, grow the list as before.
            if self.recent_repeats >= n / 16 {
                self.fold_unknown();
            }
            self.recent_repeats = 0;
        }
        // Kept for every distinct unknown key: without the room `text!` makes for longer
        // values.
        path.shrink_to_fit();
        self.r.unknown.push(path);
        self.unknown_at.push(at);
    }

    /// One top-level member of the report.
    fn member(&mut self, p: &mut Parser<'t>, key: Cow<'t, str>, at: usize) -> Result<(), Stop> {
        if let Some(k) = META_KEYS.iter().position(|m| *m == key) {
            return self.metadata(p, k, at);
        }
        match table_node(self.l, &key) {
            Some(n) if self.key_seen(n, at) => p.shallow(1).map(drop),
            Some(n) => self.walk(p, self.l, n, 1),
            None => {
                p.shallow(1)?;
                self.unknown(text!("/{}", escape(&key)), at);
                Ok(())
            }
        }
    }

    /// The value of metadata key `META_KEYS[k]`.
    #[inline(never)]
    fn metadata(&mut self, p: &mut Parser<'t>, k: usize, at: usize) -> Result<(), Stop> {
        if self.key_seen(self.meta_slot(k), at) {
            return p.shallow(1).map(drop);
        }
        let r = &mut self.r;
        match k {
            0 => decode_year(r, &p.shallow(1)?),
            1 => decode_format(r, &p.shallow(1)?),
            2 => {
                let v = p.shallow(1)?;
                r.issuer = text(r, "/issuer", &v);
            }
            3 => decode_date(r, &p.shallow(1)?),
            4 => self.sections(p)?,
            // Editors add a schema link; it is not report content.
            _ => {
                p.shallow(1)?;
            }
        }
        Ok(())
    }

    /// Read the object at a table or row node key by key.
    fn walk(
        &mut self,
        p: &mut Parser<'t>,
        l: &'static Layout,
        node: usize,
        depth: usize,
    ) -> Result<(), Stop> {
        let n: &Node = &l.nodes[node];
        if !matches!(p.peek(), Some(b'{')) {
            let v = p.shallow(depth)?;
            if v == Json::Null {
                // A whole table or row given as null: every cell below it is blank.
                set_below(l, &mut self.r, node, &|| CellState::Blank { input: None });
            } else {
                self.r.structure.push(StructureIssue {
                    path: n.path.clone(),
                    found: v.kind(),
                    expected_keys: n.children.iter().map(|&c| l.nodes[c].key.clone()).collect(),
                });
            }
            return Ok(());
        }
        if !p.open_object(depth)? {
            return Ok(());
        }
        // Keys usually come in the layout's order, some skipped (the other layout's rows): try the
        // next few by their bytes, then all of them by the key's bytes (keys sorted by name),
        // before reading the key as a string (an unknown key, or one written with escapes).
        let children = &n.children[..];
        let mut next = 0;
        loop {
            p.peek();
            let at = p.pos();
            let expected = (next..children.len().min(next + 3))
                .find(|&i| p.key_is(&l.nodes[children[i]].key))
                .or_else(|| p.key_in(children.iter().map(|&c| l.nodes[c].key.as_str())));
            let found = match expected {
                Some(i) => Some(i),
                None => {
                    let k = p.key()?;
                    match children.iter().position(|&c| l.nodes[c].key == k) {
                        Some(i) => Some(i),
                        None => {
                            p.shallow(depth + 1)?;
                            self.unknown(text!("{}/{}", n.path, escape(&k)), at);
                            None
                        }
                    }
                }
            };
            if let Some(i) = found {
                next = i + 1;
                let c = children[i];
                // Cells are read here, not by another call: they are most of the members.
                match (self.key_seen(c, at), l.nodes[c].cell) {
                    (true, _) => {
                        p.shallow(depth + 1)?;
                    }
                    (false, Some(id)) => read_cell(&mut self.r, p, l, id, depth + 1)?,
                    (false, None) => self.walk(p, l, c, depth + 1)?,
                }
            }
            if !p.next_member()? {
                return Ok(());
            }
        }
    }

    /// `sections`: an object of texts, read member by member.
    #[inline(never)]
    fn sections(&mut self, p: &mut Parser<'t>) -> Result<(), Stop> {
        if !matches!(p.peek(), Some(b'{')) {
            match p.shallow(1)? {
                Json::Null => {}
                other => self.r.structure.push(StructureIssue {
                    path: "/sections".into(),
                    found: other.kind(),
                    expected_keys: SECTION_KEYS.iter().map(|s| s.to_string()).collect(),
                }),
            }
            return Ok(());
        }
        if !p.open_object(1)? {
            return Ok(());
        }
        loop {
            p.peek();
            let at = p.pos();
            let key = p.key()?;
            match SECTION_KEYS.iter().position(|k| *k == key) {
                None => {
                    p.shallow(2)?;
                    self.unknown(text!("/sections/{}", escape(&key)), at);
                }
                Some(k) => {
                    let skip = self.key_seen(self.section_slot(k), at);
                    match p.shallow(2)? {
                        _ if skip => {}
                        Json::Str(s) => self.r.sections.push((key.into_owned(), s.into_owned())),
                        Json::Null => {}
                        other => self.r.structure.push(StructureIssue {
                            path: text!("/sections/{key}", key),
                            found: other.kind(),
                            expected_keys: Vec::new(),
                        }),
                    }
                }
            }
            if !p.next_member()? {
                return Ok(());
            }
        }
    }

    /// After the last key: fold repeated unknown keys into one, and say where each listed
    /// repeat was.
    #[inline(never)]
    fn settle(&mut self) {
        if self.r.unknown.len() > 1 {
            self.fold_unknown();
        }
        // Lines and columns of the repeats that will be listed, in one pass over the text.
        let listed = self.dups.len().min(MAX_LISTED);
        let mut offsets: Vec<usize> = Vec::with_capacity(2 * listed);
        for d in self.dups.iter().take(listed) {
            offsets.push(d.1);
            offsets.push(d.2);
        }
        // At most a few hundred: an insertion sort is the least code.
        for i in 1..offsets.len() {
            let mut j = i;
            while j > 0 && offsets[j - 1] > offsets[j] {
                offsets.swap(j - 1, j);
                j -= 1;
            }
        }
        let places = line_cols(self.text, &offsets);
        let place = |o: usize| {
            let i = offsets.partition_point(|&x| x < o);
            places.get(i).copied().unwrap_or((0, 0))
        };
        self.r.duplicates_total = self.dup_count;
        self.r.duplicates = core::mem::take(&mut self.dups)
            .into_iter()
            .enumerate()
            .map(|(i, (path, first, second))| {
                let (first, second) = if i < listed {
                    (place(first), place(second))
                } else {
                    ((0, 0), (0, 0))
                };
                Duplicate {
                    path,
                    first,
                    second,
                }
            })
            .collect();
    }

    /// An unknown key given more than once is one unknown key (at its first place, as
    /// `JSON.parse` keeps it) and a repeat, paired with the occurrence before it. Run after
    /// the last key, and on the way whenever a long list is full (see `unknown`).
    #[inline(never)]
    fn fold_unknown(&mut self) {
        let unknown = &self.r.unknown;
        // By path; stable, so each path's occurrences stay in text order. Indices only: in
        // hostile input (millions of one repeated key) anything more per key is what bounds
        // the memory per input byte (issue 19).
        let order = crate::base::sort::stable_order(unknown.len(), &|a, b| unknown[b] < unknown[a]);
        let mut repeat = vec![false; unknown.len()];
        let mut group = 0;
        for k in 1..=order.len() {
            let (first, prev) = (order[group], order[k - 1]);
            match order.get(k) {
                Some(&b) if unknown[b] == unknown[first] => {
                    repeat[b] = true;
                    self.dup_count += 1;
                    if self.dups.len() <= MAX_LISTED {
                        let at = &self.unknown_at;
                        self.dups.push((unknown[b].clone(), at[prev], at[b]));
                    }
                }
                _ => {
                    // The kept (first) entry now stands for its whole group: a later repeat
                    // pairs with the group's last occurrence.
                    self.unknown_at[first] = self.unknown_at[prev];
                    group = k;
                }
            }
        }
        drop(order);
        let mut i = 0;
        self.r.unknown.retain(|_| {
            i += 1;
            !repeat.get(i - 1).copied().unwrap_or(false)
        });
        let mut i = 0;
        self.unknown_at.retain(|_| {
            i += 1;
            !repeat.get(i - 1).copied().unwrap_or(false)
        });
    }
}

/// (line, column) of each of the sorted byte `offsets`, counted as the parser counts them:
/// lines from 1, columns in characters from 1.
#[inline(never)]
fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let (mut line, mut line_start, mut from) = (1, 0, 0);
    for &o in offsets {
        let o = o.min(b.len());
        for (i, &c) in b.get(from..o).unwrap_or_default().iter().enumerate() {
            if c == b'\n' {
                line += 1;
                line_start = from + i + 1;
            }
        }
        from = o;
        let column = b
            .get(line_start..o)
            .unwrap_or_default()
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count()
            + 1;
        out.push((line, column));
    }
    out
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    line_cols(text, &[offset])
        .first()
        .copied()
        .unwrap_or((1, 1))
}

fn table_node(l: &Layout, key: &str) -> Option<usize> {
    l.nodes[0]
        .children
        .iter()
        .copied()
        .find(|&c| l.nodes[c].key == key)
}

#[inline(always)]
fn read_cell(
    r: &mut Report,
    p: &mut Parser,
    l: &Layout,
    id: CellId,
    depth: usize,
) -> Result<(), Stop> {
    // A slice, not the `Vec`: see `Report::cells`.
    r.cells.as_mut_slice()[id as usize] = match p.integer() {
        // Fewer than 15 digits: always a valid count, signed value or amount.
        Some(v) => CellState::Value(Num::Int(v)),
        None => {
            let def = l.cell(id);
            normalize(&p.shallow(depth)?, def.kind, def.unit)
        }
    };
    Ok(())
}

/// Set every cell at or below `node` to `state()`.
fn set_below(l: &Layout, r: &mut Report, node: usize, state: &dyn Fn() -> CellState) {
    if let Some(id) = l.nodes[node].cell {
        r.cells[id as usize] = state();
    }
    for &c in &l.nodes[node].children {
        set_below(l, r, c, state);
    }
}

fn decode_year(r: &mut Report, v: &Json) {
    let parsed = match v {
        Json::Num(_) => v.as_i64(),
        Json::Str(s) => {
            let t = s.trim().trim_end_matches('年').trim();
            let t: String = t.chars().map(crate::base::fold::half_width).collect();
            crate::base::numeric::parse_i64(&t)
        }
        _ => None,
    };
    match parsed {
        Some(y) if (2000..=2100).contains(&y) => r.year = Some(y as i32),
        _ => r.metadata.push(MetadataIssue {
            path: "/year",
            input: Some(show(v)),
            problem: MetadataProblem::BadYear,
        }),
    }
}

fn decode_format(r: &mut Report, v: &Json) {
    let f = match v {
        Json::Str(s) => Format::parse(s),
        Json::Num(n) => Format::parse(n),
        // An empty format field in a form means "not chosen": infer it.
        Json::Null => return,
        _ => None,
    };
    match f {
        Some(f) => r.declared_format = Some(f),
        None if v.as_str().is_some_and(|s| s.trim().is_empty()) => {}
        None => r.metadata.push(MetadataIssue {
            path: "/format",
            input: Some(show(v)),
            problem: MetadataProblem::BadFormat,
        }),
    }
}

fn decode_date(r: &mut Report, v: &Json) {
    if *v == Json::Null || v.as_str().is_some_and(|s| s.trim().is_empty()) {
        return;
    }
    let parsed = v
        .as_str()
        .map_or(Err(DateProblem::Unreadable), crate::base::dates::parse_iso);
    match parsed {
        Ok(d) => r.published_on = Some(d),
        Err(problem) => r.metadata.push(MetadataIssue {
            path: "/publishedOn",
            input: Some(show(v)),
            problem: MetadataProblem::date(problem),
        }),
    }
}

fn text(r: &mut Report, path: &'static str, v: &Json) -> Option<String> {
    match v {
        Json::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Json::Str(_) | Json::Null => None,
        other => {
            r.metadata.push(MetadataIssue {
                path,
                input: Some(show(other)),
                problem: MetadataProblem::NotText,
            });
            None
        }
    }
}

/// The layout: as declared, else by the tables' shape (rows only one layout has), else by year.
fn decide_format(r: &mut Report) {
    if let Some(f) = r.declared_format {
        r.format = f;
        r.format_source = FormatSource::Declared;
        return;
    }
    let votes = shape_votes(r);
    let (f, src) = match votes[0].cmp(&votes[1]) {
        core::cmp::Ordering::Greater => (Format::F2019, FormatSource::Shape),
        core::cmp::Ordering::Less => (Format::F2021, FormatSource::Shape),
        core::cmp::Ordering::Equal => match r.year {
            Some(y) => (Format::for_year(y), FormatSource::Year),
            None => (Format::F2021, FormatSource::Default),
        },
    };
    r.format = f;
    r.format_source = src;
}

/// How many rows with cells of only the 2019 layout, and of only the 2021 layout, are present.
pub fn shape_votes(r: &Report) -> [usize; 2] {
    let l = layout();
    // A few dozen rows at most: a list is enough (a BTreeSet cost the lite build 1 KB gzipped).
    let mut rows: Vec<(&str, usize)> = Vec::new();
    for (i, c) in l.cells.iter().enumerate() {
        if let (Formats::Only(f), true) = (c.formats, r.cells[i].is_present()) {
            let row = split_pointer(&c.path).map_or("", |(p, _)| p);
            let key = (row, (f == Format::F2021) as usize);
            if !rows.contains(&key) {
                rows.push(key);
            }
        }
    }
    let mut v = [0, 0];
    for (_, f) in rows {
        v[f] += 1;
    }
    v
}

fn show(v: &Json) -> String {
    v.text().chars().take(40).collect()
}

/// A JSON pointer's parent and last token, as `rsplit_once('/')` gives them; by bytes, which
/// is smaller in the lite WebAssembly build than the char searcher.
pub fn split_pointer(p: &str) -> Option<(&str, &str)> {
    let i = p.bytes().rposition(|b| b == b'/')?;
    Some((p.get(..i)?, p.get(i + 1..)?))
}

/// RFC 6901 escaping of one key.
pub fn escape(key: &str) -> alloc::borrow::Cow<'_, str> {
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        alloc::borrow::Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        alloc::borrow::Cow::Borrowed(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Num;
    use serde_json::json;

    #[test]
    fn places_keys_in_any_order_and_spelling() {
        // Reversed order, an escaped key, an unknown key between known ones, and a row of the
        // other layout: each key lands where it belongs whatever the decoder guessed would come.
        let r = decode_str(
            r#"{"year":2024,"applications":{"received":{"total":7,"natur\u0061l":3,"x/y":1,"otherOrg":4}},
               "proactive":{"fees":{"amount":2},"regulations":{"inForce":5,"issued":1}}}"#,
        );
        let at = |p: &str| r.num(layout().find(p).unwrap());
        assert_eq!(at("/applications/received/total"), Some(Num::Int(7)));
        assert_eq!(at("/applications/received/natural"), Some(Num::Int(3)));
        assert_eq!(at("/applications/received/otherOrg"), Some(Num::Int(4)));
        assert_eq!(at("/proactive/regulations/issued"), Some(Num::Int(1)));
        assert_eq!(at("/proactive/regulations/inForce"), Some(Num::Int(5)));
        assert_eq!(at("/proactive/fees/amount"), Some(Num::Int(2)));
        assert_eq!(r.unknown, vec!["/applications/received/x~1y"]);
    }

    #[test]
    fn long_lists_of_unknown_keys_fold_on_the_way_with_the_same_answer() {
        // More unknown keys than FOLD_AT, repeats spread over the whole list: the same
        // distinct keys in first-seen order, every repeat counted and paired with the
        // occurrence before it, as a fold at the end alone would give.
        let keys: Vec<String> = (0..3 * FOLD_AT)
            .map(|i| format!("k{}", if i % 3 == 0 { i % 11 } else { i }))
            .collect();
        let mut text = String::from("{\"year\":2024");
        let mut col = Vec::new();
        for k in &keys {
            text.push(',');
            col.push(text.chars().count() + 1);
            text.push_str(&format!("\"{k}\":1"));
        }
        text.push('}');
        let r = decode_str(&text);
        let mut distinct: Vec<String> = Vec::new();
        let mut last: Vec<(String, usize)> = Vec::new();
        let mut pairs = Vec::new();
        for (k, &c) in keys.iter().zip(&col) {
            let path = format!("/{k}");
            match last.iter_mut().find(|(p, _)| *p == path) {
                Some(seen) => {
                    pairs.push((path, seen.1, c));
                    seen.1 = c;
                }
                None => {
                    distinct.push(path.clone());
                    last.push((path, c));
                }
            }
        }
        assert_eq!(r.unknown, distinct);
        assert_eq!(r.duplicates_total, pairs.len());
        assert!(!r.duplicates.is_empty());
        for d in r.duplicates.iter().take(MAX_LISTED) {
            let want = (d.path.clone(), d.first.1, d.second.1);
            assert!(pairs.contains(&want), "{want:?}");
        }
    }

    #[test]
    fn a_repeat_after_a_fold_on_the_way_pairs_with_the_occurrence_before_it() {
        // `x` twice, a fold on the way, then `x` again: the third `x` is paired with the
        // second, not with the first that the list kept.
        let mut d = Decoder::new("", Vec::new());
        d.unknown("/x".into(), 1);
        d.unknown("/y".into(), 3);
        d.unknown("/x".into(), 5);
        d.fold_unknown();
        d.unknown("/x".into(), 9);
        d.unknown("/y".into(), 11);
        d.fold_unknown();
        assert_eq!(d.r.unknown, ["/x", "/y"]);
        let pairs: Vec<_> = d
            .dups
            .iter()
            .map(|(p, a, b)| (p.as_str(), *a, *b))
            .collect();
        assert_eq!(pairs, [("/x", 1, 5), ("/x", 5, 9), ("/y", 3, 11)]);
        assert_eq!(d.dup_count, 3);
    }

    #[test]
    fn one_key_repeated_holds_no_list_of_its_repeats() {
        // Issue 19: 8 MB of `,"x":1` is 1.4 million repeats; without folding on the way the
        // list of them grew to the next power of two before the fold at the end.
        let text = format!("{{\"year\":2024{}}}", ",\"x\":1".repeat(40 * FOLD_AT));
        let r = decode_str(&text);
        assert_eq!(r.unknown, ["/x"]);
        assert_eq!(r.duplicates_total, 40 * FOLD_AT - 1);
        assert!(
            r.unknown.capacity() <= 2 * FOLD_AT,
            "{}",
            r.unknown.capacity()
        );
    }

    #[test]
    fn unknown_keys_are_kept_without_spare_room() {
        // One path per unknown key: hostile input has millions, each kept as long as it is.
        let text = format!(
            "{{\"year\":2024{}}}",
            ",\"k\":1,\"long-unknown-key\":2".repeat(50)
        );
        let r = decode_str(&text);
        assert_eq!(r.unknown, ["/k", "/long-unknown-key"]);
        assert!(r.unknown.iter().all(|p| p.capacity() <= p.len() + 8));
        assert_eq!(r.duplicates_total, 98);
    }

    #[test]
    fn places_cells_and_keeps_unknown_keys() {
        let r = decode(&json!({
            "year": 2020,
            "applications": { "received": { "natural": "３", "naturel": 1 } },
            "extra": 1,
            "a/b": 2
        }));
        let id = layout().find("/applications/received/natural").unwrap();
        assert_eq!(r.num(id), Some(Num::Int(3)));
        assert_eq!(
            r.unknown,
            vec!["/a~1b", "/applications/received/naturel", "/extra"]
        );
        assert_eq!(r.year, Some(2020));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2019, FormatSource::Year)
        );
    }

    #[test]
    fn format_from_shape_beats_year() {
        let r = decode(&json!({"year": 2020, "proactive": {"fees": {"amount": 1.5}}}));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2021, FormatSource::Shape)
        );
        let r = decode(&json!({"year": 2023, "format": "2019"}));
        assert_eq!(
            (r.format, r.format_source),
            (Format::F2019, FormatSource::Declared)
        );
    }

    #[test]
    fn wrong_shapes_are_findings_not_failures() {
        let r = decode(&json!(42));
        assert_eq!(r.structure[0].path, "");
        let r = decode(
            &json!({"year": "二〇二〇", "applications": [1, 2], "publishedOn": "2021-02-30"}),
        );
        assert_eq!(r.structure[0].path, "/applications");
        let probs: Vec<_> = r.metadata.iter().map(|m| m.problem).collect();
        assert_eq!(
            probs,
            vec![MetadataProblem::ImpossibleDate, MetadataProblem::BadYear]
        );
        let r = decode_str("{\"year\": 2020,");
        assert!(r.syntax_error.is_some());
    }

    /// The report `JSON.parse` would make of the text, decoded: what `validate()` sees.
    fn as_js_sees_it(text: &str) -> Report {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        decode(&v)
    }

    #[test]
    fn the_later_of_two_keys_counts_everywhere_as_in_json_parse() {
        let natural = || layout().find("/applications/received/natural").unwrap();
        let total = || layout().find("/applications/received/total").unwrap();
        for text in [
            // A cell, a row, a table, metadata and a section given twice.
            r#"{"year": 2023, "year": 2024, "applications": {"received": {"natural": 1, "natural": 2}}}"#,
            r#"{"year": 2024, "applications": {"received": {"natural": 1, "total": 9}, "received": {"natural": 2}}}"#,
            r#"{"year": 2024, "applications": {"received": {"natural": 1, "total": 9, "bogus": 1}}, "applications": {"received": {"natural": 2}}}"#,
            r#"{"year": "二〇二四", "issuer": "甲", "year": 2024, "issuer": null, "applications": {"received": {"natural": 2}}}"#,
            r#"{"year": 2024, "sections": {"overview": "甲", "problems": 3, "overview": "乙"}, "sections": {"overview": "丙"}, "applications": {"received": [1], "received": {"natural": 2}}}"#,
            r#"{"year": 2024, "applications": 5, "applications": {"received": {"natural": 2}}, "x": 1, "x": {"a": 1}}"#,
        ] {
            let r = decode_str(text);
            assert_eq!(r.num(natural()), Some(Num::Int(2)), "{text}");
            assert_eq!(r.cell(total()), &CellState::Absent, "{text}");
            assert_eq!(r.year, Some(2024), "{text}");
            assert!(r.metadata.is_empty(), "{text}: {:?}", r.metadata);
            assert!(r.structure.is_empty(), "{text}: {:?}", r.structure);
            assert!(!r.duplicates.is_empty(), "{text}");
            // Everything but the repeats is what validate(JSON.parse(text)) reads.
            let js = as_js_sees_it(text);
            assert_eq!(
                Report {
                    duplicates: Vec::new(),
                    duplicates_total: 0,
                    ..r
                },
                js,
                "{text}"
            );
        }
        // The later text counts (the section then stands where its last key is).
        let r = decode_str(
            r#"{"year": 2024, "sections": {"overview": "甲", "problems": "乙", "overview": "丙"}}"#,
        );
        assert_eq!(
            r.sections,
            vec![
                ("problems".into(), "乙".into()),
                ("overview".into(), "丙".into())
            ]
        );
    }

    #[test]
    fn repeats_name_both_places_in_order() {
        let r = decode_str("{\"x\": 1, \"year\": 2024,\n\"applications\": {\"received\": {\"natural\": 1,\n \"natur\\u0061l\": 2}},\n\"x\": 2, \"x\": 3}");
        let got: Vec<_> = r
            .duplicates
            .iter()
            .map(|d| (d.path.as_str(), d.first, d.second))
            .collect();
        assert_eq!(
            got,
            vec![
                ("/applications/received/natural", (2, 31), (3, 2)),
                ("/x", (1, 2), (4, 1)),
                ("/x", (4, 1), (4, 9)),
            ]
        );
        assert_eq!(r.unknown, vec!["/x"]);
        // A repeat inside a value that a later repeat replaced is not reported.
        let r = decode_str(
            r#"{"year": 2024, "applications": {"received": {"natural": 1, "natural": 2}}, "applications": {}}"#,
        );
        let got: Vec<_> = r.duplicates.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(got, vec!["/applications"]);
    }

    #[test]
    fn non_finite_numbers_are_read_only_from_validate() {
        let text = r#"{"year": 2024, "applications": {"received": {"natural": NaN, "commercial": -Infinity, "total": Infinity}}}"#;
        assert!(decode_str(text).syntax_error.is_some());
        let r = decode_js(text);
        assert_eq!(r.syntax_error, None);
        for (path, input) in [
            ("natural", "NaN"),
            ("commercial", "-Infinity"),
            ("total", "Infinity"),
        ] {
            let id = layout()
                .find(&format!("/applications/received/{path}"))
                .unwrap();
            assert_eq!(
                r.cell(id),
                &CellState::Invalid {
                    input: input.into(),
                    reason: crate::model::report::Invalid::NotFinite
                },
                "{path}"
            );
        }
        let r = decode_js(r#"{"year": NaN, "issuer": Infinity}"#);
        let inputs: Vec<_> = r
            .metadata
            .iter()
            .map(|m| (m.path, m.input.as_deref()))
            .collect();
        assert_eq!(
            inputs,
            vec![("/year", Some("NaN")), ("/issuer", Some("Infinity"))]
        );
        // Only as whole tokens.
        assert!(decode_js(r#"{"year": NaNa}"#).syntax_error.is_some());
        assert!(decode_js(r#"{"year": -Inf}"#).syntax_error.is_some());
    }

    #[test]
    fn big_values_of_unknown_keys_are_skipped_not_built() {
        // Checked by shape only: an array of a million elements is not a million values.
        let text = format!(
            r#"{{"year": 2024, "x": [{}1], "applications": {{"received": {{"natural": [[{}0]]}}}}}}"#,
            "1,".repeat(100_000),
            "0,".repeat(1000)
        );
        let r = decode_str(&text);
        assert_eq!(r.unknown, vec!["/x"]);
        let id = layout().find("/applications/received/natural").unwrap();
        match r.cell(id) {
            CellState::Invalid { input, .. } => assert_eq!(input.chars().count(), 41),
            other => panic!("{other:?}"),
        }
        assert!(decode_str(r#"{"year": 2024, "x": [1,]}"#)
            .syntax_error
            .is_some());
        assert!(decode_str(r#"{"year": 2024, "x": {"a" 1}}"#)
            .syntax_error
            .is_some());
    }
}
