//! Label matching. The canonical labels come from the layout catalogue (`model::layout`); the
//! alias tables below add the variants real reports print: short distinctive prefixes (labels
//! are wrapped, truncated or annotated), numbering without the `1.`, and known typos.
//! Everything is compared after `norm::fold`, by prefix: provincial annotations after the
//! canonical label (`规章(县级无此项)`) still match.

use super::norm::fold;
use crate::model::layout::{T2Row, T3Row, T2_ROWS, T3_ROWS};
use std::sync::OnceLock;

/// Extra prefixes per table 三 row key. The canonical label is always tried first.
const T3_ALIASES: &[(&str, &[&str])] = &[
    ("received", &["一、本年新收", "本年新收政府信息公开申请"]),
    ("carriedOver", &["二、上年结转", "上年结转政府信息公开申请"]),
    ("results/granted", &["(一)予以公开"]),
    ("results/partiallyGranted", &["(二)部分公开"]),
    (
        "results/withheld/stateSecret",
        &["1.属于国家秘密", "属于国家秘密"],
    ),
    // 洪泽 prints 「2.其他法律行政止公开」.
    (
        "results/withheld/prohibitedByLaw",
        &["2.其他法律", "其他法律行政法规禁止"],
    ),
    (
        "results/withheld/endangersSecurity",
        &["3.危及", "危及三安全"],
    ),
    (
        "results/withheld/thirdPartyRights",
        &["4.保护第三方", "保护第三方合法权益"],
    ),
    (
        "results/withheld/internalAffairs",
        &["5.属于三类", "属于三类内部事务"],
    ),
    (
        "results/withheld/processInformation",
        &["6.属于四类", "属于四类过程性"],
    ),
    (
        "results/withheld/enforcementFiles",
        &["7.属于行政执法", "属于行政执法案卷"],
    ),
    (
        "results/withheld/administrativeQuery",
        &["8.属于行政查询", "属于行政查询事项"],
    ),
    (
        "results/unavailable/notHeld",
        &["1.本机关不掌握", "本机关不掌握"],
    ),
    (
        "results/unavailable/needsCreation",
        &["2.没有现成", "没有现成信息"],
    ),
    (
        "results/unavailable/stillUnclear",
        &["3.补正后", "补正后申请内容"],
    ),
    (
        "results/notProcessed/petitionComplaint",
        &["1.信访举报", "信访举报投诉"],
    ),
    ("results/notProcessed/duplicate", &["2.重复申请"]),
    (
        "results/notProcessed/publication",
        &["3.要求提供公开出版物", "要求提供公开出版物"],
    ),
    (
        "results/notProcessed/excessive",
        &["4.无正当理由", "无正当理由大量反复"],
    ),
    (
        "results/notProcessed/reconfirmation",
        &["5.要求行政机关确认", "要求行政机关确认"],
    ),
    ("results/otherHandling", &["(六)其他处理"]),
    (
        "results/otherHandling/overdueCorrection",
        &["1.申请人无正当理由", "申请人无正当理由逾期"],
    ),
    (
        "results/otherHandling/unpaidFee",
        &["2.申请人逾期未按", "申请人逾期未按收费"],
    ),
    ("results/otherHandling/other", &["3.其他"]),
    ("results/total", &["(七)总计"]),
    ("carriedForward", &["四、结转下年", "结转下年度继续办理"]),
];

/// Table 三's group labels, as printed: they hold no numbers of their own.
pub const T3_GROUPS: &[&str] = &[
    "三、本年度办理结果",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
    "（本列数据",
];

/// Text in table 三 that is not a row: headers and group labels. They end a row's values.
const T3_STOPS: &[&str] = &[
    "三、本年度办理结果",
    "三、本年度",
    "(三)不予公开",
    "(四)无法提供",
    "(五)不予处理",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "科研企业",
    "社会公益组织",
    "法律服务机构",
    "总计",
    "(本列数据",
];

const T2_ALIASES: &[(&str, &[&str])] = &[
    ("regulations", &["规章"]),
    (
        "normativeDocuments",
        &["行政规范性文件", "规范性文件", "规範性文件"],
    ),
    ("licensing", &["行政许可"]),
    ("otherServices", &["其他对外管理服务事项", "其他对外管理"]),
    ("punishment", &["行政处罚"]),
    ("enforcement", &["行政强制"]),
    ("fees", &["行政事业性收费"]),
    ("procurement", &["政府集中采购"]),
];

const T2_STOPS: &[&str] = &[
    "第二十条",
    "信息内容",
    "本年新",
    "本年制发",
    "本年废止",
    "现行有效",
    "对外公开总",
    "上一年项目",
    "本年增",
    "处理决定",
    "本年处理决定",
    "本年收费",
    "采购项目",
    "采购总金额",
    "制作数量",
    "公开数量",
];

/// Table 二 header words that only one layout has (format.md §4).
pub const T2_MARKERS_2019: &[&str] = &[
    "本年新",
    "对外公开总",
    "上一年项目",
    "本年增",
    "采购项目",
    "采购总金额",
    "其他对外管理",
    "政府集中采购",
];
pub const T2_MARKERS_2021: &[&str] = &[
    "本年制发",
    "本年废止",
    "现行有效",
    "本年处理决定",
    "本年收费金额",
];

pub struct Labels {
    t3: Prefixes,
    t2: Prefixes,
}

/// Every row's prefixes, (first character, row, canonical?, prefix), sorted by the first
/// character and then in row order: a token is compared only with those it could start with.
type Prefixes = Vec<(char, usize, bool, String)>;

fn prefixes<R>(
    rows: &[R],
    label: impl Fn(&R) -> (&str, &str),
    aliases: &[(&str, &[&str])],
) -> Prefixes {
    let mut out: Prefixes = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let (key, zh) = label(r);
        let extra = aliases
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&[][..], |(_, a)| a);
        for (k, p) in std::iter::once(&zh).chain(extra).enumerate() {
            let p = fold(p);
            if let Some(c) = p.chars().next() {
                out.push((c, i, k == 0, p));
            }
        }
    }
    // Stable: rows keep their order among prefixes of one first character.
    out.sort_by_key(|e| e.0);
    out
}

fn build() -> Labels {
    Labels {
        t3: prefixes(&T3_ROWS, |r: &T3Row| (r.key, r.label.zh), T3_ALIASES),
        t2: prefixes(&T2_ROWS, |r: &T2Row| (r.key, r.label.zh), T2_ALIASES),
    }
}

fn labels() -> &'static Labels {
    static L: OnceLock<Labels> = OnceLock::new();
    L.get_or_init(build)
}

/// The row whose label (or alias) the token starts with; the longest match wins. A token that
/// is a long enough start of a canonical label (cut off by the page) matches too.
fn best(rows: &Prefixes, tok: &str) -> Option<usize> {
    let first = tok.chars().next()?;
    let from = rows.partition_point(|e| e.0 < first);
    let mut best: Option<(usize, usize)> = None;
    // A cut-off label is only taken when long enough to be specific (6 characters).
    let long = tok.chars().nth(5).is_some();
    for (_, i, canonical, p) in rows[from..].iter().take_while(|e| e.0 == first) {
        let len = if tok.starts_with(p.as_str()) {
            // A label run into digits (`行政强制110第二十条…`): its own numbers are inside
            // the token, where no row can be read; not this row's label.
            if tok[p.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            p.len()
        } else if *canonical && long && p.starts_with(tok) {
            tok.len()
        } else {
            continue;
        };
        if best.is_none_or_shorter(len) {
            best = Some((*i, len));
        }
    }
    best.map(|(i, _)| i)
}

trait Shorter {
    fn is_none_or_shorter(&self, len: usize) -> bool;
}

impl Shorter for Option<(usize, usize)> {
    fn is_none_or_shorter(&self, len: usize) -> bool {
        self.is_none_or(|(_, l)| l < len)
    }
}

/// Every folded label and alias of table 三's rows (what a row label may start with).
pub fn t3_prefixes() -> impl Iterator<Item = &'static str> {
    labels().t3.iter().map(|e| e.3.as_str())
}

/// Table 三 row (index into `T3_ROWS`).
pub fn t3_row(tok: &str) -> Option<usize> {
    best(&labels().t3, tok)
}

/// Table 二 row (index into `T2_ROWS`).
pub fn t2_row(tok: &str) -> Option<usize> {
    // 其他主动公开文件 and similar provincial extra rows are not 规章/规范性文件.
    best(&labels().t2, tok)
}

pub fn t3_stop(tok: &str) -> bool {
    tok == "其他" || tok == "其它" || T3_STOPS.iter().any(|s| tok.starts_with(s))
}

pub fn t2_stop(tok: &str) -> bool {
    T2_STOPS.iter().any(|s| tok.starts_with(s))
}

/// The six part headings, by `decode::SECTION_KEYS` index. Matched on a whole folded line.
pub fn heading(line: &str) -> Option<usize> {
    if line.chars().count() > 40 {
        return None;
    }
    let checks: [(&str, &[&str]); 6] = [
        ("一、", &["总体情况", "概述", "基本情况", "总体"]),
        ("二、", &["主动公开"]),
        ("三、", &["申请"]),
        ("四、", &["复议", "诉讼"]),
        ("五、", &["问题"]),
        ("六、", &["其他", "其它"]),
    ];
    for (i, (num, words)) in checks.iter().enumerate() {
        if let Some(rest) = line.strip_prefix(num) {
            if words.iter().any(|w| rest.contains(w)) && !rest.starts_with("本年度办理结果")
            {
                return Some(i);
            }
        }
    }
    None
}

/// Table 四 header words (the table has no row labels).
pub fn t4_header(tok: &str) -> bool {
    const WORDS: [&str; 9] = [
        "行政复议",
        "行政诉讼",
        "未经复议",
        "复议后起诉",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ];
    WORDS.iter().any(|w| tok.starts_with(w))
}

/// Table 三 column labels: index into `T3_COLUMNS`, or 7 for the 法人或其他组织 group.
pub fn t3_column(tok: &str) -> Option<usize> {
    const COLS: [(&str, usize); 12] = [
        ("自然人", 0),
        ("商业", 1),
        ("科研", 2),
        ("社会公益", 3),
        ("社会", 3),
        ("法律服务", 4),
        ("法律", 4),
        ("其他", 5),
        ("其它", 5),
        ("总计", 6),
        ("合计", 6),
        ("法人或其他组织", 7),
    ];
    if tok.starts_with("法人或") {
        return Some(7);
    }
    COLS.iter()
        .find(|(p, i)| {
            if *i == 5 {
                tok == *p
            } else {
                tok.starts_with(p)
            }
        })
        .map(|(_, i)| *i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(i: Option<usize>) -> &'static str {
        i.map_or("-", |i| T3_ROWS[i].key)
    }

    #[test]
    fn matches_rows_with_variants() {
        assert_eq!(
            key(t3_row(&fold("一、本年新收政府信息公开申请数量"))),
            "received"
        );
        assert_eq!(
            key(t3_row(&fold("2.其他法律行政止公开"))),
            "results/withheld/prohibitedByLaw"
        );
        assert_eq!(
            key(t3_row(&fold("（二）部分公开（区分处理的，只计这一情"))),
            "results/partiallyGranted"
        );
        assert_eq!(
            key(t3_row(&fold("1、申请人无正当理由逾期不补"))),
            "results/otherHandling/overdueCorrection"
        );
        assert_eq!(key(t3_row(&fold("3、其他"))), "results/otherHandling/other");
        assert_eq!(key(t3_row(&fold("（七）总计"))), "results/total");
        assert_eq!(key(t3_row(&fold("正、行政机关不再处理其政府信"))), "-");
        assert_eq!(key(t3_row(&fold("三、本年度办理结果"))), "-");
        let t2 = |s: &str| t2_row(&fold(s)).map_or("-", |i| T2_ROWS[i].key);
        assert_eq!(t2("规章(县级无此项)"), "regulations");
        assert_eq!(t2("规范性文件"), "normativeDocuments");
        assert_eq!(t2("行政规范性文件"), "normativeDocuments");
        assert_eq!(t2("其他主动公开文件(含…)"), "-");
        assert_eq!(t2("行政强制110第二十条第(八)项"), "-");
    }

    #[test]
    fn finds_headings() {
        assert_eq!(
            heading(&fold("四、政府信息公开行政复议、行政诉讼情况")),
            Some(3)
        );
        assert_eq!(
            heading(&fold("三、收到的处理政府信息公开申请情况")),
            Some(2)
        );
        assert_eq!(heading(&fold("四、结转下年度继续办理")), None);
        assert_eq!(heading(&fold("三、本年度办理结果")), None);
        assert_eq!(heading(&fold("六、其他需要报告的事项")), Some(5));
    }
}
