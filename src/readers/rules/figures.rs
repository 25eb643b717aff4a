//! The figures the prose states, read in one pass for the rules that compare them:
//! - [`Mention`]: a count of something table 三 or 四 counts (受理…申请 N 件, 予以公开 N 件,
//!   行政复议 N 件 …), which applicant columns it counts (其中自然人…件、法人或其他组织…件), a
//!   share stated after it (占比 33.9%), and the claims 均获维持 / 均已办结;
//! - [`Quantity`]: every `N<unit>` with the words before it, so that two statements of the same
//!   thing can be compared (`narrative-conflict`).
//!
//! Arabic numerals (with thousands commas) and, for 件, Chinese ones (一件, 十二件, 两件) are read.
//! Approximate figures (20余件, 近20件, 20件以上) are no figures: they can disagree with nothing.
//! The text given is folded (`base::fold::fold_prose`: half-width, no whitespace).

use super::prose::{at, first_of, has, has_any};
use crate::model::layout::T4_TOTAL_COL;
use crate::model::Num;

/// What a figure counts: a row (or group of rows) of table 三, or a column of table 四.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Received,
    CarriedOver,
    Answered,
    CarriedForward,
    Granted,
    Partial,
    /// 予以公开及部分公开: （一） + （二）.
    GrantedOrPartial,
    Withheld,
    NotHeld,
    NeedsCreation,
    /// All of （四）无法提供 (因…等原因无法提供).
    Unavailable,
    NotProcessed,
    OtherHandling,
    /// Table 四 行政复议, column (0..5).
    Review(usize),
    /// 行政诉讼: block (1 direct, 2 after review, `None` both), column.
    Litigation(Option<usize>, usize),
}

/// Which applicant columns of table 三 a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The 总计 column.
    All,
    Natural,
    /// The five 法人或其他组织 columns together.
    Orgs,
    /// One of them: its index in `T3_COLUMNS` (1..=5).
    Org(usize),
}

/// What the prose says of a fact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Claim {
    Count(i64),
    /// 占比 33.9%: the share in percent, the printed precision (0.1 there), and the count it
    /// follows.
    Share {
        percent: f64,
        precision: f64,
        count: i64,
    },
    /// 均获维持: every case of the block upheld.
    AllUpheld,
    /// 均已办结 / 均已审结: none carried forward or pending.
    AllDone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub fact: Fact,
    pub who: Who,
    pub claim: Claim,
    /// The clause (folded, at most 60 characters), for messages.
    pub clause: String,
    /// The sentence names a body other than the whole issuer before the figure (区政府办代表
    /// 区政府…; 全区 in a department's report): the figure may count another scope.
    pub scoped: bool,
    /// Index of the part in `SECTION_KEYS`.
    pub part: usize,
}

/// A figure with its unit and the words that say what it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub part: usize,
    /// Sentences are numbered across the whole prose.
    pub sentence: usize,
    pub value: Num,
    pub unit: &'static str,
    /// The words before the figure since the sentence's start or its previous figure, without
    /// fillers (全年, 共, 累计 …) or the report's year; `None` when too short to name a quantity,
    /// or when the figure is a comparison (较上年增加 …).
    pub key: Option<String>,
    pub clause: String,
}

/// What the scan needs to know of the report.
pub struct ScanInfo<'a> {
    pub year: Option<i32>,
    /// The issuer's name, folded.
    pub issuer: &'a str,
    pub government: bool,
}

/// Units a figure may carry, longest first.
const UNITS: [&str; 14] = [
    "人次", "万元", "件", "宗", "条", "个", "期", "场", "次", "篇", "项", "家", "元", "%",
];

const SKIP_SENTENCE: [&str; 6] = ["热线", "12345", "咨询", "留言", "来电", "来信"];

#[derive(Clone, Copy, PartialEq)]
enum Topic {
    None,
    Review,
    Litigation(Option<usize>),
}

/// One figure found in a sentence: where its number starts, where its unit ends, the value.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    value: Num,
    /// Digits after the decimal point, as printed.
    decimals: u8,
    unit: &'static str,
}

/// Scan one part's folded prose. `facts`: whether its figures are compared with the tables
/// (parts 一, 三, 四; the others speak of other things in the same words).
pub fn scan(
    part: usize,
    text: &str,
    info: &ScanInfo,
    facts: bool,
    sentence_no: &mut usize,
    mentions: &mut Vec<Mention>,
    quantities: &mut Vec<Quantity>,
) {
    for sentence in text.split(['。', ';', '!', '?']) {
        *sentence_no += 1;
        if !sentence.contains(|c: char| c.is_ascii_digit() || is_numeral(c)) {
            continue;
        }
        let found = figures(sentence);
        let mut prev_end = 0;
        for f in &found {
            if f.unit != "%" {
                quantities.push(Quantity {
                    part,
                    sentence: *sentence_no,
                    value: f.value,
                    unit: f.unit,
                    key: key_of(sentence, prev_end, f, info.year),
                    clause: clip(clause_around(sentence, f.start, f.end)),
                });
            }
            prev_end = f.end;
        }
        // Table figures are counts (件, 宗) and shares; claims (均已办结) need a 均 or 全部.
        let counted = found.iter().any(|f| matches!(f.unit, "件" | "宗" | "%"));
        let claims = sentence.contains('均') || has(sentence, "全部") || has(sentence, "全都");
        if facts && (counted || claims) && !has_any(sentence, &SKIP_SENTENCE) {
            facts_of(part, sentence, &found, info, mentions);
        }
    }
}

fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// Every figure of a sentence, in order.
fn figures(sentence: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut prev = ' ';
    for (i, c) in sentence.char_indices() {
        // A unit follows a number: look for one only after a digit or a numeral.
        let after_number = prev.is_ascii_digit() || is_numeral(prev);
        prev = c;
        if !after_number {
            continue;
        }
        let rest = &sentence[i..];
        let Some(unit) = UNITS.iter().find(|u| at(rest.as_bytes(), u.as_bytes())) else {
            continue;
        };
        let end = i + unit.len();
        let after_prev = out.last().map_or(0, |f| f.end);
        // Inside the last figure's unit (万元 read, then 元 after the numeral 万): no new one.
        if i < after_prev {
            continue;
        }
        if let Some((start, value, decimals)) = number_before(&sentence[after_prev..i], unit) {
            let start = after_prev + start;
            let head = &sentence[..start];
            let tail = &sentence[end..];
            let ordinal = head.ends_with('第') || head.ends_with('几');
            let approx = ["近", "约", "逾", "超过", "不足", "将近", "大约", "不到"]
                .iter()
                .any(|w| head.ends_with(w))
                || ["以上", "左右", "多", "余"]
                    .iter()
                    .any(|w| tail.starts_with(w));
            if !ordinal && !approx {
                out.push(Found {
                    start,
                    end,
                    value,
                    decimals,
                    unit,
                });
            }
        }
    }
    out
}

/// The number ending at the end of `s`: Arabic (thousands commas, a decimal point) or, before
/// 件 and 宗, Chinese numerals. Its start, value and digits after the point.
fn number_before(s: &str, unit: &str) -> Option<(usize, Num, u8)> {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b',' || b[i - 1] == b'.') {
        i -= 1;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1; // a comma or point before the digits is punctuation
    }
    if i < b.len() {
        let digits = &s[i..];
        if digits.ends_with(['.', ',']) {
            return None;
        }
        let plain: String = digits.chars().filter(|&c| c != ',').collect();
        if plain.len() > 15 {
            return None;
        }
        if let Some((whole, frac)) = plain.split_once('.') {
            if whole.is_empty() || frac.contains('.') {
                return None;
            }
            let decimals = u8::try_from(frac.len()).unwrap_or(u8::MAX);
            return crate::base::numeric::parse_decimal(&plain).map(|v| (i, Num::Dec(v), decimals));
        }
        return crate::base::numeric::parse_i64(&plain).map(|v| (i, Num::Int(v), 0));
    }
    if unit != "件" && unit != "宗" {
        return None;
    }
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_numeral(*c))
        .take(12)
        .last()
        .map(|(i, _)| i)?;
    chinese_number(&s[start..]).map(|v| (start, Num::Int(v), 0))
}

/// 十二 → 12, 两 → 2, 一百零三 → 103, 三千一百一十九 → 3119, 二〇 → 20.
pub fn chinese_number(s: &str) -> Option<i64> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as i64);
    let mut total = 0i64;
    let mut section = 0i64;
    let mut cur: Option<i64> = None;
    let mut plain = String::new();
    for c in s.chars() {
        let c = match c {
            '两' => '二',
            '〇' => '零',
            c => c,
        };
        if let Some(d) = digit(c) {
            cur = Some(d);
            plain.push(char::from(b'0' + d as u8));
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10000,
            _ => return None,
        };
        plain.clear();
        if unit == 10000 {
            section = (section + cur.unwrap_or(0)).max(1) * 10000;
            total += section;
            section = 0;
        } else {
            section += cur.unwrap_or(1) * unit;
        }
        cur = None;
    }
    if !plain.is_empty() && plain.len() == s.chars().count() && plain.len() > 1 {
        // 二〇二四: digits read one by one.
        return crate::base::numeric::parse_i64(&plain);
    }
    let v = total + section + cur.unwrap_or(0);
    (!s.is_empty()).then_some(v)
}

const STOPS: [char; 5] = [',', '(', ')', ':', '、'];

/// Where the clause ending at `end` starts: after the last punctuation before it.
fn clause_start(sentence: &str, end: usize) -> usize {
    sentence[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| STOPS.contains(c))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// The clause a figure sits in: from the punctuation before it to the punctuation after.
fn clause_around(sentence: &str, start: usize, end: usize) -> &str {
    let from = clause_start(sentence, start);
    let to = sentence[end..]
        .find(STOPS)
        .map_or(sentence.len(), |p| end + p);
    &sentence[from..to]
}

/// At most 60 characters.
fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// Words that say nothing of what is counted, dropped from a quantity's key; the issuer
/// speaking of itself (我局, 本机关) is the same body in every sentence of its report.
const FILLERS: [&str; 33] = [
    "全年",
    "本年度",
    "本年",
    "今年",
    "年内",
    "当年",
    "共计",
    "总共",
    "合计",
    "累计",
    "总计",
    "其中",
    "我局",
    "我委",
    "我办",
    "我区",
    "我市",
    "我县",
    "我镇",
    "我乡",
    "我厅",
    "本机关",
    "本局",
    "本单位",
    "本部门",
    "共",
    "计",
    "达",
    "有",
    "的",
    "了",
    "已",
    "为",
];

/// The first two bytes of each filler (all are CJK, three bytes in UTF-8), as bits: bit
/// `b1 & 63` of entry `b0 & 15`. Most characters of a key start no filler, and this rules
/// them out with one lookup instead of comparing 33 words (half the time of the figures'
/// scan went there).
const FILLER_LEADS: [u64; 16] = {
    let mut table = [0u64; 16];
    let mut k = 0;
    while k < FILLERS.len() {
        let b = FILLERS[k].as_bytes();
        assert!(b.len() >= 3 && b[0] >= 0xE0);
        table[(b[0] & 0x0F) as usize] |= 1 << (b[1] & 0x3F);
        k += 1;
    }
    table
};

/// Whether a filler may start at `tail` (see `FILLER_LEADS`).
fn may_start_filler(tail: &[u8]) -> bool {
    match tail {
        [b0, b1, ..] if *b0 >= 0xE0 => FILLER_LEADS[usize::from(b0 & 0x0F)] >> (b1 & 0x3F) & 1 == 1,
        _ => false,
    }
}

/// Words that make a figure a comparison with another time, not a statement of this year's.
const COMPARISON: [&str; 14] = [
    "较",
    "同比",
    "环比",
    "增长",
    "增加",
    "减少",
    "下降",
    "上升",
    "提高",
    "上年",
    "去年",
    "上一年",
    "相比",
    "比上",
];

// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
fn key_of(sentence: &str, prev_end: usize, f: &Found, year: Option<i32>) -> Option<String> {
    let after = &sentence[f.end..];
    let after = &after[..after.find([',', ';', '(', ')']).unwrap_or(after.len())];
    // The clause of the figure, with the clause before it where that alone names too little
    // (政府网站方面，发布信息 300 条), never reaching back past the previous figure.
    let mut from = clause_start(sentence, f.start).max(prev_end);
    let mut key = normalise(&sentence[from..f.start], year);
    while key.chars().count() < 5 && from > prev_end {
        // Step over the separator before the clause.
        let sep = sentence[..from]
            .char_indices()
            .next_back()
            .map_or(0, |(p, _)| p);
        from = clause_start(sentence, sep).max(prev_end);
        key = normalise(&sentence[from..f.start], year);
    }
    let prefix = &sentence[from..f.start];
    if has_any(prefix, &COMPARISON) || has_any(after, &COMPARISON) {
        return None;
    }
    key.push_str(f.unit);
    (key.chars().count() >= 6).then_some(key)
}

/// The words of a key: no punctuation, leading enumerators, fillers or the report's year; in one
/// pass, each filler skipped where it starts.
fn normalise(prefix: &str, year: Option<i32>) -> String {
    let mut rest = prefix.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | ',' | '、' | ':' | '(' | ')')
    });
    for lead in [
        "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
    ] {
        rest = rest.strip_prefix(lead).unwrap_or(rest);
    }
    let year: Option<[u8; 4]> = year.and_then(|y| {
        let d = u32::try_from(y)
            .ok()
            .filter(|y| (1000..10000).contains(y))?;
        Some([d / 1000, d / 100 % 10, d / 10 % 10, d % 10].map(|x| b'0' + x as u8))
    });
    let mut key = String::with_capacity(rest.len());
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let tail = &b[i..];
        if let Some(y) = year.filter(|y| tail.starts_with(y)) {
            let after = &tail[y.len()..];
            if after.starts_with("年度".as_bytes()) {
                i += 4 + "年度".len();
                continue;
            }
            if after.starts_with("年".as_bytes()) {
                i += 4 + "年".len();
                continue;
            }
        }
        if let Some(w) = may_start_filler(tail)
            .then(|| FILLERS.iter().find(|w| at(tail, w.as_bytes())))
            .flatten()
        {
            i += w.len();
            continue;
        }
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        if !matches!(
            c,
            ',' | '、' | ':' | '(' | ')' | '“' | '”' | '"' | '《' | '》'
        ) {
            key.push(c);
        }
        i += c.len_utf8();
    }
    key
}

/// Words before a figure that name a body other than the whole issuer.
/// 代表 and 本级 first: the ones an office's own report still counts.
const ACTORS: [&str; 4] = ["代表", "本级", "政府办", "办公室"];
const REGIONS: [&str; 13] = [
    "全区",
    "全市",
    "全县",
    "全省",
    "全州",
    "全盟",
    "全旗",
    "全镇",
    "全乡",
    "全街道",
    "各部门",
    "各单位",
    "各地",
];

/// Where, in a sentence, the first word naming a body other than the whole issuer starts: a
/// figure after it is scoped. An office's own report (本办公室) names itself; a government's
/// report commonly counts its whole region, a department's does not.
fn scope_start(sentence: &str, info: &ScanInfo) -> usize {
    let own_office = info.issuer.ends_with("办公室");
    let actors: &[&str] = if own_office { &ACTORS[..2] } else { &ACTORS };
    let actor = first_of(sentence, actors);
    let region = (!info.government)
        .then(|| first_of(sentence, &REGIONS))
        .flatten();
    actor.into_iter().chain(region).min().unwrap_or(usize::MAX)
}

fn update_topic(topic: Topic, clause: &str) -> Topic {
    let lit = has(clause, "诉讼") || has(clause, "起诉");
    if lit {
        let block = if has(clause, "未经复议") || has(clause, "直接起诉") {
            Some(1)
        } else if has(clause, "复议后") {
            Some(2)
        } else if let Topic::Litigation(b) = topic {
            b
        } else {
            None
        };
        Topic::Litigation(block)
    } else if has(clause, "行政复议") || has(clause, "申请复议") {
        Topic::Review
    } else {
        topic
    }
}

const CARRIED_FORWARD: [&str; 15] = [
    "结转下年",
    "结转至下",
    "结转到下",
    "结转下一年",
    "转入下年",
    "转入下一年",
    "转下一年",
    "转下年",
    "转至下一年",
    "转到下一年",
    "顺延",
    "下年度继续办理",
    "下一年度继续办理",
    "延至下一年",
    "延期至下一年",
];
const CARRIED_OVER: [&str; 9] = [
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "上年度转入",
    "上年转入",
    "上一年度转入",
    "上年遗留",
    "上年度遗留",
    "上一年度遗留",
];

/// Item boundaries of a sentence: clauses split at `,(): `, then at `、`, an item without a
/// figure joined to the next (予以公开、部分公开共208件 is one item).
fn items(sentence: &str, found: &[Found]) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | '(' | ')' | ':' | '、') {
            cuts.push((from, i));
            from = i + c.len_utf8();
        }
    }
    cuts.push((from, sentence.len()));
    let has_figure = |a: usize, b: usize| found.iter().any(|f| f.start >= a && f.end <= b);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut pending: Option<usize> = None;
    for (k, &(a, b)) in cuts.iter().enumerate() {
        // Only a 、 joins: a clause ended by a comma keeps its own words.
        let by_pause = sentence[b..].starts_with('、');
        if !has_figure(a, b) && by_pause && k + 1 < cuts.len() {
            pending.get_or_insert(a);
            continue;
        }
        out.push((pending.take().unwrap_or(a), b));
    }
    out
}

// Out of line: see readers/html.rs's `read` (V8 optimises a smaller function sooner).
#[inline(never)]
fn facts_of(part: usize, sentence: &str, found: &[Found], info: &ScanInfo, out: &mut Vec<Mention>) {
    let first = out.len();
    let mut topic = Topic::None;
    let mentions_forward = has_any(sentence, &CARRIED_FORWARD);
    let scope_from = scope_start(sentence, info);
    for (a, b) in items(sentence, found) {
        let item = &sentence[a..b];
        topic = update_topic(topic, item);
        let in_item: Vec<&Found> = found
            .iter()
            .filter(|f| f.start >= a && f.end <= b)
            .collect();
        for (k, f) in in_item.iter().enumerate() {
            let from = if k == 0 { a } else { in_item[k - 1].end };
            let to = in_item.get(k + 1).map_or(b, |n| n.start);
            let before = &sentence[from.min(f.start)..f.start];
            let after = &sentence[f.end..to.max(f.end)];
            let scope = scope_from < f.start;
            if f.unit == "%" {
                // 占比 33.9% / 比例为 33.9%: a share of what the count before it belongs to;
                // not a rate (答复率) or a change (同比增长 5%).
                let share = (item.contains('占') || has(item, "比例"))
                    && !has_any(
                        item,
                        &["增", "降", "减", "率", "同比", "环比", "提高", "上升"],
                    );
                let last = out[first..].iter().rev().find_map(|m| match m.claim {
                    Claim::Count(n) => Some((m.fact, m.who, m.scoped, n)),
                    _ => None,
                });
                if let (true, Some((fact, who, scoped, count))) = (share, last) {
                    out.push(Mention {
                        fact,
                        who,
                        claim: Claim::Share {
                            percent: f.value.as_f64(),
                            precision: 10f64.powi(-i32::from(f.decimals)),
                            count,
                        },
                        clause: clip(item),
                        scoped,
                        part,
                    });
                }
                continue;
            }
            if f.unit != "件" && f.unit != "宗" {
                continue;
            }
            let Some(count) = f.value.as_int() else {
                continue;
            };
            let who = if topic == Topic::None {
                who_of(before)
            } else {
                Who::All
            };
            let fact = match classify(before, after, item, topic) {
                Some(fact) => fact,
                None if who != Who::All => {
                    // 其中自然人…件: the row of the sentence's figure before it.
                    match out[first..].iter().rev().find(|m| m.who == Who::All) {
                        Some(m) => m.fact,
                        None if has(sentence, "申请") => Fact::Received,
                        None => continue,
                    }
                }
                None => continue,
            };
            out.push(Mention {
                fact,
                who,
                claim: Claim::Count(count),
                clause: clip(item),
                scoped: scope,
                part,
            });
        }
        claims(
            part,
            item,
            topic,
            mentions_forward,
            scope_from != usize::MAX,
            first,
            out,
        );
    }
}

/// The applicant columns named before a figure.
fn who_of(before: &str) -> Who {
    if has(before, "自然人") {
        Who::Natural
    } else if has(before, "商业企业") {
        Who::Org(1)
    } else if has(before, "科研机构") {
        Who::Org(2)
    } else if has(before, "公益组织") {
        Who::Org(3)
    } else if has(before, "法律服务机构") {
        Who::Org(4)
    } else if has(before, "法人") {
        Who::Orgs
    } else {
        Who::All
    }
}

fn classify(before: &str, after: &str, item: &str, topic: Topic) -> Option<Fact> {
    let any = |words: &[&str]| has_any(before, words) || has_any(after, words);
    if topic != Topic::None {
        let col = if any(&["维持"]) {
            Some(0)
        } else if any(&["纠正", "纠错"]) {
            Some(1)
        } else if any(&["其他结果"]) {
            Some(2)
        } else if any(&["尚未审结", "未审结", "审理中", "尚在审理"]) {
            Some(3)
        } else if any(&["复议", "诉讼", "起诉"]) {
            Some(T4_TOTAL_COL)
        } else {
            None
        };
        if let Some(col) = col {
            return match topic {
                Topic::Review => Some(Fact::Review(col)),
                Topic::Litigation(b) => Some(Fact::Litigation(b, col)),
                Topic::None => None,
            };
        }
    }
    if any(&CARRIED_FORWARD) {
        return Some(Fact::CarriedForward);
    }
    if any(&CARRIED_OVER) {
        return Some(Fact::CarriedOver);
    }
    if any(&["结转"]) {
        // 结转至2025年继续办理: forward, the only other way a report uses the word.
        return Some(Fact::CarriedForward);
    }
    if any(&["部分公开"]) {
        let both = any(&[
            "予以公开",
            "全部公开",
            "同意公开",
            "公开及部分",
            "公开和部分",
            "公开与部分",
            "公开、部分",
            "全部或部分",
        ]);
        return Some(if both {
            Fact::GrantedOrPartial
        } else {
            Fact::Partial
        });
    }
    if any(&["不予公开"]) {
        return Some(Fact::Withheld);
    }
    if any(&["予以公开", "同意公开", "全部公开"]) {
        return Some(Fact::Granted);
    }
    // A reason, 等, then its group: 因本机关不掌握等原因无法提供 counts all of （四）; a reason
    // alone counts its own row.
    let grouped = before.contains('等');
    if any(&["无法提供"]) && (grouped || !any(&["不掌握", "另行制作"])) {
        return Some(Fact::Unavailable);
    }
    if any(&["不掌握"]) {
        return Some(Fact::NotHeld);
    }
    if any(&["另行制作"]) {
        return Some(Fact::NeedsCreation);
    }
    if any(&["不予处理"]) {
        return Some(Fact::NotProcessed);
    }
    if any(&["其他途径", "其他处理"]) {
        return Some(Fact::OtherHandling);
    }
    if any(&["办结", "答复", "办理完毕", "处理完毕"]) {
        return Some(Fact::Answered);
    }
    let received = any(&["受理", "新收", "收到", "接收", "共收"]);
    (received && has(item, "申请")).then_some(Fact::Received)
}

/// 均获维持 / 均已办结 in an item.
#[allow(clippy::too_many_arguments)]
fn claims(
    part: usize,
    item: &str,
    topic: Topic,
    mentions_forward: bool,
    scope: bool,
    first: usize,
    out: &mut Vec<Mention>,
) {
    let all = item.contains('均') || has(item, "全部") || has(item, "全都");
    if !all || item.contains('率') {
        return;
    }
    let push = |fact, claim, out: &mut Vec<Mention>| {
        out.push(Mention {
            fact,
            who: Who::All,
            claim,
            clause: clip(item),
            scoped: scope,
            part,
        })
    };
    let done = has_any(item, &["办结", "审结", "结案", "办理完毕", "处理完毕"]);
    match topic {
        Topic::Review | Topic::Litigation(_) => {
            let fact = |col| match topic {
                Topic::Litigation(b) => Fact::Litigation(b, col),
                _ => Fact::Review(col),
            };
            if has(item, "维持") && !has(item, "未") {
                push(fact(0), Claim::AllUpheld, out);
            } else if done {
                push(fact(3), Claim::AllDone, out);
            }
        }
        Topic::None => {
            // 受理…申请 N 件，均已办结: all of them answered, none carried forward. Not when the
            // sentence itself carries some forward (答复…件，另有…件顺延…，均按期答复).
            let answered = done || has(item, "答复");
            let after_received = out[first..]
                .last()
                .is_some_and(|m| m.fact == Fact::Received && m.who == Who::All);
            if answered && after_received && !mentions_forward {
                push(Fact::Received, Claim::AllDone, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::fold::fold_prose;

    #[test]
    fn the_filler_prefilter_lets_every_filler_through() {
        for w in FILLERS {
            assert!(may_start_filler(w.as_bytes()), "{w}");
        }
        // Most characters start none: 信, 息, 申, 请 and ASCII.
        for c in ["信", "息", "申", "请", "a1"] {
            assert!(!may_start_filler(c.as_bytes()), "{c}");
        }
        assert_eq!(normalise("全年共受理申请", Some(2024)), "受理申请");
    }

    fn read(text: &str) -> (Vec<Mention>, Vec<Quantity>) {
        let info = ScanInfo {
            year: Some(2024),
            issuer: "示例市交通运输局",
            government: false,
        };
        let (mut m, mut q) = (Vec::new(), Vec::new());
        scan(0, &fold_prose(text), &info, true, &mut 0, &mut m, &mut q);
        (m, q)
    }

    fn counts(text: &str) -> Vec<(Fact, Who, i64)> {
        read(text)
            .0
            .into_iter()
            .filter_map(|m| match m.claim {
                Claim::Count(n) => Some((m.fact, m.who, n)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_unit_inside_the_last_figure_s_unit_is_not_a_second_figure() {
        // 万 is a numeral: 元 after it once started a figure inside 3,119万元's own span.
        let found = figures(&fold_prose("收取费用3,119万元。"));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].value, found[0].unit), (Num::Int(3119), "万元"));
    }

    #[test]
    fn reads_numerals() {
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("两"), Some(2));
        assert_eq!(chinese_number("一百零三"), Some(103));
        assert_eq!(chinese_number("三千一百一十九"), Some(3119));
        assert_eq!(chinese_number("二十"), Some(20));
    }

    #[test]
    fn reads_the_ways_reports_phrase_figures() {
        let f = counts("全年共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。");
        let all = |fact, n| (fact, Who::All, n);
        assert_eq!(
            f,
            [
                all(Fact::Received, 3119),
                all(Fact::Answered, 3050),
                all(Fact::CarriedOver, 34),
                all(Fact::CarriedForward, 103)
            ]
        );
        let f =
            counts("其中十二件予以公开，两件本机关不掌握相关信息，没有现成信息需要另行制作一件。");
        assert_eq!(
            f,
            [
                all(Fact::Granted, 12),
                all(Fact::NotHeld, 2),
                all(Fact::NeedsCreation, 1)
            ]
        );
        let f = counts("行政复议 5 件，其中结果维持 3 件，尚未审结 2 件；行政诉讼 4 件，其中未经复议直接起诉后结果纠正的 1 件，其他结果 3 件。");
        assert_eq!(
            f,
            [
                all(Fact::Review(4), 5),
                all(Fact::Review(0), 3),
                all(Fact::Review(3), 2),
                all(Fact::Litigation(None, 4), 4),
                all(Fact::Litigation(Some(1), 1), 1),
                all(Fact::Litigation(Some(1), 2), 3)
            ]
        );
        let f = counts("收到申请20件，其中自然人15件、商业企业3件、法人或其他组织5件。");
        assert_eq!(
            f,
            [
                all(Fact::Received, 20),
                (Fact::Received, Who::Natural, 15),
                (Fact::Received, Who::Org(1), 3),
                (Fact::Received, Who::Orgs, 5),
            ]
        );
    }

    #[test]
    fn shares_and_claims_belong_to_the_figure_before_them() {
        let (m, _) =
            read("予以公开 1362 件（占比 44.7%），同比增长 5.2%。行政复议 3 件，均获维持。");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(
            m[1].claim,
            Claim::Share {
                percent: 44.7,
                precision: 0.1,
                count: 1362
            }
        );
        assert_eq!(m[1].fact, Fact::Granted);
        assert_eq!((m[3].fact, m[3].claim), (Fact::Review(0), Claim::AllUpheld));
    }

    #[test]
    fn quantities_keep_the_words_that_name_them() {
        let (_, q) = read("2024年，我局通过门户网站主动公开政府信息 286 条，较上年增加 12 条；政府网站方面，发布信息 300 余条，召开发布会 2 场。一是通过门户网站主动公开政府信息 286 条。");
        let keys: Vec<(Option<&str>, String)> = q
            .iter()
            .map(|q| (q.key.as_deref(), q.value.to_string()))
            .collect();
        assert_eq!(
            keys,
            [
                (Some("通过门户网站主动公开政府信息条"), "286".to_string()),
                (None, "12".to_string()),
                (Some("召开发布会场"), "2".to_string()),
                (Some("通过门户网站主动公开政府信息条"), "286".to_string()),
            ]
        );
        assert_eq!(q[0].sentence, 1);
        assert_eq!(q[3].sentence, 3); // `；` ends a sentence too
    }
}
