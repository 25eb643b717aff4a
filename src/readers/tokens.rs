//! A small HTML tokenizer: what the HTML reader needs of the WHATWG tokenizer, and no more.
//! Start and end tags (names lowercased, attributes kept for the reader to look up), text with
//! character references decoded (named and numeric, the standard's rules for both), comments,
//! doctypes and bogus comments skipped, and the raw text of `<script>`, `<style>`, `<title>` …
//! (the states a tree builder would switch to, with the script escapes), CR LF folded to LF.
//! It replaced a general tokenizer that was twice as slow here and a third of the wasm size.

use super::entities::ENTITIES;
use crate::base::scan::find_any as scan;
use std::borrow::Cow;

/// A start tag as read: the name, and the attributes as found in the source, decoded only when
/// asked for. The reader looks up two attributes of table cells and nothing else, and Word's
/// pages carry long `style` attributes on every element: decoding them all was a third of the
/// time spent reading a portal page.
pub struct Tag<'a> {
    pub name: String,
    pub self_closing: bool,
    src: &'a str,
    /// (name start, name end, value start, value end) in `src`, in source order, repeats
    /// included: the first of two equal names wins when they are looked up.
    attrs: Vec<(usize, usize, usize, usize)>,
}

impl<'a> Tag<'a> {
    fn new(src: &'a str) -> Self {
        Tag {
            name: String::new(),
            self_closing: false,
            src,
            attrs: Vec::new(),
        }
    }

    /// The attributes in source order, each name once (the first wins), decoded.
    pub fn attrs(&self) -> impl Iterator<Item = (Cow<'a, str>, Cow<'a, str>)> + '_ {
        self.attrs
            .iter()
            .enumerate()
            .filter_map(|(k, &(s, e, vs, ve))| {
                let name = self.decoded_name(s, e);
                let seen = self
                    .attrs
                    .get(..k)
                    .unwrap_or_default()
                    .iter()
                    .any(|&(s2, e2, _, _)| self.decoded_name(s2, e2) == name);
                (!seen).then(|| (name, self.decoded_value(vs, ve)))
            })
    }

    /// The value of the attribute `name` (lowercase, as the tokenizer gives names), decoded.
    pub fn attr(&self, name: &str) -> Option<Cow<'a, str>> {
        self.attrs
            .iter()
            .find(|&&(s, e, _, _)| self.name_is(s, e, name))
            .map(|&(_, _, vs, ve)| self.decoded_value(vs, ve))
    }

    /// Whether the raw name at `s..e` reads as `want` once lowercased, without copying it
    /// unless it holds a NUL (which reads as U+FFFD).
    fn name_is(&self, s: usize, e: usize, want: &str) -> bool {
        let raw = self.src.as_bytes().get(s..e).unwrap_or_default();
        if raw.contains(&0) {
            return self.decoded_name(s, e) == want;
        }
        raw.len() == want.len()
            && raw
                .iter()
                .zip(want.as_bytes())
                .all(|(&a, &b)| a.to_ascii_lowercase() == b)
    }

    fn decoded_name(&self, s: usize, e: usize) -> Cow<'a, str> {
        let src: &'a str = self.src;
        let raw = src.get(s..e).unwrap_or_default();
        if raw.bytes().all(|c| c != 0 && !c.is_ascii_uppercase()) {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        let mut k = s;
        while k < e {
            k = push_lower(src, k, &mut out);
        }
        Cow::Owned(out)
    }

    fn decoded_value(&self, s: usize, e: usize) -> Cow<'a, str> {
        let src: &'a str = self.src;
        let raw = src.get(s..e).unwrap_or_default();
        if !raw.bytes().any(|c| matches!(c, b'&' | b'\r' | 0)) {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        attr_value(src, s, e, &mut out);
        Cow::Owned(out)
    }

    fn clear(&mut self) {
        self.name.clear();
        self.self_closing = false;
        self.attrs.clear();
    }
}

pub trait Sink {
    fn start(&mut self, tag: &Tag<'_>);
    fn end(&mut self, name: &str);
    fn text(&mut self, s: &str);
}

/// How the text after a start tag is read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Data,
    /// `<title>`, `<textarea>`: no tags, references decoded.
    RcData,
    /// `<style>`, `<iframe>` …: no tags, no references.
    RawText,
    Script,
    /// `<plaintext>`: the rest of the page is text.
    PlainText,
}

fn mode_after(tag: &str) -> Mode {
    // The same table as the tokenizer the reader used before (its `noframe` included).
    match tag {
        "textarea" | "title" => Mode::RcData,
        "plaintext" => Mode::PlainText,
        "script" => Mode::Script,
        "style" | "iframe" | "xmp" | "noembed" | "noframe" | "noscript" => Mode::RawText,
        _ => Mode::Data,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

struct Tokenizer<'a, S: Sink> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    sink: &'a mut S,
    tag: Tag<'a>,
    /// Text that had to be rewritten (references, CR, NUL); borrowed slices go straight out.
    scratch: String,
}

pub fn tokenize<S: Sink>(input: &str, sink: &mut S) {
    tokenize_in(input, Mode::Data, None, sink);
}

/// Tokenizes from `mode` instead of data, as if a start tag named `last_start_tag` had just
/// been read (`None`: no end tag closes the raw text). Only the conformance tests start
/// elsewhere than in data (tests/conformance_html.rs).
pub fn tokenize_in<S: Sink>(input: &str, mode: Mode, last_start_tag: Option<&str>, sink: &mut S) {
    let mut t = Tokenizer {
        s: input,
        b: input.as_bytes(),
        pos: 0,
        sink,
        tag: Tag::new(input),
        scratch: String::new(),
    };
    t.tag.name.push_str(last_start_tag.unwrap_or_default());
    let mut mode = mode;
    while t.pos < t.b.len() {
        mode = match mode {
            Mode::Data => t.data(),
            Mode::RcData | Mode::RawText => t.raw_text(mode == Mode::RcData),
            Mode::Script => t.script(),
            Mode::PlainText => {
                t.text_run(t.b.len(), false, true);
                Mode::Data
            }
        };
    }
}

impl<S: Sink> Tokenizer<'_, S> {
    /// Emits `s[self.pos..end]` as text, decoding references if `refs`, folding CR and (outside
    /// data, where it stays) NUL, then moves to `end`.
    fn text_run(&mut self, end: usize, refs: bool, nul: bool) {
        let b = self.b.get(..end).unwrap_or(self.b);
        let mut from = self.pos;
        loop {
            let i = match (refs, nul) {
                (true, true) => scan(b, from, [b'\r', b'&', 0]),
                (true, false) => scan(b, from, [b'\r', b'&']),
                (false, true) => scan(b, from, [b'\r', 0]),
                (false, false) => scan(b, from, [b'\r']),
            };
            if i >= end {
                break;
            }
            from = self.special(from, i, end);
        }
        if end > from {
            self.sink.text(&self.s[from..end]);
        }
        self.pos = end;
    }

    /// Emits the text `from..at`, then the CR, NUL or reference at `at` (ending by `end`)
    /// decoded; returns where the text goes on.
    fn special(&mut self, from: usize, at: usize, end: usize) -> usize {
        if at > from {
            self.sink.text(&self.s[from..at]);
        }
        self.scratch.clear();
        let next = match self.b.get(at) {
            Some(b'\r') => {
                self.scratch.push('\n');
                if self.b.get(at + 1) == Some(&b'\n') {
                    at + 2
                } else {
                    at + 1
                }
            }
            Some(0) => {
                self.scratch.push('\u{fffd}');
                at + 1
            }
            _ => char_ref(self.s, at, end, false, &mut self.scratch),
        };
        let scratch = std::mem::take(&mut self.scratch);
        self.sink.text(&scratch);
        self.scratch = scratch;
        next
    }

    fn find(&self, from: usize, byte: u8) -> usize {
        scan(self.b, from, [byte])
    }

    /// Up to and including the next `>` (or to the end): comments' kin that say nothing.
    fn skip_past(&mut self, from: usize, byte: u8) {
        self.pos = (self.find(from, byte) + 1).min(self.b.len());
    }

    fn data(&mut self) -> Mode {
        // Text up to the next `<`, references and CR decoded: one scan for all three.
        let len = self.b.len();
        let mut from = self.pos;
        let lt = loop {
            let i = scan(self.b, from, [b'<', b'&', b'\r']);
            if i >= len || self.b.get(i) == Some(&b'<') {
                break i;
            }
            from = self.special(from, i, len);
        };
        if lt > from {
            self.sink.text(&self.s[from..lt]);
        }
        self.pos = lt;
        if lt >= len {
            return Mode::Data;
        }
        let next = self.b.get(lt + 1).copied();
        match next {
            Some(c) if c.is_ascii_alphabetic() => {
                self.pos = lt + 1;
                if self.read_tag() {
                    self.sink.start(&self.tag);
                    return mode_after(&self.tag.name);
                }
            }
            Some(b'/') => match self.b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.pos = lt + 2;
                    if self.read_tag() {
                        self.sink.end(&self.tag.name);
                    }
                }
                Some(b'>') => self.pos = lt + 3,
                None => {
                    self.sink.text("</");
                    self.pos = lt + 2;
                }
                Some(_) => self.skip_past(lt + 2, b'>'),
            },
            Some(b'!') => self.markup(lt + 2),
            Some(b'?') => self.skip_past(lt + 1, b'>'),
            _ => {
                // A lone `<` is text; what follows is read again as data.
                self.sink.text("<");
                self.pos = lt + 1;
            }
        }
        Mode::Data
    }

    /// After `<!`: a comment, a doctype, or a bogus comment.
    fn markup(&mut self, at: usize) {
        let rest = &self.b[at..];
        if rest.starts_with(b"--") {
            let body = at + 2;
            let tail = &self.b[body..];
            if tail.starts_with(b">") {
                self.pos = body + 1;
            } else if tail.starts_with(b"->") {
                self.pos = body + 2;
            } else {
                // Closed by `-->` or `--!>`, whichever comes first; open to the end otherwise.
                let mut end = self.b.len();
                let mut k = body;
                loop {
                    let dd = self.find(k, b'-');
                    if dd >= self.b.len() {
                        break;
                    }
                    if self.b.get(dd + 1) != Some(&b'-') {
                        k = dd + 1;
                        continue;
                    }
                    let after = &self.b[dd + 2..];
                    if after.starts_with(b">") {
                        end = dd + 3;
                        break;
                    }
                    if after.starts_with(b"!>") {
                        end = dd + 4;
                        break;
                    }
                    k = dd + 1;
                }
                self.pos = end;
            }
        } else {
            // `<!DOCTYPE …>` (a `>` ends it even inside quotes), `<![CDATA[…>` outside foreign
            // content, and anything else: all end at the first `>`.
            self.skip_past(at, b'>');
        }
    }

    /// Reads a tag's name and attributes from `self.pos` (at the name's first letter) to its
    /// `>`. False when the input ends inside the tag: such a tag is dropped, and so is the rest.
    fn read_tag(&mut self) -> bool {
        let done = self.read_tag_to_end();
        if !done {
            self.pos = self.b.len();
        }
        done
    }

    fn read_tag_to_end(&mut self) -> bool {
        self.tag.clear();
        let b = self.b;
        let start = self.pos;
        let mut i = start;
        i = skip(b, i, SPACE | SLASH | GT, false);
        let name = &self.s[start..i];
        if name
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            // Most names as printed: copied whole.
            self.tag.name.push_str(name);
        } else {
            let mut k = start;
            while k < i {
                k = push_lower(self.s, k, &mut self.tag.name);
            }
        }
        loop {
            // Before an attribute name.
            i = skip(b, i, SPACE, true);
            match b.get(i) {
                None => return false,
                Some(b'>') => {
                    self.pos = i + 1;
                    return true;
                }
                Some(b'/') => {
                    if b.get(i + 1) == Some(&b'>') {
                        self.tag.self_closing = true;
                        self.pos = i + 2;
                        return true;
                    }
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
            // The name; a leading `=` belongs to it.
            let name_start = i;
            i = skip(b, i + 1, SPACE | SLASH | GT | EQ, false);
            let name_end = i;
            i = skip(b, i, SPACE, true);
            let (mut value_start, mut value_end) = (i, i);
            if b.get(i) == Some(&b'=') {
                i = skip(b, i + 1, SPACE, true);
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = self.find(i + 1, q);
                        if end >= b.len() {
                            return false;
                        }
                        (value_start, value_end) = (i + 1, end);
                        i = end + 1;
                    }
                    _ => {
                        let end = skip(b, i, SPACE | GT, false);
                        (value_start, value_end) = (i, end);
                        i = end;
                    }
                }
            }
            self.tag
                .attrs
                .push((name_start, name_end, value_start, value_end));
        }
    }

    /// At `</name` + space, `/` or `>` where name is the open element's: its end tag. An
    /// empty name (no start tag, see [`tokenize_in`]) has none.
    fn end_tag_at(&self, at: usize, name: &str) -> bool {
        let b = self.b;
        let n = name.len();
        n > 0
            && at + 2 + n <= b.len()
            && b[at + 1] == b'/'
            && b[at + 2..at + 2 + n].eq_ignore_ascii_case(name.as_bytes())
            && b.get(at + 2 + n)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
    }

    /// Consumes the end tag at `at` (attributes and all) and reports it.
    fn close_raw(&mut self, at: usize) {
        let name = std::mem::take(&mut self.tag.name);
        self.pos = at + 2;
        if self.read_tag() {
            self.tag.name = name;
            self.sink.end(&self.tag.name);
        }
    }

    /// `<title>`, `<style>` …: text up to the matching end tag.
    fn raw_text(&mut self, refs: bool) -> Mode {
        let name = self.tag.name.clone();
        let mut k = self.pos;
        loop {
            let lt = self.find(k, b'<');
            if lt >= self.b.len() {
                self.text_run(lt, refs, true);
                return Mode::Data;
            }
            if self.end_tag_at(lt, &name) {
                self.text_run(lt, refs, true);
                self.close_raw(lt);
                return Mode::Data;
            }
            k = lt + 1;
        }
    }

    /// Script data, with its escapes: inside `<!-- … -->` a `<script>` opens a nested one
    /// whose `</script>` does not end the outer (the pattern of old `document.write` pages).
    fn script(&mut self) -> Mode {
        #[derive(PartialEq)]
        enum St {
            Plain,
            Escaped,
            Double,
        }
        let name = self.tag.name.clone();
        let b = self.b;
        let mut st = St::Plain;
        let mut i = self.pos;
        loop {
            // Only `<` matters in plain script data, `<` and `-` in its escapes.
            i = if st == St::Plain {
                scan(b, i, [b'<'])
            } else {
                scan(b, i, [b'<', b'-'])
            };
            if i >= b.len() {
                break;
            }
            match (&st, b[i]) {
                (St::Plain, b'<') if b[i + 1..].starts_with(b"!--") => {
                    st = St::Escaped;
                    // `<!--` and `<!-->`: the dashes may close it at once.
                    i += 4;
                    while b.get(i) == Some(&b'-') {
                        i += 1;
                    }
                    if b.get(i) == Some(&b'>') && b[i - 2..i] == *b"--" {
                        st = St::Plain;
                        i += 1;
                    }
                    continue;
                }
                (St::Plain | St::Escaped, b'<') if self.end_tag_at(i, &name) => {
                    self.text_run(i, false, true);
                    self.close_raw(i);
                    return Mode::Data;
                }
                (St::Escaped, b'<') => {
                    let n = script_word(&b[i + 1..]);
                    if n > 0 {
                        st = St::Double;
                    }
                    i += 1 + n;
                    continue;
                }
                (St::Double, b'<') if b.get(i + 1) == Some(&b'/') => {
                    let n = script_word(&b[i + 2..]);
                    if n > 0 {
                        st = St::Escaped;
                    }
                    i += 2 + n;
                    continue;
                }
                (St::Escaped | St::Double, b'-') if b[i..].starts_with(b"--") => {
                    i += 2;
                    while b.get(i) == Some(&b'-') {
                        i += 1;
                    }
                    if b.get(i) == Some(&b'>') {
                        st = St::Plain;
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        self.text_run(b.len(), false, true);
        Mode::Data
    }
}

/// The length of `script` at the start of `b` when followed by a space, `/` or `>` (what
/// switches the script escapes), else 0.
fn script_word(b: &[u8]) -> usize {
    let ok = b.len() > 6
        && b[..6].eq_ignore_ascii_case(b"script")
        && (is_space(b[6]) || b[6] == b'/' || b[6] == b'>');
    if ok {
        7
    } else {
        0
    }
}

/// Byte classes of a tag's syntax, one table lookup per byte instead of a chain of compares.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQ: u8 = 8;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[0x0c] = SPACE;
    t[b' ' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[b'/' as usize] = SLASH;
    t[b'>' as usize] = GT;
    t[b'=' as usize] = EQ;
    t
};

/// From `i`, past the bytes that are (`while_in`) or are not (`!while_in`) of the classes
/// `mask`; returns where that run ends (at most `b.len()`).
#[inline(always)]
fn skip(b: &[u8], mut i: usize, mask: u8, while_in: bool) -> usize {
    while let Some(&c) = b.get(i) {
        if (CLASS[c as usize] & mask != 0) != while_in {
            break;
        }
        i += 1;
    }
    i
}

/// Decodes the attribute value at `s[from..to]` into `out`: references (the attribute rules),
/// CR LF and CR as LF, NUL as U+FFFD; the runs between them copied whole.
fn attr_value(s: &str, from: usize, to: usize, out: &mut String) {
    let b = s.as_bytes();
    let mut i = from;
    let mut run = from;
    while i < to {
        let c = b.get(i).copied().unwrap_or_default();
        if !matches!(c, b'&' | b'\r' | 0) {
            i += 1;
            continue;
        }
        out.push_str(s.get(run..i).unwrap_or_default());
        match c {
            b'&' => i = char_ref(s, i, to, true, out),
            b'\r' => {
                out.push('\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            _ => {
                out.push('\u{fffd}');
                i += 1;
            }
        }
        run = i;
    }
    out.push_str(s.get(run..to).unwrap_or_default());
}

/// Pushes the character at `i`, ASCII lowercased and NUL replaced; returns the next index.
fn push_lower(s: &str, i: usize, out: &mut String) -> usize {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        out.push(match b {
            0 => '\u{fffd}',
            b'\r' => '\n',
            _ => b.to_ascii_lowercase() as char,
        });
        i + 1
    } else {
        let c = s[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i + c.len_utf8()
    }
}

/// Decodes the character reference at `s[at] == '&'` (ending by `end`) into `out`; returns
/// where reading goes on. What is no reference is copied as it is.
fn char_ref(s: &str, at: usize, end: usize, in_attr: bool, out: &mut String) -> usize {
    let b = &s.as_bytes()[..end];
    let i = at + 1;
    if b.get(i) == Some(&b'#') {
        return numeric_ref(b, at, out);
    }
    let mut j = i;
    while j < b.len() && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j > i {
        let name = &s[i..j];
        if b.get(j) == Some(&b';') {
            if let Some(v) = lookup(&s[i..=j]) {
                out.push_str(v);
                return j + 1;
            }
        }
        // Without the `;`: the longest legacy name (at most 6 letters) that starts the run.
        for n in (2..=name.len().min(6)).rev() {
            let Some(v) = lookup(&name[..n]) else {
                continue;
            };
            let next = b.get(i + n).copied();
            if in_attr && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
                break;
            }
            out.push_str(v);
            return i + n;
        }
    }
    out.push('&');
    i
}

fn lookup(name: &str) -> Option<&'static str> {
    ENTITIES
        .binary_search_by(|(k, _)| k.as_bytes().cmp(name.as_bytes()))
        .ok()
        .map(|k| ENTITIES[k].1)
}

/// `&#123;`, `&#x7B;` (the `;` optional), with the standard's replacements.
fn numeric_ref(b: &[u8], at: usize, out: &mut String) -> usize {
    let mut i = at + 2;
    let hex = matches!(b.get(i), Some(b'x' | b'X'));
    if hex {
        i += 1;
    }
    let digits_start = i;
    let mut n: u32 = 0;
    while let Some(d) = b
        .get(i)
        .and_then(|&c| (c as char).to_digit(if hex { 16 } else { 10 }))
    {
        n = n
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(d);
        i += 1;
    }
    if i == digits_start {
        // `&#` or `&#x` with no digits: text as printed.
        out.push_str(if hex {
            std::str::from_utf8(&b[at..at + 3]).unwrap_or("&#x")
        } else {
            "&#"
        });
        return digits_start;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    out.push(numeric_char(n));
    i
}

fn numeric_char(n: u32) -> char {
    // Windows-1252 for the C1 controls, as pages typed in it mean.
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let n = match n {
        0x80..=0x9F => C1[(n - 0x80) as usize],
        n => n,
    };
    if n == 0 {
        return '\u{fffd}';
    }
    char::from_u32(n).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Log(Vec<String>);

    impl Sink for Log {
        fn start(&mut self, tag: &Tag) {
            let mut s = format!("<{}", tag.name);
            for a in ["colspan", "rowspan", "charset"] {
                if let Some(v) = tag.attr(a) {
                    s.push_str(&format!(" {a}={v}"));
                }
            }
            if tag.self_closing {
                s.push('/');
            }
            self.0.push(s + ">");
        }
        fn end(&mut self, name: &str) {
            self.0.push(format!("</{name}>"));
        }
        fn text(&mut self, s: &str) {
            match self.0.last_mut() {
                Some(last) if !last.starts_with('<') => last.push_str(s),
                _ => self.0.push(s.to_string()),
            }
        }
    }

    fn tokens(html: &str) -> Vec<String> {
        let mut log = Log::default();
        tokenize(html, &mut log);
        log.0
    }

    #[test]
    fn tags_attributes_and_text() {
        assert_eq!(
            tokens("<TD ColSpan = \"2\" rowspan=3 colspan=9>a\r\nb\rc</Td ><br/>"),
            ["<td colspan=2 rowspan=3>", "a\nb\nc", "</td>", "<br/>"]
        );
        assert_eq!(tokens("<td colspan='&#50;'>"), ["<td colspan=2>"]);
        assert_eq!(tokens("a < b <3 </> c"), ["a < b <3  c"]);
        assert_eq!(tokens("x<td"), ["x"]);
    }

    /// The attributes of the last start tag of `html`, decoded, and whether each value was
    /// handed out borrowed from the page (not decoded into a copy).
    fn last_attrs(html: &str, names: &[&str]) -> Vec<Option<(String, bool)>> {
        struct Last<'n>(&'n [&'n str], Vec<Option<(String, bool)>>);
        impl Sink for Last<'_> {
            fn start(&mut self, tag: &Tag<'_>) {
                self.1 = self
                    .0
                    .iter()
                    .map(|n| {
                        tag.attr(n)
                            .map(|v| (v.to_string(), matches!(v, Cow::Borrowed(_))))
                    })
                    .collect();
            }
            fn end(&mut self, _: &str) {}
            fn text(&mut self, _: &str) {}
        }
        let mut last = Last(names, Vec::new());
        tokenize(html, &mut last);
        last.1
    }

    #[test]
    fn attributes_are_decoded_when_asked_for() {
        let got = last_attrs(
            "<td STYLE='a&amp;b' ColSpan=\"2\" colspan=3 x\0y=1 r='a\r\nb'>",
            &["style", "colspan", "x\u{fffd}y", "r", "ColSpan", "none"],
        );
        assert_eq!(
            got,
            [
                Some(("a&b".into(), false)),
                // The first of two equal names wins; a plain value is not copied.
                Some(("2".into(), true)),
                Some(("1".into(), true)),
                Some(("a\nb".into(), false)),
                // Names are lowercased: an uppercase name is never found.
                None,
                None,
            ]
        );
        struct All(Vec<(String, String)>);
        impl Sink for All {
            fn start(&mut self, tag: &Tag<'_>) {
                self.0 = tag
                    .attrs()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect();
            }
            fn end(&mut self, _: &str) {}
            fn text(&mut self, _: &str) {}
        }
        let mut all = All(Vec::new());
        tokenize("<p A=1 b a=2 =c>", &mut all);
        assert_eq!(
            all.0,
            [("a", "1"), ("b", ""), ("=c", "")].map(|(k, v)| (k.to_string(), v.to_string()))
        );
    }

    #[test]
    fn references() {
        assert_eq!(
            tokens("&nbsp;&amp&lt;&ampx;&notin;&notit;&foo;&#x41;&#66&#0;&#x80;&#;&#xZ"),
            ["\u{a0}&<&x;∉¬it;&foo;AB\u{fffd}€&#;&#xZ"]
        );
        assert_eq!(
            tokens("<td colspan=\"&amp=1&ampx\">"),
            ["<td colspan=&amp=1&ampx>"]
        );
    }

    #[test]
    fn comments_doctype_and_raw_text() {
        assert_eq!(
            tokens("<!DOCTYPE html><!-- <td> --><!--->a<!---->b<!-- x --!>c<?php ?>d<!x>e"),
            ["abcde"]
        );
        assert_eq!(
            tokens("<title>a<b>&amp;</title><style>p<i>&amp;</style>"),
            [
                "<title>",
                "a<b>&",
                "</title>",
                "<style>",
                "p<i>&amp;",
                "</style>"
            ]
        );
        let old = "<script><!--\ndocument.write('<script src=x></script>');\n//--></script>t";
        let t = tokens(old);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[2], "</script>");
        assert_eq!(t[3], "t");
        assert_eq!(tokens("<plaintext><p>x"), ["<plaintext>", "<p>x"]);
    }
}
