//! Folding printed text for matching, and telling numbers from labels.

/// Fold a label for matching: full-width ASCII to half-width, whitespace and quotes dropped,
/// `1、` to `1.`, `一.` to `一、`. Labels are compared by prefix after this.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// `fold(s)`, appended to `out` (a buffer reused from label to label).
pub fn fold_into(s: &str, out: &mut String) {
    let mut prev: Option<char> = None;
    // Characters the rules leave alone are copied a run at a time (most of a label is CJK).
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphanumeric() {
            prev = Some(c);
            continue;
        }
        let mapped = fold_char(c, prev);
        if mapped == Some(c) {
            prev = Some(c);
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        if let Some(m) = mapped {
            out.push(m);
            prev = Some(m);
        }
    }
    out.push_str(&s[run..]);
}

/// `fold(s)`, up to its first `max` characters (a line's fold as far as a rule can use it):
/// a long line is folded no further.
pub fn fold_prefix(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if n == max {
            break;
        }
        if let Some(m) = fold_char(c, prev) {
            out.push(m);
            prev = Some(m);
            n += 1;
        }
    }
    out
}

/// Where in `s` the text folded to `fold(s)[..at]` ends, for each of `ats` (ascending byte
/// offsets at character boundaries of `fold(s)`): the byte offset of the character that the
/// folded character at `at` came from, or `s.len()` for the end. One pass, no table per byte.
pub fn unfold_offsets(s: &str, ats: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(ats.len());
    let mut wanted = ats.iter().copied().peekable();
    let mut folded = 0usize;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let Some(m) = fold_char(c, prev) else {
            continue;
        };
        while wanted.next_if(|&a| a <= folded).is_some() {
            out.push(i);
        }
        folded += m.len_utf8();
        prev = Some(m);
    }
    out.extend(wanted.map(|_| s.len()));
    out
}

/// How folding writes one character after `prev` (the last one written); `None` drops it.
fn fold_char(c: char, prev: Option<char>) -> Option<char> {
    let mapped = match c {
        '\u{FF01}'..='\u{FF5E}' | '\u{3000}' => crate::base::fold::half_width(c),
        '〔' | '【' => '(',
        '〕' | '】' => ')',
        '。' if prev.is_some_and(|p| p.is_ascii_digit()) => '.',
        _ => c,
    };
    let dropped = mapped.is_whitespace()
        || matches!(
            mapped,
            '\u{200b}'
                | '\u{feff}'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '"'
                | '\''
                | '「'
                | '」'
                | '『'
                | '』'
                | '〝'
                | '〞'
        );
    if dropped {
        return None;
    }
    Some(match mapped {
        '、' if prev.is_some_and(|p| p.is_ascii_digit()) => '.',
        '.' if prev.is_some_and(is_cjk_numeral) => '、',
        m => m,
    })
}

fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Full-width digits and signs to ASCII, and the minus sign to `-`.
fn ascii_digit(c: char) -> char {
    match crate::base::fold::half_width(c) {
        '−' => '-',
        c => c,
    }
}

const UNITS: [&str; 6] = ["万元", "元", "件", "项", "条", "个"];

/// A printed number as a cell may hold it: `12`, `+6`, `-14`, `1,234`, `96171.6`, `251000元`,
/// full-width digits. Anything else is text.
pub fn is_value(s: &str) -> bool {
    // Most pieces are labels: a value starts with a digit or a sign (a unit only ends it).
    if !s
        .chars()
        .next()
        .map(ascii_digit)
        .is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-')
    {
        return false;
    }
    let mut t = s;
    for u in UNITS {
        if let Some(rest) = t.strip_suffix(u) {
            t = rest;
            break;
        }
    }
    // Called on every piece of text: no allocation.
    let mut chars = t.chars().map(ascii_digit).peekable();
    if matches!(chars.peek(), Some('+' | '-')) {
        chars.next();
    }
    let (mut int, mut frac, mut dot) = (0usize, 0usize, false);
    for c in chars {
        match c {
            '0'..='9' if dot => frac += 1,
            '0'..='9' => int += 1,
            ',' if !dot && int > 0 => {}
            '.' if !dot && int > 0 => dot = true,
            _ => return false,
        }
    }
    int > 0 && (!dot || frac > 0)
}

/// A whole cell that means "left blank" (format.md §6).
pub fn is_blank_marker(s: &str) -> bool {
    matches!(
        s.trim(),
        "-" | "--" | "—" | "——" | "–" | "/" | "／" | "－" | "无" | "不适用" | "\\"
    )
}

/// A piece inside a longer cell that still means blank; `无` is left out here, since a label
/// can be broken just after it (`（四）无` … `法提供`).
pub fn is_piece_blank(s: &str) -> bool {
    matches!(s, "-" | "--" | "—" | "——" | "–" | "/" | "／" | "－")
}

/// Split digits glued to the end of a label (`…申请数量200` → `…申请数量`, `200`). Only after a
/// CJK character or a closing bracket or quote, where no label ends in a digit.
pub fn split_trailing_digits(s: &str) -> (&str, &str) {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    let Some(i) = start else {
        return (s, "");
    };
    if i == 0 {
        return (s, "");
    }
    let before = s[..i].chars().next_back();
    // A label ends in a CJK character or a closing bracket or quote (3.危及“三安全一稳定”).
    let closing = |c: char| matches!(c, ')' | '）' | '”' | '"' | '’' | '」' | '』' | '】' | '〕');
    match before {
        Some(c) if ('\u{4e00}'..='\u{9fff}').contains(&c) || closing(c) => (&s[..i], &s[i..]),
        _ => (s, ""),
    }
}

/// Whether `digits_only(s)` is something, without making it.
pub fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| ascii_digit(c).is_ascii_digit())
}

/// Digits only (the only kind of value whose separators can have been lost).
pub fn digits_only(s: &str) -> Option<String> {
    let t: String = s.chars().map(ascii_digit).collect();
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then_some(t)
}

/// Digits after an optional sign (`+6`, `-14`, full-width forms too): what a glued signed
/// cell holds.
pub fn signed_digits(s: &str) -> Option<String> {
    let t: String = s.chars().map(ascii_digit).collect();
    let body = t.strip_prefix(['+', '-']).unwrap_or(&t);
    (!body.is_empty() && body.bytes().all(|b| b.is_ascii_digit())).then_some(t)
}

/// Keep an excerpt short.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_labels() {
        assert_eq!(fold("（三）不予公开"), "(三)不予公开");
        assert_eq!(fold("1、申请人 无正当理由"), "1.申请人无正当理由");
        assert_eq!(fold("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(fold("三 、本 年 度办 理 结果"), "三、本年度办理结果");
        assert_eq!(fold("一.本年新收"), "一、本年新收");
    }

    #[test]
    fn a_folded_prefix_is_the_fold_cut() {
        for s in ["（三）不予公开 1、属于 “国家” 秘密", "一.本年", "  ", ""] {
            for max in [0, 1, 3, 8, 100] {
                let want: String = fold(s).chars().take(max).collect();
                assert_eq!(fold_prefix(s, max), want, "{s} {max}");
            }
        }
    }

    #[test]
    fn folded_offsets_point_back_into_the_text() {
        let s = "（一）予以公开 1288";
        let f = fold(s);
        let at = f.find("予以").unwrap();
        let back = unfold_offsets(s, &[0, at, f.len()]);
        assert_eq!(back, [0, s.find("予以").unwrap(), s.len()]);
        assert_eq!(&s[back[1]..], "予以公开 1288");
        // Against a table of every folded byte's source (what the cutting used before).
        for s in [
            "（三）不予公开 1、属于 “国家” 秘密",
            "3.危及“三安全一稳定”5",
            "一.本年",
            " x ",
            "",
        ] {
            let mut table = Vec::new();
            let mut prev = None;
            for (i, c) in s.char_indices() {
                if let Some(m) = fold_char(c, prev) {
                    table.extend(std::iter::repeat_n(i, m.len_utf8()));
                    prev = Some(m);
                }
            }
            table.push(s.len());
            let f = fold(s);
            let ats: Vec<usize> = f.char_indices().map(|(i, _)| i).chain([f.len()]).collect();
            let want: Vec<usize> = ats.iter().map(|&a| table[a]).collect();
            assert_eq!(unfold_offsets(s, &ats), want, "{s}");
        }
    }

    #[test]
    fn tells_values() {
        for v in [
            "12",
            "+6",
            "-14",
            "1,234",
            "96171.6",
            "251000元",
            "１２",
            "0",
        ] {
            assert!(is_value(v), "{v}");
        }
        for t in ["1.", "1.属于", "-4-", "规章", "", "+", "12a", "3.其他"] {
            assert!(!is_value(t), "{t}");
        }
    }

    #[test]
    fn tells_digits_without_making_them() {
        for s in ["0", "0123", "１２", "12a", "", "+1", " 1", "٣"] {
            assert_eq!(is_digits(s), digits_only(s).is_some(), "{s}");
        }
    }

    #[test]
    fn splits_glued_digits() {
        assert_eq!(split_trailing_digits("申请数量200"), ("申请数量", "200"));
        assert_eq!(split_trailing_digits("电话:885"), ("电话:885", ""));
        assert_eq!(split_trailing_digits("200"), ("200", ""));
        assert_eq!(split_trailing_digits("数量"), ("数量", ""));
        assert_eq!(
            split_trailing_digits("3.危及“三安全一稳定”5000005"),
            ("3.危及“三安全一稳定”", "5000005")
        );
    }
}
