//! The one intermediate form every input becomes: lines (prose lines, text rows, HTML table rows)
//! and a flat stream of tokens (label text, values, empty cells). The table reader works on this
//! stream only, so HTML, flattened text and pdftotext output are read by the same code.

use crate::diagnostic::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Label or prose text.
    Text,
    /// A number, a number with a unit, or a blank marker (`/`, `-`, `—`).
    Value,
    /// An empty table cell (HTML `<td></td>`, `| |`).
    Empty,
}

#[derive(Clone, Debug)]
pub struct Tok {
    pub kind: TokKind,
    /// As printed (pieces of one label joined by a space).
    pub raw: String,
    /// Folded for label matching (see `norm::fold`); empty for values.
    pub fold: String,
    /// Index into `Doc::lines`.
    pub line: u32,
    /// Character column (0-based) of the token's first character in its text line, or grid
    /// column in an HTML table.
    pub col: u32,
    /// Index of the cell in its row (HTML `td` index, `|` cell index).
    pub cell: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Line {
    /// The line as printed (trimmed), for prose and excerpts.
    pub text: String,
    /// 1-based line number in a text input; 0 for HTML.
    pub no: u32,
    /// HTML: `table[2] tr[5]` or `p[3]`.
    pub elem: Option<String>,
    /// A table row split into cells (`|`, tab, HTML `tr`): cells on one line belong together.
    pub multi: bool,
    /// Part of an HTML table (never prose).
    pub table: bool,
    /// A piece of a line whose table cells ran together (see `unglue`): its digits are cells
    /// whose separators were lost, however they are spaced.
    pub glued: bool,
    /// Range of this line's tokens in `Doc::toks`.
    pub toks: (u32, u32),
}

#[derive(Debug, Default)]
pub struct Doc {
    pub lines: Vec<Line>,
    pub toks: Vec<Tok>,
    /// Text laid out by position (pdftotext -layout): columns follow from x, not from separators.
    pub layout: bool,
    pub html: bool,
}

impl Doc {
    pub fn line_of(&self, tok: usize) -> Option<&Line> {
        self.toks
            .get(tok)
            .and_then(|t| self.lines.get(t.line as usize))
    }

    /// Where a token is, for a diagnostic.
    pub fn location(&self, tok: usize, excerpt: Option<String>) -> Location {
        let Some(t) = self.toks.get(tok) else {
            return Location {
                excerpt,
                ..Location::default()
            };
        };
        let Some(line) = self.lines.get(t.line as usize) else {
            return Location {
                excerpt,
                ..Location::default()
            };
        };
        if self.html {
            let elem = match &line.elem {
                Some(e) if line.table => format!("{e} td[{}]", t.cell + 1),
                Some(e) => e.clone(),
                None => String::new(),
            };
            Location {
                element: (!elem.is_empty()).then_some(elem),
                excerpt,
                ..Location::default()
            }
        } else {
            Location {
                line: Some(line.no),
                column: Some(t.col + 1),
                excerpt,
                ..Location::default()
            }
        }
    }

    /// Start a new line; tokens pushed next belong to it.
    pub fn begin_line(&mut self, text: &str, no: u32, elem: Option<String>, multi: bool) {
        let n = self.toks.len() as u32;
        self.lines.push(Line {
            text: text.trim().to_string(),
            no,
            elem,
            multi,
            table: false,
            glued: false,
            toks: (n, n),
        });
    }

    fn end(&mut self) {
        let n = self.toks.len() as u32;
        if let Some(l) = self.lines.last_mut() {
            l.toks.1 = n;
        }
    }

    fn push(&mut self, kind: TokKind, raw: String, col: u32, cell: u32) {
        let fold = if kind == TokKind::Text {
            // Labels are matched by prefix, and 40 characters tell every label apart: prose
            // tokens need not be folded whole.
            let end = raw.char_indices().nth(40).map_or(raw.len(), |(i, _)| i);
            super::norm::fold(&raw[..end])
        } else {
            String::new()
        };
        let line = self.lines.len().saturating_sub(1) as u32;
        self.toks.push(Tok {
            kind,
            raw,
            fold,
            line,
            col,
            cell,
        });
        self.end();
    }

    /// Add one cell's text to the current line: numbers become values, the rest is merged into
    /// one label (a label split by stray spaces is still one label); a label with digits glued to
    /// its end (`…申请数量200`) gives the digits back as a value. In text, `col` is the cell's
    /// first character and each token gets its own character column; in HTML it is the cell's
    /// grid column, shared by its tokens.
    pub fn push_cell(&mut self, text: &str, col: u32, cell: u32, structured: bool) {
        let trim = |c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
        let t = text.trim_matches(trim);
        // Columns count characters from the cell's start, counted as the pieces go by (a long
        // line must not be counted again for each of its pieces).
        let chars = !self.html;
        let lead = text.len() - text.trim_start_matches(trim).len();
        let mut seen_bytes = 0usize;
        let mut seen_chars = 0u32;
        let mut at = |byte: usize| -> u32 {
            if !chars {
                return col;
            }
            let skipped = text.get(seen_bytes..byte).unwrap_or("");
            seen_chars =
                seen_chars.saturating_add(skipped.chars().count().min(u32::MAX as usize) as u32);
            seen_bytes = byte.max(seen_bytes);
            col.saturating_add(seen_chars)
        };
        if t.is_empty() {
            if structured {
                self.push(TokKind::Empty, String::new(), col, cell);
            }
            return;
        }
        if super::norm::is_value(t) || super::norm::is_blank_marker(t) {
            let c = at(lead);
            self.push(TokKind::Value, t.to_string(), c, cell);
            return;
        }
        let mut label = String::new();
        let mut label_at = 0u32;
        // The whitespace-separated pieces, with their byte offsets in `text`.
        let mut pieces: Vec<(usize, &str)> = Vec::new();
        let mut from: Option<usize> = None;
        for (i, c) in t.char_indices() {
            match (c.is_whitespace(), from) {
                (true, Some(f)) => {
                    pieces.push((lead + f, &t[f..i]));
                    from = None;
                }
                (false, None) => from = Some(i),
                _ => {}
            }
        }
        if let Some(f) = from {
            pieces.push((lead + f, &t[f..]));
        }
        for (k, &(start, piece)) in pieces.iter().enumerate() {
            let piece_at = at(start);
            // A label's number broken off its text (`6` | `.属于四类…`, a paragraph apart in a
            // Word cell) is the label's, not a value.
            let numbering = piece.len() <= 2
                && piece.bytes().all(|b| b.is_ascii_digit())
                && pieces
                    .get(k + 1)
                    .is_some_and(|n| n.1.starts_with(['.', '、', '．']));
            if !numbering && (super::norm::is_value(piece) || super::norm::is_piece_blank(piece)) {
                if !label.is_empty() {
                    self.push(TokKind::Text, std::mem::take(&mut label), label_at, cell);
                }
                self.push(TokKind::Value, piece.to_string(), piece_at, cell);
                continue;
            }
            let (head, digits) = super::norm::split_trailing_digits(piece);
            if label.is_empty() {
                label_at = piece_at;
            } else if !numbering && !label.ends_with(|c: char| c.is_ascii_digit()) {
                label.push(' ');
            }
            label.push_str(head);
            if !digits.is_empty() {
                self.push(TokKind::Text, std::mem::take(&mut label), label_at, cell);
                let digits_at = at(start + head.len());
                self.push(TokKind::Value, digits.to_string(), digits_at, cell);
            }
        }
        if !label.is_empty() {
            self.push(TokKind::Text, label, label_at, cell);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(TokKind, String, u32)> {
        let mut d = Doc::default();
        d.begin_line(text, 1, None, false);
        d.push_cell(text, 0, 0, false);
        d.toks
            .iter()
            .map(|t| (t.kind, t.raw.clone(), t.col))
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
}
