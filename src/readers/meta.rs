//! Metadata (year, issuer, publication date) and the six parts of the prose.

use super::doc::Doc;
use super::labels;
use super::norm::{fold, fold_into, fold_prefix};
use crate::base::dates::{in_calendar, parse_printed, Date};
use crate::model::decode::SECTION_KEYS;

pub struct Meta {
    pub year: Option<i32>,
    pub issuer: Option<String>,
    /// The publication date, or as printed when no such day exists (2022年2月31日).
    pub published_on: Option<Result<Date, String>>,
}

/// Part headings found, in order: (index into `SECTION_KEYS`, line index). Each part once, and
/// in the order of the format; a heading-like line out of order is prose, and so is a table of
/// contents (see `contents`).
pub fn headings(doc: &Doc) -> Vec<(usize, usize)> {
    headings_from(doc, 0)
}

/// As [`headings`], among the lines from `first` on (a second copy of the report on a page).
pub fn headings_from(doc: &Doc, first: usize) -> Vec<(usize, usize)> {
    // Heading-like lines: (part, line index, index among the lines with text).
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut with_text = 0;
    for (i, l) in doc.lines().enumerate().skip(first) {
        let text = l.text();
        if text.trim().is_empty() {
            continue;
        }
        with_text += 1;
        if l.table || l.multi || text.chars().count() > 60 || !may_be_heading(text) {
            continue;
        }
        if let Some(k) = labels::heading(&fold(text)) {
            found.push((k, i, with_text));
        }
    }
    let skip = contents(&found);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (n, &(k, i, _)) in found.iter().enumerate() {
        if !skip.contains(&n) && out.last().is_none_or_before(k) {
            out.push((k, i));
        }
    }
    out
}

/// The heading-like lines (indices into `found`) that are a table of contents: three or more
/// part headings in order on consecutive lines, nothing between them, each heading again
/// further on. Taken for the parts, they left each part a line long, and no table was found
/// in them. A report's own parts are never that short; without the headings again further
/// on, the run stays (it may be all the headings a page has).
fn contents(found: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut skip = Vec::new();
    let mut start = 0;
    while start < found.len() {
        let mut end = start + 1;
        while end < found.len()
            && found[end].2 == found[end - 1].2 + 1
            && found[end].0 > found[end - 1].0
        {
            end += 1;
        }
        let again = |&(k, ..): &(usize, usize, usize)| found[end..].iter().any(|f| f.0 == k);
        if end - start >= 3 && found[start..end].iter().all(again) {
            skip.extend(start..end);
        }
        start = end;
    }
    skip
}

/// Whether the folded line could start with a part number (一 … 六): the fold of a line starts
/// with the fold of its first characters, so these are enough to rule most lines out.
fn may_be_heading(text: &str) -> bool {
    let head = text.char_indices().nth(8).map_or(text, |(i, _)| &text[..i]);
    match fold(head).chars().next() {
        Some(c) => matches!(c, '一' | '二' | '三' | '四' | '五' | '六'),
        None => true,
    }
}

trait Before {
    fn is_none_or_before(&self, k: usize) -> bool;
}

impl Before for Option<&(usize, usize)> {
    fn is_none_or_before(&self, k: usize) -> bool {
        self.is_none_or(|&(last, _)| last < k)
    }
}

/// A year followed by 年, in 2000..=2100, where it starts and where its digits end (byte
/// offsets): four digits (2023年) or four Chinese numerals (二〇二三年, 二零二三年), as titles
/// and signatures print it.
fn years(s: &str) -> impl Iterator<Item = (usize, usize, i32)> + '_ {
    s.char_indices().filter_map(move |(i, c)| {
        let b = s.as_bytes();
        let (y, end) = if c.is_ascii_digit() {
            let d = b.get(i..i + 4)?;
            if !d.iter().all(u8::is_ascii_digit) || i > 0 && b[i - 1].is_ascii_digit() {
                return None;
            }
            (std::str::from_utf8(d).ok()?.parse().ok()?, i + 4)
        } else {
            let before = s[..i].chars().next_back();
            if numeral(c).is_none() || before.and_then(numeral).is_some() {
                return None;
            }
            let mut y = 0;
            let mut end = i;
            for c in s[i..].chars().take(4) {
                y = y * 10 + numeral(c)?;
                end += c.len_utf8();
            }
            (y, end)
        };
        if !s.get(end..)?.starts_with('年') {
            return None;
        }
        (2000..=2100).contains(&y).then_some((i, end, y))
    })
}

/// A digit written as a Chinese numeral in a year (二〇二三, 二零二三).
fn numeral(c: char) -> Option<i32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|n| n == c)
        .or((c == '零').then_some(0))
        .map(|d| d as i32)
}

pub fn metadata(doc: &Doc, first_heading: Option<usize>) -> Meta {
    // Lines are counted as read, blank ones included (`Line::ord`).
    let head_end = first_heading
        .and_then(|i| doc.line(i))
        .map_or(12, |l| l.ord())
        .clamp(1, 15);
    let top: Vec<(usize, String)> = doc
        .lines()
        .enumerate()
        .take_while(|(_, l)| l.ord() <= head_end)
        .filter(|(_, l)| !l.table && !l.text().is_empty())
        // A title or an issuer is at most 80 characters: no longer line needs more.
        .map(|(i, l)| (i, fold_prefix(l.text(), 81)))
        .collect();
    // The title: a short line naming the 年度报告, possibly broken over two lines.
    let mut title: Option<(usize, String)> = None;
    for (k, (i, s)) in top.iter().enumerate() {
        let cand = if s.contains("年度报告") {
            Some(s.clone())
        } else {
            top.get(k + 1)
                .map(|(_, n)| format!("{s}{n}"))
                .filter(|j| j.contains("信息公开工作年度报告"))
        };
        if let Some(c) = cand.filter(|c| c.chars().count() <= 80 && !c.contains('《')) {
            let better = title
                .as_ref()
                .is_none_or(|(_, t)| years(t).next().is_none() && years(&c).next().is_some());
            if better {
                title = Some((*i, c));
            }
        }
    }
    let mut year = None;
    let mut issuer = None;
    if let Some((i, t)) = &title {
        let t = t.rsplit([':', '：']).next().unwrap_or(t);
        if let Some((at, end, y)) = years(t).next() {
            year = Some(y);
            let before = issuer_name(&t[..at]);
            if !before.is_empty() {
                issuer = Some(before.to_string());
            } else {
                let after = &t[end..];
                let after = after.trim_start_matches('年').trim_start_matches('度');
                if let Some(p) = after.find("政府信息公开") {
                    let name = &after[..p];
                    if !name.is_empty() {
                        issuer = Some(name.to_string());
                    }
                }
            }
        }
        if issuer.is_none() {
            // 淮安: the issuer is printed on the line above the title.
            issuer = top
                .iter()
                .rev()
                .find(|(j, _)| j < i)
                .map(|(_, s)| s.clone())
                .filter(|s| {
                    s.chars().count() <= 30
                        && !s
                            .chars()
                            .any(|c| c.is_ascii_digit() || c == ':' || c == ',')
                });
        }
    }
    // The first 80 lines outside tables (blank ones counted).
    let head_text = || -> String {
        let mut tables = 0;
        let mut out = String::new();
        for l in doc.lines().take_while(|l| {
            tables += usize::from(l.table);
            l.table || l.ord().saturating_sub(tables) < 80
        }) {
            if !l.table {
                fold_into(l.text(), &mut out);
            }
        }
        out
    };
    let head_text = if year.is_none() {
        head_text()
    } else {
        String::new()
    };
    if year.is_none() {
        year = period_year(&head_text);
    }
    if year.is_none() {
        // No title and no 统计期限 (the sample report): the year the opening prose speaks of.
        let mut counts: Vec<(i32, usize, usize)> = Vec::new();
        // Digits only: a year in numerals here is most often the signature's (二〇二一年一月),
        // the year of publication, not of the report.
        for (at, _, y) in
            years(&head_text).filter(|&(at, ..)| head_text.as_bytes()[at].is_ascii_digit())
        {
            match counts.iter_mut().find(|(v, _, _)| *v == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1, at)),
            }
        }
        year = counts
            .iter()
            .max_by_key(|(_, n, at)| (*n, std::cmp::Reverse(*at)))
            .map(|(y, _, _)| *y);
    }
    Meta {
        year,
        issuer,
        published_on: published(doc),
    }
}

/// 统计期限自 2024 年 1 月 1 日: the year the statistics cover.
/// The issuer printed before the year in a title, without surrounding punctuation but with its
/// closing bracket kept: 淮安市人民政府（办公室） keeps its "）".
fn issuer_name(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let s = s.trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | '）'));
    let open = s.rfind(['(', '（']);
    let close = s.rfind([')', '）']);
    match (open, close) {
        (Some(o), Some(c)) if o < c => s,
        _ => s.trim_end_matches(|c: char| !c.is_alphanumeric()),
    }
}

fn period_year(text: &str) -> Option<i32> {
    for (i, _) in text.match_indices("统计") {
        let window: String = text[i..].chars().take(40).collect();
        for (_, end, y) in years(&window) {
            let rest = &window[end..];
            if rest.starts_with("年1月1日") || rest.starts_with("年01月01日") {
                return Some(y);
            }
        }
    }
    None
}

/// 发布日期 / 发布时间 / 成文日期 / 发文日期 / 日期 followed by a date, near the top or the end.
fn published(doc: &Doc) -> Option<Result<Date, String>> {
    // The first 20 lines and the last 12, as read (blank ones counted).
    let tail = doc.ord_count().saturating_sub(12).max(20);
    let lines = doc
        .lines()
        .take_while(|l| l.ord() < 20)
        .chain((doc.tail_from_ord(tail)..doc.line_count()).filter_map(|i| doc.line(i)));
    // Every label has 期 or 间, which folding neither makes nor removes.
    let text: Vec<String> = lines
        .filter(|l| !l.table && l.text().contains(['期', '间']))
        .map(|l| fold(l.text()))
        .collect();
    for label in ["发布日期", "发布时间", "成文日期", "发文日期", "日期"] {
        for t in &text {
            for (i, _) in t.match_indices(label) {
                let rest = t[i + label.len()..].trim_start_matches([':', '：']);
                if let Some((d, len)) = parse_printed(rest) {
                    // A printed day the calendar lacks is said, never kept as the date.
                    return Some(in_calendar(d).map_err(|_| rest[..len].to_string()));
                }
            }
        }
    }
    None
}

/// The prose of each part, without table lines; and the preamble before 一.
pub fn sections(
    doc: &Doc,
    heads: &[(usize, usize)],
    table_lines: &[(usize, usize)],
) -> (Vec<(String, String)>, String) {
    // The prose lines of `from..to`.
    let prose = |from: usize, to: usize| {
        (from..to.min(doc.line_count())).filter_map(|i| {
            let l = doc.line(i)?;
            let in_table = l.table || l.multi || table_lines.iter().any(|&(a, b)| a <= i && i <= b);
            let text = l.text();
            (!in_table && !text.is_empty()).then_some(text)
        })
    };
    // Measured first, then written: a part can be most of a large input, and a string grown by
    // doubling holds up to twice what it needs (WebAssembly memory does not shrink back).
    let collect = |from: usize, to: usize| -> String {
        let len: usize = prose(from, to).map(|t| t.len() + 1).sum();
        let mut out = String::with_capacity(len.saturating_sub(1));
        for text in prose(from, to) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(text);
        }
        out
    };
    let mut out = Vec::new();
    for (k, &(key, line)) in heads.iter().enumerate() {
        let end = match heads.get(k + 1) {
            Some(h) => h.1,
            None => page_end(doc, line + 1),
        };
        out.push((SECTION_KEYS[key].to_string(), collect(line + 1, end)));
    }
    let preamble = collect(0, heads.first().map_or(0, |h| h.1));
    (out, preamble)
}

/// Where the report ends on a portal page: the first line from `from` that is the site's own
/// (the article's 上一篇/打印本页 links, the footer's 主办单位, 网站标识码, ICP备 and 版权所有
/// lines), else the end. Without it the last part ran on into the footer, and reports of one
/// portal looked alike to `copied-report` by their shared chrome.
fn page_end(doc: &Doc, from: usize) -> usize {
    const STARTS: [&str; 8] = [
        "上一篇",
        "下一篇",
        "【打印",
        "打印本页",
        "【关闭",
        "关闭窗口",
        "主办单位",
        "主办：",
    ];
    const HOLDS: [&str; 5] = ["网站标识码", "ICP备", "公网安备", "版权所有", "技术支持："];
    let chrome = |t: &str| {
        let t = t.trim_start();
        STARTS.iter().any(|s| t.starts_with(s)) || HOLDS.iter().any(|s| t.contains(s))
    };
    (from..doc.line_count())
        .find(|&i| doc.line(i).is_some_and(|l| chrome(l.text())))
        .unwrap_or(doc.line_count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_keeps_a_closing_bracket() {
        assert_eq!(
            issuer_name("淮安市人民政府(办公室)"),
            "淮安市人民政府(办公室)"
        );
        assert_eq!(
            issuer_name("淮安市人民政府（办公室）"),
            "淮安市人民政府（办公室）"
        );
        assert_eq!(issuer_name("“某局”"), "某局");
        assert_eq!(issuer_name("某局)"), "某局");
    }

    #[test]
    fn finds_years() {
        let y: Vec<i32> = years("自2020年1月1日至202020年12月31日")
            .map(|(.., y)| y)
            .collect();
        assert_eq!(y, [2020]);
        // Chinese numerals, as titles and signatures print the year; never part of a longer
        // run of numerals, and never outside 2000..=2100.
        let at: Vec<(usize, usize, i32)> =
            years("某局二〇二三年度报告，二零二四年，一二〇二三年，三四五六年").collect();
        assert_eq!(at, [(6, 18, 2023), (33, 45, 2024)]);
        assert_eq!(
            period_year("本报告中所列数据的统计期限自2020年1月1日起"),
            Some(2020)
        );
    }
}
