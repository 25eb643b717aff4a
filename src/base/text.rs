//! Text made of a template and values, without `core::fmt`: the messages, paths and numbers of
//! everything the lite build compiles. `core::fmt` (`write`, `format`, padding, integer printing)
//! cost the lite wasm 1.4 KB gzipped, and the core needs none of its options: its values are
//! text and numbers, put in as they are. (The readers, in the full build only, use `format!`.)
//!
//! `text!("{name}应为 {fix}，现为 {}。", name, fix, ctx.name(id))` fills each `{…}` with the next
//! value, in order. A name inside the braces must be that argument as written, which the
//! compiler checks, so a template reads as `format!`'s does and cannot take its values in the
//! wrong order; `{}` takes any expression. `{{` and `}}` are braces. Widths, precision and
//! `{:?}` are not supported (a template using them does not compile).

use crate::prelude::*;

use alloc::borrow::Cow;

/// A value a template can hold: it appends itself as text.
pub trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Piece for char {
    fn put(&self, out: &mut String) {
        out.push(*self);
    }
}

impl Piece for i64 {
    fn put(&self, out: &mut String) {
        put_int(out, *self, 0);
    }
}

impl Piece for i32 {
    fn put(&self, out: &mut String) {
        put_int(out, i64::from(*self), 0);
    }
}

impl Piece for u32 {
    fn put(&self, out: &mut String) {
        put_int(out, i64::from(*self), 0);
    }
}

impl Piece for usize {
    fn put(&self, out: &mut String) {
        // Saturates past i64::MAX, a count no input reaches.
        put_int(out, i64::try_from(*self).unwrap_or(i64::MAX), 0);
    }
}

/// An integer with at least `width` characters, zero-padded after the sign, as `{:0width}`
/// prints it (`Padded(7, 2)` → `07`, `Padded(-5, 4)` → `-005`).
pub struct Padded(pub i64, pub usize);

impl Piece for Padded {
    fn put(&self, out: &mut String) {
        put_int(out, self.0, self.1);
    }
}

/// Append `n` in decimal, zero-padded to `width` characters (the sign included).
fn put_int(out: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    for d in digits.iter_mut() {
        *d = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let sign = usize::from(n < 0);
    if sign == 1 {
        out.push('-');
    }
    for _ in (len + sign)..width {
        out.push('0');
    }
    for &d in digits.iter().take(len).rev() {
        out.push(char::from(d));
    }
}

/// The text of a template and its values (what `text!` expands to).
// Out of line: inlined into each `text!` of the speed-optimised full build, it made that
// build 4 KB larger gzipped for no measurable speed.
#[inline(never)]
pub fn build(template: &str, args: &[&dyn Piece]) -> String {
    // Room for short values: most texts are then made without growing.
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    fill(&mut out, template, args);
    out
}

/// Append a template filled with its values (see the module's documentation). `text!` has
/// checked that the placeholders fit the values; a template that did not would lose the extra
/// values, leave the extra placeholders empty or keep a lone `}`, never panic.
pub fn fill(out: &mut String, template: &str, args: &[&dyn Piece]) {
    let b = template.as_bytes();
    let mut args = args.iter();
    // The start of the literal text not yet copied, and the byte looked at.
    let (mut from, mut i) = (0, 0);
    while let Some(&c) = b.get(i) {
        let doubled = b.get(i + 1) == Some(&c);
        if c != b'{' && !(c == b'}' && doubled) {
            i += 1;
            continue;
        }
        // Braces are ASCII: the slices end on character boundaries.
        out.push_str(template.get(from..i).unwrap_or(""));
        if doubled {
            // `{{` or `}}`: the brace, once.
            from = i + 1;
            i += 2;
            continue;
        }
        let close = b
            .get(i..)
            .and_then(|r| r.iter().position(|&x| x == b'}'))
            .map_or(b.len(), |p| i + p);
        if let Some(arg) = args.next() {
            arg.put(out);
        }
        i = close + 1;
        from = i;
    }
    out.push_str(template.get(from..).unwrap_or(""));
}

/// Whether a template's placeholders fit its arguments, each given as written (`stringify!`):
/// one `{…}` per argument, in order, empty or naming that argument; braces otherwise doubled.
/// `text!` asserts it at compile time.
pub const fn fits(template: &str, args: &[&str]) -> bool {
    let t = template.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < t.len() {
        let doubled = i + 1 < t.len() && t[i + 1] == t[i];
        if t[i] == b'}' && !doubled {
            return false;
        }
        if t[i] != b'{' || doubled {
            i += if doubled { 2 } else { 1 };
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < t.len() && t[end] != b'}' {
            end += 1;
        }
        if end == t.len() || n == args.len() || (end > start && !same(t, start, end, args[n])) {
            return false;
        }
        n += 1;
        i = end + 1;
    }
    n == args.len()
}

/// Whether `t[start..end]` is `name` (in a `const fn`, which cannot compare slices).
const fn same(t: &[u8], start: usize, end: usize, name: &str) -> bool {
    let name = name.as_bytes();
    if end - start != name.len() {
        return false;
    }
    let mut k = 0;
    while k < name.len() {
        if t[start + k] != name[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// `format!` for the core, without `core::fmt` (see the module's documentation):
/// `text!("{name}为 {n}，不能为负数。", name, n)`.
macro_rules! text {
    ($template:literal $(, $arg:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::base::text::fits($template, &[$(stringify!($arg)),*]),
            "text!: the template's placeholders do not fit its arguments (see base::text)",
        );
        $crate::base::text::build($template, &[$(&$arg),*])
    }};
}
pub(crate) use text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_in_order() {
        let (name, n) = ("表三「（七）总计」行", 12i64);
        assert_eq!(
            text!("{name}为 {n}。", name, n),
            "表三「（七）总计」行为 12。"
        );
        assert_eq!(text!("{}-{}", 1usize, 2u32), "1-2");
        assert_eq!(text!("plain"), "plain");
        assert_eq!(text!("{}", String::from("s")), "s");
        assert_eq!(text!("{}{}", 'x', Cow::Borrowed("y")), "xy");
        assert_eq!(text!("{{ \"a\": {} }}", -3i32), "{ \"a\": -3 }");
        assert_eq!(text!("{}", ""), "");
    }

    #[test]
    fn integers_print_as_format_prints_them() {
        for n in [
            0,
            7,
            -7,
            10,
            99,
            -100,
            2024,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
        ] {
            assert_eq!(text!("{}", n), format!("{n}"));
            for w in [0, 2, 4, 25] {
                assert_eq!(text!("{}", Padded(n, w)), format!("{n:0w$}"), "{n} {w}");
            }
        }
        assert_eq!(text!("{}", usize::MAX), i64::MAX.to_string());
        assert_eq!(text!("{}", u32::MAX), u32::MAX.to_string());
    }

    #[test]
    fn checks_placeholders_against_arguments() {
        assert!(fits("{a} {b}", &["a", "b"]));
        assert!(fits("{} {}", &["x.y", "f(1)"]));
        assert!(fits("{{}} {a}", &["a"]));
        assert!(!fits("{b} {a}", &["a", "b"]), "out of order");
        assert!(!fits("{a}", &["a", "b"]), "an argument left over");
        assert!(!fits("{a} {}", &["a"]), "a placeholder left over");
        assert!(!fits("{a:04}", &["a"]), "a format spec");
        assert!(!fits("a }", &[]), "a lone closing brace");
        assert!(!fits("{a", &["a"]), "an unclosed placeholder");
    }

    #[test]
    fn a_template_that_does_not_fit_never_panics() {
        let mut s = String::new();
        fill(&mut s, "{a} {b} {", &[&1i64]);
        assert_eq!(s, "1  ");
        s.clear();
        fill(&mut s, "x} {}", &[&1i64, &2i64]);
        assert_eq!(s, "x} 1");
    }
}
