//! Plain text into the token stream: rows with cells joined by `|`, tab-separated rows, one cell
//! per line, `pdftotext -layout` output (cells separated by runs of spaces), and text whose
//! cells ran together (cut back into pieces at the labels first, see `unglue`).

use super::doc::Doc;

pub fn read(input: &str) -> Doc {
    let mut doc = Doc {
        layout: looks_laid_out(input),
        ..Doc::default()
    };
    doc.toks.reserve(input.len() / 12);
    doc.lines.reserve(input.len() / 40);
    for (i, raw) in input.lines().enumerate() {
        let no = (i + 1).min(u32::MAX as usize) as u32;
        let line = raw.trim_end_matches('\r');
        if is_page_footer(line) {
            continue;
        }
        // (Laid-out text keeps its cells apart by position: no line of it ran together.)
        if let Some(cuts) = (!doc.layout).then(|| super::unglue::cuts(line)).flatten() {
            let mut from = 0;
            let mut col = 0u32;
            for to in cuts.into_iter().chain(std::iter::once(line.len())) {
                let piece = line.get(from..to).unwrap_or("");
                if !piece.trim().is_empty() {
                    doc.begin_line(piece, no, None, false);
                    if let Some(l) = doc.lines.last_mut() {
                        l.glued = true;
                    }
                    doc.push_cell(piece, col, 0, false);
                }
                col = col.saturating_add(piece.chars().count() as u32);
                from = to;
            }
            continue;
        }
        let sep = if line.contains('|') {
            Some('|')
        } else if line.contains('\t') {
            Some('\t')
        } else {
            None
        };
        if let Some(sep) = sep {
            let mut cells: Vec<&str> = line.split(sep).collect();
            // `a | b |`: the separator closes the last cell, it does not open an empty one.
            if cells.len() > 1 && cells.last().is_some_and(|c| c.trim().is_empty()) {
                cells.pop();
            }
            doc.begin_line(line, no, None, cells.len() > 1);
            let mut col = 0u32;
            for (k, cell) in cells.iter().enumerate() {
                doc.push_cell(cell, col, k as u32, true);
                col = col.saturating_add(cell.chars().count() as u32 + 1);
            }
        } else {
            doc.begin_line(line, no, None, false);
            for (k, (col, seg)) in segments(line).into_iter().enumerate() {
                doc.push_cell(seg, col, k as u32, false);
            }
        }
    }
    doc
}

/// Cells of a laid-out line: pieces separated by two or more spaces (or an ideographic space).
/// A single space stays inside the cell, where pdftotext puts it in wrapped or spaced labels.
fn segments(line: &str) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, u32)> = None;
    let mut spaces = 0usize;
    let mut last_end = 0usize;
    for (col, (i, c)) in line.char_indices().enumerate() {
        let col = col.min(u32::MAX as usize) as u32;
        if c == ' ' || c == '\t' {
            spaces += 1;
            continue;
        }
        let wide_gap = spaces >= 2 || c == '\u{3000}';
        if c == '\u{3000}' {
            if let Some((s, sc)) = start.take() {
                out.push((sc, &line[s..last_end]));
            }
            spaces = 0;
            continue;
        }
        match start {
            Some((s, sc)) if wide_gap => {
                out.push((sc, &line[s..last_end]));
                start = Some((i, col));
            }
            None => start = Some((i, col)),
            _ => {}
        }
        spaces = 0;
        last_end = i + c.len_utf8();
    }
    if let Some((s, sc)) = start {
        out.push((sc, &line[s..last_end]));
    }
    out
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
        let kinds: Vec<(TokKind, &str)> = d.toks.iter().map(|t| (t.kind, t.raw.as_str())).collect();
        assert_eq!(kinds[0].1, "一、本年新收政府信息公开申请数量");
        assert_eq!(kinds[1], (TokKind::Value, "200"));
        assert_eq!(kinds[2], (TokKind::Value, "000121"));
        assert!(d.lines[1].multi);
        assert_eq!(kinds[4], (TokKind::Value, "0"));
        assert_eq!(kinds[5].0, TokKind::Empty);
        assert_eq!(kinds.len(), 7);
    }
}
