//! Reports rendered as they are published, for the readers' property tests and their bench:
//! the layout catalogue's tables, filled with a report's values, in every shape portals and
//! extractors produce — `|` rows (with group labels as an extra leading cell), one cell per
//! line, text whose cells ran together with stray spaces anywhere, HTML with blanks for zeros,
//! HTML headers without spans, Word-exported HTML (labels and numbers split across `<span>`s
//! and `<p>`s, a metadata table first, nested `<div>`s), and `pdftotext -layout` text (wrapped
//! labels, vertical group labels, page footers and stray numbers, garbled headers, blanks that
//! print nothing).
//! Also random reports, consistent or not, and the comparison the tests assert: every cell
//! read equals the source, or a diagnostic names it.
//!
//! Deterministic: everything random comes from a seeded `Rng`. The prose is our own.
#![allow(dead_code)]

use serde_json::{json, Map, Value};
use xxgknb::model::layout::{layout, CellId, Format, Kind, TableId, T2_ROWS, T3_ROWS};
use xxgknb::model::{CellState, Num, Report};
use xxgknb::Diagnostic;

/// xorshift64*: small, seeded, good enough to vary shapes.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `label | v | … |` rows; group labels as an extra leading cell on a group's first row.
    Pipes,
    /// One cell per line, each closed by ` |`.
    PerLine,
    /// The whole page on one line, no separators, stray spaces anywhere.
    Glued,
    /// HTML with row/col spans, zeros printed as empty cells.
    HtmlBlanks,
    /// HTML whose header rows have no spans (fewer cells than the rows under them).
    HtmlNoSpans,
    /// Word-exported HTML: spans and paragraphs inside cells, a metadata table, nested divs.
    HtmlWord,
    /// Word-exported HTML on a portal page: menus and lists of links (with years and numbers
    /// in them), a table of contents linking to the parts, a drop-down of links, a footer.
    HtmlPortal,
    /// `pdftotext -layout`: wrapped labels, vertical group labels, footers, garbled headers.
    PdfText,
    /// `pdftotext -layout` of a table whose zeros were left blank: they print nothing.
    PdfBlanks,
}

pub const SHAPES: [Shape; 9] = [
    Shape::Pipes,
    Shape::PerLine,
    Shape::Glued,
    Shape::HtmlBlanks,
    Shape::HtmlNoSpans,
    Shape::HtmlWord,
    Shape::HtmlPortal,
    Shape::PdfText,
    Shape::PdfBlanks,
];

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Pipes => "| rows, group cells",
            Shape::PerLine => "one cell per line",
            Shape::Glued => "glued, stray spaces",
            Shape::HtmlBlanks => "HTML, blanks for 0",
            Shape::HtmlNoSpans => "HTML, header w/o spans",
            Shape::HtmlWord => "HTML from Word",
            Shape::HtmlPortal => "HTML on a portal page",
            Shape::PdfText => "pdftext, wrapped",
            Shape::PdfBlanks => "pdftext, blanks for 0",
        }
    }
}

// ------------------------------------------------------------------------------------------
// Reports

/// The report's value at a JSON pointer, if present.
pub fn at<'a>(report: &'a Value, path: &str) -> Option<&'a Value> {
    report.pointer(path)
}

fn set(report: &mut Value, path: &str, v: Value) {
    let mut cur = report;
    let keys: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    for (i, k) in keys.iter().enumerate() {
        let obj = cur.as_object_mut().expect("object");
        if i + 1 == keys.len() {
            obj.insert((*k).to_string(), v);
            return;
        }
        cur = obj
            .entry((*k).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A small count, mostly 0, sometimes large: what real tables hold.
fn count(rng: &mut Rng) -> i64 {
    match rng.below(10) {
        0..=4 => 0,
        5..=7 => rng.below(10) as i64,
        8 => rng.below(200) as i64,
        _ => rng.below(5000) as i64,
    }
}

/// A random report of `format`: consistent (every sum holds), or with a few cells off.
pub fn random_report(rng: &mut Rng, format: Format, consistent: bool) -> Value {
    let year = match format {
        Format::F2019 => 2019 + rng.below(2) as i64,
        Format::F2021 => 2021 + rng.below(5) as i64,
    };
    let mut r =
        json!({ "year": year, "format": format.as_str(), "issuer": "示例县人民政府办公室" });
    let l = layout();
    // Table 二.
    for (id, c) in l.cells_of(format) {
        if c.table != TableId::Proactive {
            continue;
        }
        let v = match c.kind {
            Kind::Count => json!(count(rng)),
            Kind::Signed => json!(count(rng) - count(rng)),
            Kind::Money => {
                let cents = rng.below(2_000_000) as f64 / 10.0;
                json!(if rng.chance(0.5) {
                    cents.trunc()
                } else {
                    cents
                })
            }
        };
        let _ = id;
        set(&mut r, &c.path, v);
    }
    // Table 三: results first, then the totals that make every sum hold.
    let rows: Vec<usize> = (0..T3_ROWS.len())
        .filter(|&i| T3_ROWS[i].formats.has(format))
        .collect();
    let role = |i: usize| T3_ROWS[i].role;
    use xxgknb::model::layout::T3Role;
    let mut grid = vec![[0i64; 7]; T3_ROWS.len()];
    for &i in &rows {
        if role(i) == T3Role::Result {
            // 自然人 usually has some; each organisation column now and then.
            for (c, cell) in grid[i].iter_mut().take(6).enumerate() {
                *cell = if c == 0 || rng.chance(0.3) {
                    count(rng)
                } else {
                    0
                };
            }
        }
    }
    let of = |want: T3Role| rows.iter().copied().find(|&i| role(i) == want).unwrap();
    let (total, received) = (of(T3Role::ResultsTotal), of(T3Role::Received));
    let (over, forward) = (of(T3Role::CarriedOver), of(T3Role::CarriedForward));
    #[allow(clippy::needless_range_loop)] // four rows indexed together, column by column
    for c in 0..6 {
        grid[total][c] = rows
            .iter()
            .filter(|&&i| role(i) == T3Role::Result)
            .map(|&i| grid[i][c])
            .sum();
        grid[over][c] = if rng.chance(0.3) {
            rng.below(grid[total][c] as u64 + 1) as i64
        } else {
            0
        };
        grid[forward][c] = if rng.chance(0.3) { count(rng) } else { 0 };
        grid[received][c] = grid[total][c] + grid[forward][c] - grid[over][c];
    }
    for &i in &rows {
        grid[i][6] = grid[i][..6].iter().sum();
        for (c, v) in grid[i].iter().enumerate() {
            set(&mut r, &l.cell(l.t3(i, c)).path, json!(v));
        }
    }
    // Table 四.
    for b in 0..3 {
        let v: Vec<i64> = (0..4)
            .map(|_| if rng.chance(0.4) { count(rng) } else { 0 })
            .collect();
        for (c, x) in v.iter().enumerate() {
            set(&mut r, &l.cell(l.t4(b, c)).path, json!(x));
        }
        set(
            &mut r,
            &l.cell(l.t4(b, 4)).path,
            json!(v.iter().sum::<i64>()),
        );
    }
    if !consistent {
        // A few cells off by a little, as real published errors are.
        for _ in 0..1 + rng.below(3) {
            let cells: Vec<CellId> = l
                .cells_of(format)
                .filter(|(_, c)| c.table != TableId::Proactive)
                .map(|(id, _)| id)
                .collect();
            let id = *rng.pick(&cells);
            let path = &l.cell(id).path;
            let v = at(&r, path).and_then(Value::as_i64).unwrap_or(0);
            let nv = (v + 1 + rng.below(20) as i64 - 5).max(0);
            set(&mut r, path, json!(if nv == v { v + 1 } else { nv }));
        }
    }
    r
}

// ------------------------------------------------------------------------------------------
// What is printed

/// A printed table row: group label (on a group's first row), label, cells (`None`: blank).
struct PRow {
    group: Option<String>,
    label: String,
    cells: Vec<Option<String>>,
}

/// A caption and header rows before some of the rows (table 二 prints one per block).
struct Block {
    caption: Option<String>,
    header: Vec<String>,
    rows: Vec<PRow>,
}

fn format_of(report: &Value) -> Format {
    match report["format"].as_str() {
        Some("2019") => Format::F2019,
        _ => Format::F2021,
    }
}

fn printed(v: &Value, kind: Kind) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Number(n) => Some(match (kind, n.as_i64(), n.as_f64()) {
            (Kind::Signed, Some(i), _) if i > 0 => format!("+{i}"),
            (_, Some(i), _) => i.to_string(),
            (_, None, Some(f)) => format!("{f}"),
            _ => n.to_string(),
        }),
        other => Some(other.to_string()),
    }
}

/// Whether a printed zero is left blank (shapes that print zeros as nothing).
fn blank_zeros(shape: Shape) -> bool {
    matches!(shape, Shape::HtmlBlanks | Shape::PdfBlanks)
}

fn value_of(report: &Value, id: CellId, shape: Shape) -> Option<String> {
    let c = layout().cell(id);
    let v = at(report, &c.path)?;
    if blank_zeros(shape) && v.as_f64() == Some(0.0) {
        return None;
    }
    printed(v, c.kind)
}

/// Table 二 in the report's layout, block by block.
fn table2(report: &Value, shape: Shape) -> Vec<Block> {
    let f = format_of(report);
    let l = layout();
    let mut blocks: Vec<Block> = Vec::new();
    for row in T2_ROWS.iter().filter(|r| r.formats.has(f)) {
        let cols: Vec<_> = row.columns.iter().filter(|c| c.formats.has(f)).collect();
        let caption = row.group.zh.to_string();
        if blocks
            .last()
            .is_none_or(|b| b.caption.as_deref() != Some(&caption))
        {
            let mut header = vec!["信息内容".to_string()];
            header.extend(cols.iter().map(|c| {
                match (f, c.label_2019) {
                    (Format::F2019, Some(l)) => l.zh,
                    _ => c.label.zh,
                }
                .to_string()
            }));
            blocks.push(Block {
                caption: Some(caption),
                header,
                rows: Vec::new(),
            });
        }
        let label = if row.key == "normativeDocuments" && f == Format::F2019 {
            "规范性文件"
        } else {
            row.label.zh
        };
        let cells = cols
            .iter()
            .map(|c| {
                l.t2(row.key, c.key)
                    .and_then(|id| value_of(report, id, shape))
            })
            .collect();
        if let Some(b) = blocks.last_mut() {
            b.rows.push(PRow {
                group: None,
                label: label.to_string(),
                cells,
            });
        }
    }
    blocks
}

/// Table 三's header words after its corner cell, in reading order.
const T3_HEADER: [&str; 9] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];

const T3_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Table 三: the rows the report has (either form of （六）), each group's label on the
/// group's first row only.
fn table3(report: &Value, shape: Shape) -> Vec<(usize, PRow)> {
    let l = layout();
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, r) in T3_ROWS.iter().enumerate() {
        let ids: Vec<CellId> = (0..7).map(|c| l.t3(i, c)).collect();
        if !ids.iter().any(|&id| at(report, &l.cell(id).path).is_some()) {
            continue;
        }
        let group = r.group.map(|g| g.zh).filter(|g| !seen.contains(g));
        if let Some(g) = group {
            seen.push(g);
        }
        let cells = ids.iter().map(|&id| value_of(report, id, shape)).collect();
        out.push((
            i,
            PRow {
                group: group.map(String::from),
                label: r.label.zh.to_string(),
                cells,
            },
        ));
    }
    out
}

fn table4(report: &Value, shape: Shape) -> Vec<Option<String>> {
    let l = layout();
    (0..3)
        .flat_map(|b| (0..5).map(move |c| (b, c)))
        .map(|(b, c)| value_of(report, l.t4(b, c), shape))
        .collect()
}

const T4_HEAD: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

fn title(report: &Value) -> String {
    format!(
        "{}{}年政府信息公开工作年度报告",
        report["issuer"].as_str().unwrap_or("示例局"),
        report["year"]
    )
}

fn period(report: &Value) -> String {
    let y = &report["year"];
    format!("本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。")
}

const HEADS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];
const OVERVIEW: &str = "本机关认真落实政府信息公开各项要求，依法做好主动公开和依申请公开工作。";
const PROBLEMS: &str = "一是公开内容还不够全面；二是培训还需加强。下一步将完善制度，加强培训。";
const OTHER: &str = "本年度未收取信息处理费。";

// ------------------------------------------------------------------------------------------
// Shapes

pub fn render(report: &Value, shape: Shape, rng: &mut Rng) -> String {
    match shape {
        Shape::Pipes => pipes(report, rng),
        Shape::PerLine => per_line(report),
        Shape::Glued => glued(report, rng),
        Shape::HtmlBlanks => html(report, shape, rng),
        Shape::HtmlNoSpans => html(report, shape, rng),
        Shape::HtmlWord => html(report, shape, rng),
        Shape::HtmlPortal => portal(report, rng),
        Shape::PdfText | Shape::PdfBlanks => pdf(report, shape, rng),
    }
}

/// The title, the 统计期限, part 一 and the heading of part 二, a line each.
fn opening(report: &Value) -> Vec<String> {
    vec![
        title(report),
        period(report),
        HEADS[0].into(),
        OVERVIEW.into(),
        HEADS[1].into(),
    ]
}

fn pipe_row(cells: &[String]) -> String {
    let mut s = cells.join(" | ");
    s.push_str(" |");
    s
}

fn pipes(report: &Value, rng: &mut Rng) -> String {
    let group_cells = rng.chance(0.7);
    let mut out = opening(report);
    for b in table2(report, Shape::Pipes) {
        out.push(format!("{} | |||", b.caption.unwrap_or_default()));
        out.push(pipe_row(&b.header));
        for r in b.rows {
            let mut cells = vec![r.label];
            cells.extend(r.cells.into_iter().map(Option::unwrap_or_default));
            out.push(pipe_row(&cells));
        }
    }
    out.push(HEADS[2].into());
    out.push(format!("{T3_CORNER} | 申请人情况 | ||||||||"));
    out.push("自然人 | 法人或其他组织 | 总计 | |||||||".into());
    out.push("商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||".into());
    for (_, r) in table3(report, Shape::Pipes) {
        let mut cells = Vec::new();
        if let (Some(g), true) = (r.group, group_cells) {
            cells.push(g);
        }
        cells.push(r.label);
        cells.extend(r.cells.into_iter().map(Option::unwrap_or_default));
        out.push(pipe_row(&cells));
    }
    out.push(HEADS[3].into());
    out.push("行政复议 | 行政诉讼 | |||||||||||||".into());
    out.push(format!(
        "{} | 未经复议直接起诉 | 复议后起诉 | ||||||||",
        T4_HEAD.join(" | ")
    ));
    out.push(format!(
        "{} | {} | |||||",
        T4_HEAD.join(" | "),
        T4_HEAD.join(" | ")
    ));
    let t4: Vec<String> = table4(report, Shape::Pipes)
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    out.push(pipe_row(&t4));
    out.extend([
        HEADS[4].into(),
        PROBLEMS.into(),
        HEADS[5].into(),
        OTHER.into(),
    ]);
    out.join("\n")
}

fn per_line(report: &Value) -> String {
    let mut out = opening(report);
    let cell = |out: &mut Vec<String>, s: &str| out.push(format!("{s} |"));
    for b in table2(report, Shape::PerLine) {
        cell(&mut out, &b.caption.unwrap_or_default());
        for h in &b.header {
            cell(&mut out, h);
        }
        for r in b.rows {
            cell(&mut out, &r.label);
            for c in r.cells {
                cell(&mut out, &c.unwrap_or_default());
            }
        }
    }
    out.push(HEADS[2].into());
    for h in std::iter::once(T3_CORNER).chain(T3_HEADER) {
        cell(&mut out, h);
    }
    for (_, r) in table3(report, Shape::PerLine) {
        if let Some(g) = r.group {
            cell(&mut out, &g);
        }
        cell(&mut out, &r.label);
        for c in r.cells {
            cell(&mut out, &c.unwrap_or_default());
        }
    }
    out.push(HEADS[3].into());
    for h in ["行政复议", "行政诉讼"]
        .iter()
        .chain(T4_HEAD.iter())
        .chain(["未经复议直接起诉", "复议后起诉"].iter())
        .chain(T4_HEAD.iter())
        .chain(T4_HEAD.iter())
    {
        cell(&mut out, h);
    }
    for c in table4(report, Shape::PerLine) {
        cell(&mut out, &c.unwrap_or_default());
    }
    out.extend([
        HEADS[4].into(),
        PROBLEMS.into(),
        HEADS[5].into(),
        OTHER.into(),
    ]);
    out.join("\n")
}

/// Stray spaces: between pieces, and now and then inside labels and numbers.
fn stray(s: &str, rng: &mut Rng, inside: f64) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        out.push(ch);
        if rng.chance(inside) {
            out.push(' ');
        }
    }
    out
}

fn glued(report: &Value, rng: &mut Rng) -> String {
    // Most of a crawler's spaces fall between cells; a few inside labels and numbers.
    let between = 0.1 + rng.below(40) as f64 / 100.0;
    let inside = rng.below(4) as f64 / 100.0;
    // A crawler's page holds the title twice (the page's and the report's).
    let mut pieces = vec![title(report)];
    pieces.extend(opening(report));
    for b in table2(report, Shape::Glued) {
        pieces.push(b.caption.unwrap_or_default());
        pieces.extend(b.header);
        for r in b.rows {
            pieces.push(r.label);
            pieces.extend(r.cells.into_iter().flatten());
        }
    }
    pieces.push(HEADS[2].into());
    pieces.push(T3_CORNER.into());
    pieces.extend(T3_HEADER.map(String::from));
    for (_, r) in table3(report, Shape::Glued) {
        pieces.extend(r.group);
        pieces.push(r.label);
        pieces.extend(r.cells.into_iter().flatten());
    }
    pieces.push(HEADS[3].into());
    pieces.extend(["行政复议", "行政诉讼"].map(String::from));
    pieces.extend(T4_HEAD.map(String::from));
    pieces.extend(["未经复议直接起诉", "复议后起诉"].map(String::from));
    for _ in 0..2 {
        pieces.extend(T4_HEAD.map(String::from));
    }
    pieces.extend(table4(report, Shape::Glued).into_iter().flatten());
    pieces.extend([
        HEADS[4].into(),
        PROBLEMS.into(),
        HEADS[5].into(),
        OTHER.into(),
    ]);
    let mut out = String::new();
    for p in pieces {
        if !out.is_empty() && rng.chance(between) {
            out.push(' ');
        }
        out.push_str(&stray(&p, rng, inside));
    }
    out
}

/// A cell's text as Word exports it: runs split across spans, now and then across paragraphs.
fn word(s: &str, rng: &mut Rng, numeric: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out =
        String::from("<p class=\"MsoNormal\" align=\"center\" style=\"text-align:center\">");
    let mut i = 0;
    while i < chars.len() {
        let n = 1 + rng.below(if numeric { 4 } else { 5 }) as usize;
        let piece: String = chars[i..(i + n).min(chars.len())].iter().collect();
        let lang = if numeric { " lang=\"EN-US\"" } else { "" };
        out.push_str(&format!(
            "<span{lang} style=\"font-size:10.5pt;font-family:宋体\">{piece}</span>"
        ));
        i += n;
        // A label broken over paragraphs (商业</p><p>企业), never a number.
        if !numeric && i < chars.len() && rng.chance(0.15) {
            out.push_str("</p><p class=\"MsoNormal\">");
        }
    }
    out.push_str("<o:p></o:p></p>");
    out
}

fn html(report: &Value, shape: Shape, rng: &mut Rng) -> String {
    let spans = shape != Shape::HtmlNoSpans;
    let is_word = shape == Shape::HtmlWord;
    let empty = if rng.chance(0.5) { "&nbsp;" } else { "" };
    let mut rng2 = Rng::new(rng.next());
    let mut cell = move |s: &str, attrs: &str, numeric: bool| -> String {
        let body = if is_word {
            if s.is_empty() {
                "<p class=\"MsoNormal\"><span lang=\"EN-US\">&nbsp;<o:p></o:p></span></p>"
                    .to_string()
            } else {
                word(s, &mut rng2, numeric)
            }
        } else if s.is_empty() {
            empty.to_string()
        } else {
            s.to_string()
        };
        let width = if is_word {
            " width=\"64\" valign=\"center\""
        } else {
            ""
        };
        format!("<td{attrs}{width}>{body}</td>")
    };
    let span = |k: &str, n: usize| {
        if spans && n > 1 {
            format!(" {k}=\"{n}\"")
        } else {
            String::new()
        }
    };
    let mut out = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>");
    out.push_str(&title(report));
    out.push_str("</title></head><body>");
    if is_word {
        // The portal's metadata table before the report, and the report nested in divs.
        out.push_str(&format!(
            "<table class=\"xxgk-meta\"><tr><td>索引号</td><td>11320800MB1234567X/2025-00012</td><td>发布机构</td><td>{}</td></tr><tr><td>名称</td><td>{}</td><td>主题分类</td><td>政务公开</td></tr></table><div class=\"main\"><div class=\"content\"><div class=\"TRS_Editor\">",
            report["issuer"].as_str().unwrap_or(""),
            title(report)
        ));
    }
    out.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        title(report),
        period(report)
    ));
    out.push_str(&format!(
        "<h2>{}</h2><p>{}</p><h2>{}</h2>",
        HEADS[0], OVERVIEW, HEADS[1]
    ));
    // Table 二.
    out.push_str("<table border=\"1\">");
    for b in table2(report, shape) {
        let w = b.header.len();
        out.push_str(&format!(
            "<tr>{}</tr>",
            cell(&b.caption.unwrap_or_default(), &span("colspan", w), false)
        ));
        out.push_str("<tr>");
        for h in &b.header {
            out.push_str(&cell(h, "", false));
        }
        out.push_str("</tr>");
        for r in b.rows {
            out.push_str("<tr>");
            out.push_str(&cell(&r.label, "", false));
            for c in r.cells {
                out.push_str(&cell(&c.unwrap_or_default(), "", true));
            }
            out.push_str("</tr>");
        }
    }
    out.push_str("</table>");
    // Table 三.
    out.push_str(&format!("<h2>{}</h2><table border=\"1\">", HEADS[2]));
    out.push_str(&format!(
        "<tr>{}{}</tr>",
        cell(
            T3_CORNER,
            &format!("{}{}", span("colspan", 3), span("rowspan", 3)),
            false
        ),
        cell("申请人情况", &span("colspan", 7), false)
    ));
    out.push_str(&format!(
        "<tr>{}{}{}</tr>",
        cell("自然人", &span("rowspan", 2), false),
        cell("法人或其他组织", &span("colspan", 5), false),
        cell("总计", &span("rowspan", 2), false)
    ));
    out.push_str("<tr>");
    for h in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        out.push_str(&cell(h, "", false));
    }
    out.push_str("</tr>");
    let rows = table3(report, shape);
    let group_of = |i: usize| T3_ROWS[i].group.map(|g| g.zh);
    let results = "三、本年度办理结果";
    for (k, (i, r)) in rows.iter().enumerate() {
        out.push_str("<tr>");
        match group_of(*i) {
            None => out.push_str(&cell(&r.label, &span("colspan", 3), false)),
            Some(g) => {
                // The results group spans every result row; a sub-group spans its own rows.
                if k == rows
                    .iter()
                    .position(|(j, _)| group_of(*j).is_some())
                    .unwrap_or(k)
                {
                    let n = rows.iter().filter(|(j, _)| group_of(*j).is_some()).count();
                    out.push_str(&cell(results, &span("rowspan", n), false));
                }
                if g == results {
                    out.push_str(&cell(&r.label, &span("colspan", 2), false));
                } else {
                    if let Some(sub) = r.group.as_deref().filter(|s| *s != results) {
                        let n = rows.iter().filter(|(j, _)| group_of(*j) == Some(g)).count();
                        out.push_str(&cell(sub, &span("rowspan", n), false));
                    }
                    out.push_str(&cell(&r.label, "", false));
                }
            }
        }
        for c in &r.cells {
            out.push_str(&cell(&c.clone().unwrap_or_default(), "", true));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    // Table 四.
    out.push_str(&format!("<h2>{}</h2><table border=\"1\">", HEADS[3]));
    out.push_str(&format!(
        "<tr>{}{}</tr>",
        cell("行政复议", &span("colspan", 5), false),
        cell("行政诉讼", &span("colspan", 10), false)
    ));
    out.push_str("<tr>");
    for h in T4_HEAD {
        out.push_str(&cell(h, &span("rowspan", 2), false));
    }
    out.push_str(&format!(
        "{}{}</tr><tr>",
        cell("未经复议直接起诉", &span("colspan", 5), false),
        cell("复议后起诉", &span("colspan", 5), false)
    ));
    for _ in 0..2 {
        for h in T4_HEAD {
            out.push_str(&cell(h, "", false));
        }
    }
    out.push_str("</tr><tr>");
    for c in table4(report, shape) {
        out.push_str(&cell(&c.unwrap_or_default(), "", true));
    }
    out.push_str("</tr></table>");
    out.push_str(&format!(
        "<h2>{}</h2><p>{}</p><h2>{}</h2><p>{}</p>",
        HEADS[4], PROBLEMS, HEADS[5], OTHER
    ));
    if is_word {
        out.push_str("</div></div></div>");
    }
    out.push_str("</body></html>");
    out
}

/// The Word-exported page inside a portal's chrome: nested menus of links, the site's other
/// years' reports and news as lists of links (years, issue numbers and counts in them), a table
/// of contents of the part headings (a list of links, or paragraphs), a drop-down of links, a footer with the
/// site's numbers. None of it is the report's, and none of it may be read as its cells.
fn portal(report: &Value, rng: &mut Rng) -> String {
    let page = html(report, Shape::HtmlWord, rng);
    let year = report["year"].as_i64().unwrap_or(2024);
    let link =
        |text: &str, n: u64| format!("<a href=\"/{n}/index.html\" target=\"_blank\">{text}</a>");
    let mut menu = String::from("<div class=\"nav\"><ul>");
    for (i, name) in [
        "首页",
        "政务公开",
        "政府信息公开年报",
        "政务服务",
        "互动交流",
    ]
    .iter()
    .enumerate()
    {
        menu.push_str(&format!(
            "<li class=\"nav-item\">{}<ul class=\"sub\">",
            link(name, i as u64)
        ));
        for j in 0..1 + rng.below(4) {
            menu.push_str(&format!(
                "<li>{}</li>",
                link(&format!("第{}栏目", j + 1), j)
            ));
        }
        menu.push_str("</ul></li>");
    }
    menu.push_str("</ul></div>");
    // Other years' reports of the same issuer, and news with figures in their titles.
    let mut related = String::from("<div class=\"related\"><h3>相关信息</h3><ul>");
    for y in [year - 1, year - 2, year - 3] {
        related.push_str(&format!(
            "<li>{}</li>",
            link(
                &format!(
                    "{}{y}年政府信息公开工作年度报告",
                    report["issuer"].as_str().unwrap_or("")
                ),
                y as u64
            )
        ));
    }
    related.push_str(&format!(
        "<li><a href=\"/n/1.html\">全年受理申请{}件 办结率100%</a></li><li><a href=\"/n/2.html\">第{}期政务公开简报</a></li></ul></div>",
        10 + rng.below(90),
        1 + rng.below(12)
    ));
    // The contents as a list of links, or as paragraphs (of links or not) that no list marks.
    let item = *rng.pick(&[
        "<li><a href=\"#part{i}\">{h}</a></li>",
        "<p><a href=\"#part{i}\">{h}</a></p>",
        "<p>{h}</p>",
    ]);
    let toc: String = HEADS
        .iter()
        .enumerate()
        .map(|(i, h)| item.replace("{i}", &i.to_string()).replace("{h}", h))
        .collect();
    let toc = if item.starts_with("<li>") {
        format!("<ol class=\"toc\">{toc}</ol>")
    } else {
        format!("<div class=\"toc\">{toc}</div>")
    };
    let select = "<select onchange=\"location=this.value\"><option value=\"\">--部门网站--</option><option value=\"/1\">示例市统计局</option><option value=\"/2\">示例市财政局</option></select>";
    let footer = format!(
        "<div class=\"footer\"><ul class=\"links\"><li>{}</li><li>{}</li></ul><p>主办单位：示例市人民政府办公室</p><p>网站标识码：{} 示ICP备{}号</p></div>",
        link("网站地图", 90),
        link("联系我们", 91),
        3_208_000_000 + rng.below(1000),
        10_000_000 + rng.below(1000)
    );
    let body_at = page.find("<body>").map_or(0, |i| i + "<body>".len());
    let end_at = page.rfind("</body>").unwrap_or(page.len());
    format!(
        "{}{menu}<div class=\"crumbs\">当前位置：{} &gt; {}</div>{select}{toc}{}{related}{footer}{}",
        &page[..body_at],
        link("首页", 0),
        link("政府信息公开年报", 2),
        &page[body_at..end_at],
        &page[end_at..]
    )
}

/// Pad `s` to `width` characters (each character one column, as pdftotext counts them).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    let mut out = s.to_string();
    for _ in n..width.max(n + 1) {
        out.push(' ');
    }
    out
}

/// Cut a label into pieces of about `n` characters.
fn wrap(s: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(n.max(2)).map(|c| c.iter().collect()).collect()
}

fn pdf(report: &Value, shape: Shape, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = vec![
        title(report),
        period(report),
        String::new(),
        format!("    {}", HEADS[0]),
        OVERVIEW.into(),
        String::new(),
        format!("    {}", HEADS[1]),
    ];
    // Numbers stand in columns from `x0`, `step` apart, left- or right-aligned.
    let x0 = 34;
    let step = 9 + rng.below(3) as usize;
    let right = rng.chance(0.5);
    let numbers = |cells: &[Option<String>]| -> String {
        let mut s = String::new();
        for (k, c) in cells.iter().enumerate() {
            let v = c.clone().unwrap_or_default();
            let start = if right {
                k * step + step - v.chars().count()
            } else {
                k * step
            };
            while s.chars().count() < start {
                s.push(' ');
            }
            if !s.is_empty() && !s.ends_with("  ") && !v.is_empty() {
                s.push_str("  ");
            }
            s.push_str(&v);
        }
        s
    };
    let row_line = |label: &str, cells: &[Option<String>]| -> String {
        format!("{}{}", pad(label, x0), numbers(cells))
    };
    for b in table2(report, shape) {
        lines.push(
            b.caption
                .unwrap_or_default()
                .replace('第', "第 ")
                .replacen("第 二", "第二", 1),
        );
        lines.push(String::new());
        lines.push(format!(
            "{}{}",
            pad("信息内容", x0),
            b.header[1..].join("     ")
        ));
        lines.push(String::new());
        for r in b.rows {
            lines.push(row_line(&r.label, &r.cells));
            lines.push(String::new());
        }
    }
    lines.push(format!("      {}", HEADS[2]));
    // A header as pdftotext scatters it.
    lines.push(format!("{}申请人情况", " ".repeat(57)));
    lines.push(format!(
        "（本列数据的勾稽关系为：第一项加第二项之和，{}法人或其他组织",
        " ".repeat(18)
    ));
    lines.push("等于第三项加第四项之和）".into());
    lines.push(format!("{}自然人{}总计", " ".repeat(31), " ".repeat(46)));
    lines.push(format!(
        "{}商业企      科研机     社会公益     法律服务",
        " ".repeat(40)
    ));
    lines.push(format!("{}其他", " ".repeat(75)));
    lines.push(format!(
        "{}业        构       组织       机构",
        " ".repeat(40)
    ));
    lines.push(String::new());
    let mut vertical: Vec<String> = "三、本年度办理结果".chars().map(String::from).collect();
    vertical.reverse();
    for (i, r) in table3(report, shape) {
        let indent = if T3_ROWS[i].group.is_some() {
            "      "
        } else {
            ""
        };
        let label = format!("{indent}{}", r.label);
        // Long labels wrap: the numbers on the first, middle or last line.
        let pieces = if label.chars().count() > 22 {
            wrap(&label, 14 + rng.below(6) as usize)
        } else {
            vec![label.clone()]
        };
        let at = rng.below(pieces.len() as u64) as usize;
        for (k, p) in pieces.iter().enumerate() {
            let mut p = p.clone();
            if k > 0 {
                p = format!("{indent}{}", p.trim_start());
            }
            let line = if k == at { row_line(&p, &r.cells) } else { p };
            // The group labels: the results group one character a line, sub-groups in two
            // pieces before the rows' labels.
            let lead = match (&r.group, k) {
                (Some(g), 0) if g != "三、本年度办理结果" => {
                    let half = g.chars().count() / 2;
                    let a: String = g.chars().take(half).collect();
                    let b: String = g.chars().skip(half).collect();
                    lines.push(format!("     {a}"));
                    Some(format!("     {b}"))
                }
                _ => None,
            };
            if let Some(v) = vertical.pop().filter(|_| rng.chance(0.5)) {
                lines.push(v);
            }
            lines.push(line);
            if let Some(l) = lead {
                lines.push(l);
            }
            if rng.chance(0.06) {
                // A page break inside the table.
                lines.push(String::new());
                lines.push(format!(
                    "{}{}",
                    " ".repeat(40),
                    rng.pick(&["— 5 —", "-3-", "- 4 -", "第 2 页"])
                ));
            }
            if rng.chance(0.04) {
                // A stray number: a bare page number, a footnote mark.
                let at = 20 + rng.below(60) as usize;
                lines.push(format!("{}{}", " ".repeat(at), 1 + rng.below(30)));
            }
        }
        lines.push(String::new());
    }
    lines.push(format!("    {}", HEADS[3]));
    lines.push(format!(
        "{}行政复议{}行政诉讼",
        " ".repeat(12),
        " ".repeat(40)
    ));
    lines.push(format!(
        "{}未经复议直接起诉{}复议后起诉",
        " ".repeat(50),
        " ".repeat(20)
    ));
    lines.push("结 结 其 尚                结 结 其 尚               结 结 其 尚".into());
    lines.push("果 果 他 未   总           果 果 他 未   总          果 果 他 未   总".into());
    lines.push("维 纠 结 审   计           维 纠 结 审   计          维 纠 结 审   计".into());
    lines.push("持 正 果 结                持 正 果 结               持 正 果 结".into());
    lines.push(String::new());
    let t4 = table4(report, shape);
    let mut s = String::new();
    for c in t4 {
        let v = c.unwrap_or_default();
        let w = 5usize;
        s.push_str(&pad(&v, w));
    }
    lines.push(s);
    lines.push(String::new());
    lines.extend([
        format!("    {}", HEADS[4]),
        PROBLEMS.into(),
        format!("    {}", HEADS[5]),
        OTHER.into(),
    ]);
    lines.join("\n")
}

// ------------------------------------------------------------------------------------------
// Reading back

/// How a cell came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    /// Equal to the source.
    Exact,
    /// Not equal (or not read), and a diagnostic names it.
    Named,
    /// Not equal, and no diagnostic names it: the failure that must never happen.
    Silent,
}

fn same(source: Option<&Value>, read: &CellState) -> bool {
    match (source, read) {
        (None, CellState::Absent) => true,
        (Some(Value::Null), CellState::Blank { .. }) => true,
        (Some(v), CellState::Value(n)) => {
            let r = match n {
                Num::Int(i) => *i as f64,
                Num::Dec(f) => *f,
            };
            v.as_f64().is_some_and(|s| (s - r).abs() < 1e-9)
        }
        _ => false,
    }
}

/// Every table cell of the catalogue: how it came back. A cell is named when a diagnostic is
/// at it or lists it among its cells.
pub fn compare(source: &Value, read: &Report, diags: &[Diagnostic]) -> Vec<(String, Back)> {
    let l = layout();
    l.cells
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let s = at(source, &c.path);
            let r = read.cell(id as CellId);
            let back = if same(s, r) {
                Back::Exact
            } else if diags
                .iter()
                .any(|d| d.path == c.path || d.related.iter().any(|p| p == &c.path))
            {
                Back::Named
            } else {
                Back::Silent
            };
            (c.path.clone(), back)
        })
        .collect()
}

/// Cells of tables 三 and 四 in the source (what the bench's share counts).
pub fn is_t34(path: &str) -> bool {
    path.starts_with("/applications") || path.starts_with("/reviewLitigation")
}

/// Whether every sum of the source holds (a clean report: no rule error is right on it).
pub fn consistent(source: &Value) -> bool {
    let r = xxgknb::validate(source, &xxgknb::Options::default());
    !r.diagnostics
        .iter()
        .any(|d| d.rule.starts_with("t3-") || d.rule == "t4-total")
}
