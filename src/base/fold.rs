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
    s.chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c))
        .map(half_width)
        .collect()
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
        assert_eq!(fold_value(" １，２３４ 件"), "1,234件");
        assert_eq!(fold_value("１２。５"), "12.5");
        assert_eq!(fold_value("﹣８"), "-8");
        assert_eq!(fold_value("1\u{200b}2"), "12");
    }
}
