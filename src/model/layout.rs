//! The catalogue of every cell of tables 二, 三 and 四 in both national layouts: paths, labels
//! in both locales, value kinds. It is the single source of truth for decoding, messages,
//! `cells()`, the JSON Schema and the readers' label matching.

use crate::prelude::*;

use crate::base::text::text;
#[cfg(all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std")))]
use crate::no_std::OnceLock;
use serde::Serialize;
#[cfg(not(all(target_arch = "wasm32", feature = "lite-wasm", not(feature = "std"))))]
use std::sync::OnceLock;

/// The national layout a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Format {
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    #[serde(rename = "2019")]
    F2019,
    /// 国办公开办函〔2021〕30号: reports for 2021 onward.
    #[serde(rename = "2021")]
    F2021,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::F2019 => "2019",
            Format::F2021 => "2021",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "2019" => Some(Format::F2019),
            "2021" => Some(Format::F2021),
            _ => None,
        }
    }

    /// The layout in force for a report year.
    pub fn for_year(year: i32) -> Format {
        if year <= 2020 {
            Format::F2019
        } else {
            Format::F2021
        }
    }

    pub fn other(self) -> Format {
        match self {
            Format::F2019 => Format::F2021,
            Format::F2021 => Format::F2019,
        }
    }
}

/// Which layouts a cell belongs to.
#[derive(Clone, Copy, Debug, Eq)]
pub enum Formats {
    Both,
    Only(Format),
}

// By hand, to be inlined: rules compare every cell's `Formats`, and the lite build (optimised
// for size) leaves a derived `eq` as a call.
impl PartialEq for Formats {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Formats::Both, Formats::Both) => true,
            (Formats::Only(a), Formats::Only(b)) => *a as u8 == *b as u8,
            _ => false,
        }
    }
}

impl Formats {
    /// Whether a cell of these layouts belongs to `f`.
    pub fn has(self, f: Format) -> bool {
        match self {
            Formats::Both => true,
            Formats::Only(g) => g as u8 == f as u8,
        }
    }
}

/// What a cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A non-negative integer.
    Count,
    /// An integer that may be negative (2019 本年增/减).
    Signed,
    /// A decimal amount of money.
    Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TableId {
    Proactive,
    Applications,
    ReviewLitigation,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Signed => "signed",
            Kind::Money => "money",
        }
    }
}

impl TableId {
    pub fn key(self) -> &'static str {
        match self {
            TableId::Proactive => "proactive",
            TableId::Applications => "applications",
            TableId::ReviewLitigation => "reviewLitigation",
        }
    }

    pub fn label(self) -> Label {
        match self {
            TableId::Proactive => Label::new("二、主动公开政府信息情况", "2. Proactive disclosure"),
            TableId::Applications => Label::new(
                "三、收到和处理政府信息公开申请情况",
                "3. Applications received and handled",
            ),
            TableId::ReviewLitigation => Label::new(
                "四、政府信息公开行政复议、行政诉讼情况",
                "4. Administrative review and litigation",
            ),
        }
    }

    /// How messages name the table: 表三 / table 3.
    pub fn short(self) -> Label {
        match self {
            TableId::Proactive => Label::new("表二", "table 2"),
            TableId::Applications => Label::new("表三", "table 3"),
            TableId::ReviewLitigation => Label::new("表四", "table 4"),
        }
    }
}

/// A label in both locales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    #[serde(rename = "zh-CN")]
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Label {
        Label { zh, en }
    }
}

/// Index of a cell in the catalogue.
pub type CellId = u16;

/// One cell of the catalogue.
#[derive(Debug)]
pub struct CellDef {
    pub path: String,
    pub table: TableId,
    pub group: Option<Label>,
    pub row: Label,
    pub column: Label,
    /// The 2019 layout's own column label where it differs (处理决定数量 vs 本年处理决定数量).
    pub column_2019: Option<Label>,
    pub kind: Kind,
    /// The unit the model stores: 万元 or 元 for money, none for counts.
    pub unit: Option<&'static str>,
    pub formats: Formats,
    /// How messages name the cell, e.g. 表三「（七）总计」行「自然人」列.
    pub name_zh: String,
    pub name_en: String,
    /// How messages name the cell's row, e.g. 表三「（六）其他处理」行.
    pub row_name_zh: String,
    pub row_name_en: String,
}

impl CellDef {
    pub fn column_for(&self, format: Format) -> Label {
        match (format, self.column_2019) {
            (Format::F2019, Some(l)) => l,
            _ => self.column,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Table 三

/// What a row of table 三 is, for the arithmetic rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T3Role {
    Received,
    CarriedOver,
    /// One of the mutually exclusive result sub-items that add up to （七）总计.
    Result,
    ResultsTotal,
    CarriedForward,
}

pub struct T3Row {
    /// Path below `/applications`.
    pub key: &'static str,
    pub group: Option<Label>,
    pub label: Label,
    /// Shorter label for messages, where the official one is a paragraph.
    pub short: Option<Label>,
    pub role: T3Role,
    pub formats: Formats,
}

const RESULTS: Label = Label::new("三、本年度办理结果", "3. Results this year");
const WITHHELD: Label = Label::new("（三）不予公开", "(3) Not disclosed");
const UNAVAILABLE: Label = Label::new("（四）无法提供", "(4) Cannot be provided");
const NOT_PROCESSED: Label = Label::new("（五）不予处理", "(5) Not processed");
const OTHER_HANDLING: Label = Label::new("（六）其他处理", "(6) Other handling");

const fn row(
    key: &'static str,
    group: Option<Label>,
    zh: &'static str,
    en: &'static str,
    role: T3Role,
) -> T3Row {
    T3Row {
        key,
        group,
        label: Label::new(zh, en),
        short: None,
        role,
        formats: Formats::Both,
    }
}

const fn result(key: &'static str, group: Label, zh: &'static str, en: &'static str) -> T3Row {
    row(key, Some(group), zh, en, T3Role::Result)
}

pub static T3_ROWS: [T3Row; 26] = [
    row(
        "received",
        None,
        "一、本年新收政府信息公开申请数量",
        "1. New applications received this year",
        T3Role::Received,
    ),
    row(
        "carriedOver",
        None,
        "二、上年结转政府信息公开申请数量",
        "2. Applications carried over from last year",
        T3Role::CarriedOver,
    ),
    result(
        "results/granted",
        RESULTS,
        "（一）予以公开",
        "(1) Disclosed",
    ),
    T3Row {
        key: "results/partiallyGranted",
        group: Some(RESULTS),
        label: Label::new(
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "(2) Partly disclosed (count separable requests here only)",
        ),
        short: Some(Label::new("（二）部分公开", "(2) Partly disclosed")),
        role: T3Role::Result,
        formats: Formats::Both,
    },
    result(
        "results/withheld/stateSecret",
        WITHHELD,
        "1.属于国家秘密",
        "1. State secret",
    ),
    result(
        "results/withheld/prohibitedByLaw",
        WITHHELD,
        "2.其他法律行政法规禁止公开",
        "2. Prohibited by other laws or regulations",
    ),
    result(
        "results/withheld/endangersSecurity",
        WITHHELD,
        "3.危及“三安全一稳定”",
        "3. Endangers the \"three securities and one stability\"",
    ),
    result(
        "results/withheld/thirdPartyRights",
        WITHHELD,
        "4.保护第三方合法权益",
        "4. Protects third parties' lawful rights",
    ),
    result(
        "results/withheld/internalAffairs",
        WITHHELD,
        "5.属于三类内部事务信息",
        "5. Internal affairs information",
    ),
    result(
        "results/withheld/processInformation",
        WITHHELD,
        "6.属于四类过程性信息",
        "6. Process information",
    ),
    result(
        "results/withheld/enforcementFiles",
        WITHHELD,
        "7.属于行政执法案卷",
        "7. Administrative enforcement files",
    ),
    result(
        "results/withheld/administrativeQuery",
        WITHHELD,
        "8.属于行政查询事项",
        "8. Administrative query matters",
    ),
    result(
        "results/unavailable/notHeld",
        UNAVAILABLE,
        "1.本机关不掌握相关政府信息",
        "1. Not held by this body",
    ),
    result(
        "results/unavailable/needsCreation",
        UNAVAILABLE,
        "2.没有现成信息需要另行制作",
        "2. Would have to be newly created",
    ),
    result(
        "results/unavailable/stillUnclear",
        UNAVAILABLE,
        "3.补正后申请内容仍不明确",
        "3. Still unclear after correction",
    ),
    result(
        "results/notProcessed/petitionComplaint",
        NOT_PROCESSED,
        "1.信访举报投诉类申请",
        "1. Petitions, reports and complaints",
    ),
    result(
        "results/notProcessed/duplicate",
        NOT_PROCESSED,
        "2.重复申请",
        "2. Repeated application",
    ),
    result(
        "results/notProcessed/publication",
        NOT_PROCESSED,
        "3.要求提供公开出版物",
        "3. Request for public publications",
    ),
    result(
        "results/notProcessed/excessive",
        NOT_PROCESSED,
        "4.无正当理由大量反复申请",
        "4. Mass repeated applications without good reason",
    ),
    result(
        "results/notProcessed/reconfirmation",
        NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
        "5. Request to confirm or re-issue information already obtained",
    ),
    T3Row {
        key: "results/otherHandling",
        group: Some(RESULTS),
        label: Label::new("（六）其他处理", "(6) Other handling"),
        short: None,
        role: T3Role::Result,
        formats: Formats::Only(Format::F2019),
    },
    T3Row {
        key: "results/otherHandling/overdueCorrection",
        group: Some(OTHER_HANDLING),
        label: Label::new(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1. Applicant did not supply corrections in time; no longer processed",
        ),
        short: Some(Label::new(
            "1.申请人逾期不补正",
            "1. Corrections not supplied in time",
        )),
        role: T3Role::Result,
        formats: Formats::Only(Format::F2021),
    },
    T3Row {
        key: "results/otherHandling/unpaidFee",
        group: Some(OTHER_HANDLING),
        label: Label::new(
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2. Applicant did not pay the fee in time; no longer processed",
        ),
        short: Some(Label::new("2.申请人逾期未缴费", "2. Fee not paid in time")),
        role: T3Role::Result,
        formats: Formats::Only(Format::F2021),
    },
    T3Row {
        key: "results/otherHandling/other",
        group: Some(OTHER_HANDLING),
        label: Label::new("3.其他", "3. Other"),
        short: None,
        role: T3Role::Result,
        formats: Formats::Only(Format::F2021),
    },
    row(
        "results/total",
        Some(RESULTS),
        "（七）总计",
        "(7) Total",
        T3Role::ResultsTotal,
    ),
    row(
        "carriedForward",
        None,
        "四、结转下年度继续办理",
        "4. Carried forward to next year",
        T3Role::CarriedForward,
    ),
];

pub static T3_COLUMNS: [(&str, Label); 7] = [
    ("natural", Label::new("自然人", "natural persons")),
    (
        "commercial",
        Label::new("商业企业", "commercial enterprises"),
    ),
    ("research", Label::new("科研机构", "research institutions")),
    (
        "socialWelfare",
        Label::new("社会公益组织", "social welfare organisations"),
    ),
    (
        "legalService",
        Label::new("法律服务机构", "legal service providers"),
    ),
    ("otherOrg", Label::new("其他", "other organisations")),
    ("total", Label::new("总计", "total")),
];

/// Index of the 总计 column in `T3_COLUMNS`.
pub const T3_TOTAL_COL: usize = 6;
const ORGS: Label = Label::new("法人或其他组织", "legal persons or other organisations");

// ---------------------------------------------------------------------------------------------
// Table 四

pub static T4_BLOCKS: [(&str, Label); 3] = [
    ("review", Label::new("行政复议", "administrative review")),
    (
        "litigationDirect",
        Label::new(
            "行政诉讼·未经复议直接起诉",
            "litigation without prior review",
        ),
    ),
    (
        "litigationAfterReview",
        Label::new("行政诉讼·复议后起诉", "litigation after review"),
    ),
];

pub static T4_COLUMNS: [(&str, Label); 5] = [
    ("upheld", Label::new("结果维持", "upheld")),
    ("corrected", Label::new("结果纠正", "corrected")),
    ("other", Label::new("其他结果", "other result")),
    ("pending", Label::new("尚未审结", "pending")),
    ("total", Label::new("总计", "total")),
];

/// Index of the 总计 column in `T4_COLUMNS`.
pub const T4_TOTAL_COL: usize = 4;

// ---------------------------------------------------------------------------------------------
// Table 二

pub struct T2Column {
    pub key: &'static str,
    pub label: Label,
    pub label_2019: Option<Label>,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub formats: Formats,
}

pub struct T2Row {
    pub key: &'static str,
    pub group: Label,
    pub label: Label,
    pub formats: Formats,
    pub columns: &'static [T2Column],
}

const fn col(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    kind: Kind,
    f: Formats,
) -> T2Column {
    T2Column {
        key,
        label: Label::new(zh, en),
        label_2019: None,
        kind,
        unit: None,
        formats: f,
    }
}

const F19: Formats = Formats::Only(Format::F2019);
const F21: Formats = Formats::Only(Format::F2021);

static DOCS_COLUMNS: [T2Column; 6] = [
    col("made", "本年新制作数量", "made this year", Kind::Count, F19),
    col(
        "published",
        "本年新公开数量",
        "newly published this year",
        Kind::Count,
        F19,
    ),
    col(
        "total",
        "对外公开总数量",
        "total published",
        Kind::Count,
        F19,
    ),
    col(
        "issued",
        "本年制发件数",
        "issued this year",
        Kind::Count,
        F21,
    ),
    col(
        "repealed",
        "本年废止件数",
        "repealed this year",
        Kind::Count,
        F21,
    ),
    col("inForce", "现行有效件数", "in force", Kind::Count, F21),
];

const DECISIONS: T2Column = T2Column {
    key: "decisions",
    label: Label::new("本年处理决定数量", "decisions this year"),
    label_2019: Some(Label::new("处理决定数量", "decisions")),
    kind: Kind::Count,
    unit: None,
    formats: Formats::Both,
};

// 2019 （五）（六）（八）: last year's item count and this year's signed change.
const PREVIOUS_ITEMS: T2Column = col(
    "previousItems",
    "上一年项目数量",
    "items last year",
    Kind::Count,
    F19,
);
const CHANGE: T2Column = col("change", "本年增/减", "change this year", Kind::Signed, F19);

static ITEMS_COLUMNS: [T2Column; 3] = [PREVIOUS_ITEMS, CHANGE, DECISIONS];

static ITEMS_2019_ONLY: [T2Column; 3] = [
    PREVIOUS_ITEMS,
    CHANGE,
    col("decisions", "处理决定数量", "decisions", Kind::Count, F19),
];

static FEES_COLUMNS: [T2Column; 3] = [
    PREVIOUS_ITEMS,
    CHANGE,
    T2Column {
        key: "amount",
        label: Label::new(
            "本年收费金额（单位：万元）",
            "fees collected this year (10,000 yuan)",
        ),
        label_2019: None,
        kind: Kind::Money,
        unit: Some("万元"),
        formats: F21,
    },
];

static PROCUREMENT_COLUMNS: [T2Column; 2] = [
    col(
        "projects",
        "采购项目数量",
        "procurement projects",
        Kind::Count,
        F19,
    ),
    T2Column {
        key: "amount",
        label: Label::new("采购总金额", "total procurement amount"),
        label_2019: None,
        kind: Kind::Money,
        unit: Some("元"),
        formats: F19,
    },
];

const ART_1: Label = Label::new("第二十条第（一）项", "Article 20 (1)");
const ART_5: Label = Label::new("第二十条第（五）项", "Article 20 (5)");
const ART_6: Label = Label::new("第二十条第（六）项", "Article 20 (6)");
const ART_8: Label = Label::new("第二十条第（八）项", "Article 20 (8)");
const ART_9: Label = Label::new("第二十条第（九）项", "Article 20 (9)");

pub static T2_ROWS: [T2Row; 8] = [
    T2Row {
        key: "regulations",
        group: ART_1,
        label: Label::new("规章", "regulations"),
        formats: Formats::Both,
        columns: &DOCS_COLUMNS,
    },
    T2Row {
        key: "normativeDocuments",
        group: ART_1,
        label: Label::new("行政规范性文件", "normative documents"),
        formats: Formats::Both,
        columns: &DOCS_COLUMNS,
    },
    T2Row {
        key: "licensing",
        group: ART_5,
        label: Label::new("行政许可", "administrative licensing"),
        formats: Formats::Both,
        columns: &ITEMS_COLUMNS,
    },
    T2Row {
        key: "otherServices",
        group: ART_5,
        label: Label::new("其他对外管理服务事项", "other external management services"),
        formats: F19,
        columns: &ITEMS_2019_ONLY,
    },
    T2Row {
        key: "punishment",
        group: ART_6,
        label: Label::new("行政处罚", "administrative penalties"),
        formats: Formats::Both,
        columns: &ITEMS_COLUMNS,
    },
    T2Row {
        key: "enforcement",
        group: ART_6,
        label: Label::new("行政强制", "administrative coercion"),
        formats: Formats::Both,
        columns: &ITEMS_COLUMNS,
    },
    T2Row {
        key: "fees",
        group: ART_8,
        label: Label::new("行政事业性收费", "administrative fees"),
        formats: Formats::Both,
        columns: &FEES_COLUMNS,
    },
    T2Row {
        key: "procurement",
        group: ART_9,
        label: Label::new("政府集中采购", "government procurement"),
        formats: F19,
        columns: &PROCUREMENT_COLUMNS,
    },
];

/// The 2019 layout calls it 规范性文件.
pub const NORMATIVE_2019: Label = Label::new("规范性文件", "normative documents");

// ---------------------------------------------------------------------------------------------
// The catalogue

/// A node of the key tree that decoding walks.
#[derive(Debug)]
pub struct Node {
    pub key: String,
    /// JSON Pointer from the report (keys need no escaping).
    pub path: String,
    pub children: Vec<usize>,
    /// The children ordered by key, as a JSON writer with sorted keys lists them.
    pub children_by_key: Vec<usize>,
    pub cell: Option<CellId>,
}

pub struct Layout {
    pub cells: Vec<CellDef>,
    /// Key tree; node 0 is the report root (only its table children are listed).
    pub nodes: Vec<Node>,
    t3_base: usize,
    t4_base: usize,
    /// Cell ids sorted by path, for `find`.
    by_path: Vec<CellId>,
}

impl Layout {
    pub fn cell(&self, id: CellId) -> &CellDef {
        &self.cells[id as usize]
    }

    /// The cell of table 三 at `T3_ROWS[row]`, `T3_COLUMNS[col]`.
    pub fn t3(&self, row: usize, col: usize) -> CellId {
        (self.t3_base + row * T3_COLUMNS.len() + col) as CellId
    }

    /// The cell of table 四 at `T4_BLOCKS[block]`, `T4_COLUMNS[col]`.
    pub fn t4(&self, block: usize, col: usize) -> CellId {
        (self.t4_base + block * T4_COLUMNS.len() + col) as CellId
    }

    /// Where a cell sits in table 三, if it is there.
    pub fn t3_position(&self, id: CellId) -> Option<(usize, usize)> {
        let i = (id as usize).checked_sub(self.t3_base)?;
        let n = T3_COLUMNS.len();
        (i < T3_ROWS.len() * n).then_some((i / n, i % n))
    }

    /// Table 二 cells, in layout order.
    pub fn t2_cells(&self) -> core::ops::Range<usize> {
        0..self.t3_base
    }

    /// The table 二 cell `/proactive/{row}/{column}`, found without building its path: table 二
    /// is laid out row by row from `T2_ROWS`, so the id is counted along the catalogue.
    pub fn t2(&self, row: &str, column: &str) -> Option<CellId> {
        let mut id = 0;
        for r in &T2_ROWS {
            if r.key == row {
                let k = r.columns.iter().position(|c| c.key == column)?;
                return Some((id + k) as CellId);
            }
            id += r.columns.len();
        }
        None
    }

    pub fn find(&self, path: &str) -> Option<CellId> {
        self.by_path
            .binary_search_by(|&i| self.cells[i as usize].path.as_str().cmp(path))
            .ok()
            .map(|k| self.by_path[k])
    }

    /// The cells of one layout, in the order of the official tables.
    pub fn cells_of(&self, format: Format) -> impl Iterator<Item = (CellId, &CellDef)> + '_ {
        self.cells
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.formats.has(format))
            .map(|(i, c)| (i as CellId, c))
    }

    /// Rows of table 三 that hold results in this layout (they add up to （七）总计).
    pub fn t3_result_rows(format: Format) -> impl Iterator<Item = usize> {
        T3_ROWS
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.role == T3Role::Result && r.formats.has(format))
            .map(|(i, _)| i)
    }

    pub fn t3_row_of_role(role: T3Role) -> usize {
        T3_ROWS.iter().position(|r| r.role == role).unwrap_or(0)
    }

    fn child(&mut self, parent: usize, key: &str) -> usize {
        if let Some(&c) = self.nodes[parent]
            .children
            .iter()
            .find(|&&c| self.nodes[c].key == key)
        {
            return c;
        }
        let path = text!("{}/{key}", self.nodes[parent].path, key);
        self.nodes.push(Node {
            key: key.to_string(),
            path,
            children: Vec::new(),
            children_by_key: Vec::new(),
            cell: None,
        });
        let id = self.nodes.len() - 1;
        self.nodes[parent].children.push(id);
        id
    }

    fn push(&mut self, def: CellDef) {
        let id = self.cells.len() as CellId;
        let mut node = 0;
        for seg in def.path.trim_start_matches('/').split('/') {
            node = self.child(node, seg);
        }
        self.nodes[node].cell = Some(id);
        self.cells.push(def);
    }
}

fn t2_row_label(row: &T2Row, f: Formats) -> Label {
    if row.key == "normativeDocuments" && f == F19 {
        NORMATIVE_2019
    } else {
        row.label
    }
}

fn build() -> Layout {
    let mut l = Layout {
        cells: Vec::new(),
        nodes: vec![Node {
            key: String::new(),
            path: String::new(),
            children: Vec::new(),
            children_by_key: Vec::new(),
            cell: None,
        }],
        t3_base: 0,
        t4_base: 0,
        by_path: Vec::new(),
    };
    for row in &T2_ROWS {
        for c in row.columns {
            let formats = match (row.formats, c.formats) {
                (Formats::Both, f) | (f, Formats::Both) => f,
                (f, _) => f,
            };
            let rl = t2_row_label(row, formats);
            let cl = c.label_2019.filter(|_| formats == F19).unwrap_or(c.label);
            l.push(CellDef {
                path: text!("/proactive/{}/{}", row.key, c.key),
                table: TableId::Proactive,
                group: Some(row.group),
                row: rl,
                column: c.label,
                column_2019: c.label_2019,
                kind: c.kind,
                unit: c.unit,
                formats,
                name_zh: text!("表二「{}」行「{}」列", rl.zh, cl.zh),
                name_en: text!("table 2, row \"{}\", column \"{}\"", rl.en, cl.en),
                row_name_zh: text!("表二「{}」行", rl.zh),
                row_name_en: text!("table 2, row \"{}\"", rl.en),
            });
        }
    }
    l.t3_base = l.cells.len();
    for r in &T3_ROWS {
        let short = r.short.unwrap_or(r.label);
        // Sub-items are named with their group: （三）不予公开 1.属于国家秘密.
        let (zh_row, en_row) = match r.group {
            Some(g) if g != RESULTS => (
                text!("{} {}", g.zh, short.zh),
                text!("{} {}", g.en, short.en),
            ),
            _ => (short.zh.to_string(), short.en.to_string()),
        };
        for (i, (key, cl)) in T3_COLUMNS.iter().enumerate() {
            let in_orgs = (1..T3_TOTAL_COL).contains(&i);
            let col_zh = if in_orgs {
                text!("{}·{}", ORGS.zh, cl.zh)
            } else {
                cl.zh.to_string()
            };
            l.push(CellDef {
                path: text!("/applications/{}/{}", r.key, key),
                table: TableId::Applications,
                group: r.group,
                row: r.label,
                column: *cl,
                column_2019: None,
                kind: Kind::Count,
                unit: None,
                formats: r.formats,
                name_zh: text!("表三「{zh_row}」行「{col_zh}」列", zh_row, col_zh),
                name_en: text!("table 3, row \"{en_row}\", column \"{}\"", en_row, cl.en),
                row_name_zh: text!("表三「{zh_row}」行", zh_row),
                row_name_en: text!("table 3, row \"{en_row}\"", en_row),
            });
        }
    }
    l.t4_base = l.cells.len();
    for (bkey, bl) in &T4_BLOCKS {
        for (ckey, cl) in &T4_COLUMNS {
            l.push(CellDef {
                path: text!("/reviewLitigation/{bkey}/{ckey}", bkey, ckey),
                table: TableId::ReviewLitigation,
                group: None,
                row: *bl,
                column: *cl,
                column_2019: None,
                kind: Kind::Count,
                unit: None,
                formats: Formats::Both,
                name_zh: text!("表四「{}」的「{}」", bl.zh, cl.zh),
                name_en: text!("table 4, {}, \"{}\"", bl.en, cl.en),
                row_name_zh: text!("表四「{}」", bl.zh),
                row_name_en: text!("table 4, {}", bl.en),
            });
        }
    }
    let mut by_path: Vec<CellId> = (0..l.cells.len() as CellId).collect();
    let cells = &l.cells;
    crate::base::sort::sort_by_key(&mut by_path, |&i| cells[i as usize].path.as_str());
    l.by_path = by_path;
    for n in 0..l.nodes.len() {
        let mut sorted = l.nodes[n].children.clone();
        let nodes = &l.nodes;
        crate::base::sort::sort_by_key(&mut sorted, |&c| nodes[c].key.as_str());
        l.nodes[n].children_by_key = sorted;
    }
    l
}

/// The catalogue, built once.
pub fn layout() -> &'static Layout {
    static LAYOUT: OnceLock<Layout> = OnceLock::new();
    LAYOUT.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t2_lookup_agrees_with_paths() {
        let l = layout();
        for i in l.t2_cells() {
            let rest = l.cells[i].path.strip_prefix("/proactive/").unwrap();
            let (row, col) = rest.split_once('/').unwrap();
            assert_eq!(l.t2(row, col), Some(i as CellId), "{rest}");
        }
        assert_eq!(l.t2("regulations", "nope"), None);
        assert_eq!(l.t2("nope", "issued"), None);
    }

    #[test]
    fn cell_counts_match_the_official_layouts() {
        let l = layout();
        let count = |f: Format, t: TableId| l.cells_of(f).filter(|(_, c)| c.table == t).count();
        // 2019 table 三: 23 numeric rows × 7; 2021: 25 × 7 (format.md §2.2, §3.2).
        assert_eq!(count(Format::F2019, TableId::Applications), 23 * 7);
        assert_eq!(count(Format::F2021, TableId::Applications), 25 * 7);
        assert_eq!(count(Format::F2019, TableId::ReviewLitigation), 15);
        assert_eq!(count(Format::F2021, TableId::ReviewLitigation), 15);
        // 2019 table 二: 3+3+3+3+3+3+2+2; 2021: 3+3+1+1+1+1.
        assert_eq!(count(Format::F2019, TableId::Proactive), 22);
        assert_eq!(count(Format::F2021, TableId::Proactive), 10);
    }

    #[test]
    fn paths_are_unique_and_indexable() {
        let l = layout();
        for (i, c) in l.cells.iter().enumerate() {
            assert_eq!(l.find(&c.path), Some(i as CellId), "{}", c.path);
        }
        assert_eq!(
            l.cell(l.t3(25, 6)).path,
            "/applications/carriedForward/total"
        );
        assert_eq!(
            l.cell(l.t4(2, 4)).path,
            "/reviewLitigation/litigationAfterReview/total"
        );
        assert_eq!(l.t3_position(l.t3(4, 1)), Some((4, 1)));
        assert_eq!(l.t3_position(l.t4(0, 0)), None);
        assert_eq!(l.t2("fees", "amount"), l.find("/proactive/fees/amount"));
        assert_eq!(
            l.t2("licensing", "decisions"),
            l.find("/proactive/licensing/decisions")
        );
        assert_eq!(l.t2("fees", "decisions"), None);
    }

    #[test]
    fn names_read_like_the_form() {
        let l = layout();
        let total = l.find("/applications/results/total/natural").unwrap();
        assert_eq!(l.cell(total).name_zh, "表三「（七）总计」行「自然人」列");
        let secret = l
            .find("/applications/results/withheld/stateSecret/commercial")
            .unwrap();
        assert_eq!(
            l.cell(secret).name_zh,
            "表三「（三）不予公开 1.属于国家秘密」行「法人或其他组织·商业企业」列"
        );
        let licensing = l.find("/proactive/licensing/decisions").unwrap();
        assert_eq!(
            l.cell(licensing).column_for(Format::F2019).zh,
            "处理决定数量"
        );
        assert_eq!(
            l.cell(licensing).column_for(Format::F2021).zh,
            "本年处理决定数量"
        );
    }

    #[test]
    fn result_rows_per_format() {
        assert_eq!(Layout::t3_result_rows(Format::F2019).count(), 19);
        assert_eq!(Layout::t3_result_rows(Format::F2021).count(), 21);
    }
}
