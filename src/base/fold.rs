//! Folding printed text to one form before it is compared or parsed: full-width forms to ASCII
//! (the part of NFKC that matters for these reports), whitespace dropped where printers and
//! extractors scatter it. Every folding in the crate starts from [`half_width`], so a digit typed
//! as `１２` reads the same in a form cell, a year, a label and the prose.

use crate::prelude::*;

/// A full-width ASCII form (U+FF01–U+FF5E) as its ASCII character, the ideographic space as a
/// space; any other character unchanged.
#[inline]
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// Characters that print as nothing: zero-width space and the byte-order mark.
#[inline]
pub fn is_invisible(c: char) -> bool {
    c == '\u{200b}' || c == '\u{feff}'
}

/// Prose for matching figures and contact details: half-width, whitespace and invisible
/// characters dropped (pdftotext breaks words over lines and spaces out labels).
pub fn fold_prose(s: &str) -> String {
    // Most characters stay as they are: runs of them are copied whole, and only the characters
    // whose UTF-8 starts with a byte that some whitespace, invisible or full-width character
    // starts with are decoded (every CJK character decoded and tested was a few percent of
    // `check` on a portal page).
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    let mut i = 0;
    // Before this, bytes are looked at one by one: the last word looked at held a byte that
    // may not be plain.
    let mut bytewise_until = 0;
    while let Some(&c) = b.get(i) {
        // Eight bytes at a time while none of them may start a character to fold (a byte at a
        // time was most of this function's cost on Chinese prose).
        if i >= bytewise_until {
            if let Some(w) = b.get(i..i + 8) {
                // Always eight bytes; the zeros of the fallback only send them to the byte loop.
                if !may_fold(u64::from_le_bytes(w.try_into().unwrap_or([0; 8]))) {
                    i += 8;
                    continue;
                }
                bytewise_until = i + 8;
            }
        }
        let plain = match c {
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => false,
            0x00..=0x7f => true,
            0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => false,
            _ => true,
        };
        if plain {
            i += 1;
            continue;
        }
        out.push_str(s.get(run..i).unwrap_or_default());
        let Some(ch) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if !ch.is_whitespace() && !is_invisible(ch) {
            out.push(half_width(ch));
        }
        i += ch.len_utf8();
        run = i;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out
}

/// Whether a word of text holds a byte that `fold_prose` may not copy as it stands: a control
/// byte or space (below 0x21), or 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF (the lead bytes of the white
/// space, invisible and full-width characters). `(v - n·ONES) & !v & HIGH` is nonzero exactly
/// when some byte of `v` is below `n`; with `n = 1` on `v` XOR a byte repeated, when that byte
/// is in `v`.
#[inline(always)]
fn may_fold(v: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v;
    let has = |byte: u8| below(v ^ (ONES * u64::from(byte)), 1);
    (below(v, 0x21) | has(0xc2) | has(0xe1) | has(0xe2) | has(0xe3) | has(0xef)) & HIGH != 0
}

/// A typed cell value for parsing: half-width, spaces dropped, and the separators and signs
/// that Chinese input methods produce (`、` and the Arabic comma as thousands separators, `。`
/// as a decimal point, minus signs) as ASCII.
pub fn fold_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match half_width(c) {
            '、' | '٬' => ',',
            '。' => '.',
            '−' | '﹣' => '-',
            c if c.is_whitespace() || is_invisible(c) => continue,
            c => c,
        };
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(half_width('１'), '1');
        assert_eq!(half_width('（'), '(');
        assert_eq!(half_width('＠'), '@');
        assert_eq!(half_width('\u{3000}'), ' ');
        assert_eq!(half_width('件'), '件');
        assert_eq!(fold_prose("电 话：０５１７－\n８３６"), "电话:0517-836");
        assert_eq!(
            fold_prose("a\u{a0}b\u{3000}c\u{200b}d\u{feff}e\u{2003}f\u{85}g、。ｈ"),
            "abcdefg、。h"
        );
        assert_eq!(fold_value(" １，２３４ 件"), "1,234件");
        assert_eq!(fold_value("１２。５"), "12.5");
        assert_eq!(fold_value("﹣８"), "-8");
        assert_eq!(fold_value("1\u{200b}2"), "12");
    }

    #[test]
    fn fold_prose_folds_as_a_filter_over_every_character_would() {
        let slow = |s: &str| -> String {
            s.chars()
                .filter(|&c| !c.is_whitespace() && !is_invisible(c))
                .map(half_width)
                .collect()
        };
        // Characters from every lead byte the fast path looks at, and their neighbours.
        let alphabet: Vec<char> = " \t\n\r\u{b}\u{c}a1，。、「」\u{85}\u{a0}\u{a9}\u{1680}\u{1681}\u{2000}\u{200a}\u{200b}\u{2028}\u{202f}\u{205f}\u{2060}\u{3000}\u{3001}\u{feff}\u{ff01}\u{ff5e}\u{ff5f}\u{ffe5}件政😀"
            .chars()
            .collect();
        for t in crate::base::random_inputs::<_, String>(1, &alphabet, 30, 300) {
            assert_eq!(fold_prose(&t), slow(&t), "{t:?}");
        }
    }
}
