//! Plain text into the token stream: rows with cells joined by `|`, tab-separated rows, one cell
//! per line, `pdftotext -layout` output (cells separated by runs of spaces), and text whose
//! cells ran together (cut back into pieces at the labels first, see `unglue`).

use super::doc::Doc;

// Out of line, as are the other readers' steps: inlined into their one caller they made one
// function so large that V8 took up to half a second to optimise it (docs/performance.md).
#[inline(never)]
pub fn read(input: &str) -> Doc<'_> {
    let mut doc = Doc::text(input, looks_laid_out(input));
    let mut lines = 0usize;
    let mut pos = 0usize;
    // The lines of `str::lines`: split at `\n`, no last empty line after a final `\n`.
    while pos < input.len() {
        let nl = input[pos..].find('\n').map_or(input.len(), |k| pos + k);
        let line = input[pos..nl].trim_end_matches('\r');
        read_line(&mut doc, line, pos, lines);
        lines += 1;
        pos = nl + 1;
    }
    doc.end_text(lines);
    doc.finish();
    doc
}

/// One line as read, starting at `at` of the input.
fn read_line(doc: &mut Doc, line: &str, at: usize, index: usize) {
    if is_page_footer(line) {
        doc.skip_line();
        return;
    }
    // (Laid-out text keeps its cells apart by position: no line of it ran together.)
    if let Some(cuts) = (!doc.layout).then(|| super::unglue::cuts(line)).flatten() {
        let mut from = 0;
        let mut pieces = 0;
        for to in cuts.into_iter().chain(std::iter::once(line.len())) {
            let piece = line.get(from..to).unwrap_or("");
            if !piece.trim().is_empty() {
                if pieces > 0 {
                    doc.extra_piece();
                }
                pieces += 1;
                doc.begin_text_line(at + from, Some(at), index);
                doc.push_cell(piece, at + from, false, None);
            }
            from = to;
        }
        if pieces == 0 {
            doc.skip_line();
        }
        return;
    }
    let sep = if line.contains('|') {
        Some('|')
    } else if line.contains('\t') {
        Some('\t')
    } else {
        None
    };
    let blank = line.trim().is_empty();
    match sep {
        Some(sep) => {
            // `a | b |`: the separator closes the last cell, it does not open an empty one.
            let last = line.rsplit(sep).next().unwrap_or("");
            let drop_last = last.trim().is_empty();
            let cells =
                line.bytes().filter(|&b| b == sep as u8).count() + 1 - usize::from(drop_last);
            doc.begin_text_line(at, None, index);
            if cells > 1 {
                doc.set_multi(sep == '|');
            }
            let mut from = 0;
            for (k, cell) in line.split(sep).enumerate() {
                if k == cells {
                    break;
                }
                doc.push_cell(cell, at + from, true, None);
                from += cell.len() + 1;
            }
        }
        None => {
            // A blank line is not kept (its place still counts: `Doc::end_text`).
            if blank {
                return;
            }
            doc.begin_text_line(at, None, index);
            for (start, seg) in Segments::new(line) {
                doc.push_cell(seg, at + start, false, None);
            }
        }
    }
}

/// Cells of a laid-out line: pieces separated by two or more spaces (or an ideographic space),
/// with their byte offsets. A single space stays inside the cell, where pdftotext puts it in
/// wrapped or spaced labels.
struct Segments<'s> {
    line: &'s str,
    chars: std::str::CharIndices<'s>,
    /// A segment's start already found (after a wide gap), and where it ends so far.
    start: Option<usize>,
    last_end: usize,
    spaces: usize,
}

impl<'s> Segments<'s> {
    fn new(line: &'s str) -> Segments<'s> {
        Segments {
            line,
            chars: line.char_indices(),
            start: None,
            last_end: 0,
            spaces: 0,
        }
    }
}

impl<'s> Iterator for Segments<'s> {
    type Item = (usize, &'s str);

    fn next(&mut self) -> Option<(usize, &'s str)> {
        for (i, c) in self.chars.by_ref() {
            if c == ' ' || c == '\t' {
                self.spaces += 1;
                continue;
            }
            if c == '\u{3000}' {
                self.spaces = 0;
                if let Some(s) = self.start.take() {
                    return Some((s, self.line.get(s..self.last_end).unwrap_or("")));
                }
                continue;
            }
            let wide_gap = self.spaces >= 2;
            self.spaces = 0;
            let ended = match self.start {
                Some(s) if wide_gap => {
                    let seg = (s, self.line.get(s..self.last_end).unwrap_or(""));
                    self.start = Some(i);
                    Some(seg)
                }
                None => {
                    self.start = Some(i);
                    None
                }
                _ => None,
            };
            self.last_end = i + c.len_utf8();
            if ended.is_some() {
                return ended;
            }
        }
        let s = self.start.take()?;
        Some((s, self.line.get(s..self.last_end).unwrap_or("")))
    }
}

/// Page markers that pdftotext leaves inside tables: `- 4 -`, `-3-`, `第 2 页`, `— 5 —`.
fn is_page_footer(line: &str) -> bool {
    if line.trim().len() > 32 {
        return false;
    }
    // The line without its spaces, on the stack: this runs for every short line.
    let mut chars = ['\0'; 32];
    let mut n = 0;
    for c in line.chars().filter(|c| !c.is_whitespace()).take(32) {
        chars[n] = c;
        n += 1;
    }
    let t = &chars[..n];
    let (Some(&first), Some(&last)) = (t.first(), t.last()) else {
        return false;
    };
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─');
    let start = t.iter().position(|&c| !dash(c)).unwrap_or(n);
    let end = t.iter().rposition(|&c| !dash(c)).map_or(start, |k| k + 1);
    let inner = &t[start..end.max(start)];
    // Dashes on both sides: `-14` alone is a signed value (本年增/减), not a page number.
    let both = dash(first) && dash(last);
    if both && !inner.is_empty() && inner.iter().all(char::is_ascii_digit) {
        return inner.len() <= 3;
    }
    if first == '第' {
        let rest = &t[1..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let after = &rest[digits..];
        return digits > 0 && (after == ['页'] || after.starts_with(&['页', '共']));
    }
    false
}

/// pdftotext -layout output: many lines indented or with wide internal gaps, no `|`.
fn looks_laid_out(input: &str) -> bool {
    let mut lines = 0usize;
    let mut gapped = 0usize;
    for l in input.lines().take(2000) {
        if l.trim().is_empty() {
            continue;
        }
        lines += 1;
        if l.contains('|') {
            return false;
        }
        if l.trim().contains("   ") {
            gapped += 1;
        }
    }
    lines > 0 && gapped * 10 >= lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readers::doc::TokKind;

    #[test]
    fn splits_layout_segments() {
        let segments = |l| Segments::new(l).collect::<Vec<_>>();
        let s = segments("一、本年新收政府信息公开申请数量      3001   53  0");
        let texts: Vec<&str> = s.iter().map(|(_, t)| *t).collect();
        assert_eq!(
            texts,
            ["一、本年新收政府信息公开申请数量", "3001", "53", "0"]
        );
        let s = segments("   4.无正当理由大量反复 申请        0");
        assert_eq!(s[0].1, "4.无正当理由大量反复 申请");
        assert_eq!(s[0].0, 3);
    }

    #[test]
    fn drops_page_footers() {
        for f in ["-4-", "  - 4 -  ", "— 5 —", "第 2 页", "第3页共9页"] {
            assert!(is_page_footer(f), "{f}");
        }
        for f in ["-", "0", "- 1 - 2", "3119", "-14", "+6"] {
            assert!(!is_page_footer(f), "{f}");
        }
    }

    #[test]
    fn pipe_rows_and_glued_labels() {
        let d = read("一、本年新收政府信息公开申请数量200 000121 |\n规章 | 0 | | 1 |");
        let kinds: Vec<(TokKind, &str)> = d
            .toks(0, d.tok_count())
            .map(|(_, t)| (t.kind, t.raw))
            .collect();
        assert_eq!(kinds[0].1, "一、本年新收政府信息公开申请数量");
        assert_eq!(kinds[1], (TokKind::Value, "200"));
        assert_eq!(kinds[2], (TokKind::Value, "000121"));
        assert!(d.line(1).is_some_and(|l| l.multi));
        assert_eq!(d.tok(5).cell(), 2);
        assert_eq!(d.tok(6).col(), 11);
        assert_eq!(kinds[4], (TokKind::Value, "0"));
        assert_eq!(kinds[5].0, TokKind::Empty);
        assert_eq!(kinds.len(), 7);
    }
}
