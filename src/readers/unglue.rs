//! Text whose table cells ran together. Crawlers that drop tags without a separator, and some
//! copy-paste, give the whole report on one line: `…（一）予以公开128821005031362（二）部分公开…`,
//! stray spaces anywhere, headings glued to the prose before them, a label glued to the
//! previous row's digits (`…禁止公开3010000313.危及…`: the last `3` is the next label's `3.`).
//!
//! Such a line is cut back into pieces where the official labels start (and around the part
//! headings), found by the layout catalogue's label sequence in the folded text; each piece is
//! then read as a line of its own, its digits as cells whose separators were lost (split later
//! by the table's arithmetic, see `glue` and `solve`).

use super::labels;
use super::norm::{fold, unfold_offsets};
use crate::model::layout::T2_ROWS;
use std::sync::OnceLock;

/// What a found label does to the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    /// A part heading: a piece of its own (cut before and after).
    Heading,
    /// A table 三 row or group label: a piece starts here.
    Row,
    /// A table 二 label: a piece starts here, inside table 二 only (规章 is a common word).
    Table2,
    /// The end of the title (…年度报告): cut after, so the title is a line of its own.
    TitleEnd,
}

struct Needles {
    /// (folded needle, what it cuts), longest first among equal starts by the sweep below.
    all: Vec<(String, Cut)>,
}

/// The six part headings as printed, with the variants real reports use (format.md §1).
const HEADINGS: &[&str] = &[
    "一、总体情况",
    "一、概述",
    "一、基本情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "三、收到的处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "五、存在问题及改进情况",
    "六、其他需要报告的事项",
];

fn needles() -> &'static Needles {
    static N: OnceLock<Needles> = OnceLock::new();
    N.get_or_init(|| {
        let fold = super::norm::fold;
        let mut all: Vec<(String, Cut)> = Vec::new();
        all.extend(HEADINGS.iter().map(|h| (fold(h), Cut::Heading)));
        all.extend(labels::t3_prefixes().map(|p| (p.to_string(), Cut::Row)));
        all.extend(labels::T3_GROUPS.iter().map(|g| (fold(g), Cut::Row)));
        all.push((fold("第二十条"), Cut::Table2));
        all.push((fold("信息内容"), Cut::Table2));
        all.extend(T2_ROWS.iter().map(|r| (fold(r.label.zh), Cut::Table2)));
        all.push((fold("规范性文件"), Cut::Table2));
        all.push((fold("年度报告"), Cut::TitleEnd));
        Needles { all }
    })
}

/// Whether a line looks like a table run together: long, no cell separators, and several
/// table 三 labels in it. Cheap tests first: this runs on every line of a text.
fn is_glued(line: &str, folded: &str) -> bool {
    if line.len() < 150 || line.contains(['|', '\t']) {
        return false;
    }
    let rows = labels::t3_prefixes()
        .filter(|p| p.chars().count() >= 4 && folded.contains(*p))
        .take(4)
        .count();
    rows >= 4
}

/// Where to cut a line whose cells ran together (byte offsets into `line`, ascending, without
/// 0 and `line.len()`), or `None` when the line is not such a line.
pub fn cuts(line: &str) -> Option<Vec<usize>> {
    // Most lines are short, or rows of cells: rule them out before folding. (Stray spaces can
    // fall inside any word, so the words are looked for in the folded text.)
    if line.len() < 150 || line.contains(['|', '\t']) {
        return None;
    }
    let folded = fold(line);
    if !(folded.contains("予以公开") || folded.contains("本年新收")) || !is_glued(line, &folded)
    {
        return None;
    }
    // Every occurrence of every needle: (start, end, cut) in the folded text.
    let mut found: Vec<(usize, usize, Cut)> = Vec::new();
    for (needle, cut) in &needles().all {
        found.extend(
            folded
                .match_indices(needle.as_str())
                .map(|(at, m)| (at, at + m.len(), *cut)),
        );
    }
    // Earliest first, the longest of those starting together; a match inside an earlier one
    // (属于国家秘密 inside 1.属于国家秘密) is part of it.
    crate::base::sort::sort_by_key(&mut found, |m| (m.0, std::cmp::Reverse(m.1)));
    let mut kept: Vec<(usize, usize, Cut)> = Vec::new();
    for m in found {
        if kept.last().is_none_or(|k| m.0 >= k.1) {
            kept.push(m);
        }
    }
    // Table 二's words count only inside table 二: from its first 第二十条 to table 三.
    let t2_start = kept
        .iter()
        .find(|m| m.2 == Cut::Table2 && folded[m.0..].starts_with("第二十条"))
        .map(|m| m.0);
    let t3_start = kept
        .iter()
        .find(|m| m.2 == Cut::Row || (m.2 == Cut::Heading && folded[m.0..].starts_with("三、")))
        .map_or(folded.len(), |m| m.0);
    // Cuts in the folded text, in order (kept matches do not overlap).
    let mut at_folded: Vec<usize> = Vec::new();
    for (start, end, cut) in kept {
        match cut {
            Cut::Heading => {
                at_folded.push(start);
                at_folded.push(end);
            }
            Cut::Row => at_folded.push(start),
            Cut::Table2 if t2_start.is_some_and(|s| s <= start) && start < t3_start => {
                at_folded.push(start)
            }
            Cut::Table2 => {}
            Cut::TitleEnd => at_folded.push(end),
        }
    }
    // Back to the line as printed.
    let mut out = unfold_offsets(line, &at_folded);
    out.retain(|&b| b > 0 && b < line.len());
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str) -> Vec<&str> {
        let cuts = cuts(line).unwrap_or_default();
        let mut out = Vec::new();
        let mut from = 0;
        for c in cuts.into_iter().chain(std::iter::once(line.len())) {
            out.push(line[from..c].trim());
            from = c;
        }
        out
    }

    #[test]
    fn cuts_at_labels_and_gives_the_numbering_digit_back() {
        let line = "某局2024年政府信息公开工作年度报告一、总体情况本机关收到申请。\
            三、收到和处理政府信息公开申请情况申请人情况自然人总计\
            一、本年新收政府信息公开申请数量 300153 006143119 二、上年结转政府信息公开申请数量340 000 0 34\
            三、本年度办理结果（一）予以公开128821005031362（三）不予公开1.属于国家秘密2000 002 \
            2.其他法律行政法规禁止公开3010000313.危及“三安全一稳定”5000005四、结转下年度继续办理10300 000103";
        assert_eq!(
            pieces(line),
            [
                "某局2024年政府信息公开工作年度报告",
                "一、总体情况",
                "本机关收到申请。",
                "三、收到和处理政府信息公开申请情况",
                "申请人情况自然人总计",
                "一、本年新收政府信息公开申请数量 300153 006143119",
                "二、上年结转政府信息公开申请数量340 000 0 34",
                "三、本年度办理结果",
                "（一）予以公开128821005031362",
                "（三）不予公开",
                "1.属于国家秘密2000 002",
                "2.其他法律行政法规禁止公开301000031",
                "3.危及“三安全一稳定”5000005",
                "四、结转下年度继续办理10300 000103",
            ]
        );
    }

    #[test]
    fn leaves_other_lines_alone() {
        assert_eq!(cuts("一、本年新收政府信息公开申请数量 | 20 | 0 |"), None);
        let prose = "本机关全年予以公开政府信息".repeat(20);
        assert_eq!(cuts(&prose), None);
        // Stray spaces inside the words that tell a glued table still tell it.
        let spaced = "三、本年度办理结果（一）予以公 开128821005031362（二）部分公开（区分处理的，只计这一情形，不计其他情形）44770000454            （三）不予公开1.属于国家秘密2000 002 2.其他法律行政法规禁止公开301000031";
        assert!(cuts(spaced).is_some());
    }
}
