//! `narrative-mismatch` (warning): a figure the prose states disagrees with the tables:
//! applications received (受理/新收/收到…申请), carried over (上年结转), answered (办结/答复),
//! carried forward (结转下年/顺延), the result categories (予以公开, 部分公开, 不予公开,
//! 不掌握, 另行制作, 无法提供, 不予处理, 其他途径), and 行政复议 / 行政诉讼 with their outcomes
//! (维持, 纠正, 其他结果, 尚未审结). Arabic and Chinese numerals (十二件, 两件) are read.
//!
//! Why: format.md §5 T-1; readers compare the prose with the tables first, and a mismatch is
//! a published inconsistency even when each part is right on its own.
//!
//! Only `N件` figures in a clause that names the thing counted are compared; sentences about
//! hotlines, consultations or messages are skipped. A figure matches when it equals the table,
//! or (for received) the table's received plus carried over, or (for litigation outcomes) one
//! block or both together. When the same thing is stated twice and one statement matches, the
//! other is taken to count something else and nothing is said.
//!
//! Decided for 洪泽 2024: its prose says 区政府办代表区政府受理…申请 17 件 while table 三
//! counts 95 for the district government. The sentence claims to speak for the government the
//! table counts, so the warning fires; the message says to state the scope in the text if it
//! differs. It is a warning, never an error.
//!
//! Example: 全年共受理政府信息公开申请 17 件 with 一、本年新收…总计 95 → 正文 17 件与表三 95 不一致.

use crate::diagnostic::{Diagnostic, Location, Num, Severity};
use crate::model::layout::{layout, CellId, Label, T3Role, T3_ROWS, T3_TOTAL_COL, T4_TOTAL_COL};
use crate::rules::{Context, RuleDef};

pub static RULE: RuleDef = RuleDef {
    id: "narrative-mismatch",
    severity: Severity::Warning,
    description: Label::new(
        "正文所述数字与表格不一致",
        "a figure stated in the prose disagrees with the tables",
    ),
    check,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    Received,
    CarriedOver,
    Answered,
    CarriedForward,
    Granted,
    Partial,
    Withheld,
    NotHeld,
    NeedsCreation,
    Unavailable,
    NotProcessed,
    OtherHandling,
    /// Table 四 行政复议, column (0..5).
    Review(usize),
    /// 行政诉讼: block (1 direct, 2 after review, `None` both), column.
    Litigation(Option<usize>, usize),
}

#[derive(Debug)]
pub struct Mention {
    pub fact: Fact,
    pub value: i64,
    pub clause: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Topic {
    None,
    Review,
    Litigation(Option<usize>),
}

const SKIP_SENTENCE: [&str; 6] = ["热线", "12345", "咨询", "留言", "来电", "来信"];

/// Every figure the prose states about the tables.
pub fn mentions(text: &str) -> Vec<Mention> {
    let text = crate::base::fold::fold_prose(text);
    let mut out = Vec::new();
    for sentence in text.split(['。', ';', '!', '?']) {
        // Figures are `N件` / `N宗`, and the topic starts afresh in each sentence: one without
        // either character states nothing (most sentences; this skips their searches).
        if !sentence.contains(['件', '宗']) || SKIP_SENTENCE.iter().any(|w| sentence.contains(w))
        {
            continue;
        }
        let mut topic = Topic::None;
        for clause in sentence.split([',', '、', '(', ')', ':']) {
            topic = update_topic(topic, clause);
            for (before, value, after) in numbers(clause) {
                if let Some(fact) = classify(before, after, clause, topic) {
                    out.push(Mention {
                        fact,
                        value,
                        clause: clause.chars().take(60).collect(),
                    });
                }
            }
        }
    }
    out
}

fn update_topic(topic: Topic, clause: &str) -> Topic {
    let lit = clause.contains("诉讼") || clause.contains("起诉");
    if lit {
        let block = if clause.contains("未经复议") || clause.contains("直接起诉") {
            Some(1)
        } else if clause.contains("复议后") {
            Some(2)
        } else if let Topic::Litigation(b) = topic {
            b
        } else {
            None
        };
        Topic::Litigation(block)
    } else if clause.contains("行政复议") || clause.contains("申请复议") {
        Topic::Review
    } else {
        topic
    }
}

/// `N件` figures in a clause: (text before since the last figure, value, text after until the
/// next figure).
fn numbers(clause: &str) -> Vec<(&str, i64, &str)> {
    let mut found: Vec<(usize, usize, i64)> = Vec::new(); // (start, end after 件, value)
    for (p, c) in clause.char_indices() {
        if c != '件' && c != '宗' {
            continue;
        }
        let head = &clause[..p];
        let Some((start, value)) = number_before(head) else {
            continue;
        };
        if head[..start].ends_with('第') || head[..start].ends_with('几') {
            continue;
        }
        found.push((start, p + c.len_utf8(), value));
    }
    let mut out = Vec::new();
    for (k, &(start, end, value)) in found.iter().enumerate() {
        let from = if k == 0 { 0 } else { found[k - 1].1 };
        let to = found.get(k + 1).map_or(clause.len(), |n| n.0);
        out.push((
            &clause[from.min(start)..start],
            value,
            &clause[end..to.max(end)],
        ));
    }
    out
}

/// The number ending at the end of `s`: Arabic digits (with thousands commas) or Chinese
/// numerals. Returns its start and value.
fn number_before(s: &str) -> Option<(usize, i64)> {
    let digits_start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == ',')
        .last()
        .map(|(i, _)| i);
    if let Some(i) = digits_start {
        let d: String = s[i..].chars().filter(char::is_ascii_digit).collect();
        if !d.is_empty() && d.len() <= 12 {
            let i = i + s[i..].find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            return d.parse().ok().map(|v| (i, v));
        }
    }
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| "零〇一二两三四五六七八九十百千万".contains(*c))
        .take(12)
        .last()
        .map(|(i, _)| i)?;
    chinese_number(&s[start..]).map(|v| (start, v))
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
        return plain.parse().ok();
    }
    let v = total + section + cur.unwrap_or(0);
    (!s.is_empty()).then_some(v)
}

fn classify(before: &str, after: &str, clause: &str, topic: Topic) -> Option<Fact> {
    let has = |words: &[&str]| {
        words
            .iter()
            .any(|w| before.contains(w) || after.contains(w))
    };
    if topic != Topic::None {
        let col = if has(&["维持"]) {
            Some(0)
        } else if has(&["纠正", "纠错"]) {
            Some(1)
        } else if has(&["其他结果"]) {
            Some(2)
        } else if has(&["尚未审结", "未审结", "审理中", "尚在审理"]) {
            Some(3)
        } else if has(&["复议", "诉讼", "起诉"]) {
            Some(T4_TOTAL_COL)
        } else {
            None
        };
        if let Some(col) = col {
            return Some(match topic {
                Topic::Review => Fact::Review(col),
                Topic::Litigation(b) => Fact::Litigation(b, col),
                Topic::None => return None,
            });
        }
    }
    const ORDER: [(&[&str], Fact); 11] = [
        (
            &[
                "结转下年",
                "结转至下",
                "结转到下",
                "转入下年",
                "顺延",
                "下年度继续办理",
                "结转下一年",
            ],
            Fact::CarriedForward,
        ),
        (
            &[
                "上年结转",
                "上年度结转",
                "上一年度结转",
                "上年度转入",
                "上年遗留",
                "上年度遗留",
            ],
            Fact::CarriedOver,
        ),
        (&["部分公开"], Fact::Partial),
        (&["不予公开"], Fact::Withheld),
        (&["予以公开", "同意公开", "全部公开"], Fact::Granted),
        (&["不掌握"], Fact::NotHeld),
        (&["另行制作"], Fact::NeedsCreation),
        (&["无法提供"], Fact::Unavailable),
        (&["不予处理"], Fact::NotProcessed),
        (&["其他途径", "其他处理"], Fact::OtherHandling),
        (&["办结", "答复", "办理完毕", "处理完毕"], Fact::Answered),
    ];
    for (words, fact) in ORDER {
        if has(words) {
            return Some(fact);
        }
    }
    let received = has(&["受理", "新收", "收到", "接收", "共收"]);
    (received && clause.contains("申请")).then_some(Fact::Received)
}

/// The table cells a fact is compared with: (cell, sign) terms, and alternatives.
fn cells_of(ctx: &Context, fact: Fact) -> Vec<Vec<CellId>> {
    let l = layout();
    let row = |key: &str| T3_ROWS.iter().position(|r| r.key == key).unwrap_or(0);
    let total = |key: &str| l.t3(row(key), T3_TOTAL_COL);
    let group = |prefix: &str| -> Vec<CellId> {
        T3_ROWS
            .iter()
            .enumerate()
            .filter(|(_, r)| r.key.starts_with(prefix) && r.role == T3Role::Result)
            .map(|(i, _)| l.t3(i, T3_TOTAL_COL))
            .filter(|&id| ctx.report.cell(id).is_present())
            .collect()
    };
    match fact {
        Fact::Received => vec![
            vec![total("received")],
            vec![total("received"), total("carriedOver")],
        ],
        Fact::CarriedOver => vec![vec![total("carriedOver")]],
        Fact::Answered => vec![vec![total("results/total")]],
        Fact::CarriedForward => vec![vec![total("carriedForward")]],
        Fact::Granted => vec![vec![total("results/granted")]],
        Fact::Partial => vec![vec![total("results/partiallyGranted")]],
        Fact::NotHeld => vec![vec![total("results/unavailable/notHeld")]],
        Fact::NeedsCreation => vec![vec![total("results/unavailable/needsCreation")]],
        Fact::Withheld => vec![group("results/withheld/")],
        Fact::Unavailable => vec![group("results/unavailable/")],
        Fact::NotProcessed => vec![group("results/notProcessed/")],
        Fact::OtherHandling => vec![group("results/otherHandling")],
        Fact::Review(c) => vec![vec![l.t4(0, c)]],
        Fact::Litigation(Some(b), c) => vec![vec![l.t4(b, c)], vec![l.t4(1, c), l.t4(2, c)]],
        Fact::Litigation(None, c) => vec![vec![l.t4(1, c), l.t4(2, c)]],
    }
}

fn sum(ctx: &Context, ids: &[CellId]) -> Option<i64> {
    if ids.is_empty() {
        return None;
    }
    ids.iter().map(|&id| ctx.report.int(id)).sum()
}

fn describe(ctx: &Context, ids: &[CellId]) -> String {
    if ids.len() == 1 {
        return ctx.name(ids[0]).to_string();
    }
    let names: Vec<&str> = ids.iter().map(|&id| ctx.name(id)).collect();
    if ctx.zh() {
        format!("{}之和", names.join("、"))
    } else {
        format!("the sum of {}", names.join(", "))
    }
}

/// Sections whose prose counts applications and cases.
const SECTIONS: [&str; 3] = ["overview", "applications", "reviewLitigation"];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut all: Vec<(&str, Mention)> = Vec::new();
    for key in SECTIONS {
        if let Some(text) = ctx.report.section(key) {
            all.extend(mentions(text).into_iter().map(|m| (key, m)));
        }
    }
    let mut done: Vec<Fact> = Vec::new();
    for (i, (key, m)) in all.iter().enumerate() {
        if done.contains(&m.fact) {
            continue;
        }
        done.push(m.fact);
        let alts = cells_of(ctx, m.fact);
        let values: Vec<(i64, &Vec<CellId>)> = alts
            .iter()
            .filter_map(|ids| sum(ctx, ids).map(|v| (v, ids)))
            .collect();
        let Some(&(table, ids)) = values.first() else {
            continue;
        };
        let same_fact = all[i..].iter().filter(|(_, o)| o.fact == m.fact);
        if same_fact
            .clone()
            .any(|(_, o)| values.iter().any(|(v, _)| *v == o.value))
        {
            continue;
        }
        let name = describe(ctx, ids);
        let (n, clause) = (m.value, &m.clause);
        let message = if ctx.zh() {
            format!("正文「{clause}」所述 {n} 件与{name} {table} 不一致；若正文统计的范围不同（如仅指某一机构），请在正文中写明。")
        } else {
            format!("The prose \"{clause}\" states {n}, but {name} is {table}; if the prose counts something else (e.g. one office only), say so in the text.")
        };
        let mut d = ctx.diag(&RULE, ctx.path(ids[0]), message);
        d.related = ids
            .iter()
            .skip(1)
            .map(|&id| ctx.path(id).to_string())
            .collect();
        d.related.push(format!("/sections/{key}"));
        d.expected = Some(Num::Int(table));
        d.actual = Some(Num::Int(n));
        d.location = Some(Location {
            excerpt: Some(clause.clone()),
            ..Location::default()
        });
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::decode::decode;
    use crate::options::Options;
    use crate::rules::testing::sample;
    use serde_json::{json, Value};

    fn facts(text: &str) -> Vec<(Fact, i64)> {
        mentions(text)
            .into_iter()
            .map(|m| (m.fact, m.value))
            .collect()
    }

    fn run(doc: &Value) -> Vec<Diagnostic> {
        let report = decode(doc);
        let o = Options::default();
        let mut out = Vec::new();
        (RULE.check)(&Context::new(&report, &o), &mut out);
        out
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
        let f = facts("全年共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。");
        assert_eq!(
            f,
            [
                (Fact::Received, 3119),
                (Fact::Answered, 3050),
                (Fact::CarriedOver, 34),
                (Fact::CarriedForward, 103)
            ]
        );
        let f =
            facts("其中十二件予以公开，两件本机关不掌握相关信息，没有现成信息需要另行制作一件。");
        assert_eq!(
            f,
            [
                (Fact::Granted, 12),
                (Fact::NotHeld, 2),
                (Fact::NeedsCreation, 1)
            ]
        );
        let f = facts("行政复议 5 件，其中结果维持 3 件，尚未审结 2 件；行政诉讼 4 件，其中未经复议直接起诉后结果纠正的 1 件，其他结果 3 件。");
        assert_eq!(
            f,
            [
                (Fact::Review(4), 5),
                (Fact::Review(0), 3),
                (Fact::Review(3), 2),
                (Fact::Litigation(None, 4), 4),
                (Fact::Litigation(Some(1), 1), 1),
                (Fact::Litigation(Some(1), 2), 3)
            ]
        );
    }

    #[test]
    fn ignores_what_counts_something_else() {
        assert!(facts("受理“12345”热线来电 84 件，均已回复。").is_empty());
        assert!(facts("其中当面申请7件，网络申请8件。").is_empty());
        assert!(facts("全年新增公开规章 1 件、规范性文件 11 件。").is_empty());
        assert!(facts("第3件申请已办结。").is_empty());
    }

    #[test]
    fn passes_when_prose_agrees() {
        let mut doc = sample("2024");
        let received = doc
            .pointer("/applications/received/total")
            .unwrap()
            .as_i64()
            .unwrap();
        doc["sections"] = json!({"overview": format!("本年共收到政府信息公开申请{received}件。")});
        assert!(run(&doc).is_empty());
    }

    #[test]
    fn warns_when_prose_disagrees() {
        let mut doc = sample("2024");
        doc["sections"] =
            json!({"overview": "本机关代表本级政府受理政府信息公开申请 1 件，均按期答复。"});
        let d = run(&doc);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "/applications/received/total");
        assert_eq!(d[0].actual, Some(Num::Int(1)));
        assert!(d[0].message.starts_with("正文「本机关代表本级政府受理政府信息公开申请1件」所述 1 件与表三「一、本年新收政府信息公开申请数量」行「总计」列"));
    }
}
