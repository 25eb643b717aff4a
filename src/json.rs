//! A small JSON reader and writer for the hot path. Reports are read into a borrowed tree (no
//! copies of keys or numbers, a `Vec` per object) and results are written straight to text:
//! several times faster than a general-purpose `Value`, and it keeps serde_json out of the lite
//! wasm, which only validates.
//!
//! It reads RFC 8259 JSON. Where the RFC leaves the choice to the parser (JSONTestSuite's `i_`
//! files; tests/conformance_json.rs asserts each): a leading byte-order mark is dropped, numbers
//! are kept as written whatever their size (the model judges them), an unpaired surrogate
//! escape reads as U+FFFD, and nesting deeper than 128 is refused.

use crate::prelude::*;

use alloc::borrow::Cow;

/// A parsed JSON value borrowing from the input text. Numbers stay as their literal text, so a
/// cell can be read exactly and quoted as it was written.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Num(&'a str),
    Str(Cow<'a, str>),
    /// Elements and the array's own text.
    Arr(Vec<Json<'a>>, &'a str),
    /// Members in input order and the object's own text.
    Obj(Vec<(Cow<'a, str>, Json<'a>)>, &'a str),
}

impl<'a> Json<'a> {
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(..) => "array",
            Json::Obj(..) => "object",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value as its JSON text (strings unquoted), for quoting in messages.
    pub fn text(&self) -> Cow<'a, str> {
        match self {
            Json::Null => Cow::Borrowed("null"),
            Json::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Json::Num(n) => Cow::Borrowed(n),
            Json::Str(s) => s.clone(),
            Json::Arr(_, raw) | Json::Obj(_, raw) => Cow::Borrowed(raw),
        }
    }

    /// An integer literal's value (no fraction, no exponent).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Num(n) => crate::base::numeric::parse_i64(n),
            _ => None,
        }
    }
}

/// Where and why the text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The text ended before the value did (a cut-off file).
    pub eof: bool,
    pub line: usize,
    pub column: usize,
}

/// Deeper than any report; past it the text is refused rather than the stack risked
/// ([`Parser::too_deep`] tells this apart from a syntax error).
pub const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut p = Parser::new(text);
    p.value(0)
        .and_then(|v| p.finish().map(|()| v))
        .map_err(|Stop| p.syntax_error())
}

/// The parser stopped: the text is not JSON where it stands ([`Parser::syntax_error`] says
/// where). Carrying nothing keeps every `Result` of the hot path in registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop;

/// A pull parser: `value` reads one whole value as a tree; `object` walks an object's members
/// and lets the caller read each value its own way (the report decoder places cells directly).
pub struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// `NaN`, `Infinity` and `-Infinity` are read as number literals (see [`Parser::lenient`]).
    non_finite: bool,
    /// The parser stopped at `MAX_DEPTH`, not at a syntax error.
    deep: bool,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        // A byte-order mark is not part of the JSON; files saved on Windows often start with one.
        let i = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser {
            s: text,
            b: text.as_bytes(),
            i,
            non_finite: false,
            deep: false,
        }
    }

    /// A parser of the text `validate()` makes of a JS object: JSON, except that `NaN`,
    /// `Infinity` and `-Infinity` stand where the object held those numbers (`JSON.stringify`
    /// would have written `null`, a blank cell, in their place). They come back as
    /// [`Json::Num`] with that text, which no number parser accepts.
    pub fn lenient(text: &'a str) -> Self {
        Parser {
            non_finite: true,
            ..Parser::new(text)
        }
    }

    /// The byte offset of the cursor (after [`Parser::peek`]: of the next token).
    pub fn pos(&self) -> usize {
        self.i
    }

    /// Whether the parser stopped because values nest deeper than [`MAX_DEPTH`].
    pub fn too_deep(&self) -> bool {
        self.deep
    }

    /// After the last value: only white space may follow.
    pub fn finish(&mut self) -> Result<(), Stop> {
        self.ws();
        if self.i < self.b.len() {
            return Err(Stop);
        }
        Ok(())
    }

    /// The next significant byte, without consuming it. Callers test it with `matches!`, not
    /// `== Some(b)`: the size-optimised lite build leaves `Option`'s `eq` as a call.
    #[inline(always)]
    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    /// A plain integer literal at the cursor (the common cell value), read without building a
    /// value. Anything else (a fraction, an exponent, 16+ digits, not a number) gives `None` and
    /// consumes nothing but white space.
    #[inline]
    pub fn integer(&mut self) -> Option<i64> {
        self.ws();
        let negative = matches!(self.b.get(self.i), Some(&b'-'));
        let start = self.i + usize::from(negative);
        let mut j = start;
        let mut v: i64 = 0;
        while let Some(&c @ b'0'..=b'9') = self.b.get(j) {
            if j - start >= 15 {
                return None;
            }
            v = v * 10 + i64::from(c - b'0');
            j += 1;
        }
        let leading_zero = j - start > 1 && self.b[start] == b'0';
        if j == start || leading_zero || matches!(self.b.get(j), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.i = j;
        Some(if negative { -v } else { v })
    }

    /// Walk the object that starts here: `member` is called with each key and must read the
    /// member's value from the parser.
    pub fn object(
        &mut self,
        depth: usize,
        mut member: impl FnMut(&mut Self, Cow<'a, str>) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        if !self.open_object(depth)? {
            return Ok(());
        }
        loop {
            let key = self.key()?;
            member(self, key)?;
            if !self.next_member()? {
                return Ok(());
            }
        }
    }

    /// Enter the object at the cursor. `false` when it is empty (`{}` is then read whole);
    /// otherwise the cursor is at the first key.
    #[inline]
    pub fn open_object(&mut self, depth: usize) -> Result<bool, Stop> {
        if !matches!(self.peek(), Some(b'{')) {
            return self.fail();
        }
        if depth >= MAX_DEPTH {
            return self.fail_deep();
        }
        self.i += 1;
        if matches!(self.peek(), Some(b'}')) {
            self.i += 1;
            return Ok(false);
        }
        Ok(true)
    }

    /// A member's key and its colon.
    pub fn key(&mut self) -> Result<Cow<'a, str>, Stop> {
        if !matches!(self.peek(), Some(b'"')) {
            return self.fail();
        }
        let key = self.string()?;
        if !matches!(self.peek(), Some(b':')) {
            return self.fail();
        }
        self.i += 1;
        Ok(key)
    }

    /// Read `"expected":` when the next key is exactly `expected` as written (no escapes), and
    /// say so; otherwise consume nothing but white space. Lets a reader that knows which key
    /// comes next skip scanning and comparing it as a string.
    // `always`: the lite build is optimised for size, where a plain `#[inline]` is not enough,
    // and this runs for every member of the report (with `same_bytes` and `Report::num`, lite
    // validateJson about 44k → 53k/s, and no bigger).
    #[inline(always)]
    pub fn key_is(&mut self, expected: &str) -> bool {
        self.ws();
        let e = expected.as_bytes();
        let at = self.i + 1;
        let Some(found) = self.b.get(self.i..at + e.len() + 1) else {
            return false;
        };
        if found[0] != b'"' || found[e.len() + 1] != b'"' || !same_bytes(&found[1..=e.len()], e) {
            return false;
        }
        let save = self.i;
        self.i = at + e.len() + 1;
        if matches!(self.peek(), Some(b':')) {
            self.i += 1;
            true
        } else {
            // Not a well-formed member: let the general path report it.
            self.i = save;
            false
        }
    }

    /// Read `"key":` when the next key, as written (no escapes), is one of `keys`, and say
    /// which (the first equal); otherwise consume nothing but white space. For a reader whose
    /// guess of the next key (`key_is`) failed: one scan of the key and a comparison of words
    /// a candidate, where [`Parser::key`] and a string comparison a candidate cost several
    /// times as much (keys sorted by name come in another order than a table's rows).
    #[inline]
    pub fn key_in<'k>(&mut self, mut keys: impl Iterator<Item = &'k str>) -> Option<usize> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.i + 1;
        let end = self.plain_end(start);
        if self.b.get(end) != Some(&b'"') {
            return None;
        }
        let written = self.b.get(start..end)?;
        let found = keys.position(|k| same_bytes(k.as_bytes(), written))?;
        let save = self.i;
        self.i = end + 1;
        if matches!(self.peek(), Some(b':')) {
            self.i += 1;
            Some(found)
        } else {
            // Not a well-formed member: let the general path report it.
            self.i = save;
            None
        }
    }

    /// After a member's value: `true` at `,` (another member follows), `false` at the closing `}`.
    #[inline]
    pub fn next_member(&mut self) -> Result<bool, Stop> {
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(true)
            }
            Some(b'}') => {
                self.i += 1;
                Ok(false)
            }
            _ => self.fail(),
        }
    }

    fn error(&self, eof: bool) -> SyntaxError {
        let at = self.i.min(self.b.len());
        let before = &self.b[..at];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        // Columns count characters, not bytes: Chinese text is three bytes a character.
        let column = before[start..]
            .iter()
            .filter(|&&c| c & 0xC0 != 0x80)
            .count()
            + 1;
        SyntaxError { eof, line, column }
    }

    fn fail<T>(&self) -> Result<T, Stop> {
        Err(Stop)
    }

    fn fail_deep<T>(&mut self) -> Result<T, Stop> {
        self.deep = true;
        Err(Stop)
    }

    /// Where the parser stopped, after a method gave [`Stop`]: the cursor is left there, at the
    /// end of the text when it ended too early.
    pub fn syntax_error(&self) -> SyntaxError {
        self.error(self.i >= self.b.len())
    }

    #[inline(always)]
    fn ws(&mut self) {
        // Runs at every token, mostly finding nothing: one comparison then; spaces and line
        // breaks (pretty-printed files) before the rarer tab and carriage return.
        let b = self.b;
        let mut i = self.i;
        while let Some(&c) = b.get(i) {
            if c > b' ' {
                break;
            }
            if c == b' ' || c == b'\n' || c == b'\r' || c == b'\t' {
                i += 1;
            } else {
                break;
            }
        }
        self.i = i;
    }

    /// Read one whole value.
    pub fn value(&mut self, depth: usize) -> Result<Json<'a>, Stop> {
        self.ws();
        match self.b.get(self.i) {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => self.fail_deep(),
            Some(b'{') => self.object_tree(depth),
            Some(b'[') => self.array(depth),
            _ => self.scalar(),
        }
    }

    /// Read one value without building objects and arrays: a scalar as [`Parser::value`]
    /// reads it; an object or array is checked and skipped, and comes back empty with its
    /// text. What a cell, a metadata field or an unknown key holds needs no more, and a
    /// hostile `[1,1,1,…]` then costs no memory per element.
    pub fn shallow(&mut self, depth: usize) -> Result<Json<'a>, Stop> {
        self.ws();
        let start = self.i;
        match self.b.get(self.i) {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => self.fail_deep(),
            Some(b'{') => {
                self.skip_container(depth, b'}')?;
                Ok(Json::Obj(Vec::new(), ascii_slice(self.s, start, self.i)))
            }
            Some(b'[') => {
                self.skip_container(depth, b']')?;
                Ok(Json::Arr(Vec::new(), ascii_slice(self.s, start, self.i)))
            }
            _ => self.scalar(),
        }
    }

    /// Skip the object or array at the cursor (which ends with `close`), checking its syntax.
    fn skip_container(&mut self, depth: usize, close: u8) -> Result<(), Stop> {
        self.i += 1;
        self.ws();
        if self.b.get(self.i) == Some(&close) {
            self.i += 1;
            return Ok(());
        }
        loop {
            if close == b'}' {
                self.key()?;
            }
            self.shallow(depth + 1)?;
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(&c) if c == close => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return self.fail(),
            }
        }
    }

    fn scalar(&mut self) -> Result<Json<'a>, Stop> {
        match self.b.get(self.i) {
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'N') if self.non_finite => self.non_finite_literal("NaN", 0),
            Some(b'I') if self.non_finite => self.non_finite_literal("Infinity", 0),
            Some(b'-') if self.non_finite && self.b.get(self.i + 1) == Some(&b'I') => {
                self.non_finite_literal("Infinity", 1)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail(),
        }
    }

    /// `NaN`, `Infinity` or (after `sign` bytes) `-Infinity`, as a number literal.
    fn non_finite_literal(&mut self, word: &str, sign: usize) -> Result<Json<'a>, Stop> {
        let start = self.i;
        self.i += sign;
        self.literal(word, Json::Null)?;
        Ok(Json::Num(ascii_slice(self.s, start, self.i)))
    }

    fn literal(&mut self, word: &str, v: Json<'a>) -> Result<Json<'a>, Stop> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            // A prefix of the word at the very end is a cut-off file.
            let rest = &self.b[self.i..];
            let eof = word.as_bytes().starts_with(rest);
            if eof {
                self.i = self.b.len();
            }
            Err(Stop)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json<'a>, Stop> {
        let start = self.i;
        if self.b[self.i] == b'-' {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail(),
        }
        if matches!(self.b.get(self.i), Some(&b'.')) {
            self.i += 1;
            if self.digits() == 0 {
                return self.fail();
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.fail();
            }
        }
        Ok(Json::Num(ascii_slice(self.s, start, self.i)))
    }

    /// Where the run of plain string bytes from `from` ends: at the next `"`, `\\` or control
    /// byte, or at the end of the text. Each of those is ASCII, so the run ends on a character
    /// boundary.
    #[inline(always)]
    fn plain_end(&self, from: usize) -> usize {
        let rest = self.b.get(from..).unwrap_or_default();
        let done = plain_words(rest);
        // The stopping byte within the chunk found, or the tail of fewer than eight bytes.
        let tail = rest.get(done..).unwrap_or_default();
        from + done
            + tail
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(tail.len())
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Stop> {
        self.i += 1; // the opening quote
        let start = self.i;
        // The common case, a string without escapes, borrowed as it stands.
        self.i = self.plain_end(start);
        match self.b.get(self.i) {
            Some(b'"') => {
                self.i += 1;
                return Ok(Cow::Borrowed(ascii_slice(self.s, start, self.i - 1)));
            }
            Some(b'\\') => {}
            // The end of the text, or a control byte: the cursor is left on it.
            _ => return self.fail(),
        }
        // Escapes: decode into a new string.
        let mut out = String::from(ascii_slice(self.s, start, self.i));
        loop {
            match self.b.get(self.i) {
                None => return self.fail(),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.b.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let mut code = hi;
                            if (0xD800..0xDC00).contains(&hi)
                                && self.b[self.i..].starts_with(b"\\u")
                            {
                                let second = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                } else {
                                    // Not its pair: the next escape is read on its own.
                                    self.i = second;
                                }
                            }
                            // A lone surrogate cannot be text: keep the replacement character,
                            // as a JS string holding one becomes in UTF-8 (and as `validate`
                            // of `JSON.parse` of the same text reads it).
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return self.fail(),
                    };
                    out.push(c);
                    self.i += 1;
                }
                Some(c) if *c < 0x20 => return self.fail(),
                Some(_) => {
                    // Copy the run of plain text up to the next escape, quote or control
                    // byte whole (text with line breaks is a run of this between `\n`s).
                    let end = self.plain_end(self.i);
                    out.push_str(ascii_slice(self.s, self.i, end));
                    self.i = end;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Stop> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match h {
            Some(v) if self.b[self.i..self.i + 4].iter().all(u8::is_ascii_hexdigit) => {
                self.i += 4;
                Ok(v)
            }
            _ => self.fail(),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, Stop> {
        let start = self.i;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if matches!(self.b.get(self.i), Some(&b']')) {
            self.i += 1;
            return Ok(Json::Arr(items, ascii_slice(self.s, start, self.i)));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Arr(items, ascii_slice(self.s, start, self.i)));
                }
                _ => return self.fail(),
            }
        }
    }

    fn object_tree(&mut self, depth: usize) -> Result<Json<'a>, Stop> {
        let start = self.i;
        let mut members = Vec::new();
        self.object(depth, |p, key| {
            members.push((key, p.value(depth + 1)?));
            Ok(())
        })?;
        Ok(Json::Obj(members, ascii_slice(self.s, start, self.i)))
    }
}

/// `&s[a..b]` where the parser or writer stopped on ASCII bytes, which are always char
/// boundaries. `get` has no panic path: the panicking index keeps std's message formatting
/// (char escaping, Unicode printability tables) in the lite WebAssembly build.
fn ascii_slice(s: &str, a: usize, b: usize) -> &str {
    debug_assert!(a <= b && s.is_char_boundary(a) && s.is_char_boundary(b));
    s.get(a..b).unwrap_or_default()
}

/// `a == b` for short slices, a word at a time: keys are 5 to 20 bytes, and the general `==`
/// costs a `memcmp` call (in wasm, a byte loop). Inlined always, as `key_is` is.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // One bounds check and one load a word (the slices are checked to be long enough).
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if w8(a, i) != w8(b, i) {
                return false;
            }
            i += 8;
        }
        // The last word may overlap the one before: no byte tail.
        w8(a, n - 8) == w8(b, n - 8)
    } else if n >= 4 {
        w4(a, 0) == w4(b, 0) && w4(a, n - 4) == w4(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// The 8 bytes of `s` from `i`, as one word.
#[inline(always)]
fn w8(s: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(s[i..i + 8].try_into().unwrap_or([0; 8]))
}

/// How many of `rest`'s first bytes, in whole words of eight, hold no `"`, `\\` or control
/// byte: eight bytes at a time (a byte loop was about nine instructions a byte, most of a
/// report's parsing). `(v - n·ONES) & !v & HIGH` is nonzero exactly when some byte of `v` is
/// below `n`, which with `n = 1` of `v` XOR a byte repeated finds that byte.
#[cfg(feature = "readers")]
#[inline(always)]
fn plain_words(rest: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut done = 0;
    for chunk in rest.chunks_exact(8) {
        // Always eight bytes; the zeros of the fallback would only stop the fast loop.
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let quote = v ^ (ONES * u64::from(b'"'));
        let backslash = v ^ (ONES * u64::from(b'\\'));
        let stops = (v.wrapping_sub(ONES * 0x20) & !v)
            | (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash);
        if stops & HIGH != 0 {
            break;
        }
        done += 8;
    }
    done
}

/// The lite build (form pages: small reports; its download counts) scans byte by byte.
#[cfg(not(feature = "readers"))]
#[inline(always)]
fn plain_words(_: &[u8]) -> usize {
    0
}

/// The 4 bytes of `s` from `i`, as one word.
#[inline(always)]
fn w4(s: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(s[i..i + 4].try_into().unwrap_or([0; 4]))
}

/// Append `s` as a JSON string literal.
/// Whether the JSON pointer `long` points below `short` (`/a/b` below `/a`, not `/ab`).
pub fn pointer_below(long: &str, short: &str) -> bool {
    long.strip_prefix(short).is_some_and(|r| r.starts_with('/'))
}

pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    // Bytes, not chars: every byte that needs escaping is ASCII, and UTF-8 continuation bytes
    // never are, so the runs between them are copied whole.
    let mut last = 0;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        // Letters and UTF-8 bytes lie above the backslash: one comparison for most bytes.
        if c > b'\\' || (c >= 0x20 && c != b'"' && c != b'\\') {
            continue;
        }
        let esc = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            // As JSON.stringify writes them: the CLI's output is the same whether a result
            // came through JS or straight from here.
            0x08 => "\\b",
            0x0c => "\\f",
            c if c < 0x20 => "",
            _ => continue,
        };
        out.push_str(ascii_slice(s, last, i));
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(c >> 4)] as char);
            out.push(HEX[usize::from(c & 15)] as char);
        } else {
            out.push_str(esc);
        }
        last = i + 1;
    }
    out.push_str(ascii_slice(s, last, s.len()));
    out.push('"');
}

/// Builds one JSON object: `"key":value` pairs with the commas in the right places.
pub struct ObjectWriter<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> ObjectWriter<'o> {
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    /// Start a member and return the buffer to write its value into.
    pub fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, k);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, k: &str, v: &str) {
        let out = self.key(k);
        write_str(out, v);
    }

    /// `"k":"v"`, or `"k":null` when there is no value.
    pub fn str_or_null(&mut self, k: &str, v: Option<&str>) {
        match v {
            Some(v) => self.str(k, v),
            None => self.raw(k, "null"),
        }
    }

    pub fn raw(&mut self, k: &str, v: &str) {
        self.key(k).push_str(v);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Append a JSON array of strings.
pub fn write_str_array<S: AsRef<str>>(out: &mut String, items: &[S]) {
    out.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, s.as_ref());
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_reports_hold() {
        let v = parse("\u{feff} {\"a\": [1, -2.5e3, \"x\\u4e2d\\\"\", true, null], \"b\": {}} ")
            .unwrap();
        let Json::Obj(m, _) = v else { panic!() };
        assert_eq!(m[0].0, "a");
        let Json::Arr(items, raw) = &m[0].1 else {
            panic!()
        };
        assert_eq!(*raw, "[1, -2.5e3, \"x\\u4e2d\\\"\", true, null]");
        assert_eq!(items[1], Json::Num("-2.5e3"));
        assert_eq!(items[2], Json::Str(Cow::Owned("x中\"".into())));
        assert_eq!(
            parse("\"\\ud83d\\ude00\"").unwrap(),
            Json::Str(Cow::Owned("😀".into()))
        );
    }

    #[test]
    fn unpaired_surrogates_read_as_replacement_characters() {
        let read = |t: &str| parse(t).map(|v| v.as_str().map(String::from));
        // Alone, high or low, at the end or before another escape (JSONTestSuite's i_ files).
        for (text, want) in [
            (r#""\ud800""#, "\u{fffd}"),
            (r#""\udc00x""#, "\u{fffd}x"),
            (r#""\ud800\n""#, "\u{fffd}\n"),
            (r#""\ud888\u1234""#, "\u{fffd}\u{1234}"),
            (r#""\ud800\ud800\n""#, "\u{fffd}\u{fffd}\n"),
            (r#""\udd1e\ud834""#, "\u{fffd}\u{fffd}"),
            // A high surrogate not followed by its pair, then a whole pair.
            (r#""\ud800\ud83d\ude00""#, "\u{fffd}😀"),
        ] {
            assert_eq!(read(text), Ok(Some(want.to_string())), "{text}");
        }
        // The escape after a lone high surrogate is still checked.
        assert!(parse(r#""\ud800\u12""#).is_err());
        assert!(parse(r#""\ud800\x""#).is_err());
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse("{\"a\": 1,\n \"b\": tru").unwrap_err(),
            SyntaxError {
                eof: true,
                line: 2,
                column: 10
            }
        );
        assert_eq!(
            parse("{\"年\": 01}").unwrap_err(),
            SyntaxError {
                eof: false,
                line: 1,
                column: 8
            }
        );
        assert!(!parse("[1] x").unwrap_err().eof);
        assert!(parse(&"[".repeat(200)).is_err());
        assert!(parse("\"a\u{1}\"").is_err());
        assert!(parse("-").unwrap_err().eof);
    }

    #[test]
    fn integer_fast_path_takes_only_plain_integers() {
        let int = |t: &str| Parser::new(t).integer();
        assert_eq!(int(" 42,"), Some(42));
        assert_eq!(int("-7}"), Some(-7));
        assert_eq!(int("999999999999999"), Some(999_999_999_999_999));
        for t in ["1.5", "1e3", "07", "-", "\"3\"", "null", "9999999999999999"] {
            let mut p = Parser::new(t);
            assert_eq!(p.integer(), None, "{t}");
            // Nothing consumed: the general path reads it (or reports it) as before.
            assert_eq!(p.i, 0, "{t}");
        }
    }

    /// Texts that start with no key `natural` as written: a longer key, a prefix, an escaped
    /// spelling, a missing colon, a cut-off text, an object.
    const NOT_NATURAL: [&str; 6] = [
        r#""naturalPerson":1"#,
        r#""natura":1"#,
        r#""natur\u0061l":1"#,
        r#""natural" 1"#,
        r#""natural"#,
        r#"{"natural":1}"#,
    ];

    #[test]
    fn key_fast_path_takes_only_the_exact_key() {
        let takes = |t: &str, k: &str| {
            let mut p = Parser::new(t);
            let took = p.key_is(k);
            (took, p.i)
        };
        assert_eq!(takes(r#" "natural" : 1"#, "natural"), (true, 12));
        assert_eq!(takes(r#""natural":1"#, "natural"), (true, 10));
        for t in NOT_NATURAL {
            assert_eq!(takes(t, "natural"), (false, 0), "{t}");
        }
    }

    #[test]
    fn key_among_many_takes_only_a_listed_key_as_written() {
        let keys = ["commercial", "natural", "total", "natural"];
        let takes = |t: &str| {
            let mut p = Parser::new(t);
            let found = p.key_in(keys.iter().copied());
            (found, p.i)
        };
        assert_eq!(takes(r#" "natural" : 1"#), (Some(1), 12));
        assert_eq!(takes(r#""total":1"#), (Some(2), 8));
        // Unlisted, a prefix, an escaped spelling, a missing colon, cut off, not a key: no,
        // and nothing consumed but white space.
        for t in NOT_NATURAL.into_iter().chain([r#""natu"#, ""]) {
            assert_eq!(takes(t), (None, 0), "{t}");
        }
        assert_eq!(takes(r#"  "x":1"#), (None, 2));
    }

    #[test]
    fn strings_read_as_serde_json_reads_them_at_every_length_and_place() {
        // The eight-byte scan: a quote, backslash or control byte at every offset of a word,
        // with multi-byte characters around it.
        let alphabet = [
            "a", "中", "😀", "\\n", "\\\"", "\\u4e2d", "\u{1}", "\u{1f}", "\u{7f}", " ", "/",
        ];
        for body in crate::base::random_inputs::<_, String>(5u64, &alphabet, 40, 200) {
            let t = format!("[\"{body}\",1]");
            let theirs = serde_json::from_str::<(String, i32)>(&t).ok();
            match parse(&t) {
                Ok(Json::Arr(v, _)) => {
                    assert_eq!(
                        v[0].as_str(),
                        theirs.as_ref().map(|s| s.0.as_str()),
                        "{t:?}"
                    )
                }
                Ok(v) => panic!("{v:?}"),
                Err(e) => {
                    assert_eq!(theirs, None, "{t:?}");
                    // Stopped at the first control character (every escape here is valid).
                    let control = t.chars().position(|c| c < ' ').unwrap();
                    assert_eq!((e.eof, e.line, e.column), (false, 1, control + 1), "{t:?}");
                }
            }
            // Cut off: the cursor at the end of the text, or at a control character.
            let cut = format!("\"{body}");
            let e = parse(&cut).unwrap_err();
            let column = cut.chars().position(|c| c < ' ');
            assert_eq!(e.eof, column.is_none(), "{cut:?}");
            assert_eq!(
                e.column,
                column.unwrap_or(cut.chars().count()) + 1,
                "{cut:?}"
            );
        }
    }

    #[test]
    fn word_compare_equals_slice_compare() {
        let base = b"abcdefghijklmnopqrstuvwxyz";
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(same_bytes(a, a));
            for k in 0..n {
                let mut b = a.to_vec();
                b[k] ^= 1;
                assert!(!same_bytes(a, &b), "{n} {k}");
            }
            assert!(!same_bytes(a, &base[..n.saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn writes_escaped_strings() {
        // Every control character, quotes and backslashes among multi-byte characters read back.
        let all: String = (0u8..0x20)
            .map(char::from)
            .chain("\"\\中文/😀\u{7f}".chars())
            .collect();
        for t in [all.as_str(), "", "表三「（七）总计」", "\"", "a\u{2028}b"] {
            let mut out = String::new();
            write_str(&mut out, t);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), t);
        }
        let mut s = String::new();
        write_str(&mut s, "a\"b\\c\nd\u{1}中");
        assert_eq!(s, "\"a\\\"b\\\\c\\nd\\u0001中\"");
        // Every control character as JSON.stringify writes it (the CLI's output is byte for byte
        // the same whichever side wrote a result).
        let mut c = String::new();
        write_str(&mut c, "\u{8}\u{c}\t\u{1f}");
        assert_eq!(c, "\"\\b\\f\\t\\u001f\"");
        let mut o = String::new();
        let mut w = ObjectWriter::new(&mut o);
        w.str("k", "v");
        w.raw("n", "1");
        w.end();
        assert_eq!(o, "{\"k\":\"v\",\"n\":1}");
    }
}
